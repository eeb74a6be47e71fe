//! What the site's Content-Security-Policy must allow, from what the pages use: the origins of
//! images and of videos and sounds from other sites (wherever they are written: Markdown, front
//! matter, `_data`), and the hosts of embedded players.

use std::collections::BTreeMap;

use crate::content::diagnostics::Position;
use crate::content::links::{self, LinkRef, Use};
use crate::content::page::PageDraft;
use crate::urls::decode_path;

/// Every address the pages show, written in their files or in `_data`.
fn addresses(drafts: &[PageDraft]) -> impl Iterator<Item = &LinkRef> {
    drafts.iter().flat_map(|d| {
        d.links
            .iter()
            .chain(d.data_links.iter().map(|(_, link)| link))
    })
}

/// The origins (`https://host`) of everything of `kind` the pages load from other sites, each
/// once, in order.
fn origins(drafts: &[PageDraft], kind: Use) -> Vec<String> {
    let mut origins: Vec<String> = addresses(drafts)
        .filter(|link| link.used == kind)
        .filter_map(|link| links::web_origin(&link.href))
        .collect();
    origins.sort();
    origins.dedup();
    origins
}

/// The origins of the images the pages show from other sites.
pub fn image_origins(drafts: &[PageDraft]) -> Vec<String> {
    origins(drafts, Use::Image)
}

/// The origins of the videos and sounds the pages play from other sites.
pub fn media_origins(drafts: &[PageDraft]) -> Vec<String> {
    origins(drafts, Use::Media)
}

/// The origins the pages' forms send to (`https://formspree.io`), for the policy's
/// `form-action`.
pub fn form_origins(drafts: &[PageDraft]) -> Vec<String> {
    origins(drafts, Use::Form)
}

/// The origins the live counts are fetched from (GBIF's API, `https://api.gbif.org`): the
/// pages', and those of what every page shows (`shared`: the footer's Markdown).
pub fn count_origins(drafts: &[PageDraft], shared: &[(String, LinkRef)]) -> Vec<String> {
    let mut origins = origins(drafts, Use::Count);
    origins.extend(
        shared
            .iter()
            .filter(|(_, link)| link.used == Use::Count)
            .filter_map(|(_, link)| links::web_origin(&link.href)),
    );
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

/// Where each image of the site is first written (a page, a data file): its site path, file and
/// position, for the build's messages about the image.
pub fn image_sources(drafts: &[PageDraft]) -> BTreeMap<String, (String, Position)> {
    let mut sources = BTreeMap::new();
    for draft in drafts {
        let written = draft
            .links
            .iter()
            .map(|link| (&draft.page.source, link))
            .chain(draft.data_links.iter().map(|(file, link)| (file, link)));
        for (file, link) in written {
            if link.used != Use::Image
                || links::scheme(&link.href).is_some()
                || link.href.starts_with("//")
            {
                continue;
            }
            let path = decode_path(&links::resolve(
                &draft.page.route,
                links::path_of(&link.href),
            ));
            sources
                .entry(path)
                .or_insert_with(|| (file.clone(), link.at));
        }
    }
    sources
}
