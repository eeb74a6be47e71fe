//! What this engine's tags and filters know of the site: where it is deployed, how Markdown is
//! drawn, and the site's templates (for `liquify` and `include`).

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
