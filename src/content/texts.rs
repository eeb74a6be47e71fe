//! Each language's side of the site: its name and direction (`_data/languages.yml`), its
//! interface words (`_data/translations.yml`, over the built-in ones in `interface_words.yml`),
//! its navigation (`_data[/<lang>]/navigation.yml`) and its footer (`footer.yml`).

use std::collections::BTreeMap;

use liquid::model::Value;

use super::body::Block;
use super::diagnostics::{Diagnostic, Position};
use super::footer;
use super::links;
use super::markdown::{self, LinkRef};
use super::site::LanguageTexts;
use crate::content::repository::config::Settings;
use crate::content::repository::data::Data;
use crate::content::values::{array, at_path, get, object, text_at};
use crate::model::{Language, MenuEntry, NavItem, UiText};

/// The built-in interface words.
const INTERFACE_WORDS: &str = include_str!("interface_words.yml");

/// Languages written right to left, for those `languages.yml` gives no `dir`.
const RIGHT_TO_LEFT: [&str; 6] = ["ar", "he", "fa", "ur", "yi", "ps"];

/// Reads data values that an editor wrote, reporting problems at the data file's line and
/// noting every link for the site-wide checks.
pub struct Reader<'a> {
    pub data: &'a Data,
    pub diagnostics: &'a mut Vec<Diagnostic>,
    /// Every link, with the file it was written in.
    pub links: Vec<(String, LinkRef)>,
}

impl Reader<'_> {
    /// The file and position of the data value at `path`.
    fn at(&self, path: &str) -> (String, Position) {
        match self.data.position(path) {
            Some((file, at)) => (file.to_owned(), at),
            None => ("content/_data".to_owned(), Position::START),
        }
    }

    /// A link's address as the theme writes it (`relative_url`), unless it is unsafe (an error).
    pub fn href(&mut self, href: String, path: &str) -> Option<String> {
        let href = links::from_site_root(&href);
        let (file, at) = self.at(path);
        if links::is_unsafe(&href) {
            self.diagnostics.push(
                Diagnostic::error(&file, at, format!("unsafe link target `{href}`"))
                    .with_hint("links may not use `javascript:`, `vbscript:` or `data:` URLs"),
            );
            return None;
        }
        self.links.push((
            file,
            LinkRef {
                href: href.clone(),
                at,
                is_image: false,
            },
        ));
        Some(href)
    }

    /// Markdown written in a data value.
    pub fn markdown(&mut self, text: &str, path: &str) -> Vec<Block> {
        let (file, at) = self.at(path);
        // A block scalar (`|`) starts on the line after its key.
        let first_line = at.line + usize::from(text.contains('\n'));
        // Players are for pages, not the footer.
        let body = markdown::parse(&file, text, first_line, &[], self.diagnostics);
        self.links
            .extend(body.links.into_iter().map(|link| (file.clone(), link)));
        body.blocks
    }
}

/// The site's languages: the root language first, then those of `languages.yml`, then any other
/// a page is written in. `not_found` gives each language's "not found" page.
pub fn languages(
    settings: &Settings,
    data: &Data,
    page_langs: &[String],
    not_found: &BTreeMap<String, String>,
) -> Vec<Language> {
    let listed = get(&data.value, "languages").and_then(object);
    let mut codes = vec![settings.root_lang.clone()];
    if let Some(listed) = listed {
        // In the order of the file (Liquid's objects do not keep it).
        let mut keys: Vec<String> = listed.keys().map(|k| k.to_string()).collect();
        keys.sort_by_key(|code| {
            data.position(&format!("languages.{code}"))
                .map(|(_, at)| at)
        });
        codes.extend(keys);
    }
    codes.extend(page_langs.iter().cloned());
    let mut seen = std::collections::HashSet::new();
    codes.retain(|code| seen.insert(code.clone()));
    codes
        .into_iter()
        .map(|code| {
            let entry = listed.and_then(|l| l.get(code.as_str())).cloned();
            let entry = entry.as_ref();
            let dir = entry
                .and_then(|e| text_at(e, "dir"))
                .filter(|d| d == "rtl" || d == "ltr")
                .unwrap_or_else(|| {
                    let primary = code.split('-').next().unwrap_or("");
                    if RIGHT_TO_LEFT.contains(&primary) {
                        "rtl"
                    } else {
                        "ltr"
                    }
                    .to_owned()
                });
            Language {
                name: entry
                    .and_then(|e| text_at(e, "label"))
                    .unwrap_or_else(|| code.clone()),
                dir,
                logo: entry
                    .and_then(|e| text_at(e, "logo"))
                    .or_else(|| settings.logo.clone()),
                logo_width: None,
                not_found: not_found.get(&code).cloned(),
                code,
            }
        })
        .collect()
}

/// The words, navigation and footer of every language.
pub fn texts(
    reader: &mut Reader,
    settings: &Settings,
    languages: &[Language],
) -> Vec<LanguageTexts> {
    let data = reader.data.value.clone();
    let words = Words::new(&data, &settings.root_lang);
    languages
        .iter()
        .map(|language| {
            let lang = language.code.as_str();
            let word = |key: &str| words.get(key, lang);
            let (nav_path, nav) = per_language(&data, lang, "navigation");
            let nav = nav
                .map(|nav| navigation(reader, &nav_path, &nav))
                .unwrap_or_default();
            let (footer_path, footer_value) = per_language(&data, lang, "footer");
            let mut footer = footer_value
                .map(|f| footer::read(reader, &footer_path, &f))
                .unwrap_or_default();
            footer.social = settings.social.clone();
            LanguageTexts {
                ui: UiText {
                    lang: lang.to_owned(),
                    nav,
                    footer_html: String::new(),
                    skip_link: word("skipLink"),
                    main_navigation: word("mainNavigation"),
                    menu: word("menu"),
                    language_switcher: word("languageSelector"),
                    toc_title: word("tocTitle"),
                    home: word("home"),
                    loading: word("loading"),
                    load_failed: word("loadFailed"),
                    offline: word("offline"),
                    timed_out: word("timedOut"),
                    server_error: word("serverError"),
                    damaged_data: word("damagedData"),
                    retry: word("retry"),
                },
                footer,
                image_credit: word("imageCredit"),
                different_language: word("differentLanguage"),
                all_categories: word("allCategories"),
                category_filter: word("categoryFilter"),
            }
        })
        .collect()
}

/// The interface's words: the repository's, over the built-in ones.
pub struct Words {
    own: Value,
    builtin: Value,
    root_lang: String,
}

impl Words {
    pub fn new(data: &Value, root_lang: &str) -> Self {
        Words {
            own: get(data, "translations").cloned().unwrap_or(Value::Nil),
            builtin: crate::content::repository::yaml::Document::parse(
                "interface_words.yml",
                INTERFACE_WORDS,
                1,
                "the built-in words",
            )
            .map(|document| document.to_value().0)
            .unwrap_or(Value::Nil),
            root_lang: root_lang.to_owned(),
        }
    }

    /// The site's root language.
    pub fn root_lang(&self) -> &str {
        &self.root_lang
    }

    /// The word `key` in `lang`; failing that in the root language, then in English.
    pub fn get(&self, key: &str, lang: &str) -> String {
        let in_lang = |words: &Value, lang: &str| get(words, key).and_then(|w| text_at(w, lang));
        in_lang(&self.own, lang)
            .or_else(|| in_lang(&self.builtin, lang))
            .or_else(|| in_lang(&self.own, &self.root_lang))
            .or_else(|| in_lang(&self.builtin, &self.root_lang))
            .or_else(|| in_lang(&self.builtin, "en"))
            .unwrap_or_default()
    }
}

/// The data file `name` of a language (`de.navigation`), or the site's (`navigation`).
fn per_language(data: &Value, lang: &str, name: &str) -> (String, Option<Value>) {
    let own = format!("{lang}.{name}");
    match at_path(data, &own) {
        Some(value) if !matches!(value, Value::Nil) => (own, Some(value.clone())),
        _ => (name.to_owned(), at_path(data, name).cloned()),
    }
}

/// The navigation bar's entries, from the list at data path `path`.
fn navigation(reader: &mut Reader, path: &str, nav: &Value) -> Vec<NavItem> {
    let Some(items) = array(nav) else {
        let (file, at) = reader.at(path);
        reader.diagnostics.push(
            Diagnostic::warning(&file, at, "the navigation is not a list, so it is left out")
                .with_hint("write each entry as `- text: About` with `href: /about`"),
        );
        return Vec::new();
    };
    items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| {
            let item = item.clone();
            let label = text_at(&item, "text")?;
            let at = format!("{path}.{i}");
            let menu: Vec<MenuEntry> = get(&item, "menu")
                .and_then(array)
                .map(|menu| {
                    menu.iter()
                        .enumerate()
                        .filter_map(|(j, entry)| {
                            let entry = entry.clone();
                            let label = text_at(&entry, "text").unwrap_or_default();
                            let href = text_at(&entry, "href");
                            match href {
                                Some(href) => Some(MenuEntry {
                                    href: Some(reader.href(href, &format!("{at}.menu.{j}.href"))?),
                                    label,
                                    divider: false,
                                }),
                                None if label.contains("---") => Some(MenuEntry {
                                    label: String::new(),
                                    href: None,
                                    divider: true,
                                }),
                                None if !label.is_empty() => Some(MenuEntry {
                                    label,
                                    href: None,
                                    divider: false,
                                }),
                                None => None,
                            }
                        })
                        .collect()
                })
                .unwrap_or_default();
            // A parent with a menu opens it; its own `href`, if any, is not a link.
            let href = match (menu.is_empty(), text_at(&item, "href")) {
                (true, Some(href)) => Some(reader.href(href, &format!("{at}.href"))?),
                _ => None,
            };
            Some(NavItem { label, href, menu })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::repository::SourceFile;
    use crate::content::repository::data;

    fn site_texts(files: &[(&str, &str)]) -> (Vec<Language>, Vec<LanguageTexts>, Vec<String>) {
        let mut diagnostics = Vec::new();
        let files: Vec<SourceFile> = files.iter().map(|(p, t)| SourceFile::new(p, t)).collect();
        let data = data::read(&files, &mut diagnostics);
        let mut settings = crate::content::repository::config::read(None, &mut diagnostics);
        settings.logo = Some("/logo.png".into());
        let languages = languages(&settings, &data, &["fr".to_owned()], &BTreeMap::new());
        let mut reader = Reader {
            data: &data,
            diagnostics: &mut diagnostics,
            links: Vec::new(),
        };
        let texts = texts(&mut reader, &settings, &languages);
        // A file shared by two languages is read for each; the compiler reports each problem once.
        diagnostics.dedup();
        (
            languages,
            texts,
            diagnostics.iter().map(ToString::to_string).collect(),
        )
    }

    #[test]
    fn languages_come_from_the_settings_the_data_and_the_pages() {
        let (languages, _, problems) = site_texts(&[(
            "_data/languages.yml",
            "en:\n  label: English\nar:\n  label: العربية\nde:\n  label: Deutsch\n  logo: /de.png\n",
        )]);
        assert!(problems.is_empty(), "{problems:?}");
        let summary: Vec<(&str, &str, &str, Option<&str>)> = languages
            .iter()
            .map(|l| {
                (
                    l.code.as_str(),
                    l.name.as_str(),
                    l.dir.as_str(),
                    l.logo.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            summary,
            [
                ("en", "English", "ltr", Some("/logo.png")),
                ("ar", "العربية", "rtl", Some("/logo.png")),
                ("de", "Deutsch", "ltr", Some("/de.png")),
                ("fr", "fr", "ltr", Some("/logo.png")),
            ]
        );
    }

    #[test]
    fn navigation_has_menus_dividers_and_headings_and_is_per_language() {
        let nav = "- text: About\n  href: /about\n- text: Data\n  href: /ignored\n  menu:\n  - text: Occurrences\n    href: /occurrence/search\n  - text: \"---\"\n  - text: Docs\n  - text: Jekyll\n    href: https://jekyllrb.com/\n";
        let (_, texts, problems) = site_texts(&[
            ("_data/navigation.yml", nav),
            (
                "_data/fr/navigation.yml",
                "- text: À propos\n  href: /fr/about\n",
            ),
        ]);
        assert!(problems.is_empty(), "{problems:?}");
        let en = &texts[0].ui.nav;
        assert_eq!(en.len(), 2);
        assert_eq!(en[0].href.as_deref(), Some("/about"));
        assert_eq!(en[1].href, None, "a parent with a menu is no link");
        let menu: Vec<(&str, Option<&str>, bool)> = en[1]
            .menu
            .iter()
            .map(|m| (m.label.as_str(), m.href.as_deref(), m.divider))
            .collect();
        assert_eq!(
            menu,
            [
                ("Occurrences", Some("/occurrence/search"), false),
                ("", None, true),
                ("Docs", None, false),
                ("Jekyll", Some("https://jekyllrb.com/"), false),
            ]
        );
        let fr = texts.iter().find(|t| t.ui.lang == "fr").unwrap();
        assert_eq!(fr.ui.nav[0].label, "À propos");
    }

    #[test]
    fn words_come_from_the_repository_then_the_built_in_ones() {
        let (_, texts, _) =
            site_texts(&[("_data/translations.yml", "tocTitle:\n  en: Contents\n")]);
        assert_eq!(texts[0].ui.toc_title, "Contents");
        assert_eq!(texts[0].ui.retry, "Try again");
        let fr = texts.iter().find(|t| t.ui.lang == "fr").unwrap();
        assert_eq!(fr.ui.retry, "Réessayer");
        assert_eq!(fr.ui.toc_title, "Sur cette page");
    }

    #[test]
    fn an_unsafe_navigation_link_is_an_error_at_its_line() {
        let (_, texts, problems) = site_texts(&[(
            "_data/navigation.yml",
            "- text: A\n  href: \" JavaScript:alert(1)\"\n",
        )]);
        assert!(texts[0].ui.nav.is_empty());
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].starts_with("content/_data/navigation.yml:2:9: error: unsafe link target"),
            "{problems:?}"
        );
    }

    #[test]
    fn footer_columns_hold_markdown_links_and_social_accounts() {
        let (_, texts, problems) = site_texts(&[(
            "_data/footer.yml",
            "columns:\n  - name: Partners\n    links:\n      - text: KU\n        href: https://ku.edu/\n  - name: Contact\n    description: |\n      Write to [us](mailto:a@b.org).\n    connectIcons: true\nother: CC BY 4.0\n",
        )]);
        assert!(problems.is_empty(), "{problems:?}");
        let footer = &texts[0].footer;
        assert_eq!(footer.columns.len(), 2);
        assert_eq!(
            footer.columns[0].links,
            [("KU".to_owned(), "https://ku.edu/".to_owned())]
        );
        assert!(footer.columns[1].social);
        assert_eq!(footer.columns[1].description.len(), 1);
        assert_eq!(footer.other.len(), 1);
    }
}
