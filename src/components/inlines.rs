//! Inline content: text, emphasis, code, links and images inside a paragraph, heading or cell.

use leptos::prelude::*;

use super::html_attrs::html_attrs;
use crate::model::{Inline, Link, LinkTarget};
use crate::site_context::use_site;

/// A run of inline content.
#[component]
pub fn Inlines(content: Vec<Inline>) -> impl IntoView {
    content.into_iter().map(inline).collect_view()
}

fn inline(inline: Inline) -> AnyView {
    match inline {
        Inline::Text { text } => text.into_any(),
        Inline::Emphasis { attrs, content } => {
            view! { <em {..html_attrs(&attrs)}><Inlines content/></em> }.into_any()
        }
        Inline::Strong { attrs, content } => {
            view! { <strong {..html_attrs(&attrs)}><Inlines content/></strong> }.into_any()
        }
        Inline::Strikethrough { content } => view! { <del><Inlines content/></del> }.into_any(),
        Inline::Code { attrs, text } => {
            view! { <code {..html_attrs(&attrs)}>{text}</code> }.into_any()
        }
        Inline::LineBreak => view! { <br/> }.into_any(),
        Inline::Link(link) => view! { <LinkView link/> }.into_any(),
        Inline::Image(image) => {
            let src = use_site().href(&image.src);
            view! { <img src=src alt=image.alt title=image.title {..html_attrs(&image.attrs)}/> }
                .into_any()
        }
    }
}

/// A link. Links to pages of this site are followed by the router without reloading the page.
#[component]
pub fn LinkView(link: Link) -> impl IntoView {
    let href = use_site().link_href(&link);
    // Files of this site (a PDF, say) are left to the browser: the router would otherwise look
    // for a page at their address. It leaves links that name a `target` alone.
    let target = (link.target == LinkTarget::File).then_some("_self");
    view! {
        <a href=href title=link.title target={target} {..html_attrs(&link.attrs)}>
            <Inlines content=link.content/>
        </a>
    }
}
