//! Markdown body -> model blocks, rendered as Jekyll's kramdown renders it.
//!
//! `kramdown` parses the text with Jekyll's settings; this module turns its element tree into the
//! page model the way kramdown's HTML converter would write it (tight list items without `<p>`,
//! standalone images as figures, footnotes at the end), removes what is unsafe in raw HTML, and
//! turns what kramdown passes over silently into diagnostics with file, line and column.

mod blocks;
mod convert;
mod html;
pub mod ids;
mod inlines;
pub mod kramdown;
pub mod live_counts;
mod problems;
#[cfg(test)]
mod tests;

pub use convert::{Body, parse, parse_at, parse_with};
/// What the tests of Markdown (here and in the body's drawing) share.
#[cfg(test)]
pub mod testing {
    use super::*;
    use crate::content::body::Block;
    use crate::content::diagnostics::Diagnostic;

    /// The blocks of `text` and what was said about it.
    pub fn blocks(text: &str) -> (Vec<Block>, Vec<Diagnostic>) {
        let mut diagnostics = Vec::new();
        let body = parse(
            "content/p.md",
            text,
            1,
            crate::content::hosts::Hosts::NONE,
            &mut diagnostics,
        );
        (body.blocks, diagnostics)
    }

    /// Diagnostics as their text.
    pub fn messages(diagnostics: &[Diagnostic]) -> Vec<String> {
        diagnostics.iter().map(ToString::to_string).collect()
    }
}
