//! Previous and Next for the lists of records, and how deep GBIF lets a search page.

use leptos::prelude::*;

/// Previous and Next for a list of `count` items shown `page` at a time from `from`.
pub fn pager(
    from: u64,
    count: u64,
    page: u64,
    words: &super::words::Words,
    show: impl Fn(u64) + Copy + 'static,
) -> impl IntoView {
    view! {
        <nav class="data-search__pages" aria-label=words.get("dataPages")>
            <button type="button" class="button" disabled={from == 0} on:click=move |_| show(from.saturating_sub(page))>{words.get("dataPrevious")}</button>
            <button type="button" class="button" disabled={from + page >= count} on:click=move |_| show(from + page)>{words.get("dataNext")}</button>
        </nav>
    }
}

/// Where a search of the API may page to: GBIF answers at most 100,000 records of a search
/// (`offset` + `limit`), 300 at a time.
pub const DEEPEST: u64 = 100_000;
