//! `content/site.yml`: the settings of the whole site (name, address, languages, home page,
//! navigation).

use super::diagnostics::{Diagnostic, Position};
use super::yaml;

/// The settings as written, with page references still to be checked against the pages.
#[derive(Clone, Debug, PartialEq)]
pub struct SiteSettings {
    pub name: String,
    /// Absolute URL of the deployed site (`https://www.specifysoftware.org`), without a slash at
    /// the end.
    pub url: String,
    /// Language codes; the first is the default, whose pages live at the root of the site.
    pub languages: Vec<String>,
    pub languages_at: Position,
    /// Content file of the home page, relative to `content/` (`about.md`).
    pub home: String,
    pub home_at: Position,
    pub nav: Vec<NavEntry>,
}

/// One entry of the main navigation, as written: its label comes from each language's file.
#[derive(Clone, Debug, PartialEq)]
pub struct NavEntry {
    /// The name under which the language files give the entry's label (`about`).
    pub key: String,
    pub target: NavTarget,
    pub at: Position,
}

#[derive(Clone, Debug, PartialEq)]
pub enum NavTarget {
    /// A content file, relative to `content/`; each language links to its own version.
    Page(String),
    Url(String),
}

const KEYS: [&str; 5] = ["name", "url", "languages", "home", "nav"];

/// Reads and checks the settings file `file`.
pub fn read(file: &str, text: &str, diagnostics: &mut Vec<Diagnostic>) -> Option<SiteSettings> {
    let document = yaml::mapping(file, text, 1, "the site settings", diagnostics)?;
    let entries = document.entries().unwrap_or_default();
    let errors_before = diagnostics.len();
    let (mut name, mut url, mut home, mut nav) = (None, None, None, Vec::new());
    let (mut languages, mut languages_at) =
        (vec![crate::model::DEFAULT_LANG.to_owned()], Position::START);
    for (key, key_node, value) in entries {
        match key.as_str() {
            "name" => name = yaml::required_text_of(file, &key, &value, diagnostics),
            "url" => {
                url = yaml::required_text_of(file, &key, &value, diagnostics).and_then(|u| {
                    let ok = (u.starts_with("https://") || u.starts_with("http://")) && !u.contains(char::is_whitespace);
                    if !ok {
                        diagnostics.push(
                            Diagnostic::error(file, value.at, format!("`url` must be an absolute http(s) address, found `{u}`"))
                                .with_hint("write the address the site is deployed at, such as `https://www.specifysoftware.org`"),
                        );
                    }
                    ok.then(|| u.trim_end_matches('/').to_owned())
                })
            }
            "languages" => {
                languages_at = value.at;
                if let Some(codes) = read_languages(file, &value, diagnostics) {
                    languages = codes;
                }
            }
            "home" => home = yaml::required_text_of(file, &key, &value, diagnostics).map(|h| (h, value.at)),
            "nav" => nav = read_nav(file, &value, diagnostics),
            _ => diagnostics.push(yaml::unknown_key(file, &key, key_node.at, &KEYS, "setting")),
        }
    }
    for (key, missing) in [
        ("name", name.is_none()),
        ("url", url.is_none()),
        ("home", home.is_none()),
    ] {
        let already_reported = diagnostics[errors_before..]
            .iter()
            .any(|d| d.message.contains(&format!("`{key}`")));
        if missing && !already_reported {
            diagnostics.push(
                Diagnostic::error(
                    file,
                    Position::START,
                    format!("the site settings have no `{key}`"),
                )
                .with_hint(match key {
                    "name" => "add `name: Specify Collections Consortium`",
                    "url" => "add `url: https://www.specifysoftware.org`",
                    _ => "add `home: about.md`, the content file shown at `/`",
                }),
            );
        }
    }
    let (home, home_at) = home?;
    Some(SiteSettings {
        name: name?,
        url: url?,
        languages,
        languages_at,
        home,
        home_at,
        nav,
    })
}

/// `languages: [en, es]`: language codes, each once.
fn read_languages(
    file: &str,
    value: &yaml::Node,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Vec<String>> {
    let hint = "write the language codes as a list, the default first: `languages: [en, es]`";
    let Some(items) = yaml::items(value.node, 1) else {
        diagnostics.push(
            Diagnostic::error(
                file,
                value.at,
                "`languages` must be a list of language codes",
            )
            .with_hint(hint),
        );
        return None;
    };
    let mut codes: Vec<String> = Vec::new();
    for item in items {
        match yaml::text(item.node) {
            Ok(Some(code)) if is_language_code(&code) && !codes.contains(&code) => codes.push(code),
            Ok(Some(code)) if codes.contains(&code) => diagnostics.push(Diagnostic::error(
                file,
                item.at,
                format!("the language `{code}` is listed twice"),
            )),
            _ => diagnostics.push(
                Diagnostic::error(
                    file,
                    item.at,
                    "a language must be a code such as `en`, `es` or `pt-BR`",
                )
                .with_hint(hint),
            ),
        }
    }
    (!codes.is_empty()).then_some(codes)
}

/// A BCP 47 tag of the simple kind a site uses: `es`, `pt-BR`, `zh-Hant`.
pub fn is_language_code(code: &str) -> bool {
    let mut parts = code.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

fn read_nav(file: &str, value: &yaml::Node, diagnostics: &mut Vec<Diagnostic>) -> Vec<NavEntry> {
    let hint = "write each entry as `- key: about` with `page: about.md` or `url: https://...` under it; \
                the label comes from each language file's `nav`";
    let Some(items) = yaml::items(value.node, 1) else {
        diagnostics.push(
            Diagnostic::error(file, value.at, "`nav` must be a list of entries").with_hint(hint),
        );
        return Vec::new();
    };
    let mut nav: Vec<NavEntry> = Vec::new();
    for item in items {
        let Ok(fields) = yaml::entries(item.node, 1) else {
            diagnostics.push(
                Diagnostic::error(file, item.at, "a navigation entry must have a `key`")
                    .with_hint(hint),
            );
            continue;
        };
        let field = |name: &str| {
            fields
                .iter()
                .find(|(k, _, _)| k == name)
                .and_then(|(_, _, v)| yaml::text(v.node).ok().flatten())
        };
        let target = match (field("page"), field("url")) {
            (Some(page), None) => NavTarget::Page(page),
            (None, Some(url)) if super::links::is_unsafe(&url) => {
                diagnostics.push(
                    Diagnostic::error(file, item.at, format!("unsafe link target `{url}`"))
                        .with_hint("links may not use `javascript:`, `vbscript:` or `data:` URLs"),
                );
                continue;
            }
            (None, Some(url)) => NavTarget::Url(url),
            _ => {
                diagnostics.push(
                    Diagnostic::error(
                        file,
                        item.at,
                        "a navigation entry needs either `page` or `url`",
                    )
                    .with_hint(hint),
                );
                continue;
            }
        };
        match field("key") {
            Some(key) if nav.iter().any(|e| e.key == key) => diagnostics.push(Diagnostic::error(
                file,
                item.at,
                format!("two navigation entries have the key `{key}`"),
            )),
            Some(key) => nav.push(NavEntry {
                key,
                target,
                at: item.at,
            }),
            None => diagnostics.push(
                Diagnostic::error(file, item.at, "a navigation entry must have a `key`")
                    .with_hint(hint),
            ),
        }
    }
    nav
}

#[cfg(test)]
mod tests {
    use super::*;

    const SETTINGS: &str = "name: Specify Collections Consortium\nurl: https://www.specifysoftware.org/\nlanguages: [en, es]\nhome: about.md\nnav:\n  - key: about\n    page: about.md\n  - key: forum\n    url: https://discourse.specifysoftware.org/\n";

    #[test]
    fn reads_name_url_languages_home_and_navigation() {
        let mut diagnostics = Vec::new();
        let settings = read("content/site.yml", SETTINGS, &mut diagnostics).unwrap();
        assert_eq!(diagnostics, []);
        assert_eq!(settings.name, "Specify Collections Consortium");
        assert_eq!(settings.url, "https://www.specifysoftware.org");
        assert_eq!(settings.languages, ["en", "es"]);
        assert_eq!(settings.home, "about.md");
        assert_eq!(settings.nav[0].key, "about");
        assert_eq!(settings.nav[0].target, NavTarget::Page("about.md".into()));
        assert_eq!(settings.nav[0].at, Position::new(6, 5));
        assert_eq!(
            settings.nav[1].target,
            NavTarget::Url("https://discourse.specifysoftware.org/".into())
        );
    }

    #[test]
    fn a_navigation_url_that_runs_code_is_an_error() {
        let mut diagnostics = Vec::new();
        let text = "name: S\nurl: https://e.org\nhome: a.md\nnav:\n  - key: x\n    url: \" JavaScript:alert(1)\"\n";
        let settings = read("content/site.yml", text, &mut diagnostics).unwrap();
        assert!(settings.nav.is_empty());
        assert_eq!(
            diagnostics
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>(),
            [
                "content/site.yml:5:5: error: unsafe link target `JavaScript:alert(1)`\n  = hint: links may not use `javascript:`, `vbscript:` or `data:` URLs"
            ]
        );
    }

    #[test]
    fn one_language_is_the_default() {
        let mut diagnostics = Vec::new();
        let settings = read(
            "content/site.yml",
            "name: S\nurl: https://e.org\nhome: a.md\n",
            &mut diagnostics,
        )
        .unwrap();
        assert_eq!(settings.languages, ["en"]);
    }

    #[test]
    fn missing_and_malformed_settings_are_errors() {
        let mut diagnostics = Vec::new();
        let text = "name: SCC\nurl: www.example.org\nlanguages: [en, EN, en]\nnav:\n  - key: x\n";
        assert!(read("content/site.yml", text, &mut diagnostics).is_none());
        let messages: Vec<String> = diagnostics
            .iter()
            .map(|d| format!("{}:{} {}", d.line, d.column, d.message))
            .collect();
        assert_eq!(
            messages,
            [
                "2:6 `url` must be an absolute http(s) address, found `www.example.org`",
                "3:17 a language must be a code such as `en`, `es` or `pt-BR`",
                "3:21 the language `en` is listed twice",
                "5:5 a navigation entry needs either `page` or `url`",
                "1:1 the site settings have no `home`",
            ]
        );
    }

    #[test]
    fn language_codes_are_bcp47_tags() {
        for good in ["en", "es", "pt-BR", "zh-Hant", "ast"] {
            assert!(is_language_code(good), "{good}");
        }
        for bad in ["EN", "e", "english", "es_ES", ""] {
            assert!(!is_language_code(bad), "{bad}");
        }
    }
}
