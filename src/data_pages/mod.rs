//! GBIF's data pages, drawn in the browser from GBIF's public API, always within the portal's
//! scope. The build writes, on a data page, an element that says what to draw
//! (`<div data-gbif-search="occurrence" data-api="https://api.gbif.org/v1" data-scope="country=BE">`),
//! inside the page's link card to GBIF.org, which is what the page shows without JavaScript;
//! `data-words` holds the interface's words in the page's language.

pub mod address;
pub mod api;
pub mod fault;
pub mod lists;
pub mod named;
pub mod occurrences;
pub mod pager;
pub mod query;
pub mod records;
pub mod view;
pub mod words;

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

/// Draws every data view on the page that is not drawn yet, and every one the app shows later.
pub fn start() {
    draw_new_views();
    let observer = leptos::wasm_bindgen::closure::Closure::<dyn FnMut()>::new(draw_new_views);
    if let (Ok(watch), Some(body)) = (
        web_sys::MutationObserver::new(observer.as_ref().unchecked_ref()),
        document().body(),
    ) {
        let options = web_sys::MutationObserverInit::new();
        options.set_child_list(true);
        options.set_subtree(true);
        let _ = watch.observe_with_options(&body, &options);
    }
    observer.forget();
}

thread_local! {
    /// The views drawn, each with what keeps it alive: dropped (its listeners and requests
    /// with it) once the app has taken its element off the page.
    static DRAWN: std::cell::RefCell<Vec<(web_sys::Element, Box<dyn std::any::Any>)>> =
        std::cell::RefCell::default();
}

fn draw_new_views() {
    DRAWN.with_borrow_mut(|drawn| drawn.retain(|(element, _)| element.is_connected()));
    let Ok(views) = document().query_selector_all("[data-gbif-search]:not([data-drawn])") else {
        return;
    };
    for i in 0..views.length() {
        let Some(view) = views
            .get(i)
            .and_then(|v| v.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            continue;
        };
        let _ = view.set_attribute("data-drawn", "");
        let settings = view::Settings::read(&view);
        let kind = view.get_attribute("data-gbif-search").unwrap_or_default();
        view.set_inner_html("");
        let element: web_sys::Element = view.clone().into();
        let handle = leptos::mount::mount_to(view, move || draw(settings, &kind));
        DRAWN.with_borrow_mut(|drawn| drawn.push((element, Box::new(handle))));
    }
}

/// The view of `kind` (the build's `data-gbif-search`).
fn draw(settings: view::Settings, kind: &str) -> AnyView {
    match kind {
        "occurrence" => view! { <occurrences::OccurrenceSearch settings/> }.into_any(),
        "dataset" | "publisher" | "institution" | "collection" => {
            let kind = lists::kind_name(kind);
            view! { <lists::ListPage settings kind/> }.into_any()
        }
        _ => match kind.strip_suffix("-key").map(lists::kind_name) {
            Some(kind) => view! { <records::RecordPage settings kind/> }.into_any(),
            None => ().into_any(),
        },
    }
}
