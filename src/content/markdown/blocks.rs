//! Block elements: paragraphs (and rows of buttons), headings, code, lists, tables, quotes,
//! definitions, standalone figures.

use super::convert::Converter;
use super::kramdown::{self, Kind};
use crate::content::body::{
    Align, Attrs, Block, ButtonRow, ElementContent, Heading, HtmlElement, Inline, List, ListItem,
    Table, TableRow,
};

impl Converter<'_> {
    pub(super) fn blocks(&mut self, elements: Vec<kramdown::Element>) -> Vec<Block> {
        let mut out = Vec::new();
        for el in elements {
            if let Some(block) = self.block(el) {
                out.push(block);
            }
        }
        out
    }

    pub(super) fn block(&mut self, el: kramdown::Element) -> Option<Block> {
        if el.kind == Kind::HtmlElement {
            return self.html_element(el).map(Block::Element);
        }
        let line = el.opts.location;
        let attrs = self.attrs("", &el.attr, line);
        Some(match el.kind {
            Kind::Blank => {
                if el.opts.ial.is_some() {
                    self.unused_list(line.saturating_sub(1));
                }
                return None;
            }
            Kind::Eob | Kind::XmlComment | Kind::XmlPi | Kind::Comment => return None,
            Kind::P => return self.paragraph(el, attrs),
            Kind::Header => self.heading(el, attrs, line),
            Kind::Blockquote => Block::Quote {
                attrs,
                blocks: self.blocks(el.children),
            },
            Kind::Codeblock => self.code_block(el, attrs),
            Kind::Hr => Block::Rule { attrs },
            Kind::Ul | Kind::Ol => self.list(el, attrs),
            Kind::Table => self.table(el, attrs),
            // As kramdown's default math engine writes it, for MathJax to find.
            Kind::Math => Block::Plain {
                content: vec![Inline::text(format!("\\[{}\\]", el.value))],
            },
            Kind::Dl => self.definition_list(el, attrs),
            Kind::Raw => {
                self.warning(
                    self.source.find(line, "{::nomarkdown"),
                    "`{::nomarkdown}` content is shown as text".into(),
                    "write the HTML directly in the Markdown instead".into(),
                );
                Block::Paragraph {
                    attrs,
                    content: vec![Inline::text(el.value)],
                }
            }
            _ => {
                // Text at block level (kramdown's fallback for a line no parser takes).
                let content = self.inlines(vec![el]);
                if content.is_empty() {
                    return None;
                }
                Block::Plain { content }
            }
        })
    }

    /// A paragraph: a standalone image's figure, a row of buttons, or text.
    pub(super) fn paragraph(&mut self, el: kramdown::Element, attrs: Attrs) -> Option<Block> {
        if el.opts.transparent {
            return Some(Block::Plain {
                content: self.inlines(el.children),
            });
        }
        if let [only] = el.children.as_slice()
            && only.kind == Kind::Img
            && only
                .opts
                .ial
                .as_ref()
                .is_some_and(|ial| ial.refs.iter().any(|r| r == "standalone"))
        {
            return Some(self.standalone_image(attrs, el.children));
        }
        let content = self.inlines(el.children);
        if attrs.is_empty()
            && let Some(row) = button_row(&content)
        {
            return Some(Block::ButtonRow(row));
        }
        Some(Block::Paragraph { attrs, content })
    }

    /// A heading, at its level after `header_offset`, with kramdown's id when the dialect gives
    /// one here (GFM's are given by the parser).
    pub(super) fn heading(&mut self, el: kramdown::Element, attrs: Attrs, line: usize) -> Block {
        let level = (i32::from(el.opts.level) + self.options.header_offset).clamp(1, 6) as u8;
        let mut attrs = attrs;
        if attrs.id.is_none()
            && self.options.auto_ids
            && self.options.input == kramdown::Input::Kramdown
        {
            let text = el.opts.raw_text().unwrap_or_default().to_owned();
            attrs.id = Some(
                self.kramdown_ids
                    .generate(&text, &self.options.auto_id_prefix),
            );
        }
        self.headings.push(self.source.find(line, ""));
        Block::Heading(Heading {
            level,
            attrs,
            content: self.inlines(el.children),
        })
    }

    /// A code block, marked with its language as Jekyll's highlighter marks it.
    pub(super) fn code_block(&mut self, el: kramdown::Element, attrs: Attrs) -> Block {
        let lang = el.opts.lang().map(|_| {
            el.attr
                .get("class")
                .and_then(|c| {
                    c.split_whitespace()
                        .find_map(|c| c.strip_prefix("language-"))
                })
                .unwrap_or("")
                .to_owned()
        });
        // With a highlighter, a block of no language is highlighted as plain text.
        let lang = match lang {
            None if self.options.syntax_highlighter => Some("plaintext".to_owned()),
            lang => lang,
        };
        // kramdown's converter, with a highlighter, wraps the block in a `div` carrying
        // its attributes, the language class last and the highlighter's after it.
        let mut attrs = attrs;
        if let Some(lang) = &lang {
            let class = format!("language-{lang}");
            attrs.classes.retain(|c| *c != class);
            attrs.classes.push(class);
            attrs.classes.push("highlighter-rouge".into());
        }
        let text = el.value.strip_suffix('\n').unwrap_or(&el.value).to_owned() + "\n";
        Block::Code {
            attrs,
            lang: lang.filter(|l| !l.is_empty()),
            text,
        }
    }

    /// A bulleted or numbered list; a task list's checkboxes are named by their items.
    pub(super) fn list(&mut self, el: kramdown::Element, attrs: Attrs) -> Block {
        let items = el
            .children
            .into_iter()
            .map(|li| {
                let mut blocks = self.blocks(li.children);
                label_task_checkbox(&mut blocks);
                ListItem {
                    attrs: self.attrs("li", &li.attr, li.opts.location),
                    blocks,
                }
            })
            .collect();
        Block::List(List {
            attrs,
            start: (el.kind == Kind::Ol).then_some(1),
            items,
        })
    }

    /// A definition list: terms (inline) and definitions (blocks).
    pub(super) fn definition_list(&mut self, el: kramdown::Element, attrs: Attrs) -> Block {
        let items = el
            .children
            .into_iter()
            .map(|item| {
                let attrs = self.attrs("", &item.attr, item.opts.location);
                let (tag, content) = match item.kind {
                    Kind::Dt => ("dt", ElementContent::Inlines(self.inlines(item.children))),
                    _ => ("dd", ElementContent::Blocks(self.blocks(item.children))),
                };
                Block::Element(HtmlElement {
                    tag: tag.into(),
                    attrs,
                    content,
                })
            })
            .collect();
        Block::Element(HtmlElement {
            tag: "dl".into(),
            attrs,
            content: ElementContent::Blocks(items),
        })
    }

    /// kramdown's figure for an image marked `standalone` alone in its paragraph, its `alt` text
    /// the caption.
    pub(super) fn standalone_image(
        &mut self,
        mut figure: Attrs,
        children: Vec<kramdown::Element>,
    ) -> Block {
        let mut content = self.inlines(children);
        let mut caption = String::new();
        if let Some(Inline::Image(image)) = content.first_mut() {
            if figure.classes.is_empty() {
                figure.classes = std::mem::take(&mut image.attrs.classes);
            }
            if figure.id.is_none() {
                figure.id = image.attrs.id.take();
            }
            // kramdown writes the text as it is into the caption, where a browser reads any
            // markup in it (`Andes</a>` shows as `Andes`); the text without it is what shows.
            caption = crate::content::body::text::without_tags(&image.alt);
        }
        content.push(Inline::Element(HtmlElement {
            tag: "figcaption".into(),
            attrs: Attrs::default(),
            content: ElementContent::Inlines(vec![Inline::text(caption)]),
        }));
        Block::Element(HtmlElement {
            tag: "figure".into(),
            attrs: figure,
            content: ElementContent::Inlines(content),
        })
    }

    pub(super) fn table(&mut self, el: kramdown::Element, attrs: Attrs) -> Block {
        let align = el
            .opts
            .alignment()
            .iter()
            .map(|a| match a {
                kramdown::Alignment::Default => Align::Default,
                kramdown::Alignment::Left => Align::Left,
                kramdown::Alignment::Center => Align::Center,
                kramdown::Alignment::Right => Align::Right,
            })
            .collect();
        let mut table = Table {
            attrs,
            align,
            head: Vec::new(),
            bodies: Vec::new(),
            foot: Vec::new(),
        };
        for container in el.children {
            let rows: Vec<TableRow> = container
                .children
                .into_iter()
                .map(|tr| {
                    tr.children
                        .into_iter()
                        .map(|td| self.inlines(td.children))
                        .collect()
                })
                .collect();
            match container.kind {
                Kind::Thead => table.head.extend(rows),
                Kind::Tfoot => table.foot.extend(rows),
                _ => table.bodies.push(rows),
            }
        }
        Block::Table(table)
    }
}

/// A task list's checkbox is named by its item's text, so that a screen reader says what is done
/// or not (kramdown writes the checkbox without a label).
fn label_task_checkbox(blocks: &mut [Block]) {
    let Some(Block::Plain { content } | Block::Paragraph { content, .. }) = blocks.first_mut()
    else {
        return;
    };
    let label = crate::content::body::text::plain_text(content.get(1..).unwrap_or_default())
        .trim()
        .to_owned();
    if let Some(Inline::Element(checkbox)) = content.first_mut()
        && checkbox.tag == "input"
        && checkbox.attrs.has_class("task-list-item-checkbox")
        && !label.is_empty()
    {
        checkbox.attrs.other.push(("aria-label".into(), label));
    }
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
