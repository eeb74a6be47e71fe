//! The data pages' WebAssembly module (`scc-data`, see `crate::data_pages`), which trunk builds
//! beside the app as a "worker" (nothing of it in the pages) under fixed names. Here it gets
//! names that carry a hash of its files (so that it is cached like the app's), and a starter
//! module that the loader inserts once a page has a data view.

use std::path::Path;

use super::modules::Module;
use crate::content::Site;
use crate::content::body::HtmlElement;
use crate::content::theme::gbif;
use crate::urls::BaseUrl;

/// The module trunk left in `folder` (the app's folder, under the deployment's sub-path
/// `base`: `/_app/`) of `dist`, if it built one, with its starter.
pub fn take(dist: &Path, folder: &str, base: &BaseUrl) -> Option<Module> {
    super::modules::take(dist, (folder, base), "scc-data", |js, wasm| {
        format!("import('{js}').then((data)=>data.default({{module_or_path:'{wasm}'}}));\n")
    })
}

/// The data views of the site's pages.
fn views(site: &Site) -> impl Iterator<Item = &HtmlElement> {
    site.pages.iter().flat_map(|page| gbif::views(&page.blocks))
}

/// Whether a page of `site` has a data view for the module to draw.
pub fn has_views(site: &Site) -> bool {
    views(site).next().is_some()
}

/// The origins the data views use (`data-api`, `data-tiles`), for the policy's `connect-src`
/// (the API) and `img-src` (the API's maps and images, and the base map tiles).
pub fn views_origins(site: &Site) -> Option<(String, String)> {
    let view = views(site).next()?;
    let origin =
        |name| gbif::view_attribute(view, name).and_then(crate::content::links::web_origin);
    Some((origin("data-api")?, origin("data-tiles")?))
}
