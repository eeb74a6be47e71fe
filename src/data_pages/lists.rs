//! The portal's species checklist, and its datasets, publishers, institutions and collections:
//! each the values of one field over the portal's occurrences (a facet of the occurrence
//! search, in its scope and with the search's filters), with their numbers of records, named
//! from GBIF's registry and backbone a page at a time, and downloadable as CSV.
//!
//! Fields read: the facet's `counts` (`name` is the key, `count`); of each record, the field
//! its kind names (`scientificName` and `family` of a species, `title` and `type` of a dataset,
//! `title` and `country` of a publisher, `name` and `code` of an institution or a collection).

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

use super::address::Go;
use super::api::{self, SearchPage};
use super::fault::answered;
use super::pager::{Paging, pager};
use super::query::Query;
use super::view::Settings;

/// The most values a list holds: GBIF counts a facet's values up to a limit, and the CSV names
/// each; a list this long says "at least".
const MOST: u64 = 1_000;

/// Rows a page of the list shows.
const PAGE: u64 = 50;

/// How many names the CSV asks for at once.
const AT_ONCE: usize = 8;

/// What a list lists.
#[derive(Clone, Copy)]
struct Kind {
    /// The occurrence search's parameter, and facet, of its values.
    parameter: &'static str,
    /// Where one is read, before its key.
    path: &'static str,
    /// Its name's field, and another column's word and field.
    name: &'static str,
    extra: (&'static str, &'static str),
    /// The kind of record it is, for its links.
    record: &'static str,
}

fn kind(name: &str) -> Kind {
    let (parameter, path, field, extra, record) = match name {
        "species" => (
            "speciesKey",
            "/species/",
            "scientificName",
            ("dataFamily", "family"),
            "species",
        ),
        "dataset" => (
            "datasetKey",
            "/dataset/",
            "title",
            ("dataType", "type"),
            "dataset",
        ),
        "publisher" => (
            "publishingOrg",
            "/organization/",
            "title",
            ("dataCountry", "country"),
            "publisher",
        ),
        "institution" => (
            "institutionKey",
            "/grscicoll/institution/",
            "name",
            ("dataCode", "code"),
            "institution",
        ),
        _ => (
            "collectionKey",
            "/grscicoll/collection/",
            "name",
            ("dataCode", "code"),
            "collection",
        ),
    };
    Kind {
        parameter,
        path,
        name: field,
        extra,
        record,
    }
}

/// The list of `kind` (`species`, `dataset`, ...) for the search `query`.
#[component]
pub fn FacetList(
    settings: Settings,
    kind: &'static str,
    query: ReadSignal<Query>,
    go: Go,
) -> impl IntoView {
    let of = self::kind(kind);
    let scope = settings.scope.clone();
    // The whole list at once (keys and counts are small); the names a page at a time.
    let path = Signal::derive(move || {
        let filters = query.with(|q| q.api_query(&scope));
        format!(
            "/occurrence/search?limit=0&facet={}&facetLimit={MOST}&{filters}",
            of.parameter
        )
    });
    let asked = api::ask(settings.api.clone(), path);
    let words = settings.words.clone();
    answered(
        asked,
        words,
        Box::new(move |answer| {
            let counts = SearchPage::of(&answer).facet(of.parameter);
            let paging = Paging { query, go };
            rows(&settings, (of, kind), counts, paging).into_any()
        }),
    )
}

fn rows(
    settings: &Settings,
    (of, kind): (Kind, &'static str),
    counts: Vec<api::FacetCount>,
    paging: Paging,
) -> impl IntoView {
    let words = &settings.words;
    let (query, from) = (paging.query, paging.query.with_untracked(Query::offset));
    let total = counts.len() as u64;
    let mut number = total.to_string();
    if total >= MOST {
        number.insert_str(0, "≥ ");
    }
    let count_word = if kind == "species" {
        "dataSpeciesCount"
    } else {
        "dataListCount"
    };
    let rows = counts
        .iter()
        .skip(from as usize)
        .take(PAGE as usize)
        .map(|entry| {
            let records = query.with_untracked(|q| q.first_page().with("view", "").with(of.parameter, &entry.name));
            view! { <Row settings=settings.clone() of key=entry.name.clone() count=entry.count records/> }
        })
        .collect_view();
    let csv = csv_button(settings, of, kind, counts);
    view! {
        <p class="data-search__count" aria-live="polite">{words.with(count_word, "count", &number)}</p>
        <div class="data-search__scroll" role="region" aria-label=words.get(if kind == "species" { "dataViewSpecies" } else { "dataTable" }) tabindex="0">
        <table class="data-search__table data-list">
            <thead><tr>
                <th scope="col">{words.get("dataName")}</th>
                <th scope="col">{words.get(of.extra.0)}</th>
                <th scope="col" class="data-list__count">{words.get("dataTable")}</th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table>
        </div>
        {pager(from, total, PAGE, words, move |to| paging.show(to))}
        {csv}
    }
}

/// A row: the record's name (read now), its other column, and its number of records, which
/// leads to them in the occurrence search.
#[component]
fn Row(settings: Settings, of: Kind, key: String, count: u64, records: Query) -> impl IntoView {
    let api = settings.api.clone();
    let path = format!("{}{key}", of.path);
    let record = LocalResource::new(move || {
        let (api, path) = (api.clone(), path.clone());
        async move { api::record(&api, &path).await.ok() }
    });
    let field =
        move |name: &'static str| move || record.get().flatten().and_then(|r| api::text(&r, name));
    let name = field(of.name);
    let fallback = key.clone();
    view! {
        <tr>
            <td><a href=settings.record(of.record, &key)>{move || name().unwrap_or_else(|| fallback.clone())}</a></td>
            <td>{move || field(of.extra.1)().map(|v| super::words::readable(&v)).unwrap_or_default()}</td>
            <td class="data-list__count"><a href=settings.occurrences(&records.address())>{count}</a></td>
        </tr>
    }
}

/// The button that downloads the whole list as CSV (key, name, other column, records, GBIF
/// address), asking for the names not read yet a few at a time.
fn csv_button(
    settings: &Settings,
    of: Kind,
    kind: &'static str,
    counts: Vec<api::FacetCount>,
) -> impl IntoView {
    let busy = RwSignal::new(false);
    let api = settings.api.clone();
    let words = settings.words.clone();
    let gbif = settings.clone();
    let download = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let (api, counts, words, gbif) = (api.clone(), counts.clone(), words.clone(), gbif.clone());
        leptos::task::spawn_local(async move {
            let mut lines = vec![csv_line(&[
                "key",
                &words.get("dataName"),
                &words.get(of.extra.0),
                &words.get("dataTable"),
                "GBIF",
            ])];
            for chunk in counts.chunks(AT_ONCE) {
                // A few at a time, at once (each answer is kept by `api::record`).
                let asked = js_sys::Array::new();
                for c in chunk {
                    let (api, path) = (api.clone(), format!("{}{}", of.path, c.name));
                    asked.push(&wasm_bindgen_futures::future_to_promise(async move {
                        let _ = api::record(&api, &path).await;
                        Ok(leptos::wasm_bindgen::JsValue::UNDEFINED)
                    }));
                }
                let _ = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::all(&asked)).await;
                let mut records = Vec::new();
                for c in chunk {
                    records.push(api::record(&api, &format!("{}{}", of.path, c.name)).await);
                }
                for (entry, record) in chunk.iter().zip(records) {
                    let record = record.ok();
                    let field = |name| {
                        record
                            .as_ref()
                            .and_then(|r| api::text(r, name))
                            .unwrap_or_default()
                    };
                    lines.push(csv_line(&[
                        &entry.name,
                        &field(of.name),
                        &field(of.extra.1),
                        &entry.count.to_string(),
                        &gbif.record(of.record, &entry.name),
                    ]));
                }
            }
            save(&format!("{kind}.csv"), &lines.join("\r\n"));
            busy.set(false);
        });
    };
    view! {
        <p><button type="button" class="button data-list__csv" on:click=download aria-busy=move || busy.get().to_string()>
            {settings.words.get("dataCsv")}
        </button></p>
    }
}

/// A CSV line (RFC 4180): fields with a comma, a quote or a line break quoted, quotes doubled;
/// a field that a spreadsheet would read as a formula gets a leading `'`.
fn csv_line(fields: &[&str]) -> String {
    fields
        .iter()
        .map(|field| {
            let field = if field.starts_with(['=', '+', '-', '@']) {
                format!("'{field}")
            } else {
                (*field).to_owned()
            };
            if field.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", field.replace('"', "\"\""))
            } else {
                field
            }
        })
        .collect::<Vec<_>>()
        .join(",")
}

/// Offers `text` as a file named `name` to the visitor.
fn save(name: &str, text: &str) {
    let parts = js_sys::Array::of1(&leptos::wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/csv;charset=utf-8");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(link) = document().create_element("a")
        && let Ok(link) = link.dyn_into::<web_sys::HtmlAnchorElement>()
    {
        link.set_href(&url);
        link.set_download(name);
        link.click();
    }
    // The address is let go once the browser has taken the file.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
}

/// A page of the portal's datasets, publishers, institutions or collections: the list, its
/// page in the address.
#[component]
pub fn ListPage(settings: Settings, kind: &'static str) -> impl IntoView {
    let (query, go) = super::address::in_address();
    view! { <FacetList settings kind query go/> }
}

/// The kinds of record the data views know, as `'static` names.
pub fn kind_name(kind: &str) -> &'static str {
    match kind {
        "occurrence" => "occurrence",
        "species" => "species",
        "dataset" => "dataset",
        "publisher" => "publisher",
        "institution" => "institution",
        _ => "collection",
    }
}
