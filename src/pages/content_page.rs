//! The view of every address: the content page it names, or the "not found" page.

use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::{Html, Title};
use leptos_router::hooks::use_location;

use super::not_found::NotFound;
use crate::components::hero::Hero;
use crate::model::PageData;
use crate::site_context::use_site;

/// Shows the page at the current address, and follows the address as the visitor navigates.
#[component]
pub fn PageAtLocation() -> impl IntoView {
    let site = use_site();
    let pathname = use_location().pathname;
    let page = Memo::new(move |_| site.page_at(&pathname.get()).cloned());
    move || match page.get() {
        Some(page) => Either::Left(view! { <ContentPage page/> }),
        None => Either::Right(view! { <NotFound/> }),
    }
}

/// A content page: its hero, then its body, drawn to HTML at build time.
#[component]
pub fn ContentPage(page: PageData) -> impl IntoView {
    let site = use_site();
    let PageData {
        meta,
        hero_image,
        body_html,
        ..
    } = page;
    let title = format!("{} | {}", meta.title, site.config.name);
    view! {
        <Title text=title/>
        <Html attr:lang=meta.lang.clone()/>
        <Hero meta image=hero_image/>
        <article class="content" inner_html=body_html></article>
    }
}
