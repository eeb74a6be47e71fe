//! The list of a page's other languages, at the end of the page (the theme's "Read this page in
//! a different language"). Drawn at build time: it never changes once the page is built.

use leptos::prelude::*;

use crate::model::{SiteConfig, Translation};
use crate::urls::BaseUrl;

/// The list's HTML, or nothing for a page in one language. `lead` introduces it; `label` names
/// the navigation for screen readers.
pub fn render(
    translations: &[Translation],
    lang: &str,
    config: &SiteConfig,
    base: &BaseUrl,
    lead: &str,
    label: &str,
) -> Option<String> {
    if translations.len() < 2 {
        return None;
    }
    let links = translations
        .iter()
        .map(|translation| {
            let name = config
                .language(&translation.lang)
                .map_or_else(|| translation.lang.clone(), |l| l.name.clone());
            let current = (translation.lang == lang).then_some("page");
            let tag = config.tag_of(&translation.lang);
            view! {
                <li><a href=base.href(&translation.path) hreflang=tag.clone() lang=tag aria-current=current>{name}</a></li>
            }
        })
        .collect_view();
    let (lead, label) = (lead.to_owned(), label.to_owned());
    Some(super::render::render_with(base, move || {
        view! {
            <nav class="page-languages" aria-label=label>
                <p>{lead}</p>
                <ul role="list">{links}</ul>
            </nav>
        }
    }))
}
