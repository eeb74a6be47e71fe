//! The occurrence search: free text, a results table with paging, the count announced.

use leptos::prelude::*;

use super::api::{self, Fault, OccurrencePage};

/// Records a page of the table shows.
const PAGE: u64 = 20;

/// The search, in the portal's `scope` (encoded query parameters), at the API `api`.
#[component]
pub fn OccurrenceSearch(api: String, scope: String) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let offset = RwSignal::new(0u64);
    let answer = LocalResource::new(move || {
        let (api, scope) = (api.clone(), scope.clone());
        let mut query = format!("limit={PAGE}&offset={}", offset.get());
        let q = text.get();
        if !q.is_empty() {
            query.push_str("&q=");
            query.extend(percent_encoding::utf8_percent_encode(
                &q,
                percent_encoding::NON_ALPHANUMERIC,
            ));
        }
        if !scope.is_empty() {
            query.push('&');
            query.push_str(&scope);
        }
        async move { api::occurrences(&api, &query).await }
    });
    let input = NodeRef::<leptos::html::Input>::new();
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if let Some(input) = input.get() {
            offset.set(0);
            text.set(input.value());
        }
    };
    view! {
        <form class="data-search" role="search" on:submit=submit>
            <label for="occurrence-q">"Search the records"</label>
            <input id="occurrence-q" type="search" node_ref=input/>
            <button class="button is-primary" type="submit">"Search"</button>
        </form>
        <Suspense fallback=|| view! { <p aria-live="polite">"Loading…"</p> }>
            {move || answer.get().map(|answer| match answer {
                Ok(page) => results(page, offset).into_any(),
                Err(fault) => fault_view(fault, answer_retry(offset)).into_any(),
            })}
        </Suspense>
    }
}

/// Asking again: the same search, once more.
fn answer_retry(offset: RwSignal<u64>) -> impl Fn() + Copy {
    move || offset.update(|_| {})
}

fn results(page: OccurrencePage, offset: RwSignal<u64>) -> impl IntoView {
    let rows = page
        .results
        .into_iter()
        .map(|record| {
            view! {
                <tr>
                    <td><a href=format!("/occurrence/{}", record.key)>{record.scientific_name.unwrap_or_default()}</a></td>
                    <td>{record.country.unwrap_or_default()}</td>
                    <td>{record.year.map(|y| y.to_string()).unwrap_or_default()}</td>
                    <td>{record.basis_of_record.unwrap_or_default()}</td>
                    <td>{record.dataset_name.unwrap_or_default()}</td>
                </tr>
            }
        })
        .collect_view();
    let (from, count) = (page.offset, page.count);
    view! {
        <p class="data-search__count" aria-live="polite">{format!("{count} records")}</p>
        <table class="data-search__table">
            <thead><tr>
                <th scope="col">"Scientific name"</th><th scope="col">"Country"</th>
                <th scope="col">"Year"</th><th scope="col">"Basis of record"</th>
                <th scope="col">"Dataset"</th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table>
        <nav class="data-search__pages" aria-label="Pages">
            <button type="button" disabled=from == 0 on:click=move |_| offset.set(from.saturating_sub(PAGE))>"Previous"</button>
            <button type="button" disabled=from + PAGE >= count on:click=move |_| offset.set(from + PAGE)>"Next"</button>
        </nav>
    }
}

fn fault_view(fault: Fault, retry: impl Fn() + Copy + 'static) -> impl IntoView {
    let message = match fault {
        Fault::Offline => "GBIF's API could not be reached.".to_owned(),
        Fault::Status(status) => format!("GBIF's API answered with an error ({status})."),
        Fault::Damaged => "GBIF's API answered with something that is not a search.".to_owned(),
    };
    view! {
        <div role="alert">
            <p>{message}</p>
            <button type="button" on:click=move |_| retry()>"Retry"</button>
        </div>
    }
}
