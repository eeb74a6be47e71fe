//! The website of the Specify Collections Consortium.
//!
//! Content lives as Markdown in `content/`. At build time the content compiler ([`content`])
//! turns it into the typed page model ([`model`]), the body components ([`page_body`]) draw each
//! page's body, and every route is prerendered ([`prerender`], [`build`]). In the browser the app
//! ([`App`]) takes the prerendered page over and follows links between pages without reloading.

#![recursion_limit = "256"]

pub mod api;
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
pub mod page_state;
pub mod pages;
#[cfg(feature = "hydrate")]
pub mod prefetch;
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

use page_state::{PageState, Shown};
use pages::site_view::SiteView;
use site_context::SiteContext;
use site_data::SiteData;

/// The whole site, starting from the data the page came with.
#[component]
pub fn App(data: SiteData) -> impl IntoView {
    provide_meta_context();
    let site = SiteContext::new(data.config, &data.base);
    let base = site.base.to_string();
    // The "not found" page is shown at whatever address has no page: in the browser, that is the
    // address the visitor is at.
    let key = match &data.page {
        Some(page) => routes::route_key(&page.route),
        None => current_key(&site),
    };
    provide_context(site);
    provide_context(PageState::new(Shown {
        key,
        page: data.page.map(std::sync::Arc::new),
        ui: std::sync::Arc::new(data.ui),
    }));
    #[cfg(feature = "hydrate")]
    scroll::note_positions();
    view! {
        <Router base=base>
            <ScrollPositions/>
            // The routes are data, not code: one view follows the address and looks the page up
            // (`SiteView`). The router's own route table only has to match every address, which
            // lets the router complete each navigation. Keeping the page out of the route's view
            // also keeps the router from wrapping it in a type-erased view, whose unused async
            // hydration code would cost some 30 KB of WebAssembly.
            <FlatRoutes fallback=|| ()>
                <Route path=path!("/*any") view=|| ()/>
            </FlatRoutes>
            <SiteView/>
        </Router>
    }
}

/// Puts the scroll position back on Back and Forward, in the browser (see [`scroll`]).
#[component]
fn ScrollPositions() -> impl IntoView {
    #[cfg(feature = "hydrate")]
    scroll::restore_positions();
}

/// The page key of the browser's address (empty when rendering at build time).
fn current_key(site: &SiteContext) -> String {
    #[cfg(feature = "hydrate")]
    return site.key_of(&window().location().pathname().unwrap_or_default());
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = site;
        String::new()
    }
}
