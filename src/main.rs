//! The browser entry point: reads the site data from the page, then takes over the prerendered
//! HTML (hydration), or draws the page afresh when that HTML is not what the app would draw.

// The view types of a whole page nest deeper than the compiler checks by default.
#![recursion_limit = "256"]

use leptos::prelude::*;
use scc_site::App;
use scc_site::browser::hydration;
use scc_site::model::site_data;

fn main() {
    let mut data = match site_data::from_document() {
        Ok(data) => data,
        Err(message) => return hydration::show_startup_error(&message),
    };
    hydration::take_body_from_document(&mut data);
    let how = if hydration::prerendered_html_matches(&data) {
        hydration::page_load_done();
        leptos::mount::hydrate_body(move || view! { <App data/> });
        "hydrated"
    } else {
        hydration::clear_body();
        leptos::mount::mount_to_body(move || view! { <App data/> });
        "rendered"
    };
    // Says on <html data-app> how the app started, for tests and for whoever debugs a page.
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-app", how);
    }
}
