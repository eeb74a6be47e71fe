//! What kramdown passes over silently, as diagnostics an editor can act on: each at the line
//! kramdown knows, and at the column where what it is about is written on that line.

use crate::content::diagnostics::{Diagnostic, Position, did_you_mean};
use crate::content::limits::MAX_NESTING;
use crate::content::markdown::kramdown::{MAX_ABBREVIATIONS, Warning, WarningKind};

/// The body's lines, to find the column of what a line-level warning is about.
pub(super) struct Source<'a> {
    pub lines: Vec<&'a str>,
    pub first_line: usize,
    /// Characters before the text on its first line (a value after its key: `description: `).
    first_column_offset: usize,
    /// Where the last search on a line ended (line, byte, characters before it): links are
    /// looked for in the order they are written, so each search goes on from the last one.
    /// This finds the second of two equal links on a line, and keeps a line with thousands of
    /// links linear.
    cursor: std::cell::Cell<(usize, usize, usize)>,
    /// Texts known not to be on a line after a byte (a reference link's URL is written
    /// elsewhere): asked again, the answer is at hand.
    absent: std::cell::RefCell<std::collections::HashMap<(usize, String), usize>>,
}

impl<'a> Source<'a> {
    pub fn new(text: &'a str, start: Position) -> Self {
        Self {
            lines: text.split('\n').collect(),
            first_line: start.line,
            first_column_offset: start.column.saturating_sub(1),
            cursor: std::cell::Cell::new((0, 0, 0)),
            absent: Default::default(),
        }
    }

    /// Whether `needle` is written on `line`.
    pub fn holds(&self, line: usize, needle: &str) -> bool {
        self.line(line).contains(needle)
    }

    fn line(&self, line: usize) -> &str {
        line.checked_sub(self.first_line)
            .and_then(|i| self.lines.get(i))
            .copied()
            .unwrap_or("")
    }

    /// The position in the file of the character after `chars` characters of `line`.
    fn at(&self, line: usize, chars: usize) -> Position {
        let offset = if line == self.first_line {
            self.first_column_offset
        } else {
            0
        };
        Position::new(line, offset + chars + 1)
    }

    /// The position of the first `needle` on `line`, or of its first non-blank character.
    pub fn find(&self, line: usize, needle: &str) -> Position {
        let text = self.line(line);
        let byte = (!needle.is_empty()).then(|| text.find(needle)).flatten();
        let byte = byte.unwrap_or(text.len() - text.trim_start().len());
        self.at(line, text[..byte].chars().count())
    }

    /// The position of `needle` on `line` after the one this found last on that line (for links
    /// and images, met in the order they are written), or of the line's first non-blank
    /// character.
    pub fn find_next(&self, line: usize, needle: &str) -> Position {
        let text = self.line(line);
        let (cursor_line, from, chars_before) = self.cursor.get();
        let (from, chars_before) = if cursor_line == line {
            (from, chars_before)
        } else {
            (0, 0)
        };
        let known_absent = || {
            self.absent
                .borrow()
                .get(&(line, needle.to_owned()))
                .is_some_and(|&after| from >= after)
        };
        let found = (!needle.is_empty() && !known_absent())
            .then(|| text[from..].find(needle))
            .flatten();
        if found.is_none() && !needle.is_empty() {
            self.absent
                .borrow_mut()
                .insert((line, needle.to_owned()), from);
        }
        if let Some(i) = found {
            let chars = chars_before + text[from..from + i].chars().count();
            self.cursor.set((
                line,
                from + i + needle.len(),
                chars + needle.chars().count(),
            ));
            return self.at(line, chars);
        }
        let byte = text.len() - text.trim_start().len();
        self.at(line, text[..byte].chars().count())
    }

    /// The position of `needle` on `line` or, failing that, on one of the lines after it (where a
    /// block's attribute list is written); else `line` itself.
    pub fn find_near(&self, line: usize, needle: &str) -> Position {
        (line..line + 20)
            .find(|l| self.line(*l).contains(needle))
            .map_or_else(|| self.find(line, needle), |l| self.find(l, needle))
    }

    /// The position of the second `needle` on `line` (the first if there is one only), just
    /// after its leading space.
    fn find_second(&self, line: usize, needle: &str) -> Position {
        let text = self.line(line);
        let Some(first) = text.find(needle) else {
            return self.find(line, needle.trim());
        };
        let at = text[first + 1..]
            .find(needle)
            .map_or(first, |i| first + 1 + i)
            + 1;
        self.at(line, text[..at].chars().count())
    }

    /// The position of the attribute list on `line` that contains `needle`.
    fn find_list(&self, line: usize, needle: &str) -> Position {
        let text = self.line(line);
        let mut from = 0;
        while let Some(start) = text[from..].find("{:").map(|i| i + from) {
            let end = text[start..].find('}').map_or(text.len(), |i| start + i);
            if text[start..end].contains(needle) {
                return self.at(line, text[..start].chars().count());
            }
            from = start + 2;
        }
        self.find(line, "{:")
    }
}

fn error_at(file: &str, at: Position, message: String, hint: String) -> Diagnostic {
    Diagnostic::error(file, at, message).with_hint(hint)
}

fn warning_at(file: &str, at: Position, message: String, hint: String) -> Diagnostic {
    Diagnostic::warning(file, at, message).with_hint(hint)
}

/// A block attribute list on `line` with no block to apply to.
pub(super) fn unused_attribute_list(file: &str, src: &Source, line: usize) -> Diagnostic {
    warning_at(
        file,
        src.find(line, "{:"),
        "this attribute list is not next to a block, so it applies to nothing".into(),
        "put it on the line right after the block it is for, or right before it".into(),
    )
}

/// The diagnostic for one thing the parser noticed.
/// The diagnostic of one of kramdown's warnings: an error where no sensible page can be drawn
/// (an attribute list never closed, the limits of nesting and complexity), a warning for what
/// kramdown and Jekyll build through (and show as text), which `strict: true` makes an error.
pub(super) fn diagnostic(file: &str, src: &Source, warning: &Warning) -> Diagnostic {
    let line = warning.line;
    match &warning.kind {
        WarningKind::InvalidAttribute { list, token } => warning_at(file,
            src.find(line, token),
            format!("`{token}` in attribute list `{{:{list}}}` is not an attribute"),
            "write `#id`, `.class`, `key=\"value\"` or the name of a `{:name: ...}` definition".into(),
        ),
        WarningKind::UnknownReference { name, known } => {
            let known: Vec<&str> = known.iter().map(String::as_str).collect();
            let hint = match did_you_mean(name, &known) {
                Some(close) => format!("did you mean `{close}`? To add the class `{name}`, write `.{name}`"),
                None => format!("to add the class `{name}`, write `.{name}`"),
            };
            warning_at(file, src.find_list(line, name), format!("attribute list uses `{name}`, which is not defined"), hint)
        }
        WarningKind::UnclosedAttributeList { .. } => error_at(file,
            src.find(line, "{:"),
            "attribute list is never closed".into(),
            "end it with `}` on the same line".into(),
        ),
        WarningKind::AttributeListAfterText { text } => warning_at(file,
            src.find(line, text),
            "this attribute list follows plain text, so it applies to nothing and would be shown as text".into(),
            "put it right after a link, emphasis or image, or on its own line after the block".into(),
        ),
        WarningKind::NoEndTag { tag } => warning_at(file,
            src.find(line, &format!("<{tag}")),
            format!("`<{tag}>` is never closed, so it runs to the end of its block"),
            format!("add `</{tag}>` where it should end"),
        ),
        WarningKind::StrayEndTag { tag } => warning_at(file,
            src.find(line, &format!("</{tag}")),
            format!("`</{tag}>` closes nothing, so it is shown as text"),
            "remove it, or add the start tag it belongs to".into(),
        ),
        WarningKind::BlockTagInText { tag } => warning_at(file,
            src.find(line, &format!("<{tag}")),
            format!("block-level `<{tag}>` inside a paragraph is shown as text"),
            "leave a blank line before it so that it starts a block".into(),
        ),
        WarningKind::DuplicateHtmlAttribute { tag, name } => warning_at(file,
            src.find_second(line, &format!(" {name}=")),
            format!("`<{tag}>` has the attribute `{name}` twice; the last one is used"),
            "remove one of them".into(),
        ),
        WarningKind::UndefinedLink { id } => warning_at(file,
            src.find(line, "["),
            format!("the link reference `[{id}]` has no definition, so the link would be shown as text"),
            format!("define it on a line of its own: `[{id}]: /path/`"),
        ),
        WarningKind::DuplicateLinkDefinition { id } => warning_at(file,
            src.find(line, "["),
            format!("the link reference `[{id}]` is defined again; this definition replaces the earlier one"),
            "remove one of the definitions".into(),
        ),
        WarningKind::UndefinedFootnote { name } => warning_at(file,
            src.find(line, &format!("[^{name}]")),
            format!("the footnote `[^{name}]` has no definition, so it would be shown as text"),
            format!("define it on a line of its own: `[^{name}]: The note.`"),
        ),
        WarningKind::DuplicateFootnote { name } => warning_at(file,
            src.find(line, &format!("[^{name}]")),
            format!("the footnote `[^{name}]` is defined again; this definition replaces the earlier one"),
            "remove one of the definitions".into(),
        ),
        WarningKind::DuplicateAbbreviation { name } => warning_at(file,
            src.find(line, &format!("*[{name}]")),
            format!("the abbreviation `{name}` is defined again; this definition replaces the earlier one"),
            "remove one of the definitions".into(),
        ),
        WarningKind::UnreferencedFootnote { name } => warning_at(file,
            src.find(line, &format!("[^{name}]")),
            format!("the footnote `[^{name}]` is never referenced, so it is not shown"),
            format!("refer to it with `[^{name}]` in the text, or remove it"),
        ),
        WarningKind::InvalidExtension { text } => warning_at(file,
            src.find(line, text),
            format!("`{text}` is not an extension kramdown knows, so it would be shown as text"),
            "use `{::comment}...{:/comment}` or `{::nomarkdown}...{:/nomarkdown}`, or escape the brace as `\\{`".into(),
        ),
        WarningKind::UnusedAttributeList => unused_attribute_list(file, src, line),
        WarningKind::TooDeep => error_at(file,
            src.find(line, ""),
            format!("nesting deeper than {MAX_NESTING} levels"),
            "quotes, lists and HTML elements may be nested at most that deep; flatten the content here".into(),
        ),
        WarningKind::TooManyAbbreviations => error_at(file,
            src.find(line, "*["),
            format!("more than {MAX_ABBREVIATIONS} abbreviations are defined on this page"),
            "define only the abbreviations the page uses".into(),
        ),
        WarningKind::TooComplex => error_at(file,
            src.find(line, ""),
            "this paragraph is too complex to parse: it has a great many brackets or emphasis marks that never close".into(),
            "escape literal `[`, `*` and `_` with a backslash (`\\[`), or split the paragraph".into(),
        ),
        WarningKind::UnknownOption { name } => warning_at(file,
            src.find(line, name),
            format!("the `{{::options}}` setting `{name}` is ignored"),
            "every page is rendered with the site's kramdown settings".into(),
        ),
    }
}
