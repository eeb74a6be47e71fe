//! What every component may need to know about the site, shared through Leptos context.

use std::sync::Arc;

use leptos::prelude::*;

use crate::model::SiteConfig;
use crate::routes;
use crate::urls;

/// The site's settings and where it is deployed.
#[derive(Clone, Debug)]
pub struct SiteContext {
    pub config: Arc<SiteConfig>,
    /// The deployment's sub-path (`/scc`), or `""` at the domain root.
    pub base: Arc<str>,
}

impl SiteContext {
    pub fn new(config: SiteConfig, base: &str) -> Self {
        Self {
            config: Arc::new(config),
            base: urls::normalize_base(base).into(),
        }
    }

    /// The address of a path of this site, under the deployment's sub-path.
    pub fn href(&self, path: &str) -> String {
        urls::site_href(&self.base, path)
    }

    /// The key of the page a browser path shows (see [`routes::lookup_key`]).
    pub fn key_of(&self, pathname: &str) -> String {
        let path = urls::decode_path(routes::path_in_site(pathname, &self.base));
        routes::lookup_key(&path, &self.config)
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
