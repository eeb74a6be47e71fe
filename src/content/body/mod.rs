//! A page's body as the content compiler produces it and the build step draws it: sections of
//! blocks (paragraphs, lists, tables, button rows, HTML) made of inline content (text, emphasis,
//! links, images).
//!
//! It exists only at build time: the browser receives each body drawn to HTML already
//! (`crate::build::page_body`). [`visit`] walks it; [`text`] reads its visible text.

pub mod blocks;
pub mod text;
pub mod visit;

/// A part of a page opened by a level-2 heading, or the blocks before the first one.
#[derive(Clone, Debug, PartialEq, Hash)]
pub struct Section {
    pub heading: Option<Heading>,
    pub blocks: Vec<Block>,
}

/// A heading of any level; its id is in `attrs`.
#[derive(Clone, Debug, PartialEq, Hash)]
pub struct Heading {
    pub level: u8,
    pub attrs: Attrs,
    pub content: Vec<Inline>,
}

/// Block-level content.
#[derive(Clone, Debug, PartialEq, Hash)]
pub enum Block {
    Heading(Heading),
    Paragraph {
        attrs: Attrs,
        content: Vec<Inline>,
    },
    /// Inline content that is not wrapped in a paragraph: the text of a tight list item.
    Plain {
        content: Vec<Inline>,
    },
    List(List),
    Table(Table),
    Rule {
        attrs: Attrs,
    },
    ButtonRow(ButtonRow),
    Code {
        attrs: Attrs,
        lang: Option<String>,
        text: String,
    },
    Quote {
        attrs: Attrs,
        blocks: Vec<Block>,
    },
    /// An HTML element written in the Markdown (sanitised), or one kramdown makes (`figure`).
    Element(HtmlElement),
}

/// An element with a tag known only from the content.
#[derive(Clone, Debug, PartialEq, Hash)]
pub struct HtmlElement {
    pub tag: String,
    pub attrs: Attrs,
    pub content: ElementContent,
}

#[derive(Clone, Debug, PartialEq, Hash)]
pub enum ElementContent {
    Blocks(Vec<Block>),
    Inlines(Vec<Inline>),
}

/// A bulleted or numbered list.
#[derive(Clone, Debug, PartialEq, Hash)]
pub struct List {
    pub attrs: Attrs,
    /// `Some(first number)` for a numbered list.
    pub start: Option<u64>,
    pub items: Vec<ListItem>,
}

#[derive(Clone, Debug, PartialEq, Hash)]
pub struct ListItem {
    pub attrs: Attrs,
    pub blocks: Vec<Block>,
}

/// A table: header rows, groups of body rows, footer rows, and a per-column alignment.
#[derive(Clone, Debug, PartialEq, Hash)]
pub struct Table {
    pub attrs: Attrs,
    pub align: Vec<Align>,
    pub head: Vec<TableRow>,
    /// Each group is a `<tbody>`; a separator line in the Markdown starts a new one.
    pub bodies: Vec<Vec<TableRow>>,
    pub foot: Vec<TableRow>,
}

/// The cells of a table row.
pub type TableRow = Vec<Vec<Inline>>;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Align {
    #[default]
    Default,
    Left,
    Center,
    Right,
}

impl Align {
    /// The inline style kramdown writes on every cell of an aligned column.
    pub fn style(self) -> Option<&'static str> {
        match self {
            Align::Default => None,
            Align::Left => Some("text-align: left"),
            Align::Center => Some("text-align: center"),
            Align::Right => Some("text-align: right"),
        }
    }
}

/// A paragraph made only of links marked with the class `button`: calls to action.
#[derive(Clone, Debug, PartialEq, Hash)]
pub struct ButtonRow {
    pub buttons: Vec<Link>,
}

/// Inline content.
#[derive(Clone, Debug, PartialEq, Hash)]
pub enum Inline {
    Text {
        text: String,
    },
    Emphasis {
        attrs: Attrs,
        content: Vec<Inline>,
    },
    Strong {
        attrs: Attrs,
        content: Vec<Inline>,
    },
    Strikethrough {
        content: Vec<Inline>,
    },
    Code {
        attrs: Attrs,
        text: String,
    },
    Link(Link),
    Image(Image),
    LineBreak,
    /// An HTML element written in the Markdown (sanitised), or one kramdown makes (`sup`).
    Element(HtmlElement),
}

impl Inline {
    pub fn text(text: impl Into<String>) -> Self {
        Inline::Text { text: text.into() }
    }
}

/// A hyperlink.
#[derive(Clone, Debug, PartialEq, Hash)]
pub struct Link {
    /// The target exactly as the author wrote it.
    pub href: String,
    /// Where the target lives, decided and checked at build time.
    pub target: LinkTarget,
    pub title: Option<String>,
    pub attrs: Attrs,
    pub content: Vec<Inline>,
}

impl Link {
    /// A button link marked `is-primary` is the row's main call to action.
    pub fn is_primary(&self) -> bool {
        self.attrs.has_class("is-primary")
    }
}

/// What kind of place a link goes to, which decides how the app follows it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum LinkTarget {
    /// A page of this site: followed by the client-side router.
    Page,
    /// A file of this site (a PDF, an image): loaded by the browser.
    File,
    /// Another site, `mailto:` and the like.
    #[default]
    External,
    /// An anchor on the same page (`#our-mission`).
    Anchor,
}

/// An image.
#[derive(Clone, Debug, PartialEq, Hash)]
pub struct Image {
    pub src: String,
    pub alt: String,
    pub title: Option<String>,
    pub attrs: Attrs,
}

/// HTML attributes set in the Markdown with a kramdown attribute list (`{: #id .class key="v"}`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Attrs {
    pub id: Option<String>,
    pub classes: Vec<String>,
    pub other: Vec<(String, String)>,
}

impl Attrs {
    pub fn is_empty(&self) -> bool {
        self.id.is_none() && self.classes.is_empty() && self.other.is_empty()
    }

    pub fn has_class(&self, class: &str) -> bool {
        self.classes.iter().any(|c| c == class)
    }

    /// The `class` attribute value, if any class is set.
    pub fn class_attr(&self) -> Option<String> {
        (!self.classes.is_empty()).then(|| self.classes.join(" "))
    }

    /// Adds `other` on top of these attributes, the way a later attribute list overrides an
    /// earlier one: the id and key-value pairs are replaced, classes accumulate.
    pub fn merge(&mut self, other: Attrs) {
        if other.id.is_some() {
            self.id = other.id;
        }
        for class in other.classes {
            if !self.has_class(&class) {
                self.classes.push(class);
            }
        }
        for (key, value) in other.other {
            match self.other.iter_mut().find(|(k, _)| *k == key) {
                Some(slot) => slot.1 = value,
                None => self.other.push((key, value)),
            }
        }
    }
}
