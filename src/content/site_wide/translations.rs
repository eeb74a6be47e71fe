//! Translations: pages that share a `lang-ref` are one page in several languages (the theme's
//! convention). Each keeps its own address: `/es/acerca/` may translate `/about/`.

use std::collections::BTreeMap;

use crate::content::diagnostics::Diagnostic;
use crate::content::page::PageDraft;
use crate::model::Translation;

/// Fills in every page's translations, in the order of `languages`. Two pages of one language in
/// one group are reported (the first, by file name, is the translation).
pub fn link_translations(
    drafts: &mut [PageDraft],
    languages: &[String],
    strict: bool,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, draft) in drafts.iter().enumerate() {
        if let Some(lang_ref) = &draft.lang_ref {
            groups.entry(lang_ref.clone()).or_default().push(i);
        }
    }
    let order = |lang: &str| {
        languages
            .iter()
            .position(|l| l == lang)
            .unwrap_or(usize::MAX)
    };
    for (lang_ref, members) in &mut groups {
        members.sort_by(|&a, &b| drafts[a].relative.cmp(&drafts[b].relative));
        let mut kept: Vec<usize> = Vec::new();
        for &i in members.iter() {
            let lang = &drafts[i].page.meta.lang;
            match kept.iter().find(|&&k| drafts[k].page.meta.lang == *lang) {
                Some(&first) => diagnostics.push(
                    Diagnostic::warning(
                        &drafts[i].page.source,
                        drafts[i].position("lang-ref"),
                        format!(
                            "{} is already the `{lang}` page of `{lang_ref}`, so this page is not listed as a translation",
                            drafts[first].page.source
                        ),
                    )
                    .with_hint("give this page another `lang-ref`, or another `lang`")
                    .strict_if(strict),
                ),
                None => kept.push(i),
            }
        }
        kept.sort_by_key(|&i| order(&drafts[i].page.meta.lang));
        *members = kept;
    }
    for i in 0..drafts.len() {
        let members = match drafts[i].lang_ref.as_ref().and_then(|r| groups.get(r)) {
            Some(members) if members.contains(&i) => members.clone(),
            _ => vec![i],
        };
        drafts[i].page.translations = members
            .iter()
            .map(|&m| Translation {
                lang: drafts[m].page.meta.lang.clone(),
                path: drafts[m].page.route.clone(),
            })
            .collect();
    }
}
