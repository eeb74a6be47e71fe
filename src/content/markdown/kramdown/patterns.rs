//! kramdown's regular expressions, written in its own (Ruby) dialect and compiled once.
//!
//! Composite patterns are spelt out from their parts the way kramdown builds them, each part in
//! its own group, so that they can be checked against kramdown's source side by side.

use super::scanner::{Re, re};

pub const OPT_SPACE: &str = r" {0,3}";
const ALD_ANY_CHARS: &str = r"\\\}|[^\}]";
pub const ALD_ID_NAME: &str = r"\w[\w-]*";
/// XML name characters, as REXML defines an unqualified name.
pub const UNAME: &str =
    r"(?:[\p{Alphabetic}_][-\p{Alphabetic}\p{Nd}._]*:)?[\p{Alphabetic}_][-\p{Alphabetic}\p{Nd}._]*";
const PATTERN_TAIL: &str = r"[\t| ].*?\n";

/// Elements that are span-level in HTML, and so never end a paragraph or list item.
pub const HTML_SPAN_ELEMENTS: &[&str] = &[
    "a", "abbr", "acronym", "b", "big", "bdo", "br", "button", "cite", "code", "del", "dfn", "em",
    "i", "img", "input", "ins", "kbd", "label", "mark", "option", "q", "rb", "rbc", "rp", "rt",
    "rtc", "ruby", "samp", "select", "small", "span", "strong", "sub", "sup", "time", "tt", "u",
    "var",
];

pub const HTML_BLOCK_ELEMENTS: &[&str] = &[
    "address",
    "article",
    "aside",
    "applet",
    "body",
    "blockquote",
    "caption",
    "col",
    "colgroup",
    "dd",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "head",
    "iframe",
    "legend",
    "menu",
    "li",
    "main",
    "map",
    "nav",
    "ol",
    "optgroup",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tfoot",
    "tr",
    "ul",
];

pub const HTML_ELEMENTS_WITHOUT_BODY: &[&str] = &[
    "area", "base", "br", "col", "command", "embed", "hr", "img", "input", "keygen", "link",
    "meta", "param", "source", "track", "wbr",
];

const HTML_CONTENT_MODEL_BLOCK: &[&str] = &[
    "address",
    "applet",
    "article",
    "aside",
    "blockquote",
    "body",
    "dd",
    "details",
    "div",
    "dl",
    "fieldset",
    "figure",
    "figcaption",
    "footer",
    "form",
    "header",
    "hgroup",
    "iframe",
    "li",
    "main",
    "map",
    "menu",
    "nav",
    "noscript",
    "object",
    "section",
    "summary",
    "td",
];
const HTML_CONTENT_MODEL_SPAN: &[&str] = &[
    "a", "abbr", "acronym", "b", "bdo", "big", "button", "cite", "caption", "del", "dfn", "dt",
    "em", "h1", "h2", "h3", "h4", "h5", "h6", "i", "ins", "label", "legend", "optgroup", "p", "q",
    "rb", "rbc", "rp", "rt", "rtc", "ruby", "select", "small", "span", "strong", "sub", "sup",
    "th", "tt",
];
const HTML_CONTENT_MODEL_RAW: &[&str] = &[
    "script", "style", "math", "option", "textarea", "pre", "code", "kbd", "samp", "var",
];

/// How kramdown parses the content of the HTML element `tag` when asked to parse it.
pub fn html_content_model(tag: &str) -> super::element::ContentModel {
    use super::element::ContentModel;
    if HTML_CONTENT_MODEL_BLOCK.contains(&tag) {
        ContentModel::Block
    } else if HTML_CONTENT_MODEL_SPAN.contains(&tag) {
        ContentModel::Span
    } else {
        ContentModel::Raw
    }
}

/// Whether kramdown knows `tag` as an HTML element (and so compares its name case-insensitively).
pub fn is_html_element(tag: &str) -> bool {
    HTML_SPAN_ELEMENTS.contains(&tag)
        || HTML_BLOCK_ELEMENTS.contains(&tag)
        || HTML_ELEMENTS_WITHOUT_BODY.contains(&tag)
        || HTML_CONTENT_MODEL_BLOCK.contains(&tag)
        || HTML_CONTENT_MODEL_SPAN.contains(&tag)
        || HTML_CONTENT_MODEL_RAW.contains(&tag)
}

pub fn indent() -> &'static Re {
    re!(r"^(?:\t| {4})")
}

pub fn blank_line() -> &'static Re {
    re!(blank_line_src())
}

pub fn eob_marker() -> &'static Re {
    re!(r"^\^\s*?\n")
}

/// A block attribute list: `{:` not followed by `:` or `/` (which would make it an extension).
fn ial_block_src() -> String {
    format!(r"\{{:((?:\\\}}|[^\}}:/])(?:{ALD_ANY_CHARS})*)\}}\s*?\n")
}

pub fn ial_block_start() -> &'static Re {
    re!(format!("^{OPT_SPACE}(?:{})", ial_block_src()))
}

pub fn ald_start() -> &'static Re {
    re!(format!(
        r"^{OPT_SPACE}\{{:({ALD_ID_NAME}):((?:{ALD_ANY_CHARS})+)\}}\s*?\n"
    ))
}

fn ext_start_src() -> String {
    format!(r"\{{::(\w+)(?:\s((?:{ALD_ANY_CHARS})*?)|)(\/)?\}}")
}

fn ext_stop_src(name: &str) -> String {
    format!(r"\{{:\/({name})?\}}")
}

pub fn ext_block_start() -> &'static Re {
    re!(format!(
        r"^{OPT_SPACE}(?:{}|{})\s*?\n",
        ext_start_src(),
        ext_stop_src(ALD_ID_NAME)
    ))
}

/// The stop tag of the block extension `name`.
pub fn ext_block_stop(name: &str) -> String {
    format!(r"^{OPT_SPACE}{}\s*?\n", ext_stop_src(&fancy_escape(name)))
}

/// The stop tag of the span extension `name`.
pub fn ext_span_stop(name: &str) -> String {
    ext_stop_src(&fancy_escape(name))
}

pub fn block_extensions_start() -> &'static Re {
    re!(format!(r"^{OPT_SPACE}\{{:"))
}

pub fn ext_span_start() -> &'static Re {
    re!(format!("{}|{}", ext_start_src(), ext_stop_src(ALD_ID_NAME)))
}

pub fn ial_span_start() -> &'static Re {
    re!(format!(r"\{{:((?:{ALD_ANY_CHARS})+)\}}"))
}

/// One attribute of an attribute list: groups are key, quote, value; reference; ids and classes.
pub fn ald_type_any() -> &'static Re {
    const KV: &str = r#"(\w[\w-]*)=("|')((?:\\\}|\\\2|[^\}\x02])*?)\2"#;
    const ID: &str = r"#([A-Za-z][\w:-]*)";
    const CLASS: &str = r"\.([^\s.#]+)";
    re!(format!(
        r"(?:\A|\s)(?:{KV}|(\w[\w-]*)|((?:{ID}|{CLASS})+))(?=\s|\Z)"
    ))
}

pub fn ald_type_id_or_class() -> &'static Re {
    re!(r"#([A-Za-z][\w:-]*)|\.([^\s.#]+)")
}

fn blank_line_src() -> &'static str {
    // kramdown's `(?>^\s*\n)+`: the atomic group never changes what matches here.
    r"(?:^\s*\n)+"
}

/// An HTML tag at the start of `text` that opens or closes a block: any element but the
/// span-level ones (and `script`), which may appear inside a paragraph.
pub fn html_block_tag_at(text: &str) -> bool {
    let Some(after) = text.strip_prefix('<') else {
        return false;
    };
    let (name_text, closing) = match after.strip_prefix('/') {
        Some(name) => (name, true),
        None => (after, false),
    };
    let name = if closing {
        re!(format!(r"{UNAME}\s*>"))
    } else {
        re!(UNAME)
    };
    if !name.find_at_start(name_text) {
        return false;
    }
    let is_span = |name: &str| {
        name_text
            .strip_prefix(name)
            .is_some_and(|rest| !rest.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_'))
    };
    !(HTML_SPAN_ELEMENTS.iter().any(|e| is_span(e)) || is_span("script"))
}

/// kramdown's `LAZY_END` at the start of `rest`: what ends a paragraph or a block quote's lazy
/// lines: a blank line, a block attribute list, an end-of-block marker, a block-level HTML tag,
/// or the end of the text.
pub fn at_lazy_end(rest: &str) -> bool {
    rest.is_empty()
        || rest == "\n"
        || blank_line().find_at_start(rest)
        || ial_block_start().find_at_start(rest)
        || eob_marker().find_at_start(rest)
        || html_block_tag_at(rest.trim_start_matches(' '))
            && rest.len() - rest.trim_start_matches(' ').len() <= 3
}

pub fn paragraph_start() -> &'static Re {
    re!(format!(r"^{OPT_SPACE}[^ \t].*?\n"))
}

pub fn paragraph_match() -> &'static Re {
    re!(r"^.*?\n")
}

fn definition_list_start_src() -> String {
    format!(r"^({OPT_SPACE}:)({PATTERN_TAIL})")
}

pub fn definition_list_start() -> &'static Re {
    re!(definition_list_start_src())
}

/// Whether a paragraph ends at the start of `rest` (kramdown input).
pub fn at_paragraph_end(rest: &str) -> bool {
    at_lazy_end(rest) || definition_list_start().find_at_start(rest)
}

fn list_start_ul_src() -> String {
    format!(r"^({OPT_SPACE}[+*-])({PATTERN_TAIL})")
}

fn list_start_ol_src() -> String {
    format!(r"^({OPT_SPACE}\d+\.)({PATTERN_TAIL})")
}

pub fn list_start_ul() -> &'static Re {
    re!(list_start_ul_src())
}

pub fn list_start_ol() -> &'static Re {
    re!(list_start_ol_src())
}

pub fn list_start() -> &'static Re {
    re!(format!(
        "(?:{})|(?:{})",
        list_start_ul_src(),
        list_start_ol_src()
    ))
}

const GFM_ATX_HEADER_START: &str = r"^(?<level>\#{1,6})[\t ]+(?<contents>.*)\n";
const GFM_FENCED_CODEBLOCK_START: &str = r"^[ ]{0,3}[~`]{3,}";

pub fn blockquote_start() -> &'static Re {
    re!(format!(r"^{OPT_SPACE}> ?"))
}

/// Whether a paragraph ends at the start of `rest` with the GFM parser's `paragraph_end` quirk:
/// lists, headers, quotes and fences interrupt a paragraph without a blank line.
pub fn at_paragraph_end_gfm(rest: &str) -> bool {
    at_paragraph_end(rest)
        || list_start().find_at_start(rest)
        || gfm_atx_header_start().find_at_start(rest)
        || blockquote_start().find_at_start(rest)
        || gfm_fenced_codeblock_start().find_at_start(rest)
}

pub fn list_item_ial() -> &'static Re {
    re!(format!(
        r"^\s*(?:\{{:(?!(?:{ALD_ID_NAME})?:|\/)((?:{ALD_ANY_CHARS})+)\}})\s*"
    ))
}

pub fn list_item_ial_check() -> &'static Re {
    re!(format!(
        r"^(?:(?:\s*(?:\{{:(?!(?:{ALD_ID_NAME})?:|\/)((?:{ALD_ANY_CHARS})+)\}})\s*))?\s*\n"
    ))
}

/// The patterns that continue a list item whose content starts `indentation` columns in: its
/// content lines, and its indentation.
pub fn list_item_patterns(indentation: usize) -> (String, String) {
    let indent = format!("^ {{{indentation}}}");
    let content = format!(
        r"^(?:(?:\t| {{4}}){{{}}} {{{}}}|(?:\t| {{4}}){{{}}}).*\S.*\n",
        indentation / 4,
        indentation % 4,
        indentation / 4 + 1
    );
    (content, indent)
}

/// A lazy continuation line of a list item indented by `indentation`: any line with text, unless
/// it starts (within `indentation` spaces, at most three) a block attribute list or HTML block tag.
pub fn lazy_line_len(rest: &str, indentation: usize) -> Option<usize> {
    let spaces = rest.len() - rest.trim_start_matches(' ').len();
    if spaces <= indentation.min(3) {
        let after = &rest[spaces..];
        if ial_block_start().find_at_start(after) || html_block_tag_at(after) {
            return None;
        }
    }
    re!(r".*\S.*\n").match_len_at_start(rest)
}

/// The next item marker of a list whose items are indented by `indentation`.
pub fn next_item(marker: &str, indentation: usize) -> String {
    let spaces = match indentation {
        1 => "{0}",
        2 => "{0,1}",
        3 => "{0,2}",
        _ => "{0,3}",
    };
    format!(r"^( {spaces}{marker})({PATTERN_TAIL})")
}

pub const UL_MARKER: &str = r"[+*-]";
pub const OL_MARKER: &str = r"\d+\.";

/// kramdown's `^ {0,3}(\*|-|_)[ \t]*\1[ \t]*\1(\1|[ \t])*\n`, with the back-references
/// spelt out so that it runs without backtracking.
pub fn hr_start() -> &'static Re {
    re!(format!(
        r"^{OPT_SPACE}(?:\*[ \t]*\*[ \t]*\*(?:\*|[ \t])*|-[ \t]*-[ \t]*-(?:-|[ \t])*|_[ \t]*_[ \t]*_(?:_|[ \t])*)\n"
    ))
}

/// The length of the indented code block at the start of `rest`: groups of indented lines, each
/// followed by lazy lines that start no attribute list, end-of-block marker or HTML block tag,
/// with blank lines between groups.
pub fn codeblock_len(rest: &str) -> usize {
    let mut len = 0;
    loop {
        let mut at = len;
        at += blank_line().match_len_at_start(&rest[at..]).unwrap_or(0);
        let mut indented = 0;
        while let Some(n) = re!(r"^(?:\t| {4})[ \t]*\S.*\n").match_len_at_start(&rest[at..]) {
            at += n;
            indented += 1;
        }
        if indented == 0 {
            return len;
        }
        loop {
            let line = &rest[at..];
            let spaces = line.len() - line.trim_start_matches(' ').len();
            let after = &line[spaces.min(3)..];
            let stops = ial_block_start().find_at_start(line)
                || eob_marker().find_at_start(line)
                || (spaces <= 3 && html_block_tag_at(after));
            match re!(r"^[ \t]*\S.*\n").match_len_at_start(line) {
                Some(n) if !stops => at += n,
                _ => break,
            }
        }
        len = at;
    }
}

pub fn fenced_codeblock_start() -> &'static Re {
    re!(r"^~{3,}")
}

pub fn fenced_codeblock_match() -> &'static Re {
    re!(r"(?s:^((~){3,})\s*?((\S+?)(?:\?\S*)?)?\s*?\n(.*?)^\1\2*\s*?\n)")
}

pub fn gfm_fenced_codeblock_start() -> &'static Re {
    re!(GFM_FENCED_CODEBLOCK_START)
}

pub fn gfm_fenced_codeblock_match() -> &'static Re {
    re!(r"(?s:^[ ]{0,3}(([~`]){3,})\s*?((\S+?)(?:\?\S*)?)?\s*?\n(.*?)^[ ]{0,3}\1\2*\s*?\n)")
}

pub fn setext_header_start() -> &'static Re {
    re!(format!(
        r"^{OPT_SPACE}(?<contents>[^ \t].*)\n(?<level>[-=])[-=]*[ \t\r\f\v]*\n"
    ))
}

pub fn atx_header_start() -> &'static Re {
    re!(r"^(?<level>\#{1,6})[\t ]*(?<contents>[^ \t].*)\n")
}

pub fn gfm_atx_header_start() -> &'static Re {
    re!(GFM_ATX_HEADER_START)
}

/// `{#id}` at the end of a header's text.
pub fn header_id() -> &'static Re {
    const START: &str = r":A-Z_a-z\x{C0}-\x{D6}\x{D8}-\x{F6}\x{F8}-\x{2FF}\x{370}-\x{37D}\x{37F}-\x{1FFF}\x{200C}-\x{200D}\x{2070}-\x{218F}\x{2C00}-\x{2FEF}\x{3001}-\x{D7FF}\x{F900}-\x{FDCF}\x{FDF0}-\x{FFFD}\x{10000}-\x{EFFFF}";
    const MORE: &str = r"\-.0-9\x{B7}\x{300}-\x{36F}\x{203F}-\x{2040}";
    re!(format!(r"[\t ]\{{#(?<id>[{START}][{START}{MORE}]*)\}}\z"))
}

pub fn block_math_start() -> &'static Re {
    re!(format!(r"(?s:^{OPT_SPACE}(\\)?\$\$(.*?)\$\$(\s*?\n)?)"))
}

/// Whether a block boundary is at the start of `rest`: a blank line, an end-of-block marker, a
/// block attribute list, or the end of the text.
pub fn at_block_boundary(rest: &str) -> bool {
    rest.is_empty()
        || rest == "\n"
        || blank_line().find_at_start(rest)
        || eob_marker().find_at_start(rest)
        || ial_block_start().find_at_start(rest)
}

pub fn table_sep_line() -> &'static Re {
    re!(r"^([+|: \t-]*?-[+|: \t-]*?)[ \t]*\n")
}

pub fn table_hsep_align() -> &'static Re {
    re!(r"[ \t]?(:?)-+(:?)[ \t]?")
}

pub fn table_fsep_line() -> &'static Re {
    re!(r"^[+|: \t=]*?=[+|: \t=]*?[ \t]*\n")
}

pub fn table_row_line() -> &'static Re {
    re!(r"^(.*?)[ \t]*\n")
}

const TABLE_PIPE_CHECK: &str = r"(?:\||.*?[^\\\n]\|)";

pub fn table_line() -> &'static Re {
    re!(format!(r"{TABLE_PIPE_CHECK}.*?\n"))
}

/// kramdown's `^ {0,3}(?=\S)` followed by a line with a pipe, without the look-ahead.
pub fn table_start() -> &'static Re {
    re!(format!(r"^{OPT_SPACE}(?:\||[^\s\\]\||\S.*?[^\\\n]\|).*?\n"))
}

pub fn table_pipe_check_at_line_start() -> &'static Re {
    re!(format!(r"^{TABLE_PIPE_CHECK}"))
}

/// What a link definition starts with; `link_definition` is the whole of one.
pub fn link_definition_start() -> &'static Re {
    re!(format!(r"^{OPT_SPACE}\[[^\n\]]+\]:"))
}

pub fn link_definition() -> &'static Re {
    re!(format!(
        r#"^{OPT_SPACE}\[([^\n\]]+)\]:[ \t]*(?:<(.*?)>|([^\n]*?\S[^\n]*?))(?:(?:[ \t]*?\n|[ \t]+?)[ \t]*?(["'])(.+?)\4)?[ \t]*?\n"#
    ))
}

pub fn abbrev_definition_start() -> &'static Re {
    re!(format!(r"^{OPT_SPACE}\*\[(.+?)\]:(.*?)\n"))
}

/// The first line of a footnote definition; its indented lines follow as a code block would.
pub fn footnote_definition_start() -> &'static Re {
    re!(format!(r"^{OPT_SPACE}\[\^({ALD_ID_NAME})\]:\s*?(.*?\n)"))
}

pub fn html_block_start() -> &'static Re {
    re!(format!(r"^{OPT_SPACE}<({UNAME}|!--|\/)"))
}

pub fn html_comment() -> &'static Re {
    re!(r"(?s:<!--(.*?)-->)")
}

pub fn html_instruction() -> &'static Re {
    re!(r"(?s:<\?(.*?)\?>)")
}

pub fn html_cdata() -> &'static Re {
    re!(r"(?s:<!\[CDATA\[(.*?)\]\]>)")
}

/// An HTML start tag: groups are the name, the attributes, and the `/` of a self-closing tag.
/// kramdown's atomic groups and quote back-reference are written out as plain alternatives.
fn html_tag_src() -> String {
    format!(
        r#"<({UNAME})\s*((?:\s+{UNAME}(?:\s*=\s*(?:[\p{{Alphabetic}}\p{{M}}\p{{Nd}}\p{{Pc}}]+|"[^"]*"|'[^']*'))?)*)\s*(\/)?>"#
    )
}

pub fn html_tag() -> &'static Re {
    re!(html_tag_src())
}

pub fn html_tag_indented() -> &'static Re {
    re!(format!("^{OPT_SPACE}{}", html_tag_src()))
}

fn html_tag_close_src() -> String {
    format!(r"<\/({UNAME})\s*>")
}

pub fn html_tag_close() -> &'static Re {
    re!(html_tag_close_src())
}

pub fn html_tag_close_indented() -> &'static Re {
    re!(format!("^{OPT_SPACE}{}", html_tag_close_src()))
}

/// One attribute of a start tag: groups are the name, then its value unquoted, in double quotes
/// or in single quotes.
pub fn html_attribute() -> &'static Re {
    re!(format!(
        r#"\s*({UNAME})(?:\s*=\s*(?:([\p{{Alphabetic}}\p{{M}}\p{{Nd}}\p{{Pc}}]+)|"([^"]*)"|'([^']*)'))?"#
    ))
}

pub fn html_span_start() -> &'static Re {
    re!(format!(r"<({UNAME}|!--|\/|!\[CDATA\[)"))
}

/// What starts markup inside raw HTML (found with `skip_to`, so kramdown's look-ahead is gone).
pub fn html_raw_start() -> &'static Re {
    re!(format!(r"<({UNAME}|\/|!--|\?|!\[CDATA\[)"))
}

pub fn trailing_whitespace() -> &'static Re {
    re!(r"[ \t]*\n")
}

pub fn html_entity() -> &'static Re {
    re!(r"&([\w:][\w.:-]*);|&#(\d+);|&\#x([0-9a-fA-F]+);")
}

pub fn emphasis_start() -> &'static Re {
    re!(r"(?:\*\*?|__?)")
}

pub fn codespan_delimiter() -> &'static Re {
    re!(r"`+")
}

pub fn autolink_start() -> &'static Re {
    re!(r"<((mailto|https?|ftps?):.+?|[\p{Alphabetic}\p{Nd}\-_.]+?@[\p{Alphabetic}\p{Nd}\-_.]+?)>")
}

pub fn footnote_marker_start() -> &'static Re {
    re!(format!(r"\[\^({ALD_ID_NAME})\]"))
}

/// A link or image start, with the character after it (kramdown's look-ahead `(?=[^^])`).
pub fn link_start() -> &'static Re {
    re!(r"!?\[[^^]")
}

pub fn link_bracket_stop() -> &'static Re {
    re!(r"(\])|!?\[")
}

pub fn link_inline_id() -> &'static Re {
    re!(r"\s*?\[([^\]]+)?\]")
}

pub fn link_inline_title() -> &'static Re {
    re!(r#"(?s:\s*?(["'])(.+?)\1\s*?\))"#)
}

pub fn escaped_chars() -> &'static Re {
    re!(r#"\\([\\.*_+`<>()\[\]{}#!:|"'$=-])"#)
}

pub fn escaped_chars_gfm() -> &'static Re {
    re!(r#"\\([\\.*_+`<>()\[\]{}#!:|"'$=\-~])"#)
}

pub fn smart_quotes_start() -> &'static Re {
    re!(r#"[^\\]?["']"#)
}

pub fn inline_math_start() -> &'static Re {
    re!(r"(?s:\$\$(.*?)\$\$)")
}

pub fn span_extensions_start() -> &'static Re {
    re!(r"\{:")
}

pub fn typographic_syms() -> &'static Re {
    re!(r"---|--|\.\.\.|\\<<|\\>>|<< | >>|<<|>>")
}

/// A line break with the newline after it (kramdown's look-ahead `(?=\n)`).
pub fn line_break() -> &'static Re {
    re!(r"(  |\\\\)\n")
}

/// GFM strikethrough: `~~` not followed by a space or `~`, and closed by `~~` after a character
/// that is neither.
pub fn strikethrough() -> &'static Re {
    re!(r"~~(?:[^\s~]|[^\s~](?s:.*?)[^\s~])~~")
}

/// Escapes `text` for use as a literal in a pattern.
pub fn fancy_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_punctuation() {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
