//! The footer of every page.

use leptos::prelude::*;

/// The site footer: its columns and small print, drawn at build time (they hold Markdown) and
/// arriving as HTML in the language of the page on screen.
#[component]
pub fn SiteFooter(html: String) -> impl IntoView {
    view! {
        <footer class="site-footer">
            <div class="site-footer__inner" inner_html=html></div>
        </footer>
    }
}
