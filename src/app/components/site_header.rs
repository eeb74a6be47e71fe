//! The bar at the top of every page: skip link, logo and site name, the navigation with its
//! dropdown menus, and the language switcher.

use leptos::either::Either;
use leptos::prelude::*;

use super::dropdown::{Dropdown, MenuItem};
use crate::app::context::{SiteContext, use_site};
use crate::app::state::Shown;
use crate::model::NavItem;
use crate::routes;

/// The site header, in the language of the page on screen. Below 1024 px wide the navigation
/// folds behind a menu button (which, without the WebAssembly, opens it as an in-page link does).
/// A link to the page on screen is marked `aria-current="page"`.
#[component]
pub fn SiteHeader(shown: Shown) -> impl IntoView {
    let site = use_site();
    let ui = shown.ui.clone();
    let open = RwSignal::new(None::<String>);
    let menu_open = RwSignal::new(false);
    #[cfg(feature = "hydrate")]
    close_on_outside_click(open, menu_open);
    let entries = ui
        .nav
        .iter()
        .enumerate()
        .map(|(i, item)| nav_item(&site, &shown.key, item, i, open))
        .collect_view();
    let language = site.config.language(&ui.lang);
    let home = site.href(&routes::language_root(&site.config, &ui.lang));
    let logo = language.and_then(|l| l.logo.clone()).map(|logo| {
        let alt = format!("{} - {}", site.config.name, ui.home);
        let width = language.and_then(|l| l.logo_width);
        view! { <img class="site-header__logo" src=site.href(&logo) alt=alt width=width height="28"/> }
    });
    let name = (logo.is_none() || site.config.logo_and_title)
        .then(|| view! { <span class="site-header__name-text">{site.config.name.clone()}</span> });
    let translations = shown
        .page
        .as_ref()
        .map(|page| page.translations.clone())
        .unwrap_or_default();
    let switcher = (translations.len() > 1).then(|| {
        let items = translations
            .into_iter()
            .map(|translation| MenuItem {
                label: site
                    .config
                    .language(&translation.lang)
                    .map_or_else(|| translation.lang.clone(), |l| l.name.clone()),
                href: Some(site.href(&translation.path)),
                divider: false,
                current: translation.lang == ui.lang,
                lang: Some(site.config.tag_of(&translation.lang)),
            })
            .collect();
        let label = language.map_or_else(|| ui.lang.clone(), |l| l.name.clone());
        let button_label = format!("{}: {label}", ui.language_switcher);
        view! {
            <ul class="language-switcher" role="list">
                <Dropdown id="language-menu".to_owned() label items open class="dropdown--end"
                    button_label/>
            </ul>
        }
    });
    let toggle = move |event: leptos::ev::MouseEvent| {
        event.prevent_default();
        menu_open.update(|open| *open = !*open);
    };
    view! {
        <a class="skip-link" href="#main" on:click=skip_to_main>{ui.skip_link.clone()}</a>
        <header class="site-header">
            <div class="site-header__inner">
                <a class="site-header__name" href=home>{logo}{name}</a>
                <nav class="site-nav" aria-label=ui.main_navigation.clone()>
                    <a class="site-nav__toggle" href="#site-menu" role="button" aria-controls="site-menu"
                        aria-expanded=move || if menu_open.get() { "true" } else { "false" } on:click=toggle>
                        <span class="site-nav__toggle-icon" aria-hidden="true"></span>
                        {ui.menu.clone()}
                    </a>
                    <ul id="site-menu" class="site-nav__items" class:is-open=move || menu_open.get() role="list">
                        {entries}
                    </ul>
                </nav>
                {switcher}
            </div>
        </header>
    }
}

/// One entry of the navigation: a link, or a dropdown menu.
fn nav_item(
    site: &SiteContext,
    shown_key: &str,
    item: &NavItem,
    index: usize,
    open: RwSignal<Option<String>>,
) -> impl IntoView + use<> {
    let is_current = |href: &str| routes::route_key(href) == shown_key;
    if item.menu.is_empty() {
        let href = item.href.clone().unwrap_or_default();
        let current = is_current(&href).then_some("page");
        return Either::Left(view! {
            <li class="site-nav__item"><a href=site.href(&href) aria-current=current>{item.label.clone()}</a></li>
        });
    }
    let items = item
        .menu
        .iter()
        .map(|entry| MenuItem {
            label: entry.label.clone(),
            current: entry.href.as_deref().is_some_and(is_current),
            href: entry.href.as_deref().map(|href| site.href(href)),
            divider: entry.divider,
            lang: None,
        })
        .collect();
    Either::Right(view! {
        <Dropdown id=format!("nav-menu-{index}") label=item.label.clone() items open class="site-nav__item"/>
    })
}

/// Closes the open menus when the visitor clicks outside the header.
#[cfg(feature = "hydrate")]
fn close_on_outside_click(open: RwSignal<Option<String>>, menu_open: RwSignal<bool>) {
    use leptos::wasm_bindgen::JsCast;
    let handle = window_event_listener(leptos::ev::click, move |event| {
        let inside = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest(".site-header").ok().flatten())
            .is_some();
        if !inside {
            open.set(None);
            menu_open.set(false);
        }
    });
    on_cleanup(move || handle.remove());
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
