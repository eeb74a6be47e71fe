//! The visible text of a body's content, for titles, descriptions, excerpts and accessible
//! names.

use super::visit;
use super::{Block, Inline};

/// The visible text of inline content, for document titles and accessible names: text, code,
/// images' alternative text, a space for each line break.
pub fn plain_text(content: &[Inline]) -> String {
    let mut text = PlainText(String::new());
    visit::inlines(content, &mut text);
    text.0
}

/// The visible text of blocks, one space between blocks.
pub fn plain_text_of_blocks(blocks: &[Block]) -> String {
    let mut text = PlainText(String::new());
    for block in blocks {
        visit::blocks(std::slice::from_ref(block), &mut text);
        text.0.push(' ');
    }
    text.0.trim().to_owned()
}

struct PlainText(String);

impl visit::Visitor for PlainText {
    fn inline(&mut self, inline: &Inline) {
        match inline {
            Inline::Text { text } | Inline::Code { text, .. } => self.0.push_str(text),
            Inline::Image(image) => self.0.push_str(&image.alt),
            Inline::LineBreak => self.0.push(' '),
            _ => {}
        }
    }
}

/// `text` without anything written as an element's tag (`<...>`).
pub fn without_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        let tag = &rest[open..];
        match tag.find('>') {
            Some(close) if tag[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/') => {
                out.push_str(&rest[..open]);
                rest = &tag[close + 1..];
            }
            _ => {
                out.push_str(&rest[..=open]);
                rest = &rest[open + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}
