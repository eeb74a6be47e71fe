//! A page's table of contents (`toc: true`), beside its text.

use leptos::prelude::*;

use crate::model::TocEntry;

/// The headings of the page's text as links. The one of the section being read is marked
/// `aria-current="location"` as the visitor scrolls, by one listener for the whole app
/// (`crate::browser::reading`): a reactive attribute on every entry would cost WebAssembly.
#[component]
pub fn Toc(entries: Vec<TocEntry>, title: String) -> impl IntoView {
    let items = entries
        .into_iter()
        .map(|entry| {
            view! {
                <li class=format!("toc__item toc__item--{}", entry.level)>
                    <a href=format!("#{}", entry.id)>{entry.text}</a>
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
