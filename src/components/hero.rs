//! The hero at the top of a page: background image, title, description and image credit.

use leptos::prelude::*;

use crate::model::PageMeta;
use crate::site_context::use_site;

/// The page's banner. Its height comes from the front matter and is set before the image loads,
/// and the image fills it with `object-fit`, so nothing moves when the image arrives. A dark
/// overlay keeps the white title readable (WCAG AA) over any part of any photo.
#[component]
pub fn Hero(meta: PageMeta) -> impl IntoView {
    let site = use_site();
    let style = meta.height.map(|height| format!("min-height: {height}"));
    let image = meta.background.map(|background| {
        view! {
            <img class="hero__image" src=site.href(&background) alt="" fetchpriority="high" decoding="async"/>
        }
    });
    let credit = meta
        .image_license
        .map(|credit| view! { <p class="hero__credit">"Image: " {credit}</p> });
    view! {
        <header class="hero" style=style>
            {image}
            <div class="hero__body">
                <h1 class="hero__title" id="page-title" tabindex="-1">{meta.title}</h1>
                {meta.description.map(|d| view! { <p class="hero__description">{d}</p> })}
            </div>
            {credit}
        </header>
    }
}
