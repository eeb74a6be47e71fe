//! The browser entry point: reads the site data from the page and starts the app.

use leptos::prelude::*;
use scc_site::{App, site_data};

fn main() {
    match site_data::from_document() {
        Ok(data) => leptos::mount::mount_to_body(move || view! { <App data/> }),
        Err(message) => show_startup_error(&message),
    }
}

/// Puts a readable message on the page when the app cannot start, instead of a blank page.
fn show_startup_error(message: &str) {
    leptos::logging::error!("{message}");
    leptos::mount::mount_to_body({
        let message = message.to_owned();
        move || view! { <main id="main" class="startup-error"><h1>"This page could not start"</h1><p>{message}</p></main> }
    });
}
