//! Precompressed siblings (`file.br`, `file.gz`) of every text and WebAssembly file, which hosts
//! such as Netlify, Cloudflare and S3 + CloudFront (or nginx's `gzip_static`) can serve as is.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

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
pub fn precompress(dir: &Path) -> io::Result<usize> {
    let mut count = 0;
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            count += precompress(&path)?;
            continue;
        }
        let compressible = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| COMPRESSIBLE.contains(&e));
        if !compressible {
            continue;
        }
        let bytes = fs::read(&path)?;
        fs::write(with_suffix(&path, "br"), brotli_bytes(&bytes)?)?;
        fs::write(with_suffix(&path, "gz"), gzip_bytes(&bytes)?)?;
        count += 1;
    }
    Ok(count)
}

fn with_suffix(path: &Path, suffix: &str) -> std::path::PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    name.into()
}

/// Brotli at its best quality: the files are compressed once, at build time.
pub fn brotli_bytes(bytes: &[u8]) -> io::Result<Vec<u8>> {
    let mut out = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut out, 64 * 1024, 11, 22);
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
        let br = brotli_bytes(text.as_bytes()).unwrap();
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
