//! A GBIF record page's link to the record on GBIF.org. The page (`/institution/_key_`) is served
//! at every record's address (`/institution/<key>`), so the build cannot know the key: its link
//! leads to the search, and says where the record lives (`data-record`, the address GBIF.org
//! gives records of this kind, and `data-folder`, the folder whose next segment is the key).
//! Here, the link gets the key the address carries.

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

/// Points the page's record link, if it has one, at the record the address names. (Written with
/// the calls the other page fix-ups make, which keeps it to a few hundred bytes of WebAssembly.)
pub fn complete() {
    let Ok(links) = document().query_selector_all("main a[data-record]") else {
        return;
    };
    let Some(link) = links
        .get(0)
        .and_then(|l| l.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let record = link.get_attribute("data-record").unwrap_or_default();
    let folder = link.get_attribute("data-folder").unwrap_or_default();
    let path = window().location().pathname().unwrap_or_default();
    let key = path
        .split('/')
        .skip_while(|segment| *segment != folder)
        .nth(1)
        .unwrap_or("_key_");
    if !key.is_empty() && key != "_key_" {
        let _ = link.set_attribute("href", &(record + key));
    }
}
