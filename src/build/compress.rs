//! Precompressed siblings (`file.br`, `file.gz`) of every text and WebAssembly file, which hosts
//! such as Netlify, Cloudflare and S3 + CloudFront (or nginx's `gzip_static`) can serve as is.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::BuildError;

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

/// Writes `.br` and `.gz` next to every compressible file under `dir`; returns how many files.
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
    let results = super::parallel::map(&files, |path| -> Result<(), BuildError> {
        let bytes = fs::read(path).map_err(BuildError::io(path))?;
        for (suffix, compressed) in [
            ("br", brotli_bytes(&bytes, brotli_quality(path))),
            ("gz", gzip_bytes(&bytes)),
        ] {
            let target = with_suffix(path, suffix);
            let compressed = compressed.map_err(BuildError::io(&target))?;
            fs::write(&target, compressed).map_err(BuildError::io(&target))?;
        }
        Ok(())
    });
    results.into_iter().collect::<Result<Vec<()>, _>>()?;
    Ok(files.len())
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    name.into()
}

/// Brotli's best quality (11) for the app's files, which every visitor downloads and which are
/// few; 10 for pages, 9 for page data and the rest, which a site has thousands of. Each step down
/// is about twice as fast for files a few percent larger (a page: 6.3 KB at 11, 6.5 KB at 10),
/// and a site of thousands of pages should build in seconds.
fn brotli_quality(path: &Path) -> u32 {
    let is_app_file = path
        .components()
        .any(|c| c.as_os_str() == super::headers::HASHED_FOLDER.trim_start_matches('/'));
    match path.extension().and_then(|e| e.to_str()) {
        _ if is_app_file => 11,
        Some("html") => 10,
        _ => 9,
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

pub fn gzip_bytes(bytes: &[u8]) -> io::Result<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes)?;
    encoder.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn both_encodings_round_trip() {
        let text = "Specify Collections Consortium ".repeat(100);
        let br = brotli_bytes(text.as_bytes(), 11).unwrap();
        let gz = gzip_bytes(text.as_bytes()).unwrap();
        assert!(br.len() < text.len() / 10 && gz.len() < text.len() / 10);
        let mut unbr = String::new();
        brotli::Decompressor::new(&br[..], 4096)
            .read_to_string(&mut unbr)
            .unwrap();
        let mut ungz = String::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_string(&mut ungz)
            .unwrap();
        assert_eq!(
            (unbr.as_str(), ungz.as_str()),
            (text.as_str(), text.as_str())
        );
    }
}
