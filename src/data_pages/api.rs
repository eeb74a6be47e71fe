//! GBIF's REST API, as the data pages read it: the fields relied on are listed on each type.

use serde::Deserialize;

/// An occurrence search's answer (`GET /occurrence/search`): `count` (all matches, not only this
/// page's), `offset`, `limit`, `results`.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
pub struct OccurrencePage {
    #[serde(default)]
    pub count: u64,
    #[serde(default)]
    pub offset: u64,
    #[serde(default)]
    pub results: Vec<Occurrence>,
}

/// One occurrence record: `key`, `scientificName`, `country`, `eventDate`/`year`,
/// `basisOfRecord`, `datasetName`.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Occurrence {
    pub key: u64,
    #[serde(default)]
    pub scientific_name: Option<String>,
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub year: Option<i64>,
    #[serde(default)]
    pub basis_of_record: Option<String>,
    #[serde(default)]
    pub dataset_name: Option<String>,
}

/// Why an answer could not be had.
#[derive(Clone, Debug, PartialEq)]
pub enum Fault {
    Offline,
    Status(u16),
    Damaged,
}

/// The occurrences matching `query` (already encoded `key=value` pairs) at `api`; `signal`
/// aborts the request (a newer search replaces it, or it took too long).
pub async fn occurrences(
    api: &str,
    query: &str,
    signal: Option<&web_sys::AbortSignal>,
) -> Result<OccurrencePage, Fault> {
    let response = gloo_net::http::Request::get(&format!("{api}/occurrence/search?{query}"))
        .abort_signal(signal)
        .send()
        .await
        .map_err(|_| Fault::Offline)?;
    if !response.ok() {
        return Err(Fault::Status(response.status()));
    }
    let text = response.text().await.map_err(|_| Fault::Offline)?;
    serde_json::from_str(&text).map_err(|_| Fault::Damaged)
}
