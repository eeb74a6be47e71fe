//! HTTP headers for static hosts: the Content-Security-Policy and the `_headers` file that Netlify
//! and Cloudflare Pages read (other hosts take the same rules from the README).

use base64::Engine;

use crate::urls::BaseUrl;
use sha2::{Digest, Sha256};

/// `'sha256-...'` of an inline script, as a CSP source.
pub fn script_hash(script: &str) -> String {
    let digest = Sha256::digest(script.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// What the site's pages load from other sites, which the policy must allow by name.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct ThirdParties {
    /// Origins of images shown from other sites (`https://data.nhm.ac.uk`).
    pub images: Vec<String>,
    /// Origins of videos and sounds played from other sites.
    pub media: Vec<String>,
    /// Origins the pages' forms send to.
    pub forms: Vec<String>,
    /// Hosts of the players the pages embed (`www.youtube.com`).
    pub frames: Vec<String>,
    /// What the visitor statistics and GBIF's widgets connect to, and the hashes of the inline
    /// scripts that insert their scripts (which `'strict-dynamic'` then trusts).
    pub connects: Vec<String>,
    pub script_hashes: Vec<String>,
    /// Origins of fonts and whether workers may start from `blob:` addresses (GBIF's widgets).
    pub fonts: Vec<String>,
    pub blob_workers: bool,
}

/// The policy for every page. Scripts: only the inline loader (and the inline scripts that insert
/// the statistics' and GBIF's scripts), by hash, and what they load (`'strict-dynamic'`): a
/// script file of the repository that no page of ours loads does not run on the site's origin,
/// even from an HTML file the repository publishes. `'wasm-unsafe-eval'` lets the loader compile
/// the WebAssembly. In development (`loader_hash` is `'unsafe-inline'`, for the reload scripts)
/// the site's own files and inline scripts are allowed instead. Styles may be inline (the
/// stylesheet is inlined for speed, and tables and heroes carry `style` attributes). Images from
/// this site and exactly the other origins the content shows images from; frames from exactly the
/// players the content embeds. `for_meta` drops what a `<meta>` element may not set.
pub fn content_security_policy(
    loader_hash: &str,
    third_parties: &ThirdParties,
    for_meta: bool,
) -> String {
    let image_sources: String = third_parties
        .images
        .iter()
        .map(|origin| format!(" {origin}"))
        .collect();
    let listed = |sources: &[String]| -> String {
        sources.iter().map(|source| format!(" {source}")).collect()
    };
    let mut policy = vec![
        "default-src 'self'".to_owned(),
        if loader_hash == "'unsafe-inline'" {
            "script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'".to_owned()
        } else {
            format!(
                "script-src 'strict-dynamic' 'wasm-unsafe-eval' {loader_hash}{}",
                listed(&third_parties.script_hashes)
            )
        },
        "style-src 'self' 'unsafe-inline'".to_owned(),
        format!("img-src 'self' data:{image_sources}"),
        format!("font-src 'self'{}", listed(&third_parties.fonts)),
        format!("media-src 'self'{}", listed(&third_parties.media)),
        format!("connect-src 'self'{}", listed(&third_parties.connects)),
        "object-src 'none'".to_owned(),
        if third_parties.frames.is_empty() {
            "frame-src 'none'".to_owned()
        } else {
            let hosts: Vec<String> = third_parties
                .frames
                .iter()
                .map(|h| format!("https://{h}"))
                .collect();
            format!("frame-src {}", hosts.join(" "))
        },
        if third_parties.blob_workers {
            "worker-src 'self' blob:".to_owned()
        } else {
            "worker-src 'self'".to_owned()
        },
        "base-uri 'self'".to_owned(),
        format!("form-action 'self'{}", listed(&third_parties.forms)),
    ];
    if !for_meta {
        policy.push("frame-ancestors 'none'".to_owned());
    }
    policy.join("; ")
}

/// Headers every response gets.
pub fn security_headers(
    loader_hash: &str,
    third_parties: &ThirdParties,
) -> Vec<(&'static str, String)> {
    vec![
        (
            "Content-Security-Policy",
            content_security_policy(loader_hash, third_parties, false),
        ),
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
/// Cache rule for pages and page data: always ask whether there is a newer version.
pub const REVALIDATE: &str = "public, max-age=0, must-revalidate";

/// The folder of the files whose names carry a hash: the app, its icon, the hero images.
pub const HASHED_FOLDER: &str = "/_app";

/// The `_headers` file (Netlify, Cloudflare Pages): security headers on every path, pages and page
/// data revalidated, hashed files cached for a year. A few wildcard rules cover any number of
/// pages (Cloudflare Pages reads at most 100). Where two rules match, Netlify keeps the later
/// one's `Cache-Control`, hence the hashed files' rule comes last; Cloudflare's `/*/` matches
/// only addresses that end in `/`, so the two never meet there.
pub fn headers_file(base: &BaseUrl, loader_hash: &str, third_parties: &ThirdParties) -> String {
    let mut out = String::from("# Written by the build (src/build/headers.rs); do not edit.\n");
    out.push_str(&format!("{}\n", base.href("/*")));
    for (name, value) in security_headers(loader_hash, third_parties) {
        out.push_str(&format!("  {name}: {value}\n"));
    }
    for pattern in ["/", "/*/", "/*.html", "/_data/*"] {
        out.push_str(&format!(
            "{}\n  Cache-Control: {REVALIDATE}\n",
            base.href(pattern)
        ));
    }
    out.push_str(&format!(
        "{}\n  Cache-Control: {IMMUTABLE}\n",
        base.href(&format!("{HASHED_FOLDER}/*"))
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policy_allows_the_loader_by_hash_and_no_inline_scripts() {
        let hash = script_hash("console.log(1)");
        assert!(hash.starts_with("'sha256-") && hash.ends_with("='"));
        let policy = content_security_policy(&hash, &ThirdParties::default(), false);
        assert!(policy.contains(&format!(
            "script-src 'strict-dynamic' 'wasm-unsafe-eval' {hash};"
        )));
        assert!(
            !policy
                .split("; ")
                .any(|d| d.starts_with("script-src") && d.contains("unsafe-inline"))
        );
        assert!(policy.contains("frame-ancestors 'none'"));
        assert!(
            !content_security_policy(&hash, &ThirdParties::default(), true)
                .contains("frame-ancestors")
        );
        assert!(policy.contains("img-src 'self' data:;"));
        assert!(policy.contains("frame-src 'none';"));
        let with_others = ThirdParties {
            images: vec!["https://data.nhm.ac.uk".into()],
            frames: vec!["www.youtube-nocookie.com".into(), "player.vimeo.com".into()],
            connects: vec!["https://plausible.io".into()],
            script_hashes: vec!["'sha256-y'".into()],
            forms: vec!["https://formspree.io".into()],
            ..ThirdParties::default()
        };
        let policy = content_security_policy(&hash, &with_others, false);
        assert!(policy.contains("form-action 'self' https://formspree.io;"));
        assert!(policy.contains("img-src 'self' data: https://data.nhm.ac.uk;"));
        assert!(
            policy.contains("frame-src https://www.youtube-nocookie.com https://player.vimeo.com;")
        );
        // Scripts: the hashed inline ones, and what they load; no origin, not even the site's.
        assert!(policy.contains(&format!(
            "script-src 'strict-dynamic' 'wasm-unsafe-eval' {hash} 'sha256-y';"
        )));
        assert!(policy.contains("connect-src 'self' https://plausible.io;"));
    }

    #[test]
    fn a_few_rules_cover_the_whole_site_under_its_sub_path() {
        let file = headers_file(
            &BaseUrl::new("/scc"),
            "'sha256-x'",
            &ThirdParties::default(),
        );
        assert!(file.contains("/scc/*\n  Content-Security-Policy: "));
        assert!(file.contains("/scc/*/\n  Cache-Control: public, max-age=0, must-revalidate\n"));
        assert!(
            file.contains("/scc/_data/*\n  Cache-Control: public, max-age=0, must-revalidate\n")
        );
        assert!(
            file.ends_with("/scc/_app/*\n  Cache-Control: public, max-age=31536000, immutable\n")
        );
        assert_eq!(file.matches("X-Content-Type-Options: nosniff").count(), 1);
    }
}
