//! A string scanner in the manner of Ruby's `StringScanner`, which kramdown's parser is built on:
//! a position in a text, anchored matches at the position, searches forward from it, and the
//! groups of the last match.
//!
//! Patterns are written in Ruby's regular expression dialect as kramdown's are, and translated:
//! `^`/`$` match at line boundaries, and `\s`, `\w`, `\d`, `\b` are ASCII-only, as in Ruby.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, LazyLock, Mutex};

/// The byte ranges of a match's groups (group 0 is the whole match), as offsets into the text.
pub type Groups = Vec<Option<Range<usize>>>;

/// A compiled pattern. Patterns without look-around or back-references run on the `regex`
/// crate, whose anchored matching costs nothing when it fails; the others need fancy-regex's
/// backtracking, which tries every later start position before it gives up, so the parser keeps
/// them out of the checks it makes at every line.
pub struct Re {
    source: String,
    engine: Engine,
    /// The named groups and their numbers, shared with the scanner's last match (which
    /// every match sets).
    names: Arc<[(String, usize)]>,
}

enum Engine {
    Plain {
        anchored: regex::Regex,
        search: regex::Regex,
    },
    Fancy {
        anchored: fancy_regex::Regex,
        search: fancy_regex::Regex,
    },
}

impl Re {
    /// Compiles a pattern in Ruby's dialect. Panics on a malformed pattern: patterns are
    /// constants of this module (or built from escaped text), so that is a bug, not bad input.
    pub fn new(ruby: &str) -> Self {
        let rust = translate(ruby);
        let anchored = format!(r"(?m)\A(?:{rust})");
        let search = format!("(?m){rust}");
        let engine = match (regex::Regex::new(&anchored), regex::Regex::new(&search)) {
            (Ok(anchored), Ok(search)) => Engine::Plain { anchored, search },
            _ => {
                // fancy-regex has no ASCII-only word boundary; spelt out with look-around.
                const W: &str = "[A-Za-z0-9_]";
                let ascii_boundaries = |p: &str| {
                    p.replace(r"(?-u:\b)", &format!("(?:(?<={W})(?!{W})|(?<!{W})(?={W}))"))
                        .replace(r"(?-u:\B)", &format!("(?:(?<={W})(?={W})|(?<!{W})(?!{W}))"))
                };
                // fancy-regex searches by trying every start position in turn, and `\A` does
                // not stop it: an anchored match that fails would cost the length of the rest
                // of the text. An empty alternative makes the first position always match;
                // the empty group after the pattern then tells whether the pattern itself did.
                let anchored = format!(r"(?m)\A(?:(?:{rust})()|)");
                let (anchored, search) = (ascii_boundaries(&anchored), ascii_boundaries(&search));
                let compile = |p: &str| {
                    fancy_regex::Regex::new(p)
                        .unwrap_or_else(|e| panic!("bad pattern {ruby:?}: {e}"))
                };
                Engine::Fancy {
                    anchored: compile(&anchored),
                    search: compile(&search),
                }
            }
        };
        let names: Arc<[(String, usize)]> = match &engine {
            Engine::Plain { search, .. } => search
                .capture_names()
                .enumerate()
                .filter_map(|(i, n)| n.map(|n| (n.to_owned(), i)))
                .collect(),
            Engine::Fancy { search, .. } => search
                .capture_names()
                .enumerate()
                .filter_map(|(i, n)| n.map(|n| (n.to_owned(), i)))
                .collect(),
        };
        Self {
            source: ruby.to_owned(),
            engine,
            names,
        }
    }

    /// A pattern made at run time (from a delimiter, a tag name, an indentation), compiled once
    /// per distinct pattern for the whole process.
    pub fn cached(ruby: &str) -> Arc<Re> {
        static CACHE: LazyLock<Mutex<HashMap<String, Arc<Re>>>> = LazyLock::new(Default::default);
        let mut cache = CACHE
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        cache
            .entry(ruby.to_owned())
            .or_insert_with(|| Arc::new(Re::new(ruby)))
            .clone()
    }

    /// The pattern as written, for building larger patterns from it.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The groups of the first match in `text` (or of a match at its very start, if `anchored`).
    /// A pattern that backtracks past fancy-regex's limit counts as not matching.
    fn find(&self, text: &str, anchored: bool) -> Option<Groups> {
        if !anchored {
            return self.find_from(text, 0);
        }
        match &self.engine {
            Engine::Plain { anchored, .. } => {
                let caps = anchored.captures(text)?;
                Some(
                    (0..caps.len())
                        .map(|i| caps.get(i).map(|m| m.range()))
                        .collect(),
                )
            }
            Engine::Fancy { anchored, .. } => {
                let caps = anchored.captures(text).ok().flatten()?;
                // The last group is the marker added in `new`.
                let marker = caps.len() - 1;
                caps.get(marker)?;
                Some(
                    (0..marker)
                        .map(|i| caps.get(i).map(|m| m.range()))
                        .collect(),
                )
            }
        }
    }

    /// Whether the pattern matches at the very start of `text`.
    pub fn find_at_start(&self, text: &str) -> bool {
        self.find(text, true).is_some()
    }

    /// The length of the pattern's match at the very start of `text`.
    pub fn match_len_at_start(&self, text: &str) -> Option<usize> {
        self.find(text, true)
            .and_then(|g| g.first().cloned().flatten())
            .map(|r| r.len())
    }

    /// Whether the pattern matches anywhere in `text`.
    pub fn is_match(&self, text: &str) -> bool {
        match &self.engine {
            Engine::Plain { search, .. } => search.is_match(text),
            Engine::Fancy { search, .. } => search.is_match(text).unwrap_or(false),
        }
    }

    /// The first match in `text`, with its groups.
    pub fn captures<'t>(&self, text: &'t str) -> Option<Caps<'t, '_>> {
        self.find(text, false).map(|groups| Caps {
            text,
            groups,
            re: self,
        })
    }

    /// The match at the very start of `text`, with its groups.
    pub fn captures_at_start<'t>(&self, text: &'t str) -> Option<Caps<'t, '_>> {
        self.find(text, true).map(|groups| Caps {
            text,
            groups,
            re: self,
        })
    }

    /// Every non-overlapping match in `text`, as Ruby's `String#scan` finds them.
    pub fn captures_all<'t>(&self, text: &'t str) -> Vec<Caps<'t, '_>> {
        let mut out = Vec::new();
        let mut at = 0;
        while at <= text.len() {
            let Some(mut groups) = self.find_from(text, at) else {
                break;
            };
            let whole = groups[0].clone().unwrap_or(at..at);
            // An empty match moves on by one character, so the scan always ends.
            at = if whole.is_empty() {
                whole.end + text[whole.end..].chars().next().map_or(1, char::len_utf8)
            } else {
                whole.end
            };
            groups.shrink_to_fit();
            out.push(Caps {
                text,
                groups,
                re: self,
            });
        }
        out
    }

    /// The range of the first match in `text` at or after byte `from`, without its groups.
    fn find_range(&self, text: &str, from: usize) -> Option<Range<usize>> {
        match &self.engine {
            Engine::Plain { search, .. } => search.find_at(text, from).map(|m| m.range()),
            Engine::Fancy { search, .. } => search
                .find_from_pos(text, from)
                .ok()
                .flatten()
                .map(|m| m.range()),
        }
    }

    /// The first match at or after byte `from`, with `^`, `\A` and look-behind still seeing the
    /// whole text.
    fn find_from(&self, text: &str, from: usize) -> Option<Groups> {
        match &self.engine {
            Engine::Plain { search, .. } => {
                let caps = search.captures_at(text, from)?;
                Some(
                    (0..caps.len())
                        .map(|i| caps.get(i).map(|m| m.range()))
                        .collect(),
                )
            }
            Engine::Fancy { search, .. } => {
                let caps = search.captures_from_pos(text, from).ok().flatten()?;
                Some(
                    (0..caps.len())
                        .map(|i| caps.get(i).map(|m| m.range()))
                        .collect(),
                )
            }
        }
    }

    /// `text` with every match replaced by what `with` makes of it.
    pub fn replace_all(&self, text: &str, with: impl Fn(&Caps) -> String) -> String {
        let mut out = String::with_capacity(text.len());
        let mut last = 0;
        for caps in self.captures_all(text) {
            let m = caps.range(0);
            out.push_str(&text[last..m.start]);
            out.push_str(&with(&caps));
            last = m.end;
        }
        out.push_str(&text[last..]);
        out
    }

    /// `text` with the first match replaced, if there is one.
    pub fn replace_first(&self, text: &str, with: impl Fn(&Caps) -> String) -> Option<String> {
        let caps = self.captures(text)?;
        let m = caps.range(0);
        Some(format!(
            "{}{}{}",
            &text[..m.start],
            with(&caps),
            &text[m.end..]
        ))
    }
}

/// A match and its groups.
pub struct Caps<'t, 'r> {
    text: &'t str,
    groups: Groups,
    re: &'r Re,
}

impl<'t> Caps<'t, '_> {
    /// Group `i`, if it took part in the match.
    pub fn get(&self, i: usize) -> Option<&'t str> {
        self.groups.get(i).cloned().flatten().map(|r| &self.text[r])
    }

    /// The named group, if it took part in the match.
    pub fn name(&self, name: &str) -> Option<&'t str> {
        let i = self.re.names.iter().find(|(n, _)| n == name)?.1;
        self.get(i)
    }

    /// Byte range of group `i` (empty at 0 when it did not take part).
    pub fn range(&self, i: usize) -> Range<usize> {
        self.groups.get(i).cloned().flatten().unwrap_or(0..0)
    }
}

/// A pattern compiled once, on first use.
macro_rules! re {
    ($pattern:expr) => {{
        static RE: std::sync::LazyLock<$crate::content::markdown::kramdown::scanner::Re> =
            std::sync::LazyLock::new(|| {
                $crate::content::markdown::kramdown::scanner::Re::new(&$pattern)
            });
        &*RE
    }};
}
pub(crate) use re;

/// Ruby's character-class shorthands, anchors and escapes, in the Rust regex dialect.
fn translate(ruby: &str) -> String {
    const SPACE: &str = r" \t\r\n\x0C\x0B";
    const WORD: &str = "A-Za-z0-9_";
    // Punctuation that is special to the Rust regex parser and so must stay escaped; any other
    // escaped punctuation (`\<`, `\/`, `\'`) is a plain character in Ruby, and in Rust `\<` would
    // even be a word boundary.
    const META: &str = r"\.+*?()|[]{}^$#&-~";
    let mut out = String::with_capacity(ruby.len() + 16);
    let mut chars = ruby.chars().peekable();
    let mut in_class = 0usize;
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let Some(next) = chars.next() else { break };
                let class = in_class > 0;
                match next {
                    's' if class => out.push_str(SPACE),
                    's' => out.push_str(&format!("[{SPACE}]")),
                    'S' if !class => out.push_str(&format!("[^{SPACE}]")),
                    'w' if class => out.push_str(WORD),
                    'w' => out.push_str(&format!("[{WORD}]")),
                    'W' if !class => out.push_str(&format!("[^{WORD}]")),
                    'd' if class => out.push_str("0-9"),
                    'd' => out.push_str("[0-9]"),
                    'D' if !class => out.push_str("[^0-9]"),
                    'h' if class => out.push_str("0-9a-fA-F"),
                    'h' => out.push_str("[0-9a-fA-F]"),
                    'b' if !class => out.push_str(r"(?-u:\b)"),
                    'B' if !class => out.push_str(r"(?-u:\B)"),
                    'Z' if !class => out.push_str(r"(?=\n?\z)"),
                    c if c.is_ascii_punctuation() && !META.contains(c) => out.push(c),
                    c => {
                        out.push('\\');
                        out.push(c);
                    }
                }
            }
            '[' => {
                in_class += 1;
                out.push('[');
                if chars.peek() == Some(&'^') {
                    out.push(chars.next().expect("peeked"));
                }
                if chars.peek() == Some(&']') {
                    out.push_str(r"\]");
                    chars.next();
                }
            }
            ']' if in_class > 0 => {
                in_class -= 1;
                out.push(']');
            }
            _ => out.push(c),
        }
    }
    // POSIX classes are Unicode-aware in Ruby.
    out.replace("[:alpha:]", r"\p{Alphabetic}")
        .replace("[:alnum:]", r"\p{Alphabetic}\p{Nd}")
}

/// Positions a scanner has indexed, from one on (see [`Scanner::indexed`]).
pub struct Indexed {
    positions: std::rc::Rc<[usize]>,
    next: usize,
}

impl Iterator for Indexed {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        let position = self.positions.get(self.next).copied()?;
        self.next += 1;
        Some(position)
    }
}

/// The groups of the last match, as byte ranges into the scanner's text.
#[derive(Clone, Debug, Default)]
struct LastMatch {
    groups: Vec<Option<Range<usize>>>,
    names: Arc<[(String, usize)]>,
}

/// A text being scanned, with the line its first line has in the document.
#[derive(Clone, Debug)]
pub struct Scanner {
    text: String,
    pos: usize,
    first_line: usize,
    last: LastMatch,
    /// Tells scanners apart, for what the span parser remembers about positions in one text.
    id: usize,
    /// Byte offsets of the text's line breaks, made on first use: a line number is then a binary
    /// search, where counting the breaks before the position each time made a long page
    /// quadratic to parse.
    newlines: std::cell::OnceCell<Vec<usize>>,
    /// Where each fixed string asked for by [`Scanner::next_of`] occurs, made on first use.
    occurrences: std::cell::RefCell<HashMap<&'static str, std::rc::Rc<[usize]>>>,
    /// Matching parentheses, made on first use (see [`Scanner::closing_paren`]).
    parens: std::cell::OnceCell<HashMap<usize, usize>>,
}

impl Scanner {
    pub fn new(text: impl Into<String>, first_line: usize) -> Self {
        static NEXT_ID: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        Self {
            text: text.into(),
            pos: 0,
            first_line,
            last: LastMatch::default(),
            id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            newlines: std::cell::OnceCell::new(),
            occurrences: Default::default(),
            parens: std::cell::OnceCell::new(),
        }
    }

    /// The byte offset of the first occurrence of `needle` that starts at or after `from`.
    ///
    /// Several of kramdown's span patterns search ahead for a closing mark (`-->`, `>`, `]`);
    /// tried at every opening mark of a long text that has no closing one, each search would
    /// scan to the end. The positions of the mark are found once instead, and each question is
    /// a binary search.
    pub fn next_of(&self, needle: &'static str, from: usize) -> Option<usize> {
        self.first_indexed(needle, from, |text| {
            // Overlapping occurrences count (`~~~` holds `~~` twice).
            let mut found = Vec::new();
            let mut at = 0;
            while let Some(i) = text[at..].find(needle) {
                found.push(at + i);
                at += i + needle.chars().next().map_or(1, char::len_utf8);
            }
            found
        })
    }

    /// The first position at or after `from` of those `build` finds in the text, `build` being
    /// run once per scanner and `key`.
    pub fn first_indexed(
        &self,
        key: &'static str,
        from: usize,
        build: impl FnOnce(&str) -> Vec<usize>,
    ) -> Option<usize> {
        self.indexed(key, from, build).next()
    }

    /// The positions at or after `from` of those `build` finds in the text, in order (`build`
    /// runs once per scanner and `key`).
    pub fn indexed(
        &self,
        key: &'static str,
        from: usize,
        build: impl FnOnce(&str) -> Vec<usize>,
    ) -> Indexed {
        let positions = self
            .occurrences
            .borrow_mut()
            .entry(key)
            .or_insert_with(|| build(&self.text).into())
            .clone();
        let next = positions.partition_point(|&p| p < from);
        Indexed { positions, next }
    }

    /// For the `(` at `open`, the `)` that closes it when every parenthesis after it counts.
    pub fn closing_paren(&self, open: usize) -> Option<usize> {
        self.parens
            .get_or_init(|| {
                let mut pairs = HashMap::new();
                let mut stack = Vec::new();
                for (i, b) in self.text.bytes().enumerate() {
                    match b {
                        b'(' => stack.push(i),
                        b')' => {
                            if let Some(open) = stack.pop() {
                                pairs.insert(open, i);
                            }
                        }
                        _ => {}
                    }
                }
                pairs
            })
            .get(&open)
            .copied()
    }

    /// The length of the match of `re` at the position when it must end by byte `end` (for
    /// patterns known not to match past it), remembering its groups.
    pub fn check_within(&mut self, re: &Re, end: usize) -> Option<usize> {
        let end = end.clamp(self.pos, self.text.len());
        let found = re.find(&self.text[self.pos..end], true);
        self.remember(found, self.pos, re).map(|r| r.len())
    }

    /// Like [`Scanner::scan`], for a match that must end by byte `end`.
    pub fn scan_within(&mut self, re: &Re, end: usize) -> Option<String> {
        let len = self.check_within(re, end)?;
        let matched = self.text[self.pos..self.pos + len].to_owned();
        self.pos += len;
        Some(matched)
    }

    /// This scanner's identity (no two scanners of one process share it).
    pub fn id(&self) -> usize {
        self.id
    }

    fn newlines(&self) -> &[usize] {
        self.newlines
            .get_or_init(|| self.text.match_indices('\n').map(|(i, _)| i).collect())
    }

    /// The byte offset of the end of the line the position is on (its line break, or the end).
    pub fn line_end(&self) -> usize {
        let newlines = self.newlines();
        let i = newlines.partition_point(|&n| n < self.pos);
        newlines.get(i).copied().unwrap_or(self.text.len())
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn pos(&self) -> usize {
        self.pos
    }

    pub fn set_pos(&mut self, pos: usize) {
        self.pos = pos.min(self.text.len());
    }

    /// Moves `n` bytes forward (never past the end nor into a character).
    pub fn advance(&mut self, n: usize) {
        let mut pos = (self.pos + n).min(self.text.len());
        while !self.text.is_char_boundary(pos) {
            pos += 1;
        }
        self.pos = pos;
    }

    /// The first line's number, for scanners of nested text.
    pub fn first_line(&self) -> usize {
        self.first_line
    }

    /// The length of the last match.
    pub fn matched_size(&self) -> usize {
        self.matched().len()
    }

    pub fn eos(&self) -> bool {
        self.pos >= self.text.len()
    }

    pub fn rest(&self) -> &str {
        &self.text[self.pos..]
    }

    pub fn terminate(&mut self) {
        self.pos = self.text.len();
    }

    /// The line of the document the position is on.
    pub fn current_line_number(&self) -> usize {
        self.first_line + self.newlines().partition_point(|&n| n < self.pos)
    }

    fn remember(&mut self, groups: Option<Groups>, offset: usize, re: &Re) -> Option<Range<usize>> {
        match groups {
            Some(groups) => {
                self.last.groups = groups
                    .into_iter()
                    .map(|g| g.map(|r| r.start + offset..r.end + offset))
                    .collect();
                self.last.names = re.names.clone();
                self.last.groups.first().cloned().flatten()
            }
            // A failed match forgets the last one, as in Ruby.
            None => {
                self.last = LastMatch::default();
                None
            }
        }
    }

    /// The length of the match of `re` at the position (without moving), remembering its groups.
    pub fn check(&mut self, re: &Re) -> Option<usize> {
        let found = re.find(&self.text[self.pos..], true);
        self.remember(found, self.pos, re).map(|r| r.len())
    }

    /// Whether `re` matches at the position.
    pub fn matches(&mut self, re: &Re) -> bool {
        self.check(re).is_some()
    }

    /// The match of `re` at the position, moving past it.
    pub fn scan(&mut self, re: &Re) -> Option<String> {
        let len = self.check(re)?;
        let matched = self.text[self.pos..self.pos + len].to_owned();
        self.pos += len;
        Some(matched)
    }

    /// Everything from the position to the end of the next match of `re`, moving past it.
    pub fn scan_until(&mut self, re: &Re) -> Option<String> {
        let start = self.pos;
        let found = re.find(&self.text[start..], false);
        let whole = self.remember(found, start, re)?;
        self.pos = whole.end;
        Some(self.text[start..whole.end].to_owned())
    }

    /// Everything from the position to the start of the next match of `re`, moving to it: what
    /// Ruby's `scan_until(/(?=re)/)` does, without a look-ahead.
    ///
    /// Only the whole match is remembered: callers look at what is there with patterns of their
    /// own, and the groups of a search are the costliest part of it.
    pub fn skip_to(&mut self, re: &Re) -> Option<String> {
        let skipped = self.skip_to_range(re)?;
        Some(self.text[skipped].to_owned())
    }

    /// [`Scanner::skip_to`], giving the byte range passed over instead of a copy of it.
    pub fn skip_to_range(&mut self, re: &Re) -> Option<Range<usize>> {
        let start = self.pos;
        let found = re.find_range(&self.text[start..], 0).map(|r| vec![Some(r)]);
        let whole = self.remember(found, start, re)?;
        self.pos = whole.start;
        Some(start..whole.start)
    }

    /// Group `i` of the last match.
    pub fn group(&self, i: usize) -> Option<&str> {
        self.last
            .groups
            .get(i)
            .cloned()
            .flatten()
            .map(|r| &self.text[r])
    }

    /// The named group of the last match.
    pub fn named(&self, name: &str) -> Option<&str> {
        let i = self.last.names.iter().find(|(n, _)| n == name)?.1;
        self.group(i)
    }

    pub fn matched(&self) -> &str {
        self.group(0).unwrap_or("")
    }

    /// The text before the last match.
    pub fn pre_match(&self) -> &str {
        match self.last.groups.first().cloned().flatten() {
            Some(r) => &self.text[..r.start],
            None => &self.text[..self.pos],
        }
    }

    /// The character at the position, moving past it.
    pub fn getch(&mut self) -> String {
        match self.text[self.pos..].chars().next() {
            Some(c) => {
                self.pos += c.len_utf8();
                c.to_string()
            }
            None => String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scans_like_ruby() {
        let mut s = Scanner::new("# Title\nbody é\n", 1);
        assert_eq!(
            s.scan(re!(r"^#\s*(?<title>.*)\n")),
            Some("# Title\n".into())
        );
        assert_eq!(s.named("title"), Some("Title"));
        assert_eq!(s.current_line_number(), 2);
        assert!(s.check(re!(r"^#")).is_none());
        assert_eq!(s.scan_until(re!(r"é")), Some("body é".into()));
        assert_eq!(s.pre_match(), "# Title\nbody ");
        assert_eq!(s.getch(), "\n");
        assert!(s.eos());
    }

    #[test]
    fn shorthands_are_ascii_as_in_ruby() {
        assert!(!re!(r"\A\w\z").is_match("é"));
        assert!(!re!(r"\A\s\z").is_match("\u{a0}"));
        assert!(re!(r"\A[[:alpha:]]\z").is_match("é"));
        assert!(re!(r"a\Z").is_match("a\n"));
        assert!(re!(r"\A[^\s.#]+\z").is_match("button"));
    }
}
