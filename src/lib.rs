//! The website of the Specify Collections Consortium, in three parts:
//!
//! - [`content`], native: the content compiler. It reads the site's folder and turns it into a
//!   checked [`content::Site`], reporting every problem with its file, line and column.
//! - [`build`], native: the build step trunk runs after compiling the app. It draws every page
//!   with the app's components (and each page body with its own), and writes `dist/`.
//! - [`app`], for both sides: the Leptos app, drawn into every page at build time and taken over
//!   in the browser, where [`browser`] (WebAssembly only) fetches pages, follows links and keeps
//!   scroll positions.
//!
//! What they share: [`model`], the data the browser receives; [`routes`], which address shows
//! which page; [`urls`], where the site is deployed. ARCHITECTURE.md draws the whole flow.

#![recursion_limit = "256"]

pub mod app;
pub mod browser;
#[cfg(feature = "ssr")]
pub mod build;
#[cfg(feature = "compiler")]
pub mod content;
#[cfg(feature = "data")]
pub mod data_pages;
/// The data pages' searches as addresses hold them: plain Rust, tested natively too.
#[cfg(all(test, not(feature = "data")))]
#[path = "data_pages/query.rs"]
mod data_pages_query;
pub mod model;
pub mod routes;
#[cfg(feature = "search")]
pub mod search_dialog;
pub mod urls;

pub use app::App;
