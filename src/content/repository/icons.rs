//! The repository's own icons and web manifest, where sites conventionally keep them
//! (`/favicon.ico`, `/apple-touch-icon.png`, `/site.webmanifest`).

use std::collections::BTreeSet;

/// The icons a repository has at the conventional addresses.
#[derive(Clone, Debug, Default, PartialEq, Hash)]
pub struct Icons {
    pub favicon: Option<String>,
    pub apple_touch: Option<String>,
    pub manifest: Option<String>,
}

/// The repository's icons, where sites conventionally keep them.
pub fn icons(files: &BTreeSet<String>) -> Icons {
    let first = |candidates: &[&str]| {
        candidates
            .iter()
            .find(|c| files.contains(**c))
            .map(|c| (*c).to_owned())
    };
    Icons {
        favicon: first(&[
            "/favicon.svg",
            "/favicon-32x32.png",
            "/favicon.png",
            "/favicon.ico",
            "/assets/favicon.svg",
            "/assets/favicon.png",
            "/assets/favicon.ico",
        ]),
        apple_touch: first(&[
            "/apple-touch-icon.png",
            "/apple-touch-icon-180x180.png",
            "/apple-touch-icon-152x152.png",
        ]),
        manifest: first(&[
            "/site.webmanifest",
            "/manifest.webmanifest",
            "/manifest.json",
        ]),
    }
}
