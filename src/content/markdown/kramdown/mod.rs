//! A port of kramdown's parser, the Markdown engine of Jekyll, so that pages written for the old
//! Jekyll site come out the same here.
//!
//! It follows kramdown (and its GFM parser, which Jekyll uses) step by step: the same block and
//! span parsers, tried in the same order, with the same regular expressions, building the same
//! element tree. The tree is turned into the page model by `content::markdown`. Parsing never
//! fails: whatever kramdown would show as text is kept as text, and what an author may want to
//! know about is reported as a `Warning` with its line.

mod abbreviations;
mod blocks;
mod document;
mod element;
pub mod entities;
mod html;
mod ids;
mod lists;
mod options;
mod parser;
mod patterns;
pub mod scanner;
mod smart_quotes;
mod span_state;
mod spans;
mod table;
mod warnings;

pub use document::{Document, Footnote, parse};
pub use element::{Alignment, AttrMap, ContentModel, Element, EobKind, Ial, Kind};
pub use ids::KramdownIds;
pub use options::{Input, Options};
pub use warnings::{MAX_ABBREVIATIONS, Warning, WarningKind};
