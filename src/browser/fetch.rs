//! Fetching page data and the interface's words from the JSON files the build writes next to the
//! pages (`/_data/pages/about.json`, `/_data/ui/es.json`).

pub use crate::app::state::LoadError;
use crate::model::json::{self, FromJson};
use crate::model::{PageData, UiText};
use crate::routes;
use crate::urls::BaseUrl;

/// The data of the page whose route key is `key`.
pub async fn page(base: &BaseUrl, key: &str) -> Result<PageData, LoadError> {
    fetch(&base.href(&routes::page_data_path(key))).await
}

/// The interface's words in language `code`.
pub async fn ui(base: &BaseUrl, code: &str) -> Result<UiText, LoadError> {
    fetch(&base.href(&routes::ui_data_path(code))).await
}

/// How long a request may go unanswered before the visitor is told and offered to try again.
pub const TIMEOUT: std::time::Duration = std::time::Duration::from_secs(15);

async fn fetch<T: FromJson>(url: &str) -> Result<T, LoadError> {
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

async fn read<T: FromJson>(
    url: &str,
    signal: Option<&web_sys::AbortSignal>,
) -> Result<T, LoadError> {
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
    json::parse(&text)
        .and_then(T::from_json)
        .ok_or(LoadError::Damaged)
}
