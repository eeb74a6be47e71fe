//! kramdown's options: the dialect and the settings that change what a document parses into,
//! with kramdown's, GFM's and Jekyll's defaults.

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

    pub(super) fn quirk(&self, name: &str) -> bool {
        self.gfm_quirks.iter().any(|q| q == name)
    }
}
