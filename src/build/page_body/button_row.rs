//! A row of call-to-action buttons.

use leptos::prelude::*;

/// Links drawn as buttons, side by side, wrapping on narrow screens; the one marked `is-primary`
/// is filled, the others outlined. Written as kramdown writes it (a paragraph of links with their
/// classes), so the page reads the same with or without the stylesheet.
/// `buttons` are the links, drawn.
#[component]
pub fn ButtonRow(buttons: Vec<AnyView>) -> impl IntoView {
    let buttons = buttons
        .into_iter()
        .enumerate()
        .map(|(i, link)| {
            let separator = (i > 0).then_some(" ");
            view! { {separator} {link} }
        })
        .collect_view();
    view! { <p>{buttons}</p> }
}
