//! Jekyll-style YAML front matter: the block between `---` lines at the top of a page.
//!
//! Any key is allowed: front matter is data for the layouts and for Liquid (`page.*`). Only a
//! key that looks like a misspelling of one the site reads (`descripton`) is worth a warning.

use liquid::model::{Object, Value};

use super::yaml::{self, Positions};
use crate::content::diagnostics::{Diagnostic, Position, did_you_mean};

/// The keys the theme's layouts and blocks read from a page.
pub const KNOWN_KEYS: [&str; 31] = [
    "title",
    "description",
    "background",
    "imageLicense",
    "imageAlt",
    "height",
    "lang-ref",
    "lang",
    "permalink",
    "layout",
    "composition",
    "cta",
    "preTitle",
    "overlayColor",
    "hasBlackText",
    "hasTextShadow",
    "klass",
    "toc",
    "tocMaxDepth",
    "mobileToc",
    "published",
    "date",
    "categories",
    "tags",
    "excludeFromArchive",
    "thumbnail",
    "sideNavigation",
    "navbar",
    "redirect_from",
    "author",
    "sitemap",
];

/// A content file cut into its front matter and its Markdown body.
#[derive(Debug)]
pub struct Split<'a> {
    pub yaml: &'a str,
    /// 1-based line of the file on which the YAML starts.
    pub yaml_line: usize,
    pub body: &'a str,
    pub body_line: usize,
}

/// Cuts `text` at its `---` fences. A file without front matter is all body.
pub fn split<'a>(file: &str, text: &'a str) -> Result<Split<'a>, Diagnostic> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some(after_open) = strip_fence(text) else {
        return Ok(Split {
            yaml: "",
            yaml_line: 1,
            body: text,
            body_line: 1,
        });
    };
    let yaml_start = text.len() - after_open.len();
    let mut offset = yaml_start;
    for (n, line) in after_open.split_inclusive('\n').enumerate() {
        let bare = line.trim_end();
        if bare == "---" || bare == "..." {
            return Ok(Split {
                yaml: &text[yaml_start..offset],
                yaml_line: 2,
                body: &text[offset + line.len()..],
                body_line: n + 3,
            });
        }
        offset += line.len();
    }
    Err(
        Diagnostic::error(file, Position::START, "front matter is never closed")
            .with_hint("end the front matter with a line of three dashes: `---`"),
    )
}

fn strip_fence(text: &str) -> Option<&str> {
    let rest = text.strip_prefix("---")?;
    let rest = rest.trim_start_matches([' ', '\t']);
    rest.strip_prefix("\r\n")
        .or_else(|| rest.strip_prefix('\n'))
}

/// A page's front matter as data, and where each value was written.
#[derive(Clone, Debug, Default)]
pub struct FrontMatter {
    pub value: Object,
    pub positions: Positions,
    /// Where the front matter starts (its first line), for problems with no key to point at.
    pub start: Position,
}

impl FrontMatter {
    /// Where the value at `path` (`title`, `composition.0.data`) was written.
    pub fn position(&self, path: &str) -> Position {
        self.positions.get(path).copied().unwrap_or(self.start)
    }
}

/// Reads the front matter of `split` (from `file`). `None` with an error when it is not a set
/// of `key: value` lines.
pub fn read(file: &str, split: &Split, diagnostics: &mut Vec<Diagnostic>) -> Option<FrontMatter> {
    let start = if split.yaml.is_empty() {
        Position::START
    } else {
        Position::new(split.yaml_line, 1)
    };
    let document = yaml::mapping(
        file,
        split.yaml,
        split.yaml_line,
        "front matter",
        diagnostics,
    )?;
    let (value, positions) = document.to_value();
    let value = match value {
        Value::Object(object) => object,
        _ => Object::new(),
    };
    for key in value.keys() {
        if KNOWN_KEYS.contains(&key.as_str()) {
            continue;
        }
        if let Some(close) = did_you_mean(key, &KNOWN_KEYS) {
            diagnostics.push(
                Diagnostic::warning(
                    file,
                    positions
                        .get(&yaml::key_path(key))
                        .copied()
                        .unwrap_or(start),
                    format!("the front matter key `{key}` is not one the site reads"),
                )
                .with_hint(format!("did you mean `{close}`?")),
            );
        }
    }
    Some(FrontMatter {
        value,
        positions,
        start,
    })
}

/// A positive CSS length with a unit, or a percentage.
pub fn is_css_length(value: &str) -> bool {
    const UNITS: [&str; 16] = [
        "px", "rem", "em", "vh", "vw", "svh", "lvh", "dvh", "vmin", "vmax", "ch", "ex", "%", "cm",
        "mm", "in",
    ];
    let value = value.trim();
    let digits_end = value
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(value.len());
    let (number, unit) = value.split_at(digits_end);
    number.parse::<f64>().is_ok_and(|n| n > 0.0) && UNITS.contains(&unit)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED_FRONT_MATTER: &str = "---\nlang-ref: about\ntitle: About the Specify Collections Consortium\ndescription: A community of member collections from around the globe\nbackground: /assets/images/placeholders/moss.jpg\nimageLicense: |\n  Specify Collections Consortium\nheight: 70vh\n---\n\n## About\n";

    fn read_text(text: &str) -> (Option<FrontMatter>, Vec<String>) {
        let mut diagnostics = Vec::new();
        let front = match split("content/p.md", text) {
            Ok(split) => read("content/p.md", &split, &mut diagnostics),
            Err(d) => {
                diagnostics.push(d);
                None
            }
        };
        (front, diagnostics.iter().map(ToString::to_string).collect())
    }

    fn text(front: &FrontMatter, key: &str) -> Option<String> {
        front.value.get(key).and_then(crate::content::values::text)
    }

    #[test]
    fn reads_every_key_of_the_seed_page_with_its_position() {
        let (front, problems) = read_text(SEED_FRONT_MATTER);
        assert!(problems.is_empty(), "{problems:?}");
        let front = front.unwrap();
        assert_eq!(
            text(&front, "title").as_deref(),
            Some("About the Specify Collections Consortium")
        );
        assert_eq!(
            text(&front, "imageLicense").as_deref(),
            Some("Specify Collections Consortium\n")
        );
        assert_eq!(text(&front, "height").as_deref(), Some("70vh"));
        assert_eq!(front.position("height"), Position::new(8, 9));
    }

    #[test]
    fn the_body_starts_after_the_closing_fence() {
        let split = split("content/p.md", SEED_FRONT_MATTER).unwrap();
        assert_eq!(split.body, "\n## About\n");
        assert_eq!(split.body_line, 10);
    }

    #[test]
    fn invalid_yaml_is_reported_at_its_line_in_the_file() {
        let (front, problems) =
            read_text("---\ntitle: A\ndescription: [unclosed\nheight: 70vh\n---\nbody\n");
        assert!(front.is_none());
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].contains("error: front matter is not valid YAML"),
            "{problems:?}"
        );
    }

    #[test]
    fn an_unclosed_front_matter_is_an_error() {
        let (_, problems) = read_text("---\ntitle: x\n");
        assert!(problems[0].contains("front matter is never closed"));
    }

    #[test]
    fn any_key_is_data_and_only_a_misspelling_is_a_warning() {
        let (front, problems) = read_text("---\ntitle: x\ncustomField: 3\ndescripton: y\n---\n");
        assert!(front.unwrap().value.contains_key("customField"));
        assert_eq!(
            problems,
            [
                "content/p.md:4:1: warning: the front matter key `descripton` is not one the site reads\n  = hint: did you mean `description`?"
            ]
        );
    }

    #[test]
    fn heights_are_css_lengths() {
        assert!(is_css_length("70vh") && is_css_length("480px") && is_css_length("12.5rem"));
        assert!(!is_css_length("70") && !is_css_length("-3px") && !is_css_length("vh"));
    }
}
