//! The checks that need every page at once: addresses, links and their anchors, images.

use std::collections::{BTreeSet, HashMap};

use super::PageDraft;
use super::body::LinkTarget;
use super::diagnostics::{Diagnostic, Position, did_you_mean};
use super::links;
use super::markdown::LinkRef;
use crate::model::SiteConfig;
use crate::routes;
use crate::urls::decode_path;

/// Two pages at one address.
pub fn check_routes(drafts: &[PageDraft], diagnostics: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<String, &PageDraft> = HashMap::new();
    for draft in drafts {
        let key = routes::route_key(&draft.page.route);
        match seen.get(&key) {
            Some(first) => diagnostics.push(
                Diagnostic::error(
                    &draft.page.source,
                    Position::START,
                    format!(
                        "this page and {} are both at `{}`",
                        first.page.source, draft.page.route
                    ),
                )
                .with_hint("rename one of the files or give one a different `permalink`"),
            ),
            None => {
                seen.insert(key, draft);
            }
        }
    }
}
fn check_anchor(
    file: &str,
    at: Position,
    fragment: &str,
    target: &PageDraft,
    target_name: &str,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let fragment = decode_path(fragment);
    if target.ids.contains(&fragment) {
        return;
    }
    let mut ids: Vec<&str> = target.ids.iter().map(String::as_str).collect();
    ids.sort_unstable();
    let hint = match did_you_mean(&fragment, &ids) {
        Some(close) => format!("did you mean `#{close}`?"),
        None if ids.is_empty() => format!("{target_name} has no headings to link to"),
        None => format!("the ids on {target_name} are: {}", ids.join(", ")),
    };
    diagnostics.push(
        Diagnostic::error(
            file,
            at,
            format!("`#{fragment}` is not an id on {target_name}"),
        )
        .with_hint(hint),
    );
}
fn check_external(file: &str, link: &LinkRef, diagnostics: &mut Vec<Diagnostic>) {
    let href = link.href.as_str();
    let scheme = links::scheme(href);
    let web = matches!(scheme.as_deref(), Some("http" | "https")) || href.starts_with("//");
    let host = href
        .split_once("//")
        .map(|(_, rest)| rest.split(['/', '?', '#']).next().unwrap_or(""));
    let bad = href.contains(char::is_whitespace)
        || (web && host.is_none_or(|h| h.is_empty() || h.contains(['<', '>', '"'])));
    if bad {
        diagnostics.push(
            Diagnostic::error(file, link.at, format!("`{href}` is not a valid address"))
                .with_hint("write a full address such as `https://www.specifysoftware.org/`"),
        );
    }
}
pub fn check_backgrounds(
    drafts: &[PageDraft],
    public_files: &BTreeSet<String>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    for draft in drafts {
        let Some(background) = &draft.page.meta.background else {
            continue;
        };
        if background.starts_with("https://") {
            continue;
        }
        if !background.starts_with('/') || !public_files.contains(background) {
            diagnostics.push(
                Diagnostic::error(
                    &draft.page.source,
                    draft.position("background"),
                    format!("the background image `{background}` does not exist"),
                )
                .with_hint(format!(
                    "put the image at `public{}` and write its path from the site root, such as `/assets/images/moss.jpg`",
                    if background.starts_with('/') { background.clone() } else { format!("/{background}") }
                )),
            );
        }
    }
}
/// Every link and image of every page: pages that exist, anchors they have, files under `public/`,
/// well-formed addresses of other sites. `config` gives the language roots (`/`, `/es/`).
pub fn check_links(
    drafts: &[PageDraft],
    config: Option<&SiteConfig>,
    public_files: &BTreeSet<String>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let by_route: HashMap<String, &PageDraft> = drafts
        .iter()
        .map(|d| (routes::route_key(&d.page.route), d))
        .collect();
    let mut known_routes: Vec<&str> = drafts.iter().map(|d| d.page.route.as_str()).collect();
    known_routes.sort_unstable();
    let page_at = |path: &str| {
        let key = match config {
            Some(config) => routes::lookup_key(path, config),
            None => routes::route_key(path),
        };
        by_route.get(&key).copied()
    };

    for draft in drafts {
        let file = draft.page.source.as_str();
        for link in &draft.links {
            // An image is a file of this site, or on another one.
            let target = match links::classify(&link.href) {
                LinkTarget::External => LinkTarget::External,
                _ if link.is_image => LinkTarget::File,
                other => other,
            };
            match target {
                LinkTarget::External => check_external(file, link, diagnostics),
                LinkTarget::Anchor => {
                    let fragment = links::fragment_of(&link.href).unwrap_or("");
                    check_anchor(file, link.at, fragment, draft, "this page", diagnostics);
                }
                LinkTarget::File => {
                    let path = links::resolve(&draft.page.route, links::path_of(&link.href));
                    if !link.href.starts_with("data:")
                        && !public_files.contains(&decode_path(&path))
                    {
                        diagnostics.push(
                            Diagnostic::error(
                                file,
                                link.at,
                                format!("`{}` links to a file that does not exist", link.href),
                            )
                            .with_hint(format!(
                                "put the file at `public{path}`, or correct the path"
                            )),
                        );
                    }
                }
                LinkTarget::Page => {
                    let path = links::resolve(&draft.page.route, links::path_of(&link.href));
                    // `/caf%C3%A9/` is the page `/café/`.
                    let path = decode_path(&path);
                    match page_at(&path) {
                        Some(target) => {
                            if let Some(fragment) = links::fragment_of(&link.href) {
                                check_anchor(
                                    file,
                                    link.at,
                                    fragment,
                                    target,
                                    &target.page.source,
                                    diagnostics,
                                );
                            }
                        }
                        None => {
                            let close = did_you_mean(&routes::canonical(&path), &known_routes);
                            diagnostics.push(
                                Diagnostic::error(
                                    file,
                                    link.at,
                                    format!("`{}` links to a page that does not exist", link.href),
                                )
                                .with_hint(match close {
                                    Some(route) => format!("did you mean `{route}`?"),
                                    None => {
                                        format!("the pages are at: {}", known_routes.join(", "))
                                    }
                                }),
                            );
                        }
                    }
                }
            }
        }
    }
}
