//! The page for addresses that match no content page.

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::components::document_title::DocumentTitle;

use crate::app::context::use_site;
use crate::model::UiText;
use crate::routes;

/// "Page not found", with a way back to the home page of the address's language. (Its
/// prerendered `404.html` also tells search engines not to index it; see `build`.)
#[component]
pub fn NotFound(ui: Arc<UiText>) -> impl IntoView {
    let site = use_site();
    let title = format!("{} | {}", ui.not_found_title, site.config.name);
    let home = site.href(&routes::language_root(&site.config, &ui.lang));
    view! {
        <DocumentTitle text=title/>
        <header class="hero hero--plain">
            <div class="hero__body">
                <h1 class="hero__title" id="page-title" tabindex="-1">{ui.not_found_title.clone()}</h1>
                <p class="hero__description">{ui.not_found_description.clone()}</p>
            </div>
        </header>
        <article class="content">
            <p>{ui.not_found_text.clone()}</p>
            <p><a class="button is-primary" href=home>{ui.home_link.clone()}</a></p>
        </article>
    }
}
