//! Fetching page data and the interface's words from the JSON files the build writes next to the
//! pages (`/_data/pages/about.json`, `/_data/ui/es.json`).

use crate::json::{self, FromJson};
use crate::model::{PageData, UiText};
use crate::routes;

/// Why data could not be fetched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// No answer at all: the visitor is offline, or the request was blocked.
    Offline,
    /// There is no such page.
    NotFound,
    /// The server answered with an error status.
    Server(u16),
    /// The answer was not the data it should be (truncated, or something else entirely).
    Damaged,
}

/// The data of the page whose route key is `key`.
pub async fn fetch_page(base: &str, key: &str) -> Result<PageData, LoadError> {
    fetch(&format!("{base}{}", routes::page_data_path(key))).await
}

/// The interface's words in language `code`.
pub async fn fetch_ui(base: &str, code: &str) -> Result<UiText, LoadError> {
    fetch(&format!("{base}{}", routes::ui_data_path(code))).await
}

async fn fetch<T: FromJson>(url: &str) -> Result<T, LoadError> {
    let response = gloo_net::http::Request::get(url)
        .send()
        .await
        .map_err(|_| LoadError::Offline)?;
    match response.status() {
        200..=299 => {}
        404 | 410 => return Err(LoadError::NotFound),
        status => return Err(LoadError::Server(status)),
    }
    // Hosts that answer every unknown address with a page send HTML where data was asked for.
    if response
        .headers()
        .get("content-type")
        .is_some_and(|t| t.contains("text/html"))
    {
        return Err(LoadError::NotFound);
    }
    let text = response.text().await.map_err(|_| LoadError::Offline)?;
    json::parse(&text)
        .and_then(T::from_json)
        .ok_or(LoadError::Damaged)
}
