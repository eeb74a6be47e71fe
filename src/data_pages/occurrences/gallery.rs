//! The records of the search that have images, as a gallery. Fields read: `key`,
//! `scientificName`, `media` (`type`, `identifier`).

use leptos::prelude::*;

use crate::data_pages::address::Go;
use crate::data_pages::api::{self, SearchPage};
use crate::data_pages::pager::{DEEPEST, Paging, pager};
use crate::data_pages::query::Query;
use crate::data_pages::view::Settings;

/// Records a page of the gallery shows.
const PAGE: u64 = 24;

#[component]
pub fn Gallery(settings: Settings, query: ReadSignal<Query>, go: Go) -> impl IntoView {
    let images = Some(("mediaType", "StillImage"));
    super::paged::records_page(settings, Paging { query, go }, (PAGE, images), pictures)
}

/// The first still image of a record, if it has one.
pub fn first_image(record: &serde_json::Value) -> Option<String> {
    record
        .get("media")?
        .as_array()?
        .iter()
        .find(|m| m.get("type").and_then(|t| t.as_str()) == Some("StillImage"))
        .and_then(|m| api::text(m, "identifier"))
}

fn pictures(page: SearchPage, settings: &Settings, paging: Paging) -> AnyView {
    let words = &settings.words;
    let figures = page
        .results
        .iter()
        .filter_map(|record| {
            let image = first_image(record)?;
            let name = api::text(record, "scientificName").unwrap_or_default();
            let key = api::text(record, "key").unwrap_or_default();
            Some(view! {
                <li>
                    <a href=settings.record("occurrence", &key)>
                        <img src=settings.thumbnail(&image, 240) alt=name.clone() loading="lazy" width="240" height="240"/>
                        <span>{name}</span>
                    </a>
                </li>
            })
        })
        .collect_view();
    let (from, count) = (page.offset, page.count);
    view! {
        <p class="data-search__count" aria-live="polite">{words.with("dataRecords", "count", &count.to_string())}</p>
        {(count == 0).then(|| view! { <p>{words.get("dataNoImages")}</p> })}
        <ul class="data-gallery">{figures}</ul>
        {pager(from, count.min(DEEPEST), PAGE, words, move |to| paging.show(to))}
    }
    .into_any()
}
