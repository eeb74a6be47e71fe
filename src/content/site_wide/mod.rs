//! What needs every page at once, after each is compiled (and the addresses the settings give
//! every page, [`addresses`]): two pages at one address
//! ([`routes`]), the lists of posts ([`news`]), the data views' links to the record pages
//! ([`data_views`]), the site's languages and translations
//! ([`languages`]), every link ([`links`]), and what the policy must allow ([`policy`]).

pub mod addresses;
pub mod data_views;
pub mod language_tags;
pub mod languages;
pub mod links;
pub mod news;
pub mod policy;
pub mod routes;
pub mod site_index;
pub mod translations;
