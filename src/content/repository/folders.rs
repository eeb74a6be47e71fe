//! Jekyll's folder rules: which files make the site (not under a name starting with `_`, `.` or
//! `#`, not excluded by Jekyll or by `exclude:`, the custom collections' folders included), and
//! which of them are pages.

use super::source::SourceFile;

/// What Jekyll leaves out of every site, besides what `exclude:` lists.
const DEFAULT_EXCLUDE: [&str; 14] = [
    ".sass-cache",
    ".jekyll-cache",
    "gemfiles",
    "Gemfile",
    "Gemfile.lock",
    "node_modules",
    "vendor/bundle/",
    "vendor/cache/",
    "vendor/gems/",
    "vendor/ruby/",
    "vendor",
    "_site",
    "package.json",
    "package-lock.json",
];

/// Extensions of the pages read as Markdown (Jekyll's `markdown_ext`), in any case (`.MD`,
/// `.MARKDOWN`).
pub const MARKDOWN_EXTENSIONS: [&str; 5] = ["markdown", "mkdown", "mkdn", "mkd", "md"];

/// Which files make the site, from `_config.yml`: what `exclude:` leaves out, and the folders of
/// the custom collections (`collections:`), which are part of it though their names start with
/// `_`.
#[derive(Default)]
pub struct Selection {
    excluded: Vec<String>,
    /// Each collection's name and whether its files are written (`output: true`).
    collections: Vec<(String, bool)>,
}

impl Selection {
    pub fn of(config: Option<&SourceFile>) -> Self {
        let text = config.and_then(|c| std::str::from_utf8(&c.bytes).ok());
        let Some(document) = text.and_then(|t| super::yaml::Document::parse("", t, 1, "").ok())
        else {
            return Self::default();
        };
        let (value, _) = document.to_value();
        Self {
            excluded: exclude_list(&value),
            collections: super::config::collections(&value)
                .into_iter()
                .map(|c| (c.name, c.output))
                .collect(),
        }
    }

    pub fn is_part_of_site(&self, relative: &str) -> bool {
        let in_collection = self
            .collections
            .iter()
            .any(|(name, _)| relative.starts_with(&format!("_{name}/")));
        (in_collection || is_part_of_site(relative, &[])) && !is_excluded(relative, &self.excluded)
    }

    /// The address of a file in a collection's folder: the folder's name without its `_`.
    pub fn collection_address(&self, relative: &str) -> Option<String> {
        self.collections.iter().find_map(|(name, _)| {
            relative
                .strip_prefix(&format!("_{name}/"))
                .map(|inner| format!("/{name}/{inner}"))
        })
    }

    /// Whether a file without front matter is copied: not in a collection that is not written.
    pub fn copied(&self, relative: &str) -> bool {
        !self
            .collections
            .iter()
            .any(|(name, output)| !output && relative.starts_with(&format!("_{name}/")))
    }
}

/// Whether `relative` belongs to the site: not under a name Jekyll treats as special (`_`, `.`,
/// `#`, `~`, except `_posts` folders), and not excluded.
fn is_part_of_site(relative: &str, excluded: &[String]) -> bool {
    let segments: Vec<&str> = relative.split('/').collect();
    let special = segments
        .iter()
        .any(|segment| is_hidden(segment) && *segment != "_posts");
    !special && !is_excluded(relative, excluded)
}

/// Whether Jekyll's own exclusions or the site's `exclude:` list leave `relative` out.
fn is_excluded(relative: &str, excluded: &[String]) -> bool {
    DEFAULT_EXCLUDE
        .iter()
        .copied()
        .chain(excluded.iter().map(String::as_str))
        .any(|pattern| matches_exclude(relative, pattern))
}

/// A name Jekyll leaves out of the site unless told otherwise.
pub fn is_hidden(name: &str) -> bool {
    name.starts_with(['_', '.', '#']) || name.ends_with('~')
}

/// Whether `relative` is what an `exclude:` entry names: the path itself, a folder it is in, or
/// a match of a pattern with `*`.
fn matches_exclude(relative: &str, pattern: &str) -> bool {
    let pattern = pattern.trim_start_matches("./").trim_start_matches('/');
    let folder = pattern.trim_end_matches('/');
    if folder.is_empty() {
        return false;
    }
    if pattern.contains('*') {
        return glob_matches(pattern, relative)
            || relative
                .split('/')
                .next_back()
                .is_some_and(|name| glob_matches(pattern, name));
    }
    relative == folder || relative.starts_with(&format!("{folder}/"))
}

/// A shell-style match of `pattern` (`*` is any run of characters) against all of `text`.
fn glob_matches(pattern: &str, text: &str) -> bool {
    match pattern.split_once('*') {
        None => pattern == text,
        Some((head, tail)) => {
            let Some(rest) = text.strip_prefix(head) else {
                return false;
            };
            (0..=rest.len())
                .filter(|&i| rest.is_char_boundary(i))
                .any(|i| glob_matches(tail, &rest[i..]))
        }
    }
}

pub fn starts_with_front_matter(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    // Jekyll's `---\s*\r?\n`: spaces after the dashes are allowed.
    let Some(rest) = bytes.strip_prefix(b"---") else {
        return false;
    };
    let rest = &rest[rest
        .iter()
        .take_while(|b| matches!(b, b' ' | b'\t'))
        .count()..];
    rest.starts_with(b"\n") || rest.starts_with(b"\r\n")
}

pub fn is_markdown(relative: &str) -> bool {
    extension(relative).is_some_and(|ext| {
        MARKDOWN_EXTENSIONS
            .iter()
            .any(|markdown| ext.eq_ignore_ascii_case(markdown))
    })
}

/// The extension of the file's name (`md` of `a/b.md`), if it has one.
fn extension(relative: &str) -> Option<&str> {
    let name = relative.rsplit('/').next().unwrap_or(relative);
    name.rsplit_once('.').map(|(_, ext)| ext)
}

/// The extension of what a page is written as: `.html` for Markdown, its own for the rest
/// (`.html`, `.xml`), none for a file without one.
pub fn output_extension(relative: &str) -> String {
    match extension(relative) {
        _ if is_markdown(relative) => ".html".to_owned(),
        Some(ext) => format!(".{ext}"),
        None => String::new(),
    }
}

/// Whether a file with front matter at `relative` is a page: Markdown, or HTML (whose body is
/// Liquid and HTML, see `page::compile`). Other files with front matter (a feed template, a
/// script) are copied as they are.
pub fn is_page(relative: &str) -> bool {
    is_markdown(relative) || is_html(relative)
}

/// Whether `relative` is an HTML file (`.html`, `.htm`), or a file without an extension, which
/// Jekyll writes as it is (with its layout) at its address.
pub fn is_html(relative: &str) -> bool {
    match extension(relative) {
        Some(ext) => ext == "html" || ext == "htm",
        None => true,
    }
}

/// The `exclude:` list of a `_config.yml`, read leniently: the settings themselves are read (and
/// checked) later, but which files make the site must be known first.
fn exclude_list(config: &liquid::model::Value) -> Vec<String> {
    crate::content::values::get(config, "exclude")
        .and_then(crate::content::values::array)
        .map(|items| {
            items
                .iter()
                .filter_map(crate::content::values::text)
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exclude_names_paths_folders_and_patterns() {
        assert!(matches_exclude("README.md", "README.md"));
        assert!(matches_exclude("docs/a/b.md", "docs/"));
        assert!(matches_exclude("docs/a/b.md", "docs"));
        assert!(!matches_exclude("docsx/a.md", "docs"));
        assert!(matches_exclude("a/README.md", "*.md"));
        assert!(matches_exclude("serve.json", "serve.*"));
        assert!(!matches_exclude("about.md", "*.json"));
    }
}
