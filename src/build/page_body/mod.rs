//! The page body: the components that draw a page's sections, prose, tables and button rows from
//! the page model.
//!
//! They run at build time only, rendered to HTML by Leptos on the server side; the browser
//! receives each body as HTML ready to insert. Drawing prose in the browser would put a view type
//! per element kind into the WebAssembly, about 25 KB brotli, a fifth of the size budget, for
//! content that never changes once built. The hero, header, footer and navigation stay live
//! components in the browser.

pub mod button_row;
pub mod features_table;
pub mod html_attrs;
pub mod prose;
pub mod section;

use leptos::prelude::*;

use crate::content::body::{Block, Section as SectionModel};
use crate::urls::BaseUrl;
use section::Section;

/// A page's body: its sections in order.
#[component]
pub fn PageBody(sections: Vec<SectionModel>) -> impl IntoView {
    sections
        .into_iter()
        .map(|section| view! { <Section section/> })
        .collect_view()
}

/// The body's HTML, as the page's `<article>` holds it, with the site's links under `base`.
pub fn render_html(sections: Vec<SectionModel>, base: &BaseUrl) -> String {
    let owner = Owner::new();
    owner.with(|| {
        // The body's components build links with it (see `prose::use_base`).
        provide_context(base.clone());
        let html = view! { <PageBody sections/> }.to_html();
        strip_hydration_markers(&html)
    })
}

/// The body is inserted as HTML and never hydrated, so the markers Leptos leaves for hydration
/// (`<!>`, `<!---->`) are noise.
fn strip_hydration_markers(html: &str) -> String {
    html.replace("<!>", "").replace("<!---->", "")
}

/// The HTML of blocks outside any page, drawn by the same components as a page body: what the
/// kramdown conformance test compares with kramdown's own output.
pub fn render_blocks_html(blocks: Vec<Block>) -> String {
    let section = SectionModel {
        heading: None,
        blocks,
    };
    render_html(vec![section], &BaseUrl::default())
}

#[cfg(test)]
mod tests;
