//! The parser's state while it reads one document, and what every part of it shares: warnings,
//! attribute lists, the span parser's pass over the blocks' text, GFM's ids and line breaks.
//! The block and span parsers (`blocks`, `lists`, `table`, `html`, `spans`) each add their
//! methods, as kramdown's parser is one class written in many files.

use std::collections::HashMap;

use super::element::{AttrMap, Element, Ial, Kind};
use super::entities;
use super::ids::GfmIds;
use super::options::{Input, Options};
use super::patterns;
use super::scanner::{Re, Scanner};
use super::span_state::{Budget, SpanParser, Stop};
use super::warnings::{MAX_WARNINGS_OF_A_KIND, Warning, WarningKind};

/// A link definition: URL, title, and the end-of-block element an attribute list may follow.
#[derive(Clone, Debug)]
pub(super) struct LinkDef {
    pub(super) url: String,
    pub(super) title: Option<String>,
    pub(super) serial: Option<usize>,
}

#[derive(Clone, Debug)]
pub(super) struct FootnoteDef {
    pub(super) name: String,
    pub(super) content: Element,
    pub(super) eob_serial: Option<usize>,
    pub(super) referenced: bool,
}

/// The parser's state while it reads one document.
pub(super) struct Parser {
    pub(super) options: Options,
    pub(super) gfm: bool,
    pub(super) alds: HashMap<String, Ial>,
    pub(super) link_defs: HashMap<String, LinkDef>,
    pub(super) footnotes: Vec<FootnoteDef>,
    /// Where each footnote is in `footnotes`, by name.
    pub(super) footnote_index: HashMap<String, usize>,
    /// The names of `abbreviations`.
    pub(super) abbreviation_names: std::collections::HashSet<String>,
    /// Abbreviations with their expansion, the serial of their end-of-block element, and line.
    pub(super) abbreviations: Vec<(String, String, usize, usize)>,
    pub(super) warnings: Vec<Warning>,
    /// An attribute list read before the block it applies to, and its line.
    pub(super) block_ial: Option<Ial>,
    pub(super) block_ial_line: usize,
    /// The kinds of the elements the span parser is inside, innermost last, for the checks that
    /// look at what encloses the position (no link inside a link, no emphasis inside the same).
    pub(super) frames: Vec<Kind>,
    /// The type new text gets: raw (for the span parser later) or final.
    pub(super) text_type: Kind,
    /// Attribute lists written after definitions, by the serial of their end-of-block element.
    pub(super) eob_ials: HashMap<usize, Ial>,
    pub(super) next_serial: usize,
    pub(super) gfm_ids: GfmIds,
    /// How many block containers enclose the text being parsed.
    pub(super) depth: usize,
    /// Bytes of nested block text alive at once, and the most allowed (see `parse`).
    pub(super) nested_bytes: usize,
    pub(super) nested_budget: usize,
    pub(super) too_deep_reported: bool,
    /// What the span parser may still spend on the text it is parsing, and what it has learnt.
    pub(super) spans: Budget,
    /// Fence searches that found no closing line, by scanner, fence character and dialect: the
    /// position they started from and the shortest fence that found nothing.
    pub(super) fence_searches: HashMap<(usize, usize), (usize, usize)>,
    /// Searches that found nothing, by scanner and pattern: the position they started from.
    pub(super) no_match_from: HashMap<(usize, usize), usize>,
    /// The span parsers in force for this document (see `span_parsers`).
    pub(super) default_spans: std::rc::Rc<[SpanParser]>,
    /// The pattern that finds the next span start, by parsers and stop pattern.
    pub(super) span_patterns: HashMap<(u32, usize), std::sync::Arc<Re>>,
    /// Warnings by kind: the first one beyond [`MAX_WARNINGS_OF_A_KIND`], and how many of the
    /// kind there were.
    pub(super) more_warnings: HashMap<std::mem::Discriminant<WarningKind>, (Warning, usize)>,
}

impl Parser {
    pub(super) fn new(options: Options) -> Self {
        let mut parser = Self::with_options(options);
        parser.default_spans = parser.span_parsers().into();
        parser
    }

    pub(super) fn with_options(options: Options) -> Self {
        let mut link_defs = HashMap::new();
        for (id, url, title) in &options.link_defs {
            link_defs.insert(
                normalize_link_id(id),
                LinkDef {
                    url: url.clone(),
                    title: title.clone(),
                    serial: None,
                },
            );
        }
        Self {
            gfm: options.input == Input::Gfm,
            options,
            alds: HashMap::new(),
            link_defs,
            footnotes: Vec::new(),
            footnote_index: HashMap::new(),
            abbreviation_names: Default::default(),
            abbreviations: Vec::new(),
            warnings: Vec::new(),
            block_ial: None,
            block_ial_line: 0,
            frames: Vec::new(),
            text_type: Kind::RawText,
            eob_ials: HashMap::new(),
            next_serial: 1,
            gfm_ids: GfmIds::default(),
            depth: 0,
            nested_bytes: 0,
            nested_budget: usize::MAX,
            too_deep_reported: false,
            spans: Budget::default(),
            default_spans: std::rc::Rc::new([]),
            span_patterns: HashMap::new(),
            no_match_from: HashMap::new(),
            fence_searches: HashMap::new(),
            more_warnings: HashMap::new(),
        }
    }

    /// Notes a warning. A document full of one mistake (`{:` repeated thousands of times) gets
    /// the first few reported and the rest counted, so that its messages stay readable and small.
    pub(super) fn warn(&mut self, line: usize, kind: WarningKind) {
        let warning = Warning { line, kind };
        let (first, count) = self
            .more_warnings
            .entry(std::mem::discriminant(&warning.kind))
            .or_insert_with(|| (warning.clone(), 0));
        *count += 1;
        if *count <= MAX_WARNINGS_OF_A_KIND {
            self.warnings.push(warning);
        } else if *count == MAX_WARNINGS_OF_A_KIND + 1 {
            *first = warning;
        }
    }

    /// `src.skip_to(re)`, remembering where a search found nothing: a search from there on or
    /// later gives up at once. (An unclosed `{::comment}` or code span repeated throughout a
    /// long text would otherwise search to the end at each one.)
    pub(super) fn skip_to_remembered(&mut self, src: &mut Scanner, re: &Re) -> Option<String> {
        self.search_remembered(src, re, Scanner::skip_to)
    }

    /// `src.scan_until(re)`, remembering where a search found nothing (see above).
    pub(super) fn scan_until_remembered(&mut self, src: &mut Scanner, re: &Re) -> Option<String> {
        self.search_remembered(src, re, Scanner::scan_until)
    }

    pub(super) fn search_remembered(
        &mut self,
        src: &mut Scanner,
        re: &Re,
        search: fn(&mut Scanner, &Re) -> Option<String>,
    ) -> Option<String> {
        let key = (src.id(), re as *const Re as usize);
        if self
            .no_match_from
            .get(&key)
            .is_some_and(|&from| src.pos() >= from)
        {
            return None;
        }
        let from = src.pos();
        let found = search(src, re);
        if found.is_none() {
            let least = self.no_match_from.entry(key).or_insert(from);
            *least = (*least).min(from);
        }
        found
    }

    /// Notes, once per document, that content is nested too deeply to be parsed.
    pub(super) fn too_deep(&mut self, line: usize) {
        if !self.too_deep_reported {
            self.too_deep_reported = true;
            self.warn(line, WarningKind::TooDeep);
        }
    }

    /// A new block element, taking the attribute list written before it, if any.
    pub(super) fn new_block_el(&mut self, kind: Kind, location: usize) -> Element {
        let mut el = Element::new(kind).at(location);
        el.opts.ial = self.block_ial.take().map(Box::new);
        el
    }

    pub(super) fn serial(&mut self) -> usize {
        self.next_serial += 1;
        self.next_serial
    }

    /// Remembers the attribute lists of definitions' end-of-block elements, which links and
    /// footnotes that use the definitions take their attributes from.
    pub(super) fn collect_eob_ials(&mut self, el: &Element) {
        for child in &el.children {
            if child.kind == Kind::Eob
                && child.opts.serial != 0
                && let Some(ial) = &child.opts.ial
            {
                self.eob_ials.insert(child.opts.serial, (**ial).clone());
            }
            self.collect_eob_ials(child);
        }
    }

    /// Parses the raw text of every element with the span parser, applies attribute lists and
    /// drops the elements that only mattered while parsing blocks.
    pub(super) fn update_tree(&mut self, element: &mut Element) {
        let mut out: Vec<Element> = Vec::with_capacity(element.children.len());
        let mut last_blank: Option<usize> = None;
        for mut child in std::mem::take(&mut element.children) {
            match child.kind {
                Kind::RawText => {
                    last_blank = None;
                    let mut src =
                        Scanner::new(std::mem::take(&mut child.value), element.opts.location);
                    self.frames.clear();
                    self.text_type = Kind::Text;
                    self.parse_spans(&mut child, &mut src, Stop::None, None);
                    self.text_type = Kind::RawText;
                    out.append(&mut child.children);
                }
                Kind::Eob => {}
                Kind::Blank => match last_blank {
                    Some(i) => {
                        out[i].value.push_str(&child.value);
                        // An attribute list that a blank line took is kept for the warning
                        // that it applies to nothing.
                        if child.opts.ial.is_some() {
                            out[i].opts.ial = child.opts.ial;
                            out[i].opts.location = child.opts.location;
                        }
                    }
                    None => {
                        last_blank = Some(out.len());
                        out.push(child);
                    }
                },
                _ => {
                    last_blank = None;
                    self.update_tree(&mut child);
                    if let Some(ial) = child.opts.ial.clone() {
                        let line = child.opts.location;
                        self.update_attr_with_ial(&mut child.attr, &ial, line);
                    }
                    let strip_ids = self.gfm || self.options.auto_id_stripping;
                    if child.kind == Kind::Dt || (child.kind == Kind::Header && strip_ids) {
                        let text = self.raw_text(&child);
                        child.opts.set_raw_text(text);
                    }
                    out.push(child);
                }
            }
        }
        element.children = out;
    }

    /// The text of an element for its automatic id.
    pub(super) fn raw_text(&self, el: &Element) -> String {
        let mut out = String::new();
        self.append_raw_text(el, &mut out);
        out
    }

    pub(super) fn append_raw_text(&self, el: &Element, out: &mut String) {
        match el.kind {
            Kind::Text => out.push_str(&el.value),
            Kind::Codespan | Kind::Math if self.gfm => out.push_str(&el.value),
            Kind::Entity if self.gfm => out.push_str(&el.value),
            Kind::SmartQuote if self.gfm => {
                out.extend(entities::named(&el.value));
            }
            Kind::TypographicSym if self.gfm => out.push_str(match el.value.as_str() {
                // kramdown's GFM ids take these without their space.
                "laquo_space" | "laquo" => "«",
                "raquo_space" | "raquo" => "»",
                "mdash" => "—",
                "ndash" => "–",
                "hellip" => "…",
                _ => "",
            }),
            _ => {
                for child in &el.children {
                    self.append_raw_text(child, out);
                }
            }
        }
    }

    /// Sets the attributes `ial` holds on `attr`, those of the definitions it names first.
    pub(super) fn update_attr_with_ial(&mut self, attr: &mut AttrMap, ial: &Ial, line: usize) {
        self.apply_ial(attr, ial, line, 0);
    }

    pub(super) fn apply_ial(&mut self, attr: &mut AttrMap, ial: &Ial, line: usize, depth: usize) {
        // Names kramdown's converter gives a meaning of its own.
        const SPECIAL: &[&str] = &["standalone", "toc", "footnotes"];
        for name in &ial.refs {
            match self.alds.get(name).cloned() {
                // A definition that names itself, directly or not, is applied once.
                Some(ald) if depth < 8 => self.apply_ial(attr, &ald, line, depth + 1),
                Some(_) => {}
                None if SPECIAL.contains(&name.as_str()) || name.starts_with("auto_ids") => {}
                None => {
                    let mut known: Vec<String> = self.alds.keys().cloned().collect();
                    known.sort();
                    self.warn(
                        line,
                        WarningKind::UnknownReference {
                            name: name.clone(),
                            known,
                        },
                    );
                }
            }
        }
        for (key, value) in &ial.attrs.0 {
            if key == "class" {
                attr.add_class(value);
            } else {
                attr.set(key, value.clone());
            }
        }
    }

    /// Reads the attribute list `text` (what is between `{:` and `}`) into `ial`.
    pub(super) fn parse_attribute_list(&mut self, text: &str, ial: &mut Ial, line: usize) {
        let trimmed = text.trim();
        if trimmed.is_empty() || trimmed == ":" {
            return;
        }
        let mut covered = vec![false; text.len()];
        for caps in patterns::ald_type_any().captures_all(text) {
            covered[caps.range(0)].fill(true);
            if let Some(name) = caps.get(4) {
                ial.refs.push(name.to_owned());
            } else if let Some(ids_and_classes) = caps.get(5) {
                for part in patterns::ald_type_id_or_class().captures_all(ids_and_classes) {
                    match (part.get(1), part.get(2)) {
                        (_, Some(class)) => ial.attrs.add_class(class),
                        (Some(id), None) => ial.attrs.set("id", id),
                        (None, None) => {}
                    }
                }
            } else if let (Some(key), Some(quote), Some(value)) =
                (caps.get(1), caps.get(2), caps.get(3))
            {
                let value = value
                    .replace("\\}", "}")
                    .replace(&format!("\\{quote}"), quote);
                ial.attrs.set(key, value);
            }
        }
        for token in token_ranges(text).filter(|r| covered[r.clone()].iter().any(|c| !c)) {
            self.warn(
                line,
                WarningKind::InvalidAttribute {
                    list: text.to_owned(),
                    token: text[token].to_owned(),
                },
            );
        }
    }

    /// GFM's last pass: line breaks from hard wraps, and header ids.
    pub(super) fn update_elements(&mut self, element: &mut Element) {
        let hard_line_break = if self.options.hard_wrap { "\n" } else { "\\\n" };
        let block = element.is_block();
        let count = element.children.len();
        let mut out = Vec::with_capacity(count);
        for (i, mut child) in std::mem::take(&mut element.children)
            .into_iter()
            .enumerate()
        {
            if child.kind == Kind::Text && child.value.contains(hard_line_break) {
                let lines: Vec<&str> = child.value.split(hard_line_break).collect();
                let omit_trailing_br =
                    lines.last().is_some_and(|l| l.is_empty()) && block && i + 1 == count;
                for (index, line) in lines.iter().enumerate() {
                    let location = child.opts.location + index;
                    let text = if index > 0 {
                        format!("\n{line}")
                    } else {
                        (*line).to_owned()
                    };
                    out.push(Element::with_value(Kind::Text, text).at(location));
                    if index + 2 < lines.len() || (index + 2 == lines.len() && !omit_trailing_br) {
                        out.push(Element::new(Kind::Br).at(location));
                    }
                }
            } else if child.kind == Kind::HtmlElement {
                out.push(child);
            } else if child.kind == Kind::Header
                && self.options.auto_ids
                && child.attr.get("id").is_none()
            {
                let text = child.opts.raw_text().unwrap_or_default().to_owned();
                let id = self.gfm_ids.generate(&text, &self.options.auto_id_prefix);
                child.attr.set("id", id);
                out.push(child);
            } else {
                self.update_elements(&mut child);
                out.push(child);
            }
        }
        element.children = out;
    }
}

/// Adds `text` to the last child of `tree` if that is text of the same type, or as a new child.
pub(super) fn add_text(tree: &mut Element, text: &str, kind: Kind) {
    if let Some(last) = tree.children.last_mut()
        && last.kind == kind
    {
        last.value.push_str(text);
        return;
    }
    if !text.is_empty() {
        let location = tree
            .children
            .last()
            .map_or(tree.opts.location, |l| l.opts.location);
        let location = if location == 0 {
            tree.opts.location
        } else {
            location
        };
        tree.children
            .push(Element::with_value(kind, text).at(location));
    }
}

/// kramdown's link id normal form: runs of white space made one space, lower case.
pub(super) fn normalize_link_id(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    let mut in_space = false;
    for c in id.chars() {
        if c.is_ascii_whitespace() || c == '\x0B' {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.push(c);
            in_space = false;
        }
    }
    out.to_lowercase()
}

/// The byte ranges of the white-space separated words of `text`.
fn token_ranges(text: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        let rest = &text[at..];
        let start = at + (rest.len() - rest.trim_start().len());
        if start >= text.len() {
            return None;
        }
        let word = &text[start..];
        let end = start + word.find(char::is_whitespace).unwrap_or(word.len());
        at = end;
        Some(start..end)
    })
}
