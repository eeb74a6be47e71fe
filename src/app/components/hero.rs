//! The hero at the top of a page: background image, title, description and image credit.

use leptos::prelude::*;

use crate::app::context::{SiteContext, use_site};
use crate::model::{ImageSource, PageMeta, ResponsiveImage};

/// The page's banner. Its height comes from the front matter and is set before the image loads,
/// and the image fills it with `object-fit`, so nothing moves when the image arrives. A dark
/// overlay keeps the white title readable (WCAG AA) over any part of any photo.
#[component]
pub fn Hero(meta: PageMeta, image: Option<ResponsiveImage>, credit_label: String) -> impl IntoView {
    let site = use_site();
    let style = meta.height.map(|height| format!("min-height: {height}"));
    let image = match (image, meta.background) {
        (Some(image), _) => {
            let sources = image
                .sources
                .iter()
                .map(|source| {
                    view! {
                        <source
                            type=source.mime.clone()
                            media=source.media.clone()
                            srcset=srcset(&site, source)
                            sizes=source.sizes.clone()
                        />
                    }
                })
                .collect_view();
            let fallback = &image.fallback;
            let src = fallback.files.last().map(|(path, _)| site.href(path));
            Some(
                view! {
                    <picture>
                        {sources}
                        <img
                            class="hero__image"
                            src=src
                            srcset=srcset(&site, fallback)
                            sizes=fallback.sizes.clone()
                            width=image.width
                            height=image.height
                            alt=""
                            fetchpriority="high"
                        />
                    </picture>
                }
                .into_any(),
            )
        }
        (None, Some(background)) => Some(
            view! { <img class="hero__image" src=site.href(&background) alt="" fetchpriority="high"/> }
                .into_any(),
        ),
        (None, None) => None,
    };
    let credit = meta
        .image_license
        .map(|credit| view! { <p class="hero__credit">{credit_label}" "{credit}</p> });
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

/// `a.webp 640w, b.webp 1280w`, with the deployment's sub-path.
fn srcset(site: &SiteContext, source: &ImageSource) -> String {
    source
        .files
        .iter()
        .map(|(path, width)| format!("{} {width}w", site.href(path)))
        .collect::<Vec<_>>()
        .join(", ")
}
