//! What kramdown passes over silently and an author may want to fix, and how many of each kind
//! one document reports.

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
    /// Blocks or spans nested deeper than [`MAX_NESTING`](crate::content::limits::MAX_NESTING) levels; the rest is not parsed.
    TooDeep,
    /// More abbreviations than [`MAX_ABBREVIATIONS`] in one document.
    TooManyAbbreviations,
    /// A text whose spans would take too long to parse (brackets and emphasis marks that never
    /// close, in great numbers); the rest of it is kept as plain text.
    TooComplex,
}

/// How many abbreviations one document may define. Real pages define a handful; finding
/// thousands in the text would make building the page slow (the matcher's construction does not
/// scale to tens of thousands of names).
pub const MAX_ABBREVIATIONS: usize = 1000;

/// How many warnings of one kind a document reports; the rest are counted.
pub(super) const MAX_WARNINGS_OF_A_KIND: usize = 50;
