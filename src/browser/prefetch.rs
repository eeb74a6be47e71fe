//! Fetching a page's data while the visitor points at or focuses a link to it, so that following
//! the link shows the page at once.

use leptos::prelude::*;
use leptos::wasm_bindgen::{JsCast, closure::Closure};
use leptos::web_sys::{Event, HtmlAnchorElement};

use crate::urls::BaseUrl;

/// Calls `prefetch` with the path of every link to a page of this site that the visitor
/// points at (`mouseover`) or moves the keyboard focus to (`focusin`).
pub fn prefetch_on_intent(base: BaseUrl, prefetch: impl Fn(String) + 'static) {
    let handler = Closure::<dyn Fn(Event)>::new(move |event: Event| {
        let anchor = event
            .target()
            .and_then(|t| t.dyn_into::<leptos::web_sys::Element>().ok())
            .and_then(|e| e.closest("a[href]").ok().flatten())
            .and_then(|e| e.dyn_into::<HtmlAnchorElement>().ok());
        let Some(anchor) = anchor else { return };
        let same_site = anchor.origin() == window().location().origin().unwrap_or_default();
        let pathname = anchor.pathname();
        let in_base = base.strip(&pathname) != pathname || base.as_str().is_empty();
        // The router leaves links with a target or a download to the browser; so does this.
        let followed_by_the_app = anchor.target().is_empty() && !anchor.has_attribute("download");
        let last = pathname.rsplit('/').next().unwrap_or("");
        let is_file = last.contains('.') && !last.ends_with(".html");
        if same_site && in_base && followed_by_the_app && !is_file {
            prefetch(pathname);
        }
    });
    for event in ["mouseover", "focusin"] {
        let _ =
            document().add_event_listener_with_callback(event, handler.as_ref().unchecked_ref());
    }
    // The listeners live as long as the page.
    handler.forget();
}
