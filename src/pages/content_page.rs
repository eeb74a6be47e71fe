//! A content page: its hero, then its body.

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::document_title::DocumentTitle;

use crate::components::hero::Hero;
use crate::model::{PageData, UiText};
use crate::site_context::use_site;

/// A content page. Its body was drawn to HTML at build time (`crate::page_body`).
#[component]
pub fn ContentPage(page: Arc<PageData>, ui: Arc<UiText>) -> impl IntoView {
    let site = use_site();
    let title = format!("{} | {}", page.meta.title, site.config.name);
    view! {
        <DocumentTitle text=title/>
        <Hero meta=page.meta.clone() image=page.hero_image.clone() credit_label=ui.image_credit.clone()/>
        <article class="content" inner_html=page.body_html.clone()></article>
    }
}
