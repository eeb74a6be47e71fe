//! A file of the site, as read from disk or given by a test, and its text.

use crate::content::diagnostics::{Diagnostic, Position};

/// A file of the site.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// Path inside the site's folder (`es/about.md`, `_posts/2021-01-14-x.md`).
    pub relative: String,
    /// Path as messages show it (`content/es/about.md`).
    pub shown: String,
    pub bytes: Vec<u8>,
}

impl SourceFile {
    /// A file of the site folder `content/` with `text`, for tests.
    pub fn new(relative: &str, text: &str) -> Self {
        Self {
            relative: relative.to_owned(),
            shown: format!("content/{relative}"),
            bytes: text.as_bytes().to_vec(),
        }
    }

    /// Whether this is a post (a file under a `_posts` folder).
    pub fn is_post(&self) -> bool {
        self.relative.starts_with("_posts/") || self.relative.contains("/_posts/")
    }
}

/// The file's text, or an error at its first byte that is not UTF-8.
pub fn decode<'a>(file: &'a SourceFile, diagnostics: &mut Vec<Diagnostic>) -> Option<&'a str> {
    match std::str::from_utf8(&file.bytes) {
        Ok(text) => Some(text),
        Err(error) => {
            let valid = &file.bytes[..error.valid_up_to()];
            let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
            let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            let column = String::from_utf8_lossy(&valid[line_start..])
                .chars()
                .count()
                + 1;
            diagnostics.push(
                Diagnostic::error(
                    &file.shown,
                    Position::new(line, column),
                    "the file is not valid UTF-8",
                )
                .with_hint("save the file as UTF-8 in your editor"),
            );
            None
        }
    }
}
