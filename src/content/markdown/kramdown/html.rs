//! HTML inside Markdown, as kramdown reads it: block-level elements whose content is kept raw
//! unless `markdown="1"` (or `block`, `span`) asks for it to be parsed, and span-level elements
//! inside paragraphs. What is unsafe in it is removed later, by `content::markdown`.

use super::blocks::Step;
use super::element::AttrMap;
use super::element::{ContentModel, Element, Kind};
use super::parser::{Parser, add_text};
use super::patterns::{
    self as p, HTML_BLOCK_ELEMENTS, HTML_ELEMENTS_WITHOUT_BODY, HTML_SPAN_ELEMENTS,
};
use super::scanner::{Re, Scanner};
use super::span_state::{SpanParser, Stop};
use super::warnings::WarningKind;
use crate::content::limits::MAX_NESTING;

/// What `markdown="..."` asks for; `None` is the element's own content model.
fn markdown_attr(value: Option<String>) -> Option<Option<ContentModel>> {
    match value.as_deref() {
        Some("0") => Some(Some(ContentModel::Raw)),
        Some("1") => Some(None),
        Some("span") => Some(Some(ContentModel::Span)),
        Some("block") => Some(Some(ContentModel::Block)),
        _ => None,
    }
}

/// The tag name as kramdown keeps it: lower case when it is an HTML element.
fn tag_name(name: &str) -> String {
    let lower = name.to_ascii_lowercase();
    if p::is_html_element(&lower) {
        lower
    } else {
        name.to_owned()
    }
}

impl Parser {
    pub(super) fn parse_block_html(&mut self, tree: &mut Element, src: &mut Scanner) -> Step {
        let line = src.current_line_number();
        if let Some(comment) = scan_comment(src) {
            let mut el = Element::with_value(Kind::XmlComment, comment).at(line);
            el.opts.span = false;
            tree.children.push(el);
            src.scan(p::trailing_whitespace());
            return Step::Done;
        }
        if src.matches(p::html_tag_indented()) {
            let name = src.group(1).unwrap_or("").to_ascii_lowercase();
            if !HTML_SPAN_ELEMENTS.contains(&name.as_str()) {
                let (el, closed) = self.html_start_tag(src, line);
                self.handle_kramdown_html_tag(tree, src, el, closed);
                return Step::Done;
            }
        } else if src.matches(p::html_tag_close_indented()) {
            let name = src.group(1).unwrap_or("").to_ascii_lowercase();
            if !HTML_SPAN_ELEMENTS.contains(&name.as_str())
                && tree.kind == Kind::HtmlElement
                && tree.value == name
            {
                src.advance(src.matched_size());
                return Step::Stop;
            }
        }
        Step::Skip
    }

    /// The element of the start tag just matched (groups: name, attributes, `/`), and whether
    /// it has no content to parse.
    fn html_start_tag(&mut self, src: &mut Scanner, line: usize) -> (Element, bool) {
        let name = tag_name(src.group(1).unwrap_or(""));
        let attributes = src.group(2).unwrap_or("").to_owned();
        let self_closing = src.group(3).is_some();
        src.advance(src.matched_size());
        let mut el = Element::with_value(Kind::HtmlElement, name.clone()).at(line);
        el.attr = self.parse_html_attributes(&attributes, &name, line);
        let closed = self_closing || HTML_ELEMENTS_WITHOUT_BODY.contains(&name.as_str());
        (el, closed)
    }

    fn handle_kramdown_html_tag(
        &mut self,
        tree: &mut Element,
        src: &mut Scanner,
        mut el: Element,
        closed: bool,
    ) {
        if let Some(ial) = self.block_ial.take() {
            el.opts.ial = Some(Box::new(ial));
        }
        let raw_parent =
            tree.kind == Kind::HtmlElement && tree.opts.content_model == Some(ContentModel::Raw);
        let mut model = if !raw_parent && self.options.parse_block_html {
            p::html_content_model(&el.value)
        } else {
            ContentModel::Raw
        };
        if let Some(wanted) = markdown_attr(el.attr.remove("markdown")) {
            model = wanted.unwrap_or_else(|| p::html_content_model(&el.value));
        }
        if el.value == "script" || el.value == "style" {
            model = ContentModel::Raw;
        }
        if model == ContentModel::Block {
            src.scan(p::trailing_whitespace());
        }
        el.opts.content_model = Some(model);
        el.opts.is_closed = closed;
        if !closed {
            match model {
                ContentModel::Block => {
                    if !self.parse_blocks(&mut el, src) {
                        self.warn(
                            el.opts.location,
                            WarningKind::NoEndTag {
                                tag: el.value.clone(),
                            },
                        );
                    }
                }
                ContentModel::Span => {
                    let stop = Re::cached(&format!(r"(?i)<\/{}\s*>", p::fancy_escape(&el.value)));
                    match src.skip_to(&stop) {
                        Some(text) => {
                            add_text(&mut el, &text, self.text_type);
                            src.advance(src.matched_size());
                        }
                        None => {
                            let rest = src.rest().to_owned();
                            add_text(&mut el, &rest, self.text_type);
                            src.terminate();
                            self.warn(
                                el.opts.location,
                                WarningKind::NoEndTag {
                                    tag: el.value.clone(),
                                },
                            );
                        }
                    }
                }
                ContentModel::Raw => {
                    // Raw HTML nests by recursion too, and counts towards the same limit.
                    if self.depth > MAX_NESTING {
                        self.too_deep(el.opts.location);
                        src.terminate();
                    } else {
                        self.depth += 1;
                        self.parse_raw_html(&mut el, src);
                        self.depth -= 1;
                    }
                }
            }
            if !raw_parent {
                src.scan(p::trailing_whitespace());
            }
        }
        tree.children.push(el);
    }

    /// Content kept as HTML: text as it is, tags as elements, up to the element's end tag.
    fn parse_raw_html(&mut self, el: &mut Element, src: &mut Scanner) {
        loop {
            if src.eos() {
                self.warn(
                    el.opts.location,
                    WarningKind::NoEndTag {
                        tag: el.value.clone(),
                    },
                );
                return;
            }
            let Some(text) = src.skip_to(p::html_raw_start()) else {
                let rest = src.rest().to_owned();
                add_text(el, &rest, Kind::Text);
                src.terminate();
                self.warn(
                    el.opts.location,
                    WarningKind::NoEndTag {
                        tag: el.value.clone(),
                    },
                );
                return;
            };
            add_text(el, &text, Kind::Text);
            let line = src.current_line_number();
            if let Some(comment) = scan_comment(src) {
                el.children
                    .push(Element::with_value(Kind::XmlComment, comment).at(line));
            } else if let Some(pi) = scan_to_mark(src, p::html_instruction(), "<?", "?>") {
                el.children
                    .push(Element::with_value(Kind::XmlPi, pi).at(line));
            } else if scan_to_mark(src, p::html_cdata(), "<![CDATA[", "]]>").is_some() {
                let data = src.group(1).unwrap_or("").to_owned();
                add_text(el, &data, Kind::Text);
            } else if src.matches(p::html_tag()) {
                let (child, closed) = self.html_start_tag(src, line);
                self.handle_kramdown_html_tag(el, src, child, closed);
            } else if src.matches(p::html_tag_close()) {
                let name = src.group(1).unwrap_or("").to_owned();
                let matched = src.matched().to_owned();
                src.advance(matched.len());
                if tag_name(&name) == el.value {
                    return;
                }
                add_text(el, &matched, Kind::Text);
                self.warn(line, WarningKind::StrayEndTag { tag: name });
            } else {
                let c = src.getch();
                add_text(el, &c, Kind::Text);
            }
        }
    }

    pub(super) fn parse_span_html(&mut self, tree: &mut Element, src: &mut Scanner) {
        let line = src.current_line_number();
        if let Some(comment) = scan_comment(src) {
            let mut el = Element::with_value(Kind::XmlComment, comment).at(line);
            el.opts.span = true;
            tree.children.push(el);
        } else if let Some(end_tag) = src.scan(p::html_tag_close()) {
            let tag = src.group(1).unwrap_or("").to_owned();
            self.warn(line, WarningKind::StrayEndTag { tag });
            add_text(tree, &end_tag, self.text_type);
        } else if src.matches(p::html_tag()) {
            let name = tag_name(src.group(1).unwrap_or(""));
            let matched = src.matched().to_owned();
            if HTML_BLOCK_ELEMENTS.contains(&name.as_str()) {
                src.advance(matched.len());
                self.warn(line, WarningKind::BlockTagInText { tag: name });
                add_text(tree, &matched, self.text_type);
                return;
            }
            let attributes = src.group(2).unwrap_or("").to_owned();
            let self_closing = src.group(3).is_some();
            src.advance(matched.len());
            let mut attr = self.parse_html_attributes(&attributes, &name, line);
            for (_, value) in &mut attr.0 {
                if value.contains('\n') {
                    *value = value
                        .split('\n')
                        .filter(|s| !s.is_empty())
                        .collect::<Vec<_>>()
                        .join(" ");
                }
            }
            let raw_parent = tree.opts.content_model == Some(ContentModel::Raw);
            let mut parse = p::html_content_model(&name) != ContentModel::Raw
                && !raw_parent
                && self.options.parse_span_html;
            match markdown_attr(attr.remove("markdown")) {
                Some(Some(ContentModel::Span)) => parse = true,
                Some(None) => parse = p::html_content_model(&name) != ContentModel::Raw,
                Some(Some(ContentModel::Raw)) => parse = false,
                _ => {}
            }
            let mut el = Element::with_value(Kind::HtmlElement, name.clone()).at(line);
            el.attr = attr;
            el.opts.span = true;
            el.opts.content_model = Some(if parse {
                ContentModel::Span
            } else {
                ContentModel::Raw
            });
            el.opts.is_closed = self_closing;
            if !self_closing && !HTML_ELEMENTS_WITHOUT_BODY.contains(&name.as_str()) {
                let stop = Re::cached(&format!(r"(?i)<\/{}\s*>", p::fancy_escape(&name)));
                let parsers: Option<&[SpanParser]> = if parse {
                    None
                } else {
                    Some(&[SpanParser::SpanHtml])
                };
                if self.parse_spans(&mut el, src, Stop::At(stop.clone()), parsers) {
                    src.scan(&stop);
                } else {
                    self.warn(line, WarningKind::NoEndTag { tag: name });
                    let rest = src.rest().to_owned();
                    add_text(&mut el, &rest, self.text_type);
                    src.terminate();
                }
            }
            tree.children.push(el);
        } else {
            let c = src.getch();
            add_text(tree, &c, self.text_type);
        }
    }

    fn parse_html_attributes(&mut self, text: &str, tag: &str, line: usize) -> AttrMap {
        let mut attrs = AttrMap::default();
        let lower = p::is_html_element(tag);
        for caps in p::html_attribute().captures_all(text) {
            let raw_name = caps.get(1).unwrap_or("");
            let name = if lower {
                raw_name.to_ascii_lowercase()
            } else {
                raw_name.to_owned()
            };
            if attrs.get(&name).is_some() {
                self.warn(
                    line,
                    WarningKind::DuplicateHtmlAttribute {
                        tag: tag.to_owned(),
                        name: name.clone(),
                    },
                );
            }
            let value = caps.get(2).or(caps.get(3)).or(caps.get(4)).unwrap_or("");
            // The value as the browser reads it (`&amp;` is `&`): the renderer escapes it again,
            // as kramdown, which keeps references, writes it.
            attrs.set(&name, super::entities::decode(value));
        }
        attrs
    }
}

/// An HTML comment at the position (`<!-- ... -->`), if it is one, moving past it.
fn scan_comment(src: &mut Scanner) -> Option<String> {
    scan_to_mark(src, p::html_comment(), "<!--", "-->")
}

/// The match of `re`, a construct from `open` to the first `close` after it, moving past it. The
/// closing mark is found by index, so that many unclosed ones do not each scan to the end.
fn scan_to_mark(src: &mut Scanner, re: &Re, open: &str, close: &'static str) -> Option<String> {
    if !src.rest().starts_with(open) {
        return None;
    }
    let end = src.next_of(close, src.pos() + open.len())? + close.len();
    src.scan_within(re, end)
}
