//! The one walk over a body: every block, inline element and link in document order, each handed
//! to a [`Visitor`]. Whatever looks through a body (its ids, its plain text) is a visitor, so
//! that a new kind of block is walked into in one place.

use super::{Block, ElementContent, Inline, Link};

/// What a walk hands each part of a body to. Every method does nothing unless overridden.
pub trait Visitor {
    fn block(&mut self, _block: &Block) {}
    fn inline(&mut self, _inline: &Inline) {}
    /// Every link: inline ones (also given to `inline`) and the buttons of button rows.
    fn link(&mut self, _link: &Link) {}
}

/// Walks `blocks` and everything inside them.
pub fn blocks(blocks: &[Block], visitor: &mut impl Visitor) {
    for block in blocks {
        walk_block(block, visitor);
    }
}

/// Walks `content` and everything inside it.
pub fn inlines(content: &[Inline], visitor: &mut impl Visitor) {
    for inline in content {
        walk_inline(inline, visitor);
    }
}

fn walk_block(block: &Block, visitor: &mut impl Visitor) {
    visitor.block(block);
    match block {
        Block::Heading(heading) => inlines(&heading.content, visitor),
        Block::Paragraph { content, .. } | Block::Plain { content } => inlines(content, visitor),
        Block::List(list) => {
            for item in &list.items {
                blocks(&item.blocks, visitor);
            }
        }
        Block::Table(table) => {
            let rows = table
                .head
                .iter()
                .chain(table.bodies.iter().flatten())
                .chain(&table.foot);
            for cell in rows.flatten() {
                inlines(cell, visitor);
            }
        }
        Block::ButtonRow(row) => {
            for button in &row.buttons {
                visitor.link(button);
                inlines(&button.content, visitor);
            }
        }
        Block::Quote { blocks: inner, .. } => blocks(inner, visitor),
        Block::Element(element) => element_content(&element.content, visitor),
        Block::Rule { .. } | Block::Code { .. } => {}
    }
}

fn walk_inline(inline: &Inline, visitor: &mut impl Visitor) {
    visitor.inline(inline);
    match inline {
        Inline::Emphasis { content, .. }
        | Inline::Strong { content, .. }
        | Inline::Strikethrough { content } => inlines(content, visitor),
        Inline::Link(link) => {
            visitor.link(link);
            inlines(&link.content, visitor);
        }
        Inline::Element(element) => element_content(&element.content, visitor),
        Inline::Text { .. } | Inline::Code { .. } | Inline::Image(_) | Inline::LineBreak => {}
    }
}

fn element_content(content: &ElementContent, visitor: &mut impl Visitor) {
    match content {
        ElementContent::Blocks(inner) => blocks(inner, visitor),
        ElementContent::Inlines(inner) => inlines(inner, visitor),
    }
}
