//! A port of kramdown's parser, the Markdown engine of Jekyll, so that pages written for the old
//! Jekyll site come out the same here.
//!
//! It follows kramdown (and its GFM parser, which Jekyll uses) step by step: the same block and
//! span parsers, tried in the same order, with the same regular expressions, building the same
//! element tree. The tree is turned into the page model by `content::markdown`. Parsing never
//! fails: whatever kramdown would show as text is kept as text, and what an author may want to
//! know about is reported as a `Warning` with its line.

mod blocks;
mod element;
pub mod entities;
mod html;
mod ids;
mod lists;
mod patterns;
pub mod scanner;
mod smart_quotes;
mod spans;
mod table;

use std::collections::HashMap;

pub use element::{Alignment, AttrMap, ContentModel, Element, EobKind, Ial, Kind};
use ids::GfmIds;
pub use ids::KramdownIds;
use scanner::{Re, Scanner};

/// Which dialect the text is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    Kramdown,
    /// kramdown's GFM parser, Jekyll's default.
    Gfm,
}

/// kramdown's options that change what a document parses into.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    pub input: Input,
    pub auto_ids: bool,
    pub auto_id_prefix: String,
    pub auto_id_stripping: bool,
    pub transliterated_header_ids: bool,
    pub header_offset: i32,
    /// GFM: every line break in a paragraph is a `<br>`.
    pub hard_wrap: bool,
    pub gfm_quirks: Vec<String>,
    /// Entity names for ‘ ’ “ ”.
    pub smart_quotes: [String; 4],
    /// Replacements for typographic symbols, by symbol name (`mdash`).
    pub typographic_symbols: Vec<(String, String)>,
    /// Link definitions given from outside the document: id, URL, title.
    pub link_defs: Vec<(String, String, Option<String>)>,
    pub parse_block_html: bool,
    pub parse_span_html: bool,
    pub footnote_nr: u32,
    pub footnote_backlink: String,
    pub footnote_prefix: String,
    /// Whether the converter has a syntax highlighter (Jekyll's rouge), which marks inline code
    /// with its language (`language-plaintext highlighter-rouge`).
    pub syntax_highlighter: bool,
}

impl Options {
    /// kramdown's own defaults, for its own syntax.
    pub fn kramdown() -> Self {
        Self {
            input: Input::Kramdown,
            auto_ids: true,
            auto_id_prefix: String::new(),
            auto_id_stripping: false,
            transliterated_header_ids: false,
            header_offset: 0,
            hard_wrap: true,
            gfm_quirks: vec!["paragraph_end".into()],
            smart_quotes: ["lsquo", "rsquo", "ldquo", "rdquo"].map(String::from),
            typographic_symbols: Vec::new(),
            link_defs: Vec::new(),
            parse_block_html: false,
            parse_span_html: true,
            footnote_nr: 1,
            footnote_backlink: "\u{21a9}".into(),
            footnote_prefix: String::new(),
            syntax_highlighter: false,
        }
    }

    /// The GFM parser's defaults.
    pub fn gfm() -> Self {
        Self {
            input: Input::Gfm,
            ..Self::kramdown()
        }
    }

    /// What Jekyll 4 gives kramdown when a site configures nothing: GFM input without hard wraps.
    pub fn jekyll() -> Self {
        Self {
            hard_wrap: false,
            syntax_highlighter: true,
            ..Self::gfm()
        }
    }

    fn quirk(&self, name: &str) -> bool {
        self.gfm_quirks.iter().any(|q| q == name)
    }
}

/// Something in the text that kramdown passes over silently and an author may want to fix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// Line of the document.
    pub line: usize,
    pub kind: WarningKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WarningKind {
    /// Text in an attribute list that is none of `#id`, `.class`, `key="value"` or a name.
    InvalidAttribute {
        list: String,
        token: String,
    },
    /// An attribute list that uses a name no `{:name: ...}` defines.
    UnknownReference {
        name: String,
        known: Vec<String>,
    },
    /// `{:` with no `}` after it.
    UnclosedAttributeList {
        text: String,
    },
    /// A span attribute list right after plain text, which it cannot apply to.
    AttributeListAfterText {
        text: String,
    },
    /// An HTML element that is never closed.
    NoEndTag {
        tag: String,
    },
    /// An HTML end tag with no element to close.
    StrayEndTag {
        tag: String,
    },
    /// A block-level HTML tag inside a paragraph, kept as text.
    BlockTagInText {
        tag: String,
    },
    DuplicateHtmlAttribute {
        tag: String,
        name: String,
    },
    /// `[text][id]` with no definition of `id`.
    UndefinedLink {
        id: String,
    },
    DuplicateLinkDefinition {
        id: String,
    },
    UndefinedFootnote {
        name: String,
    },
    DuplicateFootnote {
        name: String,
    },
    DuplicateAbbreviation {
        name: String,
    },
    UnreferencedFootnote {
        name: String,
    },
    /// A `{::name}` extension that is unknown or written wrong.
    InvalidExtension {
        text: String,
    },
    UnknownOption {
        name: String,
    },
    /// A block attribute list with no block after it.
    UnusedAttributeList,
    /// Blocks or spans nested deeper than [`MAX_NESTING`] levels; the rest is not parsed.
    TooDeep,
    /// More abbreviations than [`MAX_ABBREVIATIONS`] in one document.
    TooManyAbbreviations,
    /// A text whose spans would take too long to parse (brackets and emphasis marks that never
    /// close, in great numbers); the rest of it is kept as plain text.
    TooComplex,
}

/// How deeply blocks (quotes, lists, definitions, footnotes, HTML elements) and spans (emphasis,
/// links, HTML) may nest. Deeper content is refused with an error instead of being parsed by a
/// recursion that would exhaust the stack, and the later stages (conversion, drawing) can rely on
/// the limit.
pub const MAX_NESTING: usize = 100;

/// How many abbreviations one document may define. Real pages define a handful; finding
/// thousands in the text would make building the page slow (the matcher's construction does not
/// scale to tens of thousands of names).
pub const MAX_ABBREVIATIONS: usize = 1000;

/// How many warnings of one kind a document reports; the rest are counted.
const MAX_WARNINGS_OF_A_KIND: usize = 50;

/// A footnote as the document defines it.
#[derive(Clone, Debug, PartialEq)]
pub struct Footnote {
    pub name: String,
    pub content: Element,
    pub attr: AttrMap,
}

/// A parsed document.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    pub root: Element,
    /// The footnotes that are referenced, by name.
    pub footnotes: Vec<Footnote>,
    pub warnings: Vec<Warning>,
    /// Warnings left out of `warnings` because their kind was reported often enough already,
    /// one of each kind with how many there were.
    pub more_warnings: Vec<(Warning, usize)>,
    /// The options in force at the end, `{::options}` included.
    pub options: Options,
}

/// Parses `text`, whose first line is line `first_line` of its file.
pub fn parse(text: &str, first_line: usize, options: &Options) -> Document {
    let mut parser = Parser::new(options.clone());
    let source = adapt_source(text);
    // Each nested block copies its text; this bounds the copies alive at once, and so the memory
    // a document of any shape takes.
    parser.nested_budget = 16 * source.len() + (1 << 20);
    let mut root = Element::new(Kind::Root).at(first_line);
    let mut src = Scanner::new(source, first_line);
    parser.parse_blocks(&mut root, &mut src);
    parser.collect_eob_ials(&root);
    parser.update_tree(&mut root);
    let mut footnotes = std::mem::take(&mut parser.footnotes);
    for footnote in &mut footnotes {
        parser.update_tree(&mut footnote.content);
    }
    if !parser.abbreviations.is_empty() {
        let defs: Vec<(String, String, AttrMap)> = std::mem::take(&mut parser.abbreviations)
            .into_iter()
            .map(|(name, text, serial, line)| {
                let mut attr = AttrMap::default();
                if let Some(ial) = parser.eob_ials.get(&serial).cloned() {
                    parser.update_attr_with_ial(&mut attr, &ial, line);
                }
                (name, text, attr)
            })
            .collect();
        let abbreviations = Abbreviations::new(defs);
        abbreviations.replace(&mut root);
        for footnote in &mut footnotes {
            abbreviations.replace(&mut footnote.content);
        }
    }
    let mut referenced = Vec::new();
    for footnote in footnotes {
        if footnote.referenced {
            let attr = footnote
                .eob_serial
                .and_then(|serial| parser.eob_ials.get(&serial).cloned())
                .map(|ial| {
                    let mut attr = AttrMap::default();
                    parser.update_attr_with_ial(&mut attr, &ial, footnote.content.opts.location);
                    attr
                })
                .unwrap_or_default();
            referenced.push(Footnote {
                name: footnote.name,
                content: footnote.content,
                attr,
            });
        } else {
            parser.warn(
                footnote.content.opts.location,
                WarningKind::UnreferencedFootnote {
                    name: footnote.name,
                },
            );
        }
    }
    if parser.gfm {
        parser.update_elements(&mut root);
    }
    let mut warnings = parser.warnings;
    warnings.sort_by_key(|w| w.line);
    warnings.dedup();
    let mut more_warnings: Vec<(Warning, usize)> = parser
        .more_warnings
        .into_values()
        .filter(|(_, n)| *n > MAX_WARNINGS_OF_A_KIND)
        .map(|(first, n)| (first, n - MAX_WARNINGS_OF_A_KIND))
        .collect();
    more_warnings.sort_by_key(|(w, _)| w.line);
    Document {
        root,
        footnotes: referenced,
        warnings,
        more_warnings,
        options: parser.options,
    }
}

/// Line ends made `\n`, and a final one added, as kramdown reads every source.
fn adapt_source(text: &str) -> String {
    let mut source = text.replace("\r\n", "\n").replace('\r', "\n");
    if source.ends_with('\n') {
        source.pop();
    }
    source.push('\n');
    source
}

/// A link definition: URL, title, and the end-of-block element an attribute list may follow.
#[derive(Clone, Debug)]
struct LinkDef {
    url: String,
    title: Option<String>,
    serial: Option<usize>,
}

#[derive(Clone, Debug)]
struct FootnoteDef {
    name: String,
    content: Element,
    eob_serial: Option<usize>,
    referenced: bool,
}

/// The parser's state while it reads one document.
struct Parser {
    options: Options,
    gfm: bool,
    alds: HashMap<String, Ial>,
    link_defs: HashMap<String, LinkDef>,
    footnotes: Vec<FootnoteDef>,
    /// Where each footnote is in `footnotes`, by name.
    footnote_index: HashMap<String, usize>,
    /// The names of `abbreviations`.
    abbreviation_names: std::collections::HashSet<String>,
    /// Abbreviations with their expansion, the serial of their end-of-block element, and line.
    abbreviations: Vec<(String, String, usize, usize)>,
    warnings: Vec<Warning>,
    /// An attribute list read before the block it applies to, and its line.
    block_ial: Option<Ial>,
    block_ial_line: usize,
    /// The kinds of the elements the span parser is inside, innermost last, for the checks that
    /// look at what encloses the position (no link inside a link, no emphasis inside the same).
    frames: Vec<Kind>,
    /// The type new text gets: raw (for the span parser later) or final.
    text_type: Kind,
    /// Attribute lists written after definitions, by the serial of their end-of-block element.
    eob_ials: HashMap<usize, Ial>,
    next_serial: usize,
    gfm_ids: GfmIds,
    /// How many block containers enclose the text being parsed.
    depth: usize,
    /// Bytes of nested block text alive at once, and the most allowed (see `parse`).
    nested_bytes: usize,
    nested_budget: usize,
    too_deep_reported: bool,
    /// What the span parser may still spend on the text it is parsing, and what it has learnt.
    spans: spans::Budget,
    /// Fence searches that found no closing line, by scanner, fence character and dialect: the
    /// position they started from and the shortest fence that found nothing.
    fence_searches: HashMap<(usize, usize), (usize, usize)>,
    /// Searches that found nothing, by scanner and pattern: the position they started from.
    no_match_from: HashMap<(usize, usize), usize>,
    /// The span parsers in force for this document (see `span_parsers`).
    default_spans: std::rc::Rc<[spans::SpanParser]>,
    /// The pattern that finds the next span start, by parsers and stop pattern.
    span_patterns: HashMap<(u32, usize), std::sync::Arc<Re>>,
    /// Warnings by kind: the first one beyond [`MAX_WARNINGS_OF_A_KIND`], and how many of the
    /// kind there were.
    more_warnings: HashMap<std::mem::Discriminant<WarningKind>, (Warning, usize)>,
}

impl Parser {
    fn new(options: Options) -> Self {
        let mut parser = Self::with_options(options);
        parser.default_spans = parser.span_parsers().into();
        parser
    }

    fn with_options(options: Options) -> Self {
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
            spans: spans::Budget::default(),
            default_spans: std::rc::Rc::new([]),
            span_patterns: HashMap::new(),
            no_match_from: HashMap::new(),
            fence_searches: HashMap::new(),
            more_warnings: HashMap::new(),
        }
    }

    /// Notes a warning. A document full of one mistake (`{:` repeated thousands of times) gets
    /// the first few reported and the rest counted, so that its messages stay readable and small.
    fn warn(&mut self, line: usize, kind: WarningKind) {
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
    fn skip_to_remembered(&mut self, src: &mut Scanner, re: &Re) -> Option<String> {
        self.search_remembered(src, re, Scanner::skip_to)
    }

    /// `src.scan_until(re)`, remembering where a search found nothing (see above).
    fn scan_until_remembered(&mut self, src: &mut Scanner, re: &Re) -> Option<String> {
        self.search_remembered(src, re, Scanner::scan_until)
    }

    fn search_remembered(
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
    fn too_deep(&mut self, line: usize) {
        if !self.too_deep_reported {
            self.too_deep_reported = true;
            self.warn(line, WarningKind::TooDeep);
        }
    }

    /// A new block element, taking the attribute list written before it, if any.
    fn new_block_el(&mut self, kind: Kind, location: usize) -> Element {
        let mut el = Element::new(kind).at(location);
        el.opts.ial = self.block_ial.take().map(Box::new);
        el
    }

    fn serial(&mut self) -> usize {
        self.next_serial += 1;
        self.next_serial
    }

    /// Remembers the attribute lists of definitions' end-of-block elements, which links and
    /// footnotes that use the definitions take their attributes from.
    fn collect_eob_ials(&mut self, el: &Element) {
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
    fn update_tree(&mut self, element: &mut Element) {
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
                    self.parse_spans(&mut child, &mut src, spans::Stop::None, None);
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
    fn raw_text(&self, el: &Element) -> String {
        let mut out = String::new();
        self.append_raw_text(el, &mut out);
        out
    }

    fn append_raw_text(&self, el: &Element, out: &mut String) {
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
    fn update_attr_with_ial(&mut self, attr: &mut AttrMap, ial: &Ial, line: usize) {
        self.apply_ial(attr, ial, line, 0);
    }

    fn apply_ial(&mut self, attr: &mut AttrMap, ial: &Ial, line: usize, depth: usize) {
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
    fn parse_attribute_list(&mut self, text: &str, ial: &mut Ial, line: usize) {
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
    fn update_elements(&mut self, element: &mut Element) {
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

/// Where the abbreviations of a document occur in its text, to mark them up.
struct Abbreviations {
    /// Every abbreviation, the longest matching first so that `SCCs` wins over `SCC`: what
    /// kramdown's alternation of them, longest first, finds. An automaton rather than that
    /// regular expression, which took seconds to compile for thousands of abbreviations.
    any: aho_corasick::AhoCorasick,
    /// Expansion and attributes, by abbreviation.
    defs: HashMap<String, (String, AttrMap)>,
}

impl Abbreviations {
    fn new(defs: Vec<(String, String, AttrMap)>) -> Self {
        let names: Vec<&str> = defs.iter().map(|(name, _, _)| name.as_str()).collect();
        let any = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(&names)
            .expect("abbreviations are short literal texts");
        let defs = defs
            .into_iter()
            .map(|(name, text, attr)| (name, (text, attr)))
            .collect();
        Self { any, defs }
    }

    /// Replaces, in the text of `el` and its descendants, each abbreviation that stands as a word
    /// of its own with an abbreviation element.
    fn replace(&self, el: &mut Element) {
        let raw = el.opts.content_model == Some(ContentModel::Raw);
        let mut out = Vec::with_capacity(el.children.len());
        for mut child in std::mem::take(&mut el.children) {
            if child.kind != Kind::Text || raw {
                self.replace(&mut child);
                out.push(child);
                continue;
            }
            let text = child.value;
            let mut last = 0;
            for found in self.any.find_iter(&text) {
                let range = found.range();
                let word_before = text[..range.start]
                    .chars()
                    .next_back()
                    .is_some_and(is_word_char);
                let word_after = text[range.end..].chars().next().is_some_and(is_word_char);
                if range.start < last || word_before || word_after {
                    continue;
                }
                if range.start > last {
                    out.push(
                        Element::with_value(Kind::Text, &text[last..range.start])
                            .at(child.opts.location),
                    );
                }
                let name = &text[range.clone()];
                let mut abbr =
                    Element::with_value(Kind::Abbreviation, name).at(child.opts.location);
                if let Some((title, attr)) = self.defs.get(name) {
                    abbr.attr = attr.clone();
                    if !title.is_empty() {
                        abbr.attr.set("title", title.clone());
                    }
                }
                out.push(abbr);
                last = range.end;
            }
            if last < text.len() {
                out.push(Element::with_value(Kind::Text, &text[last..]).at(child.opts.location));
            }
        }
        el.children = out;
    }
}

/// Ruby's `\w`: ASCII letters, digits and `_`.
fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Adds `text` to the last child of `tree` if that is text of the same type, or as a new child.
fn add_text(tree: &mut Element, text: &str, kind: Kind) {
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
fn normalize_link_id(id: &str) -> String {
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
