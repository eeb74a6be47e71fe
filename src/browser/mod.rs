//! What only the browser does (compiled to WebAssembly only, but for [`fetch::LoadError`], which
//! the app shows on both sides): deciding whether to take over the prerendered page
//! ([`hydration`]), fetching other pages' data ([`fetch`]) and fetching it ahead ([`prefetch`]),
//! keeping scroll positions across Back and Forward ([`scroll`]), the news archive's filter
//! ([`post_filter`]), the table of contents' mark ([`reading`]) and a GBIF record page's link
//! ([`record_link`]). It knows the browser's
//! data and addresses, not the app: the app calls it.

pub mod fetch;
#[cfg(feature = "hydrate")]
pub mod hydration;
#[cfg(feature = "hydrate")]
pub mod post_filter;
#[cfg(feature = "hydrate")]
pub mod prefetch;
#[cfg(feature = "hydrate")]
pub mod reading;
#[cfg(feature = "hydrate")]
pub mod record_link;
#[cfg(feature = "hydrate")]
pub mod scroll;
