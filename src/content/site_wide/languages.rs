//! The site's languages, once every page is compiled: each language's "not found" page (the
//! built-in one for the root language when the repository has none), the languages themselves,
//! which pages translate which, and the language splash pages' lists.

use std::collections::BTreeMap;

use super::translations::link_translations;
use crate::content::body::blocks::PageBlock;
use crate::content::diagnostics::Diagnostic;
use crate::content::page::PageDraft;
use crate::content::page::not_found::default_not_found;
use crate::content::repository::config::Settings;
use crate::content::repository::data::Data;
use crate::content::theme::languages::languages;
use crate::content::theme::words::Words;
use crate::model::Language;
use crate::routes;

/// Settles the site's languages over its pages: gives the root language a "not found" page if
/// it has none, links translations, fills the language lists. Returns the languages.
pub fn settle(
    drafts: &mut Vec<PageDraft>,
    settings: &Settings,
    data: &Data,
    words: &Words,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Language> {
    let page_langs: Vec<String> = drafts.iter().map(|d| d.page.meta.lang.clone()).collect();
    if !drafts
        .iter()
        .any(|d| d.page.meta.not_found && d.page.meta.lang == settings.root_lang)
    {
        drafts.push(default_not_found(words, &settings.root_lang));
    }
    let not_found: BTreeMap<String, String> = drafts
        .iter()
        .filter(|d| d.page.meta.not_found)
        .map(|d| (d.page.meta.lang.clone(), d.page.route.clone()))
        .rev()
        .collect();
    let mut languages = languages(settings, data, &page_langs, &not_found);
    super::language_tags::settle(&mut languages, settings, data, drafts, diagnostics);
    let codes: Vec<String> = languages.iter().map(|l| l.code.clone()).collect();
    link_translations(drafts, &codes, settings.strict, diagnostics);
    fill_language_lists(drafts, &languages, words);
    languages
}

/// The language splash pages' links to each language's home page.
fn fill_language_lists(drafts: &mut [PageDraft], languages: &[Language], words: &Words) {
    for draft in drafts {
        let lang = draft.page.meta.lang.clone();
        for block in &mut draft.page.blocks {
            if let PageBlock::Languages(list) = block {
                list.label = words.get("languageSelector", &lang);
                let default = languages.first().map_or("", |l| l.code.as_str());
                list.links = languages
                    .iter()
                    .map(|l| {
                        let home = routes::home_of(&l.code, default);
                        let tag = l.tag.clone().unwrap_or_else(|| l.code.clone());
                        (tag, l.name.clone(), home)
                    })
                    .collect();
            }
        }
    }
}
