//! Our WebAssembly modules besides the app (the data pages', the search dialog's), which trunk
//! builds beside it as "workers" (nothing of them in the pages) under fixed names. Here each
//! gets names that carry a hash of its files (so that it is cached like the app's), and a
//! starter module that the loader inserts when a page needs it.

use std::path::Path;

use super::shell::Starter;
use crate::urls::BaseUrl;

/// A module's files under their hashed names (site paths and contents), and its starter.
pub struct Module {
    pub files: Vec<(String, Vec<u8>)>,
    pub starter: Starter,
}

/// The module `bin` (`scc-data`) trunk left in `folder` (the app's folder, under the
/// deployment's sub-path `base`: `/_app/`) of `dist`, if it built one; its fixed-name files
/// are removed. `start` writes its starter's text from the hashed addresses of its JavaScript
/// and its WebAssembly.
pub fn take(
    dist: &Path,
    (folder, base): (&str, &BaseUrl),
    bin: &str,
    start: impl Fn(&str, &str) -> String,
) -> Option<Module> {
    let (js_name, wasm_name) = (format!("{bin}.js"), format!("{bin}_bg.wasm"));
    let on_disk = |name: &str| {
        dist.join(base.strip(folder).trim_start_matches('/'))
            .join(name)
    };
    // A rebuild of the content alone (the development server's) finds the hashed files the
    // last full build left.
    let (js, wasm) = match (
        std::fs::read(on_disk(&js_name)),
        std::fs::read(on_disk(&wasm_name)),
    ) {
        (Ok(js), Ok(wasm)) => (js, wasm),
        _ => {
            let folder = on_disk("");
            let prefix = format!("{bin}-");
            let hashed = std::fs::read_dir(&folder)
                .ok()?
                .flatten()
                .map(|entry| entry.file_name().to_string_lossy().into_owned())
                .find(|name| {
                    name.strip_prefix(&prefix)
                        .is_some_and(|rest| rest.len() == 19 && rest.ends_with(".js"))
                })?;
            let wasm = hashed.replace(".js", "_bg.wasm");
            (
                std::fs::read(folder.join(&hashed)).ok()?,
                std::fs::read(folder.join(wasm)).ok()?,
            )
        }
    };
    let hash = super::cache::hex(&crate::content::digest::key_of(&(&js, &wasm))[..8]);
    let js_path = format!("{folder}{bin}-{hash}.js");
    let wasm_path = format!("{folder}{bin}-{hash}_bg.wasm");
    let text = start(&js_path, &wasm_path);
    let _ = std::fs::remove_file(on_disk(&js_name));
    let _ = std::fs::remove_file(on_disk(&wasm_name));
    let stem = bin.strip_prefix("scc-").unwrap_or(bin);
    Some(Module {
        files: vec![(js_path, js), (wasm_path, wasm)],
        starter: super::shell::app_module(folder, stem, text),
    })
}
