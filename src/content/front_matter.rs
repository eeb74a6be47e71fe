//! Jekyll-style YAML front matter: the block between `---` lines at the top of a page.

use std::collections::HashMap;

use super::diagnostics::{Diagnostic, Position};
use super::yaml;
use crate::model::PageMeta;

/// The keys a page may set, as editors write them.
pub const KEYS: [&str; 8] = [
    "title",
    "description",
    "background",
    "imageLicense",
    "height",
    "lang-ref",
    "lang",
    "permalink",
];

/// Jekyll keys that mean nothing here but are harmless in pages carried over from Jekyll.
const IGNORED_JEKYLL_KEYS: [&str; 2] = ["layout", "published"];

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

/// The page's metadata, and where each key was written so later checks can point at it.
pub struct Meta {
    pub meta: PageMeta,
    pub positions: HashMap<&'static str, Position>,
}

/// Reads and checks the front matter. `lang` is the language the file's folder gives.
pub fn read(
    file: &str,
    split: &Split,
    lang: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Meta> {
    let document = yaml::mapping(
        file,
        split.yaml,
        split.yaml_line,
        "front matter",
        diagnostics,
    )?;
    let entries = document.entries().unwrap_or_default();
    let mut meta = PageMeta {
        lang: lang.to_owned(),
        ..PageMeta::default()
    };
    let mut positions = HashMap::new();
    let mut title = None;

    for (key, key_node, value) in entries {
        let Some(&known) = KEYS.iter().find(|k| **k == key) else {
            if !IGNORED_JEKYLL_KEYS.contains(&key.as_str()) {
                diagnostics.push(yaml::unknown_key(
                    file,
                    &key,
                    key_node.at,
                    &KEYS,
                    "front matter key",
                ));
            }
            continue;
        };
        positions.insert(known, value.at);
        let Some(text) = yaml::text_of(file, &key, &value, diagnostics) else {
            continue;
        };
        match known {
            "title" => title = Some(text),
            "description" => meta.description = Some(text),
            "background" => meta.background = Some(text),
            "imageLicense" => meta.image_license = Some(text),
            "height" => {
                if is_css_length(&text) {
                    meta.height = Some(text);
                } else {
                    diagnostics.push(
                        Diagnostic::error(
                            file,
                            value.at,
                            format!("`height` must be a CSS length, found `{text}`"),
                        )
                        .with_hint("write a number and a unit, such as `70vh`, `480px` or `30rem`"),
                    );
                }
            }
            "lang-ref" => meta.lang_ref = Some(text),
            "lang" => meta.lang = text,
            "permalink" => match crate::routes::address_problem(&text) {
                None => meta.permalink = Some(text),
                Some(problem) => diagnostics.push(
                    Diagnostic::error(
                        file,
                        value.at,
                        format!("`permalink` `{text}` is not an address of this site: {problem}"),
                    )
                    .with_hint(
                        "write a path of plain names from the site's root, such as `/contact/`",
                    ),
                ),
            },
            _ => unreachable!("every key in KEYS is handled"),
        }
    }

    let Some(title) = title else {
        let at = if split.yaml.is_empty() {
            Position::START
        } else {
            Position::new(split.yaml_line, 1)
        };
        diagnostics.push(
            Diagnostic::error(file, at, "the page has no `title`")
                .with_hint("add a line `title: The page title` to the front matter"),
        );
        return None;
    };
    meta.title = title;
    Some(Meta { meta, positions })
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

    fn read_text(text: &str) -> (Option<Meta>, Vec<Diagnostic>) {
        let mut diagnostics = Vec::new();
        let meta = match split("content/p.md", text) {
            Ok(split) => read("content/p.md", &split, "en", &mut diagnostics),
            Err(d) => {
                diagnostics.push(d);
                None
            }
        };
        (meta, diagnostics)
    }

    fn messages(diagnostics: &[Diagnostic]) -> Vec<String> {
        diagnostics.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn reads_every_key_of_the_seed_page() {
        let (meta, diagnostics) = read_text(SEED_FRONT_MATTER);
        assert_eq!(diagnostics, []);
        let meta = meta.unwrap().meta;
        assert_eq!(meta.title, "About the Specify Collections Consortium");
        assert_eq!(
            meta.description.as_deref(),
            Some("A community of member collections from around the globe")
        );
        assert_eq!(
            meta.background.as_deref(),
            Some("/assets/images/placeholders/moss.jpg")
        );
        assert_eq!(
            meta.image_license.as_deref(),
            Some("Specify Collections Consortium")
        );
        assert_eq!(meta.height.as_deref(), Some("70vh"));
        assert_eq!(meta.lang_ref.as_deref(), Some("about"));
        assert_eq!(meta.lang, "en");
        assert_eq!(meta.permalink, None);
    }

    #[test]
    fn reads_lang_and_permalink() {
        let (meta, _) = read_text("---\ntitle: Datos\nlang: es\npermalink: /es/datos/\n---\n");
        let meta = meta.unwrap().meta;
        assert_eq!(meta.lang, "es");
        assert_eq!(meta.permalink.as_deref(), Some("/es/datos/"));
    }

    #[test]
    fn the_body_starts_after_the_closing_fence() {
        let split = split("content/p.md", SEED_FRONT_MATTER).unwrap();
        assert_eq!(split.body, "\n## About\n");
        assert_eq!(split.body_line, 10);
    }

    #[test]
    fn invalid_yaml_is_reported_at_its_line_in_the_file() {
        let (meta, diagnostics) =
            read_text("---\ntitle: A\ndescription: [unclosed\nheight: 70vh\n---\nbody\n");
        assert!(meta.is_none());
        assert_eq!(diagnostics.len(), 1);
        let d = &diagnostics[0];
        assert!(
            d.message.starts_with("front matter is not valid YAML"),
            "{d}"
        );
        assert!(d.line >= 3 && d.line <= 5, "{d}");
    }

    #[test]
    fn a_missing_title_is_an_error() {
        let (meta, diagnostics) = read_text("---\ndescription: x\n---\n");
        assert!(meta.is_none());
        assert_eq!(
            messages(&diagnostics),
            [
                "content/p.md:2:1: error: the page has no `title`\n  = hint: add a line `title: The page title` to the front matter"
            ]
        );
    }

    #[test]
    fn a_file_without_front_matter_has_no_title() {
        let (_, diagnostics) = read_text("# Just Markdown\n");
        assert_eq!(diagnostics[0].message, "the page has no `title`");
        assert_eq!((diagnostics[0].line, diagnostics[0].column), (1, 1));
    }

    #[test]
    fn an_unclosed_front_matter_is_an_error() {
        let (_, diagnostics) = read_text("---\ntitle: x\n");
        assert_eq!(diagnostics[0].message, "front matter is never closed");
    }

    #[test]
    fn height_must_be_a_css_length() {
        let (_, diagnostics) = read_text("---\ntitle: x\nheight: tall\n---\n");
        assert_eq!(
            messages(&diagnostics),
            [
                "content/p.md:3:9: error: `height` must be a CSS length, found `tall`\n  = hint: write a number and a unit, such as `70vh`, `480px` or `30rem`"
            ]
        );
        assert!(is_css_length("70vh") && is_css_length("480px") && is_css_length("12.5rem"));
        assert!(!is_css_length("70") && !is_css_length("-3px") && !is_css_length("vh"));
    }

    #[test]
    fn a_value_of_the_wrong_type_is_an_error() {
        let (_, diagnostics) = read_text("---\ntitle: x\ndescription:\n  - a\n  - b\n---\n");
        assert_eq!(
            diagnostics[0].message,
            "`description` must be text, found a list"
        );
        assert_eq!(diagnostics[0].line, 4);
    }

    #[test]
    fn an_unknown_key_is_a_warning_with_a_suggestion() {
        let (meta, diagnostics) = read_text("---\ntitle: x\nimage_license: CC BY\n---\n");
        assert!(meta.is_some());
        assert_eq!(
            messages(&diagnostics),
            [
                "content/p.md:3:1: warning: unknown front matter key `image_license`\n  = hint: did you mean `imageLicense`?"
            ]
        );
    }
}
