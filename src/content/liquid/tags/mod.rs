//! Jekyll's tags that the `liquid` crate does not have (or reads otherwise), one file each, as
//! Jekyll keeps them (`tags/include.rb`, `tags/highlight.rb`).

pub mod highlight;
pub mod include;
