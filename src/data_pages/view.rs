//! What the build wrote on a data view for the module: where GBIF's data is, the portal's
//! scope, the words, and where the portal shows each kind of record.

use serde_json::Value;

use super::words::Words;

/// A data view's settings, read from its element's attributes.
#[derive(Clone, Debug, Default)]
pub struct Settings {
    /// The API's base (`data-api`: `https://api.gbif.org/v1`).
    pub api: String,
    /// The base map tiles' base (`data-tiles`).
    pub tiles: String,
    /// The portal's scope as the API's query parameters (`data-scope`: `networkKey=...`).
    pub scope: String,
    pub words: Words,
    /// Where the portal shows each kind of record (`data-records`: `{"dataset": "/dataset/",
    /// "occurrence-search": "/occurrence/search"}`).
    records: std::sync::Arc<serde_json::Map<String, Value>>,
}

impl Settings {
    pub fn read(element: &web_sys::Element) -> Self {
        let attribute = |name: &str| element.get_attribute(name).unwrap_or_default();
        Settings {
            api: attribute("data-api"),
            tiles: attribute("data-tiles"),
            scope: attribute("data-scope"),
            words: Words::read(&attribute("data-words")),
            records: std::sync::Arc::new(
                serde_json::from_str(&attribute("data-records")).unwrap_or_default(),
            ),
        }
    }

    /// The address of the record `key` of `kind` (`dataset`): the portal's page for it, else
    /// GBIF.org's.
    pub fn record(&self, kind: &str, key: &str) -> String {
        match self.records.get(kind).and_then(Value::as_str) {
            Some(folder) => format!("{folder}{key}"),
            None => format!("https://www.gbif.org/{}/{key}", gbif_folder(kind)),
        }
    }

    /// The occurrence search with `query` (`?datasetKey=...`): the portal's, else GBIF.org's
    /// (in the portal's scope).
    pub fn occurrences(&self, query: &str) -> String {
        match self
            .records
            .get("occurrence-search")
            .and_then(Value::as_str)
        {
            Some(search) => format!("{search}{query}"),
            None => super::query::Query::parse(query).on_gbif(&self.scope),
        }
    }

    /// GBIF's map tiles' base (`https://api.gbif.org/v2/map/occurrence`), beside the API's.
    pub fn maps(&self) -> String {
        let root = self.api.strip_suffix("/v1").unwrap_or(&self.api);
        format!("{root}/v2/map/occurrence")
    }

    /// An image of `url` at most `size` pixels wide and high, through GBIF's image cache (on the
    /// API's host, so that the policy need not list every publisher's image server).
    pub fn thumbnail(&self, url: &str, size: u32) -> String {
        format!(
            "{}/image/unsafe/fit-in/{size}x{size}/{}",
            self.api,
            super::query::encoded(url)
        )
    }
}

/// Where GBIF.org shows records of `kind`.
fn gbif_folder(kind: &str) -> &str {
    match kind {
        "institution" => "grscicoll/institution",
        "collection" => "grscicoll/collection",
        other => other,
    }
}
