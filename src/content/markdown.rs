//! Markdown body -> model blocks, with kramdown's attribute lists on top of CommonMark + GFM.
//!
//! pulldown-cmark does the CommonMark and GFM parsing. Attribute lists are kramdown's, not
//! CommonMark's, so they are handled here: block attribute lists (`{: .notice}` on its own line
//! next to a block) are cut out of the text before parsing and attached by line afterwards; span
//! attribute lists (`[Label](/path){: .button}`) are read off the text that follows a span.

use std::collections::HashMap;
use std::ops::Range;

use pulldown_cmark::{
    Alignment, CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd,
    TextMergeWithOffset,
};

use super::attributes::{self, AttrError, AttributeList};
use super::diagnostics::{Diagnostic, LineIndex, Position, did_you_mean};
use super::links;
use crate::model::{
    Align, Attrs, Block, ButtonRow, Heading, Image, Inline, Link, List, ListItem, Table,
};

/// A parsed Markdown body, with what the site-wide checks need to know about it.
#[derive(Debug, Default)]
pub struct Body {
    pub blocks: Vec<Block>,
    /// Every link and image, with where it was written.
    pub links: Vec<LinkRef>,
    /// Where each heading starts, in document order.
    pub headings: Vec<Position>,
}

/// A link or image target as written, for the checks that need every page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkRef {
    pub href: String,
    pub at: Position,
    pub is_image: bool,
}

/// Parses `text`, the body of `file` starting on line `first_line`.
pub fn parse(file: &str, text: &str, first_line: usize, diagnostics: &mut Vec<Diagnostic>) -> Body {
    let index = LineIndex::new(text, first_line);
    let (text, block_lists, definitions) = cut_attribute_lines(file, text, &index, diagnostics);
    let mut builder = Builder {
        file,
        text: &text,
        index: &index,
        diagnostics,
        definitions,
        block_lists,
        stack: vec![Frame::Blocks {
            blocks: Vec::new(),
            loose: Vec::new(),
        }],
        links: Vec::new(),
        headings: Vec::new(),
    };
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_HEADING_ATTRIBUTES;
    let events = TextMergeWithOffset::new(Parser::new_ext(&text, options).into_offset_iter());
    for (event, range) in events {
        builder.event(event, range);
    }
    builder.finish()
}

/// An attribute list on a line of its own, waiting to be attached to the block beside it.
#[derive(Debug)]
struct BlockList {
    line: usize,
    at: Position,
    list: AttributeList,
    used: bool,
}

/// Blanks out the lines that hold block attribute lists and definitions (keeping every byte
/// offset valid for positions), and returns them.
fn cut_attribute_lines(
    file: &str,
    text: &str,
    index: &LineIndex,
    diagnostics: &mut Vec<Diagnostic>,
) -> (String, Vec<BlockList>, HashMap<String, AttributeList>) {
    let mut out = String::with_capacity(text.len());
    let mut lists = Vec::new();
    let mut definitions = HashMap::new();
    let mut fence: Option<&str> = None;
    let mut offset = 0;
    for (line_number, line) in text.split_inclusive('\n').enumerate() {
        let content = line.trim_end_matches(['\n', '\r']);
        let trimmed = content.trim_start();
        let indent = content.len() - trimmed.len();
        let at = index.position(text, offset + indent);
        let mut keep = true;
        if let Some(marker) = fence {
            if trimmed.starts_with(marker) {
                fence = None;
            }
        } else if indent < 4 && (trimmed.starts_with("```") || trimmed.starts_with("~~~")) {
            fence = Some(&trimmed[..3]);
        } else if indent < 4 && trimmed.starts_with("{:") && trimmed.trim_end().ends_with('}') {
            if let Some(definition) = attributes::definition(trimmed) {
                keep = false;
                match definition {
                    Ok((name, list)) => {
                        definitions.insert(name, list);
                    }
                    Err(e) => diagnostics.push(attr_diagnostic(file, at, e)),
                }
            } else if let Some(Ok((list, len))) = attributes::span_at(trimmed) {
                if trimmed[len..].trim().is_empty() {
                    keep = false;
                    lists.push(BlockList {
                        line: line_number,
                        at,
                        list,
                        used: false,
                    });
                }
            } else if let Some(Err(e)) = attributes::span_at(trimmed) {
                keep = false;
                diagnostics.push(attr_diagnostic(file, shift(at, e.offset), e));
            }
        }
        if keep {
            out.push_str(line);
        } else {
            out.extend(content.chars().map(|_| ' '));
            out.push_str(&line[content.len()..]);
        }
        offset += line.len();
    }
    (out, lists, definitions)
}

fn shift(at: Position, columns: usize) -> Position {
    Position::new(at.line, at.column + columns)
}

fn attr_diagnostic(file: &str, at: Position, error: AttrError) -> Diagnostic {
    let d = Diagnostic::error(file, at, error.message);
    match error.hint {
        Some(hint) => d.with_hint(hint),
        None => d,
    }
}

/// A partly built element, while its end has not been seen yet.
enum Frame {
    /// A container of blocks: the document, a list item or a block quote. `loose` holds inline
    /// content that is not in a paragraph, as in the items of a tight list.
    Blocks {
        blocks: Vec<Block>,
        loose: Vec<Inline>,
    },
    List {
        start: Option<u64>,
        items: Vec<ListItem>,
    },
    Table {
        align: Vec<Align>,
        head: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
    },
    Row {
        cells: Vec<Vec<Inline>>,
    },
    Code {
        lang: Option<String>,
        text: String,
    },
    Inlines {
        kind: InlineKind,
        content: Vec<Inline>,
    },
}

enum InlineKind {
    Paragraph,
    Heading {
        level: u8,
        attrs: Attrs,
    },
    Cell,
    Emphasis,
    Strong,
    Strikethrough,
    Link {
        href: String,
        title: String,
        at: Position,
    },
    Image {
        src: String,
        title: String,
        at: Position,
    },
}

struct Builder<'a> {
    file: &'a str,
    text: &'a str,
    index: &'a LineIndex,
    diagnostics: &'a mut Vec<Diagnostic>,
    definitions: HashMap<String, AttributeList>,
    block_lists: Vec<BlockList>,
    stack: Vec<Frame>,
    links: Vec<LinkRef>,
    headings: Vec<Position>,
}

impl Builder<'_> {
    fn position(&self, offset: usize) -> Position {
        self.index.position(self.text, offset)
    }

    fn event(&mut self, event: Event, range: Range<usize>) {
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag, range),
            Event::Text(text) => match self.stack.last_mut() {
                Some(Frame::Code { text: code, .. }) => code.push_str(&text),
                _ => self.text(&text, range.start),
            },
            Event::Code(code) => self.push_inline(Inline::Code {
                attrs: Attrs::default(),
                text: code.into_string(),
            }),
            Event::SoftBreak => self.push_inline(Inline::text("\n")),
            Event::HardBreak => self.push_inline(Inline::LineBreak),
            Event::Rule => self.push_block(
                Block::Rule {
                    attrs: Attrs::default(),
                },
                range,
            ),
            Event::Html(html) | Event::InlineHtml(html) => {
                let at = self.position(range.start);
                self.diagnostics.push(
                    Diagnostic::warning(self.file, at, "raw HTML is shown as text").with_hint(
                        "write it in Markdown, or give the element a Markdown equivalent",
                    ),
                );
                self.push_inline(Inline::text(html.into_string()));
            }
            Event::TaskListMarker(done) => {
                self.push_inline(Inline::text(if done { "[x] " } else { "[ ] " }))
            }
            Event::FootnoteReference(_) | Event::InlineMath(_) | Event::DisplayMath(_) => {}
        }
    }

    fn start(&mut self, tag: Tag, range: Range<usize>) {
        let at = self.position(range.start);
        let frame = match tag {
            Tag::Paragraph => Frame::Inlines {
                kind: InlineKind::Paragraph,
                content: Vec::new(),
            },
            Tag::Heading {
                level,
                id,
                classes,
                attrs,
            } => {
                let attrs = Attrs {
                    id: id.map(|id| id.into_string()),
                    classes: classes.into_iter().map(|c| c.into_string()).collect(),
                    other: attrs
                        .into_iter()
                        .map(|(k, v)| {
                            (
                                k.into_string(),
                                v.map_or_else(String::new, |v| v.into_string()),
                            )
                        })
                        .collect(),
                };
                Frame::Inlines {
                    kind: InlineKind::Heading {
                        level: heading_level(level),
                        attrs,
                    },
                    content: Vec::new(),
                }
            }
            Tag::BlockQuote(_) | Tag::Item => {
                self.flush_loose();
                Frame::Blocks {
                    blocks: Vec::new(),
                    loose: Vec::new(),
                }
            }
            Tag::List(start) => {
                self.flush_loose();
                Frame::List {
                    start,
                    items: Vec::new(),
                }
            }
            Tag::CodeBlock(kind) => Frame::Code {
                lang: match kind {
                    CodeBlockKind::Fenced(info) => {
                        info.split_whitespace().next().map(str::to_owned)
                    }
                    CodeBlockKind::Indented => None,
                },
                text: String::new(),
            },
            Tag::Table(align) => Frame::Table {
                align: align.into_iter().map(column_align).collect(),
                head: Vec::new(),
                rows: Vec::new(),
            },
            Tag::TableHead | Tag::TableRow => Frame::Row { cells: Vec::new() },
            Tag::TableCell => Frame::Inlines {
                kind: InlineKind::Cell,
                content: Vec::new(),
            },
            Tag::Emphasis => Frame::Inlines {
                kind: InlineKind::Emphasis,
                content: Vec::new(),
            },
            Tag::Strong => Frame::Inlines {
                kind: InlineKind::Strong,
                content: Vec::new(),
            },
            Tag::Strikethrough => Frame::Inlines {
                kind: InlineKind::Strikethrough,
                content: Vec::new(),
            },
            Tag::Link {
                dest_url, title, ..
            } => Frame::Inlines {
                kind: InlineKind::Link {
                    href: dest_url.into_string(),
                    title: title.into_string(),
                    at,
                },
                content: Vec::new(),
            },
            Tag::Image {
                dest_url, title, ..
            } => Frame::Inlines {
                kind: InlineKind::Image {
                    src: dest_url.into_string(),
                    title: title.into_string(),
                    at,
                },
                content: Vec::new(),
            },
            // Not enabled in the parser options, so never produced.
            _ => Frame::Inlines {
                kind: InlineKind::Strong,
                content: Vec::new(),
            },
        };
        self.stack.push(frame);
    }

    fn end(&mut self, tag: TagEnd, range: Range<usize>) {
        let Some(frame) = self.stack.pop() else {
            return;
        };
        match (tag, frame) {
            (TagEnd::Paragraph, Frame::Inlines { content, .. }) => {
                let block =
                    button_row(&content)
                        .map(Block::ButtonRow)
                        .unwrap_or(Block::Paragraph {
                            attrs: Attrs::default(),
                            content,
                        });
                self.push_block(block, range);
            }
            (
                TagEnd::Heading(_),
                Frame::Inlines {
                    kind: InlineKind::Heading { level, attrs },
                    content,
                },
            ) => {
                let at = self.position(range.start);
                self.headings.push(at);
                self.push_block(
                    Block::Heading(Heading {
                        level,
                        attrs,
                        content: trim_inlines(content),
                    }),
                    range,
                )
            }
            (TagEnd::BlockQuote(_), Frame::Blocks { mut blocks, loose }) => {
                push_loose(&mut blocks, loose);
                self.push_block(
                    Block::Quote {
                        attrs: Attrs::default(),
                        blocks,
                    },
                    range,
                );
            }
            (TagEnd::Item, Frame::Blocks { mut blocks, loose }) => {
                push_loose(&mut blocks, loose);
                if let Some(Frame::List { items, .. }) = self.stack.last_mut() {
                    items.push(ListItem {
                        attrs: Attrs::default(),
                        blocks,
                    });
                }
            }
            (TagEnd::List(_), Frame::List { start, items }) => self.push_block(
                Block::List(List {
                    attrs: Attrs::default(),
                    start,
                    items,
                }),
                range,
            ),
            (TagEnd::CodeBlock, Frame::Code { lang, text }) => self.push_block(
                Block::Code {
                    attrs: Attrs::default(),
                    lang,
                    text,
                },
                range,
            ),
            (TagEnd::Table, Frame::Table { align, head, rows }) => self.push_block(
                Block::Table(Table {
                    attrs: Attrs::default(),
                    align,
                    head,
                    rows,
                }),
                range,
            ),
            (TagEnd::TableHead, Frame::Row { cells }) => {
                if let Some(Frame::Table { head, .. }) = self.stack.last_mut() {
                    *head = cells;
                }
            }
            (TagEnd::TableRow, Frame::Row { cells }) => {
                if let Some(Frame::Table { rows, .. }) = self.stack.last_mut() {
                    rows.push(cells);
                }
            }
            (TagEnd::TableCell, Frame::Inlines { content, .. }) => {
                if let Some(Frame::Row { cells }) = self.stack.last_mut() {
                    cells.push(trim_inlines(content));
                }
            }
            (_, Frame::Inlines { kind, content }) => {
                let inline = match kind {
                    InlineKind::Emphasis => Inline::Emphasis {
                        attrs: Attrs::default(),
                        content,
                    },
                    InlineKind::Strong => Inline::Strong {
                        attrs: Attrs::default(),
                        content,
                    },
                    InlineKind::Strikethrough => Inline::Strikethrough { content },
                    InlineKind::Link { href, title, at } => {
                        self.link_written(&href, at, false);
                        Inline::Link(Link {
                            target: links::classify(&href),
                            href,
                            title: non_empty(title),
                            attrs: Attrs::default(),
                            content,
                        })
                    }
                    InlineKind::Image { src, title, at } => {
                        self.link_written(&src, at, true);
                        Inline::Image(Image {
                            src,
                            alt: crate::model::plain_text(&content),
                            title: non_empty(title),
                            attrs: Attrs::default(),
                        })
                    }
                    InlineKind::Paragraph | InlineKind::Heading { .. } | InlineKind::Cell => return,
                };
                self.push_inline(inline);
            }
            (_, frame) => self.stack.push(frame),
        }
    }

    fn link_written(&mut self, href: &str, at: Position, is_image: bool) {
        if links::is_unsafe(href)
            && !(is_image
                && href
                    .trim_start()
                    .to_ascii_lowercase()
                    .starts_with("data:image/"))
        {
            self.diagnostics.push(
                Diagnostic::error(self.file, at, format!("unsafe link target `{href}`"))
                    .with_hint("links may not use `javascript:`, `vbscript:` or `data:` URLs"),
            );
        }
        self.links.push(LinkRef {
            href: href.to_owned(),
            at,
            is_image,
        });
    }

    /// Text, after reading off the span attribute list it may start with.
    fn text(&mut self, text: &str, offset: usize) {
        let mut text = text;
        if let Some(parsed) = attributes::span_at(text)
            && self.last_inline_takes_attributes()
        {
            match parsed {
                Ok((list, len)) => {
                    let at = self.position(offset);
                    let attrs = self.resolve(list, at);
                    if let Some(target) = self.last_inline_attrs() {
                        target.merge(attrs);
                    }
                    text = &text[len..];
                }
                Err(e) => {
                    let at = self.position(offset + e.offset);
                    let d = attr_diagnostic(self.file, at, e);
                    self.diagnostics.push(d);
                }
            }
        }
        if !text.is_empty() {
            self.push_inline(Inline::text(text));
        }
    }

    fn last_inline_takes_attributes(&mut self) -> bool {
        self.last_inline_attrs().is_some()
    }

    fn last_inline_attrs(&mut self) -> Option<&mut Attrs> {
        let content = match self.stack.last_mut()? {
            Frame::Inlines { content, .. } => content,
            Frame::Blocks { loose, .. } => loose,
            _ => return None,
        };
        match content.last_mut()? {
            Inline::Link(Link { attrs, .. })
            | Inline::Image(Image { attrs, .. })
            | Inline::Emphasis { attrs, .. }
            | Inline::Strong { attrs, .. }
            | Inline::Code { attrs, .. } => Some(attrs),
            _ => None,
        }
    }

    /// The attributes of `list` with the definitions it names filled in.
    fn resolve(&mut self, list: AttributeList, at: Position) -> Attrs {
        let mut attrs = Attrs::default();
        for name in &list.references {
            match self.definitions.get(name) {
                Some(definition) => attrs.merge(definition.attrs.clone()),
                None => {
                    let mut known: Vec<&str> =
                        self.definitions.keys().map(String::as_str).collect();
                    known.sort_unstable();
                    let hint = match did_you_mean(name, &known) {
                        Some(close) => format!("did you mean the definition `{close}`?"),
                        None => format!("to add the class `{name}`, write `.{name}`"),
                    };
                    self.diagnostics.push(
                        Diagnostic::error(
                            self.file,
                            at,
                            format!("attribute list uses `{name}`, which is not defined"),
                        )
                        .with_hint(hint),
                    );
                }
            }
        }
        attrs.merge(list.attrs);
        attrs
    }

    fn push_inline(&mut self, inline: Inline) {
        let content = match self.stack.last_mut() {
            Some(Frame::Inlines { content, .. }) => content,
            Some(Frame::Blocks { loose, .. }) => loose,
            _ => return,
        };
        match (content.last_mut(), inline) {
            (Some(Inline::Text { text }), Inline::Text { text: more }) => text.push_str(&more),
            (_, inline) => content.push(inline),
        }
    }

    fn flush_loose(&mut self) {
        if let Some(Frame::Blocks { blocks, loose }) = self.stack.last_mut() {
            push_loose(blocks, std::mem::take(loose));
        }
    }

    fn push_block(&mut self, mut block: Block, range: Range<usize>) {
        self.attach_block_lists(&mut block, range);
        self.flush_loose();
        if let Some(Frame::Blocks { blocks, .. }) = self.stack.last_mut() {
            blocks.push(block);
        }
    }

    /// Gives `block` the attribute lists written on the line just after it, or just before it.
    fn attach_block_lists(&mut self, block: &mut Block, range: Range<usize>) {
        let first = self.position(range.start).line;
        let written = self.text[range.clone()].trim_end();
        let last = self
            .position(range.start + written.len().saturating_sub(1))
            .line;
        let lines = (
            first - self.index_first_line(),
            last - self.index_first_line(),
        );
        let mut found = Vec::new();
        for list in &mut self.block_lists {
            if !list.used && (list.line == lines.1 + 1 || list.line + 1 == lines.0) {
                list.used = true;
                found.push((list.list.clone(), list.at));
            }
        }
        for (list, at) in found {
            let attrs = self.resolve(list, at);
            if let Some(target) = block_attrs(block) {
                target.merge(attrs);
            }
        }
    }

    fn index_first_line(&self) -> usize {
        self.position(0).line
    }

    fn finish(self) -> Body {
        for list in self.block_lists.iter().filter(|l| !l.used) {
            self.diagnostics.push(
                Diagnostic::warning(self.file, list.at, "this attribute list is not next to a block, so it applies to nothing")
                    .with_hint("put it on the line directly after the paragraph, heading, list or table it is for"),
            );
        }
        let blocks = match self.stack.into_iter().next() {
            Some(Frame::Blocks { mut blocks, loose }) => {
                push_loose(&mut blocks, loose);
                blocks
            }
            _ => Vec::new(),
        };
        Body {
            blocks,
            links: self.links,
            headings: self.headings,
        }
    }
}

fn block_attrs(block: &mut Block) -> Option<&mut Attrs> {
    match block {
        Block::Heading(Heading { attrs, .. })
        | Block::Paragraph { attrs, .. }
        | Block::List(List { attrs, .. })
        | Block::Table(Table { attrs, .. })
        | Block::Rule { attrs }
        | Block::Code { attrs, .. }
        | Block::Quote { attrs, .. } => Some(attrs),
        Block::Plain { .. } | Block::ButtonRow(_) => None,
    }
}

fn push_loose(blocks: &mut Vec<Block>, loose: Vec<Inline>) {
    let content = trim_inlines(loose);
    if !content.is_empty() {
        blocks.push(Block::Plain { content });
    }
}

/// Drops the whitespace at both ends of inline content, as HTML rendering would show it.
fn trim_inlines(mut content: Vec<Inline>) -> Vec<Inline> {
    if let Some(Inline::Text { text }) = content.first_mut() {
        *text = text.trim_start().to_owned();
    }
    if let Some(Inline::Text { text }) = content.last_mut() {
        *text = text.trim_end().to_owned();
    }
    content.retain(|i| !matches!(i, Inline::Text { text } if text.is_empty()));
    content
}

/// A paragraph of links that all carry the class `button`, separated by nothing but spaces.
fn button_row(content: &[Inline]) -> Option<ButtonRow> {
    let mut buttons = Vec::new();
    for inline in content {
        match inline {
            Inline::Link(link) if link.attrs.has_class("button") => buttons.push(link.clone()),
            Inline::Text { text } if text.trim().is_empty() => {}
            _ => return None,
        }
    }
    (!buttons.is_empty()).then_some(ButtonRow { buttons })
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

fn column_align(align: Alignment) -> Align {
    match align {
        Alignment::None => Align::Default,
        Alignment::Left => Align::Left,
        Alignment::Center => Align::Center,
        Alignment::Right => Align::Right,
    }
}

fn non_empty(s: String) -> Option<String> {
    (!s.is_empty()).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::LinkTarget;

    fn blocks(text: &str) -> (Vec<Block>, Vec<Diagnostic>) {
        let mut diagnostics = Vec::new();
        let body = parse("content/p.md", text, 1, &mut diagnostics);
        (body.blocks, diagnostics)
    }

    fn link(href: &str, label: &str, classes: &[&str]) -> Link {
        Link {
            href: href.into(),
            target: links::classify(href),
            title: None,
            attrs: Attrs {
                classes: classes.iter().map(|c| c.to_string()).collect(),
                ..Attrs::default()
            },
            content: vec![Inline::text(label)],
        }
    }

    #[test]
    fn a_paragraph_of_button_links_is_a_button_row() {
        let (blocks, diagnostics) = blocks(
            "[Learn More](/data){: .button .is-primary} [Contact Us](/data){: .button} [Main Page](https://www.specifysoftware.org/){:.button}\n",
        );
        assert_eq!(diagnostics, []);
        assert_eq!(
            blocks,
            [Block::ButtonRow(ButtonRow {
                buttons: vec![
                    link("/data", "Learn More", &["button", "is-primary"]),
                    link("/data", "Contact Us", &["button"]),
                    link("https://www.specifysoftware.org/", "Main Page", &["button"]),
                ]
            })]
        );
        let Block::ButtonRow(row) = &blocks[0] else {
            unreachable!()
        };
        assert!(row.buttons[0].is_primary() && !row.buttons[1].is_primary());
    }

    #[test]
    fn classes_may_come_in_any_order_and_without_a_space() {
        let (blocks, _) = blocks(
            "[View All Members](https://www.specifysoftware.org/members/){:.is-primary .button}\n",
        );
        let Block::ButtonRow(row) = &blocks[0] else {
            panic!("{blocks:?}")
        };
        assert!(row.buttons[0].is_primary());
        assert_eq!(row.buttons[0].attrs.classes, ["is-primary", "button"]);
    }

    #[test]
    fn a_link_among_words_stays_in_its_paragraph() {
        let (blocks, _) = blocks(
            "See [the forum](https://discourse.specifysoftware.org/){: .button} for more.\n",
        );
        assert!(matches!(blocks[0], Block::Paragraph { .. }), "{blocks:?}");
    }

    #[test]
    fn paragraphs_keep_emphasis_strong_code_and_links() {
        let (blocks, _) = blocks("Some *em* and **strong** and `code` and [a link](/data).\n");
        let Block::Paragraph { content, .. } = &blocks[0] else {
            panic!()
        };
        assert!(matches!(content[1], Inline::Emphasis { .. }));
        assert!(matches!(content[3], Inline::Strong { .. }));
        assert_eq!(
            content[5],
            Inline::Code {
                attrs: Attrs::default(),
                text: "code".into()
            }
        );
        assert!(matches!(&content[7], Inline::Link(l) if l.target == LinkTarget::Page));
    }

    #[test]
    fn tables_keep_each_column_alignment() {
        let (blocks, _) = blocks("| A | B | C |\n| --- |:---:| ---:|\n| 1 | 2 | 3 |\n");
        let Block::Table(table) = &blocks[0] else {
            panic!()
        };
        assert_eq!(table.align, [Align::Default, Align::Center, Align::Right]);
        assert_eq!(table.head.len(), 3);
        assert_eq!(
            table.rows,
            [vec![
                vec![Inline::text("1")],
                vec![Inline::text("2")],
                vec![Inline::text("3")]
            ]]
        );
    }

    #[test]
    fn nested_lists_nest_and_tight_items_are_plain() {
        let (blocks, _) = blocks("* one\n* two\n  * two a\n  * two b\n");
        let Block::List(list) = &blocks[0] else {
            panic!()
        };
        assert_eq!(list.start, None);
        assert_eq!(list.items.len(), 2);
        assert_eq!(
            list.items[0].blocks,
            [Block::Plain {
                content: vec![Inline::text("one")]
            }]
        );
        let Block::List(inner) = &list.items[1].blocks[1] else {
            panic!("{list:?}")
        };
        assert_eq!(inner.items.len(), 2);
    }

    #[test]
    fn numbered_lists_keep_their_start() {
        let (blocks, _) = blocks("3. three\n4. four\n");
        let Block::List(list) = &blocks[0] else {
            panic!()
        };
        assert_eq!(list.start, Some(3));
    }

    #[test]
    fn block_attribute_lists_attach_to_the_block_above_or_below() {
        let (blocks, diagnostics) =
            blocks("A paragraph.\n{: .notice #first}\n\n{:.lead}\nAnother one.\n");
        assert_eq!(diagnostics, []);
        let Block::Paragraph { attrs, .. } = &blocks[0] else {
            panic!()
        };
        assert_eq!(
            (attrs.id.as_deref(), attrs.classes.as_slice()),
            (Some("first"), &["notice".to_owned()][..])
        );
        let Block::Paragraph { attrs, .. } = &blocks[1] else {
            panic!()
        };
        assert_eq!(attrs.classes, ["lead"]);
    }

    #[test]
    fn definitions_are_used_by_name() {
        let (blocks, diagnostics) = blocks("{:cta: .button .is-primary}\n\n[Join](/join){: cta}\n");
        assert_eq!(diagnostics, []);
        let Block::ButtonRow(row) = &blocks[0] else {
            panic!("{blocks:?}")
        };
        assert!(row.buttons[0].is_primary());
    }

    #[test]
    fn an_unknown_name_in_an_attribute_list_is_an_error_with_a_hint() {
        let (_, diagnostics) = blocks("Text\n\n[Join](/join){: button}\n");
        assert_eq!(
            diagnostics
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>(),
            [
                "content/p.md:3:14: error: attribute list uses `button`, which is not defined\n  = hint: to add the class `button`, write `.button`"
            ]
        );
    }

    #[test]
    fn an_unclosed_span_attribute_list_is_an_error_at_its_position() {
        let (blocks, diagnostics) = blocks("Intro\n\n[Join](/join){: .button\n");
        assert_eq!(diagnostics.len(), 1);
        assert_eq!((diagnostics[0].line, diagnostics[0].column), (3, 14));
        assert_eq!(diagnostics[0].message, "attribute list is never closed");
        // The text is kept, not lost.
        let Block::Paragraph { content, .. } = &blocks[1] else {
            panic!()
        };
        assert_eq!(content[1], Inline::text("{: .button"));
    }

    #[test]
    fn script_links_are_errors() {
        let (_, diagnostics) = blocks("[x](javascript:alert(1))\n");
        assert_eq!(
            diagnostics[0].message,
            "unsafe link target `javascript:alert(1)`"
        );
    }

    #[test]
    fn attribute_lines_inside_code_blocks_are_code() {
        let (blocks, _) = blocks("```\n{: .x}\n```\n");
        assert_eq!(
            blocks,
            [Block::Code {
                attrs: Attrs::default(),
                lang: None,
                text: "{: .x}\n".into()
            }]
        );
    }
}
