//! What every component may need to know about the site, shared through Leptos context.

use std::sync::Arc;

use leptos::prelude::*;

use crate::model::SiteConfig;
use crate::routes;
use crate::urls::BaseUrl;

/// The site's settings and where it is deployed.
#[derive(Clone, Debug)]
pub struct SiteContext {
    pub config: Arc<SiteConfig>,
    pub base: BaseUrl,
}

impl SiteContext {
    pub fn new(config: SiteConfig, base: BaseUrl) -> Self {
        Self {
            config: Arc::new(config),
            base,
        }
    }

    /// The address of a path of this site, under the deployment's sub-path.
    pub fn href(&self, path: &str) -> String {
        self.base.href(path)
    }

    /// The key of the page a browser path shows (see [`routes::site_page_key`]).
    pub fn key_of(&self, pathname: &str) -> String {
        routes::site_page_key(pathname, &self.base, &self.config)
    }
}

/// The site context provided by [`crate::App`].
pub fn use_site() -> SiteContext {
    expect_context::<SiteContext>()
}
