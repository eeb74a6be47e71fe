//! Inline elements: text, typographic symbols, code, emphasis, links and images (checked for
//! unsafe addresses and noted for the site-wide checks), footnote markers, abbreviations.

use super::convert::Converter;
use super::kramdown::{self, AttrMap, Kind};
use crate::content::body::{Attrs, ElementContent, HtmlElement, Image, Inline, Link};
use crate::content::links::{self, LinkRef, Use};

impl Converter<'_> {
    pub(super) fn inlines(&mut self, elements: Vec<kramdown::Element>) -> Vec<Inline> {
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

    pub(super) fn inline(&mut self, el: kramdown::Element) -> Option<Inline> {
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
            Kind::SmartQuote => self.smart_quote(&el.value),
            Kind::TypographicSym => self.typographic_symbol(&el.value),
            Kind::Codespan => self.code_span(el, line),
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
            Kind::Footnote => self.footnote_marker(el.value),
            Kind::HtmlElement => return self.inline_html(el, line),
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

    /// A smart quote, as the entity the options name for it.
    pub(super) fn smart_quote(&self, value: &str) -> Inline {
        let index = ["lsquo", "rsquo", "ldquo", "rdquo"]
            .iter()
            .position(|q| *q == value)
            .unwrap_or(0);
        let name = &self.options.smart_quotes[index];
        Inline::text(
            kramdown::entities::named(name).map_or_else(|| format!("&{name};"), String::from),
        )
    }

    /// A typographic symbol (`--`, `...`, `<<`), as the options or kramdown write it.
    pub(super) fn typographic_symbol(&self, value: &str) -> Inline {
        Inline::text(
            match self
                .options
                .typographic_symbols
                .iter()
                .find(|(name, _)| *name == value)
            {
                Some((_, text)) => text.as_str(),
                None => match value {
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
        )
    }

    /// Inline code, marked with its language as Jekyll's highlighter marks it.
    pub(super) fn code_span(&mut self, el: kramdown::Element, line: usize) -> Inline {
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

    /// A footnote's marker, numbered in order of first reference.
    pub(super) fn footnote_marker(&mut self, name: String) -> Inline {
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

    /// HTML written among the text: `<del>` as strikethrough, a link like a Markdown link, any
    /// other element made safe.
    pub(super) fn inline_html(&mut self, el: kramdown::Element, line: usize) -> Option<Inline> {
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
        self.html_element(el).map(Inline::Element)
    }

    pub(super) fn link(
        &mut self,
        line: usize,
        href: String,
        title: Option<String>,
        mut attr: AttrMap,
        content: Vec<Inline>,
    ) -> Option<Inline> {
        // An address written with references (`jav&#97;script:`) reaches here read: its
        // attribute is where it is.
        let at = if self.source.holds(line, &href) {
            self.source.find_next(line, &href)
        } else {
            self.source.find_next(line, "href=")
        };
        // kramdown writes character references as they are (`?a=1&amp;b=2`), which the browser
        // reads; the model holds the address they stand for, checked as such.
        let href = kramdown::entities::decode(&href);
        let title = title.map(|t| kramdown::entities::decode(&t));
        if let Some(refusal) = links::refusal(&href, Use::Link, self.file, at) {
            self.diagnostics.push(refusal);
            return Some(Inline::Element(HtmlElement {
                tag: "span".into(),
                attrs: Attrs::default(),
                content: ElementContent::Inlines(content),
            }));
        }
        self.links.push(LinkRef {
            href: href.clone(),
            at,
            used: Use::Link,
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

    pub(super) fn image(
        &mut self,
        line: usize,
        src: String,
        alt: String,
        title: Option<String>,
        attr: AttrMap,
    ) -> Option<Inline> {
        let at = self.source.find_next(line, &src);
        let src = kramdown::entities::decode(&src);
        let title = title.map(|t| kramdown::entities::decode(&t));
        let data_image = links::is_data_image(&src);
        if let Some(refusal) = links::refusal(&src, Use::Image, self.file, at) {
            self.diagnostics.push(refusal);
            return None;
        }
        if !data_image {
            self.links.push(LinkRef {
                href: src.clone(),
                at,
                used: Use::Image,
            });
        }
        Some(Inline::Image(Image {
            src,
            alt,
            title,
            attrs: self.attrs("img", &attr, line),
        }))
    }
}
