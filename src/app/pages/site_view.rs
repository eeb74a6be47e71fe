//! The view of every address: header, the page (the language's "not found" page where no page
//! is), footer, in the language of the page; it follows the address as the visitor moves around
//! the site.

use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Html;

use super::content_page::ContentPage;
use crate::app::components::page_status::PageStatus;
use crate::app::components::{site_footer::SiteFooter, site_header::SiteHeader};
use crate::app::context::use_site;
use crate::app::state::use_page_state;

/// The whole page at the current address.
#[component]
pub fn SiteView() -> impl IntoView {
    let state = use_page_state();
    #[cfg(feature = "hydrate")]
    follow_the_address(state);
    view! {
        <PageStatus/>
        {move || {
            let shown = state.shown.get();
            let ui = shown.ui.clone();
            let config = &use_site().config;
            let dir = config
                .language(&ui.lang)
                .map_or_else(|| "ltr".to_owned(), |l| l.dir.clone());
            let tag = config.tag_of(&ui.lang);
            let body = match shown.page.clone() {
                Some(page) => Either::Left(view! { <ContentPage page ui=ui.clone()/> }),
                // No page, not even a "not found" one, could be had for this address.
                None => Either::Right(view! { <h1 class="not-found-title">"404"</h1> }),
            };
            view! {
                <Html attr:lang=tag attr:dir=dir/>
                <SiteHeader shown=shown.clone()/>
                <main id="main" tabindex="-1">{body}</main>
                <SiteFooter html=ui.footer_html.clone()/>
            }
        }}
    }
}

/// Loads the page of every new address the router reports, and fetches pages ahead of time when
/// a link to them is pointed at or focused.
#[cfg(feature = "hydrate")]
fn follow_the_address(state: crate::app::state::PageState) {
    use leptos_router::hooks::use_location;

    let site = crate::app::context::use_site();
    let base = site.base.clone();
    let keys = site.clone();
    let location = use_location();
    Effect::new(move |_| {
        let pathname = location.pathname.get();
        let key = site.key_of(&pathname);
        let shown_key = state.shown.with_untracked(|shown| shown.key.clone());
        if key != shown_key {
            state.go_to(key, pathname);
        } else {
            state.speak_the_language_of(pathname);
        }
    });
    crate::browser::prefetch::prefetch_on_intent(base, move |pathname| {
        state.prefetch(keys.key_of(&pathname))
    });
}
