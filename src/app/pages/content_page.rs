//! A page of the site: its blocks, drawn to HTML at build time, and its table of contents.

use std::sync::Arc;

use leptos::either::Either;
use leptos::prelude::*;

use crate::app::components::document_title::DocumentTitle;
use crate::app::components::toc::Toc;
use crate::app::context::use_site;
use crate::model::{PageData, UiText};

/// A page. Its blocks arrive as HTML (`crate::build::page_body`); each part is inserted as it
/// is, and a part with a table of contents gets the live [`Toc`] beside it.
#[component]
pub fn ContentPage(page: Arc<PageData>, ui: Arc<UiText>) -> impl IntoView {
    let site = use_site();
    let title = if page.meta.title == site.config.name {
        page.meta.title.clone()
    } else {
        format!("{} | {}", page.meta.title, site.config.name)
    };
    let parts = page
        .parts
        .iter()
        .map(|part| {
            if part.toc.is_empty() {
                Either::Left(view! { <div class="page-part" data-part="" inner_html=part.html.clone()></div> })
            } else {
                Either::Right(view! {
                    <div class="page-part page-part--toc">
                        <Toc entries=part.toc.clone() title=ui.toc_title.clone()/>
                        <div class="page-part__body" data-part="" inner_html=part.html.clone()></div>
                    </div>
                })
            }
        })
        .collect_view();
    view! {
        <DocumentTitle text=title/>
        {parts}
    }
}
