//! The ids of a page, which links to its `#anchors` may use: those of its headings (two headings
//! with one id are an error) and those attribute lists, HTML and footnotes give other elements.

use std::collections::{HashMap, HashSet};

use crate::content::body::{Block, Inline, Link, visit};
use crate::content::diagnostics::{Diagnostic, Position};

/// Every id of a page's `blocks`; `positions` are where its headings start, in order.
pub fn collect(
    file: &str,
    blocks: &[Block],
    positions: &[Position],
    strict: bool,
    diagnostics: &mut Vec<Diagnostic>,
) -> HashSet<String> {
    let mut found = Found::default();
    visit::blocks(blocks, &mut found);
    let mut seen: HashMap<String, Position> = HashMap::new();
    let mut ids = HashSet::new();
    for (n, id) in found.headings.into_iter().enumerate() {
        // The Markdown compiler gave every heading its id, as kramdown does.
        let Some(id) = id else { continue };
        let at = positions.get(n).copied().unwrap_or(Position::START);
        if let Some(first) = seen.get(&id) {
            diagnostics.push(
                Diagnostic::warning(file, at, format!("two headings have the id `{id}`"))
                    .with_hint(format!(
                        "the first is on line {}; give this one another id with `{{: #another-id}}` on the line after it",
                        first.line
                    ))
                    .strict_if(strict),
            );
        } else {
            seen.insert(id.clone(), at);
        }
        ids.insert(id);
    }
    ids.extend(found.others);
    ids
}

/// The ids met on the walk: headings' in order, the rest in any order.
#[derive(Default)]
struct Found {
    headings: Vec<Option<String>>,
    others: Vec<String>,
}

impl visit::Visitor for Found {
    fn block(&mut self, block: &Block) {
        match block {
            Block::Heading(heading) => self.headings.push(heading.attrs.id.clone()),
            Block::Paragraph { attrs, .. }
            | Block::Rule { attrs }
            | Block::Code { attrs, .. }
            | Block::Quote { attrs, .. } => self.others.extend(attrs.id.clone()),
            Block::List(list) => {
                self.others.extend(list.attrs.id.clone());
                let items = list.items.iter().filter_map(|item| item.attrs.id.clone());
                self.others.extend(items);
            }
            Block::Table(table) => self.others.extend(table.attrs.id.clone()),
            Block::Element(element) => self.others.extend(element.attrs.id.clone()),
            Block::Plain { .. } | Block::ButtonRow(_) => {}
        }
    }

    fn inline(&mut self, inline: &Inline) {
        let id = match inline {
            Inline::Emphasis { attrs, .. }
            | Inline::Strong { attrs, .. }
            | Inline::Code { attrs, .. } => &attrs.id,
            Inline::Image(image) => &image.attrs.id,
            Inline::Element(element) => &element.attrs.id,
            _ => return,
        };
        self.others.extend(id.clone());
    }

    fn link(&mut self, link: &Link) {
        self.others.extend(link.attrs.id.clone());
    }
}
