//! What the span parser works with: the span parsers in kramdown's order, where the span being
//! parsed stops, and the budget that keeps every text's parse linear.

use std::sync::Arc;

use super::element::{Element, Kind};
use super::patterns as p;
use super::scanner::{Re, Scanner};

/// The span parsers, in the order kramdown tries them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum SpanParser {
    Emphasis,
    Codespan,
    Autolink,
    SpanHtml,
    FootnoteMarker,
    Link,
    SmartQuotes,
    InlineMath,
    SpanExtensions,
    HtmlEntity,
    TypographicSyms,
    LineBreak,
    EscapedChars,
    Strikethrough,
}

impl SpanParser {
    /// Every span parser, in kramdown's order (strikethrough is the GFM parser's).
    pub(super) const ALL: [SpanParser; 14] = [
        Self::Emphasis,
        Self::Codespan,
        Self::Autolink,
        Self::SpanHtml,
        Self::FootnoteMarker,
        Self::Link,
        Self::SmartQuotes,
        Self::InlineMath,
        Self::SpanExtensions,
        Self::HtmlEntity,
        Self::TypographicSyms,
        Self::LineBreak,
        Self::EscapedChars,
        Self::Strikethrough,
    ];

    /// What the parser may start with, for the pattern that finds the next span.
    pub(super) fn span_start(self) -> &'static str {
        match self {
            Self::Emphasis => r"\*|_",
            Self::Codespan => "`",
            Self::Autolink | Self::SpanHtml => "<",
            Self::FootnoteMarker => r"\[",
            Self::Link => r"!?\[",
            Self::SmartQuotes => r#"[^\\]?["']"#,
            Self::InlineMath => r"\$",
            Self::SpanExtensions => r"\{:",
            Self::HtmlEntity => "&",
            Self::TypographicSyms => r"--|\.\.\.|(?:\\| )?(?:<<|>>)",
            Self::LineBreak => r"(?:  |\\\\)\n",
            Self::EscapedChars => r"\\",
            Self::Strikethrough => "~~",
        }
    }

    /// Whether the parser's pattern can match at the start of `rest`, from its first character
    /// (or, for smart quotes, its second): a quick test before the pattern itself.
    pub(super) fn may_start(self, rest: &str) -> bool {
        let mut chars = rest.chars();
        let Some(first) = chars.next() else {
            return false;
        };
        match self {
            Self::Emphasis => matches!(first, '*' | '_'),
            Self::Codespan => first == '`',
            Self::Autolink | Self::SpanHtml => first == '<',
            Self::FootnoteMarker => first == '[',
            Self::Link => matches!(first, '[' | '!'),
            Self::SmartQuotes => {
                matches!(first, '"' | '\'')
                    || (first != '\\' && matches!(chars.next(), Some('"' | '\'')))
            }
            Self::InlineMath => first == '$',
            Self::SpanExtensions => first == '{',
            Self::HtmlEntity => first == '&',
            Self::TypographicSyms => matches!(first, '-' | '.' | '<' | '>' | '\\' | ' '),
            Self::LineBreak => matches!(first, ' ' | '\\'),
            Self::EscapedChars => first == '\\',
            Self::Strikethrough => first == '~',
        }
    }

    /// The pattern that must match at the position for the parser to run.
    pub(super) fn start_re(self, gfm: bool) -> &'static Re {
        match self {
            Self::Emphasis => p::emphasis_start(),
            Self::Codespan => p::codespan_delimiter(),
            Self::Autolink => p::autolink_start(),
            Self::SpanHtml => p::html_span_start(),
            Self::FootnoteMarker => p::footnote_marker_start(),
            Self::Link => p::link_start(),
            Self::SmartQuotes => p::smart_quotes_start(),
            Self::InlineMath => p::inline_math_start(),
            Self::SpanExtensions => p::span_extensions_start(),
            Self::HtmlEntity => p::html_entity(),
            Self::TypographicSyms => p::typographic_syms(),
            Self::LineBreak => p::line_break(),
            Self::EscapedChars if gfm => p::escaped_chars_gfm(),
            Self::EscapedChars => p::escaped_chars(),
            Self::Strikethrough => p::strikethrough(),
        }
    }
}

/// Where the span being parsed ends.
pub(super) enum Stop {
    /// At the end of the text.
    None,
    /// At the first match of the pattern.
    At(Arc<Re>),
    /// At the closing delimiter of emphasis, under kramdown's conditions.
    Emphasis {
        re: Arc<Re>,
        delim: String,
        em: bool,
        underscore: bool,
    },
    /// At the bracket that closes a link's text, counting the brackets in between, and the
    /// images among the link text's elements (counted up to `counted`).
    LinkText {
        count: i32,
        images: i32,
        counted: usize,
    },
}

impl Stop {
    /// A link text's bracket depth: `count` less the images found inside so far. Counted as
    /// elements arrive, since counting every element at every bracket would be quadratic.
    pub(super) fn link_depth(&mut self, el: &Element) -> Option<i32> {
        let Stop::LinkText {
            count,
            images,
            counted,
        } = self
        else {
            return None;
        };
        let from = (*counted).min(el.children.len());
        *images += el.children[from..]
            .iter()
            .filter(|c| c.kind == Kind::Img)
            .count() as i32;
        *counted = el.children.len();
        Some(*count - *images)
    }

    /// What a state of a span that must find this stop is remembered by, if it is one whose
    /// failure the parser backs out of (emphasis and link text; see [`Budget`]).
    pub(super) fn memo_code(&self) -> Option<u8> {
        match self {
            Stop::Emphasis {
                delim,
                em,
                underscore,
                ..
            } => Some(
                (delim.len().min(3) as u8) | (u8::from(*em) << 2) | (u8::from(*underscore) << 3),
            ),
            Stop::LinkText { .. } => Some(0x80),
            Stop::None | Stop::At(_) => None,
        }
    }
}

/// Where a span parse that backs out on failure (emphasis, link text) stands at the top of its
/// loop: what decides everything it does from there on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) struct State {
    pub(super) scanner: usize,
    pub(super) pos: usize,
    pub(super) stop: u8,
    /// The enclosing spans that change what may start here: emphasis, strong, link or image,
    /// and (for link text) whether the element is an image.
    pub(super) frames: u8,
    /// Whether the element has content yet (emphasis cannot close on nothing).
    pub(super) nonempty: bool,
}

/// What the span parser may spend on one text, and what it has learnt about it.
///
/// kramdown tries a span (emphasis, a link) by parsing ahead for its end, and backs out when
/// there is none; every enclosing attempt tries the same spans again, which made some texts
/// exponential (`![` 25 times) and many quadratic. Two things keep it linear, in the way cmark
/// and pulldown-cmark keep their delimiter runs linear:
/// - the states from which an attempt failed are remembered, so that another attempt reaching
///   the same state gives up at once (for link text, a state that failed at one bracket depth
///   fails at every greater depth too, since the depth only moves one bracket at a time);
/// - what is left over is bounded: every step costs fuel in proportion to the text it scans,
///   and a text that uses up its fuel (some `~50x` its length, far beyond any real paragraph)
///   is kept as plain text from there on, with an error.
#[derive(Debug, Default)]
pub(super) struct Budget {
    /// Whether a text's parse is under way (nested parses share its budget).
    pub(super) active: bool,
    pub(super) fuel: usize,
    pub(super) exhausted: bool,
    /// The first line of the text, for the error.
    pub(super) line: usize,
    pub(super) failed: rustc_hash::FxHashSet<State>,
    /// Link text states, with the least bracket depth at which they failed.
    pub(super) failed_links: rustc_hash::FxHashMap<State, i32>,
}

/// Fuel per byte of text, and the fixed cost of a step of the span loop.
const FUEL_PER_BYTE: usize = 48;
pub(super) const STEP_COST: usize = 16;

impl Budget {
    pub(super) fn start(&mut self, len: usize, line: usize) {
        self.active = true;
        self.fuel = FUEL_PER_BYTE * len + 64 * STEP_COST;
        self.exhausted = false;
        self.line = line;
    }

    pub(super) fn finish(&mut self) {
        self.active = false;
        self.failed.clear();
        self.failed_links.clear();
    }

    /// Spends fuel; true when there was none left.
    pub(super) fn spend(&mut self, amount: usize) -> bool {
        if self.fuel <= amount {
            self.fuel = 0;
            self.exhausted = true;
        } else {
            self.fuel -= amount;
        }
        self.exhausted
    }

    pub(super) fn has_failed(&self, state: &State, depth: Option<i32>) -> bool {
        match depth {
            Some(depth) => self.failed_links.get(state).is_some_and(|&d| depth >= d),
            None => self.failed.contains(state),
        }
    }

    pub(super) fn remember_failure(&mut self, state: State, depth: Option<i32>) {
        match depth {
            Some(depth) => {
                let least = self.failed_links.entry(state).or_insert(depth);
                *least = (*least).min(depth);
            }
            None => {
                self.failed.insert(state);
            }
        }
    }
}

impl Stop {
    pub(super) fn pattern(&self) -> Option<&Re> {
        match self {
            Stop::None => None,
            Stop::At(re) | Stop::Emphasis { re, .. } => Some(re),
            Stop::LinkText { .. } => Some(p::link_bracket_stop()),
        }
    }

    /// Whether the stop pattern matches at the position. Emphasis and link text stops are
    /// plain marks, tested as such (the test runs at every step of the span loop).
    pub(super) fn is_here(&self, src: &mut Scanner) -> bool {
        match self {
            Stop::None => false,
            Stop::Emphasis { delim, .. } => src.rest().starts_with(delim.as_str()),
            Stop::LinkText { .. } => {
                let rest = src.rest();
                rest.starts_with(']') || rest.starts_with('[') || rest.starts_with("![")
            }
            Stop::At(re) => src.matches(re),
        }
    }

    /// Whether the stop pattern, which just matched at the position, ends the span.
    pub(super) fn confirmed(&mut self, src: &Scanner, el: &Element) -> bool {
        match self {
            Stop::None => false,
            Stop::At(_) => true,
            Stop::Emphasis {
                delim,
                em,
                underscore,
                ..
            } => {
                let before = src.text()[..src.pos()].chars().next_back();
                let rest = src.rest();
                let closes_strong = rest.starts_with(delim.as_str())
                    && rest[delim.len()..].starts_with(delim.as_str())
                    && !rest[2 * delim.len()..].starts_with(delim.as_str());
                let inside_word = rest[delim.len().min(rest.len())..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
                !before.is_some_and(is_ascii_space)
                    && (!*em || !closes_strong)
                    && (!*underscore || !inside_word)
                    && !el.children.is_empty()
            }
            Stop::LinkText { count, .. } => {
                *count += if src.rest().starts_with(']') { -1 } else { 1 };
                self.link_depth(el) == Some(0)
            }
        }
    }
}

pub(super) fn is_ascii_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0B' | '\x0C')
}
