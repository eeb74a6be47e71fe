//! A page's composition: the blocks it is made of (its `composition:`, or its layout's), and
//! what each block shows, read from the page, from `_data` (`data: examples.stats`) or from the
//! block itself (`inlineData:`). Blocks the theme does not have (a repository's own
//! `_includes/blocks/`) are reported and left out.

use liquid::model::Value;

use super::composer::{Composer, Written, markdown_blocks};
use super::feature::{button, feature};
use super::layouts::{BLOCK_TYPES, LAYOUTS};
use super::team::team;
use crate::content::body::Section;
use crate::content::body::blocks::{
    Cards, CardsKind, Hero, HeroKind, LanguageList, PageBlock, PostList, Prose, Split,
};
use crate::content::diagnostics::{Diagnostic, Position};
use crate::content::values::{array, at_path, flag, get, object, text_at};

/// A page's own text: its Markdown's sections, and what the repository's own layouts write
/// before and after it.
pub struct Body {
    pub sections: Vec<Section>,
    pub around: Option<(Vec<Section>, Vec<Section>)>,
}

/// The blocks of a page of layout `layout`, whose own text is `body`.
pub fn blocks(
    composer: &mut Composer,
    layout: &str,
    body: Body,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<PageBlock> {
    let (before, after) = body.around.unwrap_or_default();
    let (mut before, mut after) = (Some(before), Some(after));
    let mut body = Some(body.sections);
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
            "pageMarkdown" => {
                // The own layouts' parts are articles of their own around the body's.
                let part = |sections: Option<Vec<Section>>| {
                    sections.filter(|s| !s.is_empty()).map(|sections| {
                        PageBlock::Prose(Prose {
                            sections,
                            toc: None,
                            class: None,
                        })
                    })
                };
                out.extend(part(before.take()));
                let block = page_markdown(composer, body.take().unwrap_or_default(), &content);
                out.extend(block);
                out.extend(part(after.take()));
                continue;
            }
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
    let entry = Entry {
        kind,
        content,
        written,
    };
    Some(match kind {
        "heroImage" | "heroBox" | "floatingText" | "postHeader" | "heroVideo" => {
            hero(composer, &entry, diagnostics)
        }
        "markdown" | "blank" => markdown_block(composer, content, written, diagnostics),
        "features" | "stats" | "media" => cards(composer, &entry, diagnostics),
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
        "privacyPolicy" => privacy_policy(composer, at, diagnostics),
        "team" => PageBlock::Cards(Cards {
            kind: CardsKind::Team,
            intro: None,
            cards: team(composer, at, diagnostics),
            class: class_of(content),
        }),
        // Filled with the site's languages once they are known (`compile`).
        "languageList" => PageBlock::Languages(LanguageList::default()),
        "latestPosts" | "archive" => posts(composer, &entry, diagnostics),
        _ => return None,
    })
}

/// A composition entry: its type, what it shows, and where that is written.
#[derive(Clone, Copy)]
struct Entry<'e> {
    kind: &'e str,
    content: &'e Value,
    written: &'e Written,
}

/// A hero (`heroImage`, `heroBox`, `floatingText`, `postHeader`): a card over its image, with
/// its height, overlay and text colour.
fn hero(composer: &mut Composer, entry: &Entry, diagnostics: &mut Vec<Diagnostic>) -> PageBlock {
    let Entry {
        kind,
        content,
        written,
    } = *entry;
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

/// A `markdown` (or `blank`) block: its `markdownContent`, Liquid rendered.
fn markdown_block(
    composer: &mut Composer,
    content: &Value,
    written: &Written,
    diagnostics: &mut Vec<Diagnostic>,
) -> PageBlock {
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

/// A list of cards (`features`, `stats`, `media`) with its introduction.
fn cards(composer: &mut Composer, entry: &Entry, diagnostics: &mut Vec<Diagnostic>) -> PageBlock {
    let Entry {
        kind,
        content,
        written,
    } = *entry;
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

/// The privacy policy of the `standardPrivacy` layout (see [`PRIVACY_POLICY`]).
fn privacy_policy(
    composer: &mut Composer,
    at: Position,
    diagnostics: &mut Vec<Diagnostic>,
) -> PageBlock {
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

/// The latest posts or the news archive, filled with the posts' cards once every post is
/// compiled (`site_wide::news`).
fn posts(composer: &mut Composer, entry: &Entry, diagnostics: &mut Vec<Diagnostic>) -> PageBlock {
    let Entry {
        kind,
        content,
        written,
    } = *entry;
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

/// The privacy policy of the `standardPrivacy` layout, with `site.privacy`'s values. Our own
/// text, which says what this site does: the theme's speaks of cookies this site does not set.
const PRIVACY_POLICY: &str = include_str!("privacy_policy.md");
