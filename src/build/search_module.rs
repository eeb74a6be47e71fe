//! The search dialog's WebAssembly module (`scc-search`, see `crate::search_dialog`), named by
//! its hash like our other modules (`modules`), with a starter that loads it and Pagefind's
//! script (from the index `search_index` writes) together.

use super::modules::Module;

/// Where the search index lives in the site (Pagefind's script and its index, see
/// `search_index`).
pub const FOLDER: &str = "/pagefind/";

/// The search dialog's module (`crate::search_dialog`) trunk left in the app's `folder`, if it
/// built one: its starter loads the module and Pagefind's script together (the dialog reads
/// Pagefind as `window.sccPagefind`), Pagefind told the site's base so that its results'
/// addresses are the site's.
pub fn take(
    dist: &std::path::Path,
    (folder, base): (&str, &crate::urls::BaseUrl),
    words: &str,
) -> Option<Module> {
    let pagefind = base.href(&format!("{FOLDER}pagefind.js"));
    let root = base.href("/");
    super::modules::take(dist, (folder, base), "scc-search", |js, wasm| {
        format!(
            "Promise.all([import('{js}'),import('{pagefind}')]).then(([search,pagefind])=>{{\
             pagefind.options({{baseUrl:'{root}'}});window.sccPagefind=pagefind;window.sccSearchWords={words};\
             return search.default({{module_or_path:'{wasm}'}});}});\n"
        )
    })
}
