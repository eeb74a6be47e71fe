//! The parts of every page that the browser app draws and updates: header and navigation,
//! footer, table of contents, and the loading status.

pub mod document_title;
pub mod dropdown;
pub mod page_status;
pub mod site_footer;
pub mod site_header;
pub mod toc;
