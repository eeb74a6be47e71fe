//! Previous and Next for the lists of records, and how deep GBIF lets a search page.

use std::cell::Cell;

use leptos::prelude::*;

use super::address::Go;
use super::query::Query;

/// Another page of the search in the address: the same search from another record.
#[derive(Clone, Copy)]
pub struct Paging {
    pub query: ReadSignal<Query>,
    pub go: Go,
}

impl Paging {
    /// Shows the page that starts at the record `from`.
    pub fn show(self, from: u64) {
        self.go
            .to(self.query.get_untracked().with("offset", &from.to_string()));
    }
}

thread_local! {
    /// The pager's button last pressed (0 Previous, 1 Next), until the next page's pager,
    /// drawn with the next page's records, takes the focus back to it: a keyboard user pages
    /// on without looking for the button again.
    static PRESSED: Cell<Option<u32>> = const { Cell::new(None) };
}

/// Previous and Next for a list of `count` items shown `page` at a time from `from`.
pub fn pager(
    from: u64,
    count: u64,
    page: u64,
    words: &super::words::Words,
    show: impl Fn(u64) + Copy + 'static,
) -> impl IntoView {
    let nav = NodeRef::<leptos::html::Nav>::new();
    Effect::new(move |_| {
        if let (Some(nav), Some(pressed)) = (nav.get(), PRESSED.take()) {
            let buttons = nav.children();
            // Past the last page, Next is disabled: Previous takes the focus.
            let enabled = |i| {
                buttons
                    .item(i)
                    .filter(|b| !b.has_attribute("disabled"))
                    .and_then(|b| {
                        leptos::wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(b).ok()
                    })
            };
            if let Some(button) = enabled(pressed).or_else(|| enabled(1 - pressed)) {
                let _ = button.focus();
            }
        }
    });
    let press = move |button: u32, to: u64| {
        PRESSED.set(Some(button));
        show(to);
    };
    view! {
        <nav class="data-search__pages" aria-label=words.get("dataPages") node_ref=nav>
            <button type="button" class="button" disabled={from == 0} on:click=move |_| press(0, from.saturating_sub(page))>{words.get("dataPrevious")}</button>
            <button type="button" class="button" disabled={from + page >= count} on:click=move |_| press(1, from + page)>{words.get("dataNext")}</button>
        </nav>
    }
}

/// Where a search of the API may page to: GBIF answers at most 100,000 records of a search
/// (`offset` + `limit`), 300 at a time.
pub const DEEPEST: u64 = 100_000;
