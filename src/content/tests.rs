//! Tests of the whole compiler: real content files in, a site or messages out.

use super::*;
use crate::content::body::{Align, Block, Inline};

const SETTINGS: &str = "name: Specify Collections Consortium\nurl: https://www.specifysoftware.org\nlanguages: [en]\nhome: about.md\nnav:\n  - key: about\n    page: about.md\n  - key: data\n    page: data.md\n";

/// An English site with the given pages.
fn input(pages: &[(&str, &str)]) -> Input {
    site_in(&["en"], pages)
}

/// A site in `languages`, with the repository's language files and the given pages.
fn site_in(languages: &[&str], pages: &[(&str, &str)]) -> Input {
    let settings = SETTINGS.replace(
        "languages: [en]",
        &format!("languages: [{}]", languages.join(", ")),
    );
    let languages = languages
        .iter()
        .map(|code| {
            let path = format!("languages/{code}.yml");
            (
                code.to_string(),
                SourceFile::new(&path, &repository_file(&format!("content/{path}"))),
            )
        })
        .collect();
    Input {
        settings: Some(SourceFile::new("site.yml", &settings)),
        languages,
        pages: pages
            .iter()
            .map(|(path, text)| SourceFile::new(path, text))
            .collect(),
        public_files: ["/assets/images/placeholders/moss.jpg".to_owned()].into(),
        problems: Vec::new(),
    }
}

fn page(title: &str, body: &str) -> String {
    format!("---\ntitle: {title}\n---\n{body}")
}

/// Messages as `file:line:col: severity: message`, without hints.
fn messages(compiled: &Compiled) -> Vec<String> {
    compiled
        .diagnostics
        .iter()
        .map(|d| d.to_string().lines().next().unwrap().to_owned())
        .collect()
}

fn repository_file(path: &str) -> String {
    std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

#[test]
fn the_repository_content_compiles_without_messages() {
    let input = load(std::path::Path::new(env!("CARGO_MANIFEST_DIR"))).unwrap();
    let compiled = compile(&input);
    assert_eq!(messages(&compiled), Vec::<String>::new());
    let site = compiled.site.unwrap();
    assert_eq!(site.config.languages[0].home.as_deref(), Some("/about/"));
    assert!(site.page_at("/").is_some_and(|p| p.route == "/about/"));
    assert!(site.page_at("/data").is_some() && site.page_at("/data/").is_some());
}

#[test]
fn the_about_page_has_its_sections_table_and_buttons() {
    let about = repository_file("content/about.md");
    let data = repository_file("content/data.md");
    let compiled = compile(&input(&[("about.md", &about), ("data.md", &data)]));
    let site = compiled.site.expect("compiles");
    let page = site.page_at("/about/").unwrap();
    let ids: Vec<&str> = page
        .sections
        .iter()
        .filter_map(|s| s.heading.as_ref()?.attrs.id.as_deref())
        .collect();
    assert_eq!(
        ids,
        [
            "about-the-specify-collections-consortium",
            "our-mission",
            "contact-us"
        ]
    );

    let blocks: Vec<&Block> = page.sections.iter().flat_map(|s| &s.blocks).collect();
    let table = blocks.iter().find_map(|b| match b {
        Block::Table(t) => Some(t),
        _ => None,
    });
    assert_eq!(
        table.unwrap().align,
        [Align::Default, Align::Center, Align::Right]
    );

    let rows: Vec<Vec<(String, bool)>> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::ButtonRow(row) => Some(
                row.buttons
                    .iter()
                    .map(|l| (super::body::plain_text(&l.content), l.is_primary()))
                    .collect(),
            ),
            _ => None,
        })
        .collect();
    assert_eq!(
        rows,
        [
            vec![("View All Members".to_owned(), true)],
            vec![
                ("Learn More".to_owned(), true),
                ("Contact Us".to_owned(), false),
                ("Main Page".to_owned(), false)
            ],
        ]
    );
}

#[test]
fn the_seed_mojibake_is_reported_with_file_and_line() {
    let seed = "---\ntitle: About\n---\n\nThe Consortiumâ€™s software.\n";
    let compiled = compile(&input(&[
        ("about.md", seed),
        ("data.md", &page("Data", "")),
    ]));
    assert!(compiled.site.is_none());
    assert_eq!(
        compiled
            .diagnostics
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        [
            "content/about.md:5:15: error: garbled text `â€™`: UTF-8 that was read as Windows-1252\n  = hint: replace `â€™` with `’`"
        ]
    );
}

#[test]
fn every_error_of_a_run_is_reported_together() {
    let broken =
        "---\ntitle: A\nheight: tall\ncolour: red\n---\n\n[x](/nowhere) and [y](/data#nowhere)\n";
    let compiled = compile(&input(&[
        ("about.md", broken),
        ("data.md", &page("Data", "## Intro\n")),
    ]));
    assert!(compiled.site.is_none());
    assert_eq!(
        messages(&compiled),
        [
            "content/about.md:3:9: error: `height` must be a CSS length, found `tall`",
            "content/about.md:4:1: warning: unknown front matter key `colour`",
            "content/about.md:7:5: error: `/nowhere` links to a page that does not exist",
            "content/about.md:7:23: error: `#nowhere` is not an id on content/data.md",
        ]
    );
}

#[test]
fn links_to_existing_pages_and_anchors_pass() {
    let about = page(
        "About",
        "## Our Mission\n\n[Data](/data) [data again](/data/#sharing) [mission](#our-mission)\n",
    );
    let data = page("Data", "## Sharing\n\n[Back](../about/)\n");
    let compiled = compile(&input(&[("about.md", &about), ("data.md", &data)]));
    assert_eq!(messages(&compiled), Vec::<String>::new());
}

#[test]
fn a_missing_background_image_is_an_error_at_its_key() {
    let about = "---\ntitle: About\nbackground: /assets/images/missing.jpg\n---\n";
    let compiled = compile(&input(&[
        ("about.md", about),
        ("data.md", &page("Data", "")),
    ]));
    assert_eq!(
        messages(&compiled),
        [
            "content/about.md:3:13: error: the background image `/assets/images/missing.jpg` does not exist"
        ]
    );
}

#[test]
fn two_pages_on_one_route_are_an_error() {
    let other = "---\ntitle: Other\npermalink: /data/\n---\n";
    let compiled = compile(&input(&[
        ("about.md", &page("About", "")),
        ("data.md", &page("Data", "")),
        ("other.md", other),
    ]));
    assert_eq!(
        messages(&compiled),
        ["content/other.md:1:1: error: this page and content/data.md are both at `/data/`"]
    );
}

#[test]
fn two_headings_with_one_id_are_an_error() {
    let about = page("About", "## Contact\n\ntext\n\n## Other {#contact}\n");
    let compiled = compile(&input(&[
        ("about.md", &about),
        ("data.md", &page("Data", "")),
    ]));
    assert_eq!(
        messages(&compiled),
        ["content/about.md:8:1: error: two headings have the id `contact`"]
    );
}

#[test]
fn unknown_pages_in_the_settings_are_errors() {
    let mut input = input(&[("about.md", &page("About", ""))]);
    let compiled = compile(&input);
    assert_eq!(
        messages(&compiled),
        ["content/site.yml:8:5: error: there is no page `content/data.md`"]
    );
    input.settings = None;
    assert_eq!(
        messages(&compile(&input)),
        ["content/site.yml:1:1: error: the site settings file is missing"]
    );
}

#[test]
fn a_file_that_is_not_utf8_is_an_error_at_the_bad_byte() {
    let mut input = input(&[
        ("about.md", &page("About", "")),
        ("data.md", &page("Data", "")),
    ]);
    input.pages[1].bytes = b"---\ntitle: Data\n---\nCaf\xe9\n".to_vec();
    assert_eq!(
        messages(&compile(&input)),
        ["content/data.md:4:4: error: the file is not valid UTF-8"]
    );
}

#[test]
fn pages_in_a_language_folder_get_its_language_and_prefix() {
    let compiled = compile(&site_in(
        &["en", "es"],
        &[
            ("about.md", "---\ntitle: About\nlang-ref: about\n---\n"),
            ("data.md", &page("Data", "")),
            (
                "es/about.md",
                "---\ntitle: Acerca de\nlang-ref: about\n---\nTexto.\n",
            ),
        ],
    ));
    assert_eq!(messages(&compiled), Vec::<String>::new());
    let site = compiled.site.unwrap();
    let spanish = site.page_at("/es/about/").unwrap();
    assert_eq!(spanish.meta.lang, "es");
    assert_eq!(
        spanish.sections[0].blocks,
        [Block::Paragraph {
            attrs: Default::default(),
            content: vec![Inline::text("Texto.")]
        }]
    );
    // The translation of the home page is the Spanish home page, at /es/.
    assert_eq!(site.config.languages[1].home.as_deref(), Some("/es/about/"));
    assert!(
        site.page_at("/es/")
            .is_some_and(|p| p.route == "/es/about/")
    );
    let paths: Vec<(&str, &str)> = spanish
        .translations
        .iter()
        .map(|t| (t.lang.as_str(), t.path.as_str()))
        .collect();
    assert_eq!(paths, [("en", "/"), ("es", "/es/")]);
    // The Spanish navigation links to the Spanish pages where there are some.
    let nav: Vec<(&str, &str)> = site.ui[1]
        .nav
        .iter()
        .map(|l| (l.label.as_str(), l.href.as_str()))
        .collect();
    assert_eq!(nav, [("Acerca de", "/es/"), ("Datos y contacto", "/data/")]);
}

#[test]
fn two_pages_of_one_language_in_a_group_are_an_error() {
    let compiled = compile(&site_in(
        &["en", "es"],
        &[
            ("about.md", "---\ntitle: About\nlang-ref: about\n---\n"),
            ("data.md", &page("Data", "")),
            (
                "es/about.md",
                "---\ntitle: Acerca de\nlang-ref: about\n---\n",
            ),
            (
                "es/acerca.md",
                "---\ntitle: Acerca\nlang: es\nlang-ref: about\n---\n",
            ),
        ],
    ));
    assert_eq!(
        messages(&compiled),
        [
            "content/es/acerca.md:4:11: error: content/es/about.md is already the `es` page of `about`; a group of translations has one page per language"
        ]
    );
}

#[test]
fn translations_at_different_addresses_are_an_error() {
    let compiled = compile(&site_in(
        &["en", "es"],
        &[
            ("about.md", "---\ntitle: About\nlang-ref: about\n---\n"),
            ("data.md", "---\ntitle: Data\nlang-ref: data\n---\n"),
            ("es/about.md", "---\ntitle: Datos\nlang-ref: data\n---\n"),
        ],
    ));
    let messages = messages(&compiled);
    assert!(messages.contains(&"content/es/about.md:3:11: error: this page translates `data`, but its address /es/about/ does not match /data/ of content/data.md".to_owned()), "{messages:#?}");
    assert_eq!(
        compiled
            .diagnostics
            .iter()
            .find(|d| d.is_error())
            .unwrap()
            .hint
            .as_deref(),
        Some("translations share their address; this one belongs at /es/data/")
    );
}

#[test]
fn a_page_in_a_language_the_site_does_not_have_is_an_error() {
    let compiled = compile(&input(&[
        ("about.md", &page("About", "")),
        ("data.md", "---\ntitle: Data\nlang: fr\n---\n"),
    ]));
    assert_eq!(
        messages(&compiled),
        ["content/data.md:3:7: error: `fr` is not one of the site's languages (en)"]
    );
}

#[test]
fn a_language_without_its_file_is_an_error() {
    let mut input = site_in(
        &["en", "es"],
        &[
            ("about.md", &page("About", "")),
            ("data.md", &page("Data", "")),
        ],
    );
    input.languages.remove("es");
    assert!(
        messages(&compile(&input)).contains(
            &"content/site.yml:3:12: error: the language `es` has no file content/languages/es.yml"
                .to_owned()
        )
    );
}

#[test]
fn an_image_with_no_file_under_public_is_an_error_at_its_path() {
    let compiled = compile(&input(&[
        (
            "about.md",
            &page(
                "About",
                "Intro\n\n![Moss](/assets/images/placeholders/moss.jpg) ![Fern](/assets/fern.jpg)\n",
            ),
        ),
        ("data.md", &page("Data", "")),
    ]));
    assert!(compiled.site.is_none());
    assert_eq!(
        messages(&compiled),
        ["content/about.md:6:55: error: `/assets/fern.jpg` links to a file that does not exist"]
    );
}

#[test]
fn ids_from_attribute_lists_html_and_footnotes_are_anchors_too() {
    let about = page(
        "About",
        "Intro.\n{: #intro}\n\n<div id=\"box\" markdown=\"1\">\nInside a note[^n] and *this*{: #em}.\n</div>\n\n[^n]: The note.\n\n[a](#intro) [b](#box) [c](#em) [d](#fn:n) [e](/data/#terms)\n",
    );
    let data = page(
        "Data",
        "Terms\n: Definitions get no ids, but this one has.\n{: #terms}\n",
    );
    let compiled = compile(&input(&[("about.md", &about), ("data.md", &data)]));
    assert_eq!(messages(&compiled), Vec::<String>::new());
}

#[test]
fn a_permalink_that_leaves_the_site_is_an_error_at_its_line() {
    for (permalink, problem) in [
        (
            "/../../../../ESCAPED/",
            "the segment `..` would leave the site's folder",
        ),
        ("/a?b#c/", "`?` would start a query"),
        ("/a/./b/", "the segment `.` would leave the site's folder"),
    ] {
        let compiled = compile(&input(&[
            (
                "about.md",
                &format!("---\ntitle: About\npermalink: {permalink}\n---\n"),
            ),
            ("data.md", &page("Data", "")),
        ]));
        assert!(compiled.site.is_none());
        assert!(
            messages(&compiled).contains(&format!(
                "content/about.md:3:12: error: `permalink` `{permalink}` is not an address of this site: {problem}"
            )),
            "{:?}",
            messages(&compiled)
        );
    }
}

#[test]
fn images_from_other_sites_are_listed_by_origin_for_the_policy() {
    let compiled = compile(&input(&[
        (
            "about.md",
            "---\ntitle: About\nbackground: https://data.nhm.ac.uk/media/d98\n---\n\n![Logo](https://www.csiro.au/logo.png) <img src=\"https://www.csiro.au/b.png\" alt=\"b\">\n",
        ),
        (
            "data.md",
            &page("Data", "![Moss](/assets/images/placeholders/moss.jpg)"),
        ),
    ]));
    let problems = messages(&compiled);
    let site = compiled.site.unwrap_or_else(|| panic!("{problems:?}"));
    assert_eq!(
        site.image_origins,
        ["https://data.nhm.ac.uk", "https://www.csiro.au"]
    );
}
