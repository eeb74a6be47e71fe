//! Pagefind's search, as the starter left it (`window.sccPagefind`, its script imported beside
//! this module): a query and a filter in, the first results' titles, addresses, excerpts and
//! kinds out.

use leptos::wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Results shown at once.
const SHOWN: u32 = 8;

/// Sections (Pagefind's sub-results, by heading) shown under a result.
const SECTIONS: usize = 2;

/// One result: a page, with the words found marked in its excerpt (`<mark>`, from Pagefind).
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub title: String,
    pub url: String,
    pub excerpt: String,
    /// The page's kind (the index's `kind` filter: `page`, `post`, `documentation`).
    pub kind: String,
    /// The sections (headings with an id) the words were found in: title and address.
    pub sections: Vec<(String, String)>,
}

fn get(object: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

async fn awaited(value: JsValue) -> Result<JsValue, JsValue> {
    JsFuture::from(js_sys::Promise::resolve(&value)).await
}

/// Calls the method `name` of `object` with `args`.
fn call(object: &JsValue, name: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let function: js_sys::Function = get(object, name).dyn_into()?;
    let args: js_sys::Array = args.iter().collect();
    function.apply(object, &args)
}

fn pagefind() -> JsValue {
    get(&leptos::prelude::window(), "sccPagefind")
}

/// The posts' categories in the index of the page's language (Pagefind's `category` filter).
pub async fn categories() -> Vec<String> {
    let Ok(filters) = call(&pagefind(), "filters", &[]) else {
        return Vec::new();
    };
    let Ok(filters) = awaited(filters).await else {
        return Vec::new();
    };
    let category = get(&filters, "category");
    if !category.is_object() {
        return Vec::new();
    }
    let mut names: Vec<String> = js_sys::Object::keys(category.unchecked_ref::<js_sys::Object>())
        .iter()
        .filter_map(|name| name.as_string())
        .collect();
    names.sort();
    names
}

/// Starts loading what a search for `term` needs (the index's chunks for its words), while the
/// visitor may still be typing.
pub fn preload(term: &str) {
    let _ = call(&pagefind(), "preload", &[term.into()]);
}

/// The number of pages matching `term` (of `kind` and in `category`, where given) and the
/// first of them, still to be read: each one's fragment is asked for at once (see [`hit`]).
pub async fn search(
    term: &str,
    (kind, category): (&str, &str),
) -> Result<(usize, Vec<JsValue>), JsValue> {
    let pagefind = pagefind();
    let options = js_sys::Object::new();
    let filters = js_sys::Object::new();
    for (name, value) in [("kind", kind), ("category", category)] {
        if !value.is_empty() {
            js_sys::Reflect::set(&filters, &name.into(), &value.into())?;
        }
    }
    js_sys::Reflect::set(&options, &"filters".into(), &filters)?;
    let found = awaited(call(&pagefind, "search", &[term.into(), options.into()])?).await?;
    let results: js_sys::Array = get(&found, "results").dyn_into()?;
    let count = results.length() as usize;
    // Every shown result's fragment is asked for now, not one after another.
    let asked = results
        .iter()
        .take(SHOWN as usize)
        .map(|result| call(&result, "data", &[]))
        .collect::<Result<_, _>>()?;
    Ok((count, asked))
}

/// One result, once its fragment (asked for by [`search`]) has come.
pub async fn hit(fragment: JsValue) -> Result<Hit, JsValue> {
    let data = awaited(fragment).await?;
    let text = |value: JsValue| value.as_string().unwrap_or_default();
    let kind = js_sys::Array::from(&get(&get(&data, "filters"), "kind"));
    let url = text(get(&data, "url"));
    let sections = js_sys::Array::from(&get(&data, "sub_results"))
        .iter()
        .map(|sub| (text(get(&sub, "title")), text(get(&sub, "url"))))
        .filter(|(title, address)| !title.is_empty() && address.contains('#') && *address != url)
        .take(SECTIONS)
        .collect();
    Ok(Hit {
        title: text(get(&get(&data, "meta"), "title")),
        url,
        sections,
        excerpt: text(get(&data, "excerpt")),
        kind: kind.get(0).as_string().unwrap_or_default(),
    })
}
