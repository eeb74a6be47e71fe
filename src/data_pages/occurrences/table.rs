//! The records of the search as a table, a page at a time. Fields read of each record: `key`,
//! `scientificName`, `country`, `year`, `basisOfRecord`, `institutionCode`, `catalogNumber`.

use leptos::prelude::*;

use crate::data_pages::address::Go;
use crate::data_pages::api::{self, SearchPage};
use crate::data_pages::pager::{DEEPEST, Paging, pager};
use crate::data_pages::query::Query;
use crate::data_pages::view::Settings;

/// Records a page of the table shows.
const PAGE: u64 = 20;

#[component]
pub fn Table(settings: Settings, query: ReadSignal<Query>, go: Go) -> impl IntoView {
    super::paged::records_page(settings, Paging { query, go }, (PAGE, None), rows)
}

fn rows(page: SearchPage, settings: &Settings, paging: Paging) -> AnyView {
    let words = &settings.words;
    let rows = page
        .results
        .iter()
        .map(|record| {
            let field = |name| api::text(record, name).unwrap_or_default();
            let key = field("key");
            let number = [field("institutionCode"), field("catalogNumber")].join(" ");
            view! {
                <tr>
                    <td><a href=settings.record("occurrence", &key)>{field("scientificName")}</a></td>
                    <td>{field("country")}</td>
                    <td>{field("year")}</td>
                    <td>{crate::data_pages::words::readable(&field("basisOfRecord"))}</td>
                    <td>{number.trim().to_owned()}</td>
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
                <th scope="col">{words.get("dataCatalogNumber")}</th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table>
        </div>
        {pager(from, count.min(DEEPEST), PAGE, words, move |to| paging.show(to))}
    }
    .into_any()
}
