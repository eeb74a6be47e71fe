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

/// kramdown's per-element options that this port needs.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Opts {
    /// Line of the document the element starts on.
    pub location: usize,
    pub ial: Option<Ial>,
    /// Level of a header.
    pub level: u8,
    /// Text of a header for its automatic id.
    pub raw_text: Option<String>,
    /// A paragraph drawn without its `<p>`, as in tight list items.
    pub transparent: bool,
    /// Language of a fenced code block.
    pub lang: Option<String>,
    /// Span rather than block category, for elements that can be either.
    pub span: bool,
    pub content_model: Option<ContentModel>,
    pub is_closed: bool,
    pub alignment: Vec<Alignment>,
    pub eob: Option<EobKind>,
    /// Identity of a definition's end-of-block element, so later attribute lists can reach it.
    pub serial: usize,
    /// How an entity was written.
    pub original: Option<String>,
    /// Output types of a `{::nomarkdown}` block.
    pub raw_type: Vec<String>,
    /// The first marker of a list, for the list of the same kind that follows.
    pub first_as_para: bool,
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
