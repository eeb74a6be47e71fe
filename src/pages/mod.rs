//! The views a route can show: a content page, or the page for addresses that match nothing.

pub mod content_page;
pub mod not_found;
