//! `content/languages/<code>.yml`: the interface's own words in one language (skip link,
//! navigation labels, footer, "not found" page, loading and error messages...). Every language
//! file has the same keys; one file per language is the one place to translate the interface.

use std::collections::HashMap;

use super::diagnostics::{Diagnostic, Position};
use super::yaml;
use crate::model::UiText;

/// A language file, read and checked.
#[derive(Clone, Debug, PartialEq)]
pub struct LanguageFile {
    /// The language's name in itself (`Español`).
    pub name: String,
    /// The label of each navigation entry, by the entry's key in `site.yml`.
    pub nav: HashMap<String, String>,
    pub nav_at: Position,
    /// The interface's words (`lang` and `nav` are filled in later, from the settings).
    pub text: UiText,
}

/// Where a key's text goes in [`UiText`].
type Field = fn(&mut UiText) -> &mut String;

/// The keys of the interface's words, with the field of [`UiText`] each fills.
const TEXT_KEYS: [(&str, Field); 16] = [
    ("skip_link", |t| &mut t.skip_link),
    ("main_navigation", |t| &mut t.main_navigation),
    ("language_switcher", |t| &mut t.language_switcher),
    ("image_credit", |t| &mut t.image_credit),
    ("footer_note", |t| &mut t.footer_note),
    ("not_found_title", |t| &mut t.not_found_title),
    ("not_found_description", |t| &mut t.not_found_description),
    ("not_found_text", |t| &mut t.not_found_text),
    ("home_link", |t| &mut t.home_link),
    ("loading", |t| &mut t.loading),
    ("load_failed", |t| &mut t.load_failed),
    ("offline", |t| &mut t.offline),
    ("timed_out", |t| &mut t.timed_out),
    ("server_error", |t| &mut t.server_error),
    ("damaged_data", |t| &mut t.damaged_data),
    ("retry", |t| &mut t.retry),
];

fn all_keys() -> Vec<&'static str> {
    ["name", "nav"]
        .into_iter()
        .chain(TEXT_KEYS.iter().map(|(k, _)| *k))
        .collect()
}

/// Reads and checks the language file `file`.
pub fn read(file: &str, text: &str, diagnostics: &mut Vec<Diagnostic>) -> Option<LanguageFile> {
    let document = yaml::mapping(file, text, 1, "a language file", diagnostics)?;
    let entries = document.entries().unwrap_or_default();
    let errors_before = diagnostics.iter().filter(|d| d.is_error()).count();
    let mut found = LanguageFile {
        name: String::new(),
        nav: HashMap::new(),
        nav_at: Position::START,
        text: UiText::default(),
    };
    let mut seen = Vec::new();
    for (key, key_node, value) in entries {
        if key == "nav" {
            found.nav_at = value.at;
            match yaml::entries(value.node, 1) {
                Ok(labels) => {
                    for (entry, _, label) in labels {
                        match yaml::text(label.node) {
                            Ok(Some(label)) => {
                                found.nav.insert(entry, label);
                            }
                            _ => diagnostics.push(Diagnostic::error(
                                file,
                                label.at,
                                format!("the label of `{entry}` must be text"),
                            )),
                        }
                    }
                }
                Err(at) => diagnostics.push(
                    Diagnostic::error(file, at, "`nav` must give a label for each navigation key")
                        .with_hint("write `nav:` then lines such as `  about: About`"),
                ),
            }
            seen.push(key);
            continue;
        }
        let field = TEXT_KEYS.iter().find(|(k, _)| *k == key).map(|(_, f)| f);
        if field.is_none() && key != "name" {
            diagnostics.push(yaml::unknown_key(
                file,
                &key,
                key_node.at,
                &all_keys(),
                "key",
            ));
            continue;
        }
        let Some(text) = yaml::required_text_of(file, &key, &value, diagnostics) else {
            continue;
        };
        match field {
            Some(field) => *field(&mut found.text) = text,
            None => found.name = text,
        }
        seen.push(key);
    }
    let missing: Vec<&str> = all_keys()
        .into_iter()
        .filter(|k| !seen.iter().any(|s| s == k))
        .collect();
    if !missing.is_empty() {
        diagnostics.push(
            Diagnostic::error(
                file,
                Position::START,
                format!("the language file has no {}", quoted_list(&missing)),
            )
            .with_hint(
                "every language file has the same keys; copy them from content/languages/en.yml",
            ),
        );
    }
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    (errors == errors_before).then_some(found)
}

fn quoted_list(keys: &[&str]) -> String {
    keys.iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The repository's English file, which every test edits a copy of.
    fn english() -> String {
        std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/content/languages/en.yml"
        ))
        .unwrap()
    }

    #[test]
    fn reads_every_key_of_the_english_file() {
        let mut diagnostics = Vec::new();
        let file = read("content/languages/en.yml", &english(), &mut diagnostics).unwrap();
        assert_eq!(diagnostics, []);
        assert_eq!(file.name, "English");
        assert_eq!(file.nav.get("about").map(String::as_str), Some("About"));
        assert_eq!(file.text.retry, "Try again");
        assert!(
            TEXT_KEYS
                .iter()
                .all(|(_, field)| !field(&mut file.text.clone()).is_empty())
        );
    }

    #[test]
    fn a_missing_key_is_an_error_and_an_unknown_one_a_warning() {
        let text = english().replace("retry:", "retyr:");
        let mut diagnostics = Vec::new();
        assert!(read("content/languages/en.yml", &text, &mut diagnostics).is_none());
        let messages: Vec<String> = diagnostics
            .iter()
            .map(|d| format!("{} {}", d.severity_word(), d.message))
            .collect();
        assert_eq!(
            messages,
            [
                "warning unknown key `retyr`",
                "error the language file has no `retry`"
            ]
        );
        assert_eq!(
            diagnostics[0].hint.as_deref(),
            Some("did you mean `retry`?")
        );
    }
}
