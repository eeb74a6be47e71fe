//! A page of the search's records, asked and drawn: what the table and the gallery share.

use leptos::prelude::*;

use crate::data_pages::api::SearchPage;
use crate::data_pages::pager::Paging;
use crate::data_pages::view::Settings;

/// A page of the search's records, `limit` a page (with the filter `extra` added, if any),
/// drawn by `draw`.
pub fn records_page(
    settings: Settings,
    paging: Paging,
    (limit, extra): (u64, Option<(&'static str, &'static str)>),
    draw: fn(SearchPage, &Settings, Paging) -> AnyView,
) -> impl IntoView {
    let scope = settings.scope.clone();
    let path = Signal::derive(move || {
        paging.query.with(|q| {
            let q = match extra {
                Some((key, value)) => q.with(key, value),
                None => q.clone(),
            };
            let filters = q.api_query(&scope);
            format!(
                "/occurrence/search?limit={limit}&offset={}&{filters}",
                q.offset()
            )
        })
    });
    let asked = crate::data_pages::api::ask(settings.api.clone(), path);
    let words = settings.words.clone();
    crate::data_pages::fault::answered(
        asked,
        words,
        Box::new(move |answer| draw(SearchPage::of(&answer), &settings, paging)),
    )
}
