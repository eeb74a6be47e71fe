//! The occurrence search: free text, a results table with paging, the count announced.

use leptos::prelude::*;

use super::api::{self, Fault, OccurrencePage};
use super::words::Words;

/// Records a page of the table shows.
const PAGE: u64 = 20;

/// How long a search may go unanswered before it is stopped and the visitor offered to retry.
const TIMEOUT: std::time::Duration = std::time::Duration::from_secs(20);

/// The search, in the portal's `scope` (encoded query parameters), at the API `api`.
#[component]
pub fn OccurrenceSearch(api: String, scope: String, words: Words) -> impl IntoView {
    // The search lives in the address (`?q=puma&offset=20`): a link to it, a reload and Back
    // and Forward show the same.
    let (q, from) = from_address();
    let text = RwSignal::new(q);
    let offset = RwSignal::new(from);
    let input = NodeRef::<leptos::html::Input>::new();
    let handle = window_event_listener(leptos::ev::popstate, move |_| {
        let (q, from) = from_address();
        if let Some(input) = input.get_untracked() {
            input.set_value(&q);
        }
        text.set(q);
        offset.set(from);
    });
    on_cleanup(move || handle.remove());
    let in_flight = StoredValue::new_local(None::<web_sys::AbortController>);
    let answer = LocalResource::new(move || {
        let (api, scope) = (api.clone(), scope.clone());
        let mut query = format!("limit={PAGE}&offset={}", offset.get());
        let q = text.get();
        if !q.is_empty() {
            query.push_str("&q=");
            query.push_str(&encoded(&q));
        }
        if !scope.is_empty() {
            query.push('&');
            query.push_str(&scope);
        }
        // A new search stops the one in flight (its answer would be ignored anyway), and a
        // search that takes too long is stopped, and says so.
        let controller = web_sys::AbortController::new().ok();
        let previous =
            in_flight.try_update_value(|slot| std::mem::replace(slot, controller.clone()));
        if let Some(Some(previous)) = previous {
            previous.abort();
        }
        let timer = controller.clone().and_then(|controller| {
            set_timeout_with_handle(move || controller.abort(), TIMEOUT).ok()
        });
        async move {
            let signal = controller.as_ref().map(web_sys::AbortController::signal);
            let answer = api::occurrences(&api, &query, signal.as_ref()).await;
            if let Some(timer) = timer {
                timer.clear();
            }
            answer
        }
    });
    let go = move |q: String, from: u64| {
        to_address(&q, from);
        text.set(q);
        offset.set(from);
    };
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if let Some(input) = input.get() {
            go(input.value(), 0);
        }
    };
    let initial = text.get_untracked();
    let loading = words.get("dataLoading");
    view! {
        <form class="data-search" role="search" on:submit=submit>
            <label for="occurrence-q">{words.get("dataSearch")}</label>
            <input id="occurrence-q" type="search" name="q" value=initial node_ref=input/>
            <button class="button is-primary" type="submit">{words.get("dataSearchButton")}</button>
        </form>
        <Suspense fallback=move || view! { <p aria-live="polite">{loading.clone()}</p> }>
            {move || {
                let words = words.clone();
                answer.get().map(|answer| match answer {
                    Ok(page) => results(page, &words, move |from| go(text.get_untracked(), from)).into_any(),
                    Err(fault) => fault_view(fault, &words, answer_retry(offset)).into_any(),
                })
            }}
        </Suspense>
    }
}

/// The search the address holds: its text (`q`) and the first record's number (`offset`).
fn from_address() -> (String, u64) {
    let search = window().location().search().unwrap_or_default();
    let mut found = (String::new(), 0);
    for pair in search.trim_start_matches('?').split('&') {
        match pair.split_once('=') {
            Some(("q", value)) => found.0 = crate::urls::decode_path(&value.replace('+', " ")),
            Some(("offset", value)) => found.1 = value.parse().unwrap_or(0),
            _ => {}
        }
    }
    found
}

/// Puts the search in the address, as a new entry of the history.
fn to_address(q: &str, from: u64) {
    let mut query = Vec::new();
    if !q.is_empty() {
        query.push(format!("q={}", encoded(q)));
    }
    if from > 0 {
        query.push(format!("offset={from}"));
    }
    let path = window().location().pathname().unwrap_or_default();
    let address = if query.is_empty() {
        path
    } else {
        format!("{path}?{}", query.join("&"))
    };
    if let Ok(history) = window().history() {
        let _ =
            history.push_state_with_url(&leptos::wasm_bindgen::JsValue::NULL, "", Some(&address));
    }
}

fn encoded(text: &str) -> String {
    percent_encoding::utf8_percent_encode(text, percent_encoding::NON_ALPHANUMERIC).to_string()
}

/// Asking again: the same search, once more.
fn answer_retry(offset: RwSignal<u64>) -> impl Fn() + Copy {
    move || offset.update(|_| {})
}

fn results(
    page: OccurrencePage,
    words: &Words,
    show: impl Fn(u64) + Copy + 'static,
) -> impl IntoView {
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
        <p class="data-search__count" aria-live="polite">{words.with("dataRecords", "count", &count.to_string())}</p>
        // On a phone the table scrolls sideways inside its own box, not the page.
        <div class="data-search__scroll" role="region" aria-label=words.get("dataTable") tabindex="0">
        <table class="data-search__table">
            <thead><tr>
                <th scope="col">{words.get("dataScientificName")}</th>
                <th scope="col">{words.get("dataCountry")}</th>
                <th scope="col">{words.get("dataYear")}</th>
                <th scope="col">{words.get("dataBasisOfRecord")}</th>
                <th scope="col">{words.get("dataDataset")}</th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table>
        </div>
        <nav class="data-search__pages" aria-label=words.get("dataPages")>
            <button type="button" disabled={from == 0} on:click=move |_| show(from.saturating_sub(PAGE))>{words.get("dataPrevious")}</button>
            <button type="button" disabled={from + PAGE >= count} on:click=move |_| show(from + PAGE)>{words.get("dataNext")}</button>
        </nav>
    }
}

fn fault_view(fault: Fault, words: &Words, retry: impl Fn() + Copy + 'static) -> impl IntoView {
    let message = match fault {
        Fault::Offline => words.get("dataOffline"),
        Fault::Status(status) => words.with("dataServerError", "status", &status.to_string()),
        Fault::Damaged => words.get("dataDamaged"),
    };
    view! {
        <div role="alert">
            <p>{message}</p>
            <button type="button" on:click=move |_| retry()>{words.get("retry")}</button>
        </div>
    }
}
