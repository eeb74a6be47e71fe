//! What Jekyll's filters know of the site: where it is deployed, how Markdown is drawn, and the
//! parser (for `liquify`).

use std::sync::Arc;

/// Draws Markdown blocks to HTML, for `markdownify`: the build step's body components, given to
/// the compiler so that it needs no drawing code of its own.
pub type DrawMarkdown = dyn Fn(&str) -> String + Send + Sync;

/// What Jekyll's own filters need to know of the site.
pub struct JekyllSite {
    /// The deployment's sub-path (`/scc`), for `relative_url`.
    pub base: String,
    /// The site's address (`https://example.org`), for `absolute_url`.
    pub url: String,
    pub draw_markdown: Arc<DrawMarkdown>,
    /// The parser, for `liquify` (set once built).
    pub parser: std::sync::OnceLock<liquid::Parser>,
}
