//! What a view shows when GBIF's API gave no usable answer: what happened, and Retry.

use leptos::prelude::*;

use serde_json::Value;

use super::api::{Asked, Fault};
use super::words::Words;

/// The message for `fault`, with a Retry button that calls `retry`.
pub fn fault_view(fault: Fault, words: &Words, retry: impl Fn() + Copy + 'static) -> AnyView {
    let message = match fault {
        Fault::Offline => words.get("dataOffline"),
        Fault::TimedOut => words.get("dataTimeout"),
        Fault::NotFound => words.get("dataNotFound"),
        Fault::Status(status) => words.with("dataServerError", "status", &status.to_string()),
        Fault::Damaged => words.get("dataDamaged"),
    };
    view! {
        <div class="data-fault" role="alert">
            <p>{message}</p>
            <button type="button" class="button" on:click=move |_| retry()>{words.get("retry")}</button>
        </div>
    }
    .into_any()
}

/// What a view shows of a request's answer: "Loading…" until it comes, `shown` of it, or the
/// fault with Retry (which asks again). Plain closures rather than `<Suspense>`, and one
/// closure type for every view (`shown` is boxed): the module's size could not carry that
/// machinery made again for each view.
pub fn answered(
    asked: Asked,
    words: Words,
    shown: Box<dyn Fn(Value) -> AnyView + Send + Sync>,
) -> impl IntoView {
    move || match asked.answer.get() {
        None => view! { <p aria-live="polite">{words.get("dataLoading")}</p> }.into_any(),
        Some(Ok(value)) => shown(value),
        Some(Err(fault)) => fault_view(fault, &words, move || asked.retry.update(|n| *n += 1)),
    }
}
