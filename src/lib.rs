//! The website of the Specify Collections Consortium.
//!
//! Content lives as Markdown in `content/`. At build time the content compiler ([`content`])
//! turns it into the typed page model ([`model`]), the body components ([`page_body`]) draw each
//! page's body, and every route is prerendered ([`prerender`], [`build`]). In the browser the app
//! ([`App`]) takes the prerendered page over and follows links between pages without reloading.

#[cfg(feature = "ssr")]
pub mod build;
pub mod components;
#[cfg(feature = "compiler")]
pub mod content;
#[cfg(feature = "hydrate")]
pub mod hydration;
pub mod json;
pub mod model;
#[cfg(feature = "ssr")]
pub mod page_body;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod prerender;
pub mod routes;
#[cfg(feature = "hydrate")]
pub mod scroll;
pub mod site_context;
pub mod site_data;
pub mod urls;

use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::path;

use components::{site_footer::SiteFooter, site_header::SiteHeader};
use pages::{content_page::PageAtLocation, not_found::NotFound};
use site_context::SiteContext;
use site_data::SiteData;

/// The whole site: header, the page at the current address, footer.
#[component]
pub fn App(data: SiteData) -> impl IntoView {
    provide_meta_context();
    let context = SiteContext::new(data);
    let base = context.base.to_string();
    provide_context(context);
    #[cfg(feature = "hydrate")]
    scroll::note_positions();
    view! {
        <Router base=base>
            <ScrollPositions/>
            <SiteHeader/>
            <main id="main" tabindex="-1">
                // Every address goes to one view, which looks the page up in the content: the
                // routes are data, not code.
                <FlatRoutes fallback=NotFound>
                    <Route path=path!("/*any") view=PageAtLocation/>
                </FlatRoutes>
            </main>
            <SiteFooter/>
        </Router>
    }
}

/// Puts the scroll position back on Back and Forward, in the browser (see [`scroll`]).
#[component]
fn ScrollPositions() -> impl IntoView {
    #[cfg(feature = "hydrate")]
    scroll::restore_positions();
}
