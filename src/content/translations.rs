//! Translations: pages that share a `lang-ref` are one page in several languages (the Jekyll
//! convention). A page in the default language lives at `/about/`, its Spanish translation at
//! `/es/about/`; the translations of the home page are the other languages' home pages (`/es/`).

use std::collections::BTreeMap;

use super::PageDraft;
use super::diagnostics::Diagnostic;
use crate::model::Translation;

/// Checks the translation groups, fills in every page's translations, and returns the route of
/// each language's home page (in the order of `languages`; `None` where a language has none).
/// `home` is the content file of the default language's home page.
pub fn link_translations(
    drafts: &mut [PageDraft],
    languages: &[String],
    home: Option<&str>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Option<String>> {
    let default_lang = languages
        .first()
        .map_or(crate::model::DEFAULT_LANG, String::as_str);
    let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, draft) in drafts.iter().enumerate() {
        if let Some(lang_ref) = &draft.page.meta.lang_ref {
            groups.entry(lang_ref.clone()).or_default().push(i);
        }
    }
    for (lang_ref, members) in &mut groups {
        check_group(drafts, lang_ref, members, default_lang, diagnostics);
    }

    let home_draft = home.and_then(|home| drafts.iter().position(|d| d.relative == home));
    let homes: Vec<Option<String>> = languages
        .iter()
        .map(|lang| {
            let home = home_draft?;
            if drafts[home].page.meta.lang == *lang {
                return Some(drafts[home].page.route.clone());
            }
            let members = groups.get(drafts[home].page.meta.lang_ref.as_deref()?)?;
            members
                .iter()
                .map(|&i| &drafts[i].page)
                .find(|p| p.meta.lang == *lang)
                .map(|p| p.route.clone())
        })
        .collect();

    let path_of = |i: usize, drafts: &[PageDraft]| {
        let page = &drafts[i].page;
        let language = languages.iter().position(|l| *l == page.meta.lang);
        match language.and_then(|l| homes[l].as_ref()) {
            Some(home) if *home == page.route => {
                if page.meta.lang == default_lang {
                    "/".to_owned()
                } else {
                    format!("/{}/", page.meta.lang)
                }
            }
            _ => page.route.clone(),
        }
    };
    let order = |lang: &str| {
        languages
            .iter()
            .position(|l| l == lang)
            .unwrap_or(usize::MAX)
    };
    for i in 0..drafts.len() {
        let mut members = match &drafts[i].page.meta.lang_ref {
            Some(lang_ref) => groups[lang_ref].clone(),
            None => vec![i],
        };
        members.sort_by_key(|&m| order(&drafts[m].page.meta.lang));
        members.dedup_by_key(|m| drafts[*m].page.meta.lang.clone());
        let translations = members
            .iter()
            .map(|&m| Translation {
                lang: drafts[m].page.meta.lang.clone(),
                path: path_of(m, drafts),
            })
            .collect();
        drafts[i].page.translations = translations;
    }
    homes
}

/// One page per language, and every page at the address its language gives the group's address:
/// `/es/about/` translates `/about/`.
fn check_group(
    drafts: &[PageDraft],
    lang_ref: &str,
    members: &mut Vec<usize>,
    default_lang: &str,
    diagnostics: &mut Vec<Diagnostic>,
) {
    members.sort_by_key(|&i| {
        (
            drafts[i].page.meta.lang != default_lang,
            drafts[i].relative.clone(),
        )
    });
    let mut kept: Vec<usize> = Vec::new();
    for &i in members.iter() {
        let page = &drafts[i].page;
        if let Some(&first) = kept
            .iter()
            .find(|&&k| drafts[k].page.meta.lang == page.meta.lang)
        {
            diagnostics.push(
                Diagnostic::error(
                    &page.source,
                    drafts[i].position("lang-ref"),
                    format!(
                        "{} is already the `{}` page of `{lang_ref}`; a group of translations has one page per language",
                        drafts[first].page.source, page.meta.lang
                    ),
                )
                .with_hint("give this page another `lang-ref`, or another `lang`"),
            );
            continue;
        }
        kept.push(i);
    }
    let Some(&reference) = kept.first() else {
        return;
    };
    let translated = untranslated_route(
        &drafts[reference].page.route,
        &drafts[reference].page.meta.lang,
        default_lang,
    );
    for &i in &kept[1..] {
        let page = &drafts[i].page;
        let own = untranslated_route(&page.route, &page.meta.lang, default_lang);
        if own != translated {
            let expected = if page.meta.lang == default_lang {
                translated.clone()
            } else {
                format!("/{}{translated}", page.meta.lang)
            };
            diagnostics.push(
                Diagnostic::error(
                    &page.source,
                    drafts[i].position("lang-ref"),
                    format!(
                        "this page translates `{lang_ref}`, but its address {} does not match {} of {}",
                        page.route, drafts[reference].page.route, drafts[reference].page.source
                    ),
                )
                .with_hint(format!("translations share their address; this one belongs at {expected}")),
            );
        }
    }
    *members = kept;
}

/// A route without its language folder: `/es/about/` -> `/about/`.
fn untranslated_route(route: &str, lang: &str, default_lang: &str) -> String {
    if lang == default_lang {
        return route.to_owned();
    }
    route
        .strip_prefix(&format!("/{lang}"))
        .filter(|r| r.starts_with('/'))
        .unwrap_or(route)
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_translated_route_loses_its_language_folder() {
        assert_eq!(untranslated_route("/es/about/", "es", "en"), "/about/");
        assert_eq!(untranslated_route("/about/", "en", "en"), "/about/");
        assert_eq!(untranslated_route("/espanol/", "es", "en"), "/espanol/");
    }
}
