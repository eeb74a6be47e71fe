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
    SiteData { base, config, pages }
    SiteConfig { name, base_url, home, nav }
    NavLink { label, href }
    PageData { route, meta, hero_image, body_html }
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
        let full = PageData {
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
            body_html: "<h2 id=\"x\">X</h2>\n<p>y</p>".into(),
        };
        let bare = PageData {
            route: "/data/".into(),
            meta: PageMeta {
                title: "Data".into(),
                lang: "en".into(),
                ..PageMeta::default()
            },
            hero_image: None,
            body_html: String::new(),
        };
        round_trip(&SiteData {
            base: "/scc".into(),
            config: SiteConfig {
                name: "SCC".into(),
                base_url: "https://example.org".into(),
                home: "/about/".into(),
                nav: vec![NavLink {
                    label: "About".into(),
                    href: "/".into(),
                }],
            },
            pages: vec![full, bare],
        });
    }

    #[test]
    fn a_wrong_shape_is_rejected() {
        let page = r#"{"route": "/x/", "meta": {"lang": "en"}, "body_html": ""}"#;
        assert_eq!(
            PageData::from_json(json::parse(page).unwrap()),
            None,
            "no title"
        );
        let page = r#"{"route": "/x/", "meta": {"title": "T", "lang": "en"}, "body_html": 3}"#;
        assert_eq!(
            PageData::from_json(json::parse(page).unwrap()),
            None,
            "a number for the body"
        );
    }
}
