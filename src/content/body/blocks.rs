//! The blocks a page is composed of, as the theme's layouts and `composition:` lists arrange
//! them: heroes, the page's Markdown, cards, split banners. Drawn at build time by
//! `crate::build::page_body`.

use super::{Block, Inline, Link, Section};

/// One block of a page.
#[derive(Clone, Debug, PartialEq, Hash)]
pub enum PageBlock {
    /// `heroImage`, `heroBox`, `floatingText`, `postHeader`.
    Hero(Hero),
    /// `pageMarkdown` (the page's own body), `markdown` (`markdownContent`), `blank`.
    Prose(Prose),
    /// `features`, `stats`, `media`: an introduction and cards.
    Cards(Cards),
    /// `split`: an image beside text.
    Split(Split),
    /// A block that shows what lives on GBIF.org (`stories`, `dashboard`, the data pages).
    Gbif(Feature),
    /// `latestPosts` and the news archive: cards of posts.
    Posts(PostList),
    /// A documentation page's side navigation (`sideNavigation: some.data.path`).
    SideNav(SideNav),
    /// GBIF's own widget, where the site asks for it (`gbif_widgets: true`): the element it
    /// draws into and the scripts that load it.
    GbifWidget(GbifWidget),
    /// The language splash page's links to each language's home page (filled in once the
    /// site's languages are known).
    Languages(LanguageList),
}

/// What GBIF's widget needs on a data page (see `content::theme::gbif::Widgets`).
#[derive(Clone, Debug, Default, PartialEq, Hash)]
pub struct GbifWidget {
    /// The address of GBIF's widget library (a JavaScript module).
    pub lib: String,
    /// The site's languages, as the widget takes them (JSON).
    pub languages: String,
}

/// Links to the home page of each of the site's languages.
#[derive(Clone, Debug, Default, PartialEq, Hash)]
pub struct LanguageList {
    pub label: String,
    /// Each language's tag, name and home page.
    pub links: Vec<(String, String, String)>,
}

/// The side navigation of the documentation layout: groups of links, some in sections.
#[derive(Clone, Debug, Default, PartialEq, Hash)]
pub struct SideNav {
    /// Its name for assistive technology, and the menu button's text on phones.
    pub label: String,
    pub groups: Vec<NavGroup>,
}

/// A group of the side navigation (`grouptitle`, `content`).
#[derive(Clone, Debug, Default, PartialEq, Hash)]
pub struct NavGroup {
    pub title: Option<String>,
    pub items: Vec<NavItem>,
}

/// A link of the side navigation, or a section of links (`sectiontitle`, `section`).
#[derive(Clone, Debug, PartialEq, Hash)]
pub enum NavItem {
    Link {
        title: String,
        href: String,
        /// Whether it leads to the page it is drawn on.
        current: bool,
    },
    Section {
        title: String,
        items: Vec<NavItem>,
    },
}

/// A list of posts: the newest few (`latestPosts`), or all of them (the news archive, with a
/// filter by category).
#[derive(Clone, Debug, PartialEq, Hash)]
pub struct PostList {
    pub archive: bool,
    /// How many the list shows.
    pub limit: usize,
    pub intro: Option<Feature>,
    /// The language of the page, whose posts it lists.
    pub lang: String,
    /// The page's address, which the archive's filter links to with `?category=`.
    pub url: String,
    /// The posts' cards, newest first, each with its categories (filled in once every post is
    /// compiled).
    pub cards: Vec<(Feature, Vec<String>)>,
    /// The archive's categories, for its filter.
    pub categories: Vec<String>,
    pub class: Option<String>,
}

/// The kind of hero, which decides how it is laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HeroKind {
    /// A full-width image with the title over it.
    Image,
    /// The title in a box beside or over the image.
    Box,
    /// Text floating over a background (the 404 page).
    FloatingText,
    /// The head of a post: image, title, date and categories.
    PostHeader,
}

/// A hero: a feature (title, description, image, buttons) at the top of a page.
#[derive(Clone, Debug, PartialEq, Hash)]
pub struct Hero {
    pub kind: HeroKind,
    pub feature: Feature,
    /// CSS length of the hero (`70vh`).
    pub height: Option<String>,
    /// The overlay's colour over the image (a CSS colour).
    pub overlay: Option<String>,
    pub black_text: bool,
    pub text_shadow: bool,
    pub class: Option<String>,
}

/// Markdown drawn as an article.
#[derive(Clone, Debug, PartialEq, Hash)]
pub struct Prose {
    pub sections: Vec<Section>,
    /// A table of contents of its headings down to this level (`toc: true`, `tocMaxDepth`).
    pub toc: Option<u8>,
    pub class: Option<String>,
}

/// The kinds of card lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CardsKind {
    Features,
    Stats,
    Media,
    /// The people of `_data/team.yml` (the team layout).
    Team,
}

#[derive(Clone, Debug, PartialEq, Hash)]
pub struct Cards {
    pub kind: CardsKind,
    pub intro: Option<Feature>,
    pub cards: Vec<Feature>,
    pub class: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Hash)]
pub struct Split {
    pub feature: Feature,
    pub reverse: bool,
    pub class: Option<String>,
}

/// The theme's "feature": what heroes, cards and banners are made of.
#[derive(Clone, Debug, Default, PartialEq, Hash)]
pub struct Feature {
    pub pre_title: Option<String>,
    /// Markdown, drawn inline.
    pub title: Vec<Inline>,
    /// Markdown.
    pub description: Vec<Block>,
    pub image: Option<FeatureImage>,
    /// Where the whole feature leads, if anywhere.
    pub link: Option<Link>,
    /// Buttons: links with the classes `button` and `is-primary` or `is-outlined`.
    pub buttons: Vec<Link>,
    /// Category tags: the name and the archive address filtered by it.
    pub categories: Vec<(String, String)>,
    /// A date line (posts), as it reads in the page's language.
    pub date: Option<String>,
}

/// A feature's image.
#[derive(Clone, Debug, PartialEq, Hash)]
pub struct FeatureImage {
    /// A path of the site or an address on another site.
    pub src: String,
    pub alt: String,
    /// Markdown: who made it, under what licence.
    pub license: Vec<Block>,
}

impl Feature {
    /// Whether there is nothing to draw.
    pub fn is_empty(&self) -> bool {
        self.pre_title.is_none()
            && self.title.is_empty()
            && self.description.is_empty()
            && self.image.is_none()
            && self.buttons.is_empty()
    }
}
