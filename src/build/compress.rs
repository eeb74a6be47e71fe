//! Precompressed siblings (`file.br`) of every text and WebAssembly file, for hosts that serve
//! them as they are (nginx's `brotli_static`, Caddy's `precompressed`); the others compress
//! themselves.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::BuildError;
use super::output::with_suffix;

/// Extensions of the files worth compressing.
const COMPRESSIBLE: [&str; 9] = [
    "html",
    "css",
    "js",
    "wasm",
    "json",
    "svg",
    "xml",
    "txt",
    "webmanifest",
];

/// Writes `.br` next to every compressible file under `dir` that has none as new as itself;
/// returns how many files. A file compressed before (by its content and quality) is taken from
/// the cache in `target/`, so a rebuild compresses only what changed. No `.gz`: every host the
/// README names compresses with gzip itself, and the few that serve precompressed files
/// (nginx's `brotli_static`, Caddy) take `.br`.
pub fn precompress(dir: &Path) -> Result<usize, BuildError> {
    let files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_file())
        .map(walkdir::DirEntry::into_path)
        .filter(|path| {
            path.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| COMPRESSIBLE.contains(&e))
        })
        .collect();
    let cache = cache_dir();
    fs::create_dir_all(&cache).map_err(BuildError::io(&cache))?;
    let results = super::parallel::map(&files, |path| -> Result<(), BuildError> {
        let target = with_suffix(path, "br");
        // Kept or linked with its unchanged file from the previous build, or taken from the
        // cache and dated then: as new as the file, and kept (a file written again lost its
        // `.br`, see `output::replace`).
        let modified = |p: &Path| fs::metadata(p).and_then(|m| m.modified()).ok();
        if let (Some(compressed), Some(file)) = (modified(&target), modified(path))
            && compressed >= file
        {
            return Ok(());
        }
        let bytes = fs::read(path).map_err(BuildError::io(path))?;
        let quality = brotli_quality(path);
        let cached = cache.join(format!("{}-q{quality}.br", content_key(&bytes)));
        // A `.br` left by an earlier build may be a link to a cached file: never write through it.
        let _ = fs::remove_file(&target);
        if fs::hard_link(&cached, &target).is_ok() || fs::copy(&cached, &target).is_ok() {
            // Dated now: as new as its file, so the next build passes it by, and used lately,
            // so the cache keeps it (see `cache::prune`).
            let _ = super::output::date(&target, std::time::SystemTime::now());
            return Ok(());
        }
        let compressed = brotli_bytes(&bytes, quality).map_err(BuildError::io(&target))?;
        // Linked to the cache's file, which a linked file keeps there (see `cache::prune`). A
        // cache that cannot be written only makes the next build slower.
        if super::cache::keep(&cached, &compressed).is_ok()
            && fs::hard_link(&cached, &target).is_ok()
        {
            return Ok(());
        }
        fs::write(&target, &compressed).map_err(BuildError::io(&target))
    });
    results.into_iter().collect::<Result<Vec<()>, _>>()?;
    super::cache::prune(&cache, std::time::SystemTime::now(), UNUSED_FOR);
    Ok(files.len())
}

/// How long a compressed file that no output folder links to stays in the cache after it was
/// last made or used: long enough to take back an edit the next day, short enough that a site of
/// 10,000 pages rebuilt all day (60 MB of new files after each edit of its navigation) does not
/// fill the disk.
const UNUSED_FOR: std::time::Duration = std::time::Duration::from_secs(24 * 60 * 60);

/// Where compressed files are kept between builds, by their content and quality.
fn cache_dir() -> PathBuf {
    super::target_dir().join("scc-compress-cache")
}

/// A file's content, as a cache key (SHA-256, hex).
fn content_key(bytes: &[u8]) -> String {
    use sha2::Digest;
    super::cache::hex(&sha2::Sha256::digest(bytes))
}

/// Brotli's best quality (11) for the app's files, which every visitor downloads and which are
/// few; 6 for pages and the site's other text files, 5 for page data, of which a site has
/// thousands. Measured on 400 pages of hp-north-america copied 50 times (71 KB each, 29 KB of it
/// the inlined stylesheet), one core: quality 6 makes them 1.4 % larger than 8 in two thirds of
/// the time (4.77 MB in 0.86 s, against 4.71 MB in 1.29 s; 7: 4.72 MB in 1.04 s). A window
/// fitted to each file's size is no gain: 15 % faster on those pages, but on page data of 36 KB
/// six times slower at 64 KB and larger at 128 or 256 KB. On 500 pages of the generated
/// 10,004-page site, 8 was 8 % larger than 10 in 1/15 of the time; qualities 9 and up switch
/// to a slower algorithm. Page data gains nothing between 5 and 9 (0.892 MB in 0.05 s, 0.890 MB
/// in 1.6 s at 9).
fn brotli_quality(path: &Path) -> u32 {
    let is_app_file = path
        .components()
        .any(|c| c.as_os_str() == super::headers::HASHED_FOLDER.trim_start_matches('/'));
    match path.extension().and_then(|e| e.to_str()) {
        _ if is_app_file => 11,
        Some("json") => 5,
        _ => 6,
    }
}

/// Brotli-compressed `bytes`, at `quality` (0 to 11).
pub fn brotli_bytes(bytes: &[u8], quality: u32) -> io::Result<Vec<u8>> {
    let mut out = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut out, 64 * 1024, quality, 22);
        writer.write_all(bytes)?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn brotli_round_trips() {
        let text = "Specify Collections Consortium ".repeat(100);
        let br = brotli_bytes(text.as_bytes(), 11).unwrap();
        assert!(br.len() < text.len() / 10);
        let mut unbr = String::new();
        brotli::Decompressor::new(&br[..], 4096)
            .read_to_string(&mut unbr)
            .unwrap();
        assert_eq!(unbr, text);
    }

    #[test]
    fn a_file_compressed_before_comes_from_the_cache_and_a_changed_one_does_not() {
        let dir = std::env::temp_dir().join(format!("scc-compress-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("_app")).unwrap();
        let page = dir.join("index.html");
        let unique = format!("<p>{}</p>", std::process::id()).repeat(50);
        fs::write(&page, &unique).unwrap();
        fs::write(dir.join("_app/app.js"), "let a = 1;".repeat(50)).unwrap();
        fs::write(dir.join("photo.jpg"), "not text").unwrap();
        assert_eq!(precompress(&dir).unwrap(), 2);
        let first = fs::read(with_suffix(&page, "br")).unwrap();
        let key = cache_dir().join(format!("{}-q6.br", content_key(unique.as_bytes())));
        assert_eq!(fs::read(&key).unwrap(), first, "kept in the cache");
        assert!(!dir.join("photo.jpg.br").exists() && !dir.join("index.html.gz").exists());
        // Built again: the same file, from the cache; a changed page is compressed afresh.
        fs::remove_file(with_suffix(&page, "br")).unwrap();
        precompress(&dir).unwrap();
        assert_eq!(fs::read(with_suffix(&page, "br")).unwrap(), first);
        let modified = |p: &Path| fs::metadata(p).unwrap().modified().unwrap();
        assert!(
            modified(&with_suffix(&page, "br")) >= modified(&page),
            "as new as its file, so that the next build passes it by"
        );
        fs::write(&page, format!("{unique}<p>changed</p>")).unwrap();
        fs::remove_file(with_suffix(&page, "br")).unwrap();
        precompress(&dir).unwrap();
        let mut text = String::new();
        brotli::Decompressor::new(&fs::read(with_suffix(&page, "br")).unwrap()[..], 4096)
            .read_to_string(&mut text)
            .unwrap();
        assert!(text.ends_with("<p>changed</p>"));
        let _ = fs::remove_file(key);
        let _ = fs::remove_dir_all(&dir);
    }
}
