//! The views a route can show: the site around a page.

pub mod content_page;
pub mod site_view;
