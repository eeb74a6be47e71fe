//! Liquid, as Jekyll runs it over pages, front matter and data: the `liquid` crates' parser and
//! standard tags and filters, Jekyll's, and this engine's own (`filters`, `tags`), rendered as
//! Ruby's Liquid renders in Jekyll's lax mode (`lax`), within a budget (`budget`).
//!
//! As in Jekyll, a tag the engine does not know is an error (the template cannot be parsed), and
//! a filter it does not know is a warning and is skipped. Either way the message names the file
//! and line; `{{ }}` is never left in a page as text.

mod budget;
mod engine;
mod errors;
pub mod filters;
pub mod globals;
mod jekyll_site;
mod language;
mod lax;
mod nesting;
mod repair;
mod tags;
mod templates;
mod written_order;

pub use engine::{Liquid, Variables};
pub use jekyll_site::{DrawMarkdown, SiteFiles};

#[cfg(test)]
mod properties;
#[cfg(test)]
mod tests;
