//! A compiled page, with what the site-wide checks need to know about it.

use std::collections::HashSet;

use crate::content::diagnostics::Position;
use crate::content::links::LinkRef;
use crate::content::repository::front_matter::FrontMatter;
use crate::content::site::Page;

/// A compiled page with what the site-wide checks need to know about it.
#[derive(Clone)]
pub struct PageDraft {
    pub page: Page,
    pub relative: String,
    pub lang_ref: Option<String>,
    pub links: Vec<LinkRef>,
    /// The links it shows that are written in `_data` files, with their files.
    pub data_links: Vec<(String, LinkRef)>,
    /// The hosts of the players the page embeds.
    pub frames: Vec<String>,
    pub ids: HashSet<String>,
    pub front: FrontMatter,
}

impl PageDraft {
    /// A page the build makes itself (the "not found" page, a site index): no file, no front
    /// matter, no links to check.
    pub fn built_in(page: Page) -> Self {
        PageDraft {
            page,
            relative: String::new(),
            lang_ref: None,
            links: Vec::new(),
            data_links: Vec::new(),
            frames: Vec::new(),
            ids: Default::default(),
            front: Default::default(),
        }
    }

    /// Where the front matter key `key` was written.
    pub fn position(&self, key: &str) -> Position {
        self.front.position(key)
    }
}
