//! The bar at the top of every page: skip link, site name and main navigation.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::site_context::use_site;

/// The site header. Navigation entries use the router's `<A>`, which marks the current page
/// with `aria-current="page"`.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let site = use_site();
    let entries = site
        .site
        .config
        .nav
        .iter()
        .map(|entry| {
            let href = site.href(&entry.href);
            let label = entry.label.clone();
            view! { <li><A href=href exact=true>{label}</A></li> }
        })
        .collect_view();
    view! {
        <a class="skip-link" href="#main" on:click=skip_to_main>"Skip to content"</a>
        <header class="site-header">
            <div class="site-header__inner">
                <A href=site.href("/") exact=true attr:class="site-header__name">{site.site.config.name.clone()}</A>
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
