//! What the site's Content-Security-Policy must allow, from what the pages use: the origins of
//! images from other sites, and the hosts of embedded players.

use crate::content::links;
use crate::content::page::PageDraft;

/// The origins (`https://host`) of every image the pages show from another site, in order, each
/// once.
pub fn image_origins(drafts: &[PageDraft]) -> Vec<String> {
    let mut origins: Vec<String> = drafts
        .iter()
        .flat_map(|d| &d.links)
        .filter(|link| link.is_image)
        .filter_map(|link| links::web_origin(&link.href))
        .collect();
    origins.sort();
    origins.dedup();
    origins
}

/// The hosts whose players the pages embed, each once.
pub fn frame_hosts(drafts: &[PageDraft]) -> Vec<String> {
    let mut hosts: Vec<String> = drafts.iter().flat_map(|d| d.frames.clone()).collect();
    hosts.sort();
    hosts.dedup();
    hosts
}
