//! A page's table of contents (`toc: true`), beside its text: it marks the section being read.

use leptos::prelude::*;

use crate::model::TocEntry;

/// The headings of the page's text as links, the one of the section in view marked
/// `aria-current="location"` as the visitor scrolls.
#[component]
pub fn Toc(entries: Vec<TocEntry>, title: String) -> impl IntoView {
    let active = RwSignal::new(None::<String>);
    #[cfg(feature = "hydrate")]
    follow_the_reading(entries.iter().map(|e| e.id.clone()).collect(), active);
    let items = entries
        .into_iter()
        .map(|entry| {
            let id = entry.id.clone();
            let current = move || {
                active
                    .with(|a| a.as_deref() == Some(id.as_str()))
                    .then_some("location")
            };
            view! {
                <li class=format!("toc__item toc__item--{}", entry.level)>
                    <a href=format!("#{}", entry.id) aria-current=current>{entry.text}</a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="toc" aria-labelledby="toc-title">
            <p class="toc__title" id="toc-title">{title}</p>
            <ol class="toc__list" role="list">{items}</ol>
        </nav>
    }
}

/// Keeps `active` on the last heading whose top has scrolled past the top part of the window.
#[cfg(feature = "hydrate")]
fn follow_the_reading(ids: Vec<String>, active: RwSignal<Option<String>>) {
    let update = move || {
        let document = document();
        let threshold = window()
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .map_or(200.0, |h| h * 0.25);
        let mut current = None;
        for id in &ids {
            let Some(heading) = document.get_element_by_id(id) else {
                continue;
            };
            if heading.get_bounding_client_rect().top() <= threshold {
                current = Some(id.clone());
            } else {
                break;
            }
        }
        if active.get_untracked() != current {
            active.set(current);
        }
    };
    let handle = window_event_listener(leptos::ev::scroll, {
        let update = update.clone();
        move |_| update()
    });
    on_cleanup(move || handle.remove());
    request_animation_frame(update);
}
