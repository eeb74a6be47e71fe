//! The pieces pages are drawn with, one component per file.

pub mod blocks;
pub mod button_row;
pub mod features_table;
pub mod hero;
pub mod html_attrs;
pub mod inlines;
pub mod section;
pub mod site_footer;
pub mod site_header;
