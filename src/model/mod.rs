//! The browser's data: what the build step puts in every page and in the data files, and the app
//! reads back (the site's settings, the interface's words, a page's metadata and drawn body).
//!
//! The build writes it with serde; the browser reads it with the small reader in [`json`]. Each
//! type is declared once, inside `wire!`, which gives it both. The page body's tree, which only
//! the build step knows, is `crate::content::body`.

pub mod json;
pub mod site_data;

use json::wire;

pub use site_data::SiteData;

/// The language of pages that carry no other: they live at the root of the site.
pub const DEFAULT_LANG: &str = "en";

wire! {
/// Site-wide settings, from `content/site.yml` and the language files.
#[derive(Clone, Debug, PartialEq)]
pub struct SiteConfig {
    /// The name in the header, the footer and every document title.
    pub name: String,
    /// Absolute URL of the deployed site, for canonical links and the sitemap.
    pub base_url: String,
    /// The site's languages; the first is the default, whose pages live at the root.
    pub languages: Vec<Language>,
}

/// One of the site's languages.
#[derive(Clone, Debug, PartialEq)]
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
#[derive(Clone, Debug, Default, PartialEq)]
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
#[derive(Clone, Debug, PartialEq)]
pub struct NavLink {
    pub label: String,
    /// A route of this site (`/data/`) or an absolute URL of another site.
    pub href: String,
}

/// A language version of a page.
#[derive(Clone, Debug, PartialEq)]
pub struct Translation {
    pub lang: String,
    /// The address that shows it: its route, or its language's root for a home page.
    pub path: String,
}

/// A page as the browser receives it: what its hero shows, and its body already drawn to HTML at
/// build time by the body components (`crate::build::page_body`).
#[derive(Clone, Debug, PartialEq)]
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
#[derive(Clone, Debug, PartialEq)]
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
#[derive(Clone, Debug, PartialEq)]
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
#[derive(Clone, Debug, Default, PartialEq)]
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
}

impl SiteConfig {
    /// The code of the default language (`en`).
    pub fn default_lang(&self) -> &str {
        self.languages.first().map_or(DEFAULT_LANG, |l| &l.code)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::json::{self, FromJson};
    use crate::urls::BaseUrl;

    fn round_trip<T: serde::Serialize + FromJson + PartialEq + std::fmt::Debug>(value: &T) {
        let text = serde_json::to_string(value).unwrap();
        let parsed = json::parse(&text).unwrap();
        assert_eq!(&T::from_json(parsed).unwrap(), value, "{text}");
    }

    #[test]
    fn site_data_with_every_optional_part_reads_back_equal() {
        let source = |media: Option<&str>| ImageSource {
            mime: "image/webp".into(),
            media: media.map(str::to_owned),
            files: vec![("/a-480.webp".into(), 480), ("/a-720.webp".into(), 720)],
            sizes: "max(100vw, 46.7vh)".into(),
        };
        let page = PageData {
            route: "/about/".into(),
            meta: PageMeta {
                title: "About \"us\" </script> é".into(),
                description: Some("d".into()),
                background: Some("/a.jpg".into()),
                image_license: Some("SCC".into()),
                height: Some("70vh".into()),
                lang_ref: Some("about".into()),
                lang: "en".into(),
                permalink: Some("/about/".into()),
            },
            hero_image: Some(ResponsiveImage {
                width: 1920,
                height: 1080,
                sources: vec![source(Some("(max-aspect-ratio: 70/100)")), source(None)],
                fallback: source(None),
            }),
            translations: vec![
                Translation {
                    lang: "en".into(),
                    path: "/".into(),
                },
                Translation {
                    lang: "es".into(),
                    path: "/es/".into(),
                },
            ],
            body_html: "<h2 id=\"x\">X</h2>\n<p>y</p>".into(),
        };
        let ui = UiText {
            lang: "en".into(),
            nav: vec![NavLink {
                label: "About".into(),
                href: "/".into(),
            }],
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
                    home: Some("/about/".into()),
                },
                Language {
                    code: "es".into(),
                    name: "Español".into(),
                    home: None,
                },
            ],
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
        let page =
            r#"{"route": "/x/", "meta": {"lang": "en"}, "translations": [], "body_html": ""}"#;
        assert_eq!(
            PageData::from_json(json::parse(page).unwrap()),
            None,
            "no title"
        );
        let page = r#"{"route": "/x/", "meta": {"title": "T", "lang": "en"}, "translations": [], "body_html": 3}"#;
        assert_eq!(
            PageData::from_json(json::parse(page).unwrap()),
            None,
            "a number for the body"
        );
    }
}
