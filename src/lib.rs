//! The website of the Specify Collections Consortium.
//!
//! Content lives as Markdown in `content/`. At build time the content compiler ([`content`],
//! native only) turns it into the typed page model ([`model`]); the app ([`App`]) draws that model
//! with Leptos components in the browser. The two halves share nothing but the model.

pub mod components;
#[cfg(feature = "compiler")]
pub mod content;
#[cfg(feature = "compiler")]
pub mod dist;
pub mod model;
pub mod pages;
pub mod routes;
pub mod site_context;
pub mod site_data;
pub mod urls;

use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use components::{site_footer::SiteFooter, site_header::SiteHeader};
use pages::{content_page::PageAtLocation, not_found::NotFound};
use site_context::SiteContext;
use site_data::SiteData;

/// The whole site: header, the page at the current address, footer.
#[component]
pub fn App(data: SiteData) -> impl IntoView {
    provide_meta_context();
    let context = SiteContext::new(data.site, &data.base);
    let base = context.base.to_string();
    provide_context(context);
    view! {
        <Router base=base>
            <SiteHeader/>
            <main id="main" tabindex="-1">
                // Every address goes to one view, which looks the page up in the content: the
                // routes are data, not code.
                <Routes fallback=NotFound>
                    <Route path=path!("/*any") view=PageAtLocation/>
                </Routes>
            </main>
            <SiteFooter/>
        </Router>
    }
}
