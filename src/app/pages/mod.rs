//! The views a route can show: the site around a content page or the "not found" page.

pub mod content_page;
pub mod not_found;
pub mod site_view;
