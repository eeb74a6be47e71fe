//! The pages of the site: each hero's image, each page's data file (for visits that arrive from
//! another page) and its prerendered HTML at the file Jekyll would write (`/about/index.html`,
//! `/privacy.html`, `/404.html`).

use super::images::{self, Heroes};
use super::pictures::{self, Pictures};
use super::reuse::{self, Reuse};
use super::{BuildContext, BuildError, head, page_body, parallel, sitemap};
use crate::content::body::blocks::{Hero, PageBlock};
use crate::content::{Page, Site};
use crate::model::site_data::SiteData;
use crate::model::{PageData, UiText};
use crate::routes;

/// The key of the image a hero shows, if its background is a file of the site.
fn hero_key(hero: &Hero) -> Option<(String, Option<String>)> {
    let src = &hero.feature.image.as_ref()?.src;
    src.starts_with('/')
        .then(|| (crate::urls::decode_path(src), hero.height.clone()))
}

/// Makes the image of every hero whose background is a file of the site. An image that cannot
/// be read is shown as it is, with a warning.
pub fn hero_images(context: &BuildContext, site: &Site) -> Heroes {
    let cache = images::cache_dir();
    let mut keys: Vec<(String, Option<String>)> = site
        .pages
        .iter()
        .flat_map(|page| &page.blocks)
        .filter_map(|block| match block {
            PageBlock::Hero(hero) => hero_key(hero),
            _ => None,
        })
        .filter(|(src, _)| site.static_files.contains(src))
        .collect();
    keys.sort();
    keys.dedup();
    let made = parallel::map(&keys, |(src, height)| {
        images::hero_image(
            &context.site_root,
            &context.dist,
            &cache,
            src,
            height.as_deref(),
        )
    });
    let mut heroes = Heroes::new();
    for (key, result) in keys.into_iter().zip(made) {
        match result {
            Ok(hero) => {
                heroes.insert(key, hero);
            }
            Err(error) => context.note_image_problem(&key.0, &error),
        }
    }
    heroes
}

/// Makes the files of every block image that is a file of the site. An image that cannot be
/// read is shown as it is, with a warning.
pub fn block_pictures(context: &BuildContext, site: &Site) -> Pictures {
    let cache = images::cache_dir();
    let mut sources: Vec<String> = site
        .pages
        .iter()
        .flat_map(|page| &page.blocks)
        .flat_map(|block| match block {
            PageBlock::Cards(cards) => cards
                .cards
                .iter()
                .filter_map(|c| c.image.as_ref())
                .collect(),
            PageBlock::Split(split) => split.feature.image.iter().collect(),
            PageBlock::Posts(list) => list
                .cards
                .iter()
                .filter_map(|(card, _)| card.image.as_ref())
                .collect(),
            _ => Vec::new(),
        })
        .map(|image| image.src.clone())
        .filter(|src| {
            src.starts_with('/') && site.static_files.contains(&crate::urls::decode_path(src))
        })
        .collect();
    sources.sort();
    sources.dedup();
    let made = parallel::map(&sources, |src| {
        pictures::picture(
            &context.site_root,
            &context.dist,
            &cache,
            &crate::urls::decode_path(src),
        )
    });
    let mut out = Pictures::new();
    for (src, result) in sources.into_iter().zip(made) {
        match result {
            Ok(picture) => {
                out.insert(src, picture);
            }
            Err(error) => context.note_image_problem(&crate::urls::decode_path(&src), &error),
        }
    }
    out
}

/// What writing the pages made: the sitemap's entries and how many HTML files.
pub struct Written {
    pub sitemap: Vec<sitemap::Entry>,
    pub html_files: usize,
}

/// Writes every page, on every core; the files of a page the previous build drew from the same
/// page and the same site are kept instead (see `reuse`). `uis` are the interface's words of
/// each language.
pub fn write_pages(
    context: &BuildContext,
    site: &Site,
    uis: &[UiText],
    images: (&Heroes, &Pictures),
    reuse: &Reuse,
) -> Result<Written, BuildError> {
    let site_key = reuse::site_key(context, site, uis, images);
    let written = parallel::map(&site.pages, |page| -> Result<_, BuildError> {
        let key = reuse::page_key(&site_key, page);
        let kept = reuse.unchanged(&page.output, &key).and_then(|files| {
            let all_kept = files.iter().all(|path| context.keep_previous(path));
            all_kept.then(|| files.iter().map(|path| path.to_string()).collect())
        });
        let files = match kept {
            Some(files) => files,
            None => write_page(context, site, uis, images, page)?,
        };
        Ok((
            sitemap_entry(context, page),
            (page.output.clone(), key, files),
        ))
    });
    let mut out = Written {
        sitemap: Vec::new(),
        html_files: 0,
    };
    let mut drawn = Vec::with_capacity(written.len());
    for result in written {
        let (entry, files) = result?;
        out.sitemap.extend(entry);
        drawn.push(files);
        out.html_files += 1;
    }
    if let Err(error) = reuse.save(&context.dist, drawn) {
        eprintln!(
            "warning: the next build will draw every page again: cannot keep the record of this one: {error}\n"
        );
    }
    Ok(out)
}

/// A page's entry in the sitemap, with its other languages; none for a page search engines
/// should not index.
fn sitemap_entry(context: &BuildContext, page: &Page) -> Option<sitemap::Entry> {
    (!page.head.noindex).then(|| sitemap::Entry {
        url: context.absolute(&page.route),
        alternates: alternates(context, page),
    })
}

/// The addresses of a page's language versions, by language tag.
fn alternates(context: &BuildContext, page: &Page) -> Vec<(String, String)> {
    page.translations
        .iter()
        .map(|t| (context.config.tag_of(&t.lang), context.absolute(&t.path)))
        .collect()
}

/// Writes one page's data file and its HTML; returns the site paths of the files written.
fn write_page(
    context: &BuildContext,
    site: &Site,
    uis: &[UiText],
    (heroes, pictures): (&Heroes, &Pictures),
    page: &Page,
) -> Result<Vec<String>, BuildError> {
    let mut files = Vec::with_capacity(2);
    let credit = &site.texts(&page.meta.lang).image_credit;
    let hero_image = |hero: &Hero| {
        hero_key(hero)
            .and_then(|key| heroes.get(&key))
            .map(|h| h.image.clone())
    };
    let picture = |src: &str| pictures.get(src).cloned();
    let texts = site.texts(&page.meta.lang);
    let drawing = page_body::Drawing {
        hero_image: &hero_image,
        picture: &picture,
        credit,
        filter_words: (&texts.all_categories, &texts.category_filter),
    };
    let first_hero = page.blocks.iter().find_map(|block| match block {
        PageBlock::Hero(hero) => hero_key(hero).and_then(|key| heroes.get(&key)),
        _ => None,
    });
    let texts = site.texts(&page.meta.lang);
    let mut parts = page_body::render_parts(page.blocks.clone(), &context.base, &drawing);
    page_body::title_heading_if_missing(&mut parts, &page.meta.title, &context.base);
    parts.extend(
        page_body::translations::render(
            &page.translations,
            &page.meta.lang,
            &context.config,
            &context.base,
            &texts.different_language,
            &texts.ui.language_switcher,
        )
        .map(|html| crate::model::BodyPart {
            html,
            toc: Vec::new(),
        }),
    );
    let data = PageData {
        route: page.route.clone(),
        meta: page.meta.clone(),
        translations: page.translations.clone(),
        parts,
    };
    let key = routes::route_key(&page.route);
    // A page with GBIF's widget is loaded whole (`gbif_widgets`): without its data, the app
    // loads it as an ordinary page.
    if !page
        .blocks
        .iter()
        .any(|block| matches!(block, PageBlock::GbifWidget(_)))
    {
        let path = routes::page_data_path(&key);
        context.write(&path, to_json(&data))?;
        files.push(path);
    }
    let alternates = alternates(context, page);
    let preview = first_hero.map(|hero| &hero.preview);
    let mut page_head = head::seo_tags(context, page, &alternates, preview);
    if super::feed::has_feed(site, &page.meta.lang) {
        let feed = context.absolute(&super::feed::feed_path(site, &page.meta.lang));
        page_head.push_str(&format!(
            "\n<link rel=\"alternate\" type=\"application/atom+xml\" title=\"{}\" href=\"{}\">",
            sitemap::xml_escape(&site.config.name),
            sitemap::xml_escape(&feed)
        ));
    }
    let preloads = first_hero
        .map(|hero| head::hero_preloads(&hero.image, &context.base))
        .unwrap_or_default();
    let ui = uis
        .iter()
        .find(|ui| ui.lang == page.meta.lang)
        .or(uis.first())
        .cloned()
        .unwrap_or_default();
    let data = SiteData {
        base: context.base.clone(),
        config: context.config.clone(),
        ui,
        page: Some(data),
    };
    let html = context.document(&data, &page.route, &page.route, &preloads, &page_head);
    context.write(&page.output, html)?;
    files.push(page.output.clone());
    // After the page: its open copy reloads when it sees the number, and must find the new page.
    if let Some((stamp, number)) = context.reload_stamp(&page.route) {
        context.write(&stamp, number)?;
    }
    Ok(files)
}

/// A value of the browser's data as JSON.
pub fn to_json(value: &impl serde::Serialize) -> String {
    serde_json::to_string(value).expect("the page model always serializes")
}
