//! The parts of every page that the browser app draws and updates: header, hero, footer, the
//! language switcher and the loading status.

pub mod document_title;
pub mod hero;
pub mod language_switcher;
pub mod page_status;
pub mod site_footer;
pub mod site_header;
