//! Messages for content editors: what is wrong, where, and how to fix it.

use std::fmt;

/// How serious a problem is. Errors stop the build; warnings are printed and the build goes on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// One problem found in a content file, at a line and column (both counted from 1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn error(file: &str, at: Position, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, file, at, message)
    }

    pub fn warning(file: &str, at: Position, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, file, at, message)
    }

    fn new(severity: Severity, file: &str, at: Position, message: impl Into<String>) -> Self {
        Self {
            severity,
            file: file.to_owned(),
            line: at.line,
            column: at.column,
            message: message.into(),
            hint: None,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// A problem Jekyll builds through (a dead link, a missing image, an unknown layout): an
    /// error under `strict: true`, a warning otherwise.
    pub fn strict_if(mut self, strict: bool) -> Self {
        if strict {
            self.severity = Severity::Error;
        }
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `error` or `warning`, as messages print it.
    pub fn severity_word(&self) -> &'static str {
        match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// `content/about.md:12:5: error: message`, then the hint on its own line, as compilers print.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = self.severity_word();
        write!(
            f,
            "{}:{}:{}: {severity}: {}",
            self.file, self.line, self.column, self.message
        )?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  = hint: {hint}")?;
        }
        Ok(())
    }
}

/// A line and column in a file, both counted from 1; columns count characters, not bytes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl Position {
    pub const START: Position = Position { line: 1, column: 1 };

    pub fn new(line: usize, column: usize) -> Self {
        Self { line, column }
    }
}

/// Turns byte offsets into a text into line and column positions.
#[derive(Clone, Debug)]
pub struct LineIndex {
    /// Byte offset at which each line starts.
    starts: Vec<usize>,
    /// The 1-based line of the text's first line in its file (texts may be cut out of a file).
    first_line: usize,
}

impl LineIndex {
    pub fn new(text: &str, first_line: usize) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Self { starts, first_line }
    }

    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = offset.min(text.len());
        let line = self.starts.partition_point(|&start| start <= offset) - 1;
        let line_start = self.starts[line];
        let column = text
            .get(line_start..offset)
            .map_or(offset - line_start, |s| s.chars().count())
            + 1;
        Position::new(self.first_line + line, column)
    }
}

/// Edit distance between two short words, for "did you mean" suggestions. Swapping two neighbours
/// counts as one edit, since that is the commonest typo (`titel`).
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    distance_within(&a, &b, usize::MAX).unwrap_or(usize::MAX)
}

/// The edit distance of `a` and `b` if it is at most `most`: a row whose every cell is over it
/// ends the count early, since no later row can come back under it.
fn distance_within(a: &[char], b: &[char], most: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > most {
        return None;
    }
    // Three rows of the table are all the swap rule looks back on.
    let mut before: Vec<usize> = Vec::new();
    let mut above: Vec<usize> = (0..=b.len()).collect();
    let mut row = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        row[0] = i;
        let mut least = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            row[j] = (above[j] + 1).min(row[j - 1] + 1).min(above[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                row[j] = row[j].min(before[j - 2] + 1);
            }
            least = least.min(row[j]);
        }
        if least > most {
            return None;
        }
        std::mem::swap(&mut before, &mut above);
        std::mem::swap(&mut above, &mut row);
        if row.len() != b.len() + 1 {
            row = vec![0; b.len() + 1];
        }
    }
    let distance = above[b.len()];
    (distance <= most).then_some(distance)
}

/// The candidate closest to `word`, if it is close enough to be a plausible typo. A candidate
/// whose length is too far from the word's cannot be close, and one that the count shows is
/// too far is given up on early: a dead link costs little to compare with a large site's pages.
pub fn did_you_mean<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let lower: Vec<char> = word.to_lowercase().chars().collect();
    let mut best: Option<(usize, &str)> = None;
    let mut other: Vec<char> = Vec::new();
    for candidate in candidates {
        let allowed = (candidate.len() / 3).max(1);
        let most = best.map_or(allowed, |(d, _)| allowed.min(d.saturating_sub(1)));
        other.clear();
        other.extend(candidate.chars().flat_map(char::to_lowercase));
        if let Some(distance) = distance_within(&lower, &other, most) {
            best = Some((distance, candidate));
            if distance == 0 {
                break;
            }
        }
    }
    best.map(|(_, c)| c)
}

/// The first line of each diagnostic (its place, severity and message, without the hint), as
/// tests compare them.
#[cfg(test)]
pub fn first_lines(diagnostics: &[Diagnostic]) -> Vec<String> {
    diagnostics
        .iter()
        .map(|d| d.to_string().lines().next().unwrap_or("").to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters_from_one() {
        let text = "ab\ncé d\n";
        let index = LineIndex::new(text, 1);
        assert_eq!(index.position(text, 0), Position::new(1, 1));
        assert_eq!(index.position(text, 3), Position::new(2, 1));
        // "é" is two bytes but one column.
        assert_eq!(index.position(text, 7), Position::new(2, 4));
    }

    #[test]
    fn positions_are_offset_by_the_first_line() {
        let text = "x\ny";
        assert_eq!(
            LineIndex::new(text, 10).position(text, 2),
            Position::new(11, 1)
        );
    }

    #[test]
    fn display_reads_like_a_compiler_message() {
        let d = Diagnostic::error("content/about.md", Position::new(12, 5), "missing title")
            .with_hint("add `title: ...`");
        assert_eq!(
            d.to_string(),
            "content/about.md:12:5: error: missing title\n  = hint: add `title: ...`"
        );
    }

    #[test]
    fn suggests_close_words_only() {
        let keys = ["title", "description", "imageLicense"];
        assert_eq!(did_you_mean("titel", &keys), Some("title"));
        assert_eq!(did_you_mean("image_license", &keys), Some("imageLicense"));
        assert_eq!(did_you_mean("colour", &keys), None);
    }
}
