//! The bar at the top of every page: skip link, site name, main navigation, language switcher.

use leptos::prelude::*;

use super::language_switcher::LanguageSwitcher;
use crate::app::context::use_site;
use crate::app::state::Shown;
use crate::routes;

/// The site header, in the language of the page on screen. The navigation entry of that page is
/// marked `aria-current="page"`, whichever of its addresses the visitor used (`/`, `/about/`).
#[component]
pub fn SiteHeader(shown: Shown) -> impl IntoView {
    let site = use_site();
    let ui = shown.ui.clone();
    let entries = ui
        .nav
        .iter()
        .map(|entry| {
            let current = (routes::lookup_key(&entry.href, &site.config) == shown.key).then_some("page");
            view! { <li><a href=site.href(&entry.href) aria-current=current>{entry.label.clone()}</a></li> }
        })
        .collect_view();
    let home = site.href(&routes::language_root(&site.config, &ui.lang));
    let translations = shown
        .page
        .as_ref()
        .map(|page| page.translations.clone())
        .unwrap_or_default();
    view! {
        <a class="skip-link" href="#main" on:click=skip_to_main>{ui.skip_link.clone()}</a>
        <header class="site-header">
            <div class="site-header__inner">
                <a class="site-header__name" href=home>{site.config.name.clone()}</a>
                <nav class="site-nav" aria-label=ui.main_navigation.clone()>
                    <ul>{entries}</ul>
                </nav>
                <LanguageSwitcher translations lang=ui.lang.clone() label=ui.language_switcher.clone()/>
            </div>
        </header>
    }
}

/// Moves keyboard focus into the main content, as following `#main` does in a page without a
/// router (the router, which handles the click otherwise, would only scroll).
fn skip_to_main(event: leptos::ev::MouseEvent) {
    use leptos::wasm_bindgen::JsCast;
    let main = document().get_element_by_id("main");
    if let Some(main) = main.and_then(|m| m.dyn_into::<leptos::web_sys::HtmlElement>().ok()) {
        event.prevent_default();
        let _ = main.focus();
        main.scroll_into_view();
    }
}
