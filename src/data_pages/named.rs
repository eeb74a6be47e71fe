//! A record named by one of its fields (a dataset's `title`), read from GBIF's API once per
//! page (see `api::record`).

use leptos::prelude::*;

use super::api;
use super::view::Settings;

/// The `field` of the record at `path` (`/dataset/<key>`): `fallback` (its key) until it is
/// read, or if it cannot be.
#[component]
pub fn Named(
    settings: Settings,
    path: String,
    field: &'static str,
    fallback: String,
) -> impl IntoView {
    let name = api::ask(settings.api.clone(), Signal::stored(path)).answer;
    move || {
        name.get()
            .and_then(Result::ok)
            .and_then(|r| api::text(&r, field))
            .unwrap_or_else(|| fallback.clone())
    }
}
