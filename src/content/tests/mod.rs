//! Tests of the whole compiler: a hosted-portal repository's files in, a site or messages out.

use std::sync::Arc;

use super::*;
use crate::content::body::blocks::{CardsKind, HeroKind, PageBlock};
use crate::content::body::text::plain_text;
use crate::content::body::{Align, Block, Inline};

const CONFIG: &str = "title: SCC\nurl: https://example.org\npermalink: pretty\ndefaults:\n  - scope:\n      path: \"\"\n    values:\n      layout: page\n      lang: en\n  - scope:\n      path: es\n    values:\n      lang: es\n";

/// Compiles a repository of `files` (paths inside it, texts) with `_config.yml` as given.
fn compile_files(files: &[(&str, &str)]) -> Compiled {
    let mut input = Input::of(files);
    input.static_files.insert("/assets/moss.jpg".into());
    compile(&input, Arc::new(|md: &str| format!("<p>{}</p>", md.trim())))
}

/// A repository with the test `_config.yml` and `files`.
fn site(files: &[(&str, &str)]) -> Compiled {
    let mut all = vec![("_config.yml", CONFIG)];
    all.extend_from_slice(files);
    compile_files(&all)
}

/// A repository with `strict: true`.
fn strict_site(files: &[(&str, &str)]) -> Compiled {
    let config = format!("{CONFIG}strict: true\n");
    let mut all = vec![("_config.yml", config.as_str())];
    all.extend_from_slice(files);
    compile_files(&all)
}

/// Messages as `file:line:col: severity: message`, without hints.
fn messages(compiled: &Compiled) -> Vec<String> {
    compiled
        .diagnostics
        .iter()
        .map(|d| d.to_string().lines().next().unwrap().to_owned())
        .collect()
}

fn page_at<'a>(compiled: &'a Compiled, path: &str) -> &'a Page {
    let site = compiled
        .site
        .as_ref()
        .unwrap_or_else(|| panic!("no site: {:?}", messages(compiled)));
    site.page_at(path).unwrap_or_else(|| {
        panic!(
            "no page at {path}: {:?}",
            site.pages.iter().map(|p| &p.route).collect::<Vec<_>>()
        )
    })
}

/// The Markdown blocks of a page's prose blocks.
fn prose(page: &Page) -> Vec<&Block> {
    page.blocks
        .iter()
        .filter_map(|b| match b {
            PageBlock::Prose(p) => Some(p),
            _ => None,
        })
        .flat_map(|p| &p.sections)
        .flat_map(|s| &s.blocks)
        .collect()
}

/// The text of each paragraph of a page's Markdown.
fn paragraph_texts(page: &Page) -> Vec<String> {
    prose(page)
        .iter()
        .map(|b| match b {
            Block::Paragraph { content, .. } => plain_text(content),
            _ => String::new(),
        })
        .collect()
}

fn repository_root() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content")
}

#[test]
fn the_repository_content_compiles_without_messages() {
    let input = load(&repository_root(), "content").unwrap();
    let compiled = compile(&input, Arc::new(|md: &str| md.to_owned()));
    assert_eq!(messages(&compiled), Vec::<String>::new());
    let site = compiled.site.unwrap();
    let routes: Vec<&str> = site.pages.iter().map(|p| p.route.as_str()).collect();
    for route in [
        "/",
        "/about/",
        "/data/",
        "/404",
        "/es/",
        "/es/acerca/",
        "/es/datos/",
        "/es/404",
    ] {
        assert!(routes.contains(&route), "{route} in {routes:?}");
    }
    assert_eq!(site.page_at("/404").unwrap().output, "/404.html");
    let about = site.page_at("/about/").unwrap();
    let translations: Vec<&str> = about.translations.iter().map(|t| t.path.as_str()).collect();
    assert_eq!(translations, ["/about/", "/es/acerca/"]);
    let codes: Vec<(&str, Option<&str>)> = site
        .config
        .languages
        .iter()
        .map(|l| (l.code.as_str(), l.not_found.as_deref()))
        .collect();
    assert_eq!(codes, [("en", Some("/404")), ("es", Some("/es/404"))]);
    assert!(
        site.languages[0]
            .ui
            .nav
            .iter()
            .any(|item| !item.menu.is_empty())
    );
}

#[test]
fn the_about_page_has_its_sections_table_buttons_and_toc() {
    let about = std::fs::read_to_string(repository_root().join("about.md")).unwrap();
    let compiled = site(&[
        ("about.md", &about),
        ("data.md", "---\ntitle: Data\n---\n"),
        (
            "_data/images.yml",
            "moss:\n  src: /assets/moss.jpg\n  caption: SCC\n",
        ),
    ]);
    let page = page_at(&compiled, "/about/");
    let Some(PageBlock::Prose(body)) = page.blocks.get(1) else {
        panic!("{:?}", page.blocks)
    };
    assert_eq!(body.toc, Some(6));
    let ids: Vec<&str> = body
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
    let blocks = prose(page);
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
                    .map(|l| (plain_text(&l.content), l.is_primary()))
                    .collect(),
            ),
            _ => None,
        })
        .collect();
    assert_eq!(rows[1][0], ("Learn More".to_owned(), true));
    // The hero's background came through Liquid from `_data/images.yml`.
    let Some(PageBlock::Hero(hero)) = page.blocks.first() else {
        panic!()
    };
    assert_eq!(hero.kind, HeroKind::Box);
    assert_eq!(hero.feature.image.as_ref().unwrap().src, "/assets/moss.jpg");
    assert_eq!(hero.height.as_deref(), Some("70vh"));
}

#[test]
fn addresses_and_output_files_are_jekylls() {
    let compiled = site(&[
        ("about.md", "---\ntitle: About\n---\n"),
        (
            "privacy.md",
            "---\ntitle: Privacy\npermalink: /privacy\n---\n",
        ),
        ("home.md", "---\ntitle: Home\npermalink: /\n---\n"),
        ("guides/index.md", "---\ntitle: Guides\n---\n"),
        ("guides/start.markdown", "---\ntitle: Start\n---\n"),
        ("notes.md", "No front matter: a file, not a page.\n"),
    ]);
    let pages: Vec<(&str, &str)> = compiled
        .site
        .as_ref()
        .unwrap()
        .pages
        .iter()
        .map(|p| (p.route.as_str(), p.output.as_str()))
        .collect();
    assert_eq!(
        pages,
        [
            ("/about/", "/about/index.html"),
            ("/guides/", "/guides/index.html"),
            ("/guides/start/", "/guides/start/index.html"),
            ("/", "/index.html"),
            ("/privacy", "/privacy.html"),
            ("/404", "/404.html"),
            ("/search/", "/search/index.html"),
        ]
    );
}

#[test]
fn defaults_give_layout_and_language_and_a_page_without_title_takes_the_sites() {
    let compiled = site(&[
        ("es/acerca.md", "---\nlang-ref: about\n---\nTexto.\n"),
        ("about.md", "---\nlang-ref: about\ntitle: About\n---\n"),
    ]);
    let spanish = page_at(&compiled, "/es/acerca/");
    assert_eq!(spanish.meta.lang, "es");
    assert_eq!(spanish.meta.title, "SCC");
    let langs: Vec<(&str, &str)> = spanish
        .translations
        .iter()
        .map(|t| (t.lang.as_str(), t.path.as_str()))
        .collect();
    assert_eq!(langs, [("en", "/about/"), ("es", "/es/acerca/")]);
    assert!(
        matches!(spanish.blocks[0], PageBlock::Hero(_)),
        "the `page` layout starts with its hero box"
    );
}

#[test]
fn liquid_runs_in_front_matter_and_body_with_site_and_page() {
    let compiled = site(&[
        (
            "_data/images.yml",
            "moss:\n  src: /assets/moss.jpg\n  caption: \"By *SCC*\"\n",
        ),
        (
            "about.md",
            "---\ntitle: About\nbackground: \"{{ site.data.images.moss.src }}\"\nimageLicense: \"{{ site.data.images.moss.caption }}\"\nowner: KU\n---\n{% comment %}Hidden{% endcomment %}Run by {{ page.owner | upcase }} for {{ site.title }}.\n\n{% raw %}{{ kept }}{% endraw %}\n",
        ),
    ]);
    let about = page_at(&compiled, "/about/");
    let Some(PageBlock::Hero(hero)) = about.blocks.first() else {
        panic!()
    };
    let image = hero.feature.image.as_ref().unwrap();
    assert_eq!(image.src, "/assets/moss.jpg");
    assert_eq!(plain_text_of(&image.license), "By SCC");
    let texts = paragraph_texts(about);
    assert_eq!(texts, ["Run by KU for SCC.", "{{ kept }}"]);
}

fn plain_text_of(blocks: &[Block]) -> String {
    crate::content::body::text::plain_text_of_blocks(blocks)
}

#[test]
fn liquid_problems_name_file_and_line() {
    let compiled = site(&[(
        "about.md",
        "---\ntitle: About\n---\nText {{ 'x' | nosuchfilter }}.\n\n{% nosuchtag %}\n",
    )]);
    assert!(compiled.site.is_none());
    let all = messages(&compiled);
    assert!(
        all[0].starts_with("content/about.md:4:15: warning: the Liquid filter `nosuchfilter`"),
        "{all:?}"
    );
    assert!(
        all[1].starts_with("content/about.md:6:1: error: this Liquid cannot be read"),
        "{all:?}"
    );
}

#[test]
fn a_composition_draws_its_blocks_from_data_inline_data_and_the_page() {
    let compiled = site(&[
        (
            "_data/examples.yml",
            "stats:\n  title: In GBIF\n  features:\n    - title: 34\n      description: Institutions\n      href: /about/\n",
        ),
        (
            "index.md",
            "---\ntitle: Home\nlayout: compose\npermalink: /\ncta:\n  - text: About\n    href: /about/\n    isPrimary: true\ncomposition:\n  - type: heroImage\n  - type: stats\n    data: examples.stats\n  - type: pageMarkdown\n  - type: media\n    inlineData:\n      title: Papers\n      features:\n        - preTitle: PDF\n          title: A paper\n          background: /assets/moss.jpg\n          imageAlt: Moss\n          imageLicense: \"[CC BY](https://creativecommons.org/licenses/by/4.0/)\"\n          categories: [News, Data]\n  - type: split\n    inlineData:\n      title: Split\n      reverse: true\n  - type: markdown\n    inlineData:\n      markdownContent: \"Some *Markdown*\"\n---\nThe body.\n",
        ),
        ("about.md", "---\ntitle: About\n---\n"),
    ]);
    let home = page_at(&compiled, "/");
    let kinds: Vec<&str> = home
        .blocks
        .iter()
        .map(|b| match b {
            PageBlock::Hero(_) => "hero",
            PageBlock::Prose(_) => "prose",
            PageBlock::Cards(c) if c.kind == CardsKind::Stats => "stats",
            PageBlock::Cards(c) if c.kind == CardsKind::Media => "media",
            PageBlock::Cards(_) => "features",
            PageBlock::Split(_) => "split",
            PageBlock::Gbif(_) => "gbif",
            PageBlock::Posts(_) => "posts",
            PageBlock::SideNav(_) => "side nav",
            PageBlock::Languages(_) => "languages",
            PageBlock::GbifWidget(_) => "gbif widget",
        })
        .collect();
    assert_eq!(kinds, ["hero", "stats", "prose", "media", "split", "prose"]);
    let PageBlock::Hero(hero) = &home.blocks[0] else {
        panic!()
    };
    assert_eq!(hero.feature.buttons.len(), 1);
    assert!(hero.feature.buttons[0].is_primary());
    let PageBlock::Cards(stats) = &home.blocks[1] else {
        panic!()
    };
    assert_eq!(plain_text(&stats.cards[0].title), "34");
    assert_eq!(stats.cards[0].link.as_ref().unwrap().href, "/about/");
    let PageBlock::Cards(media) = &home.blocks[3] else {
        panic!()
    };
    let card = &media.cards[0];
    assert_eq!(card.pre_title.as_deref(), Some("PDF"));
    assert_eq!(card.image.as_ref().unwrap().alt, "Moss");
    assert_eq!(
        card.categories
            .iter()
            .map(|(n, _)| n.as_str())
            .collect::<Vec<_>>(),
        ["News", "Data"]
    );
    let PageBlock::Split(split) = &home.blocks[4] else {
        panic!()
    };
    assert!(split.reverse);
}

#[test]
fn what_jekyll_builds_through_is_a_warning_and_strict_makes_it_an_error() {
    let files = [(
        "index.md",
        "---\ntitle: Home\npermalink: /\nlayout: fancy\ncomposition:\n  - type: carousel\n  - type: stats\n    data: nowhere.stats\n---\n[gone](/gone/) ![missing](/assets/missing.jpg) The Consortiumâ€™s.\n",
    )];
    let lenient = site(&files);
    assert!(lenient.site.is_some());
    let expected = [
        "content/index.md:4:9: warning: the layout `fancy` is neither the theme's nor in `_layouts/`; the page is drawn as `page`",
        "content/index.md:6:5: warning: the block type `carousel` is not one of the theme's, so it is left out",
        "content/index.md:8:11: warning: `data: nowhere.stats` leads to nothing in `_data`, so the `stats` block is empty",
        "content/index.md:10:8: warning: `/gone/` links to a page that does not exist",
        "content/index.md:10:27: warning: `/assets/missing.jpg` is an image that is not in the site",
        "content/index.md:10:62: warning: garbled text `â€™`: UTF-8 that was read as Windows-1252",
    ];
    assert_eq!(messages(&lenient), expected);
    let strict = strict_site(&files);
    assert!(strict.site.is_none());
    assert_eq!(
        messages(&strict),
        expected.map(|m| m.replace("warning:", "error:"))
    );
}

#[test]
fn what_leaves_no_sensible_page_is_an_error_even_when_not_strict() {
    let compiled = site(&[
        ("about.md", "---\ntitle: [unclosed\n---\n"),
        ("data.md", "---\ntitle: Data\n---\nText\n{: .unclosed\n"),
        (
            "evil.md",
            "---\ntitle: Evil\npermalink: /../../ESCAPED/\n---\n",
        ),
        (
            "_data/navigation.yml",
            "- text: Bad\n  href: javascript:alert(1)\n",
        ),
    ]);
    assert!(compiled.site.is_none());
    let all = messages(&compiled);
    let errors: Vec<&String> = all.iter().filter(|m| m.contains(": error: ")).collect();
    assert!(
        errors
            .iter()
            .any(|m| m.starts_with("content/_data/navigation.yml:2:9: error: unsafe link target")),
        "{all:?}"
    );
    assert!(
        errors
            .iter()
            .any(|m| m.starts_with("content/about.md:3:1: error: front matter is not valid YAML")),
        "{all:?}"
    );
    assert!(
        errors.iter().any(|m| m.starts_with(
            "content/evil.md:3:12: error: the page's address `/../../ESCAPED/` cannot be one"
        )),
        "{all:?}"
    );
}

#[test]
fn any_front_matter_key_is_data_and_a_misspelling_is_a_warning() {
    let compiled = site(&[(
        "about.md",
        "---\ntitle: About\ncustomThing: 3\ndescripton: oops\n---\n{{ page.customThing }}\n",
    )]);
    assert_eq!(
        messages(&compiled),
        [
            "content/about.md:4:1: warning: the front matter key `descripton` is not one the site reads"
        ]
    );
    let texts = paragraph_texts(page_at(&compiled, "/about/"));
    assert_eq!(texts, ["3"]);
}

#[test]
fn a_site_without_a_not_found_page_gets_one_and_its_own_is_kept() {
    let compiled = site(&[("about.md", "---\ntitle: About\n---\n")]);
    let not_found = page_at(&compiled, "/404");
    assert!(not_found.meta.not_found && not_found.head.noindex);
    assert_eq!(not_found.meta.title, "Page not found");
    let own = site(&[(
        "404.md",
        "---\nlayout: pageNotFound\ntitle: Lost\npermalink: /404\n---\n",
    )]);
    let page = page_at(&own, "/404");
    assert_eq!(page.meta.title, "Lost");
    assert!(matches!(&page.blocks[0], PageBlock::Hero(h) if h.kind == HeroKind::FloatingText));
}

#[test]
fn two_pages_at_one_address_keep_the_first() {
    let compiled = site(&[
        ("a.md", "---\ntitle: A\npermalink: /same/\n---\n"),
        ("b.md", "---\ntitle: B\npermalink: /same/\n---\n"),
    ]);
    assert_eq!(
        messages(&compiled),
        [
            "content/b.md:3:12: warning: this page and content/a.md are both at `/same/`, so this one is left out"
        ]
    );
    assert_eq!(page_at(&compiled, "/same/").meta.title, "A");
}

#[test]
fn a_file_that_is_not_utf8_is_an_error_at_the_bad_byte() {
    let mut input = Input::of(&[("_config.yml", CONFIG), ("data.md", "")]);
    input.documents.clear();
    input.documents.push(SourceFile {
        relative: "data.md".into(),
        shown: "content/data.md".into(),
        bytes: b"---\ntitle: Data\n---\nCaf\xe9\n".to_vec(),
    });
    let compiled = compile(&input, Arc::new(|md: &str| md.to_owned()));
    assert_eq!(
        messages(&compiled),
        ["content/data.md:4:4: error: the file is not valid UTF-8"]
    );
}

#[test]
fn links_to_pages_anchors_and_files_of_the_site_pass() {
    let compiled = strict_site(&[
        (
            "about.md",
            "---\ntitle: About\n---\n## Our Mission\n\n[Data](/data) [again](/data/#sharing) [here](#our-mission) [moss](/assets/moss.jpg) [privacy](/privacy.html)\n",
        ),
        (
            "data.md",
            "---\ntitle: Data\n---\n## Sharing\n\n[Back](../about/)\n",
        ),
        (
            "privacy.md",
            "---\ntitle: Privacy\npermalink: /privacy\n---\n",
        ),
    ]);
    assert_eq!(messages(&compiled), Vec::<String>::new());
}

#[test]
fn images_from_other_sites_are_listed_by_origin_for_the_policy() {
    let compiled = site(&[(
        "about.md",
        "---\ntitle: About\nbackground: https://data.nhm.ac.uk/media/d98\n---\n\n![Logo](https://www.csiro.au/logo.png) <img src=\"https://www.csiro.au/b.png\" alt=\"b\">\n",
    )]);
    let problems = messages(&compiled);
    let site = compiled.site.unwrap_or_else(|| panic!("{problems:?}"));
    assert_eq!(
        site.image_origins,
        ["https://data.nhm.ac.uk", "https://www.csiro.au"]
    );
}

#[test]
fn images_written_in_data_and_videos_from_other_sites_reach_the_policy() {
    let compiled = site(&[
        (
            "index.md",
            "---\ntitle: Home\nlayout: compose\npermalink: /\ncomposition:\n  - type: features\n    data: partners\n---\n",
        ),
        (
            "_data/partners.yml",
            "features:\n  - title: A museum\n    background: https://images.museum.example/logo.png\n",
        ),
        (
            "media.md",
            "---\ntitle: Media\n---\n\n<video src=\"https://media.example.org/v.mp4\" poster=\"https://stills.example.org/p.jpg\"></video>\n",
        ),
    ]);
    let problems = messages(&compiled);
    let site = compiled.site.unwrap_or_else(|| panic!("{problems:?}"));
    assert_eq!(
        site.image_origins,
        [
            "https://images.museum.example",
            "https://stills.example.org"
        ]
    );
    assert_eq!(site.media_origins, ["https://media.example.org"]);
}

#[test]
fn the_sites_icons_are_found_where_sites_keep_them() {
    let mut input = Input::of(&[("_config.yml", CONFIG)]);
    for file in [
        "/favicon.ico",
        "/favicon-32x32.png",
        "/apple-touch-icon-180x180.png",
        "/manifest.json",
    ] {
        input.static_files.insert(file.into());
    }
    let site = compile(&input, Arc::new(|md: &str| md.to_owned()))
        .site
        .unwrap();
    assert_eq!(site.icons.favicon.as_deref(), Some("/favicon-32x32.png"));
    assert_eq!(
        site.icons.apple_touch.as_deref(),
        Some("/apple-touch-icon-180x180.png")
    );
    assert_eq!(site.icons.manifest.as_deref(), Some("/manifest.json"));
}

#[test]
fn unpublished_pages_are_not_written_and_posts_are_pages() {
    let compiled = site(&[
        ("draft.md", "---\ntitle: Draft\npublished: false\n---\n"),
        ("_posts/2021-01-14-news.md", "---\ntitle: News\n---\n"),
        ("about.md", "---\ntitle: About\n---\n"),
    ]);
    let routes: Vec<&str> = compiled
        .site
        .as_ref()
        .unwrap()
        .pages
        .iter()
        .map(|p| p.route.as_str())
        .collect();
    // And the built-in site index, which lists them.
    assert_eq!(routes, ["/2021/01/14/news/", "/about/", "/404", "/search/"]);
}

#[test]
fn paragraphs_keep_their_text() {
    let compiled = site(&[("es/acerca.md", "---\ntitle: Acerca\n---\nTexto.\n")]);
    let page = page_at(&compiled, "/es/acerca/");
    assert_eq!(
        prose(page),
        [&Block::Paragraph {
            attrs: Default::default(),
            content: vec![Inline::text("Texto.")]
        }]
    );
}

#[test]
fn players_on_allowed_hosts_are_kept_and_others_removed() {
    let page = "---\ntitle: Videos\n---\n<iframe src=\"https://www.youtube-nocookie.com/embed/x\" width=\"560\" height=\"315\" onload=\"evil()\"></iframe>\n\n<iframe src=\"https://evil.example/x\"></iframe>\n\n<iframe src=\"http://www.youtube.com/embed/y\"></iframe>\n";
    let compiled = site(&[("videos.md", page)]);
    assert_eq!(
        messages(&compiled),
        [
            "content/videos.md:4:81: warning: the attribute `onload` of `<iframe>` is removed: it could run a script or load unwanted content",
            "content/videos.md:6:1: warning: the `<iframe>` from `evil.example` is removed: it is not one of the players the site embeds",
            "content/videos.md:8:1: warning: the `<iframe>` is removed: only `https:` players the site embeds are kept",
        ]
    );
    let site = compiled.site.as_ref().unwrap();
    assert_eq!(site.frame_hosts, ["www.youtube-nocookie.com"]);
    let player = prose(page_at(&compiled, "/videos/"))
        .into_iter()
        .find_map(|b| match b {
            Block::Element(el) if el.tag == "iframe" => Some(el.attrs.other.clone()),
            _ => None,
        })
        .unwrap();
    let value = |name: &str| {
        player
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    assert_eq!(value("loading"), Some("lazy"));
    assert_eq!(
        value("title"),
        Some("Embedded content from www.youtube-nocookie.com")
    );
    assert_eq!(
        value("sandbox"),
        Some("allow-scripts allow-same-origin allow-popups allow-presentation")
    );
    assert_eq!(value("onload"), None);
    // `embeds:` replaces the default players.
    let config = format!("{CONFIG}embeds: [player.vimeo.com]\n");
    let only_vimeo = compile_files(&[("_config.yml", &config), ("videos.md", page)]);
    assert!(
        messages(&only_vimeo)[0]
            .contains("the `<iframe>` from `www.youtube-nocookie.com` is removed")
    );
}

#[test]
fn a_link_to_another_site_or_an_email_address_without_its_scheme_is_explained() {
    let compiled = site(&[(
        "about.md",
        "---\ntitle: About\n---\n[code](github.com/specify) and [map](wktmap.com) and [file](report.pdf)\n\nWrite to [us](help.desk@example.org) or <a href=\"mailto: help.desk@example.org\">us</a>.\n\n![Moss](assets/moss.jpg)\n",
    )]);
    let hints: Vec<String> = compiled
        .diagnostics
        .iter()
        .map(|d| d.hint.clone().unwrap_or_default())
        .collect();
    assert_eq!(
        hints,
        [
            "to link to another site, write `https://github.com/specify`",
            "to link to another site, write `https://wktmap.com`",
            "add the file at `/about/report.pdf` in the site's folder, or correct the path",
            "to link to an email address, write `mailto:help.desk@example.org`",
            "addresses have no spaces: write `mailto:help.desk@example.org`",
            "without a leading `/` it is read from this page's address, as `/about/assets/moss.jpg`; the site's file is `/assets/moss.jpg`",
        ]
    );
}

#[test]
fn each_layout_composes_the_blocks_the_theme_gives_it() {
    let layout = |name: &str| {
        format!("---\ntitle: T\nlayout: {name}\nbackground: /assets/moss.jpg\n---\nText.\n")
    };
    let files: Vec<(String, String)> = [
        "page",
        "default",
        "heroImage",
        "home",
        "compose",
        "pageNotFound",
        "post",
        "null",
    ]
    .iter()
    .map(|name| (format!("{name}.md"), layout(name)))
    .collect();
    let files: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let compiled = site(&files);
    let kinds = |path: &str| -> Vec<String> {
        page_at(&compiled, path)
            .blocks
            .iter()
            .map(|b| match b {
                PageBlock::Hero(h) => format!("{:?}", h.kind),
                PageBlock::Prose(_) => "Prose".to_owned(),
                other => format!("{other:?}").split('(').next().unwrap().to_owned(),
            })
            .collect()
    };
    assert_eq!(kinds("/page/"), ["Box", "Prose"]);
    assert_eq!(kinds("/default/"), ["Prose"]);
    assert_eq!(kinds("/heroImage/"), ["Image", "Prose"]);
    assert_eq!(kinds("/home/"), ["Image", "Prose", "Posts"]);
    assert_eq!(
        kinds("/compose/"),
        Vec::<String>::new(),
        "compose draws only its composition"
    );
    assert_eq!(kinds("/pageNotFound/"), ["FloatingText"]);
    assert_eq!(kinds("/post/"), ["PostHeader", "Prose"]);
    assert_eq!(
        kinds("/null/"),
        ["Prose"],
        "`layout: null` is the text alone"
    );
    assert!(page_at(&compiled, "/pageNotFound/").meta.not_found);
}

#[test]
fn a_composition_entry_without_a_type_is_left_out_with_a_warning() {
    let compiled = site(&[(
        "index.md",
        "---\ntitle: Home\npermalink: /\nlayout: compose\ncomposition:\n  - data: x\n  - type: pageMarkdown\n---\nText.\n",
    )]);
    assert_eq!(
        messages(&compiled),
        ["content/index.md:6:5: warning: this composition entry has no `type`, so it is left out"]
    );
    assert_eq!(page_at(&compiled, "/").blocks.len(), 1);
}

#[test]
fn yaml_that_libyaml_reads_is_read_with_a_warning() {
    let compiled = site(&[
        (
            "_data/images.yml",
            "moss:\n  caption: \"a long caption\n that goes on\"\n  src: /assets/moss.jpg\n",
        ),
        (
            "_data/people.yml",
            "- name: Ada\n  role: a\n  links:\n    orcid: x\n    orcid: y\n  role: b\n- name: Ben\n  role: c\n",
        ),
        (
            "about.md",
            "---\ntitle: A\ntitle: About\n---\n{{ site.data.images.moss.caption }} {{ site.data.people[0].role }} {{ site.data.people[0].links.orcid }}\n",
        ),
    ]);
    assert_eq!(
        messages(&compiled),
        [
            "content/_data/images.yml:2:12: warning: this line of a quoted text is indented less than its key",
            "content/_data/people.yml:5:5: warning: the key `orcid` is given twice in one mapping (lines 4 and 5), so its first value is ignored",
            "content/_data/people.yml:6:3: warning: the key `role` is given twice in one mapping (lines 2 and 6), so its first value is ignored",
            "content/about.md:3:1: warning: the key `title` is given twice in one mapping (lines 2 and 3), so its first value is ignored",
        ]
    );
    let about = page_at(&compiled, "/about/");
    assert_eq!(about.meta.title, "About", "the last value counts");
    let texts = paragraph_texts(about);
    assert_eq!(texts, ["a long caption that goes on b y"]);
}

#[test]
fn two_translations_in_one_language_keep_the_first() {
    let compiled = site(&[
        ("about.md", "---\ntitle: About\nlang-ref: about\n---\n"),
        ("es/acerca.md", "---\ntitle: Acerca\nlang-ref: about\n---\n"),
        ("es/sobre.md", "---\ntitle: Sobre\nlang-ref: about\n---\n"),
    ]);
    assert_eq!(
        messages(&compiled),
        [
            "content/es/sobre.md:3:11: warning: content/es/acerca.md is already the `es` page of `about`, so this page is not listed as a translation"
        ]
    );
    let langs: Vec<&str> = page_at(&compiled, "/about/")
        .translations
        .iter()
        .map(|t| t.path.as_str())
        .collect();
    assert_eq!(langs, ["/about/", "/es/acerca/"]);
}

#[test]
fn a_navigation_that_is_not_a_list_is_left_out_with_a_warning() {
    let compiled = site(&[
        ("_data/navigation.yml", "about: /about/\n"),
        ("about.md", "---\ntitle: A\n---\n"),
    ]);
    assert_eq!(
        messages(&compiled),
        [
            "content/_data/navigation.yml:1:1: warning: the navigation is not a list, so it is left out"
        ]
    );
}

#[test]
fn posts_get_their_date_address_excerpt_and_categories() {
    let config = format!(
        "{CONFIG}  - scope:\n      path: _posts\n    values:\n      layout: post\n      permalink: /post/:year/:slug/\nalgae:\n  archive_permalink: /news/\n  latestPostLimit: 1\n"
    );
    let compiled = compile_files(&[
        ("_config.yml", &config),
        (
            "_posts/2021-01-14-First-Post.md",
            "---\ntitle: First\ndate: 2021-01-14 23:30:00 -0200\ncategories: Events News\n---\nThe first paragraph, which is the excerpt.\n\nMore.\n",
        ),
        (
            "_posts/2021-03-01-second.md",
            "---\ntitle: Second\ncategories: [News]\nexcludeFromArchive: true\n---\nSecond.\n",
        ),
        (
            "_posts/es/2021-02-01-tercera.md",
            "---\ntitle: Tercera\nlang: es\n---\nTexto.\n",
        ),
        ("_posts/not-a-post.md", "---\ntitle: X\n---\n"),
        (
            "news.md",
            "---\ntitle: News\nlayout: archive\npermalink: /news/\n---\n",
        ),
        (
            "index.md",
            "---\ntitle: Home\nlayout: home\npermalink: /\n---\nHome.\n",
        ),
    ]);
    assert_eq!(
        messages(&compiled),
        [
            "content/_posts/not-a-post.md:1:1: warning: `not-a-post.md` is in `_posts` but is not named `YYYY-MM-DD-title.md`, so it is not a post"
        ]
    );
    // The date's time zone moves it to the next day in UTC; `:slug` is slugified.
    let first = page_at(&compiled, "/post/2021/first-post/");
    let post = first.post.as_ref().unwrap();
    assert_eq!(
        crate::content::repository::dates::liquid_text(post.date),
        "2021-01-15 01:30:00 +0000"
    );
    assert_eq!(post.written_date, "15 January 2021");
    assert_eq!(post.categories, ["Events", "News"]);
    assert_eq!(post.excerpt, "The first paragraph, which is the excerpt.");
    let PageBlock::Hero(header) = &first.blocks[0] else {
        panic!()
    };
    assert_eq!(header.kind, HeroKind::PostHeader);
    assert_eq!(header.feature.date.as_deref(), Some("15 January 2021"));
    assert_eq!(
        header.feature.categories[1],
        ("News".to_owned(), "/news/?category=News".to_owned())
    );
    // The archive lists the English posts it may, newest first; the home page the latest one.
    let list = |path: &str| -> Vec<String> {
        page_at(&compiled, path)
            .blocks
            .iter()
            .find_map(|b| match b {
                PageBlock::Posts(list) => Some(
                    list.cards
                        .iter()
                        .map(|(card, _)| plain_text(&card.title))
                        .collect(),
                ),
                _ => None,
            })
            .unwrap()
    };
    assert_eq!(list("/news/"), ["First"]);
    assert_eq!(list("/"), ["Second"]);
    let spanish = page_at(&compiled, "/post/2021/tercera/");
    assert_eq!(spanish.meta.lang, "es");
}

#[test]
fn site_posts_are_in_liquid_newest_first() {
    let compiled = site(&[
        ("_posts/2021-01-14-a.md", "---\ntitle: A\n---\n"),
        ("_posts/2022-01-14-b.md", "---\ntitle: B\n---\n"),
        (
            "list.md",
            "---\ntitle: List\n---\n{% for post in site.posts %}{{ post.title }} {{ post.date | date: '%Y' }}; {% endfor %}\n",
        ),
    ]);
    assert_eq!(
        paragraph_texts(page_at(&compiled, "/list/")),
        ["B 2022; A 2021;"]
    );
}

#[test]
fn a_documentation_page_has_its_side_navigation_with_its_own_link_marked() {
    use super::body::blocks::{NavItem, SideNav};
    let compiled = site(&[
        (
            "_data/sideNavigation.yml",
            "guides:\n  - grouptitle: Configuration\n    content:\n      - title: Intro\n        path: /docs/intro\n      - sectiontitle: Compositions\n        section:\n          - title: Overlays\n            path: docs/overlays\n",
        ),
        (
            "docs/intro.md",
            "---\nlayout: documentation\ntitle: Intro\npermalink: /docs/intro\nsideNavigation: sideNavigation.guides\n---\nText.\n",
        ),
        (
            "docs/overlays.md",
            "---\nlayout: documentation\ntitle: Overlays\npermalink: /docs/overlays/\nsideNavigation: sideNavigation.nothing\n---\nText.\n",
        ),
    ]);
    let nav = |path: &str| -> SideNav {
        page_at(&compiled, path)
            .blocks
            .iter()
            .find_map(|b| match b {
                PageBlock::SideNav(nav) => Some(nav.clone()),
                _ => None,
            })
            .expect("a side navigation")
    };
    let intro = nav("/docs/intro");
    assert_eq!(intro.label, "In this section");
    assert_eq!(intro.groups[0].title.as_deref(), Some("Configuration"));
    assert_eq!(
        intro.groups[0].items,
        [
            NavItem::Link {
                title: "Intro".into(),
                href: "/docs/intro".into(),
                current: true
            },
            NavItem::Section {
                title: "Compositions".into(),
                items: vec![NavItem::Link {
                    title: "Overlays".into(),
                    href: "/docs/overlays".into(),
                    current: false
                }]
            }
        ]
    );
    // A path that leads nowhere leaves the navigation empty, with a warning at its line.
    assert!(nav("/docs/overlays/").groups.is_empty());
    assert!(
        messages(&compiled).iter().any(|m| m.starts_with(
            "content/docs/overlays.md:5:17: warning: `sideNavigation: sideNavigation.nothing` is not a list"
        )),
        "{:?}",
        messages(&compiled)
    );
}

#[test]
fn privacy_team_and_language_splash_are_drawn_from_config_and_data() {
    use super::body::blocks::CardsKind;
    let config = format!("{CONFIG}privacy:\n  name: The Network\n  contactEmail: c@example.org\n");
    let compiled = compile_files(&[
        ("_config.yml", config.as_str()),
        (
            "_data/languages.yml",
            "en:\n  label: English\nes:\n  label: Español\n",
        ),
        (
            "_data/team.yml",
            "- name: Ada Moss\n  role: Coordinator\n  orcid: 0000-0002\n  description: Keeps *data*.\n",
        ),
        (
            "privacy.md",
            "---\nlayout: standardPrivacy\ntitle: Privacy\npermalink: /privacy\n---\nNot shown.\n",
        ),
        (
            "team.md",
            "---\nlayout: team\ntitle: Team\n---\nWho we are.\n",
        ),
        (
            "welcome.md",
            "---\nlayout: languageSplash\ntitle: Welcome\n---\n",
        ),
        ("es/index.md", "---\ntitle: Inicio\n---\n"),
    ]);
    let privacy = plain_text_of(
        &prose(page_at(&compiled, "/privacy"))
            .into_iter()
            .cloned()
            .collect::<Vec<_>>(),
    );
    assert!(
        privacy.contains("The Network runs this website"),
        "{privacy}"
    );
    assert!(privacy.contains("c@example.org"), "{privacy}");
    assert!(!privacy.contains("Not shown"), "{privacy}");

    let team = page_at(&compiled, "/team/");
    let cards = team
        .blocks
        .iter()
        .find_map(|b| match b {
            PageBlock::Cards(c) if c.kind == CardsKind::Team => Some(c),
            _ => None,
        })
        .expect("the team's cards");
    assert_eq!(cards.cards.len(), 1);
    assert_eq!(plain_text(&cards.cards[0].title), "Ada Moss");
    assert_eq!(cards.cards[0].pre_title.as_deref(), Some("Coordinator"));
    assert_eq!(
        cards.cards[0].buttons[0].href,
        "https://orcid.org/0000-0002"
    );
    assert!(paragraph_texts(team).contains(&"Who we are.".to_owned()));

    let welcome = page_at(&compiled, "/welcome/");
    let links = welcome
        .blocks
        .iter()
        .find_map(|b| match b {
            PageBlock::Languages(list) => Some(list.links.clone()),
            _ => None,
        })
        .expect("the language list");
    assert_eq!(
        links,
        [
            ("en".to_owned(), "English".to_owned(), "/".to_owned()),
            ("es".to_owned(), "Español".to_owned(), "/es/".to_owned())
        ]
    );
}

#[test]
fn an_html_page_with_front_matter_is_liquid_and_html_checked_like_markdowns() {
    let compiled = site(&[
        (
            "contact.html",
            "---\ntitle: Contact\n---\n<section class=\"contact\">\n  <p>Write to {{ site.title }}, *not* Markdown.</p>\n  <script>alert(1)</script>\n</section>\n",
        ),
        ("plain.html", "<p>No front matter: copied as it is.</p>\n"),
    ]);
    let page = page_at(&compiled, "/contact/");
    assert_eq!(page.meta.title, "Contact");
    let html = format!("{:?}", prose(page));
    assert!(html.contains("Write to SCC, *not* Markdown."), "{html}");
    assert!(!html.contains("alert"), "{html}");
    assert!(
        messages(&compiled)
            .iter()
            .any(|m| m.starts_with("content/contact.html:6:3: warning:") && m.contains("script")),
        "{:?}",
        messages(&compiled)
    );
    let site = compiled.site.as_ref().unwrap();
    assert!(site.static_files.contains(&"/plain.html".to_owned()));
    assert!(site.page_at("/plain/").is_none());
}

#[test]
fn documents_of_custom_collections_are_written_when_the_collection_says_so() {
    let config = format!(
        "{CONFIG}collections:\n  guides:\n    output: true\n  people:\n    output: false\n"
    );
    let compiled = compile_files(&[
        ("_config.yml", config.as_str()),
        (
            "_guides/setup/first.md",
            "---\ntitle: First steps\n---\nStart here.\n",
        ),
        ("_guides/diagram.svg", "<svg/>"),
        (
            "_people/ada.md",
            "---\nname: Ada\nrole: Curator\n---\nBio.\n",
        ),
        ("_people/photo.jpg", "jpg"),
        ("_drafts/draft.md", "---\ntitle: Draft\n---\n"),
        (
            "team.md",
            "---\ntitle: Team\n---\n{% for p in site.people %}{{ p.name }} ({{ p.role }}){% endfor %}, {{ site.guides.size }} guide\n",
        ),
    ]);
    let guide = page_at(&compiled, "/guides/setup/first/");
    assert_eq!(guide.meta.title, "First steps");
    assert_eq!(
        paragraph_texts(page_at(&compiled, "/team/")),
        ["Ada (Curator), 1 guide"]
    );
    let site = compiled.site.as_ref().unwrap();
    assert!(site.page_at("/people/ada/").is_none(), "output: false");
    assert!(site.page_at("/drafts/draft/").is_none(), "not a collection");
    assert!(
        site.static_files
            .contains(&"/guides/diagram.svg".to_owned())
    );
    assert_eq!(
        site.static_sources["/guides/diagram.svg"],
        "/_guides/diagram.svg"
    );
    assert!(!site.static_files.contains(&"/_people/photo.jpg".to_owned()));
}

#[test]
fn the_lists_of_documents_reach_every_page_or_include_that_reads_them() {
    let compiled = site(&[
        ("_includes/count.html", "{{ site.pages | size }} pages"),
        (
            "a.md",
            "---\ntitle: A\n---\n{{ site.pages | size }} pages, {{ site.title }}\n",
        ),
        ("b.md", "---\ntitle: B\n---\n{% include count.html %}\n"),
        (
            "c.md",
            "---\ntitle: C\n---\n{% assign s = site %}{{ s.pages | size }} pages\n",
        ),
        ("d.md", "---\ntitle: D\n---\n{{ site.title }}\n"),
    ]);
    assert_eq!(paragraph_texts(page_at(&compiled, "/a/")), ["4 pages, SCC"]);
    assert_eq!(paragraph_texts(page_at(&compiled, "/b/")), ["4 pages"]);
    assert_eq!(paragraph_texts(page_at(&compiled, "/c/")), ["4 pages"]);
    assert_eq!(paragraph_texts(page_at(&compiled, "/d/")), ["SCC"]);
}

/// The development server's compiles: with what earlier builds compiled remembered, a site comes
/// out exactly as a compile from nothing, through page, include, data, setting and front matter
/// edits, a page added and one removed.
#[test]
fn remembering_earlier_builds_never_changes_what_a_build_compiles() {
    let markdown: Arc<DrawMarkdown> = Arc::new(|md: &str| format!("<p>{}</p>", md.trim()));
    let mut files: Vec<(String, String)> = [
        ("_config.yml", CONFIG.to_owned()),
        ("_data/people.yml", "- name: Ada\n".to_owned()),
        ("_includes/note.html", "A note.".to_owned()),
        (
            "index.md",
            "---\ntitle: Home\npermalink: /\n---\nHome, see [about](/about/).\n".to_owned(),
        ),
        (
            "about.md",
            "---\ntitle: About\n---\n{% include note.html %} {{ site.data.people[0].name }}\n"
                .to_owned(),
        ),
        (
            "list.md",
            "---\ntitle: List\n---\n{% for p in site.pages %}{{ p.title }}; {% endfor %}\n"
                .to_owned(),
        ),
        (
            "plain.md",
            "---\ntitle: Plain\n---\nJust text, and a [broken](/nowhere/) link.\n".to_owned(),
        ),
    ]
    .into_iter()
    .map(|(p, t)| (p.to_owned(), t))
    .collect();
    let set = |files: &mut Vec<(String, String)>, path: &str, text: Option<&str>| {
        files.retain(|(p, _)| p != path);
        if let Some(text) = text {
            files.push((path.to_owned(), text.to_owned()));
        }
    };
    let mut remembered = Remembered::default();
    let mut check = |files: &[(String, String)], step: &str| {
        let files: Vec<(&str, &str)> = files
            .iter()
            .map(|(p, t)| (p.as_str(), t.as_str()))
            .collect();
        let input = Input::of(&files);
        let fresh = compile(&input, markdown.clone());
        let again = compile_remembering(&input, markdown.clone(), Some(&mut remembered));
        assert_eq!(again.site, fresh.site, "{step}");
        assert_eq!(messages(&again), messages(&fresh), "{step}");
        again
    };
    check(&files, "first build");
    set(
        &mut files,
        "index.md",
        Some("---\ntitle: Home\npermalink: /\n---\nHome, edited.\n"),
    );
    check(&files, "a page edited");
    set(&mut files, "_includes/note.html", Some("Another note."));
    let compiled = check(&files, "an include edited");
    assert!(
        paragraph_texts(page_at(&compiled, "/about/"))
            .concat()
            .contains("Another note.")
    );
    set(&mut files, "_data/people.yml", Some("- name: Grace\n"));
    check(&files, "a data file edited");
    set(
        &mut files,
        "new.md",
        Some("---\ntitle: New page\n---\nNew.\n"),
    );
    let compiled = check(&files, "a page added");
    assert!(
        paragraph_texts(page_at(&compiled, "/list/"))
            .concat()
            .contains("New page")
    );
    set(
        &mut files,
        "plain.md",
        Some("---\ntitle: Plain, retitled\n---\nJust text, and a [broken](/nowhere/) link.\n"),
    );
    let compiled = check(&files, "another page's front matter edited");
    assert!(
        paragraph_texts(page_at(&compiled, "/list/"))
            .concat()
            .contains("Plain, retitled")
    );
    set(&mut files, "new.md", None);
    check(&files, "a page removed");
    let config = CONFIG.replace("title: SCC", "title: SCC, renamed");
    set(&mut files, "_config.yml", Some(&config));
    check(&files, "a setting edited");
}

/// A page whose file and site did not change is taken from what was remembered, not compiled
/// again: a remembered page altered by hand comes out altered.
#[test]
fn a_page_that_cannot_have_changed_is_not_compiled_again() {
    let markdown: Arc<DrawMarkdown> = Arc::new(|md: &str| md.to_owned());
    let about = "---\ntitle: About\n---\nText.\n";
    let files = [("_config.yml", CONFIG), ("about.md", about)];
    let input = Input::of(&files);
    let mut remembered = Remembered::default();
    compile_remembering(&input, markdown.clone(), Some(&mut remembered));
    let key = page::remembered::page_key(
        &page::remembered::site_key(&input),
        None,
        "about.md",
        about.as_bytes(),
    );
    let (draft, messages) = remembered
        .get("about.md", &key)
        .expect("remembered by its key");
    let mut draft = draft.unwrap();
    draft.page.meta.title = "Altered".into();
    remembered.keep("about.md".into(), key, Some(draft), messages);
    let again = compile_remembering(&input, markdown.clone(), Some(&mut remembered));
    assert_eq!(page_at(&again, "/about/").meta.title, "Altered");
    // Edited, it is compiled again.
    let edited = "---\ntitle: About us\n---\nText.\n";
    let input = Input::of(&[("_config.yml", CONFIG), ("about.md", edited)]);
    let again = compile_remembering(&input, markdown, Some(&mut remembered));
    assert_eq!(page_at(&again, "/about/").meta.title, "About us");
}

#[test]
fn an_image_written_without_a_leading_slash_is_the_sites_from_any_page() {
    // `background: assets/…` as hp-north-america's posts have it: the theme writes it through
    // `absolute_url`, so it is the site's file on the post's own page and in every list of posts.
    let compiled = site(&[
        (
            "index.md",
            "---\ntitle: Home\nlayout: home\npermalink: /\n---\nWelcome.\n",
        ),
        (
            "_posts/2024-01-02-hello.md",
            "---\ntitle: Hello\nlayout: post\nbackground: assets/moss.jpg\n---\nText.\n",
        ),
    ]);
    assert_eq!(messages(&compiled), Vec::<String>::new());
    let site = compiled.site.as_ref().unwrap();
    let post = site.pages.iter().find(|p| p.post.is_some()).unwrap();
    assert_eq!(post.head.image.as_deref(), Some("/assets/moss.jpg"));
    let hero = post
        .blocks
        .iter()
        .find_map(|b| match b {
            PageBlock::Hero(hero) => hero.feature.image.as_ref(),
            _ => None,
        })
        .expect("the post's hero has its image");
    assert_eq!(hero.src, "/assets/moss.jpg");
    let card = page_at(&compiled, "/")
        .blocks
        .iter()
        .find_map(|b| match b {
            PageBlock::Posts(list) => list.cards.first()?.0.image.as_ref(),
            _ => None,
        })
        .expect("the home page lists the post with its image");
    assert_eq!(card.src, "/assets/moss.jpg");
}

#[test]
fn a_problem_in_a_blocks_inline_data_is_reported_at_its_key() {
    let compiled = site(&[(
        "index.md",
        "---\ntitle: Home\nlayout: compose\ncomposition:\n  - type: media\n    inlineData:\n      title: Papers\n      features:\n        - title: First\n          href: /about/\n        - title: Second\n          background: /assets/missing.jpg\n          description: |\n            Read [it](/gone/).\n          cta:\n            - text: Open\n              href: /nowhere/\n---\n",
    )]);
    assert_eq!(
        messages(&compiled),
        [
            "content/index.md:10:17: warning: `/about/` links to a page that does not exist",
            "content/index.md:12:23: warning: `/assets/missing.jpg` is an image that is not in the site",
            "content/index.md:14:23: warning: `/gone/` links to a page that does not exist",
            "content/index.md:17:21: warning: `/nowhere/` links to a page that does not exist",
        ]
    );
}

#[test]
fn a_dead_link_is_given_a_close_page_in_its_own_language() {
    let compiled = site(&[
        (
            "about.md",
            "---\ntitle: About\n---\n[a](/abuot/) [b](/data/)\n",
        ),
        ("es/data.md", "---\ntitle: Datos\n---\n[c](/es/dat/)\n"),
    ]);
    let hints: Vec<(String, String)> = compiled
        .diagnostics
        .iter()
        .map(|d| (d.message.clone(), d.hint.clone().unwrap_or_default()))
        .collect();
    assert_eq!(
        hints,
        [
            (
                "`/abuot/` links to a page that does not exist".to_owned(),
                "did you mean `/about/`?".to_owned()
            ),
            (
                "`/data/` links to a page that does not exist".to_owned(),
                "correct the address, or add the page".to_owned()
            ),
            (
                "`/es/dat/` links to a page that does not exist".to_owned(),
                "did you mean `/es/data/`?".to_owned()
            ),
        ]
    );
}

#[test]
fn a_problem_in_data_a_block_shows_is_reported_in_the_data_file_once() {
    let page = |lang: &str| {
        format!(
            "---\ntitle: Home {lang}\nlayout: compose\ncomposition:\n  - type: features\n    data: examples.cards\n---\n"
        )
    };
    let compiled = site(&[
        ("index.md", page("en").as_str()),
        ("es/index.md", page("es").as_str()),
        (
            "_data/examples.yml",
            "cards:\n  title: Examples\n  features:\n    - title: One\n      background: /assets/missing.jpg\n    - title: Two\n      description: See [it](/gone/) {{ 1 | no_such_filter }}\n",
        ),
    ]);
    let messages = messages(&compiled);
    assert_eq!(
        messages,
        [
            "content/_data/examples.yml:5:19: warning: `/assets/missing.jpg` is an image that is not in the site",
            "content/_data/examples.yml:7:29: warning: `/gone/` links to a page that does not exist",
            "content/_data/examples.yml:7:44: warning: the Liquid filter `no_such_filter` is unknown, so it is skipped",
        ],
        "{messages:#?}"
    );
}

#[test]
fn a_page_that_fails_is_reported_once_not_again_by_every_link_to_it() {
    let compiled = site(&[
        (
            "index.md",
            "---\ntitle: Home\npermalink: /\n---\nRead [about us](/about/).\n",
        ),
        (
            "about.md",
            "---\ntitle: About\n---\nWe are {{ page.title }\n",
        ),
    ]);
    assert!(compiled.site.is_none());
    assert_eq!(
        messages(&compiled),
        ["content/about.md:4:8: error: this `{{` is not closed with `}}`"]
    );
}

/// A repository's own layouts render as Jekyll's do, around the page's body, through the chain
/// of their `layout:` to the theme's layout, their HTML checked as any page's.
#[test]
fn own_layouts_draw_around_the_body_through_their_chain() {
    let files = [
        (
            "news/a.md",
            "---\ntitle: Launch\nlayout: news-item\npermalink: /news/a/\n---\nThe *body*.\n",
        ),
        (
            "_layouts/news-item.html",
            "---\nlayout: framed\nkicker: News\n---\n<h1>{{ page.title }}</h1>\n<p>{{ layout.kicker }}</p>\n{{ content }}\n<script>x()</script>\n<footer>End</footer>\n",
        ),
        (
            "_layouts/framed.html",
            "---\nlayout: default\n---\n<div class=\"framed\">{{ content }}</div>\n",
        ),
        (
            "doc.md",
            "---\ntitle: Doc\nlayout: whole\npermalink: /doc/\n---\nInside.\n",
        ),
        (
            "_layouts/whole.html",
            "<html><head><title>x</title></head><body><p>Before</p>{{ content }}</body></html>",
        ),
    ];
    let compiled = site(&files);
    let page = page_at(&compiled, "/news/a/");
    let texts: Vec<String> = page
        .blocks
        .iter()
        .filter_map(|b| match b {
            PageBlock::Prose(p) => Some(
                p.sections
                    .iter()
                    .map(|s| plain_text_of(&s.blocks))
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
            _ => None,
        })
        .collect();
    assert_eq!(texts.len(), 3, "{texts:?}");
    assert!(
        texts[0].contains("Launch") && texts[0].contains("News"),
        "{texts:?}"
    );
    assert_eq!(texts[1].trim(), "The body.");
    assert!(
        texts[2].contains("End") && !texts[2].contains("x()"),
        "{texts:?}"
    );
    let whole = page_at(&compiled, "/doc/");
    let all: Vec<&Block> = prose(whole);
    assert!(plain_text_of(&all.into_iter().cloned().collect::<Vec<_>>()).contains("Before"));
    assert_eq!(
        messages(&compiled),
        [
            "content/_layouts/news-item.html:8:1: warning: the `<script>` element is removed: pages may not embed scripts, styles, frames or other documents"
        ]
    );
}

/// Jekyll's tags that name other files: `post_url` and `link` write their addresses,
/// `include_relative` a file beside the page; `seo` and `feed_meta` write nothing in a page; a
/// name that is no file is an error where it is written.
#[test]
fn post_url_link_and_include_relative_find_the_site_s_files() {
    let files = [
        (
            "_posts/2024-01-01-welcome.md",
            "---\ntitle: Welcome\n---\nHello.\n",
        ),
        (
            "guide/index.md",
            "---\ntitle: Guide\npermalink: /guide/\n---\n{% seo %}{% feed_meta %}[W]({% post_url 2024-01-01-welcome %}) [A]({% link about.md %})\n\n{% include_relative notes.md %}\n",
        ),
        (
            "about.md",
            "---\ntitle: About\npermalink: /about/\n---\nAbout.\n",
        ),
    ];
    // The included file is no document: it is read from the repository's folder.
    let root = std::env::temp_dir().join(format!("scc-include-relative-{}", std::process::id()));
    std::fs::create_dir_all(root.join("guide")).unwrap();
    std::fs::write(
        root.join("guide/notes.md"),
        "Shared *notes* for {{ page.title }}.",
    )
    .unwrap();
    let mut all = vec![("_config.yml", CONFIG)];
    all.extend_from_slice(&files);
    let mut input = Input::of(&all);
    input.root = Some(root.clone());
    let compiled = compile(&input, Arc::new(|md: &str| format!("<p>{}</p>", md.trim())));
    std::fs::remove_dir_all(&root).unwrap();
    let guide = page_at(&compiled, "/guide/");
    let text = plain_text_of(&prose(guide).into_iter().cloned().collect::<Vec<_>>());
    assert!(text.contains("Shared notes for Guide."), "{text}");
    let Block::Paragraph { content, .. } = prose(guide)[0] else {
        panic!("{:?}", prose(guide))
    };
    let hrefs: Vec<&str> = content
        .iter()
        .filter_map(|i| match i {
            Inline::Link(link) => Some(link.href.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(hrefs, ["/2024/01/01/welcome/", "/about/"]);
    assert!(messages(&compiled).is_empty(), "{:?}", messages(&compiled));
    let missing = site(&[(
        "index.md",
        "---\ntitle: Home\n---\n\n[W]({% post_url 2023-09-09-gone %})\n",
    )]);
    assert_eq!(
        messages(&missing),
        [
            "content/index.md:5:5: error: this Liquid cannot be rendered: Could not find post \"2023-09-09-gone\" in tag 'post_url': no file of `_posts` is named so"
        ]
    );
}

/// A form that sends to an `https:` service is kept with its fields, and the policy's
/// `form-action` lists its origin; any other form is removed where it is written.
#[test]
fn forms_sending_to_https_services_are_kept_and_others_removed() {
    let compiled = site(&[(
        "contact.md",
        "---\ntitle: Contact\n---\n<form action=\"https://formspree.io/f/xyz\" method=\"POST\">\n<label for=\"m\">Message</label>\n<textarea id=\"m\" name=\"message\"></textarea>\n<button type=\"submit\">Send</button>\n</form>\n\n<form action=\"http://example.org/collect\" method=\"post\"><input name=\"x\"></form>\n\n<form action=\"https://example.org/x\" method=\"dialog\"></form>\n",
    )]);
    assert_eq!(
        messages(&compiled),
        [
            "content/contact.md:10:1: warning: the `<form>` is removed: it does not send (GET or POST) to an `https:` address (`http://example.org/collect`)",
            "content/contact.md:12:1: warning: the `<form>` is removed: it does not send (GET or POST) to an `https:` address (`https://example.org/x`)",
        ]
    );
    let site = compiled.site.as_ref().unwrap();
    assert_eq!(site.form_origins, ["https://formspree.io"]);
    let page = page_at(&compiled, "/contact/");
    let form = prose(page)
        .into_iter()
        .find_map(|b| match b {
            Block::Element(e) if e.tag == "form" => Some(e),
            _ => None,
        })
        .expect("the form is kept");
    let text = format!("{form:?}");
    assert!(text.contains("textarea") && text.contains("Message") && text.contains("Send"));
}

/// An icon drawn in SVG is kept with its shapes; what could run or load inside it is removed,
/// each where it is written.
#[test]
fn svg_icons_keep_their_shapes_and_lose_what_could_run_or_load() {
    let compiled = site(&[(
        "icons.md",
        "---\ntitle: Icons\n---\nSearch <svg viewBox=\"0 0 10 10\" onload=\"x()\"><path d=\"M0 0\" fill=\"url(#g)\"/><use href=\"https://x.org/s.svg#a\"/><g><circle r=\"1\" fill=\"url(https://x.org/p)\"/></g><script>alert(1)</script></svg>\n",
    )]);
    assert_eq!(
        messages(&compiled),
        [
            "content/icons.md:4:33: warning: the attribute `onload` of `<svg>` is removed: it could run a script or load unwanted content",
            "content/icons.md:4:77: warning: the `<use>` inside an `<svg>` is removed: a drawing may hold only shapes",
            "content/icons.md:4:135: warning: the attribute `fill` of an SVG drawing is removed: it could load another document",
            "content/icons.md:4:162: warning: the `<script>` inside an `<svg>` is removed: a drawing may hold only shapes",
        ]
    );
    let page = page_at(&compiled, "/icons/");
    let text = format!("{:?}", prose(page));
    assert!(text.contains("\"path\"") && text.contains("\"circle\"") && text.contains("url(#g)"));
    assert!(!text.contains("script") && !text.contains("\"use\"") && !text.contains("x.org"));
}

/// Character references in addresses are read as the browser reads them: `&amp;` in a link is
/// `&` (written once, not twice), and an address spelt with references is checked as spelt out.
#[test]
fn character_references_in_addresses_are_read_as_browsers_read_them() {
    let compiled = site(&[(
        "refs.md",
        "---\ntitle: Refs\n---\n[a](https://x.org/?a=1&amp;b=2) <a href=\"https://x.org/?c=3&amp;d=4\">c</a> <a href=\"jav&#97;script:alert(1)\">x</a>\n",
    )]);
    assert_eq!(
        messages(&compiled),
        ["content/refs.md:4:79: error: unsafe link target `javascript:alert(1)`"]
    );
    let fine = site(&[(
        "refs.md",
        "---\ntitle: Refs\n---\n[a](https://x.org/?a=1&amp;b=2) <a href=\"https://x.org/?c=3&amp;d=4\">c</a>\n",
    )]);
    let page = page_at(&fine, "/refs/");
    let Block::Paragraph { content, .. } = prose(page)[0] else {
        panic!()
    };
    let hrefs: Vec<&str> = content
        .iter()
        .filter_map(|i| match i {
            Inline::Link(link) => Some(link.href.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(hrefs, ["https://x.org/?a=1&b=2", "https://x.org/?c=3&d=4"]);
}

/// A plugin of the repository's own is named once, with what it defines; its filters pass their
/// input through.
#[test]
fn a_ruby_plugin_is_named_once_and_its_filters_pass_through() {
    let compiled = site(&[
        (
            "_plugins/filters.rb",
            "module Jekyll\n  module EventFilter\n    def event_type(event)\n    end\n    def filter_events(events, type)\n    end\n  end\nend\n",
        ),
        (
            "events.md",
            "---\ntitle: Events\n---\n{{ 'x' | filter_events: 'upcoming' }}\n",
        ),
    ]);
    assert_eq!(
        messages(&compiled),
        [
            "content/_plugins/filters.rb:1:1: warning: this Jekyll plugin is written in Ruby, which does not run here: what it defines (`event_type`, `filter_events`) passes its input through",
            "content/events.md:4:10: warning: the Liquid filter `filter_events` is unknown, so it is skipped",
        ]
    );
    assert_eq!(text_of_page(page_at(&compiled, "/events/")), "x");
}

fn text_of_page(page: &Page) -> String {
    plain_text_of(&prose(page).into_iter().cloned().collect::<Vec<_>>())
}

/// Front matter opened by `---` with spaces after it is front matter, as Jekyll's `---\s*`
/// reads it: the file is a page, not a file copied as it is.
#[test]
fn front_matter_opened_with_trailing_spaces_makes_a_page() {
    let compiled = site(&[("spaced.md", "---   \ntitle: Spaced\n---  \nThe body.\n")]);
    let page = page_at(&compiled, "/spaced/");
    assert_eq!(text_of_page(page), "The body.");
    assert!(messages(&compiled).is_empty(), "{:?}", messages(&compiled));
}

mod data_views;
mod live_counts_and_languages;

#[test]
fn each_language_gets_a_site_index_linked_from_its_navigation_unless_the_address_is_taken() {
    let compiled = site(&[
        ("about.md", "---\ntitle: About\n---\nText.\n"),
        ("es/acerca.md", "---\ntitle: Acerca\n---\nTexto.\n"),
        (
            "_posts/2021-01-14-news.md",
            "---\ntitle: News\n---\nNews.\n",
        ),
        (
            "_data/languages.yml",
            "- code: en\n  name: English\n- code: es\n  name: Español\n",
        ),
    ]);
    let site = compiled.site.unwrap();
    let index = site.page_at("/search/").expect("the English site index");
    assert_eq!(index.meta.title, "Search and site index");
    let PageBlock::Prose(prose) = &index.blocks[0] else {
        panic!("the index is a list of pages")
    };
    // Its title first, shown as the page's heading; then a section per kind of page.
    let title = prose.sections[0].heading.as_ref().unwrap();
    assert_eq!(
        (title.level, plain_text(&title.content).as_str()),
        (1, "Search and site index")
    );
    let listed: Vec<(String, Vec<String>)> = prose.sections[1..]
        .iter()
        .map(|section| {
            let heading = plain_text(&section.heading.as_ref().unwrap().content);
            let Block::List(list) = &section.blocks[0] else {
                panic!()
            };
            let links = list.items.iter().map(|item| {
                let Block::Plain { content } = &item.blocks[0] else {
                    panic!()
                };
                let Inline::Link(link) = &content[0] else {
                    panic!()
                };
                link.href.clone()
            });
            (heading, links.collect())
        })
        .collect();
    assert_eq!(
        listed,
        [
            ("Pages".to_owned(), vec!["/about/".to_owned()]),
            ("News".to_owned(), vec!["/2021/01/14/news/".to_owned()]),
        ]
    );
    let spanish = site.page_at("/es/search/").expect("the Spanish site index");
    assert_eq!(spanish.meta.title, "Búsqueda e índice del sitio");
    // The header's last link leads to it, in each language.
    let last = |lang: &str| {
        let texts = site.languages.iter().find(|t| t.ui.lang == lang).unwrap();
        let item = texts.ui.nav.last().unwrap();
        (item.label.clone(), item.href.clone().unwrap())
    };
    assert_eq!(last("en"), ("Search".to_owned(), "/search/".to_owned()));
    assert_eq!(last("es"), ("Buscar".to_owned(), "/es/search/".to_owned()));
    // A repository's own page at the address is kept, with no index and no link.
    let own = site_with_search_page();
    assert_eq!(own.page_at("/search/").unwrap().meta.title, "Our search");
    assert!(
        own.languages[0]
            .ui
            .nav
            .iter()
            .all(|item| item.label != "Search")
    );
}

fn site_with_search_page() -> Site {
    site(&[(
        "search.md",
        "---\ntitle: Our search\npermalink: /search/\n---\nText.\n",
    )])
    .site
    .unwrap()
}
