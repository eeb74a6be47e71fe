//! What the content compiler produces: the whole site, checked, ready for the build step.

use super::body::blocks::PageBlock;
use super::diagnostics::Position;
use super::repository::icons::Icons;
use super::theme::analytics::Analytics;
use super::theme::footer::Footer;
use super::theme::gbif::Widgets;
use crate::model::{PageMeta, SiteConfig, Translation, UiText};
use crate::routes;

/// Where each image of the site (by its path in the site) is first written: the file and the
/// position.
pub type ImageSources = std::collections::BTreeMap<String, (String, Position)>;

/// The whole site, as the content compiler produces it.
#[derive(Clone, Debug, PartialEq, Hash)]
pub struct Site {
    pub config: SiteConfig,
    /// The site's description (`_config.yml`), for its feeds.
    pub description: Option<String>,
    /// Each language's interface words and navigation (its `footer_html` left for the build to
    /// draw from `footer`), in the order of `config.languages`.
    pub languages: Vec<LanguageTexts>,
    pub pages: Vec<Page>,
    /// The site's own files, copied as they are: their addresses (`/assets/images/moss.jpg`).
    pub static_files: Vec<String>,
    /// The files of `static_files` served elsewhere than their path in the repository: address
    /// and path.
    pub static_sources: std::collections::BTreeMap<String, String>,
    /// The brand colour (`algae.style.colors.primary`), a checked CSS colour.
    pub primary_color: Option<String>,
    /// Square corners rather than round ones (`algae.style.square`).
    pub square: bool,
    /// The other sites the pages show images from (`https://www.gbif.org`), which the site's
    /// Content-Security-Policy must allow, and no others.
    pub image_origins: Vec<String>,
    /// The other sites the pages play videos and sounds from, for the policy's `media-src`.
    pub media_origins: Vec<String>,
    /// The other sites the pages' forms send to, for the policy's `form-action`.
    pub form_origins: Vec<String>,
    /// The origins the pages' live counts are fetched from (GBIF's API), for `connect-src`.
    pub count_origins: Vec<String>,
    /// The hosts whose players the pages embed (`www.youtube.com`), for the policy's
    /// `frame-src`.
    pub frame_hosts: Vec<String>,
    /// The logos the header draws on a light plate, by their site paths (set by the build, see
    /// `build::logos`).
    pub logos_on_light: Vec<String>,
    /// The repository's own icons and web manifest (`/favicon.ico`, `/site.webmanifest`).
    pub icons: Icons,
    /// The visitor statistics the repository configures, if any.
    pub analytics: Analytics,
    /// GBIF's widgets on the data pages, when the site includes them (`gbif_widgets: true`).
    pub gbif_widgets: Option<Widgets>,
    /// Where each image of the site (by its path in the site) is first written, for the build's
    /// messages about it.
    pub image_sources: ImageSources,
    /// Whether what Jekyll builds through is an error (`strict: true`), the build's too.
    pub strict: bool,
    /// The sub-path the site is deployed under (`/scc`; empty at the domain's root): `baseurl`,
    /// or the build's own `--public-url`.
    pub base: String,
    /// The search dialog's words in each language, by the language's tag (as pages' `lang`
    /// give it), as a JSON object (see `site_wide::site_index::words`).
    pub search_words: String,
}

/// A language's words, navigation and footer.
#[derive(Clone, Debug, PartialEq, Hash)]
pub struct LanguageTexts {
    pub ui: UiText,
    pub footer: Footer,
    /// The word before an image's credit ("Image:"), drawn at build time.
    pub image_credit: String,
    /// What introduces the list of a page's other languages at its end, drawn at build time.
    pub different_language: String,
    /// The news archive filter's first entry ("All") and its name.
    pub all_categories: String,
    pub category_filter: String,
}

impl Site {
    /// The page served at `path`, accepting it with or without its trailing slash.
    pub fn page_at(&self, path: &str) -> Option<&Page> {
        let key = routes::route_key(path);
        self.pages
            .iter()
            .find(|p| routes::route_key(&p.route) == key)
    }

    /// The words and navigation of `lang` (the root language's when it has none).
    pub fn texts(&self, lang: &str) -> &LanguageTexts {
        self.languages
            .iter()
            .find(|t| t.ui.lang == lang)
            .or(self.languages.first())
            .expect("a site has at least one language")
    }
}

/// One page: its metadata and its blocks.
#[derive(Clone, Debug, PartialEq, Hash)]
pub struct Page {
    /// Where the page lives, as Jekyll computes it (`/about/`, `/privacy`, `/`).
    pub route: String,
    /// The file, inside the output folder, that serves it (`/about/index.html`, `/privacy.html`).
    pub output: String,
    /// The content file it came from, as messages name it (`content/about.md`).
    pub source: String,
    pub meta: PageMeta,
    /// What the document's `<head>` says of it.
    pub head: PageHead,
    /// Every language version of the page (itself included), in the site's language order.
    pub translations: Vec<Translation>,
    pub blocks: Vec<PageBlock>,
    /// What a post has besides a page's.
    pub post: Option<PostInfo>,
}

/// A post's date, categories, excerpt and image, for the news pages and feeds.
#[derive(Clone, Debug, PartialEq, Hash)]
pub struct PostInfo {
    /// In UTC.
    pub date: time::OffsetDateTime,
    /// The date as the post's language writes it.
    pub written_date: String,
    pub categories: Vec<String>,
    /// The text of its excerpt (its first paragraph, or up to `excerpt_separator`).
    pub excerpt: String,
    /// Its `thumbnail` or `background`.
    pub image: Option<String>,
    pub pre_title: Option<String>,
    /// Whether the news archive lists it (not `excludeFromArchive`).
    pub in_archive: bool,
}

/// A page's description and preview image, for search engines and link previews.
#[derive(Clone, Debug, Default, PartialEq, Hash)]
pub struct PageHead {
    pub description: Option<String>,
    /// A path of the site or an address on another site.
    pub image: Option<String>,
    /// Pages that search engines should not index (a "not found" page).
    pub noindex: bool,
}
