//! The footer of every page.

use leptos::prelude::*;

use crate::site_context::use_site;

/// The site footer: the consortium's name and where to find Specify elsewhere.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let site = use_site();
    let name = site.config.name.clone();
    let nav = site
        .config
        .nav
        .iter()
        .map(|entry| {
            let href = site.href(&entry.href);
            view! { <li><a href=href>{entry.label.clone()}</a></li> }
        })
        .collect_view();
    view! {
        <footer class="site-footer">
            <div class="site-footer__inner">
                <p class="site-footer__name">{name}</p>
                <ul class="site-footer__links">{nav}</ul>
                <p class="site-footer__note">
                    "Specify is open-source collection management software for natural-history museums and geoscience collections."
                </p>
            </div>
        </footer>
    }
}
