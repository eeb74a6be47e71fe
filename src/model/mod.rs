//! The browser's data: what the build step puts in every page and in the data files, and the app
//! reads back (the site's settings, the interface's words, a page's metadata and drawn body).
//!
//! The build writes it with serde; the browser reads it with the small reader in [`json`]. Each
//! type is declared once, inside `wire!`, which gives it both. The page body's tree, which only
//! the build step knows, is `crate::content::body`.

pub mod json;
pub mod site_data;

use json::wire;

/// The language of pages that carry no other: they live at the root of the site.
pub const DEFAULT_LANG: &str = "en";

wire! {
/// Site-wide settings, from `_config.yml` and `_data/languages.yml`.
#[derive(Clone, Debug, PartialEq, Hash)]
pub struct SiteConfig {
    /// The name in the header, the footer and every document title (`title` in `_config.yml`).
    pub name: String,
    /// Absolute URL of the deployed site, for canonical links and the sitemap.
    pub base_url: String,
    /// The site's languages; the first is the root language (`algae.rootLang`), whose pages
    /// live at the root of the site.
    pub languages: Vec<Language>,
    /// Whether the name is written beside the logo (`algae.logoAndTitle`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub logo_and_title: bool,
    /// The routes of the GBIF record pages (`/institution/_key_`) and of the other pages in
    /// their folders (see [`crate::routes::record_routes`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub record_routes: Vec<String>,
}

/// One of the site's languages.
#[derive(Clone, Debug, PartialEq, Hash)]
pub struct Language {
    /// Its key: the folder of its pages (`es`) and the `lang` of their front matter.
    pub code: String,
    /// The BCP 47 tag its pages are marked with (`lang`, `hreflang`) where that is not `code`
    /// (`languageCode` in `_data/languages.yml`: `niu` for the pages in `/nu/`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
    /// Its name in itself (`Español`), for the language switcher.
    pub name: String,
    /// `rtl` for languages written right to left, `ltr` otherwise.
    pub dir: String,
    /// Site path of the logo in the header in this language (`logo` in `_data/languages.yml`,
    /// or `algae.logo`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub logo: Option<String>,
    /// The logo's width where it is drawn 28 pixels high, when known (so that nothing moves as
    /// it loads).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub logo_width: Option<u32>,
    /// Route of the page shown where no page is, in this language (its `pageNotFound` page).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub not_found: Option<String>,
}

/// The interface's own words in one language (`_data/translations.yml`), and the navigation and
/// footer as they read in that language (`_data[/<lang>]/navigation.yml`, `footer.yml`).
#[derive(Clone, Debug, Default, PartialEq, Hash)]
pub struct UiText {
    pub lang: String,
    pub nav: Vec<NavItem>,
    /// The footer, drawn at build time (it holds Markdown and never changes in the browser).
    pub footer_html: String,
    pub skip_link: String,
    pub main_navigation: String,
    /// The label of the button that opens the navigation on small screens.
    pub menu: String,
    pub language_switcher: String,
    /// The heading of a table of contents.
    pub toc_title: String,
    /// "Home", for the logo's link.
    pub home: String,
    pub loading: String,
    pub load_failed: String,
    pub offline: String,
    pub timed_out: String,
    pub server_error: String,
    pub damaged_data: String,
    pub retry: String,
}

/// One entry of the navigation bar: a link, or a menu of links (one level deep).
#[derive(Clone, Debug, PartialEq, Hash)]
pub struct NavItem {
    pub label: String,
    /// A path of this site (`/about`) or an address of another site; none for a menu.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub href: Option<String>,
    pub menu: Vec<MenuEntry>,
}

/// One entry of a navigation menu: a link, a heading (no address) or a divider.
#[derive(Clone, Debug, PartialEq, Hash)]
pub struct MenuEntry {
    pub label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub href: Option<String>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub divider: bool,
}

/// A language version of a page.
#[derive(Clone, Debug, PartialEq, Hash)]
pub struct Translation {
    pub lang: String,
    /// The page's address.
    pub path: String,
}

/// A page as the browser receives it: its metadata and its body, drawn to HTML at build time by
/// the body components (`crate::build::page_body`).
#[derive(Clone, Debug, PartialEq, Hash)]
pub struct PageData {
    /// The page's address as Jekyll gives it (`/about/`, `/privacy`, `/`).
    pub route: String,
    pub meta: PageMeta,
    pub translations: Vec<Translation>,
    pub parts: Vec<BodyPart>,
}

/// A run of the page's blocks, drawn to HTML; the page's Markdown with a table of contents is a
/// part of its own, since its table of contents is a live component.
#[derive(Clone, Debug, PartialEq, Hash)]
pub struct BodyPart {
    pub html: String,
    /// The headings listed beside the part; none for a part without a table of contents.
    pub toc: Vec<TocEntry>,
}

/// A heading in a table of contents.
#[derive(Clone, Debug, PartialEq, Hash)]
pub struct TocEntry {
    pub id: String,
    pub text: String,
    /// 2 for `<h2>`, and so on.
    pub level: u8,
}

/// What the app needs to know of a page besides its body.
#[derive(Clone, Debug, Default, PartialEq, Hash)]
pub struct PageMeta {
    pub title: String,
    /// BCP 47 language tag of the page (`en`, `es`).
    pub lang: String,
    /// Whether this is a "page not found" page (layout `pageNotFound`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub not_found: bool,
}
}

impl SiteConfig {
    /// The code of the default language (`en`).
    pub fn default_lang(&self) -> &str {
        self.languages.first().map_or(DEFAULT_LANG, |l| &l.code)
    }

    pub fn language(&self, code: &str) -> Option<&Language> {
        self.languages.iter().find(|l| l.code == code)
    }

    /// The tag pages in the language `code` are marked with (`lang`, `hreflang`).
    pub fn tag_of(&self, code: &str) -> String {
        self.language(code)
            .and_then(|l| l.tag.clone())
            .unwrap_or_else(|| code.to_owned())
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::json::{self, FromJson};
    use crate::model::site_data::SiteData;
    use crate::urls::BaseUrl;

    fn round_trip<T: serde::Serialize + FromJson + PartialEq + std::fmt::Debug>(value: &T) {
        let text = serde_json::to_string(value).unwrap();
        let parsed = json::parse(&text).unwrap();
        assert_eq!(&T::from_json(parsed).unwrap(), value, "{text}");
    }

    #[test]
    fn site_data_with_every_optional_part_reads_back_equal() {
        let page = PageData {
            route: "/about/".into(),
            meta: PageMeta {
                title: "About \"us\" </script> é".into(),
                lang: "en".into(),
                not_found: true,
            },
            translations: vec![
                Translation {
                    lang: "en".into(),
                    path: "/about/".into(),
                },
                Translation {
                    lang: "es".into(),
                    path: "/es/acerca/".into(),
                },
            ],
            parts: vec![
                BodyPart {
                    html: "<header>x</header>".into(),
                    toc: Vec::new(),
                },
                BodyPart {
                    html: "<h2 id=\"x\">X</h2>\n<p>y</p>".into(),
                    toc: vec![TocEntry {
                        id: "x".into(),
                        text: "X".into(),
                        level: 2,
                    }],
                },
            ],
        };
        let ui = UiText {
            lang: "en".into(),
            nav: vec![
                NavItem {
                    label: "About".into(),
                    href: Some("/about".into()),
                    menu: Vec::new(),
                },
                NavItem {
                    label: "Data".into(),
                    href: None,
                    menu: vec![
                        MenuEntry {
                            label: "Docs".into(),
                            href: None,
                            divider: false,
                        },
                        MenuEntry {
                            label: String::new(),
                            href: None,
                            divider: true,
                        },
                        MenuEntry {
                            label: "Occurrences".into(),
                            href: Some("/occurrence/search".into()),
                            divider: false,
                        },
                    ],
                },
            ],
            footer_html: "<p>Footer</p>".into(),
            skip_link: "Skip".into(),
            retry: "Try again".into(),
            ..UiText::default()
        };
        let config = SiteConfig {
            name: "SCC".into(),
            base_url: "https://example.org".into(),
            languages: vec![
                Language {
                    code: "en".into(),
                    name: "English".into(),
                    dir: "ltr".into(),
                    logo: Some("/logo.png".into()),
                    logo_width: Some(28),
                    not_found: Some("/404".into()),
                    tag: None,
                },
                Language {
                    code: "ar".into(),
                    name: "العربية".into(),
                    dir: "rtl".into(),
                    logo: None,
                    logo_width: None,
                    not_found: None,
                    tag: Some("ar-EG".into()),
                },
            ],
            record_routes: vec!["/institution/_key_".into(), "/institution/search".into()],
            logo_and_title: true,
        };
        round_trip(&SiteData {
            base: BaseUrl::new("/scc"),
            config: config.clone(),
            ui: ui.clone(),
            page: Some(page),
        });
        round_trip(&SiteData {
            base: BaseUrl::default(),
            config,
            ui,
            page: None,
        });
    }

    #[test]
    fn a_wrong_shape_is_rejected() {
        let page = r#"{"route": "/x/", "meta": {"lang": "en"}, "translations": [], "parts": []}"#;
        assert_eq!(
            PageData::from_json(json::parse(page).unwrap()),
            None,
            "no title"
        );
        let page = r#"{"route": "/x/", "meta": {"title": "T", "lang": "en"}, "translations": [], "parts": [{"html": 3, "toc": []}]}"#;
        assert_eq!(
            PageData::from_json(json::parse(page).unwrap()),
            None,
            "a number for the body"
        );
    }
}
