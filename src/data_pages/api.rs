//! GBIF's REST API, as the data pages ask it: one request at a time per view (a new one stops
//! the one in flight), each stopped after [`TIMEOUT`], every answer read as JSON. The fields
//! relied on are listed where they are read (and in the README).

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use leptos::prelude::*;
use serde_json::Value;

/// How long a request may go unanswered before it is stopped and the visitor offered to retry.
const TIMEOUT: std::time::Duration = std::time::Duration::from_secs(20);

/// An occurrence search's answer (`GET /occurrence/search`): `count` (all matches, not only
/// this page's), `offset`, `results` (records, read as the record pages read them) and
/// `facets` (`field`, `counts` of `name` and `count`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchPage {
    pub count: u64,
    pub offset: u64,
    pub results: Vec<Value>,
    facets: Vec<Value>,
}

/// One value of a facet and its number of records.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FacetCount {
    pub name: String,
    pub count: u64,
}

impl SearchPage {
    /// The search in `answer`; what it lacks is empty.
    pub fn of(answer: &Value) -> Self {
        let list = |field| {
            answer
                .get(field)
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default()
        };
        let number = |field| answer.get(field).and_then(Value::as_u64).unwrap_or(0);
        SearchPage {
            count: number("count"),
            offset: number("offset"),
            results: list("results"),
            facets: list("facets"),
        }
    }

    /// The counts of the facet on `parameter` (`basisOfRecord`), whose `field` GBIF writes in
    /// constant case, most records first.
    pub fn facet(&self, parameter: &str) -> Vec<FacetCount> {
        let field = super::query::constant_case(parameter);
        self.facets
            .iter()
            .find(|facet| facet.get("field").and_then(Value::as_str) == Some(field.as_str()))
            .and_then(|facet| facet.get("counts")?.as_array())
            .map(|counts| {
                counts
                    .iter()
                    .filter_map(|c| {
                        Some(FacetCount {
                            name: text(c, "name")?,
                            count: c.get("count").and_then(Value::as_u64).unwrap_or(0),
                        })
                    })
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// Why an answer could not be had.
#[derive(Clone, Debug, PartialEq)]
pub enum Fault {
    Offline,
    TimedOut,
    NotFound,
    Status(u16),
    Damaged,
}

/// `path` (`/occurrence/search?...`) of the API at `api`, read as JSON. (Every answer is read
/// as a `Value`, never as a type of its own: one deserializer in the module, not one per type.)
async fn get(api: &str, path: &str, signal: Option<&web_sys::AbortSignal>) -> Result<Value, Fault> {
    let response = gloo_net::http::Request::get(&format!("{api}{path}"))
        .abort_signal(signal)
        .send()
        .await
        .map_err(|_| Fault::Offline)?;
    match response.status() {
        404 => return Err(Fault::NotFound),
        status if !response.ok() => return Err(Fault::Status(status)),
        _ => {}
    }
    let text = response.text().await.map_err(|_| Fault::Offline)?;
    serde_json::from_str(&text).map_err(|_| Fault::Damaged)
}

/// The requests of one view: starting one stops the one before (its answer would be ignored
/// anyway), and a request that takes too long is stopped and says so.
#[derive(Clone, Copy)]
pub struct Requests {
    in_flight: StoredValue<Option<web_sys::AbortController>, LocalStorage>,
}

impl Default for Requests {
    fn default() -> Self {
        Self::new()
    }
}

impl Requests {
    pub fn new() -> Self {
        Requests {
            in_flight: StoredValue::new_local(None),
        }
    }

    /// `path` of the API at `api` (an answer already read, or asked now), stopping the request
    /// in flight.
    pub fn get(
        self,
        api: &str,
        path: &str,
    ) -> impl std::future::Future<Output = Result<Value, Fault>> + use<> {
        // Nothing to ask (no taxon chosen): nothing, at once.
        let known = if path.is_empty() {
            Some(Value::Null)
        } else {
            KNOWN.with_borrow(|known| known.get(path).cloned())
        };
        let controller = web_sys::AbortController::new().ok();
        let previous = self
            .in_flight
            .try_update_value(|slot| std::mem::replace(slot, controller.clone()));
        if let Some(Some(previous)) = previous {
            previous.abort();
        }
        let timed_out = Rc::new(Cell::new(false));
        let timer = controller.clone().and_then(|controller| {
            let timed_out = timed_out.clone();
            set_timeout_with_handle(
                move || {
                    timed_out.set(true);
                    controller.abort();
                },
                TIMEOUT,
            )
            .ok()
        });
        let (api, path) = (api.to_owned(), path.to_owned());
        async move {
            if let Some(known) = known {
                return Ok(known);
            }
            let signal = controller.as_ref().map(web_sys::AbortController::signal);
            let answer = get(&api, &path, signal.as_ref()).await;
            if let Some(timer) = timer {
                timer.clear();
            }
            match answer {
                Err(Fault::Offline) if timed_out.get() => Err(Fault::TimedOut),
                Ok(value) => {
                    KNOWN.with_borrow_mut(|known| known.insert(path, value.clone()));
                    Ok(value)
                }
                answer => answer,
            }
        }
    }
}

thread_local! {
    /// The answers read, by their address: a search seen again (Back), a name shown again or
    /// in a list's CSV, is not asked again while the page is open.
    static KNOWN: RefCell<HashMap<String, Value>> = RefCell::default();
}

/// The record at `path` (`/species/2435099`), from the answers already read or asked now.
pub async fn record(api: &str, path: &str) -> Result<Value, Fault> {
    Requests::new().get(api, path).await
}

/// A request that follows its address: asked again when `path` changes (stopping the one in
/// flight) or Retry is pressed.
#[derive(Clone, Copy)]
pub struct Asked {
    pub answer: LocalResource<Result<Value, Fault>>,
    pub retry: RwSignal<u32>,
}

/// Asks `path` of the API at `api`, and again whenever `path` changes. (One function makes
/// every view's requests, so that their machinery is in the module once.)
pub fn ask(api: String, path: Signal<String>) -> Asked {
    let requests = Requests::new();
    let retry = RwSignal::new(0u32);
    let answer = LocalResource::new(move || {
        retry.track();
        requests.get(&api, &path.get())
    });
    Asked { answer, retry }
}

/// The text at `field` of a record (a string, or a whole number written out: keys, years),
/// if any. (Not other numbers: writing a float would bring Rust's float formatting into the
/// module; coordinates are read as numbers.)
pub fn text(record: &Value, field: &str) -> Option<String> {
    match record.get(field)? {
        Value::String(text) if !text.trim().is_empty() => Some(text.clone()),
        Value::Number(number) => number.as_i64().map(|n| n.to_string()),
        _ => None,
    }
}
