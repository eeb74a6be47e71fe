//! What the browser tests share: a static server for the built `dist/`, and a headless Chromium
//! driven through chromedriver.

#![allow(dead_code)]

pub mod browser;
pub mod server;

use std::path::PathBuf;
use std::sync::OnceLock;

pub use browser::Browser;
pub use server::StaticServer;

/// The built site under test: `$SITE_DIST`, or `dist/` of this repository.
pub fn dist_dir() -> PathBuf {
    let dist = std::env::var_os("SITE_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("dist"));
    assert!(
        dist.join("index.html").is_file(),
        "no built site in {}: run `trunk build --release` first (scripts/test.sh does)",
        dist.display()
    );
    dist
}

/// One server for the whole test binary, serving `dist/` like a static host.
pub fn site() -> &'static StaticServer {
    static SERVER: OnceLock<StaticServer> = OnceLock::new();
    SERVER.get_or_init(|| StaticServer::start(dist_dir()))
}
