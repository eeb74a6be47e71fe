//! The site index: for each language, a page that lists every page of the site in that
//! language by section (pages, news, documentation), at `search/` under the language's home
//! (`/search/`, `/es/search/`). It is where the header's search link leads without JavaScript
//! (with it, the link opens the search dialog), and a map of the site for people and crawlers.
//! A repository's own page at that address wins, and no index is made there.

use crate::content::body::blocks::{PageBlock, Prose};
use crate::content::body::{
    Attrs, Block, Heading, Inline, Link, LinkTarget, List, ListItem, Section,
};
use crate::content::page::PageDraft;
use crate::content::site::{LanguageTexts, Page, PageHead};
use crate::content::theme::words::Words;
use crate::model::NavItem;

/// The last segment of a site index's address.
pub const SEGMENT: &str = "search/";

/// The site index of each language in `languages` (codes; the first is the root language),
/// listing the pages of `drafts`; none where a page already has the address.
pub fn pages(drafts: &[PageDraft], languages: &[String], words: &Words) -> Vec<PageDraft> {
    let Some(root) = languages.first() else {
        return Vec::new();
    };
    languages
        .iter()
        .filter_map(|lang| {
            let route = format!("{}{SEGMENT}", crate::routes::home_of(lang, root));
            let taken = drafts.iter().any(|d| {
                crate::routes::route_key(&d.page.route) == crate::routes::route_key(&route)
            });
            (!taken).then(|| index_page(drafts, lang, route, words))
        })
        .collect()
}

/// The class of a site index's list of pages (also how a tool tells it from a page of the
/// repository).
pub const CLASS: &str = "site-index";

/// What a site index's page says it comes from.
const SOURCE: &str = "(the built-in site index)";

/// Whether `page` is a site index (which the search leaves out: it names every page).
pub fn is_index(page: &Page) -> bool {
    page.source == SOURCE
}

/// The kind of a page, as the index and the search's filter name it.
pub fn kind_of(page: &Page) -> &'static str {
    if page.post.is_some() {
        "post"
    } else if page
        .blocks
        .iter()
        .any(|b| matches!(b, PageBlock::SideNav(_)))
    {
        "documentation"
    } else {
        "page"
    }
}

fn index_page(drafts: &[PageDraft], lang: &str, route: String, words: &Words) -> PageDraft {
    // The page's title, shown: a page of the build's own, with no hero to carry it.
    let mut sections = vec![Section {
        heading: Some(Heading {
            level: 1,
            attrs: Attrs::default(),
            content: vec![Inline::text(words.get("searchTitle", lang))],
        }),
        blocks: Vec::new(),
    }];
    for (kind, word) in [
        ("page", "searchPages"),
        ("post", "searchPosts"),
        ("documentation", "searchDocumentation"),
    ] {
        let mut listed: Vec<&Page> = drafts
            .iter()
            .map(|d| &d.page)
            .filter(|p| p.meta.lang == lang && !p.meta.not_found && !p.head.noindex)
            .filter(|p| !p.route.contains("_key_") && kind_of(p) == kind)
            .collect();
        if listed.is_empty() {
            continue;
        }
        listed.sort_by(|a, b| {
            a.meta
                .title
                .to_lowercase()
                .cmp(&b.meta.title.to_lowercase())
        });
        let items = listed
            .into_iter()
            .map(|page| ListItem {
                attrs: Attrs::default(),
                blocks: vec![Block::Plain {
                    content: vec![Inline::Link(Link {
                        href: page.route.clone(),
                        target: LinkTarget::Page,
                        title: None,
                        attrs: Attrs::default(),
                        content: vec![Inline::text(title_of(page))],
                    })],
                }],
            })
            .collect();
        sections.push(Section {
            heading: Some(Heading {
                level: 2,
                attrs: Attrs {
                    id: Some(kind.to_owned()),
                    ..Attrs::default()
                },
                content: vec![Inline::text(words.get(word, lang))],
            }),
            blocks: vec![Block::List(List {
                attrs: Attrs::default(),
                start: None,
                items,
            })],
        });
    }
    let output = format!("{route}index.html");
    PageDraft::built_in(Page {
        route,
        output,
        source: SOURCE.into(),
        meta: crate::model::PageMeta {
            title: words.get("searchTitle", lang),
            lang: lang.to_owned(),
            not_found: false,
        },
        head: PageHead {
            description: Some(words.get("searchDescription", lang)),
            ..PageHead::default()
        },
        translations: Vec::new(),
        blocks: vec![PageBlock::Prose(Prose {
            sections,
            toc: None,
            class: Some(CLASS.into()),
        })],
        post: None,
    })
}

/// A page's name in the index: its title, or its address where it has none.
fn title_of(page: &Page) -> String {
    if page.meta.title.trim().is_empty() {
        page.route.clone()
    } else {
        page.meta.title.clone()
    }
}

/// Adds each language's site index to the end of its navigation bar: the header's search link.
pub fn link_from_navigation(indexes: &[PageDraft], texts: &mut [LanguageTexts], words: &Words) {
    for texts in texts.iter_mut() {
        let lang = texts.ui.lang.clone();
        if let Some(index) = indexes.iter().find(|d| d.page.meta.lang == lang) {
            texts.ui.nav.push(NavItem {
                label: words.get("search", &lang),
                href: Some(index.page.route.clone()),
                menu: Vec::new(),
            });
        }
    }
}

/// The words the search dialog shows.
const DIALOG_WORDS: [&str; 10] = [
    "search",
    "searchCategory",
    "searchClose",
    "searchKind",
    "searchAllKinds",
    "searchPages",
    "searchPosts",
    "searchDocumentation",
    "searchNone",
    "searchCount",
];

/// The search dialog's words in each of `languages`, by its tag, as a JSON object.
pub fn words(languages: &[crate::model::Language], words: &Words) -> String {
    let by_tag: serde_json::Map<String, serde_json::Value> = languages
        .iter()
        .map(|language| {
            let tag = language
                .tag
                .clone()
                .unwrap_or_else(|| language.code.clone());
            let of_language: serde_json::Map<String, serde_json::Value> = DIALOG_WORDS
                .iter()
                .map(|key| ((*key).to_owned(), words.get(key, &language.code).into()))
                .collect();
            (tag, of_language.into())
        })
        .collect();
    serde_json::Value::Object(by_tag).to_string()
}
