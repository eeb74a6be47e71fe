//! Scroll positions on Back and Forward.
//!
//! The browser restores the scroll position of a history entry by itself only for real page
//! loads; in this app Back and Forward swap the page in place, a moment after the browser would
//! restore the position, so it would restore it on the wrong page. The app takes the job over: it
//! notes the position of the page being left when a navigation starts (a click on a link, or Back
//! and Forward), and puts the saved position back once the page of that address is on screen.
//! A page that arrives after its address changed (it had to be fetched) is scrolled to the
//! address's `#anchor` then, since the router looked for it too early.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use leptos::prelude::*;
use leptos::wasm_bindgen::{JsCast, closure::Closure};
use leptos_router::hooks::use_location;

#[derive(Default)]
struct Positions {
    /// The last known position of each address.
    saved: RefCell<HashMap<String, f64>>,
    /// The address whose page is on screen.
    shown: RefCell<String>,
    /// Between a Back or Forward and the drawing of its page: the position to put back.
    pending: Cell<Option<f64>>,
}

thread_local! {
    static POSITIONS: Positions = Positions::default();
}

fn remember_shown_page(positions: &Positions) {
    let y = window().scroll_y().unwrap_or(0.0);
    positions
        .saved
        .borrow_mut()
        .insert(positions.shown.borrow().clone(), y);
}

/// Starts noting positions. Call it before the router starts: the router redraws the page from
/// within its own `popstate` listener, and this one must see the page before that.
pub fn note_positions() {
    if let Ok(history) = window().history() {
        let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
    }
    POSITIONS.with(|p| p.shown.replace(current_address()));
    // A click on a link: noted in the capture phase, before the router handles the click.
    listen("click", true, || POSITIONS.with(remember_shown_page));
    // Back or Forward: the address has changed already, the page not yet.
    listen("popstate", false, || {
        POSITIONS.with(|positions| {
            remember_shown_page(positions);
            let target = positions.saved.borrow().get(&current_address()).copied();
            positions.pending.set(Some(target.unwrap_or(0.0)));
        })
    });
}

/// Puts positions back once the page of the new address is drawn (which `page_shown` tracks:
/// it reads the signal of the page on screen, and may do more once the page is drawn); call
/// inside the router.
pub fn restore_positions(page_shown: impl Fn() + 'static) {
    let location = use_location();
    Effect::new(move |first_run: Option<()>| {
        page_shown();
        // The router's address, not the window's: after a click the window's changes only
        // once the new page is drawn.
        let shown = address(
            &location.pathname.get_untracked(),
            &location.search.get_untracked(),
        );
        let pending = POSITIONS.with(|positions| {
            positions.shown.replace(shown);
            positions.pending.take()
        });
        let hash = location.hash.get_untracked();
        if let Some(y) = pending {
            request_animation_frame(move || window().scroll_to_with_x_and_y(0.0, y));
        } else if first_run.is_some() && hash.len() > 1 {
            request_animation_frame(move || {
                let id = js_sys_decode(&hash[1..]);
                if let Some(target) = document().get_element_by_id(&id) {
                    target.scroll_into_view();
                }
            });
        }
    });
}

/// A fragment as the element id it names (`caf%C3%A9` -> `café`).
fn js_sys_decode(fragment: &str) -> String {
    leptos::web_sys::js_sys::decode_uri_component(fragment)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| fragment.to_owned())
}

/// A listener for the whole life of the page.
fn listen(event: &str, capture: bool, handler: fn()) {
    let closure = Closure::<dyn Fn()>::new(handler);
    let _ = window().add_event_listener_with_callback_and_bool(
        event,
        closure.as_ref().unchecked_ref(),
        capture,
    );
    closure.forget();
}

/// An address as positions are noted under: path and query.
fn address(path: &str, query: &str) -> String {
    match query.trim_start_matches('?') {
        "" => path.to_owned(),
        query => format!("{path}?{query}"),
    }
}

fn current_address() -> String {
    let location = window().location();
    address(
        &location.pathname().unwrap_or_default(),
        &location.search().unwrap_or_default(),
    )
}
