//! The footer of every page.

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::context::use_site;
use crate::model::UiText;

/// The site footer: the consortium's name, the navigation again, and a word about Specify.
#[component]
pub fn SiteFooter(ui: Arc<UiText>) -> impl IntoView {
    let site = use_site();
    let links = ui
        .nav
        .iter()
        .map(|entry| view! { <li><a href=site.href(&entry.href)>{entry.label.clone()}</a></li> })
        .collect_view();
    view! {
        <footer class="site-footer">
            <div class="site-footer__inner">
                <p class="site-footer__name">{site.config.name.clone()}</p>
                <ul class="site-footer__links">{links}</ul>
                <p class="site-footer__note">{ui.footer_note.clone()}</p>
            </div>
        </footer>
    }
}
