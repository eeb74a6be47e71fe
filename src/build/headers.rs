//! HTTP headers for static hosts: the Content-Security-Policy and the `_headers` file that Netlify
//! and Cloudflare Pages read (other hosts take the same rules from the README).

use base64::Engine;
use sha2::{Digest, Sha256};

/// `'sha256-...'` of an inline script, as a CSP source.
pub fn script_hash(script: &str) -> String {
    let digest = Sha256::digest(script.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The policy for every page. Scripts: only this site's files and the one inline loader, by
/// hash; `'wasm-unsafe-eval'` lets the loader compile the WebAssembly. Styles may be inline (the
/// stylesheet is inlined for speed, and tables and heroes carry `style` attributes). `for_meta`
/// drops what a `<meta>` element may not set.
pub fn content_security_policy(loader_hash: &str, for_meta: bool) -> String {
    let mut policy = vec![
        "default-src 'self'".to_owned(),
        format!("script-src 'self' 'wasm-unsafe-eval' {loader_hash}"),
        "style-src 'self' 'unsafe-inline'".to_owned(),
        "img-src 'self' data:".to_owned(),
        "font-src 'self'".to_owned(),
        "connect-src 'self'".to_owned(),
        "object-src 'none'".to_owned(),
        "base-uri 'self'".to_owned(),
        "form-action 'self'".to_owned(),
    ];
    if !for_meta {
        policy.push("frame-ancestors 'none'".to_owned());
    }
    policy.join("; ")
}

/// Headers every response gets.
pub fn security_headers(loader_hash: &str) -> Vec<(&'static str, String)> {
    vec![
        ("Content-Security-Policy", content_security_policy(loader_hash, false)),
        ("X-Content-Type-Options", "nosniff".to_owned()),
        ("Referrer-Policy", "strict-origin-when-cross-origin".to_owned()),
        (
            "Permissions-Policy",
            "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), \
             magnetometer=(), microphone=(), midi=(), payment=(), usb=(), browsing-topics=()"
                .to_owned(),
        ),
        ("X-Frame-Options", "DENY".to_owned()),
    ]
}

/// Cache rule for files whose name carries a hash of their content: they never change.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Cache rule for pages and unhashed files: always ask whether there is a newer version.
pub const REVALIDATE: &str = "public, max-age=0, must-revalidate";

/// The `_headers` file: security headers on every path, then one cache rule per file. Rules name
/// files one by one because hosts merge the headers of all rules that match a path, and a
/// wildcard `Cache-Control` would then be combined with the specific one.
pub fn headers_file(loader_hash: &str, immutable: &[String], revalidate: &[String]) -> String {
    let mut out = String::from("# Written by the build (src/build/headers.rs); do not edit.\n/*\n");
    for (name, value) in security_headers(loader_hash) {
        out.push_str(&format!("  {name}: {value}\n"));
    }
    for (paths, rule) in [(immutable, IMMUTABLE), (revalidate, REVALIDATE)] {
        for path in paths {
            out.push_str(&format!("{path}\n  Cache-Control: {rule}\n"));
        }
    }
    out
}

/// Whether a file name carries a content hash, as trunk's (`base-d429da00dbe7641d.css`) and the
/// image variants' (`moss-720w-1a2b3c4d5e.webp`) do.
pub fn is_hashed(file_name: &str) -> bool {
    let stem = file_name.split('.').next().unwrap_or("");
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit('-')
        .next()
        .is_some_and(|tail| tail.len() >= 10 && tail.chars().all(|c| c.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policy_allows_the_loader_by_hash_and_no_inline_scripts() {
        let hash = script_hash("console.log(1)");
        assert!(hash.starts_with("'sha256-") && hash.ends_with("='"));
        let policy = content_security_policy(&hash, false);
        assert!(policy.contains(&format!("script-src 'self' 'wasm-unsafe-eval' {hash}")));
        assert!(
            !policy
                .split("; ")
                .any(|d| d.starts_with("script-src") && d.contains("unsafe-inline"))
        );
        assert!(policy.contains("frame-ancestors 'none'"));
        assert!(!content_security_policy(&hash, true).contains("frame-ancestors"));
    }

    #[test]
    fn hashed_names_are_recognised() {
        assert!(is_hashed("base-d429da00dbe7641d.css"));
        assert!(is_hashed("scc-site-109216bbc444150a_bg.wasm"));
        assert!(is_hashed("moss-720w-1a2b3c4d5e.webp"));
        assert!(!is_hashed("favicon.svg"));
        assert!(!is_hashed("index.html"));
        assert!(!is_hashed("site-header.css"));
    }

    #[test]
    fn each_file_gets_one_cache_rule() {
        let file = headers_file(
            "'sha256-x'",
            &["/app-0123456789.js".into()],
            &["/".into(), "/data/".into()],
        );
        assert!(file.contains(
            "/app-0123456789.js\n  Cache-Control: public, max-age=31536000, immutable\n"
        ));
        assert!(file.contains("/data/\n  Cache-Control: public, max-age=0, must-revalidate\n"));
        assert_eq!(file.matches("X-Content-Type-Options: nosniff").count(), 1);
    }
}
