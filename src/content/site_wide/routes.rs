//! Addresses across pages: two pages at one address keep the first, as Jekyll's last write
//! would leave one of them.

use std::collections::HashMap;

use crate::content::diagnostics::Diagnostic;
use crate::content::page::PageDraft;
use crate::routes;

/// Two pages at one address: the later one (by file name) is left out, as the one Jekyll would
/// overwrite.
pub fn check_routes(drafts: &mut Vec<PageDraft>, strict: bool, diagnostics: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<String, String> = HashMap::new();
    drafts.retain(|draft| {
        let key = routes::route_key(&draft.page.route);
        match seen.get(&key) {
            Some(first) => {
                diagnostics.push(
                    Diagnostic::warning(
                        &draft.page.source,
                        draft.position("permalink"),
                        format!(
                            "this page and {first} are both at `{}`, so this one is left out",
                            draft.page.route
                        ),
                    )
                    .with_hint("rename one of the files or give one a different `permalink`")
                    .strict_if(strict),
                );
                false
            }
            None => {
                seen.insert(key, draft.page.source.clone());
                true
            }
        }
    });
}
