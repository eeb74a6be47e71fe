//! The pages of the site: each one's hero image, its data file (for visits that arrive from
//! another page) and its prerendered HTML, and the "not found" page.

use std::collections::HashMap;

use super::images::{self, HeroImage, Preview};
use super::{BuildContext, BuildError, head, page_body, parallel, sitemap};
use crate::content::{Page, Site};
use crate::model::{PageData, SiteData, UiText};
use crate::routes;

/// The hero images made so far, by background and hero height: one set of files per background,
/// shared by the pages that use it.
pub type Heroes = HashMap<(String, Option<String>), HeroImage>;

/// Makes the hero image of every page whose background is a file of the site.
pub fn hero_images(context: &BuildContext, pages: &[Page]) -> Result<Heroes, BuildError> {
    let cache = images::cache_dir();
    let mut heroes = Heroes::new();
    for page in pages {
        let Some(key) = hero_key(page) else { continue };
        if let std::collections::hash_map::Entry::Vacant(entry) = heroes.entry(key) {
            let (background, height) = entry.key();
            let hero = images::hero_image(
                &context.public,
                &context.dist,
                &cache,
                background,
                height.as_deref(),
            )?;
            entry.insert(hero);
        }
    }
    Ok(heroes)
}

/// The hero image a page shows, if its background is a file of the site.
fn hero_key(page: &Page) -> Option<(String, Option<String>)> {
    let background = page
        .meta
        .background
        .clone()
        .filter(|b| b.starts_with('/'))?;
    Some((background, page.meta.height.clone()))
}

/// What writing the pages made: the sitemap's entries and how many HTML files.
pub struct Written {
    pub sitemap: Vec<sitemap::Entry>,
    pub html_files: usize,
}

/// Writes every page, on every core.
pub fn write_pages(
    context: &BuildContext,
    site: &Site,
    heroes: &Heroes,
) -> Result<Written, BuildError> {
    let written = parallel::map(&site.pages, |page| {
        let hero = hero_key(page).map(|key| &heroes[&key]);
        let data = PageData {
            body_html: page_body::render_html(page.sections.clone(), &context.base),
            route: page.route.clone(),
            meta: page.meta.clone(),
            hero_image: hero.map(|h| h.image.clone()),
            translations: page.translations.clone(),
        };
        write_page(context, site, data, hero.map(|h| &h.preview))
    });
    let mut out = Written {
        sitemap: Vec::new(),
        html_files: 0,
    };
    for result in written {
        let (entry, html_files) = result?;
        out.sitemap.push(entry);
        out.html_files += html_files;
    }
    Ok(out)
}

/// Writes one page's data file and its HTML, at its route and, for a home page, at its
/// language's root too; returns its sitemap entry and how many HTML files it wrote.
fn write_page(
    context: &BuildContext,
    site: &Site,
    page: PageData,
    preview: Option<&Preview>,
) -> Result<(sitemap::Entry, usize), BuildError> {
    let key = routes::route_key(&page.route);
    context.write(&routes::page_data_path(&key), to_json(&page))?;
    let own_path = page
        .translations
        .iter()
        .find(|t| t.lang == page.meta.lang)
        .map_or(page.route.as_str(), |t| t.path.as_str())
        .to_owned();
    let alternates: Vec<(String, String)> = page
        .translations
        .iter()
        .map(|t| (t.lang.clone(), context.absolute(&t.path)))
        .collect();
    let page_head = head::seo_tags(context, &page.meta, &own_path, &alternates, preview);
    let preloads = page
        .hero_image
        .as_ref()
        .map(|image| head::hero_preloads(image, &context.base))
        .unwrap_or_default();
    let mut addresses = vec![page.route.clone()];
    if own_path != page.route {
        addresses.push(own_path.clone());
    }
    let data = SiteData {
        base: context.base.clone(),
        config: context.config.clone(),
        ui: ui_of(site, &page.meta.lang),
        page: Some(page),
    };
    let route = &data.page.as_ref().expect("set above").route;
    for address in &addresses {
        let html = context.document(&data, route, address, &preloads, &page_head);
        context.write(&format!("{address}index.html"), html)?;
    }
    let entry = sitemap::Entry {
        url: context.absolute(&own_path),
        alternates,
    };
    Ok((entry, addresses.len()))
}

/// Writes `404.html`, in the default language, which search engines are told not to index.
pub fn write_not_found(context: &BuildContext, site: &Site) -> Result<(), BuildError> {
    let data = SiteData {
        base: context.base.clone(),
        config: context.config.clone(),
        ui: ui_of(site, context.config.default_lang()),
        page: None,
    };
    let html = context.document(
        &data,
        routes::NOT_FOUND_MARKER,
        "/404.html",
        "",
        r#"<meta name="robots" content="noindex">"#,
    );
    context.write("/404.html", html)
}

/// The interface's words in `lang`.
fn ui_of(site: &Site, lang: &str) -> UiText {
    site.ui
        .iter()
        .find(|ui| ui.lang == lang)
        .cloned()
        .unwrap_or_default()
}

/// A value of the browser's data as JSON.
pub fn to_json(value: &impl serde::Serialize) -> String {
    serde_json::to_string(value).expect("the page model always serializes")
}
