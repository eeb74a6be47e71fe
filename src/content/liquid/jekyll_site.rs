//! What this engine's tags and filters know of the site: where it is deployed, how Markdown is
//! drawn, and the site's templates (for `liquify` and `include`).

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock, Weak};

use liquid_core::{Result, Template};

/// Draws Markdown blocks to HTML, for `markdownify`: the build step's body components, given to
/// the compiler so that it needs no drawing code of its own.
pub type DrawMarkdown = dyn Fn(&str) -> String + Send + Sync;

/// What Jekyll's own tags and filters need to know of the site.
pub struct JekyllSite {
    /// The deployment's sub-path (`/scc`), for `relative_url`.
    pub base: String,
    /// The site's address (`https://example.org`), for `absolute_url`.
    pub url: String,
    pub draw_markdown: Arc<DrawMarkdown>,
    /// The site's templates, set once they are made (they hold this value, so it holds them
    /// weakly).
    pub templates: OnceLock<Weak<dyn SiteTemplates>>,
    /// The site's files, for `post_url`, `link` and `include_relative`, set once the documents
    /// are read.
    pub files: OnceLock<SiteFiles>,
}

/// What `post_url`, `link` and `include_relative` find: every document's address by its path
/// in the repository, posts' by their names, and the files' texts.
#[derive(Default)]
pub struct SiteFiles {
    /// Every document's and static file's address, by its path (`about.md`, `assets/a.pdf`).
    pub addresses: HashMap<String, String>,
    /// Posts' addresses by name (`2024-01-01-welcome`, `news/2024-01-01-welcome` for
    /// `news/_posts/` or `_posts/news/`).
    pub posts: HashMap<String, String>,
    /// The documents' texts, by path; other files are read from `root`.
    pub texts: HashMap<String, String>,
    pub root: Option<PathBuf>,
}

impl SiteFiles {
    pub fn post_url(&self, name: &str) -> Option<&str> {
        self.posts
            .get(name.trim_start_matches('/'))
            .map(String::as_str)
    }

    pub fn link(&self, path: &str) -> Option<&str> {
        self.addresses
            .get(path.trim().trim_start_matches('/'))
            .map(String::as_str)
    }

    /// The text of the file at `path` (a document's, or another file's of the repository).
    pub fn text(&self, path: &str) -> Option<String> {
        if path.split('/').any(|part| part == "..") {
            return None;
        }
        if let Some(text) = self.texts.get(path) {
            return Some(text.clone());
        }
        let file = self.root.as_ref()?.join(path);
        let meta = std::fs::symlink_metadata(&file).ok()?;
        if !meta.is_file() || meta.len() > 16 * 1024 * 1024 {
            return None;
        }
        std::fs::read_to_string(file).ok()
    }

    /// The name `post_url` finds a post by, from its path: `_posts/2024-01-01-a.md` is
    /// `2024-01-01-a`, `news/_posts/2024-01-01-a.md` and `_posts/news/2024-01-01-a.md` are
    /// `news/2024-01-01-a`.
    pub fn post_name(relative: &str) -> String {
        let stem = relative.rsplit_once('.').map_or(relative, |(stem, _)| stem);
        let parts: Vec<&str> = stem.split('/').filter(|p| *p != "_posts").collect();
        parts.join("/")
    }
}

impl JekyllSite {
    /// The site's files; an error when the documents are not read yet.
    pub fn files(&self) -> Result<&SiteFiles> {
        self.files
            .get()
            .ok_or_else(|| liquid_core::Error::with_msg("the site's files are not read yet"))
    }
}

/// What the tags and filters ask of the site's templates (`Templates`): to read a text as a
/// template (for `liquify`), and an include.
pub trait SiteTemplates: Send + Sync {
    fn compile(&self, text: &str) -> Result<Template>;
    fn include(&self, name: &str) -> Result<Arc<Template>>;
}

impl JekyllSite {
    /// The site's templates; an error if they are gone (never while the engine lives).
    pub fn templates(&self) -> Result<Arc<dyn SiteTemplates>> {
        self.templates
            .get()
            .and_then(Weak::upgrade)
            .ok_or_else(|| liquid_core::Error::with_msg("the site's templates are not ready"))
    }
}
