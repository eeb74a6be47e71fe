//! Each language's side of the site, as every page draws it: its interface words, its
//! navigation (`_data[/<lang>]/navigation.yml`) and its footer (`footer.yml`).

use liquid::model::Value;

use super::data_reader::Reader;
use super::footer;
use super::navigation::navigation;
use super::words::Words;
use crate::content::diagnostics::Diagnostic;
use crate::content::links::LinkRef;
use crate::content::repository::config::Settings;
use crate::content::repository::data::Data;
use crate::content::site::LanguageTexts;
use crate::content::values::at_path;
use crate::model::{Language, UiText};

/// The words, navigation and footer of every language, and the links they show (with the data
/// files they are written in), which are on every page.
pub fn of_languages(
    settings: &Settings,
    data: &Data,
    languages: &[Language],
    diagnostics: &mut Vec<Diagnostic>,
) -> (Vec<LanguageTexts>, Vec<(String, LinkRef)>) {
    let mut reader = Reader {
        data,
        diagnostics,
        links: Vec::new(),
        gbif_api: &settings.gbif_api,
    };
    let texts = texts(&mut reader, settings, languages);
    (texts, reader.links)
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

/// The data file `name` of a language (`de.navigation`), or the site's (`navigation`).
fn per_language(data: &Value, lang: &str, name: &str) -> (String, Option<Value>) {
    let own = format!("{lang}.{name}");
    match at_path(data, &own) {
        Some(value) if !matches!(value, Value::Nil) => (own, Some(value.clone())),
        _ => (name.to_owned(), at_path(data, name).cloned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::repository::SourceFile;
    use crate::content::repository::data;
    use crate::content::theme::languages::languages;
    use std::collections::BTreeMap;

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
            gbif_api: crate::content::hosts::GBIF_API,
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
