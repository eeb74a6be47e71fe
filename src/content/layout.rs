//! The theme's layouts and composition blocks: which blocks a page is made of (its
//! `composition:`, or its layout's), and what each block shows, read from the page, from
//! `_data` (`data: examples.stats`) or from the block itself (`inlineData:`).
//!
//! Layouts and blocks the theme does not have (a repository's own `_layouts/` and
//! `_includes/blocks/`) are reported and drawn as `page`, or left out.

use liquid::model::Value;

use super::body::blocks::{
    Cards, CardsKind, Feature, FeatureImage, Hero, HeroKind, LanguageList, NavGroup, NavItem,
    PageBlock, PostList, Prose, SideNav, Split,
};
use super::body::{Attrs, Block, Inline, Link, Section};
use super::diagnostics::{Diagnostic, Position};
use super::markdown::{Body, LinkRef};
use crate::content::repository::documents::categories;
use crate::content::values::{array, at_path, flag, get, object, text_at};

/// The layouts of the theme, with the blocks each is made of when a page names none.
pub const LAYOUTS: [(&str, &[&str]); 13] = [
    ("page", &["heroBox", "pageMarkdown"]),
    ("default", &["pageMarkdown"]),
    ("heroImage", &["heroImage", "pageMarkdown"]),
    ("home", &["heroImage", "pageMarkdown", "latestPosts"]),
    ("compose", &[]),
    ("pageNotFound", &["floatingText"]),
    ("post", &["postHeader", "pageMarkdown"]),
    ("archive", &["heroBox", "pageMarkdown", "archive"]),
    ("none", &["pageMarkdown"]),
    // And the side navigation after the hero (`side_navigation`).
    ("documentation", &["heroBox", "pageMarkdown"]),
    // The page's own text is not shown: the policy is drawn from `_config.yml`'s `privacy:`.
    ("standardPrivacy", &["heroBox", "privacyPolicy"]),
    ("team", &["heroBox", "pageMarkdown", "team"]),
    (
        "languageSplash",
        &["floatingText", "pageMarkdown", "languageList"],
    ),
];

/// The block types of the theme.
pub const BLOCK_TYPES: [&str; 17] = [
    "heroImage",
    "heroBox",
    "heroVideo",
    "floatingText",
    "pageMarkdown",
    "features",
    "media",
    "split",
    "stats",
    "markdown",
    "blank",
    "postHeader",
    "latestPosts",
    "stories",
    "dashboard",
    "dashboardNew",
    "product",
];

/// What the blocks of one page are read with.
pub struct Composer<'a> {
    pub file: &'a str,
    /// The page's front matter (defaults applied, Liquid rendered).
    pub page: &'a Value,
    /// Where the page's front matter keys were written.
    pub position: &'a dyn Fn(&str) -> Position,
    /// `site.data`.
    pub data: &'a Value,
    /// Where a value of `site.data` was written (`examples.stats.title`): its file and position.
    pub data_position: &'a dyn Fn(&str) -> Option<(String, Position)>,
    /// Renders Liquid in a value of the page or its data, as the theme's `liquify` does.
    pub liquify: &'a mut dyn FnMut(&str, Position, &mut Vec<Diagnostic>) -> String,
    /// Parses Markdown written at a position.
    pub markdown: &'a mut dyn FnMut(&str, Position, &mut Vec<Diagnostic>) -> Body,
    /// The news archive's address in the page's language, for category tags.
    pub archive: Option<String>,
    /// A post's date, as the page's language writes it.
    pub date: Option<String>,
    /// The page's address and language, for its lists of posts.
    pub url: String,
    pub lang: String,
    /// How many posts the latest posts show (`algae.latestPostLimit`).
    pub latest_limit: usize,
    /// Marks a problem Jekyll tolerates: a warning, or an error under `strict: true`.
    pub tolerated: &'a dyn Fn(Diagnostic) -> Diagnostic,
    /// Every link of the blocks written in the page, for the checks that look at all of them.
    pub links: Vec<LinkRef>,
    /// The links of the blocks written in `_data` files, with their files.
    pub data_links: Vec<(String, LinkRef)>,
    /// The hosts of the players the blocks embed.
    pub frames: Vec<String>,
}

/// The layout's name, as the page gives it (`page` when it names none or one the theme does
/// not have, with a warning for the latter).
pub fn layout_name(
    composer: &Composer,
    known_custom: &[String],
    diagnostics: &mut Vec<Diagnostic>,
) -> String {
    // `layout: null` (or `none`) asks for no layout: the page's text alone.
    if matches!(get(composer.page, "layout"), Some(Value::Nil)) {
        return "none".into();
    }
    let Some(name) = text_at(composer.page, "layout") else {
        return "page".into();
    };
    if name == "null" || name == "nil" || name == "none" {
        return "none".into();
    }
    if LAYOUTS.iter().any(|(known, _)| *known == name)
        || super::layout::OTHER_LAYOUTS.contains(&name.as_str())
    {
        return name;
    }
    let own = known_custom.contains(&name);
    diagnostics.push((composer.tolerated)(
        Diagnostic::warning(
            composer.file,
            (composer.position)("layout"),
            if own {
                format!("the layout `{name}` is the repository's own (`_layouts/{name}.html`); it is drawn as `page`")
            } else {
                format!("the layout `{name}` is not one of the theme's; the page is drawn as `page`")
            },
        )
        .with_hint(format!(
            "the theme's layouts are: {}",
            LAYOUTS
                .iter()
                .map(|(n, _)| *n)
                .filter(|n| *n != "none")
                .chain(OTHER_LAYOUTS)
                .collect::<Vec<_>>()
                .join(", ")
        )),
    ));
    "page".into()
}

/// Layouts of the theme drawn by the news, documentation and data pages (see `pages`).
pub const OTHER_LAYOUTS: [&str; 14] = [
    "occurrence",
    "occurrence-key",
    "dataset",
    "dataset-key",
    "collection-search",
    "collection-key",
    "institution-search",
    "institution-key",
    "publisher",
    "publisher-key",
    "literature",
    "widget",
    "gbifData",
    "base",
];

/// The blocks of a page of layout `layout`, whose own Markdown is `body`.
pub fn blocks(
    composer: &mut Composer,
    layout: &str,
    body: Vec<Section>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<PageBlock> {
    let mut body = Some(body);
    let mut out = Vec::new();
    for (item, path) in entries(composer, layout) {
        let at = if path.is_empty() {
            (composer.position)("layout")
        } else {
            (composer.position)(&path)
        };
        let Some(kind) = text_at(&item, "type") else {
            diagnostics.push((composer.tolerated)(
                Diagnostic::warning(
                    composer.file,
                    at,
                    "this composition entry has no `type`, so it is left out",
                )
                .with_hint(format!("give it one of: {}", BLOCK_TYPES.join(", "))),
            ));
            continue;
        };
        let Some((content, written)) = content_of(composer, &item, &kind, &path, at, diagnostics)
        else {
            continue;
        };
        let block = match kind.as_str() {
            "pageMarkdown" => page_markdown(composer, body.take().unwrap_or_default(), &content),
            _ => block_of(composer, &kind, &content, &written, diagnostics),
        };
        match block {
            Some(block) => out.push(block),
            None if BLOCK_TYPES.contains(&kind.as_str()) => {}
            None => diagnostics.push((composer.tolerated)(
                Diagnostic::warning(
                    composer.file,
                    at,
                    format!("the block type `{kind}` is not one of the theme's, so it is left out"),
                )
                .with_hint(format!(
                    "a repository's own `_includes/blocks/{kind}.html` is not drawn; the theme's blocks are: {}",
                    BLOCK_TYPES.join(", ")
                )),
            )),
        }
    }
    out
}

/// The page's composition entries with where each is written, or its layout's blocks.
fn entries(composer: &Composer, layout: &str) -> Vec<(Value, String)> {
    if let Some(items) = get(composer.page, "composition").and_then(array) {
        return items
            .iter()
            .enumerate()
            .map(|(i, item)| (item.clone(), format!("composition.{i}")))
            .collect();
    }
    let defaults = LAYOUTS
        .iter()
        .find(|(name, _)| *name == layout)
        .map_or(&["heroBox", "pageMarkdown"][..], |(_, blocks)| blocks);
    defaults
        .iter()
        .map(|kind| {
            let mut item = liquid::model::Object::new();
            item.insert("type".into(), Value::scalar(kind.to_string()));
            if *kind == "latestPosts" {
                item.insert("data".into(), Value::scalar("home.latestPosts"));
            }
            (Value::Object(item), String::new())
        })
        .collect()
}

/// Where a value a block reads was written, for messages about it: its position and key path
/// (`composition.2.inlineData` in the page's front matter, `examples.stats` in `site.data`), and
/// its file when that is not the page's (a `_data` file), so that a problem with one of its keys
/// is reported where that key is written.
#[derive(Clone, Debug)]
struct Written {
    at: Position,
    path: Option<String>,
    file: Option<String>,
}

impl Written {
    /// Somewhere only known as `at` in the page.
    fn at(at: Position) -> Written {
        Written {
            at,
            path: None,
            file: None,
        }
    }

    /// The value at the dotted path `path` of `site.data`, if its file is known.
    fn in_data(composer: &Composer, path: &str) -> Option<Written> {
        let (file, at) = (composer.data_position)(path)?;
        Some(Written {
            at,
            path: Some(path.to_owned()),
            file: Some(file),
        })
    }

    /// The page's front matter key `path`.
    fn in_page(composer: &Composer, path: &str) -> Written {
        Written {
            at: (composer.position)(path),
            path: Some(path.to_owned()),
            file: None,
        }
    }

    /// Where `key` (a dotted path below this value: `features.0`) was written.
    fn key(&self, composer: &Composer, key: &str) -> Written {
        let Some(path) = &self.path else {
            return self.clone();
        };
        let path = if path.is_empty() {
            key.to_owned()
        } else {
            format!("{path}.{key}")
        };
        match &self.file {
            Some(_) => Written::in_data(composer, &path).unwrap_or_else(|| self.clone()),
            None => Written::in_page(composer, &path),
        }
    }

    /// Notes a link written here, for the checks.
    fn link(&self, composer: &mut Composer, href: String, is_image: bool) {
        let link = LinkRef {
            href,
            at: self.at,
            is_image,
        };
        self.note_links(composer, [link]);
    }

    /// Notes links found in what is written here (Markdown), each at its own place: with the
    /// page's links, or with the links of this value's data file.
    fn note_links(&self, composer: &mut Composer, links: impl IntoIterator<Item = LinkRef>) {
        match &self.file {
            Some(file) => composer
                .data_links
                .extend(links.into_iter().map(|link| (file.clone(), link))),
            None => composer.links.extend(links),
        }
    }

    /// Runs `step`, whose messages name the page's file, naming this value's own file in them
    /// instead when it has one.
    fn report<T>(
        &self,
        diagnostics: &mut Vec<Diagnostic>,
        step: impl FnOnce(&mut Vec<Diagnostic>) -> T,
    ) -> T {
        let Some(file) = &self.file else {
            return step(diagnostics);
        };
        let mut own = Vec::new();
        let out = step(&mut own);
        diagnostics.extend(own.into_iter().map(|d| Diagnostic {
            file: file.clone(),
            ..d
        }));
        out
    }
}

/// What a block shows, and where that is written: its `data` (a path into `_data`), its
/// `inlineData`, or the page. `None` (with a warning) when `data` leads nowhere.
fn content_of(
    composer: &Composer,
    item: &Value,
    kind: &str,
    path: &str,
    at: Position,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(Value, Written)> {
    if let Some(data_path) = text_at(item, "data") {
        return match at_path(composer.data, &data_path) {
            Some(value) => Some((
                value.clone(),
                Written::in_data(composer, &data_path).unwrap_or_else(|| Written::at(at)),
            )),
            // The home layout's latest posts read `home.latestPosts` only for a heading.
            None if kind == "latestPosts" => Some((Value::Nil, Written::at(at))),
            None => {
                let data_at = if path.is_empty() {
                    at
                } else {
                    (composer.position)(&format!("{path}.data"))
                };
                diagnostics.push((composer.tolerated)(
                    Diagnostic::warning(
                        composer.file,
                        data_at,
                        format!("`data: {data_path}` leads to nothing in `_data`, so the `{kind}` block is empty"),
                    )
                    .with_hint(format!(
                        "check the path: `{data_path}` is `_data/{}.yml` and keys inside it",
                        data_path.split('.').next().unwrap_or("")
                    )),
                ));
                None
            }
        };
    }
    match get(item, "inlineData") {
        Some(inline) if !path.is_empty() => Some((
            inline.clone(),
            Written::in_page(composer, &format!("{path}.inlineData")),
        )),
        Some(inline) => Some((inline.clone(), Written::at(at))),
        None => Some((
            composer.page.clone(),
            Written {
                at: (composer.position)("title"),
                path: Some(String::new()),
                file: None,
            },
        )),
    }
}

/// The page's own Markdown (`pageMarkdown`), with its table of contents if it asks for one.
fn page_markdown(
    composer: &Composer,
    sections: Vec<Section>,
    content: &Value,
) -> Option<PageBlock> {
    let toc = flag(get(composer.page, "toc")).then(|| {
        text_at(composer.page, "tocMaxDepth")
            .and_then(|d| d.parse::<u8>().ok())
            .unwrap_or(6)
            .clamp(2, 6)
    });
    (!sections.is_empty()).then(|| {
        PageBlock::Prose(Prose {
            sections,
            toc,
            class: class_of(content),
        })
    })
}

/// The block of type `kind` drawn from `content` (written as `written` says); `None` for a
/// type the theme does not have, and for the latest posts (the news pages' block).
fn block_of(
    composer: &mut Composer,
    kind: &str,
    content: &Value,
    written: &Written,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<PageBlock> {
    let at = written.at;
    Some(match kind {
        "heroImage" | "heroBox" | "floatingText" | "postHeader" | "heroVideo" => {
            let hero_kind = match kind {
                "heroBox" => HeroKind::Box,
                "floatingText" => HeroKind::FloatingText,
                "postHeader" => HeroKind::PostHeader,
                _ => HeroKind::Image,
            };
            let mut feature = feature(composer, content, written, diagnostics);
            if hero_kind == HeroKind::PostHeader {
                feature.date = composer.date.clone();
            }
            PageBlock::Hero(Hero {
                kind: hero_kind,
                feature,
                height: text_at(content, "height")
                    .filter(|h| crate::content::repository::front_matter::is_css_length(h)),
                overlay: text_at(content, "overlayColor").filter(|c| is_css_color(c)),
                black_text: flag(get(content, "hasBlackText")),
                text_shadow: flag(get(content, "hasTextShadow")),
                class: class_of(content),
            })
        }
        "markdown" | "blank" => {
            let text = text_at(content, "markdownContent").unwrap_or_default();
            let written = written.key(composer, "markdownContent");
            let text = written.report(diagnostics, |d| (composer.liquify)(&text, written.at, d));
            PageBlock::Prose(Prose {
                sections: vec![Section {
                    heading: None,
                    blocks: markdown_blocks(composer, &text, &written, diagnostics),
                }],
                toc: None,
                class: class_of(content),
            })
        }
        "features" | "stats" | "media" => {
            let cards_kind = match kind {
                "stats" => CardsKind::Stats,
                "media" => CardsKind::Media,
                _ => CardsKind::Features,
            };
            let intro = feature(composer, &strip_cards(content), written, diagnostics);
            let cards = get(content, "features")
                .and_then(array)
                .map(|cards| {
                    cards
                        .iter()
                        .enumerate()
                        .map(|(i, card)| {
                            let written = written.key(composer, &format!("features.{i}"));
                            feature(composer, card, &written, diagnostics)
                        })
                        .collect()
                })
                .unwrap_or_default();
            PageBlock::Cards(Cards {
                kind: cards_kind,
                intro: (!intro.is_empty()).then_some(intro),
                cards,
                class: class_of(content),
            })
        }
        "split" | "product" => PageBlock::Split(Split {
            feature: feature(composer, content, written, diagnostics),
            reverse: flag(get(content, "reverse")),
            class: class_of(content),
        }),
        // Blocks of GBIF's live services: their text, and a way to the data on GBIF.org.
        "stories" | "dashboard" | "dashboardNew" => {
            let mut card = feature(composer, content, written, diagnostics);
            card.image = None;
            card.link = Some(button(
                "https://www.gbif.org/occurrence/search",
                "Explore the data on GBIF.org",
                true,
                false,
            ));
            PageBlock::Gbif(card)
        }
        "privacyPolicy" => {
            let text = (composer.liquify)(PRIVACY_POLICY, at, diagnostics);
            PageBlock::Prose(Prose {
                sections: vec![Section {
                    heading: None,
                    blocks: markdown_blocks(composer, &text, &Written::at(at), diagnostics),
                }],
                toc: None,
                class: Some("privacy-policy".into()),
            })
        }
        "team" => PageBlock::Cards(Cards {
            kind: CardsKind::Team,
            intro: None,
            cards: team(composer, at, diagnostics),
            class: class_of(content),
        }),
        // Filled with the site's languages once they are known (`compile`).
        "languageList" => PageBlock::Languages(LanguageList::default()),
        // Filled with the posts' cards once every post is compiled (`posts::fill_lists`).
        "latestPosts" | "archive" => {
            let intro = feature(composer, &strip_cards(content), written, diagnostics);
            PageBlock::Posts(PostList {
                archive: kind == "archive",
                limit: if kind == "archive" {
                    usize::MAX
                } else {
                    composer.latest_limit
                },
                intro: (kind == "latestPosts" && !intro.is_empty()).then_some(intro),
                lang: composer.lang.clone(),
                url: composer.url.clone(),
                cards: Vec::new(),
                categories: Vec::new(),
                class: class_of(content),
            })
        }
        _ => return None,
    })
}

/// The block of a GBIF data page: what the theme's widget would show is on GBIF.org, in the
/// site's scope. A record's page (`/institution/_key_`) is served at every record's address
/// (`/institution/<key>`, see `build::redirects`); the browser completes its link with the key
/// it reads from the address, and without it the link leads to the search.
pub fn data_block(
    link: super::gbif::DataLink,
    words: &super::texts::Words,
    lang: &str,
    url: &str,
) -> PageBlock {
    let word = if link.record.is_some() {
        "recordOnGbif"
    } else {
        "dataOnGbif"
    };
    let mut button = button(&link.search, &words.get(word, lang), true, false);
    if let Some(record) = link.record {
        let folder = url
            .trim_end_matches('/')
            .rsplit('/')
            .nth(1)
            .unwrap_or_default();
        button.attrs.other.push(("data-record".into(), record));
        button
            .attrs
            .other
            .push(("data-folder".into(), folder.into()));
    }
    PageBlock::Gbif(Feature {
        description: vec![Block::Paragraph {
            attrs: Attrs::default(),
            content: vec![Inline::text(words.get("dataOnGbifText", lang))],
        }],
        link: Some(button),
        ..Feature::default()
    })
}

/// The documentation layout's side navigation: the groups of links at the page's
/// `sideNavigation` path in `_data` (the theme's `navlist.html`), the page's own link marked.
pub fn side_navigation(
    composer: &mut Composer,
    label: String,
    diagnostics: &mut Vec<Diagnostic>,
) -> SideNav {
    let mut nav = SideNav {
        label,
        groups: Vec::new(),
    };
    let Some(path) = text_at(composer.page, "sideNavigation") else {
        diagnostics.push((composer.tolerated)(
            Diagnostic::warning(
                composer.file,
                (composer.position)("layout"),
                "this documentation page has no `sideNavigation`, so its side navigation is empty",
            )
            .with_hint("add `sideNavigation: sideNavigation.guides` (or the path in `_data` of your navigation) to the front matter"),
        ));
        return nav;
    };
    let at = (composer.position)("sideNavigation");
    let Some(groups) = at_path(composer.data, &path).and_then(array) else {
        diagnostics.push((composer.tolerated)(
            Diagnostic::warning(
                composer.file,
                at,
                format!("`sideNavigation: {path}` is not a list in `_data`, so the side navigation is empty"),
            )
            .with_hint(format!(
                "it should name a list of groups (`- grouptitle: ...` with `content:`) in `_data/{}.yml`",
                path.split('.').next().unwrap_or("")
            )),
        ));
        return nav;
    };
    let here = crate::routes::route_key(&composer.url);
    let written = Written::in_data(composer, &path).unwrap_or_else(|| Written::at(at));
    for (i, group) in groups.iter().enumerate() {
        let content = written.key(composer, &format!("{i}.content"));
        nav.groups.push(NavGroup {
            title: text_at(group, "grouptitle"),
            items: nav_items(composer, get(group, "content"), &here, &content),
        });
    }
    nav
}

/// The links of a side navigation's list (written as `written` says), and its sections'.
fn nav_items(
    composer: &mut Composer,
    list: Option<&Value>,
    here: &str,
    written: &Written,
) -> Vec<NavItem> {
    let Some(list) = list.and_then(array) else {
        return Vec::new();
    };
    list.iter()
        .enumerate()
        .filter_map(|(i, item)| {
            let item_written = written.key(composer, &i.to_string());
            if let Some(title) = text_at(item, "sectiontitle") {
                let section = item_written.key(composer, "section");
                return Some(NavItem::Section {
                    title,
                    items: nav_items(composer, get(item, "section"), here, &section),
                });
            }
            let href = super::links::from_site_root(&text_at(item, "path")?);
            item_written
                .key(composer, "path")
                .link(composer, href.clone(), false);
            Some(NavItem::Link {
                title: text_at(item, "title").unwrap_or_else(|| href.clone()),
                current: crate::routes::route_key(&href) == here,
                href,
            })
        })
        .collect()
}

/// The privacy policy of the `standardPrivacy` layout, with `site.privacy`'s values. Our own
/// text, which says what this site does: the theme's speaks of cookies this site does not set.
const PRIVACY_POLICY: &str = include_str!("privacy_policy.md");

/// The people of `_data/team.yml`, as the theme's team layout shows them: picture, name, role,
/// description and their ORCID, email, GitHub and Twitter links.
fn team(composer: &mut Composer, at: Position, diagnostics: &mut Vec<Diagnostic>) -> Vec<Feature> {
    let Some(people) = get(composer.data, "team").and_then(array).cloned() else {
        diagnostics.push((composer.tolerated)(
            Diagnostic::warning(
                composer.file,
                at,
                "this team page has no people: `_data/team.yml` is missing or not a list",
            )
            .with_hint("list the people in `_data/team.yml`: `- name: ...` with `role`, `image`, `description`, `orcid`, `email`, `github`, `twitter`"),
        ));
        return Vec::new();
    };
    people
        .iter()
        .enumerate()
        .map(|(i, person)| {
            let written =
                Written::in_data(composer, &format!("team.{i}")).unwrap_or_else(|| Written::at(at));
            let name = text_at(person, "name").unwrap_or_default();
            let mut card = Feature {
                title: vec![Inline::text(&name)],
                pre_title: text_at(person, "role"),
                ..Feature::default()
            };
            if let Some(description) = text_at(person, "description") {
                let written = written.key(composer, "description");
                card.description = markdown_blocks(composer, &description, &written, diagnostics);
            }
            if let Some(image) = text_at(person, "image") {
                let src = super::links::from_site_root(&image);
                written
                    .key(composer, "image")
                    .link(composer, src.clone(), true);
                // The name is beside the picture: it says nothing more.
                card.image = Some(FeatureImage {
                    src,
                    alt: String::new(),
                    license: Vec::new(),
                });
            }
            for (key, text, address) in [
                ("orcid", "ORCID", "https://orcid.org/"),
                ("email", "Email", "mailto:"),
                ("github", "GitHub", "https://github.com/"),
                ("twitter", "Twitter", "https://twitter.com/"),
            ] {
                if let Some(value) = text_at(person, key) {
                    let mut link = button(&format!("{address}{value}"), text, false, false);
                    link.attrs
                        .other
                        .push(("aria-label".into(), format!("{text}: {name}")));
                    card.buttons.push(link);
                }
            }
            card
        })
        .collect()
}

/// A card list's own fields, without its cards (for its introduction).
fn strip_cards(content: &Value) -> Value {
    match object(content) {
        Some(object) => Value::Object(
            object
                .iter()
                .filter(|(k, _)| {
                    !matches!(
                        k.as_str(),
                        "features" | "background" | "cta" | "href" | "imageLicense"
                    )
                })
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
        ),
        None => Value::Nil,
    }
}

fn class_of(content: &Value) -> Option<String> {
    text_at(content, "klass").filter(|k| {
        k.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ' '))
    })
}

/// A CSS colour as the theme writes overlays (`#00000055`, `transparent`, `rgba(0,0,0,.3)`).
fn is_css_color(color: &str) -> bool {
    crate::content::repository::config::is_css_color(color)
        || (color.starts_with("rgb")
            && color.ends_with(')')
            && color
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "(),.% ".contains(c)))
}

/// A button: a link with the theme's button classes.
fn button(href: &str, text: &str, primary: bool, blank: bool) -> Link {
    let mut attrs = Attrs {
        classes: vec![
            "button".into(),
            if primary { "is-primary" } else { "is-outlined" }.into(),
        ],
        ..Attrs::default()
    };
    if blank {
        attrs.other.push(("target".into(), "_blank".into()));
        attrs.other.push(("rel".into(), "noopener".into()));
    }
    Link {
        href: href.to_owned(),
        target: super::links::classify(href),
        title: None,
        attrs,
        content: vec![Inline::text(text)],
    }
}

/// The text of `value`'s `key` (`value` written as `written` says) with its Liquid rendered (the
/// theme `liquify`s what it shows), and where it was written.
fn liquid_text(
    composer: &mut Composer,
    value: &Value,
    key: &str,
    written: &Written,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(String, Written)> {
    let raw = text_at(value, key)?;
    let written = written.key(composer, key);
    let rendered = written.report(diagnostics, |d| (composer.liquify)(&raw, written.at, d));
    let rendered = rendered.trim().to_owned();
    (!rendered.is_empty()).then_some((rendered, written))
}

/// Markdown (written as `written` says) as blocks, its links noted.
fn markdown_blocks(
    composer: &mut Composer,
    text: &str,
    written: &Written,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Block> {
    let parsed = written.report(diagnostics, |d| (composer.markdown)(text, written.at, d));
    written.note_links(composer, parsed.links);
    composer.frames.extend(parsed.frames);
    parsed.blocks
}

/// Markdown drawn inline: a single paragraph's content (as the theme's titles read).
fn markdown_inline(
    composer: &mut Composer,
    text: &str,
    written: &Written,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Inline> {
    let blocks = markdown_blocks(composer, text, written, diagnostics);
    match blocks.as_slice() {
        [Block::Paragraph { content, .. }] | [Block::Plain { content }] => content.clone(),
        [] => Vec::new(),
        _ => vec![Inline::text(super::body::plain_text_of_blocks(&blocks))],
    }
}

/// The feature a value describes (the theme's `blocks/parts/feature.html`).
fn feature(
    composer: &mut Composer,
    content: &Value,
    written: &Written,
    diagnostics: &mut Vec<Diagnostic>,
) -> Feature {
    let mut feature = Feature {
        pre_title: liquid_text(composer, content, "preTitle", written, diagnostics)
            .map(|(text, _)| text),
        ..Feature::default()
    };
    if let Some((title, at)) = liquid_text(composer, content, "title", written, diagnostics) {
        feature.title = markdown_inline(composer, &title, &at, diagnostics);
    }
    if let Some((description, at)) =
        liquid_text(composer, content, "description", written, diagnostics)
    {
        feature.description = markdown_blocks(composer, &description, &at, diagnostics);
    }
    if let Some((src, at)) = liquid_text(composer, content, "background", written, diagnostics) {
        // The theme writes it through `absolute_url`: `assets/x.png` is the site's, from any page.
        let src = super::links::from_site_root(&src);
        let license = liquid_text(composer, content, "imageLicense", written, diagnostics)
            .map(|(license, at)| markdown_blocks(composer, &license, &at, diagnostics))
            .unwrap_or_default();
        at.link(composer, src.clone(), true);
        feature.image = Some(FeatureImage {
            src,
            alt: liquid_text(composer, content, "imageAlt", written, diagnostics)
                .map(|(alt, _)| alt)
                .unwrap_or_default(),
            license,
        });
    }
    let blank = flag(get(content, "blankTarget"));
    if let Some((href, at)) = liquid_text(composer, content, "href", written, diagnostics) {
        at.link(composer, href.clone(), false);
        let mut link = button(&href, "", false, blank);
        link.attrs.classes.clear();
        feature.link = Some(link);
    }
    if let Some(buttons) = get(content, "cta").and_then(array) {
        for (i, cta) in buttons.iter().enumerate() {
            let cta = cta.clone();
            let written = written.key(composer, &format!("cta.{i}"));
            let (Some((text_value, _)), Some((href, at))) = (
                liquid_text(composer, &cta, "text", &written, diagnostics),
                liquid_text(composer, &cta, "href", &written, diagnostics),
            ) else {
                continue;
            };
            // The theme writes buttons' addresses with `relative_url`.
            let href = super::links::from_site_root(&href);
            at.link(composer, href.clone(), false);
            feature.buttons.push(button(
                &href,
                &text_value,
                flag(get(&cta, "isPrimary")),
                flag(get(&cta, "blankTarget")),
            ));
        }
    }
    feature.categories = categories(get(content, "categories"))
        .into_iter()
        .map(|name| {
            let href = composer
                .archive
                .as_ref()
                .map(|archive| category_address(archive, &name))
                .unwrap_or_default();
            (name, href)
        })
        .collect();
    feature
}

/// The news archive at `archive` filtered by `category` (`/news/?category=Regional%20Meeting`),
/// as the theme writes it (`url_encode`).
pub fn category_address(archive: &str, category: &str) -> String {
    format!(
        "{archive}?category={}",
        percent_encoding::utf8_percent_encode(category.trim(), percent_encoding::NON_ALPHANUMERIC)
    )
}

/// The "not found" page of a site whose repository has none: the theme's `pageNotFound`
/// layout with its own words, in `lang`.
pub fn default_not_found(words: &super::texts::Words, lang: &str) -> super::draft::PageDraft {
    use super::site::{Page, PageHead};
    let home = crate::routes::home_of(lang, words.root_lang());
    let feature = Feature {
        pre_title: Some(words.get("notFoundPreTitle", lang)),
        title: vec![Inline::text(words.get("notFoundTitle", lang))],
        description: vec![Block::Paragraph {
            attrs: Attrs::default(),
            content: vec![Inline::text(words.get("notFoundDescription", lang))],
        }],
        buttons: vec![button(&home, &words.get("home", lang), true, false)],
        ..Feature::default()
    };
    super::draft::PageDraft {
        page: Page {
            route: "/404".into(),
            output: "/404.html".into(),
            source: "(the built-in \"not found\" page)".into(),
            meta: crate::model::PageMeta {
                title: words.get("notFoundTitle", lang),
                lang: lang.to_owned(),
                not_found: true,
            },
            head: PageHead {
                noindex: true,
                ..PageHead::default()
            },
            translations: Vec::new(),
            blocks: vec![PageBlock::Hero(Hero {
                kind: HeroKind::FloatingText,
                feature,
                height: None,
                overlay: None,
                black_text: false,
                text_shadow: false,
                class: None,
            })],
            post: None,
        },
        relative: String::new(),
        lang_ref: None,
        links: Vec::new(),
        data_links: Vec::new(),
        frames: Vec::new(),
        ids: Default::default(),
        front: Default::default(),
    }
}
