//! The footer's columns and small print, drawn once per language at build time: they hold
//! Markdown and never change in the browser, which inserts them as HTML.

use leptos::prelude::*;

use super::prose::{Blocks, link_view};
use crate::content::body::{Attrs, Inline, Link};
use crate::content::links;
use crate::content::theme::footer::Footer;
use crate::urls::BaseUrl;

/// The footer's HTML, with the site's links under `base`.
pub fn render(footer: Footer, base: &BaseUrl) -> String {
    super::render::render_with(base, move || footer_view(footer))
}

fn footer_view(footer: Footer) -> impl IntoView {
    let Footer {
        columns,
        other,
        social,
    } = footer;
    let columns = columns
        .into_iter()
        .map(|column| {
            let links = (!column.links.is_empty()).then(|| {
                let items = column
                    .links
                    .into_iter()
                    .map(|(text, href)| view! { <li>{link(text, href)}</li> })
                    .collect_view();
                view! { <ul class="footer-column__links" role="list">{items}</ul> }
            });
            let social = (column.social && !social.is_empty()).then(|| {
                let items = social
                    .iter()
                    .map(|(network, href)| view! { <li>{link(network.clone(), href.clone())}</li> })
                    .collect_view();
                view! { <ul class="footer-column__social" role="list">{items}</ul> }
            });
            view! {
                <section class="footer-column">
                    {(!column.name.is_empty()).then(|| view! { <h2 class="footer-column__name">{column.name}</h2> })}
                    {(!column.description.is_empty()).then(|| view! { <div class="footer-column__description"><Blocks blocks=column.description/></div> })}
                    {links}
                    {social}
                </section>
            }
        })
        .collect_view();
    view! {
        <div class="site-footer__columns">{columns}</div>
        {(!other.is_empty()).then(|| view! { <div class="site-footer__other"><Blocks blocks=other/></div> })}
    }
}

fn link(text: String, href: String) -> AnyView {
    link_view(Link {
        target: links::classify(&href),
        href,
        title: None,
        attrs: Attrs::default(),
        content: vec![Inline::text(text)],
    })
}
