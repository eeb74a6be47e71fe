//! The page model: what the content compiler produces at build time and the components draw.
//!
//! It is the one contract between the two halves of the site. The compiler (`content`) knows
//! Markdown and YAML but not Leptos; the components know these types but not Markdown syntax.
//! The build writes it as JSON with serde; the browser reads it back with `from_json`.

use serde::Serialize;

mod from_json;

/// The whole site, as the content compiler produces it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Site {
    pub config: SiteConfig,
    /// The interface's words, one entry per language, in the order of `config.languages`.
    pub ui: Vec<UiText>,
    pub pages: Vec<Page>,
    /// The other sites the pages show images from (`https://www.gbif.org`), which the site's
    /// Content-Security-Policy must allow, and no others.
    pub image_origins: Vec<String>,
}

impl Site {
    /// The page served at `path`, accepting it with or without its trailing slash.
    pub fn page_at(&self, path: &str) -> Option<&Page> {
        let key = crate::routes::lookup_key(path, &self.config);
        self.pages
            .iter()
            .find(|p| crate::routes::route_key(&p.route) == key)
    }
}

/// Site-wide settings, from `content/site.yml` and the language files.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SiteConfig {
    /// The name in the header, the footer and every document title.
    pub name: String,
    /// Absolute URL of the deployed site, for canonical links and the sitemap.
    pub base_url: String,
    /// The site's languages; the first is the default, whose pages live at the root.
    pub languages: Vec<Language>,
}

impl SiteConfig {
    /// The code of the default language (`en`).
    pub fn default_lang(&self) -> &str {
        self.languages
            .first()
            .map_or(crate::routes::DEFAULT_LANG, |l| &l.code)
    }

    pub fn language(&self, code: &str) -> Option<&Language> {
        self.languages.iter().find(|l| l.code == code)
    }

    /// The language whose pages live under `path` (`/es/about/` is Spanish, `/about/` is in the
    /// default language).
    pub fn language_of_path(&self, path: &str) -> &Language {
        let first = path.trim_start_matches('/').split('/').next().unwrap_or("");
        self.languages
            .iter()
            .skip(1)
            .find(|l| l.code == first)
            .or(self.languages.first())
            .expect("a site has at least one language")
    }
}

/// One of the site's languages.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Language {
    /// BCP 47 tag (`es`).
    pub code: String,
    /// Its name in itself (`Español`), for the language switcher.
    pub name: String,
    /// Route of the home page in this language (shown at `/` or `/es/`), if it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub home: Option<String>,
}

/// The interface's own words in one language, from `content/languages/<code>.yml`, and the main
/// navigation as it reads in that language.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct UiText {
    pub lang: String,
    pub nav: Vec<NavLink>,
    pub skip_link: String,
    pub main_navigation: String,
    pub language_switcher: String,
    pub image_credit: String,
    pub footer_note: String,
    pub not_found_title: String,
    pub not_found_description: String,
    pub not_found_text: String,
    pub home_link: String,
    pub loading: String,
    pub load_failed: String,
    pub offline: String,
    pub timed_out: String,
    pub server_error: String,
    pub damaged_data: String,
    pub retry: String,
}

/// One entry of the main navigation.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NavLink {
    pub label: String,
    /// A route of this site (`/data/`) or an absolute URL of another site.
    pub href: String,
}

/// One content page: its metadata and its body.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Page {
    /// Where the page lives, always with a leading and trailing slash (`/about/`).
    pub route: String,
    /// The content file it came from, relative to the repository (`content/about.md`).
    pub source: String,
    pub meta: PageMeta,
    /// Every language version of the page (itself included), in the site's language order.
    pub translations: Vec<Translation>,
    pub sections: Vec<Section>,
}

/// A language version of a page.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Translation {
    pub lang: String,
    /// The address that shows it: its route, or its language's root for a home page.
    pub path: String,
}

/// A page as the browser receives it: what its hero shows, and its body already drawn to HTML at
/// build time by the body components (`crate::page_body`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PageData {
    pub route: String,
    pub meta: PageMeta,
    /// The hero image in the sizes and formats the build made of `meta.background`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hero_image: Option<ResponsiveImage>,
    pub translations: Vec<Translation>,
    pub body_html: String,
}

/// An image in several sizes and formats, for `<picture>`: the browser picks the smallest file
/// that covers the space the image fills on its screen.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ResponsiveImage {
    /// Size of the largest file, in pixels.
    pub width: u32,
    pub height: u32,
    /// Alternatives tried first, in order (modern formats, crops for portrait screens).
    pub sources: Vec<ImageSource>,
    /// The JPEG fallback that the `<img>` itself carries.
    pub fallback: ImageSource,
}

/// One `<source>` of a `<picture>`: files of one format and crop, in several widths.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ImageSource {
    /// MIME type of the files (`image/webp`).
    pub mime: String,
    /// Media query for which this source applies, if not all screens.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub media: Option<String>,
    /// Site paths of the files with their widths in pixels, smallest first.
    pub files: Vec<(String, u32)>,
    /// How wide the image is drawn, for the browser's choice (`max(100vw, 124vh)`).
    pub sizes: String,
}

/// The page's front matter, checked and typed.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct PageMeta {
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Site path of the hero's background image (`/assets/images/moss.jpg`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub background: Option<String>,
    /// Credit line for the background image.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image_license: Option<String>,
    /// CSS length of the hero (`70vh`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub height: Option<String>,
    /// Key shared by the translations of one page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang_ref: Option<String>,
    /// BCP 47 language tag of the page (`en`, `es`).
    pub lang: String,
    /// Route given in the front matter, overriding the one derived from the file name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permalink: Option<String>,
}

/// A part of a page opened by a level-2 heading, or the blocks before the first one.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Section {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub heading: Option<Heading>,
    pub blocks: Vec<Block>,
}

/// A heading of any level; its id is in `attrs`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Heading {
    pub level: u8,
    #[serde(skip_serializing_if = "Attrs::is_empty")]
    pub attrs: Attrs,
    pub content: Vec<Inline>,
}

/// Block-level content.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Block {
    Heading(Heading),
    Paragraph {
        #[serde(skip_serializing_if = "Attrs::is_empty")]
        attrs: Attrs,
        content: Vec<Inline>,
    },
    /// Inline content that is not wrapped in a paragraph: the text of a tight list item.
    Plain {
        content: Vec<Inline>,
    },
    List(List),
    Table(Table),
    Rule {
        #[serde(skip_serializing_if = "Attrs::is_empty")]
        attrs: Attrs,
    },
    ButtonRow(ButtonRow),
    Code {
        #[serde(skip_serializing_if = "Attrs::is_empty")]
        attrs: Attrs,
        #[serde(skip_serializing_if = "Option::is_none")]
        lang: Option<String>,
        text: String,
    },
    Quote {
        #[serde(skip_serializing_if = "Attrs::is_empty")]
        attrs: Attrs,
        blocks: Vec<Block>,
    },
    /// An HTML element written in the Markdown (sanitised), or one kramdown makes (`figure`).
    Element(Element),
}

/// An element with a tag known only from the content.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Element {
    pub tag: String,
    #[serde(skip_serializing_if = "Attrs::is_empty")]
    pub attrs: Attrs,
    pub content: ElementContent,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ElementContent {
    Blocks(Vec<Block>),
    Inlines(Vec<Inline>),
}

/// A bulleted or numbered list.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct List {
    #[serde(skip_serializing_if = "Attrs::is_empty")]
    pub attrs: Attrs,
    /// `Some(first number)` for a numbered list.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<u64>,
    pub items: Vec<ListItem>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ListItem {
    #[serde(skip_serializing_if = "Attrs::is_empty")]
    pub attrs: Attrs,
    pub blocks: Vec<Block>,
}

/// A table: header rows, groups of body rows, footer rows, and a per-column alignment.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Table {
    #[serde(skip_serializing_if = "Attrs::is_empty")]
    pub attrs: Attrs,
    pub align: Vec<Align>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub head: Vec<Row>,
    /// Each group is a `<tbody>`; a separator line in the Markdown starts a new one.
    pub bodies: Vec<Vec<Row>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub foot: Vec<Row>,
}

/// The cells of a table row.
pub type Row = Vec<Vec<Inline>>;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Align {
    #[default]
    Default,
    Left,
    Center,
    Right,
}

impl Align {
    /// The inline style kramdown writes on every cell of an aligned column.
    pub fn style(self) -> Option<&'static str> {
        match self {
            Align::Default => None,
            Align::Left => Some("text-align: left"),
            Align::Center => Some("text-align: center"),
            Align::Right => Some("text-align: right"),
        }
    }
}

/// A paragraph made only of links marked with the class `button`: calls to action.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ButtonRow {
    pub buttons: Vec<Link>,
}

/// Inline content.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Inline {
    Text {
        text: String,
    },
    Emphasis {
        #[serde(skip_serializing_if = "Attrs::is_empty")]
        attrs: Attrs,
        content: Vec<Inline>,
    },
    Strong {
        #[serde(skip_serializing_if = "Attrs::is_empty")]
        attrs: Attrs,
        content: Vec<Inline>,
    },
    Strikethrough {
        content: Vec<Inline>,
    },
    Code {
        #[serde(skip_serializing_if = "Attrs::is_empty")]
        attrs: Attrs,
        text: String,
    },
    Link(Link),
    Image(Image),
    LineBreak,
    /// An HTML element written in the Markdown (sanitised), or one kramdown makes (`sup`).
    Element(Element),
}

impl Inline {
    pub fn text(text: impl Into<String>) -> Self {
        Inline::Text { text: text.into() }
    }
}

/// A hyperlink.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Link {
    /// The target exactly as the author wrote it.
    pub href: String,
    /// Where the target lives, decided and checked at build time.
    pub target: LinkTarget,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Attrs::is_empty")]
    pub attrs: Attrs,
    pub content: Vec<Inline>,
}

impl Link {
    /// A button link marked `is-primary` is the row's main call to action.
    pub fn is_primary(&self) -> bool {
        self.attrs.has_class("is-primary")
    }
}

/// What kind of place a link goes to, which decides how the app follows it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkTarget {
    /// A page of this site: followed by the client-side router.
    Page,
    /// A file of this site (a PDF, an image): loaded by the browser.
    File,
    /// Another site, `mailto:` and the like.
    #[default]
    External,
    /// An anchor on the same page (`#our-mission`).
    Anchor,
}

/// An image.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Image {
    pub src: String,
    pub alt: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Attrs::is_empty")]
    pub attrs: Attrs,
}

/// HTML attributes set in the Markdown with a kramdown attribute list (`{: #id .class key="v"}`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Attrs {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub classes: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub other: Vec<(String, String)>,
}

impl Attrs {
    pub fn is_empty(&self) -> bool {
        self.id.is_none() && self.classes.is_empty() && self.other.is_empty()
    }

    pub fn has_class(&self, class: &str) -> bool {
        self.classes.iter().any(|c| c == class)
    }

    /// The `class` attribute value, if any class is set.
    pub fn class_attr(&self) -> Option<String> {
        (!self.classes.is_empty()).then(|| self.classes.join(" "))
    }

    /// Adds `other` on top of these attributes, the way a later attribute list overrides an
    /// earlier one: the id and key-value pairs are replaced, classes accumulate.
    pub fn merge(&mut self, other: Attrs) {
        if other.id.is_some() {
            self.id = other.id;
        }
        for class in other.classes {
            if !self.has_class(&class) {
                self.classes.push(class);
            }
        }
        for (key, value) in other.other {
            match self.other.iter_mut().find(|(k, _)| *k == key) {
                Some(slot) => slot.1 = value,
                None => self.other.push((key, value)),
            }
        }
    }
}

/// The visible text of inline content, for document titles and accessible names.
pub fn plain_text(content: &[Inline]) -> String {
    let mut out = String::new();
    for inline in content {
        match inline {
            Inline::Text { text } | Inline::Code { text, .. } => out.push_str(text),
            Inline::Emphasis { content, .. }
            | Inline::Strong { content, .. }
            | Inline::Strikethrough { content } => out.push_str(&plain_text(content)),
            Inline::Link(link) => out.push_str(&plain_text(&link.content)),
            Inline::Image(image) => out.push_str(&image.alt),
            Inline::LineBreak => out.push(' '),
            Inline::Element(element) => match &element.content {
                ElementContent::Inlines(content) => out.push_str(&plain_text(content)),
                ElementContent::Blocks(_) => {}
            },
        }
    }
    out
}
