//! Markdown body -> model blocks, rendered as Jekyll's kramdown renders it.
//!
//! `kramdown` parses the text with Jekyll's settings; this module turns its element tree into the
//! page model the way kramdown's HTML converter would write it (tight list items without `<p>`,
//! standalone images as figures, footnotes at the end), removes what is unsafe in raw HTML, and
//! turns what kramdown passes over silently into diagnostics with file, line and column.

use super::body::{
    Align, Attrs, Block, ButtonRow, ElementContent, Heading, HtmlElement, Image, Inline, Link,
    List, ListItem, Table, TableRow,
};
use super::diagnostics::{Diagnostic, Position};
use super::kramdown::{self, AttrMap, Document, Kind, KramdownIds, Options, Warning};
use super::links;

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

/// A link or image target as written, for the checks that need every page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkRef {
    pub href: String,
    pub at: Position,
    pub is_image: bool,
}

/// Parses `text`, the body of `file` starting on line `first_line`, with Jekyll's options.
/// `embeds` are the hosts whose `<iframe>` players are kept (`embeds:` in `_config.yml`).
pub fn parse(
    file: &str,
    text: &str,
    first_line: usize,
    embeds: &[String],
    diagnostics: &mut Vec<Diagnostic>,
) -> Body {
    parse_at(
        file,
        text,
        Position::new(first_line, 1),
        embeds,
        diagnostics,
    )
}

/// Parses `text`, a value of `file` (front matter, data) that starts at `start`, as [`parse`]
/// does: positions on its first line count from `start`'s column.
pub fn parse_at(
    file: &str,
    text: &str,
    start: Position,
    embeds: &[String],
    diagnostics: &mut Vec<Diagnostic>,
) -> Body {
    convert(file, text, start, &Options::jekyll(), embeds, diagnostics)
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
        &[],
        diagnostics,
    )
}

fn convert(
    file: &str,
    text: &str,
    start: Position,
    options: &Options,
    embeds: &[String],
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
        embeds,
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

struct Converter<'a> {
    file: &'a str,
    source: &'a problems::Source<'a>,
    options: &'a Options,
    diagnostics: &'a mut Vec<Diagnostic>,
    links: Vec<LinkRef>,
    headings: Vec<Position>,
    kramdown_ids: KramdownIds,
    /// Footnote names in the order of their first reference, which numbers them.
    footnote_order: Vec<String>,
    /// The number of each footnote in `footnote_order`, by name.
    footnote_numbers: std::collections::HashMap<String, usize>,
    /// Hosts whose players are kept.
    embeds: &'a [String],
    /// Hosts of the players kept.
    frames: Vec<String>,
}

/// Elements that can run code, load other documents or change the page around them.
const UNSAFE_TAGS: &[&str] = &[
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "meta",
    "link", "noscript", "template", "svg", "math", "form",
];

/// Attributes that hold a URL.
const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "action",
    "formaction",
    "poster",
    "background",
    "cite",
    "xlink:href",
];

impl Converter<'_> {
    fn error(&mut self, at: Position, message: String, hint: String) {
        self.diagnostics
            .push(Diagnostic::error(self.file, at, message).with_hint(hint));
    }

    fn warning(&mut self, at: Position, message: String, hint: String) {
        self.diagnostics
            .push(Diagnostic::warning(self.file, at, message).with_hint(hint));
    }

    fn unused_list(&mut self, line: usize) {
        self.diagnostics.push(problems::unused_attribute_list(
            self.file,
            self.source,
            line,
        ));
    }

    /// The footnotes referenced so far, as kramdown lists them at the end of the page: numbered
    /// in order of first reference, each with a link back to it.
    fn footnotes(&mut self, footnotes: &[kramdown::Footnote]) -> Option<Block> {
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

    /// What the parser noticed, as the diagnostic an editor can act on.
    fn report(&mut self, warning: &Warning) {
        self.diagnostics
            .push(problems::diagnostic(self.file, self.source, warning));
    }

    fn blocks(&mut self, elements: Vec<kramdown::Element>) -> Vec<Block> {
        let mut out = Vec::new();
        for el in elements {
            if let Some(block) = self.block(el) {
                out.push(block);
            }
        }
        out
    }

    fn block(&mut self, el: kramdown::Element) -> Option<Block> {
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
            Kind::P => {
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
                Block::Paragraph { attrs, content }
            }
            Kind::Header => {
                let level =
                    (i32::from(el.opts.level) + self.options.header_offset).clamp(1, 6) as u8;
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
            Kind::Blockquote => Block::Quote {
                attrs,
                blocks: self.blocks(el.children),
            },
            Kind::Codeblock => {
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
            Kind::Hr => Block::Rule { attrs },
            Kind::Ul | Kind::Ol => {
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
            Kind::Table => self.table(el, attrs),
            // As kramdown's default math engine writes it, for MathJax to find.
            Kind::Math => Block::Plain {
                content: vec![Inline::text(format!("\\[{}\\]", el.value))],
            },
            Kind::Dl => {
                let items = el
                    .children
                    .into_iter()
                    .map(|item| {
                        let attrs = self.attrs("", &item.attr, item.opts.location);
                        let (tag, content) = match item.kind {
                            Kind::Dt => {
                                ("dt", ElementContent::Inlines(self.inlines(item.children)))
                            }
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

    /// kramdown's figure for an image marked `standalone` alone in its paragraph.
    fn standalone_image(&mut self, mut figure: Attrs, children: Vec<kramdown::Element>) -> Block {
        let mut content = self.inlines(children);
        let mut caption = String::new();
        if let Some(Inline::Image(image)) = content.first_mut() {
            if figure.classes.is_empty() {
                figure.classes = std::mem::take(&mut image.attrs.classes);
            }
            if figure.id.is_none() {
                figure.id = image.attrs.id.take();
            }
            caption = image.alt.clone();
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

    fn table(&mut self, el: kramdown::Element, attrs: Attrs) -> Block {
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

    fn inlines(&mut self, elements: Vec<kramdown::Element>) -> Vec<Inline> {
        let mut out: Vec<Inline> = Vec::new();
        for el in elements {
            let Some(inline) = self.inline(el) else {
                continue;
            };
            if let Inline::Text { text } = &inline
                && let Some(Inline::Text { text: last }) = out.last_mut()
            {
                last.push_str(text);
                continue;
            }
            out.push(inline);
        }
        out
    }

    fn inline(&mut self, el: kramdown::Element) -> Option<Inline> {
        let line = el.opts.location;
        Some(match el.kind {
            // kramdown writes text keeping the character references it holds (raw HTML's
            // `&amp;`); the renderer escapes text, so they are read here, to be written once.
            Kind::Text | Kind::RawText if el.value.contains('&') => {
                Inline::text(kramdown::entities::decode(&el.value))
            }
            Kind::Text | Kind::RawText => Inline::text(el.value),
            Kind::Br => Inline::LineBreak,
            Kind::Entity => Inline::text(el.value),
            Kind::SmartQuote => {
                let index = ["lsquo", "rsquo", "ldquo", "rdquo"]
                    .iter()
                    .position(|q| *q == el.value)
                    .unwrap_or(0);
                let name = &self.options.smart_quotes[index];
                Inline::text(
                    kramdown::entities::named(name)
                        .map_or_else(|| format!("&{name};"), String::from),
                )
            }
            Kind::TypographicSym => Inline::text(
                match self
                    .options
                    .typographic_symbols
                    .iter()
                    .find(|(name, _)| *name == el.value)
                {
                    Some((_, text)) => text.as_str(),
                    None => match el.value.as_str() {
                        "mdash" => "\u{2014}",
                        "ndash" => "\u{2013}",
                        "hellip" => "\u{2026}",
                        "laquo" => "\u{ab}",
                        "raquo" => "\u{bb}",
                        "laquo_space" => "\u{ab}\u{a0}",
                        "raquo_space" => "\u{a0}\u{bb}",
                        _ => "",
                    },
                },
            ),
            Kind::Codespan => {
                let mut attrs = self.attrs("code", &el.attr, line);
                // kramdown's converter, with a highlighter, names the span's language: a
                // `language-` class stays where it is, plain text goes first; the highlighter last.
                if self.options.syntax_highlighter {
                    if !attrs.classes.iter().any(|c| c.starts_with("language-")) {
                        attrs.classes.insert(0, "language-plaintext".into());
                    }
                    attrs.classes.push("highlighter-rouge".into());
                }
                Inline::Code {
                    attrs,
                    text: el.value,
                }
            }
            Kind::Em => Inline::Emphasis {
                attrs: self.attrs("em", &el.attr, line),
                content: self.inlines(el.children),
            },
            Kind::Strong => Inline::Strong {
                attrs: self.attrs("strong", &el.attr, line),
                content: self.inlines(el.children),
            },
            Kind::A => {
                let mut attr = el.attr.clone();
                let href = attr.remove("href").unwrap_or_default();
                let title = attr.remove("title");
                let content = self.inlines(el.children);
                return self.link(line, href, title, attr, content);
            }
            Kind::Img => {
                let mut attr = el.attr.clone();
                let src = attr.remove("src").unwrap_or_default();
                let alt = attr.remove("alt").unwrap_or_default();
                let title = attr.remove("title");
                return self.image(line, src, alt, title, attr);
            }
            Kind::Footnote => {
                let name = el.value;
                let number = match self.footnote_numbers.get(&name) {
                    Some(&n) => n,
                    None => {
                        self.footnote_order.push(name.clone());
                        let n = self.footnote_order.len();
                        self.footnote_numbers.insert(name.clone(), n);
                        n
                    }
                } + self.options.footnote_nr as usize
                    - 1;
                // kramdown puts `doc-noteref` on the `sup`, where ARIA does not allow it.
                let link = Inline::Element(HtmlElement {
                    tag: "a".into(),
                    attrs: Attrs {
                        classes: vec!["footnote".into()],
                        other: vec![
                            ("href".into(), format!("#fn:{name}")),
                            ("rel".into(), "footnote".into()),
                            ("role".into(), "doc-noteref".into()),
                        ],
                        ..Attrs::default()
                    },
                    content: ElementContent::Inlines(vec![Inline::text(number.to_string())]),
                });
                Inline::Element(HtmlElement {
                    tag: "sup".into(),
                    attrs: Attrs {
                        id: Some(format!("fnref:{name}")),
                        ..Attrs::default()
                    },
                    content: ElementContent::Inlines(vec![link]),
                })
            }
            Kind::HtmlElement => {
                if el.value == "del" && el.attr.is_empty() && el.opts.span {
                    return Some(Inline::Strikethrough {
                        content: self.inlines(el.children),
                    });
                }
                // Links and images written as HTML are checked and followed like Markdown ones.
                if el.value.eq_ignore_ascii_case("a") && el.attr.get("href").is_some() {
                    let mut attr = el.attr.clone();
                    let href = attr.remove("href").unwrap_or_default();
                    let title = attr.remove("title");
                    let content = self.inlines(el.children);
                    return self.link(line, href, title, attr, content);
                }
                return self.html_element(el).map(Inline::Element);
            }
            Kind::Raw => Inline::text(el.value),
            Kind::Abbreviation => Inline::Element(HtmlElement {
                tag: "abbr".into(),
                attrs: self.attrs("abbr", &el.attr, line),
                content: ElementContent::Inlines(vec![Inline::text(el.value)]),
            }),
            // Written as MathJax reads it, as kramdown's default math engine does.
            Kind::Math => Inline::text(format!("\\({}\\)", el.value)),
            _ => return None,
        })
    }

    fn link(
        &mut self,
        line: usize,
        href: String,
        title: Option<String>,
        mut attr: AttrMap,
        content: Vec<Inline>,
    ) -> Option<Inline> {
        let at = self.source.find_next(line, &href);
        if links::is_unsafe(&href) {
            self.error(
                at,
                format!("unsafe link target `{href}`"),
                "links may not use `javascript:`, `vbscript:` or `data:` URLs".into(),
            );
            return Some(Inline::Element(HtmlElement {
                tag: "span".into(),
                attrs: Attrs::default(),
                content: ElementContent::Inlines(content),
            }));
        }
        self.links.push(LinkRef {
            href: href.clone(),
            at,
            is_image: false,
        });
        let target = links::classify(&href);
        if attr.get("target").is_some_and(|t| t != "_self")
            && target == crate::content::body::LinkTarget::External
        {
            let rel = attr.get("rel").unwrap_or("").to_owned();
            if !rel.split_whitespace().any(|r| r == "noopener") {
                attr.set("rel", format!("{rel} noopener").trim_start().to_owned());
            }
        }
        Some(Inline::Link(Link {
            href,
            target,
            title,
            attrs: self.attrs("a", &attr, line),
            content,
        }))
    }

    fn image(
        &mut self,
        line: usize,
        src: String,
        alt: String,
        title: Option<String>,
        attr: AttrMap,
    ) -> Option<Inline> {
        let at = self.source.find_next(line, &src);
        let data_image = links::is_data_image(&src);
        if links::is_unsafe(&src) && !data_image {
            self.error(
                at,
                format!("unsafe image source `{src}`"),
                "images may not use `javascript:` or `vbscript:` URLs, nor `data:` URLs other than images".into(),
            );
            return None;
        }
        if !data_image {
            self.links.push(LinkRef {
                href: src.clone(),
                at,
                is_image: true,
            });
        }
        Some(Inline::Image(Image {
            src,
            alt,
            title,
            attrs: self.attrs("img", &attr, line),
        }))
    }

    /// The attributes of an element `tag` (empty when it does not matter) as the model holds
    /// them, without those that could run a script or load unwanted content, whether HTML or an
    /// attribute list set them (each removal is reported).
    fn attrs(&mut self, tag: &str, attr: &AttrMap, line: usize) -> Attrs {
        let mut safe = AttrMap::default();
        for (name, value) in &attr.0 {
            let lower = name.to_ascii_lowercase();
            let unsafe_url = URL_ATTRIBUTES.contains(&lower.as_str())
                && links::is_unsafe(value)
                && !(tag == "img" && lower == "src" && links::is_data_image(value));
            if lower.starts_with("on")
                || lower == "srcdoc"
                || (lower == "style" && value.to_ascii_lowercase().contains("url("))
                || unsafe_url
            {
                let element = if tag.is_empty() {
                    String::new()
                } else {
                    format!(" of `<{tag}>`")
                };
                self.warning(
                    self.source.find_near(line, name),
                    format!("the attribute `{name}`{element} is removed: it could run a script or load unwanted content"),
                    "remove it from the Markdown".into(),
                );
                continue;
            }
            safe.set(name, value.clone());
        }
        attrs_of(&safe)
    }

    /// An HTML element from the Markdown, with what could run code or load other documents
    /// removed (and reported).
    fn html_element(&mut self, el: kramdown::Element) -> Option<HtmlElement> {
        let line = el.opts.location;
        let tag = el.value.to_ascii_lowercase();
        if tag == "iframe" {
            return self.player(el, line);
        }
        if UNSAFE_TAGS.contains(&tag.as_str()) {
            self.warning(
                self.source.find(line, &format!("<{}", el.value)),
                format!("the `<{tag}>` element is removed: pages may not embed scripts, styles, frames or other documents"),
                "remove it from the Markdown; site-wide styles and scripts belong in style/ and src/".into(),
            );
            return None;
        }
        let attrs = self.attrs(&tag, &el.attr, line);
        if tag == "img"
            && !attrs
                .other
                .iter()
                .any(|(k, _)| k.eq_ignore_ascii_case("alt"))
        {
            self.missing_alt(&el.value, &attrs, line);
        }
        if tag == "img"
            && let Some((_, src)) = attrs
                .other
                .iter()
                .find(|(k, v)| k == "src" && !v.starts_with("data:"))
        {
            let at = self.source.find(line, src);
            self.links.push(LinkRef {
                href: src.clone(),
                at,
                is_image: true,
            });
        }
        let content = if el.children.iter().any(kramdown::Element::is_block) {
            ElementContent::Blocks(self.blocks(el.children))
        } else {
            ElementContent::Inlines(self.inlines(el.children))
        };
        Some(HtmlElement {
            tag,
            attrs,
            content,
        })
    }
}

impl Converter<'_> {
    /// Reports an HTML `<img>` written without `alt`: kept as it is, as Jekyll keeps it, but a
    /// screen reader then reads out its address, and search engines see no description.
    /// (Markdown's `![](src)` always has one, if empty.)
    fn missing_alt(&mut self, written_tag: &str, attrs: &Attrs, line: usize) {
        let image = attrs
            .other
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case("src"))
            .map_or_else(
                || "an `<img>`".to_owned(),
                |(_, src)| format!("the image `{src}`"),
            );
        self.warning(
            self.source.find(line, &format!("<{written_tag}")),
            format!("{image} has no `alt` text: screen readers read out its address instead"),
            "say what it shows in `alt=\"…\"`, or write `alt=\"\"` if it only decorates the page"
                .into(),
        );
    }

    /// An `<iframe>`: kept when it is an `https:` player on a host the site embeds (lazily
    /// loaded, named, sandboxed so that the player runs and nothing else), removed otherwise.
    fn player(&mut self, el: kramdown::Element, line: usize) -> Option<HtmlElement> {
        let src = el
            .attr
            .0
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case("src"))
            .map(|(_, value)| value.trim().to_owned())
            .unwrap_or_default();
        let host = src
            .strip_prefix("https://")
            .map(|rest| {
                rest.split(['/', '?', '#'])
                    .next()
                    .unwrap_or("")
                    .to_ascii_lowercase()
            })
            .filter(|host| !host.is_empty() && !host.contains(['@', ':']));
        let allowed = host
            .clone()
            .filter(|host| self.embeds.iter().any(|e| e.eq_ignore_ascii_case(host)));
        let Some(host) = allowed else {
            let (message, hint) = match host {
                Some(host) => (
                    format!(
                        "the `<iframe>` from `{host}` is removed: it is not one of the players the site embeds"
                    ),
                    format!("if you trust it, add `{host}` to `embeds:` in _config.yml"),
                ),
                None => (
                    "the `<iframe>` is removed: only `https:` players the site embeds are kept"
                        .to_owned(),
                    "give it an `https://` address of a video, document or calendar player"
                        .to_owned(),
                ),
            };
            self.warning(
                self.source.find(line, &format!("<{}", el.value)),
                message,
                hint,
            );
            return None;
        };
        let mut attr = el.attr.clone();
        for name in ["sandbox", "loading", "srcdoc"] {
            attr.0.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
        }
        attr.set("loading", "lazy");
        // Players need their scripts and their own origin (for cookies-free storage and their
        // APIs); they may open the video's page and go full screen, and nothing more.
        attr.set(
            "sandbox",
            "allow-scripts allow-same-origin allow-popups allow-presentation",
        );
        if !attr.0.iter().any(|(n, _)| n.eq_ignore_ascii_case("title")) {
            attr.set("title", format!("Embedded content from {host}"));
        }
        let attrs = self.attrs("iframe", &attr, line);
        if !self.frames.contains(&host) {
            self.frames.push(host);
        }
        Some(HtmlElement {
            tag: "iframe".into(),
            attrs,
            content: ElementContent::Inlines(Vec::new()),
        })
    }
}

/// A task list's checkbox is named by its item's text, so that a screen reader says what is done
/// or not (kramdown writes the checkbox without a label).
fn label_task_checkbox(blocks: &mut [Block]) {
    let Some(Block::Plain { content } | Block::Paragraph { content, .. }) = blocks.first_mut()
    else {
        return;
    };
    let label = super::body::plain_text(content.get(1..).unwrap_or_default())
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

/// The model's attributes from kramdown's: `id`, the classes, and the rest in order.
fn attrs_of(attr: &AttrMap) -> Attrs {
    let mut attrs = Attrs::default();
    for (key, value) in &attr.0 {
        match key.as_str() {
            // kramdown writes no `id` attribute for an empty id (a heading of punctuation only).
            "id" if value.trim().is_empty() => {}
            "id" => attrs.id = Some(value.clone()),
            "class" => attrs.classes = value.split_whitespace().map(str::to_owned).collect(),
            _ => attrs.other.push((key.clone(), value.clone())),
        }
    }
    attrs
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

mod problems;
#[cfg(test)]
mod tests;

/// What the tests of Markdown (here and in the body's drawing) share.
#[cfg(test)]
pub mod testing {
    use super::*;

    /// The blocks of `text` and what was said about it.
    pub fn blocks(text: &str) -> (Vec<Block>, Vec<Diagnostic>) {
        let mut diagnostics = Vec::new();
        let body = parse("content/p.md", text, 1, &[], &mut diagnostics);
        (body.blocks, diagnostics)
    }

    /// Diagnostics as their text.
    pub fn messages(diagnostics: &[Diagnostic]) -> Vec<String> {
        diagnostics.iter().map(ToString::to_string).collect()
    }
}
