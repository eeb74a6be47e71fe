//! What the compiler reads: a hosted-portal repository (a Jekyll site folder), loaded from disk
//! or given by a test, sorted the way Jekyll sorts it.
//!
//! - `_config.yml`: the site's settings;
//! - `_data/**` (YAML, JSON, CSV): data, by dotted path;
//! - `_includes/**`: what `{% include %}` finds; `_layouts/*.html`: the repository's own layouts;
//! - `_posts/**`: news posts;
//! - any other file that starts with front matter and is Markdown: a page;
//! - any other file: a static file, copied to the same address.
//!
//! Names starting with `_`, `.` or `#`, or ending with `~`, are not part of the site, nor are the
//! paths `exclude:` lists (added to Jekyll's own list).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use super::diagnostics::Diagnostic;
use super::walk;

/// The settings file, at the top of the site's folder.
pub const CONFIG_FILE: &str = "_config.yml";

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

/// Extensions of the pages the compiler reads as Markdown.
pub const MARKDOWN_EXTENSIONS: [&str; 2] = ["md", "markdown"];

/// Everything the compiler reads, so that it can be fed from disk or from a test.
#[derive(Clone, Debug, Default)]
pub struct Input {
    /// The site's folder on disk, for copying its static files (none in tests).
    pub root: Option<PathBuf>,
    /// `_config.yml`, if there is one.
    pub config: Option<SourceFile>,
    /// Every file under `_data/`.
    pub data: Vec<SourceFile>,
    /// Every file under `_includes/`, by its path there (`figure.html`).
    pub includes: BTreeMap<String, SourceFile>,
    /// The names of the repository's own layouts (`_layouts/custom.html` is `custom`).
    pub layouts: BTreeSet<String>,
    /// Pages and posts: files with front matter.
    pub documents: Vec<SourceFile>,
    /// Every other file of the site, as the address it is served at (`/assets/moss.jpg`).
    pub static_files: BTreeSet<String>,
    /// Where the static files served elsewhere than their path are (a collection's
    /// `/_guides/a.svg` is served at `/guides/a.svg`), by address.
    pub static_sources: BTreeMap<String, String>,
    /// What was wrong while reading the folder (links out of the site, loops).
    pub problems: Vec<Diagnostic>,
}

/// A file of the site.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// Path inside the site's folder (`es/about.md`, `_posts/2021-01-14-x.md`).
    pub relative: String,
    /// Path as messages show it (`content/es/about.md`).
    pub shown: String,
    pub bytes: Vec<u8>,
}

impl SourceFile {
    /// A file of the site folder `content/` with `text`, for tests.
    pub fn new(relative: &str, text: &str) -> Self {
        Self {
            relative: relative.to_owned(),
            shown: format!("content/{relative}"),
            bytes: text.as_bytes().to_vec(),
        }
    }

    /// Whether this is a post (a file under a `_posts` folder).
    pub fn is_post(&self) -> bool {
        self.relative.starts_with("_posts/") || self.relative.contains("/_posts/")
    }
}

impl Input {
    /// A site of the given files (paths inside the folder, texts), sorted as `load` sorts them,
    /// for tests.
    pub fn of(files: &[(&str, &str)]) -> Self {
        let mut input = Input::default();
        let config = files
            .iter()
            .find(|(relative, _)| *relative == CONFIG_FILE)
            .map(|(relative, text)| SourceFile::new(relative, text));
        let selection = Selection::of(config.as_ref());
        for (relative, text) in files {
            input.add(SourceFile::new(relative, text), &selection);
        }
        input
    }

    /// Puts a file where it belongs.
    fn add(&mut self, file: SourceFile, selection: &Selection) {
        let relative = file.relative.clone();
        if relative == CONFIG_FILE {
            self.config = Some(file);
        } else if let Some(data) = relative.strip_prefix("_data/") {
            if !data.split('/').any(is_hidden) {
                self.data.push(file);
            }
        } else if let Some(include) = relative.strip_prefix("_includes/") {
            self.includes.insert(include.to_owned(), file);
        } else if let Some(layout) = relative.strip_prefix("_layouts/") {
            if let Some(name) = layout.strip_suffix(".html") {
                self.layouts.insert(name.to_owned());
            }
        } else if !selection.is_part_of_site(&relative) {
        } else if starts_with_front_matter(&file.bytes) && is_page(&relative) {
            self.documents.push(file);
        } else if !file.is_post() && selection.copied(&relative) {
            // A collection's own files are written without the folder's `_` (`/guides/a.svg`).
            match selection.collection_address(&relative) {
                Some(address) => {
                    self.static_sources
                        .insert(address.clone(), format!("/{relative}"));
                    self.static_files.insert(address);
                }
                None => {
                    self.static_files.insert(format!("/{relative}"));
                }
            }
        }
    }
}

/// Which files make the site, from `_config.yml`: what `exclude:` leaves out, and the folders of
/// the custom collections (`collections:`), which are part of it though their names start with
/// `_`.
#[derive(Default)]
struct Selection {
    excluded: Vec<String>,
    /// Each collection's name and whether its files are written (`output: true`).
    collections: Vec<(String, bool)>,
}

impl Selection {
    fn of(config: Option<&SourceFile>) -> Self {
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

    fn is_part_of_site(&self, relative: &str) -> bool {
        let in_collection = self
            .collections
            .iter()
            .any(|(name, _)| relative.starts_with(&format!("_{name}/")));
        (in_collection || is_part_of_site(relative, &[])) && !is_excluded(relative, &self.excluded)
    }

    /// The address of a file in a collection's folder: the folder's name without its `_`.
    fn collection_address(&self, relative: &str) -> Option<String> {
        self.collections.iter().find_map(|(name, _)| {
            relative
                .strip_prefix(&format!("_{name}/"))
                .map(|inner| format!("/{name}/{inner}"))
        })
    }

    /// Whether a file without front matter is copied: not in a collection that is not written.
    fn copied(&self, relative: &str) -> bool {
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
fn is_hidden(name: &str) -> bool {
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

fn starts_with_front_matter(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    bytes.starts_with(b"---\n") || bytes.starts_with(b"---\r\n")
}

fn is_markdown(relative: &str) -> bool {
    relative
        .rsplit_once('.')
        .is_some_and(|(_, ext)| MARKDOWN_EXTENSIONS.contains(&ext))
}

/// Whether a file with front matter at `relative` is a page: Markdown, or HTML (whose body is
/// Liquid and HTML, see `draft::compile`). Other files with front matter (a feed template, a
/// script) are copied as they are.
fn is_page(relative: &str) -> bool {
    is_markdown(relative) || is_html(relative)
}

/// Whether `relative` is an HTML file (`.html`, `.htm`).
pub fn is_html(relative: &str) -> bool {
    relative
        .rsplit_once('.')
        .is_some_and(|(_, ext)| ext == "html" || ext == "htm")
}

/// The `exclude:` list of a `_config.yml`, read leniently: the settings themselves are read (and
/// checked) later, but which files make the site must be known first.
fn exclude_list(config: &liquid::model::Value) -> Vec<String> {
    super::liquid::values::get(config, "exclude")
        .and_then(super::liquid::values::array)
        .map(|items| {
            items
                .iter()
                .filter_map(super::liquid::values::text)
                .collect()
        })
        .unwrap_or_default()
}

/// Reads the site folder `root`, naming its files in messages after `shown` (`content`).
pub fn load(root: &Path, shown: &str) -> std::io::Result<Input> {
    let mut input = Input {
        root: Some(root.to_path_buf()),
        ..Input::default()
    };
    let (files, problems) = walk::files(root, root, shown);
    input.problems = problems;
    let config_path = root.join(CONFIG_FILE);
    let config = config_path
        .is_file()
        .then(|| -> std::io::Result<SourceFile> {
            Ok(SourceFile {
                relative: CONFIG_FILE.to_owned(),
                shown: format!("{shown}/{CONFIG_FILE}"),
                bytes: std::fs::read(&config_path)?,
            })
        })
        .transpose()?;
    let selection = Selection::of(config.as_ref());
    for path in files {
        let relative = relative_path(root, &path);
        if relative == CONFIG_FILE {
            continue;
        }
        // Static files are copied later, straight from disk: only their names are needed now.
        let needed = !selection.is_part_of_site(&relative)
            || relative.starts_with('_')
            || is_page(&relative);
        let bytes = if needed {
            std::fs::read(&path)?
        } else {
            Vec::new()
        };
        let file = SourceFile {
            shown: format!("{shown}/{relative}"),
            relative,
            bytes,
        };
        input.add(file, &selection);
    }
    if let Some(config) = config {
        input.add(config, &selection);
    }
    Ok(input)
}

/// `path` relative to `base`, with `/` between its parts.
pub(super) fn relative_path(base: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(base).unwrap_or(path);
    relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_sorted_as_jekyll_sorts_them() {
        let input = Input::of(&[
            ("_config.yml", "title: T\n"),
            ("_data/navigation.yml", "- text: A\n"),
            ("_data/es/navigation.yml", "- text: A\n"),
            ("_includes/figure.html", "<figure></figure>"),
            ("_layouts/custom.html", "{{ content }}"),
            ("_posts/2021-01-14-x.md", "---\ntitle: X\n---\n"),
            ("about.md", "---\ntitle: About\n---\n"),
            ("notes.md", "No front matter: a static file.\n"),
            ("assets/images/moss.jpg", ""),
            (".github/workflows/x.yml", ""),
            ("_sass/main.scss", ""),
            ("Gemfile", ""),
            ("vendor/bundle/x.rb", ""),
            ("node_modules/x/index.js", ""),
        ]);
        assert!(input.config.is_some());
        assert_eq!(input.data.len(), 2);
        assert_eq!(input.includes.keys().collect::<Vec<_>>(), ["figure.html"]);
        assert_eq!(input.layouts.iter().collect::<Vec<_>>(), ["custom"]);
        let documents: Vec<&str> = input
            .documents
            .iter()
            .map(|d| d.relative.as_str())
            .collect();
        assert_eq!(documents, ["_posts/2021-01-14-x.md", "about.md"]);
        assert_eq!(
            input.static_files.iter().collect::<Vec<_>>(),
            ["/assets/images/moss.jpg", "/notes.md"]
        );
    }

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
