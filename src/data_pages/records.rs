//! The record pages: one occurrence, dataset, publisher, institution or collection, read from
//! GBIF's API by the key in the page's address (`/dataset/<key>`, served by the record page
//! `/dataset/_key_`): the fields a visitor needs, its images and its place on a map, links to
//! the records it belongs to (in the portal where it has their pages) and to its records in the
//! portal's occurrence search.

use leptos::prelude::*;
use serde_json::Value;

use super::api;
use super::fault::answered;
use super::occurrences::map::Map;
use super::view::Settings;

/// What a record page shows of a kind of record.
struct Shape {
    /// Where the record is read, before its key.
    path: &'static str,
    /// The field that names it.
    name: &'static str,
    /// The fields shown (word, field).
    fields: &'static [(&'static str, &'static str)],
    /// The records it belongs to (word, field holding the key, kind of record).
    related: &'static [(&'static str, &'static str, &'static str)],
    /// The occurrence search's parameter for its records, if it has records.
    records: Option<&'static str>,
}

fn shape(kind: &str) -> Shape {
    match kind {
        "occurrence" => Shape {
            path: "/occurrence/",
            name: "scientificName",
            fields: &[
                ("dataBasisOfRecord", "basisOfRecord"),
                ("dataEventDate", "eventDate"),
                ("dataCountry", "country"),
                ("dataLocality", "locality"),
                ("dataRecordedBy", "recordedBy"),
                ("dataInstitutionCode", "institutionCode"),
                ("dataCatalogNumber", "catalogNumber"),
                ("dataLicense", "license"),
            ],
            related: &[
                ("dataDataset", "datasetKey", "dataset"),
                ("dataPublisher", "publishingOrgKey", "publisher"),
                ("dataInstitution", "institutionKey", "institution"),
                ("dataCollection", "collectionKey", "collection"),
            ],
            records: None,
        },
        "dataset" => Shape {
            path: "/dataset/",
            name: "title",
            fields: &[
                ("dataType", "type"),
                ("dataDescription", "description"),
                ("dataLicense", "license"),
            ],
            related: &[("dataPublisher", "publishingOrganizationKey", "publisher")],
            records: Some("datasetKey"),
        },
        "publisher" => Shape {
            path: "/organization/",
            name: "title",
            fields: &[
                ("dataDescription", "description"),
                ("dataCountry", "country"),
                ("dataHomepage", "homepage"),
            ],
            related: &[],
            records: Some("publishingOrg"),
        },
        "institution" => Shape {
            path: "/grscicoll/institution/",
            name: "name",
            fields: &[
                ("dataCode", "code"),
                ("dataDescription", "description"),
                ("dataHomepage", "homepage"),
            ],
            related: &[],
            records: Some("institutionKey"),
        },
        _ => Shape {
            path: "/grscicoll/collection/",
            name: "name",
            fields: &[
                ("dataCode", "code"),
                ("dataDescription", "description"),
                ("dataHomepage", "homepage"),
            ],
            related: &[("dataInstitution", "institutionKey", "institution")],
            records: Some("collectionKey"),
        },
    }
}

/// The record page of `kind` (`dataset`) for the key in the address.
#[component]
pub fn RecordPage(settings: Settings, kind: &'static str) -> impl IntoView {
    let key = key_in_address(&settings, kind);
    let Some(key) = key else {
        // The record page at its own address (`/dataset/_key_`): no record to show.
        return ().into_any();
    };
    let shape = shape(kind);
    let path = format!("{}{key}", shape.path);
    let asked = api::ask(settings.api.clone(), Signal::stored(path));
    let words = settings.words.clone();
    answered(
        asked,
        words,
        Box::new(move |record| record_view(&settings, kind, &key, &record).into_any()),
    )
    .into_any()
}

/// The key in the address: the segment after the folder of this kind's record pages.
fn key_in_address(settings: &Settings, kind: &str) -> Option<String> {
    let path = window().location().pathname().ok()?;
    let folder = settings.record(kind, "");
    let rest = path.strip_prefix(&folder).unwrap_or_else(|| {
        path.trim_end_matches('/')
            .rsplit('/')
            .next()
            .unwrap_or_default()
    });
    let key = crate::urls::decode_path(rest.split('/').next().unwrap_or_default());
    (!key.is_empty() && key != "_key_").then_some(key)
}

fn record_view(settings: &Settings, kind: &str, key: &str, record: &Value) -> impl IntoView {
    let shape = shape(kind);
    let words = &settings.words;
    let name = api::text(record, shape.name).unwrap_or_else(|| key.to_owned());
    let rows = shape
        .fields
        .iter()
        .filter_map(|(word, field)| {
            let value = first_text(record, field)?;
            // A date without a time of day, as GBIF writes it (`1999-06-18T00:00`): the date.
            let value = value
                .strip_suffix("T00:00")
                .map(str::to_owned)
                .unwrap_or(value);
            let value = if value.starts_with("https://") || value.starts_with("http://") {
                view! { <a href=value.clone()>{value.clone()}</a> }.into_any()
            } else {
                super::words::readable(&value).into_any()
            };
            Some(view! { <dt>{words.get(word)}</dt><dd>{value}</dd> })
        })
        .collect_view();
    let related = shape
        .related
        .iter()
        .filter_map(|(word, field, of)| {
            let key = api::text(record, field)?;
            let related = shape_path(of);
            Some(view! {
                <dt>{words.get(word)}</dt>
                <dd><a href=settings.record(of, &key)><super::named::Named settings=settings.clone() path=format!("{}{key}", related.0) field=related.1 fallback=key.clone()/></a></dd>
            })
        })
        .collect_view();
    let records = shape.records.map(|parameter| {
        let query = super::query::Query::default().with(parameter, key);
        view! { <p><a class="button" href=settings.occurrences(&query.address())>{words.get("dataRecordsHere")}</a></p> }
    });
    let images = images(settings, record, &name);
    let place = match (
        record.get("decimalLatitude").and_then(Value::as_f64),
        record.get("decimalLongitude").and_then(Value::as_f64),
    ) {
        (Some(lat), Some(lon)) => Some(view! {
            <h3>{words.get("dataPlace")}</h3>
            <p>{format!("{}: {}, {}", words.get("dataCoordinates"), degrees(lat), degrees(lon))}</p>
            <Map settings=settings.clone() overlay=None point=Some((lat, lon))/>
        }),
        _ => None,
    };
    view! {
        <article class="data-record">
            <h2>{name}</h2>
            <dl>{rows}{related}</dl>
            {images}
            {place}
            {records}
        </article>
    }
}

/// Degrees to five decimals (about a metre), written without Rust's float formatting, which
/// the module's size could not carry.
fn degrees(value: f64) -> String {
    let scaled = (value * 100_000.0).round() as i64;
    let sign = if scaled < 0 { "-" } else { "" };
    let scaled = scaled.unsigned_abs();
    format!("{sign}{}.{:05}", scaled / 100_000, scaled % 100_000)
}

/// Where a related record of kind `of` is read, and its name's field.
fn shape_path(of: &str) -> (&'static str, &'static str) {
    let shape = shape(of);
    (shape.path, shape.name)
}

/// The text of `field`, or the first of a list (a publisher's `homepage`).
fn first_text(record: &Value, field: &str) -> Option<String> {
    match record.get(field)? {
        Value::Array(values) => values.iter().find_map(|v| v.as_str().map(str::to_owned)),
        _ => api::text(record, field),
    }
}

/// An occurrence's images (`media`: `type`, `identifier`), through GBIF's image cache.
fn images(settings: &Settings, record: &Value, name: &str) -> Option<impl IntoView + use<>> {
    let media = record.get("media")?.as_array()?;
    let pictures: Vec<_> = media
        .iter()
        .filter(|m| m.get("type").and_then(Value::as_str) == Some("StillImage"))
        .filter_map(|m| api::text(m, "identifier"))
        .take(12)
        .map(|url| {
            view! {
                <li><a href=url.clone()><img src=settings.thumbnail(&url, 480) alt=name.to_owned() loading="lazy"/></a></li>
            }
        })
        .collect();
    (!pictures.is_empty()).then(|| {
        view! {
            <h3>{settings.words.get("dataImages")}</h3>
            <ul class="data-gallery">{pictures}</ul>
        }
    })
}
