//! The site's search index: Pagefind's index of every page's content (its body as the app
//! shows it, without the header, the navigation or the footer), one index per language, with a
//! filter for the kind of page (`page`, `post`, `documentation`) and posts' categories. Written
//! to `/pagefind/` with the other files (and precompressed with them); a rebuild in which no
//! page changed keeps the previous build's index rather than indexing again.

use std::path::PathBuf;

use super::context::BuildContext;
use super::error::BuildError;
use super::search_module::FOLDER;
use super::sitemap::xml_escape as escape;
use crate::content::Page;
use crate::content::Site;
use crate::content::site_wide::site_index;

/// Pagefind's own search interfaces, which the site does not use (its dialog is its own): not
/// published.
const UNUSED: [&str; 4] = [
    "pagefind-ui.",
    "pagefind-component-ui.",
    "pagefind-modular-ui.",
    "pagefind-highlight.",
];

/// The record of the last index, beside the pages' (see `reuse`): its key and its files.
#[derive(Default, serde::Serialize, serde::Deserialize)]
struct Record {
    key: String,
    files: Vec<String>,
}

/// Indexes the pages of `site`, which are written; how many it indexed (0 when the previous
/// index was kept).
pub fn write(context: &BuildContext, site: &Site) -> Result<usize, BuildError> {
    let indexed: Vec<&Page> = site
        .pages
        .iter()
        .filter(|page| !page.meta.not_found && !page.head.noindex)
        .filter(|page| !site_index::is_index(page))
        .collect();
    let documents: Vec<(String, String, String)> = super::parallel::map(&indexed, |page| {
        let html = document(context, page)?;
        Some((page.meta.lang.clone(), page.route.clone(), html))
    })
    .into_iter()
    .flatten()
    .collect();
    let key = super::cache::hex(&crate::content::digest::key_of(&documents)[..8]);
    let record_file = context
        .published()
        .map(|p| super::kept_for(p).join("search.json"));
    if let Some(files) = unchanged(record_file.as_ref(), &key)
        && files.iter().all(|path| context.keep_previous(path))
    {
        return Ok(0);
    }
    let files = index(&documents).map_err(BuildError::Search)?;
    // A fragment per page: thousands of files, written on every core.
    let written = super::parallel::map(&files, |(name, bytes)| {
        let path = format!("{FOLDER}{name}");
        context.write(&path, bytes).map(|()| path)
    })
    .into_iter()
    .collect::<Result<Vec<String>, BuildError>>()?;
    if let Some(file) = record_file {
        let record = Record {
            key,
            files: written,
        };
        if let Ok(json) = serde_json::to_vec(&record) {
            let _ = std::fs::create_dir_all(file.parent().unwrap_or(&file));
            let _ = std::fs::write(file, json);
        }
    }
    Ok(documents.len())
}

/// The previous index's files, if it was made of the same documents.
fn unchanged(record_file: Option<&PathBuf>, key: &str) -> Option<Vec<String>> {
    let record: Record = serde_json::from_slice(&std::fs::read(record_file?).ok()?).ok()?;
    (record.key == key && !record.files.is_empty()).then_some(record.files)
}

/// What Pagefind reads of a page: its language, its body as written to its data file (the
/// title's heading included), the kind of page and a post's categories as filters. Navigation
/// inside the body (a language list, a side navigation) is left out of the index.
fn document(context: &BuildContext, page: &Page) -> Option<String> {
    let path = crate::routes::page_data_path(&crate::routes::route_key(&page.route));
    let data = std::fs::read(context.dist.join(path.trim_start_matches('/'))).ok()?;
    let data: serde_json::Value = serde_json::from_slice(&data).ok()?;
    let body: String = data
        .get("parts")?
        .as_array()?
        .iter()
        .filter_map(|part| part.get("html")?.as_str())
        .collect();
    let kind = site_index::kind_of(page);
    let categories: String = page
        .post
        .iter()
        .flat_map(|post| &post.categories)
        .map(|category| {
            format!(
                "<span data-pagefind-ignore data-pagefind-filter=\"category\">{}</span>",
                escape(category)
            )
        })
        .collect();
    Some(format!(
        "<html lang=\"{}\"><head><title>{}</title></head><body><div data-pagefind-body data-pagefind-filter=\"kind:{kind}\">{body}{categories}</div></body></html>",
        escape(&page.meta.lang),
        escape(&page.meta.title),
    ))
}

/// Pagefind's files for `documents` (language, route, HTML), by their names in the index's
/// folder. Each language's index is made on a thread of its own (Pagefind builds and compresses
/// an index's files one after another), and their files put together: each language's files
/// carry its name, the shared ones (Pagefind's script) are the same, and the entry file lists
/// every language.
fn index(documents: &[(String, String, String)]) -> Result<Files, String> {
    let mut languages: std::collections::BTreeMap<&str, Vec<(&str, &str)>> = Default::default();
    for (lang, route, html) in documents {
        languages.entry(lang).or_default().push((route, html));
    }
    let indexes: Vec<Result<Files, String>> = std::thread::scope(|scope| {
        let running: Vec<_> = languages
            .values()
            .map(|pages| scope.spawn(move || index_one(pages)))
            .collect();
        running
            .into_iter()
            .map(|thread| {
                thread
                    .join()
                    .unwrap_or_else(|_| Err("Pagefind stopped".into()))
            })
            .collect()
    });
    let mut files: std::collections::BTreeMap<String, Vec<u8>> = Default::default();
    let mut entry: Option<serde_json::Value> = None;
    for index in indexes {
        for (name, bytes) in index? {
            if name == ENTRY {
                entry = Some(merge_entries(entry, &bytes)?);
            } else {
                files.insert(name, bytes);
            }
        }
    }
    if let Some(entry) = entry {
        files.insert(ENTRY.to_owned(), entry.to_string().into_bytes());
    }
    Ok(files.into_iter().collect())
}

/// An index's files: names in the index's folder and contents.
type Files = Vec<(String, Vec<u8>)>;

/// Pagefind's entry file, which names each language's index.
const ENTRY: &str = "pagefind-entry.json";

/// The entry file `bytes` added to the entry `so_far`: its languages with the others.
fn merge_entries(
    so_far: Option<serde_json::Value>,
    bytes: &[u8],
) -> Result<serde_json::Value, String> {
    let entry: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
    let Some(mut merged) = so_far else {
        return Ok(entry);
    };
    if let (Some(all), Some(these)) = (
        merged
            .get_mut("languages")
            .and_then(serde_json::Value::as_object_mut),
        entry
            .get("languages")
            .and_then(serde_json::Value::as_object),
    ) {
        all.extend(these.clone());
    }
    Ok(merged)
}

/// One language's index: Pagefind's files for `pages` (route, HTML).
fn index_one(pages: &[(&str, &str)]) -> Result<Files, String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| e.to_string())?;
    let folder = Folder::write(pages).map_err(|e| format!("search pages: {e}"))?;
    runtime.block_on(async {
        let options = pagefind::options::PagefindServiceConfig::builder()
            .keep_index_url(false)
            .exclude_selectors(vec!["nav".into()])
            .build();
        let mut index =
            pagefind::api::PagefindIndex::new(Some(options)).map_err(|e| e.to_string())?;
        let read = index
            .add_directory(folder.path.to_string_lossy().into_owned(), None)
            .await
            .map_err(|e| e.to_string())?;
        // Pagefind skips a file it cannot read, with no more than a count: a page missing from
        // the index is an error here.
        if read != folder.written {
            return Err(format!(
                "Pagefind read {read} of the {} pages written for it in {}",
                folder.written,
                folder.path.display()
            ));
        }
        for (route, html) in &folder.others {
            index
                .add_html_file(None, Some((*route).to_owned()), (*html).to_owned())
                .await
                .map_err(|e| format!("{route}: {e}"))?;
        }
        let files = index.get_files().await.map_err(|e| e.to_string())?;
        Ok(files
            .into_iter()
            .map(|file| {
                (
                    file.filename.to_string_lossy().replace('\\', "/"),
                    file.contents,
                )
            })
            .filter(|(name, _)| !UNUSED.iter().any(|unused| name.starts_with(unused)))
            .collect())
    })
}

/// A language's pages written as files for Pagefind to read: given a folder, Pagefind reads its
/// files in parallel, where pages handed to it one by one are read one at a time (and each
/// compared with every page before it). A page whose address is not a folder or an `.html` file
/// is handed over on its own. The folder is removed when dropped.
struct Folder<'a> {
    path: PathBuf,
    /// How many pages are in it.
    written: usize,
    others: Vec<(&'a str, &'a str)>,
}

impl<'a> Folder<'a> {
    fn write(pages: &[(&'a str, &'a str)]) -> std::io::Result<Self> {
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let bytes = pages.iter().map(|(_, html)| html.len() as u64).sum();
        let path =
            scratch_root(bytes, pages.len()).join(format!("scc-search-{}-{n}", std::process::id()));
        remove_abandoned(path.parent().unwrap_or(&path));
        let _ = std::fs::remove_dir_all(&path);
        let mut folder = Folder {
            path,
            written: 0,
            others: Vec::new(),
        };
        let mut seen = std::collections::HashSet::new();
        for &(route, html) in pages {
            let relative = route.trim_start_matches('/');
            let file = if relative.is_empty() || relative.ends_with('/') {
                format!("{relative}index.html")
            } else if relative.ends_with(".html") {
                relative.to_owned()
            } else {
                folder.others.push((route, html));
                continue;
            };
            if file.split('/').any(|part| part == ".." || part == ".") || !seen.insert(file.clone())
            {
                folder.others.push((route, html));
                continue;
            }
            let file = folder.path.join(file);
            std::fs::create_dir_all(file.parent().unwrap_or(&folder.path))?;
            std::fs::write(file, html)?;
            folder.written += 1;
        }
        Ok(folder)
    }
}

/// Where the pages for Pagefind are written: memory (`/dev/shm`) where it has room for them
/// twice over, else the system's temporary folder. On the 10,010-page site, writing and removing
/// them on disk took 1.0 s (ext4 is slow to make files where many were just removed), in memory
/// 0.1 s.
fn scratch_root(bytes: u64, files: usize) -> PathBuf {
    #[cfg(target_os = "linux")]
    if let Ok(path) = std::ffi::CString::new("/dev/shm") {
        // SAFETY: `statvfs` reads a NUL-terminated path and fills the zeroed struct it is given.
        let mut stats: libc::statvfs = unsafe { std::mem::zeroed() };
        let room = unsafe { libc::statvfs(path.as_ptr(), &mut stats) } == 0
            && (stats.f_bavail as u64).saturating_mul(stats.f_frsize as u64)
                > bytes * 2 + (64 << 20)
            && stats.f_favail as u64 > files as u64 * 4;
        if room {
            return PathBuf::from("/dev/shm");
        }
    }
    std::env::temp_dir()
}

/// Removes the page folders of builds that stopped before removing theirs (a build
/// interrupted, in memory they would stay until the machine restarts).
/// Only where `/proc` tells which processes run.
fn remove_abandoned(root: &std::path::Path) {
    let proc = std::path::Path::new("/proc");
    let Ok(entries) = std::fs::read_dir(root) else {
        return;
    };
    if !proc.join("self").exists() {
        return;
    }
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(rest) = name.to_str().and_then(|n| n.strip_prefix("scc-search-")) else {
            continue;
        };
        let pid = rest.split('-').next().unwrap_or("");
        let running = pid
            .parse::<u32>()
            .is_ok_and(|pid| pid == std::process::id() || proc.join(pid.to_string()).exists());
        if !running {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

impl Drop for Folder<'_> {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn page(lang: &str, route: &str, text: &str) -> (String, String, String) {
        let html = format!(
            "<html lang=\"{lang}\"><head><title>{route}</title></head><body><div data-pagefind-body><h1>{route}</h1><p>{text}</p><nav><p>navigationword</p></nav></div></body></html>"
        );
        (lang.into(), route.into(), html)
    }

    /// A fragment's JSON, as Pagefind writes it: gzipped after a signature.
    fn fragment(bytes: &[u8]) -> serde_json::Value {
        let mut text = Vec::new();
        flate2::read::GzDecoder::new(bytes)
            .read_to_end(&mut text)
            .unwrap();
        let json = text.strip_prefix(b"pagefind_dcd").unwrap();
        serde_json::from_slice(json).unwrap()
    }

    #[test]
    fn the_folder_of_a_build_that_stopped_is_removed_and_a_running_ones_kept() {
        let root = std::env::temp_dir().join(format!("scc-abandoned-{}", std::process::id()));
        // Beyond Linux's largest process id: a build that is not running.
        let stopped = root.join("scc-search-999999999-0");
        let running = root.join(format!("scc-search-{}-7", std::process::id()));
        let other = root.join("something-else");
        for folder in [&stopped, &running, &other] {
            std::fs::create_dir_all(folder.join("page")).unwrap();
        }
        remove_abandoned(&root);
        let left = [&stopped, &running, &other].map(|folder| folder.exists());
        let _ = std::fs::remove_dir_all(&root);
        assert_eq!(left, [false, true, true]);
    }

    #[test]
    fn every_page_of_every_language_is_indexed_at_its_own_address() {
        let documents = vec![
            page("en", "/", "welcome"),
            page("en", "/about/", "curators"),
            page("en", "/old/page.html", "archive"),
            page("en", "/plain", "extensionless"),
            page("es", "/es/", "bienvenida"),
            page("es", "/es/acerca/", "conservadores"),
        ];
        let files = index(&documents).unwrap();
        let entry = files.iter().find(|(name, _)| name == ENTRY).unwrap();
        let entry: serde_json::Value = serde_json::from_slice(&entry.1).unwrap();
        let languages = entry["languages"].as_object().unwrap();
        assert_eq!(languages["en"]["page_count"], 4);
        assert_eq!(languages["es"]["page_count"], 2);
        let mut urls: Vec<(String, String)> = files
            .iter()
            .filter(|(name, _)| name.ends_with(".pf_fragment"))
            .map(|(_, bytes)| {
                let fragment = fragment(bytes);
                (
                    fragment["url"].as_str().unwrap().to_owned(),
                    fragment["content"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        urls.sort();
        let routes: Vec<&str> = urls.iter().map(|(url, _)| url.as_str()).collect();
        assert_eq!(
            routes,
            [
                "/",
                "/about/",
                "/es/",
                "/es/acerca/",
                "/old/page.html",
                "/plain"
            ]
        );
        assert!(urls[1].1.contains("curators"));
        assert!(
            urls.iter()
                .all(|(_, text)| !text.contains("navigationword"))
        );
        assert!(
            !files
                .iter()
                .any(|(name, _)| name.starts_with("pagefind-ui."))
        );
    }
}
