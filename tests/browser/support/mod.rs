//! What the browser tests share: static servers for the built sites, and a headless Chromium
//! driven through chromedriver.

#![allow(dead_code)]

pub mod browser;
pub mod gbif_api;
pub mod server;

use std::path::PathBuf;
use std::sync::OnceLock;

pub use browser::Browser;
pub use server::{Options, StaticServer};

/// A built site under test: the folder in `$env`, or `default` inside this repository.
pub fn built_site(env: &str, default: &str, build_command: &str) -> PathBuf {
    let dist = std::env::var_os(env)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(default));
    assert!(
        dist.join("index.html").is_file(),
        "no built site in {}: run `{build_command}` first (scripts/test.sh does)",
        dist.display()
    );
    dist
}

/// The site built for the domain root: `$SITE_DIST` or `dist/`.
pub fn dist_dir() -> PathBuf {
    built_site("SITE_DIST", "dist", "trunk build --release")
}

/// The site built for the sub-path `/scc/`: `$SITE_DIST_SCC` or `target/dist-scc/`.
pub fn subpath_dist_dir() -> PathBuf {
    built_site(
        "SITE_DIST_SCC",
        "target/dist-scc",
        "trunk build --release --public-url /scc/ --dist target/dist-scc",
    )
}

/// One server for the whole test binary, serving `dist/` like a static host.
pub fn site() -> &'static StaticServer {
    static SERVER: OnceLock<StaticServer> = OnceLock::new();
    SERVER.get_or_init(|| StaticServer::start(dist_dir(), Options::default()))
}

/// The sub-path build, served under `/scc/`.
pub fn subpath_site() -> &'static StaticServer {
    static SERVER: OnceLock<StaticServer> = OnceLock::new();
    SERVER.get_or_init(|| {
        StaticServer::start(
            subpath_dist_dir(),
            Options {
                prefix: "/scc".into(),
                ..Options::default()
            },
        )
    })
}
