//! The view of every address: the content page it names, or the "not found" page.

use leptos::prelude::*;
use leptos_meta::{Html, Meta, Title};
use leptos_router::hooks::use_location;

use super::not_found::NotFound;
use crate::components::{hero::Hero, section::Section};
use crate::model::Page;
use crate::site_context::use_site;

/// Shows the page at the current address, and follows the address as the visitor navigates.
#[component]
pub fn PageAtLocation() -> impl IntoView {
    let site = use_site();
    let pathname = use_location().pathname;
    let route = Memo::new(move |_| site.page_at(&pathname.get()).map(|page| page.route.clone()));
    move || {
        let site = use_site();
        match route
            .get()
            .and_then(|route| site.site.pages.iter().find(|p| p.route == route).cloned())
        {
            Some(page) => view! { <ContentPage page/> }.into_any(),
            None => view! { <NotFound/> }.into_any(),
        }
    }
}

/// A content page: its hero, then its sections in an article.
#[component]
pub fn ContentPage(page: Page) -> impl IntoView {
    let site = use_site();
    let meta = page.meta;
    let title = format!("{} | {}", meta.title, site.site.config.name);
    view! {
        <Title text=title/>
        <Html attr:lang=meta.lang.clone()/>
        {meta.description.clone().map(|d| view! { <Meta name="description" content=d/> })}
        <Hero meta/>
        <article class="content">
            {page.sections.into_iter().map(|section| view! { <Section section/> }).collect_view()}
        </article>
    }
}
