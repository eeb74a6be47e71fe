//! The data pages' WebAssembly module (`scc-data`, see `crate::data_pages`), which trunk builds
//! beside the app as a "worker" (nothing of it in the pages) under fixed names. Here it gets
//! names that carry a hash of its files (so that it is cached like the app's), and a starter
//! module that the loader inserts once a page has a data view.

use std::path::Path;

use super::shell::Starter;
use crate::content::Site;
use crate::content::body::HtmlElement;
use crate::content::theme::gbif;
use crate::urls::BaseUrl;

/// The names trunk gives the module's files, in the app's folder.
const JS: &str = "scc-data.js";
const WASM: &str = "scc-data_bg.wasm";

/// The module's files under their hashed names (site paths and contents), and its starter.
pub struct DataModule {
    pub files: Vec<(String, Vec<u8>)>,
    pub starter: Starter,
}

/// The module trunk left in `folder` (the app's folder, under the deployment's sub-path
/// `base`: `/_app/`) of `dist`, if it built one; its fixed-name files are removed.
pub fn take(dist: &Path, folder: &str, base: &BaseUrl) -> Option<DataModule> {
    let on_disk = |name: &str| {
        dist.join(base.strip(folder).trim_start_matches('/'))
            .join(name)
    };
    // A rebuild of the content alone (the development server's) finds the hashed files the
    // last full build left.
    let (js, wasm) = match (std::fs::read(on_disk(JS)), std::fs::read(on_disk(WASM))) {
        (Ok(js), Ok(wasm)) => (js, wasm),
        _ => {
            let folder = on_disk("");
            let hashed = std::fs::read_dir(&folder)
                .ok()?
                .flatten()
                .map(|entry| entry.file_name().to_string_lossy().into_owned())
                .find(|name| name.starts_with("scc-data-") && name.ends_with(".js"))?;
            let wasm = hashed.replace(".js", "_bg.wasm");
            (
                std::fs::read(folder.join(&hashed)).ok()?,
                std::fs::read(folder.join(wasm)).ok()?,
            )
        }
    };
    let hash = super::cache::hex(&crate::content::digest::key_of(&(&js, &wasm))[..8]);
    let js_path = format!("{folder}scc-data-{hash}.js");
    let wasm_path = format!("{folder}scc-data-{hash}_bg.wasm");
    let text = format!(
        "import('{js_path}').then((data)=>data.default({{module_or_path:'{wasm_path}'}}));\n"
    );
    let _ = std::fs::remove_file(on_disk(JS));
    let _ = std::fs::remove_file(on_disk(WASM));
    Some(DataModule {
        files: vec![(js_path, js), (wasm_path, wasm)],
        starter: super::shell::app_module(folder, "data", text),
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
