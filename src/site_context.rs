//! The site's data and deployment, shared with every component through Leptos context.

use std::sync::Arc;

use leptos::prelude::*;

use crate::model::{Link, Page, Site};
use crate::urls;

/// What every component may need to know about the site as a whole.
#[derive(Clone, Debug)]
pub struct SiteContext {
    pub site: Arc<Site>,
    /// The deployment's sub-path (`/scc`), or `""` at the domain root.
    pub base: Arc<str>,
}

impl SiteContext {
    pub fn new(site: Site, base: &str) -> Self {
        Self {
            site: Arc::new(site),
            base: urls::normalize_base(base).into(),
        }
    }

    /// The address of a path of this site, under the deployment's sub-path.
    pub fn href(&self, path: &str) -> String {
        urls::site_href(&self.base, path)
    }

    /// The address a Markdown link points to.
    pub fn link_href(&self, link: &Link) -> String {
        urls::link_href(&self.base, link)
    }

    /// The page a browser path shows, if any.
    pub fn page_at(&self, pathname: &str) -> Option<&Page> {
        self.site
            .page_at(crate::routes::path_in_site(pathname, &self.base))
    }
}

/// The site context provided by [`crate::App`].
pub fn use_site() -> SiteContext {
    expect_context::<SiteContext>()
}
