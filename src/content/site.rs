//! What the content compiler produces: the whole site, checked, ready for the build step.

use super::body::Section;
use crate::model::{PageMeta, SiteConfig, Translation, UiText};
use crate::routes;

/// The whole site, as the content compiler produces it.
#[derive(Clone, Debug, PartialEq)]
pub struct Site {
    pub config: SiteConfig,
    /// The interface's words, one entry per language, in the order of `config.languages`.
    pub ui: Vec<UiText>,
    pub pages: Vec<Page>,
    /// The other sites the pages show images from (`https://www.gbif.org`), which the site's
    /// Content-Security-Policy must allow, and no others.
    pub image_origins: Vec<String>,
}

impl Site {
    /// The page served at `path`, accepting it with or without its trailing slash.
    pub fn page_at(&self, path: &str) -> Option<&Page> {
        let key = routes::lookup_key(path, &self.config);
        self.pages
            .iter()
            .find(|p| routes::route_key(&p.route) == key)
    }
}

/// One content page: its metadata and its body.
#[derive(Clone, Debug, PartialEq)]
pub struct Page {
    /// Where the page lives, always with a leading and trailing slash (`/about/`).
    pub route: String,
    /// The content file it came from, relative to the repository (`content/about.md`).
    pub source: String,
    pub meta: PageMeta,
    /// Every language version of the page (itself included), in the site's language order.
    pub translations: Vec<Translation>,
    pub sections: Vec<Section>,
}
