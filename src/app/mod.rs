//! The app: the same Leptos components draw every page at build time and take it over in the
//! browser. Its state is the page on screen ([`state`]); what it knows of the site is [`context`].

pub mod components;
pub mod context;
pub mod pages;
pub mod state;

use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::path;

use crate::model::site_data::SiteData;
use crate::routes;
use context::SiteContext;
use pages::site_view::SiteView;
use state::{PageState, Shown};

/// The whole site, starting from the data the page came with.
#[component]
pub fn App(data: SiteData) -> impl IntoView {
    provide_meta_context();
    let site = SiteContext::new(data.config, data.base);
    let base = site.base.as_str().to_owned();
    // The "not found" page is shown at whatever address has no page: in the browser, that is the
    // address the visitor is at.
    let key = match &data.page {
        Some(page) if !page.meta.not_found => routes::route_key(&page.route),
        _ => current_key(&site),
    };
    provide_context(PageState::new(
        site.clone(),
        Shown {
            key,
            page: data.page.map(std::sync::Arc::new),
            ui: std::sync::Arc::new(data.ui),
        },
    ));
    provide_context(site);
    #[cfg(feature = "hydrate")]
    crate::browser::scroll::note_positions();
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

/// Puts the scroll position back on Back and Forward, in the browser (see
/// `crate::browser::scroll`).
#[component]
fn ScrollPositions() -> impl IntoView {
    #[cfg(feature = "hydrate")]
    {
        let state = state::use_page_state();
        let location = leptos_router::hooks::use_location();
        // Once a page is drawn, or its address's query changes: the news archive's filter
        // follows the query, the table of contents the reading, a record page's link the
        // record's key (one effect with the scroll positions', since each costs code).
        crate::browser::reading::follow_the_reading();
        crate::browser::scroll::restore_positions(move || {
            state.shown.track();
            crate::browser::post_filter::apply(&location.search.get());
            crate::browser::reading::mark_the_section_in_view();
            crate::browser::record_link::complete();
        });
    }
}

/// The page key of the browser's address (empty when rendering at build time), as it is: a
/// GBIF record's address (`/institution/<key>`) that a host without rewrites answers with the
/// "not found" page is not yet the record page, which the app then loads (`SiteView`).
fn current_key(site: &SiteContext) -> String {
    #[cfg(feature = "hydrate")]
    return routes::page_key(
        &window().location().pathname().unwrap_or_default(),
        &site.base,
    );
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = site;
        String::new()
    }
}
