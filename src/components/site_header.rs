//! The bar at the top of every page: skip link, site name and main navigation.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::site_context::use_site;

/// The site header. The navigation entry of the page on screen is marked `aria-current="page"`,
/// whichever of its addresses the visitor used (`/`, `/about/`, `/data` or `/data/`).
#[component]
pub fn SiteHeader() -> impl IntoView {
    let site = use_site();
    let pathname = use_location().pathname;
    let entries = site
        .config
        .nav
        .iter()
        .map(|entry| {
            let href = site.href(&entry.href);
            let target_route = site.page_at(&href).map(|page| page.route.clone());
            let site = site.clone();
            let current = move || {
                let here = site.page_at(&pathname.get()).map(|page| page.route.clone());
                (target_route.is_some() && here == target_route).then_some("page")
            };
            view! { <li><a href=href aria-current=current>{entry.label.clone()}</a></li> }
        })
        .collect_view();
    view! {
        <a class="skip-link" href="#main" on:click=skip_to_main>"Skip to content"</a>
        <header class="site-header">
            <div class="site-header__inner">
                <a class="site-header__name" href=site.href("/")>{site.config.name.clone()}</a>
                <nav class="site-nav" aria-label="Main">
                    <ul>{entries}</ul>
                </nav>
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
