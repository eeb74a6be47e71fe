//! What every component may need to know about the site, shared through Leptos context.

use std::sync::Arc;

use leptos::prelude::*;

use crate::model::{PageData, SiteConfig};
use crate::routes;
use crate::site_data::SiteData;
use crate::urls;

/// The site as the browser app knows it: its settings, the pages it can show, and where it is
/// deployed.
#[derive(Clone, Debug)]
pub struct SiteContext {
    pub config: Arc<SiteConfig>,
    pub pages: Arc<Vec<PageData>>,
    /// The deployment's sub-path (`/scc`), or `""` at the domain root.
    pub base: Arc<str>,
}

impl SiteContext {
    pub fn new(data: SiteData) -> Self {
        Self {
            config: Arc::new(data.config),
            pages: Arc::new(data.pages),
            base: urls::normalize_base(&data.base).into(),
        }
    }

    /// The address of a path of this site, under the deployment's sub-path.
    pub fn href(&self, path: &str) -> String {
        urls::site_href(&self.base, path)
    }

    /// The page a browser path shows, if any.
    pub fn page_at(&self, pathname: &str) -> Option<&PageData> {
        let key = routes::lookup_key(
            routes::path_in_site(pathname, &self.base),
            &self.config.home,
        );
        self.pages
            .iter()
            .find(|page| routes::route_key(&page.route) == key)
    }
}

/// The site context provided by [`crate::App`].
pub fn use_site() -> SiteContext {
    expect_context::<SiteContext>()
}

/// The deployment's sub-path, for components that only build links (the page body, drawn at
/// build time).
#[derive(Clone, Debug)]
pub struct Base(pub Arc<str>);

pub fn use_base() -> Arc<str> {
    use_context::<Base>()
        .map(|b| b.0)
        .unwrap_or_else(|| use_site().base)
}
