//! A content page: its hero, then its body.

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::components::document_title::DocumentTitle;

use crate::app::components::hero::Hero;
use crate::app::context::use_site;
use crate::model::{PageData, UiText};

/// A content page. Its body was drawn to HTML at build time (`crate::build::page_body`).
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
