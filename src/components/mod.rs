//! The parts of every page that the browser app draws and updates: header, hero, footer.

pub mod hero;
pub mod site_footer;
pub mod site_header;
