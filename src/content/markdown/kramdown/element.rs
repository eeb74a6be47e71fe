//! The element tree kramdown parses a document into, before it becomes the page model.
//!
//! It keeps kramdown's own shape (an element kind, a value, attributes, children and a bag of
//! options) so that the parser can follow kramdown's algorithms step by step.

/// What an element is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Root,
    Blank,
    /// Text whose spans are parsed already.
    Text,
    /// Text waiting for the span parser.
    RawText,
    P,
    Header,
    Blockquote,
    Codeblock,
    Hr,
    Ul,
    Ol,
    Li,
    Dl,
    Dt,
    Dd,
    Table,
    Thead,
    Tbody,
    Tfoot,
    Tr,
    Td,
    /// End of block: a boundary that renders as nothing (after definitions, `^` lines).
    Eob,
    /// An HTML element written in the Markdown; its tag name is the value.
    HtmlElement,
    XmlComment,
    XmlPi,
    /// A `{::comment}` extension.
    Comment,
    /// A `{::nomarkdown}` extension: content passed through as HTML.
    Raw,
    Br,
    A,
    Img,
    Codespan,
    Em,
    Strong,
    /// A character written as an HTML entity; the character is the value.
    Entity,
    /// A typographic quote; the value is its entity name (`ldquo`).
    SmartQuote,
    /// `--`, `---`, `...`, `<<`, `>>`; the value is the symbol's name (`mdash`).
    TypographicSym,
    Math,
    /// A footnote marker; the footnote's name is the value.
    Footnote,
    /// An abbreviation defined with `*[SCC]: Specify Collections Consortium`; the abbreviation
    /// is the value.
    Abbreviation,
    /// A container used while parsing, never left in the tree.
    Temp,
}

/// How the content of an HTML element is parsed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContentModel {
    Raw,
    Span,
    Block,
}

/// Column alignment of a table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Alignment {
    Default,
    Left,
    Center,
    Right,
}

/// What an end-of-block element stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EobKind {
    /// A `^` line.
    Marker,
    Ald,
    Ial,
    LinkDef,
    FootnoteDef,
    AbbrevDef,
    Extension,
}

/// Attributes in the order they were set; setting one again keeps its place, as Ruby's hashes do.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AttrMap(pub Vec<(String, String)>);

impl AttrMap {
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    pub fn set(&mut self, key: &str, value: impl Into<String>) {
        let value = value.into();
        match self.0.iter_mut().find(|(k, _)| k == key) {
            Some(slot) => slot.1 = value,
            None => self.0.push((key.to_owned(), value)),
        }
    }

    pub fn remove(&mut self, key: &str) -> Option<String> {
        let i = self.0.iter().position(|(k, _)| k == key)?;
        Some(self.0.remove(i).1)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Adds `class` to the class attribute, after the classes already there.
    pub fn add_class(&mut self, class: &str) {
        let joined = format!("{} {class}", self.get("class").unwrap_or(""));
        self.set("class", joined.trim_start());
    }
}

/// An inline attribute list as parsed: the names of definitions it refers to, and attributes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ial {
    pub refs: Vec<String>,
    pub attrs: AttrMap,
}

impl Ial {
    /// Adds `other` on top: references accumulate, classes accumulate, other values replace.
    pub fn update(&mut self, other: &Ial) {
        self.refs.extend(other.refs.iter().cloned());
        for (key, value) in &other.attrs.0 {
            if key == "class" {
                self.attrs.add_class(value);
            } else {
                self.attrs.set(key, value.clone());
            }
        }
    }
}

/// kramdown's per-element options that this port needs. What few elements use is kept apart
/// (`extra`), so that an element stays small: a text can hold an element per character or two
/// (quotes, entities), and the tree's size is the compiler's memory.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Opts {
    /// Line of the document the element starts on.
    pub location: usize,
    pub ial: Option<Box<Ial>>,
    /// Identity of a definition's end-of-block element, so later attribute lists can reach it.
    pub serial: usize,
    /// Level of a header.
    pub level: u8,
    /// A paragraph drawn without its `<p>`, as in tight list items.
    pub transparent: bool,
    /// Span rather than block category, for elements that can be either.
    pub span: bool,
    pub is_closed: bool,
    /// The first marker of a list, for the list of the same kind that follows.
    pub first_as_para: bool,
    pub content_model: Option<ContentModel>,
    pub eob: Option<EobKind>,
    extra: Option<Box<Extra>>,
}

/// Options only some elements have.
#[derive(Clone, Debug, Default, PartialEq)]
struct Extra {
    raw_text: Option<String>,
    lang: Option<String>,
    alignment: Vec<Alignment>,
    original: Option<String>,
    raw_type: Vec<String>,
}

impl Opts {
    fn extra(&mut self) -> &mut Extra {
        self.extra.get_or_insert_with(Default::default)
    }

    /// Text of a header (or definition term) for its automatic id.
    pub fn raw_text(&self) -> Option<&str> {
        self.extra.as_ref()?.raw_text.as_deref()
    }

    pub fn set_raw_text(&mut self, text: String) {
        self.extra().raw_text = Some(text);
    }

    /// Language of a fenced code block.
    pub fn lang(&self) -> Option<&str> {
        self.extra.as_ref()?.lang.as_deref()
    }

    pub fn set_lang(&mut self, lang: String) {
        self.extra().lang = Some(lang);
    }

    /// Column alignment of a table.
    pub fn alignment(&self) -> &[Alignment] {
        self.extra.as_ref().map_or(&[], |e| &e.alignment)
    }

    pub fn set_alignment(&mut self, alignment: Vec<Alignment>) {
        self.extra().alignment = alignment;
    }

    /// How an entity was written.
    pub fn original(&self) -> Option<&str> {
        self.extra.as_ref()?.original.as_deref()
    }

    pub fn set_original(&mut self, original: String) {
        self.extra().original = Some(original);
    }

    /// Output types of a `{::nomarkdown}` block.
    pub fn raw_type(&self) -> &[String] {
        self.extra.as_ref().map_or(&[], |e| &e.raw_type)
    }

    pub fn set_raw_type(&mut self, raw_type: Vec<String>) {
        self.extra().raw_type = raw_type;
    }
}

/// One element of the tree.
#[derive(Clone, Debug, PartialEq)]
pub struct Element {
    pub kind: Kind,
    pub value: String,
    pub attr: AttrMap,
    pub children: Vec<Element>,
    pub opts: Opts,
}

impl Element {
    pub fn new(kind: Kind) -> Self {
        Self {
            kind,
            value: String::new(),
            attr: AttrMap::default(),
            children: Vec::new(),
            opts: Opts::default(),
        }
    }

    pub fn with_value(kind: Kind, value: impl Into<String>) -> Self {
        let mut el = Self::new(kind);
        el.value = value.into();
        el
    }

    pub fn at(mut self, location: usize) -> Self {
        self.opts.location = location;
        self
    }

    /// Whether the element is block-level, as kramdown's `Element.category` decides.
    pub fn is_block(&self) -> bool {
        match self.kind {
            Kind::HtmlElement
            | Kind::Math
            | Kind::Comment
            | Kind::Raw
            | Kind::XmlComment
            | Kind::XmlPi => !self.opts.span,
            Kind::Blank
            | Kind::P
            | Kind::Header
            | Kind::Blockquote
            | Kind::Codeblock
            | Kind::Hr
            | Kind::Ul
            | Kind::Ol
            | Kind::Li
            | Kind::Dl
            | Kind::Dt
            | Kind::Dd
            | Kind::Table
            | Kind::Thead
            | Kind::Tbody
            | Kind::Tfoot
            | Kind::Tr
            | Kind::Td
            | Kind::Root => true,
            _ => false,
        }
    }
}
