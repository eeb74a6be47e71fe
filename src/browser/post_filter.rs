//! The news archive's filter by category, in the browser. The archive is drawn at build time: a
//! row of links (`?category=Events`) and a card per post that says which categories it is in
//! (`data-categories="Events|Webinar|"`). The router follows the links without reloading; this
//! shows the cards of the category the address names, marks its link, and shows every card
//! when the address names none. Without the app, the links load the page again and every post
//! is listed.

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

/// Applies the filter the address's query (`?category=Events`) names to the page on screen.
pub fn apply(search: &str) {
    let category = search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("category="))
        .map(|value| crate::urls::decode_path(&value.replace('+', " ")));
    let document = document();
    let Ok(cards) = document.query_selector_all("main [data-categories]") else {
        return;
    };
    for i in 0..cards.length() {
        let Some(card) = cards
            .get(i)
            .and_then(|c| c.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let listed = card.get_attribute("data-categories").unwrap_or_default();
        let shown = category
            .as_deref()
            .is_none_or(|c| listed.split('|').any(|l| l == c));
        let _ = card.toggle_attribute_with_force("hidden", !shown);
    }
    let Ok(links) = document.query_selector_all(".post-filter a") else {
        return;
    };
    for i in 0..links.length() {
        let Some(link) = links
            .get(i)
            .and_then(|l| l.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let href = link.get_attribute("href").unwrap_or_default();
        let current = href
            .split_once("?category=")
            .map(|(_, c)| crate::urls::decode_path(&c.replace('+', " ")))
            == category;
        if current {
            let _ = link.set_attribute("aria-current", "true");
        } else {
            let _ = link.remove_attribute("aria-current");
        }
    }
}
