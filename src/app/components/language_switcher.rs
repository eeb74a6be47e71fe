//! The list of the languages a page exists in.

use leptos::prelude::*;

use crate::app::context::use_site;
use crate::model::Translation;

/// Links to the page in each language it exists in, each named in its own language ("English",
/// "Español"); the current one is marked. Nothing is drawn for a page in one language only.
#[component]
pub fn LanguageSwitcher(
    translations: Vec<Translation>,
    lang: String,
    label: String,
) -> impl IntoView {
    let site = use_site();
    (translations.len() > 1).then(|| {
        let links = translations
            .into_iter()
            .filter_map(|translation| {
                let name = site.config.language(&translation.lang)?.name.clone();
                let current = (translation.lang == lang).then_some("true");
                Some(view! {
                    <li>
                        <a href=site.href(&translation.path) hreflang=translation.lang.clone() lang=translation.lang aria-current=current>
                            {name}
                        </a>
                    </li>
                })
            })
            .collect_view();
        view! {
            <nav class="language-switcher" aria-label=label>
                <ul>{links}</ul>
            </nav>
        }
    })
}
