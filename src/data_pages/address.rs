//! The search in the page's address, kept in step with it: a new search goes into the
//! history, and Back and Forward bring the one they return to.

use leptos::prelude::*;

use super::query::Query;

/// The search in the page's address.
pub fn from_address() -> Query {
    let search = window().location().search().unwrap_or_default();
    Query::parse(&search)
}

/// Puts `query` in the address, as a new entry of the history.
pub fn to_address(query: &Query) {
    let path = window().location().pathname().unwrap_or_default();
    if let Ok(history) = window().history() {
        let _ = history.push_state_with_url(
            &leptos::wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}{}", query.address())),
        );
    }
}

/// Going to another search: it goes into the address (a new entry of the history) and is
/// shown.
#[derive(Clone, Copy)]
pub struct Go(WriteSignal<Query>);

impl Go {
    pub fn to(self, next: Query) {
        to_address(&next);
        self.0.set(next);
    }
}

/// The search in the address, kept in step with it: a new search goes into the history, and
/// Back and Forward bring the one they return to.
pub fn in_address() -> (ReadSignal<Query>, Go) {
    let (query, set_query) = signal(from_address());
    let handle = window_event_listener(leptos::ev::popstate, move |_| {
        set_query.set(from_address());
    });
    on_cleanup(move || handle.remove());
    (query, Go(set_query))
}
