//! The document's `<title>`.

use leptos::prelude::*;
use leptos_meta::Title;

/// Sets the document's title to `text`, which may hold anything an editor wrote.
///
/// leptos_meta 0.8 writes the title into the prerendered `<head>` as it is, without escaping it,
/// so a title with `</title><meta http-equiv="refresh" ...>` in it would become markup. At build
/// time the text is therefore escaped on its way in; in the browser leptos_meta sets
/// `document.title`, which takes text, so it goes in as it is.
#[component]
pub fn DocumentTitle(text: String) -> impl IntoView {
    #[cfg(feature = "ssr")]
    let text = escape_text(&text);
    view! { <Title text/> }
}

/// `text` as HTML text content.
#[cfg(feature = "ssr")]
fn escape_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
