//! What only the browser does (compiled to WebAssembly only): deciding whether to take over the
//! prerendered page ([`hydration`]), fetching other pages' data ([`fetch`]) and fetching it ahead
//! ([`prefetch`]), and keeping scroll positions across Back and Forward ([`scroll`]).

pub mod fetch;
pub mod hydration;
pub mod prefetch;
pub mod scroll;
