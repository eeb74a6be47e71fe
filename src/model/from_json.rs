//! Reading the page model from JSON in the browser, in exactly the shape serde writes it at build
//! time (see `crate::json` for why this is not serde). A test reads every real page back.

use super::*;
use crate::json::{FromJson, Json};
use crate::site_data::SiteData;

/// Implements `FromJson` for a struct by taking each field out of a JSON object by its name.
macro_rules! struct_from_json {
    ($($type:ident { $($field:ident),* $(,)? })*) => {$(
        impl FromJson for $type {
            fn from_json(mut json: Json) -> Option<Self> {
                Some(Self { $($field: json.take(stringify!($field))?),* })
            }
        }
    )*};
}

struct_from_json! {
    SiteData { base, config, ui, page }
    SiteConfig { name, base_url, languages }
    Language { code, name, home }
    UiText {
        lang, nav, skip_link, main_navigation, language_switcher, image_credit, footer_note,
        not_found_title, not_found_description, not_found_text, home_link, loading, load_failed,
        offline, timed_out, server_error, damaged_data, retry,
    }
    NavLink { label, href }
    PageData { route, meta, hero_image, translations, body_html }
    Translation { lang, path }
    ResponsiveImage { width, height, sources, fallback }
    ImageSource { mime, media, files, sizes }
    PageMeta { title, description, background, image_license, height, lang_ref, lang, permalink }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json;

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
            base: "/scc".into(),
            config: config.clone(),
            ui: ui.clone(),
            page: Some(page),
        });
        round_trip(&SiteData {
            base: String::new(),
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
