//! Jekyll's tags, and those of Liquid's this engine takes over to make them safe and lenient as
//! Ruby's Liquid is, one file each, as Jekyll keeps them (`tags/include.rb`,
//! `tags/highlight.rb`, `tags/link.rb`, `tags/post_url.rb`).

pub mod capture;
pub mod conditional;
pub mod for_loop;
pub mod head;
pub mod highlight;
pub mod include;
pub mod links;
