//! The table of contents follows the reading: the entry of the last heading whose top has
//! scrolled past the top quarter of the window is marked `aria-current="location"`.

use leptos::prelude::*;
use leptos::wasm_bindgen::{JsCast, closure::Closure};

/// Marks the section in view now, and whenever the page scrolls.
pub fn follow_the_reading() {
    let handler = Closure::<dyn Fn()>::new(mark_the_section_in_view);
    let _ = window().add_event_listener_with_callback("scroll", handler.as_ref().unchecked_ref());
    // The listener lives as long as the page.
    handler.forget();
}

/// Marks the entry of the table of contents (if the page has one) of the section being read.
pub fn mark_the_section_in_view() {
    let document = document();
    let Ok(links) = document.query_selector_all(".toc a") else {
        return;
    };
    let threshold = window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .map_or(200.0, |h| h * 0.25);
    let mut current = None;
    let links: Vec<web_sys::Element> = (0..links.length())
        .filter_map(|i| links.get(i)?.dyn_into().ok())
        .collect();
    for (i, link) in links.iter().enumerate() {
        let id = link.get_attribute("href").unwrap_or_default();
        let heading = document.get_element_by_id(id.trim_start_matches('#'));
        match heading {
            Some(heading) if heading.get_bounding_client_rect().top() <= threshold => {
                current = Some(i);
            }
            Some(_) => break,
            None => {}
        }
    }
    for (i, link) in links.iter().enumerate() {
        let _ = if Some(i) == current {
            link.set_attribute("aria-current", "location")
        } else {
            link.remove_attribute("aria-current")
        };
    }
}
