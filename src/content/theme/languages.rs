//! The site's languages: their codes, names, directions and logos (`_data/languages.yml`, the
//! settings and the pages' own `lang`).

use std::collections::BTreeMap;

use crate::content::repository::config::Settings;
use crate::content::repository::data::Data;
use crate::content::values::{get, object, text_at};
use crate::model::Language;

/// Languages written right to left, for those `languages.yml` gives no `dir`.
const RIGHT_TO_LEFT: [&str; 6] = ["ar", "he", "fa", "ur", "yi", "ps"];

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
                tag: None,
                code,
            }
        })
        .collect()
}
