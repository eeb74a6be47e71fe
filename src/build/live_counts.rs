//! GBIF's live counts in the visitor's browser: the theme's `data-ajax-url` elements (kept by the
//! build only on GBIF's API, `crate::content::hosts`) get the number their address answers.
//!
//! This is a small JavaScript module (`live_counts.js`, 1.4 KB, about 700 bytes brotli) rather
//! than part of the app: written in the app, the same fetching, reading and formatting cost
//! 1,765 bytes brotli of WebAssembly on every page of every site, which the first-load budget
//! (125,000 bytes) did not have. As a module it weighs nothing on a page without counts (the
//! loader fetches it once a page with counts is on screen, on arrival or after moving there in
//! the app), and the counts come even where the WebAssembly cannot run. The browser formats
//! numbers for the page's language itself (`toLocaleString`).

/// The module's text.
pub const SCRIPT: &str = include_str!("live_counts.js");
