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
    names: Vec<(String, usize)>,
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
        let names: Vec<(String, usize)> = match &engine {
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
                Some(
                    (0..caps.len())
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
        static RE: std::sync::LazyLock<$crate::content::kramdown::scanner::Re> =
            std::sync::LazyLock::new(|| $crate::content::kramdown::scanner::Re::new(&$pattern));
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

/// The groups of the last match, as byte ranges into the scanner's text.
#[derive(Clone, Debug, Default)]
struct LastMatch {
    groups: Vec<Option<Range<usize>>>,
    names: Vec<(String, usize)>,
}

/// A text being scanned, with the line its first line has in the document.
#[derive(Clone, Debug)]
pub struct Scanner {
    text: String,
    pos: usize,
    first_line: usize,
    last: LastMatch,
}

impl Scanner {
    pub fn new(text: impl Into<String>, first_line: usize) -> Self {
        Self {
            text: text.into(),
            pos: 0,
            first_line,
            last: LastMatch::default(),
        }
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
        self.first_line + self.text[..self.pos].matches('\n').count()
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
    pub fn skip_to(&mut self, re: &Re) -> Option<String> {
        let start = self.pos;
        let found = re.find(&self.text[start..], false);
        let whole = self.remember(found, start, re)?;
        self.pos = whole.start;
        Some(self.text[start..whole.start].to_owned())
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
