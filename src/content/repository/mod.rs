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

pub mod config;
pub mod data;
pub mod dates;
pub mod defaults;
pub mod documents;
pub mod folders;
pub mod front_matter;
pub mod icons;
pub mod mojibake;
pub mod permalink;
pub mod source;
pub mod static_scripts;
pub mod walk;
pub mod yaml;

use crate::content::diagnostics::{Diagnostic, Position};
use folders::{Selection, is_hidden, is_page, starts_with_front_matter};
pub use source::SourceFile;

/// The settings file, at the top of the site's folder.
pub const CONFIG_FILE: &str = "_config.yml";

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
    /// The repository's own layouts, by name (`_layouts/custom.html` is `custom`).
    pub layouts: BTreeMap<String, SourceFile>,
    /// Pages and posts: files with front matter.
    pub documents: Vec<SourceFile>,
    /// Every other file of the site, as the address it is served at (`/assets/moss.jpg`).
    pub static_files: BTreeSet<String>,
    /// Where the static files served elsewhere than their path are (a collection's
    /// `/_guides/a.svg` is served at `/guides/a.svg`), by address.
    pub static_sources: BTreeMap<String, String>,
    /// What was wrong while reading the folder (links out of the site, loops).
    pub problems: Vec<Diagnostic>,
    /// The sub-path the site is deployed under when the build is told one (trunk's
    /// `--public-url /scc/`), which wins over `baseurl`.
    pub deployed_at: Option<String>,
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
        } else if relative.starts_with("_plugins/") && relative.ends_with(".rb") {
            self.problems.push(plugin_warning(&file));
        } else if let Some(layout) = relative.strip_prefix("_layouts/") {
            if let Some(name) = layout.strip_suffix(".html") {
                self.layouts.insert(name.to_owned(), file);
            }
        } else if !selection.is_part_of_site(&relative) {
        } else if starts_with_front_matter(&file.bytes) && is_page(&relative) {
            self.documents.push(file);
        } else if !file.is_post() && selection.copied(&relative) {
            // A collection's own files are written without the folder's `_` (`/guides/a.svg`).
            let address = selection
                .collection_address(&relative)
                .unwrap_or_else(|| format!("/{relative}"));
            if let Some(what) = crate::routes::reserved(&address) {
                self.problems.push(
                    Diagnostic::warning(
                        &file.shown,
                        Position::START,
                        format!("`{address}` is the site's own ({what}), which the build writes, so this file is not published"),
                    )
                    .with_hint("remove it, or move it to another address"),
                );
                return;
            }
            if static_scripts::is_scriptable(&relative)
                && let Some((line, markup)) = static_scripts::script_at(&file.bytes)
            {
                self.problems.push(
                    Diagnostic::warning(
                        &file.shown,
                        Position::new(line, 1),
                        format!("this file is published as it is (as Jekyll publishes it) and can run a script in visitors' browsers (`{markup}`)"),
                    )
                    .with_hint("the site's policy stops the script where the host sends `_headers`, not on GitHub Pages; remove the script, or the file"),
                );
            }
            if address != format!("/{relative}") {
                self.static_sources
                    .insert(address.clone(), format!("/{relative}"));
            }
            self.static_files.insert(address);
        }
    }
}

/// Reads the site folder `root`, naming its files in messages after `shown` (`content`).
pub fn load(root: &Path, shown: &str) -> std::io::Result<Input> {
    let mut input = Input {
        root: Some(root.to_path_buf()),
        ..Input::default()
    };
    let (files, problems) = walk::files(root, root, shown);
    input.problems = problems;
    // Among the files the walk accepts: a link out of the site, or what is not a plain file (a
    // FIFO would never end), is not read, with the walk's error.
    let config = files
        .iter()
        .find(|path| walk::relative_path(root, path) == CONFIG_FILE)
        .map(|path| -> std::io::Result<SourceFile> {
            Ok(SourceFile {
                relative: CONFIG_FILE.to_owned(),
                shown: format!("{shown}/{CONFIG_FILE}"),
                bytes: std::fs::read(path)?,
            })
        })
        .transpose()?;
    let selection = Selection::of(config.as_ref());
    for path in files {
        let relative = walk::relative_path(root, &path);
        if relative == CONFIG_FILE {
            continue;
        }
        // Static files are copied later, straight from disk: only their names are needed now,
        // and the text of those that could run scripts, to say so.
        let needed = !selection.is_part_of_site(&relative)
            || relative.starts_with('_')
            || is_page(&relative)
            || static_scripts::is_scriptable(&relative);
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

/// The warning for a plugin of the repository's own (`_plugins/filters.rb`): Ruby, which cannot
/// run here; the filters it defines (`def name(input)`) pass their input through.
fn plugin_warning(file: &SourceFile) -> Diagnostic {
    let ruby = String::from_utf8_lossy(&file.bytes);
    let filters: Vec<String> = ruby
        .lines()
        .filter_map(|line| line.trim().strip_prefix("def "))
        .map(|rest| {
            rest.chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect::<String>()
        })
        .filter(|name| !name.is_empty())
        .map(|name| format!("`{name}`"))
        .collect();
    let what = if filters.is_empty() {
        String::new()
    } else {
        format!(
            ": what it defines ({}) passes its input through",
            filters.join(", ")
        )
    };
    Diagnostic::warning(
        &file.shown,
        Position::START,
        format!("this Jekyll plugin is written in Ruby, which does not run here{what}"),
    )
    .with_hint(
        "the site is built without it; a page that needs it shows what Liquid gives without it",
    )
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
        assert_eq!(input.layouts.keys().collect::<Vec<_>>(), ["custom"]);
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
}
