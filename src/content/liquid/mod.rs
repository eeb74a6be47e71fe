//! Liquid, as Jekyll runs it over pages, front matter and data: the `liquid` crate's standard
//! tags and filters, Jekyll's (`include` with parameters, `slugify`, array filters from
//! `liquid-lib`), and the ones added here: `relative_url`, `absolute_url`, `markdownify`,
//! `liquify`, `jsonify`, `highlight`.
//!
//! As in Jekyll, a tag the engine does not know is an error (the template cannot be parsed), and
//! a filter it does not know is a warning and is skipped (Jekyll's lax mode). Either way the
//! message names the file and line; `{{ }}` is never left in a page as text.

mod engine;
mod errors;
pub mod filters;
pub mod globals;
mod parser;
mod tags;
mod undefined;
mod written_order;

pub use engine::Liquid;
pub use filters::DrawMarkdown;

#[cfg(test)]
mod tests;
