//! Prose: the headings, paragraphs, lists, quotes, code and inline text of a page body.
//!
//! Prose elements differ only in their tag, attributes and children, so they are drawn by one
//! generic element instead of one view type per tag: every distinct view type costs WebAssembly
//! size (a build, update and hydration path each), and prose has many tags. The table and the
//! button rows, which have their own behaviour and styles, are components of their own.

use leptos::html::custom;
use leptos::prelude::*;
use leptos::tachys::html::attribute::any_attribute::AnyAttribute;
use leptos::tachys::view::add_attr::AddAnyAttr;

use super::button_row::ButtonRow;
use super::features_table::FeaturesTable;
use super::html_attrs::html_attrs;
use crate::content::body::{Block, ElementContent, Heading, HtmlElement, Inline, Link, LinkTarget};
use crate::urls::BaseUrl;

/// A sequence of blocks, in order.
#[component]
pub fn Blocks(blocks: Vec<Block>) -> impl IntoView {
    blocks.into_iter().map(block).collect::<Vec<_>>()
}

/// A run of inline content.
#[component]
pub fn Inlines(content: Vec<Inline>) -> impl IntoView {
    inlines(content)
}

/// An element with a tag known only at run time. Only for elements that have content: void
/// elements (`hr`, `br`, `img`) need their own view so that no end tag is written.
fn element(
    tag: impl AsRef<str> + Send + 'static,
    attrs: Vec<AnyAttribute>,
    children: Vec<AnyView>,
) -> AnyView {
    custom(tag).child(children).add_any_attr(attrs).into_any()
}

/// An HTML element from the content. Void elements are drawn with their own views; the
/// sanitiser lets no other void element through.
fn content_element(el: HtmlElement) -> AnyView {
    let attrs = html_attrs(&el.attrs);
    match el.tag.as_str() {
        "br" => view! { <br {..attrs}/> }.into_any(),
        "hr" => view! { <hr {..attrs}/> }.into_any(),
        "wbr" => view! { <wbr {..attrs}/> }.into_any(),
        "img" => view! { <img {..attrs}/> }.into_any(),
        "input" => view! { <input {..attrs}/> }.into_any(),
        "col" => view! { <col {..attrs}/> }.into_any(),
        "source" => view! { <source {..attrs}/> }.into_any(),
        _ => {
            let children = match el.content {
                ElementContent::Blocks(blocks) => blocks.into_iter().map(block).collect(),
                ElementContent::Inlines(content) => inlines(content),
            };
            element(el.tag, attrs, children)
        }
    }
}

fn inlines(content: Vec<Inline>) -> Vec<AnyView> {
    content.into_iter().map(inline).collect()
}

pub fn block(block: Block) -> AnyView {
    match block {
        Block::Heading(heading) => heading_view(heading),
        Block::Paragraph { attrs, content } => element("p", html_attrs(&attrs), inlines(content)),
        Block::Plain { content } => inlines(content).into_any(),
        Block::List(list) => {
            let mut attrs = html_attrs(&list.attrs);
            let tag = match list.start {
                Some(start) => {
                    if start != 1 {
                        attrs.push(attr("start", start.to_string()));
                    }
                    "ol"
                }
                None => "ul",
            };
            let items = list
                .items
                .into_iter()
                .map(|item| {
                    element(
                        "li",
                        html_attrs(&item.attrs),
                        item.blocks.into_iter().map(self::block).collect(),
                    )
                })
                .collect();
            element(tag, attrs, items)
        }
        Block::Table(table) => {
            let cell = |content: Vec<Inline>| inlines(content).into_any();
            view! { <FeaturesTable table cell/> }.into_any()
        }
        Block::ButtonRow(row) => {
            let buttons = row.buttons.into_iter().map(link_view).collect();
            view! { <ButtonRow buttons/> }.into_any()
        }
        Block::Rule { attrs } => view! { <hr {..html_attrs(&attrs)}/> }.into_any(),
        Block::Code { attrs, lang, text } => code_block(attrs, lang, text),
        Block::Element(el) => content_element(el),
        Block::Quote { attrs, blocks } => element(
            "blockquote",
            html_attrs(&attrs),
            blocks.into_iter().map(self::block).collect(),
        ),
    }
}

/// A code block. One with a language is wrapped as Jekyll's highlighter wraps it (without the
/// highlighting), so that styles written for a Jekyll site apply.
fn code_block(attrs: crate::content::body::Attrs, lang: Option<String>, text: String) -> AnyView {
    let code = vec![element("code", Vec::new(), vec![text.into_any()])];
    match lang {
        None => element("pre", html_attrs(&attrs), code),
        // The wrapper's attributes (language and highlighter classes included) are the block's.
        Some(_) => {
            let pre = element("pre", vec![attr("class", "highlight".into())], code);
            let highlight = element("div", vec![attr("class", "highlight".into())], vec![pre]);
            element("div", html_attrs(&attrs), vec![highlight])
        }
    }
}

/// A heading at its own level, with its id for links to it.
pub fn heading_view(heading: Heading) -> AnyView {
    const TAGS: [&str; 6] = ["h1", "h2", "h3", "h4", "h5", "h6"];
    let tag = TAGS[usize::from(heading.level.clamp(1, 6)) - 1];
    element(tag, html_attrs(&heading.attrs), inlines(heading.content))
}

fn inline(inline: Inline) -> AnyView {
    match inline {
        Inline::Text { text } => text.into_any(),
        Inline::Emphasis { attrs, content } => element("em", html_attrs(&attrs), inlines(content)),
        Inline::Strong { attrs, content } => {
            element("strong", html_attrs(&attrs), inlines(content))
        }
        Inline::Strikethrough { content } => element("del", Vec::new(), inlines(content)),
        Inline::Code { attrs, text } => element("code", html_attrs(&attrs), vec![text.into_any()]),
        Inline::LineBreak => view! { <br/> }.into_any(),
        Inline::Link(link) => link_view(link),
        Inline::Image(image) => {
            let src = use_base().href(&image.src);
            view! { <img src=src alt=image.alt title=image.title {..html_attrs(&image.attrs)}/> }
                .into_any()
        }
        Inline::Element(el) => content_element(el),
    }
}

/// A link. Links to pages of this site are followed by the router without reloading the page.
pub fn link_view(link: Link) -> AnyView {
    let mut attrs = vec![attr("href", link_href(&link))];
    if let Some(title) = link.title {
        attrs.push(attr("title", title));
    }
    // Files of this site (a PDF, say) are left to the browser: the router would otherwise look
    // for a page at their address. It leaves links that name a `target` alone.
    if link.target == LinkTarget::File {
        attrs.push(attr("target", "_self".to_owned()));
    }
    attrs.extend(html_attrs(&link.attrs));
    element("a", attrs, inlines(link.content))
}

fn attr(name: &'static str, value: String) -> AnyAttribute {
    leptos::attr::custom::custom_attribute(name, value).into_any_attr()
}

/// Where the site is deployed, as `render_html` provides it.
pub fn use_base() -> BaseUrl {
    use_context::<BaseUrl>().unwrap_or_default()
}

/// The `href` a Markdown link gets: paths of this site move under the deployment's sub-path;
/// anchors, relative paths and other sites stay as written.
fn link_href(link: &Link) -> String {
    match link.target {
        LinkTarget::Page | LinkTarget::File => use_base().href(&link.href),
        LinkTarget::Anchor | LinkTarget::External => link.href.clone(),
    }
}
