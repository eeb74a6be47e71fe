//! Drawing a view to HTML at build time, with the site's links under its base address.

use leptos::prelude::*;

use crate::urls::BaseUrl;

/// The HTML of a view drawn with the site's links under `base`.
pub fn render_with<V: IntoView + 'static>(base: &BaseUrl, view: impl FnOnce() -> V) -> String {
    let owner = Owner::new();
    owner.with(|| {
        provide_context(base.clone());
        strip_hydration_markers(&view().into_view().to_html())
    })
}

/// The body is inserted as HTML and never hydrated, so the markers Leptos leaves for hydration
/// (`<!>`, `<!---->`) are noise.
fn strip_hydration_markers(html: &str) -> String {
    html.replace("<!>", "").replace("<!---->", "")
}
