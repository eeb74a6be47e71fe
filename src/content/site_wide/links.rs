//! Every link and image of the site, checked against every page and file: dead links, missing
//! anchors and images, addresses of other sites written without their scheme.
//!
//! Real repositories carry dead links and images that were never committed, and Jekyll builds
//! them anyway: these are problems the site builds through (warnings, errors under `strict`).

use std::cell::{Cell, RefCell};
use std::collections::{BTreeSet, HashMap};

use crate::content::body::LinkTarget;
use crate::content::diagnostics::{Diagnostic, Position, did_you_mean};
use crate::content::links::{self, LinkRef, Use};
use crate::content::page::PageDraft;
use crate::routes;
use crate::urls::decode_path;

/// Checks every link: the pages' own, those written in `_data` files that pages show, and those
/// of the navigation and footer (`shared`, on every page), against the pages and `files`.
pub fn check_all(
    drafts: &[PageDraft],
    shared: &[(String, LinkRef)],
    files: &BTreeSet<String>,
    strict: bool,
    some_page_failed: bool,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let targets = Targets::new(drafts, files, strict, some_page_failed);
    for draft in drafts {
        for link in &draft.links {
            targets.check(
                &draft.page.source,
                &draft.page.route,
                Some(draft),
                link,
                diagnostics,
            );
        }
    }
    for draft in drafts {
        for (file, link) in &draft.data_links {
            targets.check(file, &draft.page.route, Some(draft), link, diagnostics);
        }
    }
    for (file, link) in shared {
        targets.check(file, "/", None, link, diagnostics);
    }
}

/// How many words the suggestions of one build compare at most.
const MAX_COMPARISONS: usize = 2_000_000;

/// Spends `count` comparisons, if that many are left.
fn spend(left: &Cell<usize>, count: usize) -> bool {
    match left.get().checked_sub(count) {
        Some(rest) => {
            left.set(rest);
            true
        }
        None => false,
    }
}

/// A dead address and the language of the page that links to it.
type Suggested = (String, Option<String>);

/// What the link checks look links up in.
pub struct Targets<'a> {
    pages: HashMap<String, &'a PageDraft>,
    /// Every page's address, and those of each language, for suggestions.
    routes: Vec<&'a str>,
    routes_by_lang: HashMap<&'a str, Vec<&'a str>>,
    /// The suggestion made for each dead address, by language: a page with a thousand dead links
    /// to one place needs one search.
    suggestions: RefCell<HashMap<Suggested, Option<String>>>,
    /// How many more comparisons the suggestions of the whole site may make: hints are a help,
    /// and must not cost a large site with many dead links its build time.
    comparisons_left: Cell<usize>,
    files: &'a BTreeSet<String>,
    strict: bool,
    /// Whether a page failed to compile: a link to a page not found may be a link to it, and is
    /// not reported (the error is).
    some_page_failed: bool,
}

impl<'a> Targets<'a> {
    pub fn new(
        drafts: &'a [PageDraft],
        files: &'a BTreeSet<String>,
        strict: bool,
        some_page_failed: bool,
    ) -> Self {
        let mut routes: Vec<&str> = drafts.iter().map(|d| d.page.route.as_str()).collect();
        routes.sort_unstable();
        let mut routes_by_lang: HashMap<&str, Vec<&str>> = HashMap::new();
        for draft in drafts {
            routes_by_lang
                .entry(draft.page.meta.lang.as_str())
                .or_default()
                .push(draft.page.route.as_str());
        }
        for routes in routes_by_lang.values_mut() {
            routes.sort_unstable();
        }
        Targets {
            pages: drafts
                .iter()
                .map(|d| (routes::route_key(&d.page.route), d))
                .collect(),
            routes,
            routes_by_lang,
            suggestions: RefCell::default(),
            comparisons_left: Cell::new(MAX_COMPARISONS),
            files,
            strict,
            some_page_failed,
        }
    }

    fn page_at(&self, path: &str) -> Option<&'a PageDraft> {
        self.pages.get(&routes::route_key(path)).copied()
    }

    fn has_file(&self, path: &str) -> bool {
        self.files.contains(&decode_path(path))
    }

    /// Checks one link written in `file` on the page at `route`; `own` is that page, for its
    /// anchors (none for the navigation and footer, which are on every page).
    pub fn check(
        &self,
        file: &str,
        route: &str,
        own: Option<&PageDraft>,
        link: &LinkRef,
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        let strict = self.strict;
        let target = match links::classify(&link.href) {
            LinkTarget::External => LinkTarget::External,
            _ if link.used != Use::Link => LinkTarget::File,
            other => other,
        };
        match target {
            LinkTarget::External => check_external(file, link, strict, diagnostics),
            LinkTarget::Anchor => {
                if let Some(own) = own {
                    let fragment = links::fragment_of(&link.href).unwrap_or("");
                    let link = AnchorLink {
                        file,
                        at: link.at,
                        fragment,
                    };
                    check_anchor(
                        link,
                        own,
                        "this page",
                        strict,
                        &self.comparisons_left,
                        diagnostics,
                    );
                }
            }
            LinkTarget::File => self.check_file(file, route, link, diagnostics),
            LinkTarget::Page => self.check_page(file, route, own, link, diagnostics),
        }
    }

    /// Checks a link to a file of the site (an image, a PDF).
    fn check_file(
        &self,
        file: &str,
        route: &str,
        link: &LinkRef,
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        let strict = self.strict;
        let path = links::resolve(route, links::path_of(&link.href));
        let exists = link.href.starts_with("data:")
            || self.has_file(&path)
            || (link.used == Use::Link && self.page_at(&decode_path(&path)).is_some());
        if !exists {
            let what = match link.used {
                Use::Image => "an image",
                Use::Media => "a video or sound",
                Use::Form => "a form's address",
                Use::Link => "a file",
                // Always an address on GBIF's API (`crate::content::hosts`), never checked here.
                Use::Count => "a count",
            };
            let from_root = links::from_site_root(links::path_of(&link.href));
            let hint = other_site_hint(&link.href)
                .or_else(|| {
                    // `assets/x.png` on the page `/post/x/` is `/post/x/assets/x.png`.
                    (from_root != links::path_of(&link.href) && self.has_file(&from_root))
                        .then(|| {
                            format!(
                                "without a leading `/` it is read from this page's address, as `{}`; the site's file is `{from_root}`",
                                decode_path(&path)
                            )
                        })
                })
                .unwrap_or_else(|| {
                format!(
                    "add the file at `{}` in the site's folder, or correct the path",
                    decode_path(&path)
                )
            });
            diagnostics.push(
                Diagnostic::warning(
                    file,
                    link.at,
                    format!("`{}` is {what} that is not in the site", link.href),
                )
                .with_hint(hint)
                .strict_if(strict),
            );
        }
    }

    /// Checks a link to a page of the site, and its anchor.
    fn check_page(
        &self,
        file: &str,
        route: &str,
        own: Option<&PageDraft>,
        link: &LinkRef,
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        let strict = self.strict;
        let path = decode_path(&links::resolve(route, links::path_of(&link.href)));
        match self.page_at(&path) {
            Some(target) => {
                if let Some(fragment) = links::fragment_of(&link.href) {
                    let name = &target.page.source;
                    let link = AnchorLink {
                        file,
                        at: link.at,
                        fragment,
                    };
                    check_anchor(
                        link,
                        target,
                        name,
                        strict,
                        &self.comparisons_left,
                        diagnostics,
                    );
                }
            }
            // A folder of files (`/assets/`) is no page, but not a dead link either.
            None if self
                .files
                .iter()
                .any(|f| f.starts_with(&routes::canonical(&path))) => {}
            None if self.some_page_failed => {}
            None => {
                // Among the pages in the linking page's language: a page of another
                // language is no fix for an English page's link.
                let lang = own.map(|own| own.page.meta.lang.as_str());
                let close = self.suggestion(&routes::canonical(&path), lang);
                diagnostics.push(
                    Diagnostic::warning(
                        file,
                        link.at,
                        format!("`{}` links to a page that does not exist", link.href),
                    )
                    .with_hint(match (other_site_hint(&link.href), close) {
                        (Some(hint), _) => hint,
                        (None, Some(route)) => format!("did you mean `{route}`?"),
                        (None, None) => "correct the address, or add the page".to_owned(),
                    })
                    .strict_if(strict),
                );
            }
        }
    }

    /// The page address closest to `path` among those of `lang` (all, without one), found once.
    fn suggestion(&self, path: &str, lang: Option<&str>) -> Option<String> {
        let key = (path.to_owned(), lang.map(str::to_owned));
        if let Some(known) = self.suggestions.borrow().get(&key) {
            return known.clone();
        }
        let candidates = match lang {
            Some(lang) => self.routes_by_lang.get(lang).map_or(&[][..], Vec::as_slice),
            None => &self.routes[..],
        };
        let close = spend(&self.comparisons_left, candidates.len())
            .then(|| did_you_mean(path, candidates).map(str::to_owned))
            .flatten();
        self.suggestions.borrow_mut().insert(key, close.clone());
        close
    }
}

/// A hint for a link that names another site without `https://` (`github.com/specify`), or an
/// email address without `mailto:`, which the browser would read as a path of this one.
fn other_site_hint(href: &str) -> Option<String> {
    if let Some((user, domain)) = href.split_once('@')
        && !user.is_empty()
        && !user.contains(['/', ':'])
        && domain.contains('.')
        && !domain.contains(['/', '@'])
    {
        return Some(format!(
            "to link to an email address, write `mailto:{href}`"
        ));
    }
    const FILE_TYPES: [&str; 16] = [
        "pdf", "jpg", "jpeg", "png", "gif", "svg", "webp", "html", "htm", "md", "doc", "docx",
        "xls", "xlsx", "csv", "zip",
    ];
    let first = href.split(['/', '?', '#']).next()?;
    let extension = first.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
    let looks_like_host = !href.starts_with(['/', '.'])
        && !FILE_TYPES.contains(&extension.as_str())
        && first.contains('.')
        && first
            .rsplit('.')
            .next()
            .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()))
        && first
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-'));
    looks_like_host.then(|| format!("to link to another site, write `https://{href}`"))
}

/// Where a link to an anchor is, and what it links to.
struct AnchorLink<'l> {
    file: &'l str,
    at: Position,
    fragment: &'l str,
}

/// Checks that `target` has the anchor a link names; a few of its ids as the hint otherwise.
fn check_anchor(
    link: AnchorLink,
    target: &PageDraft,
    target_name: &str,
    strict: bool,
    comparisons_left: &Cell<usize>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let AnchorLink { file, at, fragment } = link;
    let fragment = decode_path(fragment);
    if target.ids.contains(&fragment) {
        return;
    }
    let mut ids: Vec<&str> = target.ids.iter().map(String::as_str).collect();
    ids.sort_unstable();
    // A few ids, not every one: a page of three thousand links to missing anchors should not
    // list its ids three thousand times.
    const SHOWN: usize = 5;
    let close = spend(comparisons_left, ids.len())
        .then(|| did_you_mean(&fragment, &ids))
        .flatten();
    let hint = match close {
        Some(close) => format!("did you mean `#{close}`?"),
        None if ids.is_empty() => format!("{target_name} has no headings to link to"),
        None if ids.len() <= SHOWN => format!("the ids on {target_name} are: {}", ids.join(", ")),
        None => format!(
            "the ids on {target_name} include {} (and {} more)",
            ids[..SHOWN].join(", "),
            ids.len() - SHOWN
        ),
    };
    diagnostics.push(
        Diagnostic::warning(
            file,
            at,
            format!("`#{fragment}` is not an id on {target_name}"),
        )
        .with_hint(hint)
        .strict_if(strict),
    );
}

fn check_external(file: &str, link: &LinkRef, strict: bool, diagnostics: &mut Vec<Diagnostic>) {
    let href = link.href.as_str();
    let scheme = links::scheme(href);
    let web = matches!(scheme.as_deref(), Some("http" | "https")) || href.starts_with("//");
    let host = href
        .split_once("//")
        .map(|(_, rest)| rest.split(['/', '?', '#']).next().unwrap_or(""));
    let bad = href.contains(char::is_whitespace)
        || (web && host.is_none_or(|h| h.is_empty() || h.contains(['<', '>', '"'])));
    if bad {
        let joined: String = href.split_whitespace().collect();
        let hint = if joined != href && links::scheme(&joined).is_some() {
            format!("addresses have no spaces: write `{joined}`")
        } else {
            "write a full address such as `https://www.specifysoftware.org/`".to_owned()
        };
        diagnostics.push(
            Diagnostic::warning(file, link.at, format!("`{href}` is not a valid address"))
                .with_hint(hint)
                .strict_if(strict),
        );
    }
}
