//! The page for addresses that match no content page.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::site_context::use_site;

/// "Page not found", with a way back to the home page. (Its prerendered `404.html` also tells
/// search engines not to index it; see `build`.)
#[component]
pub fn NotFound() -> impl IntoView {
    let site = use_site();
    let title = format!("Page not found | {}", site.config.name);
    view! {
        <Title text=title/>
        <header class="hero hero--plain">
            <div class="hero__body">
                <h1 class="hero__title" id="page-title" tabindex="-1">"Page not found"</h1>
                <p class="hero__description">"There is no page at this address."</p>
            </div>
        </header>
        <article class="content">
            <p>"The page may have moved, or the address may be mistyped."</p>
            <p><a class="button is-primary" href=site.href("/")>"Go to the home page"</a></p>
        </article>
    }
}
