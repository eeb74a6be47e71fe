//! The data views' links to one another. A record's link (an occurrence's dataset, a list's
//! institution) leads to the portal's own page for that kind of record where it has one
//! (`/dataset/_key_`, under the deployment's sub-path), and a count of records to the portal's
//! occurrence search; each view carries these addresses (`data-records`, a JSON object from
//! kind to address), and the module links to GBIF.org for a kind that is not there.

use crate::content::page::PageDraft;
use crate::content::theme::gbif;
use crate::urls::BaseUrl;

/// Gives every data view of `drafts` the addresses of the site's record pages and occurrence
/// search, in its own page's language where the site has them in it, deployed under `base`.
pub fn link_records(drafts: &mut [PageDraft], base: &BaseUrl) {
    // (kind, language, address): `dataset` → `/scc/dataset/` (the key follows),
    // `occurrence-search` → `/scc/occurrence/search`.
    let mut pages: Vec<(String, String, String)> = Vec::new();
    for draft in drafts.iter() {
        for view in gbif::views(&draft.page.blocks) {
            let Some(kind) = gbif::view_attribute(view, gbif::VIEW_ATTRIBUTE) else {
                continue;
            };
            let lang = draft.page.meta.lang.clone();
            let route = &draft.page.route;
            if let Some(record) = kind.strip_suffix("-key") {
                if let Some(folder) = route.strip_suffix("_key_") {
                    pages.push((record.to_owned(), lang, base.href(folder)));
                }
            } else if kind == "occurrence" {
                pages.push(("occurrence-search".into(), lang, base.href(route)));
            }
        }
    }
    if pages.is_empty() {
        return;
    }
    for draft in drafts.iter_mut() {
        let lang = draft.page.meta.lang.clone();
        for view in gbif::views_mut(&mut draft.page.blocks) {
            let mut records = serde_json::Map::new();
            // The page's own language first: a kind is given once, the first found.
            let ordered = pages
                .iter()
                .filter(|(_, l, _)| *l == lang)
                .chain(pages.iter().filter(|(_, l, _)| *l != lang));
            for (kind, _, address) in ordered {
                records
                    .entry(kind.clone())
                    .or_insert_with(|| address.clone().into());
            }
            view.attrs.other.push((
                "data-records".into(),
                serde_json::Value::Object(records).to_string(),
            ));
        }
    }
}
