//! The site's content as it travels to the browser: JSON inside the HTML page, written by the
//! build step and read by the app when it starts. Nothing in the browser parses Markdown.

use super::json::{self, FromJson, wire};
use super::{PageData, SiteConfig, UiText};
use crate::urls::BaseUrl;

/// The id of the `<script type="application/json">` element that carries the data.
pub const ELEMENT_ID: &str = "site-data";

/// The session storage key with which the page's loader asks the app to draw the page afresh,
/// because taking over the prerendered HTML failed.
pub const CLEAN_RENDER_KEY: &str = "scc-clean-render";

/// The session storage key with which the app remembers that it loaded an address as an ordinary
/// page because its data was missing (see `app::state`), until that page has started.
pub const PAGE_LOAD_KEY: &str = "scc-page-load";

wire! {
/// Everything the app starts from: the site's settings, the interface's words in the page's
/// language, and the page itself. Other pages are fetched when the visitor goes to them.
#[derive(Clone, Debug, PartialEq, Hash)]
pub struct SiteData {
    /// Where the site is deployed.
    pub base: BaseUrl,
    pub config: SiteConfig,
    pub ui: UiText,
    /// The page this HTML shows (on `404.html`, the "not found" page). Its parts' HTML is left
    /// empty: the body is in the HTML already, and the app reads it from there.
    pub page: Option<PageData>,
}
}

impl SiteData {
    /// The data as an HTML element. `<` is written as `\u003c` so that no text in the content
    /// can close the element early.
    pub fn to_script_element(&self) -> String {
        let json = serde_json::to_string(self).expect("the page model always serializes");
        format!(
            r#"<script id="{ELEMENT_ID}" type="application/json">{}</script>"#,
            json.replace('<', "\\u003c")
        )
    }

    /// Reads the data back from the text of that element.
    pub fn read(text: &str) -> Result<Self, String> {
        json::parse(text)
            .and_then(<Self as FromJson>::from_json)
            .ok_or_else(|| "the site data in this page is damaged".to_owned())
    }
}

/// Reads the data from the current document.
#[cfg(target_arch = "wasm32")]
pub fn from_document() -> Result<SiteData, String> {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(ELEMENT_ID))
        .ok_or_else(|| format!("this page has no site data (no #{ELEMENT_ID} element); rebuild it with `trunk build`"))?;
    SiteData::read(&element.text_content().unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Language;

    #[test]
    fn content_cannot_close_the_script_element() {
        let data = SiteData {
            base: BaseUrl::default(),
            config: SiteConfig {
                name: "</script><script>alert(1)</script>".into(),
                base_url: "https://example.org".into(),
                languages: vec![Language {
                    code: "en".into(),
                    name: "English".into(),
                    dir: "ltr".into(),
                    logo: None,
                    logo_width: None,
                    not_found: None,
                    tag: None,
                }],
                logo_and_title: false,
                record_routes: Vec::new(),
            },
            ui: UiText::default(),
            page: None,
        };
        let element = data.to_script_element();
        assert_eq!(element.matches("</script>").count(), 1);
        let json = element
            .trim_start_matches(&format!(
                r#"<script id="{ELEMENT_ID}" type="application/json">"#
            ))
            .trim_end_matches("</script>");
        assert_eq!(SiteData::read(json).unwrap(), data);
    }

    #[test]
    fn damaged_data_is_an_error_not_a_panic() {
        assert_eq!(
            SiteData::read("{\"base\":").unwrap_err(),
            "the site data in this page is damaged"
        );
    }
}
