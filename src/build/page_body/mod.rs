//! The page body: the components that draw a page's blocks (heroes, cards, split banners) and its
//! Markdown (sections, prose, tables, button rows) from the page model.
//!
//! They run at build time only, rendered to HTML by Leptos on the server side; the browser
//! receives each body as HTML ready to insert. Drawing prose in the browser would put a view type
//! per element kind into the WebAssembly, about 25 KB brotli, a fifth of the size budget, for
//! content that never changes once built. The hero, header, footer and navigation stay live
//! components in the browser.

pub mod blocks;
pub mod button_row;
pub mod features_table;
pub mod footer;
pub mod html_attrs;
mod kramdown_layout;
pub mod prose;
pub mod render;
pub mod section;
pub mod translations;

use leptos::prelude::*;

use crate::content::body::blocks::PageBlock;
use crate::content::body::text::plain_text;
use crate::content::body::{Block, Heading, Section as SectionModel};
use crate::model::{BodyPart, TocEntry};
use crate::urls::BaseUrl;
pub use blocks::Drawing;
use render::render_with;
use section::Section;

/// A page's blocks as the parts the browser receives: runs of HTML, and the page's Markdown with
/// its table of contents as a part of its own, drawn with the images the build made.
pub fn render_parts(blocks: Vec<PageBlock>, base: &BaseUrl, drawing: &Drawing) -> Vec<BodyPart> {
    let mut parts = Vec::new();
    let mut html = String::new();
    let mut first_hero = true;
    for block in blocks {
        let toc = match &block {
            PageBlock::Prose(prose) => prose
                .toc
                .map(|depth| toc_entries(&prose.sections, depth))
                .filter(|entries| !entries.is_empty()),
            _ => None,
        };
        let is_hero = matches!(block, PageBlock::Hero(_));
        let drawn = render_with(base, move || blocks::block(block, first_hero, drawing));
        first_hero &= !is_hero;
        match toc {
            Some(toc) => {
                if !html.is_empty() {
                    parts.push(BodyPart {
                        html: std::mem::take(&mut html),
                        toc: Vec::new(),
                    });
                }
                parts.push(BodyPart { html: drawn, toc });
            }
            None => html.push_str(&drawn),
        }
    }
    if !html.is_empty() || parts.is_empty() {
        parts.push(BodyPart {
            html,
            toc: Vec::new(),
        });
    }
    parts
}

/// Gives a page whose blocks draw no `<h1>` its title as one, seen only by screen readers (the
/// theme shows none there): a composition of stories or cards without a hero would otherwise
/// have no main heading to find it by. A page without a title is left as it is.
pub fn title_heading_if_missing(parts: &mut Vec<BodyPart>, title: &str, base: &BaseUrl) {
    // The parts are this module's own HTML, where text is escaped: `<h1` can only be a heading.
    if title.trim().is_empty() || parts.iter().any(|part| part.html.contains("<h1")) {
        return;
    }
    let title = title.to_owned();
    let heading = render_with(
        base,
        move || view! { <h1 class="visually-hidden">{title}</h1> },
    );
    match parts.first_mut() {
        Some(first) if first.toc.is_empty() => first.html.insert_str(0, &heading),
        _ => parts.insert(
            0,
            BodyPart {
                html: heading,
                toc: Vec::new(),
            },
        ),
    }
}

/// The headings of `sections` down to level `depth`, for a table of contents.
fn toc_entries(sections: &[SectionModel], depth: u8) -> Vec<TocEntry> {
    let mut entries = Vec::new();
    let mut add = |heading: &Heading| {
        if (2..=depth).contains(&heading.level)
            && let Some(id) = &heading.attrs.id
        {
            entries.push(TocEntry {
                id: id.clone(),
                text: plain_text(&heading.content),
                level: heading.level,
            });
        }
    };
    for section in sections {
        if let Some(heading) = &section.heading {
            add(heading);
        }
        for block in &section.blocks {
            if let Block::Heading(heading) = block {
                add(heading);
            }
        }
    }
    entries
}

/// A page's body: its sections in order.
#[component]
pub fn PageBody(sections: Vec<SectionModel>) -> impl IntoView {
    sections
        .into_iter()
        .map(|section| view! { <Section section/> })
        .collect_view()
}

/// The body's HTML, as the page's `<article>` holds it, with the site's links under `base`.
pub fn render_html(sections: Vec<SectionModel>, base: &BaseUrl) -> String {
    // The body's components build links with it (see `prose::use_base`).
    render_with(base, move || view! { <PageBody sections/> })
}

/// The HTML of blocks outside any page, drawn by the same components as a page body: what the
/// kramdown conformance test compares with kramdown's own output.
pub fn render_blocks_html(blocks: Vec<Block>) -> String {
    let section = SectionModel {
        heading: None,
        blocks,
    };
    render_html(vec![section], &BaseUrl::default())
}

#[cfg(test)]
mod tests;

/// Liquid's `markdownify`: Markdown drawn by the body components, as Jekyll's filter draws it.
pub fn markdownify(markdown: &str) -> String {
    // Liquid made the text, so its problems have no file or line to name; they are dropped.
    let mut ignored = Vec::new();
    let body = crate::content::markdown::parse(
        "markdownify",
        markdown,
        1,
        crate::content::hosts::Hosts::NONE,
        &mut ignored,
    );
    kramdown_layout::laid_out(&render_blocks_html(body.blocks))
}
