//! Deciding, in the browser, whether the app can take over the prerendered HTML.
//!
//! Hydration walks the HTML expecting exactly what the app would draw; in release builds Leptos
//! does not check, so HTML for another page (a host that answers unknown paths with the home
//! page, say) would be taken over wrongly. Each page says on its `<body>` which route it was
//! rendered for; the app hydrates only when that is the page the address shows, and draws the
//! page afresh otherwise. If hydration fails anyway, the loader reloads the page and asks, through
//! session storage, for a fresh drawing.

use leptos::prelude::*;
use leptos_router::location::{BrowserUrl, LocationProvider};

use crate::model::site_data::{CLEAN_RENDER_KEY, SiteData};
use crate::routes::{self, NOT_FOUND_MARKER};

/// Whether the body holds the prerendered HTML of the page the app will draw at this address.
pub fn prerendered_html_matches(data: &SiteData) -> bool {
    let Some(rendered_for) = document()
        .body()
        .and_then(|body| body.get_attribute("data-route"))
    else {
        return false;
    };
    let pathname = BrowserUrl::current()
        .map(|url| url.path().to_owned())
        .unwrap_or_default();
    if clean_render_requested(&pathname) {
        return false;
    }
    match &data.page {
        // Hosts answer with `404.html` only where they have no file, so where no page is.
        Some(page) if page.meta.not_found => rendered_for == page.route,
        Some(page) => {
            rendered_for == page.route
                && routes::site_page_key(&pathname, &data.base, &data.config)
                    == routes::route_key(&page.route)
        }
        None => rendered_for == NOT_FOUND_MARKER,
    }
}

/// The build leaves the page's parts out of the page data, since the HTML holds them already:
/// read them from there (the elements marked `data-part`, in order), for the page to show again
/// later without fetching it.
pub fn take_body_from_document(data: &mut SiteData) {
    let Some(page) = &mut data.page else { return };
    let Ok(elements) = document().query_selector_all("main [data-part]") else {
        return;
    };
    for (i, part) in page.parts.iter_mut().enumerate() {
        if part.html.is_empty()
            && let Some(element) = elements.get(i as u32)
            && let Ok(element) = leptos::wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(element)
        {
            part.html = element.inner_html();
        }
    }
}

/// Forgets that the app loaded this address as an ordinary page (see `page_state`): it has
/// started there with the page the address shows.
pub fn page_load_done() {
    if let Some(storage) = window().session_storage().ok().flatten() {
        let _ = storage.remove_item(crate::model::site_data::PAGE_LOAD_KEY);
    }
}

/// Reads and clears the loader's request for a fresh drawing of `pathname`.
fn clean_render_requested(pathname: &str) -> bool {
    let Some(storage) = window().session_storage().ok().flatten() else {
        return false;
    };
    let requested = storage.get_item(CLEAN_RENDER_KEY).ok().flatten();
    if requested.is_some() {
        let _ = storage.remove_item(CLEAN_RENDER_KEY);
    }
    requested.as_deref() == Some(pathname)
}

/// Empties the body for a fresh drawing.
pub fn clear_body() {
    if let Some(body) = document().body() {
        body.set_inner_html("");
    }
}

/// Puts a readable message on the page when the app cannot start, instead of a blank page.
pub fn show_startup_error(message: &str) {
    leptos::logging::error!("{message}");
    let message = message.to_owned();
    clear_body();
    leptos::mount::mount_to_body(move || {
        view! { <main id="main" class="startup-error"><h1>"This page could not start"</h1><p>{message}</p></main> }
    });
}
