//! Fetching page data and the interface's words from the JSON files the build writes next to the
//! pages (`/_data/pages/about.json`, `/_data/ui/es.json`).

#[cfg(feature = "hydrate")]
use crate::model::json::{self, FromJson};
#[cfg(feature = "hydrate")]
use crate::model::{PageData, UiText};
#[cfg(feature = "hydrate")]
use crate::routes;
#[cfg(feature = "hydrate")]
use crate::urls::BaseUrl;

/// Why the data of a page could not be had.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// No answer at all: the visitor is offline, or the request was blocked.
    Offline,
    /// No answer in time (see [`TIMEOUT`]).
    TimedOut,
    /// The server has no data at that address (404, or an HTML page where data was asked for).
    /// The page itself may still exist: the app loads the address as an ordinary page.
    NotFound,
    /// The server answered with an error status.
    Server(u16),
    /// The answer was not the data it should be (truncated, or something else entirely).
    Damaged,
}

/// The data of the page whose route key is `key`.
#[cfg(feature = "hydrate")]
pub async fn page(base: &BaseUrl, key: &str) -> Result<PageData, LoadError> {
    typed(fetch(&base.href(&routes::page_data_path(key))).await)
}

/// The interface's words in language `code`.
#[cfg(feature = "hydrate")]
pub async fn ui(base: &BaseUrl, code: &str) -> Result<UiText, LoadError> {
    typed(fetch(&base.href(&routes::ui_data_path(code))).await)
}

/// The data as `T`, if it is that.
#[cfg(feature = "hydrate")]
fn typed<T: FromJson>(json: Result<json::Json, LoadError>) -> Result<T, LoadError> {
    json.and_then(|json| T::from_json(json).ok_or(LoadError::Damaged))
}

/// How long a request may go unanswered before the visitor is told and offered to try again.
pub const TIMEOUT: std::time::Duration = std::time::Duration::from_secs(15);

#[cfg(feature = "hydrate")]
// One function for every kind of data (the JSON is read into its type afterwards): each copy of
// its asynchronous machinery costs about a kilobyte of WebAssembly.
async fn fetch(url: &str) -> Result<json::Json, LoadError> {
    // A request that never answers would otherwise leave the loading bar up for good: it is
    // aborted after `TIMEOUT`.
    let controller = web_sys::AbortController::new().ok();
    let timed_out = std::rc::Rc::new(std::cell::Cell::new(false));
    let timer = {
        let (controller, timed_out) = (controller.clone(), timed_out.clone());
        leptos::prelude::set_timeout_with_handle(
            move || {
                timed_out.set(true);
                if let Some(controller) = controller {
                    controller.abort();
                }
            },
            TIMEOUT,
        )
        .ok()
    };
    let signal = controller.as_ref().map(web_sys::AbortController::signal);
    let result = read(url, signal.as_ref()).await;
    if let Some(timer) = timer {
        timer.clear();
    }
    match result {
        Err(_) if timed_out.get() => Err(LoadError::TimedOut),
        result => result,
    }
}

#[cfg(feature = "hydrate")]
async fn read(url: &str, signal: Option<&web_sys::AbortSignal>) -> Result<json::Json, LoadError> {
    let response = gloo_net::http::Request::get(url)
        .abort_signal(signal)
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
    json::parse(&text).ok_or(LoadError::Damaged)
}
