//! The built site in a real browser: headless Chromium, driven through chromedriver, against the
//! release builds in `dist/` (and `target/dist-scc/` for the sub-path) served by a local static
//! server that applies the site's `_headers`. scripts/test.sh builds both first.

mod content_pages;
mod data_pages;
mod deployment;
mod generated_site;
mod languages;
mod live_counts;
mod live_reload;
mod page_loading;
mod portal;
mod prerendered;
mod scrolling;
mod search;
mod support;
mod widgets;
