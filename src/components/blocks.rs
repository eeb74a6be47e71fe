//! Prose blocks: headings, paragraphs, lists, rules, code and quotes, plus the table and button
//! rows that have components of their own.

use leptos::prelude::*;

use super::button_row::ButtonRow;
use super::features_table::FeaturesTable;
use super::html_attrs::html_attrs;
use super::inlines::Inlines;
use crate::model::{Block, Heading, List};

/// A sequence of blocks, in order.
#[component]
pub fn Blocks(blocks: Vec<Block>) -> impl IntoView {
    blocks.into_iter().map(block).collect_view()
}

fn block(block: Block) -> AnyView {
    match block {
        Block::Heading(heading) => view! { <HeadingView heading/> }.into_any(),
        Block::Paragraph { attrs, content } => {
            view! { <p {..html_attrs(&attrs)}><Inlines content/></p> }.into_any()
        }
        Block::Plain { content } => view! { <Inlines content/> }.into_any(),
        Block::List(list) => view! { <ListView list/> }.into_any(),
        Block::Table(table) => view! { <FeaturesTable table/> }.into_any(),
        Block::ButtonRow(row) => view! { <ButtonRow row/> }.into_any(),
        Block::Rule { attrs } => view! { <hr {..html_attrs(&attrs)}/> }.into_any(),
        Block::Code { attrs, lang, text } => {
            let class = lang.map(|lang| format!("language-{lang}"));
            view! { <pre {..html_attrs(&attrs)}><code class=class>{text}</code></pre> }.into_any()
        }
        Block::Quote { attrs, blocks } => {
            view! { <blockquote {..html_attrs(&attrs)}><Blocks blocks/></blockquote> }.into_any()
        }
    }
}

/// A heading at its own level, with its id for links to it.
#[component]
pub fn HeadingView(heading: Heading) -> impl IntoView {
    let Heading {
        level,
        attrs,
        content,
    } = heading;
    let attrs = html_attrs(&attrs);
    let content = view! { <Inlines content/> };
    match level {
        1 => view! { <h1 {..attrs}>{content}</h1> }.into_any(),
        2 => view! { <h2 {..attrs}>{content}</h2> }.into_any(),
        3 => view! { <h3 {..attrs}>{content}</h3> }.into_any(),
        4 => view! { <h4 {..attrs}>{content}</h4> }.into_any(),
        5 => view! { <h5 {..attrs}>{content}</h5> }.into_any(),
        _ => view! { <h6 {..attrs}>{content}</h6> }.into_any(),
    }
}

/// A bulleted or numbered list; items may hold paragraphs and lists of their own.
#[component]
pub fn ListView(list: List) -> impl IntoView {
    let items = list
        .items
        .into_iter()
        .map(|item| view! { <li {..html_attrs(&item.attrs)}><Blocks blocks=item.blocks/></li> })
        .collect_view();
    match list.start {
        Some(start) => {
            let start = (start != 1).then_some(start);
            view! { <ol start={start} {..html_attrs(&list.attrs)}>{items}</ol> }.into_any()
        }
        None => view! { <ul {..html_attrs(&list.attrs)}>{items}</ul> }.into_any(),
    }
}
