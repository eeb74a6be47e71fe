//! What the compiler reads: the site's files, loaded from disk or given by a test.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::diagnostics::Diagnostic;
use super::walk;

/// The site settings file, inside the content folder.
pub const SETTINGS_FILE: &str = "site.yml";
/// The folder of the language files, inside the content folder.
pub const LANGUAGES_FOLDER: &str = "languages";

/// Everything the compiler reads, so that it can be fed from disk or from a test.
#[derive(Clone, Debug, Default)]
pub struct Input {
    /// `content/site.yml`, if it exists.
    pub settings: Option<SourceFile>,
    /// `content/languages/<code>.yml`, by language code.
    pub languages: BTreeMap<String, SourceFile>,
    /// Every `.md` file under `content/`.
    pub pages: Vec<SourceFile>,
    /// Every file under `public/`, as the site path it is served at (`/assets/moss.jpg`).
    pub public_files: BTreeSet<String>,
    /// What was wrong while reading the folders (links out of the site, loops).
    pub problems: Vec<Diagnostic>,
}

/// A content file.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// Path inside the content folder (`es/about.md`).
    pub relative: String,
    /// Path as shown in messages (`content/es/about.md`).
    pub shown: String,
    pub bytes: Vec<u8>,
}

impl SourceFile {
    pub fn new(relative: &str, text: &str) -> Self {
        Self {
            relative: relative.to_owned(),
            shown: format!("content/{relative}"),
            bytes: text.as_bytes().to_vec(),
        }
    }
}

/// Reads `content/` and the list of files in `public/` under the repository root `root`.
pub fn load(root: &Path) -> std::io::Result<Input> {
    let content = root.join("content");
    let mut input = Input::default();
    let (files, problems) = walk::files(root, &content, "content");
    input.problems = problems;
    for path in files {
        let relative = relative_path(&content, &path);
        let file = SourceFile {
            shown: format!("content/{relative}"),
            bytes: std::fs::read(&path)?,
            relative,
        };
        let language = file
            .relative
            .strip_prefix(&format!("{LANGUAGES_FOLDER}/"))
            .and_then(|name| name.strip_suffix(".yml"));
        if file.relative == SETTINGS_FILE {
            input.settings = Some(file);
        } else if let Some(code) = language {
            input.languages.insert(code.to_owned(), file);
        } else if file.relative.ends_with(".md") {
            input.pages.push(file);
        }
    }
    let public = root.join("public");
    let (assets, problems) = walk::files(root, &public, "public");
    input.problems.extend(problems);
    input.public_files = assets
        .iter()
        .map(|p| format!("/{}", relative_path(&public, p)))
        .collect();
    Ok(input)
}

pub(super) fn relative_path(base: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(base).unwrap_or(path);
    relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}
