//! The theme's blocks, drawn: heroes, the page's Markdown, cards, split banners. The markup is
//! ours (semantic elements, our classes); what each block shows is what the theme's block shows.

use leptos::prelude::*;

use super::prose::{Blocks, Inlines, link_view, use_base};
use super::section::Section;
use crate::build::images::{ImageSource, ResponsiveImage};
use crate::build::pictures::Picture;
use crate::content::body::blocks::{
    Cards, CardsKind, Feature, FeatureImage, GbifWidget, Hero, HeroKind, LanguageList, NavItem,
    PageBlock, PostList, Prose, SideNav, Split,
};
use crate::content::body::{Block, Inline, Link};

/// What drawing a page's blocks needs besides the blocks: the images the build made.
pub struct Drawing<'a> {
    /// The responsive image made of a hero's background, if one was.
    pub hero_image: &'a dyn Fn(&Hero) -> Option<ResponsiveImage>,
    /// The WebP files made of a block's image, by its site path.
    pub picture: &'a dyn Fn(&str) -> Option<Picture>,
    /// The word before an image's credit ("Image:").
    pub credit: &'a str,
    /// The news archive filter's words: its first entry ("All") and its name.
    pub filter_words: (&'a str, &'a str),
}

impl Drawing<'static> {
    /// Drawing with the images as they are (no files made of them), for tests.
    pub const AS_THEY_ARE: Drawing<'static> = Drawing {
        hero_image: &no_hero_image,
        picture: &no_picture,
        credit: "Image:",
        filter_words: ("All", "Categories"),
    };
}

fn no_hero_image(_: &Hero) -> Option<ResponsiveImage> {
    None
}

fn no_picture(_: &str) -> Option<Picture> {
    None
}

/// One block. `first_hero` says whether this hero is the page's first, which carries its `<h1>`.
pub fn block(block: PageBlock, first_hero: bool, drawing: &Drawing) -> AnyView {
    match block {
        PageBlock::Hero(hero) => {
            let image = (drawing.hero_image)(&hero);
            hero_view(hero, first_hero, image, drawing.credit.to_owned())
        }
        PageBlock::Prose(prose) => prose_view(prose),
        PageBlock::Cards(cards) => cards_view(cards, drawing),
        PageBlock::Split(split) => split_view(split, drawing),
        PageBlock::Gbif(feature) => gbif_view(feature),
        PageBlock::Posts(list) => posts_view(list, drawing),
        PageBlock::SideNav(nav) => side_nav_view(nav),
        PageBlock::Languages(list) => languages_view(list),
        PageBlock::GbifWidget(widget) => gbif_widget_view(widget),
    }
}

fn classes(base: &str, extra: &[(&str, bool)], class: Option<String>) -> String {
    let mut out = base.to_owned();
    for (name, on) in extra {
        if *on {
            out.push(' ');
            out.push_str(name);
        }
    }
    if let Some(class) = class {
        out.push(' ');
        out.push_str(&class);
    }
    out
}

/// A hero: the image fills it (its height is set before the image loads, so nothing moves when
/// it arrives) under an overlay that keeps the text readable.
fn hero_view(hero: Hero, first: bool, image: Option<ResponsiveImage>, credit: String) -> AnyView {
    let kind = match hero.kind {
        HeroKind::Image => "hero--image",
        HeroKind::Box => "hero--box",
        HeroKind::FloatingText => "hero--floating",
        HeroKind::PostHeader => "hero--post",
    };
    let Feature {
        pre_title,
        title,
        description,
        image: background,
        buttons,
        categories,
        date,
        ..
    } = hero.feature;
    let has_image = background.is_some();
    let class = classes(
        &format!("hero {kind}"),
        &[
            ("hero--dark-text", hero.black_text),
            ("hero--shadow", hero.text_shadow),
            ("hero--plain", !has_image),
        ],
        hero.class,
    );
    let mut style = Vec::new();
    if let Some(height) = &hero.height {
        style.push(format!("min-height: {height}"));
    }
    if let Some(overlay) = &hero.overlay {
        style.push(format!("--hero-overlay: {overlay}"));
    }
    let style = (!style.is_empty()).then(|| style.join("; "));
    let (picture, license) = match background {
        Some(FeatureImage { src, license, .. }) => (
            Some(hero_picture(&src, image)),
            credit_view(license, "hero__credit", &credit),
        ),
        None => (None, None),
    };
    let title = (!title.is_empty()).then(|| {
        if first {
            view! { <h1 class="hero__title" id="page-title" tabindex="-1"><Inlines content=title/></h1> }.into_any()
        } else {
            view! { <h2 class="hero__title"><Inlines content=title/></h2> }.into_any()
        }
    });
    view! {
        <header class=class style=style>
            {picture}
            {feature_text("hero", FeatureText { pre_title, title, date, description, buttons, categories })}
            {license}
        </header>
    }
    .into_any()
}

/// The hero's image: its responsive files when the build made them, the image as it is
/// otherwise (another site's, or one that could not be decoded).
fn hero_picture(src: &str, image: Option<ResponsiveImage>) -> AnyView {
    let base = use_base();
    let srcset = |source: &ImageSource| {
        source
            .files
            .iter()
            .map(|(path, width)| format!("{} {width}w", base.href(path)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match image {
        Some(image) => {
            let sources = image
                .sources
                .iter()
                .map(|source| {
                    view! { <source type=source.mime.clone() media=source.media.clone() srcset=srcset(source) sizes=source.sizes.clone()/> }
                })
                .collect_view();
            let fallback = &image.fallback;
            let src = fallback.files.last().map(|(path, _)| base.href(path));
            view! {
                <picture>
                    {sources}
                    <img class="hero__image" src=src srcset=srcset(fallback) sizes=fallback.sizes.clone()
                        width=image.width height=image.height alt="" fetchpriority="high"/>
                </picture>
            }
            .into_any()
        }
        None => view! { <img class="hero__image" src=base.href(src) alt="" fetchpriority="high"/> }
            .into_any(),
    }
}

/// An image's credit, after a word that says what it is ("Image:") for screen readers: a line
/// of text when it is one paragraph (as credits are), its blocks otherwise.
fn credit_view(license: Vec<Block>, class: &'static str, label: &str) -> Option<AnyView> {
    let label = format!("{label} ");
    match <[Block; 1]>::try_from(license) {
        Ok([Block::Paragraph { content, .. }]) => Some(
            view! { <p class=class><span class="visually-hidden">{label}</span><Inlines content/></p> }
                .into_any(),
        ),
        Ok([block]) => Some(
            view! { <div class=class><span class="visually-hidden">{label}</span><Blocks blocks=vec![block]/></div> }
                .into_any(),
        ),
        Err(blocks) if blocks.is_empty() => None,
        Err(blocks) => Some(
            view! { <div class=class><span class="visually-hidden">{label}</span><Blocks blocks/></div> }
                .into_any(),
        ),
    }
}

fn prose_view(prose: Prose) -> AnyView {
    let class = classes("content", &[], prose.class);
    let sections = prose
        .sections
        .into_iter()
        .map(|section| view! { <Section section/> })
        .collect_view();
    view! { <article class=class>{sections}</article> }.into_any()
}

fn cards_view(cards: Cards, drawing: &Drawing) -> AnyView {
    let kind = match cards.kind {
        CardsKind::Features => "cards--features",
        CardsKind::Stats => "cards--stats",
        CardsKind::Media => "cards--media",
        CardsKind::Team => "cards--team",
    };
    let class = classes(&format!("cards {kind}"), &[], cards.class);
    let intro_has_title = cards.intro.as_ref().is_some_and(|i| !i.title.is_empty());
    let intro = cards.intro.map(|intro| {
        view! {
            <div class="cards__intro">
                {intro.pre_title.map(|p| view! { <p class="cards__pre-title">{p}</p> })}
                {(!intro.title.is_empty()).then(|| view! { <h2 class="cards__title"><Inlines content=intro.title/></h2> })}
                {(!intro.description.is_empty()).then(|| view! { <div class="cards__description"><Blocks blocks=intro.description/></div> })}
            </div>
        }
    });
    let level = if intro_has_title { 3 } else { 2 };
    let list = cards
        .cards
        .into_iter()
        .map(|card| view! { <li class="cards__item">{card_view(card, level, drawing)}</li> })
        .collect_view();
    view! {
        <section class=class>
            {intro}
            <ul class="cards__list" role="list">{list}</ul>
        </section>
    }
    .into_any()
}

/// A card: image, pre-title, title (a link to where the card leads), description, buttons and
/// tags. The title's link covers the whole card (in CSS), so the card is one target and one tab
/// stop.
fn card_view(card: Feature, level: u8, drawing: &Drawing) -> AnyView {
    let (mut text, title, image, link) = FeatureText::of(card);
    let linked = link.is_some();
    let title_content = title_with_link(title, link, Some("card__link"));
    text.title = Some(if level == 2 {
        view! { <h2 class="card__title">{title_content}</h2> }.into_any()
    } else {
        view! { <h3 class="card__title">{title_content}</h3> }.into_any()
    });
    let class = classes("card", &[("card--linked", linked)], None);
    view! {
        <div class=class>
            {image.map(|image| figure_view(image, "card__image", CARD_SIZES, drawing))}
            {feature_text("card", text)}
        </div>
    }
    .into_any()
}

/// A title, as a link to where its feature leads if it leads anywhere (with the class `class`).
fn title_with_link(title: Vec<Inline>, link: Option<Link>, class: Option<&str>) -> Vec<AnyView> {
    match link {
        Some(mut link) => {
            link.attrs.classes.extend(class.map(str::to_owned));
            link.content = title;
            vec![link_view(link)]
        }
        None => vec![view! { <Inlines content=title/> }.into_any()],
    }
}

/// The text of a feature, as the theme's `featureContent` lays it out.
struct FeatureText {
    pre_title: Option<String>,
    /// The title, drawn (its heading level and link depend on the block).
    title: Option<AnyView>,
    date: Option<String>,
    description: Vec<Block>,
    buttons: Vec<Link>,
    categories: Vec<(String, String)>,
}

impl FeatureText {
    /// A feature taken apart: its text (the title still to be drawn), its title, its image and
    /// where it leads.
    fn of(feature: Feature) -> (FeatureText, Vec<Inline>, Option<FeatureImage>, Option<Link>) {
        let Feature {
            pre_title,
            title,
            description,
            image,
            link,
            buttons,
            categories,
            date,
        } = feature;
        let text = FeatureText {
            pre_title,
            title: None,
            date,
            description,
            buttons,
            categories,
        };
        (text, title, image, link)
    }
}

/// A feature's text in an element of class `{block}__body`, each part with a class named after
/// the block (`hero__pre-title`, `card__description`).
fn feature_text(block: &'static str, text: FeatureText) -> AnyView {
    let class = |part: &str| format!("{block}__{part}");
    let FeatureText {
        pre_title,
        title,
        date,
        description,
        buttons,
        categories,
    } = text;
    view! {
        <div class=class("body")>
            {pre_title.map(|p| view! { <p class=class("pre-title")>{p}</p> })}
            {title}
            {date.map(|d| view! { <p class=class("date")>{d}</p> })}
            {(!description.is_empty()).then(|| view! { <div class=class("description")><Blocks blocks=description/></div> })}
            {buttons_view(buttons, class("buttons"))}
            {tags_view(categories)}
        </div>
    }
    .into_any()
}

/// How wide a card's image is drawn: the whole width on a phone, a column of the grid beyond.
const CARD_SIZES: &str = "(max-width: 40rem) 100vw, 24rem";
/// How wide a split banner's image is drawn: the whole width on a phone, half the page beyond.
const SPLIT_SIZES: &str = "(max-width: 48rem) 100vw, 36rem";

/// An image in a box of fixed shape (so nothing moves as it loads), with its credit: the WebP
/// files the build made of it where there are some, the file itself otherwise.
fn figure_view(
    image: FeatureImage,
    class: &'static str,
    sizes: &'static str,
    drawing: &Drawing,
) -> AnyView {
    let base = use_base();
    let src = base.href(&image.src);
    let license = credit_view(image.license, "image-credit", drawing.credit);
    let picture = (drawing.picture)(&image.src);
    let img = match &picture {
        Some(picture) => {
            let srcset = picture
                .webp
                .iter()
                .map(|(path, width)| format!("{} {width}w", base.href(path)))
                .collect::<Vec<_>>()
                .join(", ");
            view! {
                <picture>
                    <source type="image/webp" srcset=srcset sizes=sizes/>
                    <img src=src alt=image.alt width=picture.width height=picture.height loading="lazy" decoding="async"/>
                </picture>
            }
            .into_any()
        }
        None => view! { <img src=src alt=image.alt loading="lazy" decoding="async"/> }.into_any(),
    };
    view! {
        <div class=class>
            {img}
            {license}
        </div>
    }
    .into_any()
}

fn split_view(split: Split, drawing: &Drawing) -> AnyView {
    let class = classes("split", &[("split--reverse", split.reverse)], split.class);
    let (mut text, title, image, link) = FeatureText::of(split.feature);
    text.title = (!title.is_empty()).then(|| {
        let content = title_with_link(title, link, None);
        view! { <h2 class="split__title">{content}</h2> }.into_any()
    });
    view! {
        <section class=class>
            {image.map(|image| figure_view(image, "split__image", SPLIT_SIZES, drawing))}
            {feature_text("split", text)}
        </section>
    }
    .into_any()
}

/// A list of posts: the latest few, or the news archive with its filter by category. The filter
/// is links (`?category=Events`) that the app follows without reloading; each card says which
/// categories it is in (`data-categories`), so the app shows only the chosen one's. Without the
/// app, every post is listed.
fn posts_view(list: PostList, drawing: &Drawing) -> AnyView {
    let base = use_base();
    let class = classes(
        "cards cards--posts",
        &[("cards--archive", list.archive)],
        list.class,
    );
    let intro_has_title = list.intro.as_ref().is_some_and(|i| !i.title.is_empty());
    let intro = list.intro.map(|intro| {
        view! {
            <div class="cards__intro">
                {(!intro.title.is_empty()).then(|| view! { <h2 class="cards__title"><Inlines content=intro.title/></h2> })}
                {(!intro.description.is_empty()).then(|| view! { <div class="cards__description"><Blocks blocks=intro.description/></div> })}
            </div>
        }
    });
    let filter = (list.archive && !list.categories.is_empty()).then(|| {
        let (all, name) = drawing.filter_words;
        let entries = std::iter::once((all.to_owned(), list.url.clone()))
            .chain(list.categories.iter().map(|category| {
                (
                    category.clone(),
                    crate::content::theme::posts::category_address(&list.url, category),
                )
            }))
            .map(
                |(label, href)| view! { <li><a class="tag" href=base.href(&href)>{label}</a></li> },
            )
            .collect_view();
        view! {
            <nav class="post-filter" aria-label=name.to_owned()>
                <ul class="tags" role="list">{entries}</ul>
            </nav>
        }
    });
    let level = if intro_has_title { 3 } else { 2 };
    let cards = list
        .cards
        .into_iter()
        .map(|(card, categories)| {
            let categories: String = categories.iter().map(|c| format!("{}|", c.trim())).collect();
            view! { <li class="cards__item" data-categories=categories>{card_view(card, level, drawing)}</li> }
        })
        .collect_view();
    view! {
        <section class=class>
            {intro}
            {filter}
            <ul class="cards__list" role="list">{cards}</ul>
        </section>
    }
    .into_any()
}

fn gbif_view(feature: Feature) -> AnyView {
    view! {
        <section class="gbif-block">
            {(!feature.title.is_empty()).then(|| view! { <h2><Inlines content=feature.title/></h2> })}
            <Blocks blocks=feature.description/>
            {buttons_view(feature.link.into_iter().collect(), "gbif-block__buttons")}
        </section>
    }
    .into_any()
}

/// The documentation layout's side navigation: a menu that opens on phones (`<details>`, which
/// needs no script) and a column beside the page on wider screens (the stylesheet shows the
/// menu's content there and hides its button).
fn side_nav_view(nav: SideNav) -> AnyView {
    let groups = nav
        .groups
        .into_iter()
        .map(|group| {
            view! {
                {group.title.map(|t| view! { <p class="side-nav__group">{t}</p> })}
                {nav_list(group.items)}
            }
        })
        .collect_view();
    view! {
        <details class="side-nav">
            <summary class="side-nav__toggle">{nav.label.clone()}</summary>
            <nav class="side-nav__links" aria-label=nav.label>{groups}</nav>
        </details>
    }
    .into_any()
}

fn nav_list(items: Vec<NavItem>) -> AnyView {
    let base = use_base();
    let items = items
        .into_iter()
        .map(|item| match item {
            NavItem::Link {
                title,
                href,
                current,
            } => view! {
                <li><a href=base.href(&href) aria-current=current.then_some("page")>{title}</a></li>
            }
            .into_any(),
            NavItem::Section { title, items } => view! {
                <li><span class="side-nav__section">{title}</span>{nav_list(items)}</li>
            }
            .into_any(),
        })
        .collect_view();
    view! { <ul role="list">{items}</ul> }.into_any()
}

/// GBIF's widget (`gbif_widgets: true`): the element it draws into, and the inline script that
/// inserts the site's settings for it and our loader of GBIF's library (`build::gbif_scripts`),
/// in that order.
fn gbif_widget_view(widget: GbifWidget) -> AnyView {
    let base = use_base();
    let bootstrap = crate::build::gbif_scripts::bootstrap(&base);
    view! {
        <div id="gbif-widget" class="gbif gbif-widget" data-lib=base.href(&widget.lib) data-languages=widget.languages></div>
        <script inner_html=bootstrap></script>
    }
    .into_any()
}

/// The language splash page's choice of language: each language's home page, named in itself.
fn languages_view(list: LanguageList) -> AnyView {
    let base = use_base();
    let links = list
        .links
        .into_iter()
        .map(|(code, name, home)| {
            view! { <li><a class="button is-outlined" href=base.href(&home) lang=code.clone() hreflang=code>{name}</a></li> }
        })
        .collect_view();
    view! {
        <nav class="language-list" aria-label=list.label>
            <ul role="list">{links}</ul>
        </nav>
    }
    .into_any()
}

fn buttons_view(buttons: Vec<Link>, class: impl Into<String>) -> Option<AnyView> {
    let class = class.into();
    (!buttons.is_empty()).then(|| {
        let buttons = buttons
            .into_iter()
            .enumerate()
            .map(|(i, link)| view! { {(i > 0).then_some(" ")}{link_view(link)} })
            .collect_view();
        view! { <p class=class>{buttons}</p> }.into_any()
    })
}

fn tags_view(categories: Vec<(String, String)>) -> Option<AnyView> {
    (!categories.is_empty()).then(|| {
        let base = use_base();
        let tags = categories
            .into_iter()
            .map(|(name, href)| {
                let tag = if href.is_empty() {
                    view! { <span class="tag">{name}</span> }.into_any()
                } else {
                    view! { <a class="tag" href=base.href(&href)>{name}</a> }.into_any()
                };
                view! { <li>{tag}</li> }
            })
            .collect_view();
        view! { <ul class="tags" role="list">{tags}</ul> }.into_any()
    })
}
