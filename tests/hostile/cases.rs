//! The hostile repositories, one per case of issue 19 (and more of the same kind), each as the
//! few files that make it.

use std::path::Path;

/// One repository and what must come of it.
pub struct Case {
    pub name: &'static str,
    /// What it tries.
    pub about: &'static str,
    pub files: fn() -> Vec<(String, Vec<u8>)>,
    /// Something to do to the folder that files cannot say (a link, a FIFO).
    pub prepare: Option<fn(&Path)>,
    /// Whether to run the build step too (images, static files), not only the compiler.
    pub build: bool,
    pub expect: Expect,
}

pub enum Expect {
    /// Refused, with an error at `at` (`content/index.md:5:`) that says `says`.
    Refused {
        at: &'static str,
        says: &'static str,
    },
    /// Built, with a message at each place that says each thing.
    Builds {
        saying: &'static [(&'static str, &'static str)],
    },
}

const CONFIG: &str = "title: Hostile\nurl: https://example.org\npermalink: pretty\n";

/// A repository of `_config.yml` and `files`.
fn repo(files: &[(&str, String)]) -> Vec<(String, Vec<u8>)> {
    let mut all = vec![("_config.yml".to_owned(), CONFIG.as_bytes().to_vec())];
    all.extend(
        files
            .iter()
            .map(|(path, text)| ((*path).to_owned(), text.clone().into_bytes())),
    );
    all
}

/// A repository of `config` as `_config.yml` and `files`.
fn repo_with_config(config: &str, files: &[(&str, String)]) -> Vec<(String, Vec<u8>)> {
    let mut all = vec![("_config.yml".to_owned(), config.as_bytes().to_vec())];
    all.extend(
        files
            .iter()
            .map(|(path, text)| ((*path).to_owned(), text.clone().into_bytes())),
    );
    all
}

/// A page of front matter `front` (lines 2 on) and no body.
fn front(front: &str) -> String {
    format!("---\n{front}\n---\n")
}

/// A repository whose home page's body is `body` (its line 5).
fn page(body: String) -> Vec<(String, Vec<u8>)> {
    repo(&[(
        "index.md",
        format!("---\ntitle: Home\npermalink: /\n---\n{body}\n"),
    )])
}

macro_rules! case {
    ($name:literal, $about:literal, $files:expr, $expect:expr) => {
        Case {
            name: $name,
            about: $about,
            files: $files,
            prepare: None,
            build: false,
            expect: $expect,
        }
    };
}

fn refused(at: &'static str, says: &'static str) -> Expect {
    Expect::Refused { at, says }
}

fn builds(saying: &'static [(&'static str, &'static str)]) -> Expect {
    Expect::Builds { saying }
}

/// Every case.
pub fn all() -> Vec<Case> {
    let mut all = liquid();
    all.extend(liquid_arithmetic());
    all.extend(addresses());
    all.extend(markup());
    all.extend(reserved_addresses());
    all.extend(settings());
    all.extend(images());
    all.extend(data());
    all
}

/// Liquid that would exhaust the stack, loop without end or grow without limit.
fn liquid() -> Vec<Case> {
    vec![
        case!(
            "include_itself",
            "an include that includes itself",
            || {
                let mut files = page("{% include loop.html %}".into());
                files.push((
                    "_includes/loop.html".into(),
                    b"x{% include loop.html %}".to_vec(),
                ));
                files
            },
            refused("content/index.md:5:", "nest more than 100 deep")
        ),
        case!(
            "includes_each_other",
            "two includes that include each other",
            || {
                let mut files = page("{% include a.html %}".into());
                files.push(("_includes/a.html".into(), b"{% include b.html %}".to_vec()));
                files.push(("_includes/b.html".into(), b"{% include a.html %}".to_vec()));
                files
            },
            refused("content/index.md:5:", "nest more than 100 deep")
        ),
        case!(
            "nested_if_10000",
            "10,000 nested `{% if %}`",
            || page("{% if true %}".repeat(10_000) + "x" + &"{% endif %}".repeat(10_000)),
            refused(
                "content/index.md:5:",
                "Liquid blocks nest more than 100 deep"
            )
        ),
        case!(
            "nested_for_10000",
            "10,000 nested `{% for %}`",
            || page("{% for i in (1..2) %}".repeat(10_000) + &"{% endfor %}".repeat(10_000)),
            refused(
                "content/index.md:5:",
                "Liquid blocks nest more than 100 deep"
            )
        ),
        case!(
            "nested_comment_20000",
            "20,000 nested `{% comment %}`",
            || page("{% comment %}".repeat(20_000) + &"{% endcomment %}".repeat(20_000)),
            refused(
                "content/index.md:5:",
                "Liquid blocks nest more than 100 deep"
            )
        ),
        case!(
            "unclosed_if_15000",
            "15,000 `{% if %}` never closed",
            || page("{% if true %}x".repeat(15_000)),
            refused(
                "content/index.md:5:",
                "Liquid blocks nest more than 100 deep"
            )
        ),
        case!(
            "nested_in_an_include",
            "an include of 10,000 nested blocks",
            || {
                let mut files = page("{% include deep.html %}".into());
                let deep = "{% if true %}".repeat(10_000);
                files.push(("_includes/deep.html".into(), deep.into_bytes()));
                files
            },
            refused(
                "content/_includes/deep.html:1:",
                "Liquid blocks nest more than 100 deep"
            )
        ),
        case!(
            "liquify_itself",
            "a front matter value that `liquify`s itself",
            || {
                repo(&[(
                "index.md",
                "---\ntitle: Home\npermalink: /\nloop: \"{{ page.loop | liquify }}\"\n---\n{{ page.loop | liquify }}\n".into()
            )])
            },
            refused("content/index.md:", "nest more than 100 deep")
        ),
        case!(
            "range_of_100_million",
            "`{% for i in (1..100000000) %}`",
            || page("{% for i in (1..100000000) %}{% endfor %}".into()),
            refused("content/index.md:5:", "more than 5,000,000 loop steps")
        ),
        case!(
            "range_of_a_billion",
            "`{% for i in (1..1000000000) %}` with output",
            || page("{% for i in (1..1000000000) %}{{ i }}{% endfor %}".into()),
            refused("content/index.md:5:", "larger than 16 MB")
        ),
        case!(
            "loops_1000_1000_100",
            "loops of 1000 x 1000 x 100",
            || {
                page("{% for a in (1..1000) %}{% for b in (1..1000) %}{% for c in (1..100) %}{% endfor %}{% endfor %}{% endfor %}".into())
            },
            refused("content/index.md:5:", "more than 5,000,000 loop steps")
        ),
        case!(
            "append_doubling",
            "`append` doubling a text 40 times",
            || {
                page("{% assign s = \"ab\" %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s | size }}".into())
            },
            refused("content/index.md:5:", "larger than 16 MB")
        ),
        case!(
            "capture_doubling",
            "`capture` doubling a text 40 times",
            || {
                page("{% assign s = \"ab\" %}{% for i in (1..40) %}{% capture s %}{{ s }}{{ s }}{% endcapture %}{% endfor %}".into())
            },
            refused("content/index.md:5:", "larger than 16 MB")
        ),
        case!(
            "prepend_doubling",
            "`prepend` doubling a text 40 times",
            || {
                page("{% assign s = \"ab\" %}{% for i in (1..40) %}{% assign s = s | prepend: s %}{% endfor %}".into())
            },
            refused("content/index.md:5:", "larger than 16 MB")
        ),
        case!(
            "tablerow_cols_0",
            "`tablerow cols: 0`",
            || page(
                "<table>{% tablerow i in (1..3) cols: 0 %}{{ i }}{% endtablerow %}</table>".into()
            ),
            builds(&[])
        ),
    ]
}

/// Arithmetic that panics or wraps in the `liquid` crate.
fn liquid_arithmetic() -> Vec<Case> {
    vec![
        case!(
            "smallest_divided_by_minus_one",
            "`-9223372036854775808 | divided_by: -1`",
            || page("{{ -9223372036854775808 | divided_by: -1 }}".into()),
            builds(&[("content/index.md:5:", "too large for 64 bits")])
        ),
        case!(
            "smallest_modulo_minus_one",
            "`-9223372036854775808 | modulo: -1`",
            || page("{{ -9223372036854775808 | modulo: -1 }}".into()),
            builds(&[])
        ),
        case!(
            "largest_plus_one",
            "`9223372036854775807 | plus: 1`",
            || page("{{ 9223372036854775807 | plus: 1 }}".into()),
            builds(&[("content/index.md:5:", "too large for 64 bits")])
        ),
        case!(
            "times_overflow",
            "`4611686018427387904 | times: 4`, and `minus` and `abs` past the ends",
            || {
                page("{{ 4611686018427387904 | times: 4 }} {{ -9223372036854775807 | minus: 10 }} {{ -9223372036854775808 | abs }}".into())
            },
            builds(&[("content/index.md:5:", "too large for 64 bits")])
        ),
    ]
}

/// Script addresses in every field that holds an address: each an error where it is written.
fn addresses() -> Vec<Case> {
    vec![
        case!(
            "social_account_script",
            "`mastodon_url: javascript:...` in `_config.yml` (the footer of every page)",
            || repo_with_config(
                &format!("{CONFIG}mastodon_url: \"javascript:alert(1)\"\n"),
                &[("index.md", front("title: Home\npermalink: /"))]
            ),
            refused(
                "content/_config.yml:4:",
                "unsafe link target `javascript:alert(1)`"
            )
        ),
        case!(
            "card_href_script",
            "a card's `href: javascript:...` in the page",
            || repo(&[(
                "index.md",
                front(
                    "title: Home\npermalink: /\nlayout: compose\ncomposition:\n  - type: features\n    inlineData:\n      features:\n        - title: Card\n          href: \"javascript:alert(1)\""
                )
            )]),
            refused("content/index.md:10:", "unsafe link target")
        ),
        case!(
            "card_cta_in_data_script",
            "a card's `cta.href: vbscript:...` in `_data`",
            || {
                repo(&[
                ("index.md", front("title: Home\npermalink: /\nlayout: compose\ncomposition:\n  - type: features\n    data: cards")),
                ("_data/cards.yml", "features:\n  - title: Card\n    cta:\n      - text: Go\n        href: \"vbscript:msgbox(1)\"\n".into()),
            ])
            },
            refused("content/_data/cards.yml:5:", "unsafe link target")
        ),
        case!(
            "front_matter_cta_script",
            "a hero's `cta` in front matter with `javascript:`",
            || repo(&[(
                "index.md",
                front(
                    "title: Home\npermalink: /\ncta:\n  - text: Go\n    href: \" JavaScript:alert(1)\""
                )
            )]),
            refused("content/index.md:6:", "unsafe link target")
        ),
        case!(
            "hero_background_script",
            "`background: javascript:...`",
            || repo(&[(
                "index.md",
                front("title: Home\npermalink: /\nbackground: \"javascript:alert(1)\"")
            )]),
            refused("content/index.md:4:", "unsafe image source")
        ),
        case!(
            "post_thumbnail_script",
            "a post's `thumbnail: javascript:...` (its card and preview)",
            || repo(&[(
                "_posts/2024-01-01-x.md",
                front("title: Post\nthumbnail: \"javascript:alert(1)\"")
            )]),
            refused("content/_posts/2024-01-01-x.md:3:", "unsafe image source")
        ),
        case!(
            "side_navigation_script",
            "a documentation page's side navigation `path: javascript:...`",
            || {
                repo(&[
                ("index.md", front("title: Home\npermalink: /\nlayout: documentation\nsideNavigation: guides")),
                ("_data/guides.yml", "- grouptitle: Guides\n  content:\n    - title: Evil\n      path: \"javascript:alert(1)\"\n".into()),
            ])
            },
            refused("content/_data/guides.yml:4:", "unsafe link target")
        ),
        case!(
            "team_image_script",
            "a team member's `image: javascript:...`",
            || repo(&[
                ("index.md", front("title: Team\npermalink: /\nlayout: team")),
                (
                    "_data/team.yml",
                    "- name: Ada\n  image: \"javascript:alert(1)\"\n".into()
                ),
            ]),
            refused("content/_data/team.yml:2:", "unsafe image source")
        ),
        case!(
            "logo_script",
            "`algae.logo: javascript:...`",
            || repo_with_config(
                &format!("{CONFIG}algae:\n  logo: \"javascript:alert(1)\"\n"),
                &[("index.md", front("title: Home\npermalink: /"))]
            ),
            refused("content/_config.yml:5:", "unsafe image source")
        ),
        case!(
            "logo_not_in_site",
            "`algae.logo` naming a file the repository does not have",
            || repo_with_config(
                &format!("{CONFIG}algae:\n  logo: /assets/nowhere.png\n"),
                &[("index.md", front("title: Home\npermalink: /"))]
            ),
            builds(&[("content/_config.yml:5:", "is not a file of the site")])
        ),
        case!(
            "archive_permalink_script",
            "a language's `archive_permalink: javascript:...` (every post's category links)",
            || repo(&[
                ("index.md", front("title: Home\npermalink: /")),
                (
                    "_data/languages.yml",
                    "en:\n  label: English\n  archive_permalink: \"javascript:alert(1)\"\n".into()
                ),
            ]),
            refused("content/_data/languages.yml:3:", "unsafe link target")
        ),
    ]
}

/// Markup that would change how the browser reads the page, or load what the policy should not.
fn markup() -> Vec<Case> {
    vec![
        case!(
            "plaintext_in_an_html_page",
            "`<plaintext>` in an `.html` page (all that follows, the footer too, would be text)",
            || repo(&[(
                "about.html",
                "---\ntitle: About\n---\n<p>One</p>\n<plaintext>\n<p>Two</p>\n".into()
            )]),
            builds(&[(
                "content/about.html:5:",
                "the `<plaintext>` element is removed"
            )])
        ),
        case!(
            "raw_text_elements",
            "`<xmp>`, `<listing>`, `<noembed>` and `<noframes>` in Markdown",
            || {
                page("<xmp>a</xmp>\n\n<listing>b</listing>\n\n<noembed>c</noembed>\n\n<noframes>d</noframes>".into())
            },
            builds(&[
                ("content/index.md:5:", "the `<xmp>` element is removed"),
                ("content/index.md:7:", "the `<listing>` element is removed"),
                ("content/index.md:9:", "the `<noembed>` element is removed"),
                (
                    "content/index.md:11:",
                    "the `<noframes>` element is removed"
                ),
            ])
        ),
        case!(
            "css_escape_in_style",
            "`style=\"background:u\\72l(https://evil.example/x)\"`",
            || {
                page("<p style=\"background:u\\72l(https://evil.example/x)\">x</p>\n\n<p style=\"background: /**/url(https://evil.example/y)\">y</p>".into())
            },
            builds(&[
                (
                    "content/index.md:5:",
                    "the attribute `style` of `<p>` is removed"
                ),
                (
                    "content/index.md:7:",
                    "the attribute `style` of `<p>` is removed"
                ),
            ])
        ),
    ]
}

/// A page whose `permalink` is `permalink` (its line 3).
fn at_address(permalink: &'static str) -> Vec<(String, Vec<u8>)> {
    repo(&[(
        "page.md",
        front(&format!("title: Page\npermalink: {permalink}")),
    )])
}

/// Addresses the build writes itself, or that hosts read as rules.
fn reserved_addresses() -> Vec<Case> {
    vec![
        case!(
            "permalink_app",
            "`permalink: /_app/scc-site-1.js` (would overwrite the app)",
            || at_address("/_app/scc-site-1.js"),
            refused(
                "content/page.md:3:",
                "is the site's own (the app and its images)"
            )
        ),
        case!(
            "permalink_feed",
            "`permalink: /feed.xml`",
            || at_address("/feed.xml"),
            refused("content/page.md:3:", "is the site's own (the news feed)")
        ),
        case!(
            "permalink_page_data",
            "`permalink: /_data/pages/index.json`",
            || at_address("/_data/pages/index.json"),
            refused("content/page.md:3:", "is the site's own (the pages' data)")
        ),
        case!(
            "permalink_gbif_config",
            "`permalink: /gbif/gbif-config.js`",
            || at_address("/gbif/gbif-config.js"),
            refused("content/page.md:3:", "is the site's own")
        ),
        case!(
            "permalink_robots",
            "`permalink: /robots.txt` (silently dropped before)",
            || at_address("/robots.txt"),
            refused(
                "content/page.md:3:",
                "is the site's own (the rules for search engines)"
            )
        ),
        case!(
            "permalink_sitemap",
            "`permalink: /sitemap.xml`",
            || at_address("/sitemap.xml"),
            refused("content/page.md:3:", "is the site's own (the sitemap)")
        ),
        case!(
            "permalink_headers",
            "`permalink: /_headers`",
            || at_address("/_headers"),
            refused("content/page.md:3:", "is the site's own")
        ),
        case!(
            "permalink_not_found_of_another_layout",
            "`permalink: /404.html` on a page that is not a \"not found\" page",
            || at_address("/404.html"),
            refused("content/page.md:3:", "is the site's own")
        ),
        case!(
            "permalink_wildcard",
            "`permalink: /institution/*`",
            || at_address("/institution/*"),
            refused("content/page.md:3:", "`*` is a wildcard")
        ),
        case!(
            "permalink_unknown_placeholder",
            "`permalink: /institution/:evil`",
            || at_address("/institution/:evil"),
            refused(
                "content/page.md:3:",
                "`:evil` is not a placeholder Jekyll knows"
            )
        ),
        case!(
            "permalink_bang",
            "`permalink: /a!/`",
            || at_address("/a!/"),
            refused("content/page.md:3:", "`!` forces a rewrite")
        ),
        case!(
            "static_robots",
            "a static `robots.txt` in the repository",
            || repo(&[
                ("robots.txt", "User-agent: *\nDisallow: /\n".into()),
                ("index.md", front("title: Home\npermalink: /"))
            ]),
            builds(&[("content/robots.txt:1:", "is the site's own")])
        ),
    ]
}

/// A home page, for repositories that need one and nothing else.
fn home() -> (&'static str, String) {
    ("index.md", front("title: Home\npermalink: /"))
}

/// `_config.yml` that adds to the policy, escapes the folder, never ends, or says nonsense.
fn settings() -> Vec<Case> {
    vec![
        case!(
            "embeds_directive",
            "`embeds: [\"x.example; media-src *\"]`",
            || repo_with_config(
                &format!("{CONFIG}embeds:\n  - \"x.example; media-src *\"\n"),
                &[home()]
            ),
            refused("content/_config.yml:5:", "is not a host name")
        ),
        case!(
            "embeds_any",
            "`embeds: [\"*\"]`",
            || repo_with_config(&format!("{CONFIG}embeds: [\"*\"]\n"), &[home()]),
            refused("content/_config.yml:4:", "is not a host name")
        ),
        case!(
            "collection_name",
            "a collection named `../x`",
            || repo_with_config(
                &format!("{CONFIG}collections:\n  ../x:\n    output: true\n"),
                &[home()]
            ),
            builds(&[("content/_config.yml:5:", "is not one Jekyll can use")])
        ),
        case!(
            "brand_colour",
            "`primary: \"red; background: url(x)\"`",
            || repo_with_config(
                &format!(
                    "{CONFIG}algae:\n  style:\n    colors:\n      primary: \"red; x: url(y)\"\n"
                ),
                &[home()]
            ),
            builds(&[("content/_config.yml:7:", "is not a colour the site can use")])
        ),
        Case {
            name: "config_link_out",
            about: "`_config.yml` a link to a file outside the site",
            files: || {
                vec![(
                    "index.md".to_owned(),
                    front("title: Home\npermalink: /").into_bytes(),
                )]
            },
            prepare: Some(|site| {
                let outside = site.parent().unwrap().join("outside.yml");
                std::fs::write(&outside, "title: Read from outside\n").unwrap();
                std::os::unix::fs::symlink(&outside, site.join("_config.yml")).unwrap();
            }),
            build: false,
            expect: refused(
                "content/_config.yml:1:",
                "outside the site's folder; it is not read",
            ),
        },
        Case {
            name: "config_fifo",
            about: "`_config.yml` a FIFO (reading it would never end)",
            files: || {
                vec![(
                    "index.md".to_owned(),
                    front("title: Home\npermalink: /").into_bytes(),
                )]
            },
            prepare: Some(|site| {
                let status = std::process::Command::new("mkfifo")
                    .arg(site.join("_config.yml"))
                    .status()
                    .expect("mkfifo");
                assert!(status.success());
            }),
            build: false,
            expect: refused("content/_config.yml:1:", "not a plain file"),
        },
    ]
}

/// A real 11,000 × 11,000 PNG of 353 KB (tests/fixtures/hostile).
fn huge_png() -> Vec<u8> {
    std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/hostile/huge.png"
    ))
    .expect("tests/fixtures/hostile/huge.png")
}

/// Images that would take gigabytes to decode, or cannot be read.
fn images() -> Vec<Case> {
    vec![
        Case {
            name: "huge_hero",
            about: "an 11,000 × 11,000 PNG of 353 KB as a hero",
            files: || {
                let mut files = repo(&[(
                    "index.md",
                    front("title: Home\npermalink: /\nbackground: /assets/huge.png"),
                )]);
                files.push(("assets/huge.png".into(), huge_png()));
                files
            },
            prepare: None,
            build: true,
            expect: builds(&[(
                "content/index.md:4:",
                "is 11000 × 11000 pixels, more than the 40 megapixels",
            )]),
        },
        Case {
            name: "four_huge_heroes",
            about: "four such PNGs, heroes of four pages",
            files: || {
                let mut files = Vec::new();
                for i in 0..4 {
                    files.push((
                        format!("p{i}.md"),
                        front(&format!("title: P{i}\nbackground: /assets/huge{i}.png"))
                            .into_bytes(),
                    ));
                    files.push((format!("assets/huge{i}.png"), huge_png()));
                }
                files.extend(repo(&[home()]));
                files
            },
            prepare: None,
            build: true,
            expect: builds(&[("content/p3.md:3:", "is 11000 × 11000 pixels")]),
        },
        Case {
            name: "damaged_card_image",
            about: "a card's image that is not an image",
            files: || {
                let mut files = repo(&[(
                    "index.md",
                    front(
                        "title: Home\npermalink: /\nlayout: compose\ncomposition:\n  - type: features\n    inlineData:\n      features:\n        - title: Card\n          background: /assets/broken.png",
                    ),
                )]);
                files.push((
                    "assets/broken.png".into(),
                    b"\x89PNG\r\n\x1a\nthis is no image".to_vec(),
                ));
                files
            },
            prepare: None,
            build: true,
            expect: builds(&[(
                "content/index.md:10:",
                "the image `/assets/broken.png` cannot be read",
            )]),
        },
    ]
}

/// Data that would take gigabytes once read, or is large and read by every page.
fn data() -> Vec<Case> {
    vec![
        case!(
            "yaml_alias_bomb",
            "a 100 KB text aliased 90,000 times in `_data` (550 KB)",
            || {
                let mut yaml = format!("big: &big \"{}\"\nmany:\n", "x".repeat(100_000));
                yaml.push_str(&"  - *big\n".repeat(90_000));
                repo(&[("_data/bomb.yml", yaml), home()])
            },
            refused(
                "content/_data/bomb.yml:",
                "would make it larger than 64 MB once read"
            )
        ),
        case!(
            "yaml_alias_bomb_in_front_matter",
            "the same in a page's front matter",
            || {
                let mut yaml = format!(
                    "title: Bomb\nbig: &big \"{}\"\nmany:\n",
                    "x".repeat(100_000)
                );
                yaml.push_str(&"  - *big\n".repeat(90_000));
                repo(&[("index.md", format!("---\n{yaml}---\n"))])
            },
            refused(
                "content/index.md:",
                "would make it larger than 64 MB once read"
            )
        ),
        case!(
            "csv_long_header_names",
            "a 200 KB CSV of 10 KB header names and 10,000 rows of empty fields",
            || {
                let header: Vec<String> = (0..20)
                    .map(|i| format!("{i}{}", "h".repeat(10_000)))
                    .collect();
                let mut csv = header.join(",") + "\n";
                csv.push_str(&format!("{}\n", ",".repeat(19)).repeat(10_000));
                repo(&[("_data/wide.csv", csv), home()])
            },
            refused(
                "content/_data/wide.csv:",
                "would be larger than 64 MB once read"
            )
        ),
        case!(
            "csv_of_a_million_rows",
            "a CSV of 1,000,000 rows in `_data`, and 100 pages (each used to copy it)",
            || {
                let mut csv = String::from("id,name\n");
                for i in 0..1_000_000 {
                    csv.push_str(&format!("{i},n\n"));
                }
                let mut files = repo(&[("_data/rows.csv", csv), home()]);
                for i in 0..100 {
                    files.push((
                        format!("p{i}.md"),
                        front(&format!("title: P{i}")).into_bytes(),
                    ));
                }
                files
            },
            builds(&[])
        ),
        case!(
            "a_thousand_dead_links",
            "1,000 pages, one of them with 1,000 links to pages that do not exist",
            || {
                let mut files = repo(&[home()]);
                for i in 0..1000 {
                    files.push((
                        format!("section/page-{i}.md"),
                        front(&format!("title: Page {i}")).into_bytes(),
                    ));
                }
                let links: String = (0..1000)
                    .map(|i| format!("[l](/section/pagf-{i}/)\n\n"))
                    .collect();
                files.push((
                    "dead.md".into(),
                    format!("---\ntitle: Dead\n---\n{links}").into_bytes(),
                ));
                files
            },
            builds(&[("content/dead.md:4:", "did you mean `/section/page-0/`?")])
        ),
        case!(
            "three_thousand_missing_anchors",
            "3,000 links to anchors a page of 3,000 headings does not have",
            || {
                let headings: String = (0..3000).map(|i| format!("## Heading {i}\n\n")).collect();
                let links: String = (0..3000)
                    .map(|i| format!("[l](#missing-{i})\n\n"))
                    .collect();
                repo(&[(
                    "index.md",
                    format!("---\ntitle: Home\npermalink: /\n---\n{headings}{links}"),
                )])
            },
            builds(&[("content/index.md:6005:", "(and 2995 more)")])
        ),
    ]
}
