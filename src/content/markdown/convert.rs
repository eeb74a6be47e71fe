//! Turning kramdown's element tree into the body tree, as kramdown's HTML converter would write
//! it: [`parse`] and its variants, the [`Converter`] they run (its block, inline and raw HTML
//! conversions are in `blocks`, `inlines` and `html`), and the footnotes at the end.

use super::kramdown::{self, Document, KramdownIds, Options, Warning};
use super::problems;
use crate::content::body::{Attrs, Block, ElementContent, HtmlElement, Inline};
use crate::content::diagnostics::{Diagnostic, Position};
use crate::content::hosts::Hosts;
use crate::content::links::LinkRef;

/// A parsed Markdown body, with what the site-wide checks need to know about it.
#[derive(Debug, Default)]
pub struct Body {
    pub blocks: Vec<Block>,
    /// Every link and image, with where it was written.
    pub links: Vec<LinkRef>,
    /// Where each heading starts, in document order.
    pub headings: Vec<Position>,
    /// The hosts of the players it embeds (`www.youtube.com`), each once.
    pub frames: Vec<String>,
}

/// Parses `text`, the body of `file` starting on line `first_line`, with Jekyll's options.
/// `hosts` are the other sites its HTML may use: the players it embeds, GBIF's API.
pub fn parse(
    file: &str,
    text: &str,
    first_line: usize,
    hosts: Hosts<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Body {
    parse_at(file, text, Position::new(first_line, 1), hosts, diagnostics)
}

/// Parses `text`, a value of `file` (front matter, data) that starts at `start`, as [`parse`]
/// does: positions on its first line count from `start`'s column.
pub fn parse_at(
    file: &str,
    text: &str,
    start: Position,
    hosts: Hosts<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Body {
    convert(file, text, start, &Options::jekyll(), hosts, diagnostics)
}

/// Parses `text` with the given kramdown options (and no embedded players).
pub fn parse_with(
    file: &str,
    text: &str,
    first_line: usize,
    options: &Options,
    diagnostics: &mut Vec<Diagnostic>,
) -> Body {
    convert(
        file,
        text,
        Position::new(first_line, 1),
        options,
        Hosts::NONE,
        diagnostics,
    )
}

fn convert(
    file: &str,
    text: &str,
    start: Position,
    options: &Options,
    hosts: Hosts<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Body {
    let document = kramdown::parse(text, start.line, options);
    let source = problems::Source::new(text, start);
    let mut converter = Converter {
        file,
        source: &source,
        options: &document.options,
        diagnostics,
        links: Vec::new(),
        headings: Vec::new(),
        kramdown_ids: KramdownIds::default(),
        footnote_order: Vec::new(),
        footnote_numbers: std::collections::HashMap::new(),
        hosts,
        frames: Vec::new(),
    };
    for warning in &document.warnings {
        converter.report(warning);
    }
    for (first, more) in &document.more_warnings {
        let mut diagnostic = problems::diagnostic(file, &source, first);
        // `first` is the first that was not listed on its own; `more` counts it too.
        if *more > 1 {
            diagnostic.message = format!(
                "{} (and {} more like it in this file)",
                diagnostic.message,
                more - 1
            );
        }
        converter.diagnostics.push(diagnostic);
    }
    let Document {
        root, footnotes, ..
    } = document;
    let mut blocks = converter.blocks(root.children);
    blocks.extend(converter.footnotes(&footnotes));
    Body {
        blocks,
        links: converter.links,
        headings: converter.headings,
        frames: converter.frames,
    }
}

/// What turns one text's element tree into blocks, and what it found on the way.
pub(super) struct Converter<'a> {
    pub(super) file: &'a str,
    pub(super) source: &'a problems::Source<'a>,
    pub(super) options: &'a Options,
    pub(super) diagnostics: &'a mut Vec<Diagnostic>,
    pub(super) links: Vec<LinkRef>,
    pub(super) headings: Vec<Position>,
    pub(super) kramdown_ids: KramdownIds,
    /// Footnote names in the order of their first reference, which numbers them.
    pub(super) footnote_order: Vec<String>,
    /// The number of each footnote in `footnote_order`, by name.
    pub(super) footnote_numbers: std::collections::HashMap<String, usize>,
    /// The other sites its HTML may use: the players it embeds, GBIF's API.
    pub(super) hosts: Hosts<'a>,
    /// Hosts of the players kept.
    pub(super) frames: Vec<String>,
}

impl Converter<'_> {
    pub(super) fn warning(&mut self, at: Position, message: String, hint: String) {
        self.diagnostics
            .push(Diagnostic::warning(self.file, at, message).with_hint(hint));
    }

    pub(super) fn unused_list(&mut self, line: usize) {
        self.diagnostics.push(problems::unused_attribute_list(
            self.file,
            self.source,
            line,
        ));
    }

    /// What the parser noticed, as the diagnostic an editor can act on.
    pub(super) fn report(&mut self, warning: &Warning) {
        self.diagnostics
            .push(problems::diagnostic(self.file, self.source, warning));
    }

    /// The footnotes referenced so far, as kramdown lists them at the end of the page: numbered
    /// in order of first reference, each with a link back to it.
    pub(super) fn footnotes(&mut self, footnotes: &[kramdown::Footnote]) -> Option<Block> {
        // Footnotes inside footnotes are numbered as they are met, so the list grows while it is drawn.
        let by_name: std::collections::HashMap<&str, &kramdown::Footnote> =
            footnotes.iter().map(|f| (f.name.as_str(), f)).collect();
        let mut items = Vec::new();
        let mut index = 0;
        while index < self.footnote_order.len() {
            let name = self.footnote_order[index].clone();
            index += 1;
            let Some(footnote) = by_name.get(name.as_str()).copied() else {
                continue;
            };
            let mut content = self.blocks(footnote.content.children.clone());
            let backlink = Inline::Element(HtmlElement {
                tag: "a".into(),
                attrs: Attrs {
                    classes: vec!["reversefootnote".into()],
                    other: vec![
                        ("href".into(), format!("#fnref:{name}")),
                        ("role".into(), "doc-backlink".into()),
                    ],
                    ..Attrs::default()
                },
                content: ElementContent::Inlines(vec![Inline::text(
                    self.options.footnote_backlink.clone(),
                )]),
            });
            match content.last_mut() {
                Some(Block::Paragraph { content, .. }) => {
                    content.push(Inline::text("\u{a0}"));
                    content.push(backlink);
                }
                _ => content.push(Block::Paragraph {
                    attrs: Attrs::default(),
                    content: vec![backlink],
                }),
            }
            let mut attrs = self.attrs("li", &footnote.attr, footnote.content.opts.location);
            // kramdown also writes `role="doc-endnote"`, which ARIA has deprecated.
            attrs.id = Some(format!("fn:{name}"));
            items.push(Block::Element(HtmlElement {
                tag: "li".into(),
                attrs,
                content: ElementContent::Blocks(content),
            }));
        }
        if items.is_empty() {
            return None;
        }
        let list = Block::Element(HtmlElement {
            tag: "ol".into(),
            attrs: Attrs::default(),
            content: ElementContent::Blocks(items),
        });
        Some(Block::Element(HtmlElement {
            tag: "div".into(),
            attrs: Attrs {
                classes: vec!["footnotes".into()],
                other: vec![("role".into(), "doc-endnotes".into())],
                ..Attrs::default()
            },
            content: ElementContent::Blocks(vec![list]),
        }))
    }
}
