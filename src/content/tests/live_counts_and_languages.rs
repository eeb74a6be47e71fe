//! Live counts (`data-ajax-url`) and language tags: what the compiler keeps, marks, names and
//! says.

use super::*;
use crate::content::body::ElementContent;
use crate::content::body::blocks::Feature;

const STATS: &str = "stats:\n  features:\n    - title: <span data-ajax-url=\"https://api.gbif.org/v1/occurrence/search?country=BE&limit=0\"></span>\n      description: About Belgium\n      href: /about/\n    - title: <span data-ajax-url=\"https://counter.example/count\"></span>\n      description: Elsewhere\n      href: /about/\n";

const HOME: &str = "---\ntitle: Home\npermalink: /\nlayout: compose\ncomposition:\n  - type: stats\n    data: home.stats\n  - type: pageMarkdown\n---\nThere are <span data-ajax-url=\"https://api.gbif.org/v1/dataset/search?limit=0\"></span> datasets.\n";

fn stat_cards(page: &Page) -> Vec<&Feature> {
    page.blocks
        .iter()
        .filter_map(|b| match b {
            PageBlock::Cards(cards) if cards.kind == CardsKind::Stats => Some(&cards.cards),
            _ => None,
        })
        .flatten()
        .collect()
}

#[test]
fn counts_from_gbifs_api_are_kept_and_other_hosts_removed_with_a_warning() {
    let compiled = site(&[
        ("_data/home.yml", STATS),
        ("index.md", HOME),
        ("about.md", "---\ntitle: About\n---\nText.\n"),
    ]);
    assert_eq!(
        messages(&compiled),
        [
            "content/_data/home.yml:6:35: warning: the live count's address `https://counter.example/count` is removed: counts are fetched from GBIF's API only"
        ]
    );
    let page = page_at(&compiled, "/");
    let cards = stat_cards(page);
    let Inline::Element(count) = &cards[0].title[0] else {
        panic!("{:?}", cards[0].title)
    };
    assert_eq!(count.attrs.classes, ["live-count", "live-count--title"]);
    assert_eq!(
        count.attrs.other,
        [
            (
                "data-ajax-url".to_owned(),
                "https://api.gbif.org/v1/occurrence/search?country=BE&limit=0".to_owned()
            ),
            ("aria-hidden".to_owned(), "true".to_owned())
        ]
    );
    assert_eq!(
        count.content,
        ElementContent::Inlines(vec![Inline::text("–")])
    );
    // Named for screen readers by the count and the description; the card whose count was
    // removed by its description.
    assert_eq!(plain_text(&cards[0].title), "– — About Belgium");
    assert_eq!(plain_text(&cards[1].title), "– — Elsewhere");
    let Inline::Element(removed) = &cards[1].title[0] else {
        panic!()
    };
    // Without its address: a count that cannot be had, its dash hidden from screen readers.
    assert_eq!(
        removed.attrs.other,
        [("aria-hidden".to_owned(), "true".to_owned())]
    );
    // The policy lets the pages ask GBIF's API, and nothing else.
    assert_eq!(
        compiled.site.as_ref().unwrap().count_origins,
        ["https://api.gbif.org"]
    );
    // A count in the Markdown is a count too.
    assert!(paragraph_texts(page)[0].starts_with("There are –"));
}

#[test]
fn a_page_without_counts_asks_no_api() {
    let compiled = site(&[("about.md", "---\ntitle: About\n---\nText.\n")]);
    assert!(compiled.site.as_ref().unwrap().count_origins.is_empty());
}

#[test]
fn a_language_key_that_is_no_tag_is_a_warning_naming_the_tag_and_language_code_fixes_it() {
    let languages = "en:\n  label: English\nnu:\n  label: Vagahau Niue\ntv:\n  label: Te Gana Tuvalu\n  languageCode: tvl\n";
    let config = format!(
        "{CONFIG}  - scope:\n      path: nu\n    values:\n      lang: nu\n  - scope:\n      path: tv\n    values:\n      lang: tv\n"
    );
    let compiled = compile_files(&[
        ("_config.yml", &config),
        ("_data/languages.yml", languages),
        (
            "about.md",
            "---\ntitle: About\nlang-ref: about\n---\nText.\n",
        ),
        (
            "nu/about.md",
            "---\ntitle: About\nlang-ref: about\n---\nText.\n",
        ),
        (
            "tv/about.md",
            "---\ntitle: About\nlang-ref: about\n---\nText.\n",
        ),
    ]);
    let warnings: Vec<String> = compiled
        .diagnostics
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].starts_with(
            "content/_data/languages.yml:3:1: warning: `nu` is not a valid language tag (BCP 47)"
        ),
        "{}",
        warnings[0]
    );
    assert!(
        warnings[0].contains(
            "Niuean's tag is `niu`: write `languageCode: niu` under `nu:` in _data/languages.yml"
        ),
        "{}",
        warnings[0]
    );
    let config = &compiled.site.as_ref().unwrap().config;
    assert_eq!(config.tag_of("tv"), "tvl");
    assert_eq!(config.tag_of("nu"), "nu");
    assert_eq!(config.tag_of("en"), "en");
}

#[test]
fn a_page_language_that_is_no_tag_is_a_warning_at_its_lang() {
    let compiled = site(&[("about.md", "---\ntitle: About\nlang: en_US\n---\nText.\n")]);
    let warnings: Vec<String> = compiled
        .diagnostics
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(
        warnings.iter().any(|w| w.starts_with("content/about.md:3:")
            && w.contains("`en_US` is not a valid language tag")
            && w.contains("English's tag is `en-US`")),
        "{warnings:?}"
    );
}

#[test]
fn a_count_in_the_footer_is_kept_and_allowed_like_the_pages() {
    let footer = "columns:\n  - name: Data\n    description: |\n      <span data-ajax-url=\"https://api.gbif.org/v1/occurrence/search?limit=0\"></span> records\n";
    let compiled = site(&[
        ("_data/footer.yml", footer),
        ("about.md", "---\ntitle: About\n---\nText.\n"),
    ]);
    assert!(messages(&compiled).is_empty(), "{:?}", messages(&compiled));
    let site = compiled.site.as_ref().unwrap();
    assert_eq!(site.count_origins, ["https://api.gbif.org"]);
    let footer = format!("{:?}", site.languages[0].footer);
    assert!(footer.contains("live-count"), "{footer}");
}
