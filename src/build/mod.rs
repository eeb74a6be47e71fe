//! The build step after trunk: from the compiled content and trunk's `index.html` to the whole
//! deployable `dist/`: one prerendered HTML file per route (the app takes each over in the
//! browser), `404.html`, the hero images in modern formats and several sizes, `sitemap.xml`,
//! `robots.txt`, `_headers`, and precompressed copies of every text file.

pub mod compress;
pub mod head;
pub mod headers;
pub mod images;
pub mod output;
pub mod parallel;
pub mod shell;
pub mod sitemap;

use std::collections::HashMap;
use std::fs;
use std::path::PathBuf;

use crate::model::{PageData, Site};
use crate::page_body;
use crate::prerender::{self, Document};
use crate::routes;
use crate::site_data::SiteData;
use crate::urls;
use shell::Shell;

/// Where to read from and write to.
pub struct Options {
    /// The repository (for `public/` and the image cache).
    pub root: PathBuf,
    /// trunk's staging folder, which becomes `dist/` if the build succeeds.
    pub dist: PathBuf,
    /// trunk's `--public-url`: `/` or a sub-path such as `/scc/`.
    pub public_url: String,
}

/// What was written, and how long each part took.
#[derive(Debug, Default)]
pub struct Report {
    pub html_files: usize,
    pub compressed: usize,
    pub timings: Vec<(&'static str, std::time::Duration)>,
}

/// Writes the site into `options.dist`, around the `index.html` trunk left there.
pub fn write_site(site: Site, options: &Options) -> Result<Report, String> {
    let dist = &options.dist;
    let base = urls::normalize_base(&options.public_url);
    let shell_html = fs::read_to_string(dist.join("index.html"))
        .map_err(|e| format!("cannot read trunk's index.html in {}: {e}", dist.display()))?;
    let shell = Shell::parse(&shell_html, |href| {
        let path = href.strip_prefix(base.as_str()).unwrap_or(href);
        fs::read_to_string(dist.join(path.trim_start_matches('/'))).ok()
    })?;
    for stylesheet in &shell.inlined_stylesheets {
        let path = stylesheet.strip_prefix(base.as_str()).unwrap_or(stylesheet);
        let _ = fs::remove_file(dist.join(path.trim_start_matches('/')));
    }
    let loader = shell.loader_script();
    let loader_hash = headers::script_hash(&loader);

    // Hero images: one set of files per background, shared by the pages that use it.
    let public = options.root.join("public");
    let cache = images::cache_dir();
    let mut report = Report::default();
    let started = std::time::Instant::now();
    let mut heroes: HashMap<(String, Option<String>), images::HeroImage> = HashMap::new();
    for page in &site.pages {
        let Some(background) = page.meta.background.clone().filter(|b| b.starts_with('/')) else {
            continue;
        };
        let key = (background, page.meta.height.clone());
        if let std::collections::hash_map::Entry::Vacant(entry) = heroes.entry(key) {
            let (background, height) = entry.key();
            let hero = images::hero_image(&public, dist, &cache, background, height.as_deref())?;
            entry.insert(hero);
        }
    }
    report.timings.push(("hero images", started.elapsed()));

    let started = std::time::Instant::now();
    let pages: Vec<(PageData, Option<images::Preview>)> = parallel::map(&site.pages, |page| {
        let hero = page
            .meta
            .background
            .clone()
            .filter(|b| b.starts_with('/'))
            .map(|background| &heroes[&(background, page.meta.height.clone())]);
        (
            PageData {
                body_html: page_body::render_html(page.sections.clone(), &base),
                route: page.route.clone(),
                meta: page.meta.clone(),
                hero_image: hero.map(|h| h.image.clone()),
                translations: page.translations.clone(),
            },
            hero.map(|h| h.preview.clone()),
        )
    });

    let config = site.config;
    let ui_of = |lang: &str| {
        site.ui
            .iter()
            .find(|ui| ui.lang == lang)
            .cloned()
            .unwrap_or_default()
    };
    // Under `trunk serve`, trunk's live-reload script comes along. Its server fills in its
    // address when it serves the page, so no hash of it can be known here: the local preview
    // allows inline scripts instead. Release builds never carry the script.
    let script_source = match &shell.dev_reload {
        Some(_) => "'unsafe-inline'".to_owned(),
        None => loader_hash.clone(),
    };
    let dev_reload = shell.dev_reload.clone().unwrap_or_default();
    let third_parties = headers::ThirdParties {
        images: site.image_origins.clone(),
    };
    let csp_meta = format!(
        r#"<meta http-equiv="Content-Security-Policy" content="{}">"#,
        headers::content_security_policy(&script_source, &third_parties, true)
    );
    // The charset first (it must come within the first 1024 bytes), then the policy (before any
    // script), then the hero image's preloads ahead of the app's, so the image is requested first.
    let shell_head = shell.head.replace(r#"<meta charset="utf-8">"#, "");
    let render = |data: &SiteData,
                  marker: &str,
                  request_path: &str,
                  preloads: &str,
                  page_head: &str| {
        // The HTML holds the page body already; the data in it need not carry it twice.
        let mut island = data.clone();
        if let Some(page) = &mut island.page {
            page.body_html.clear();
        }
        let head = format!(
            "<meta charset=\"utf-8\">\n{csp_meta}\n{preloads}\n{shell_head}\n{page_head}\n{}\n<script type=\"module\">{loader}</script>{dev_reload}",
            island.to_script_element()
        );
        let body_attributes = format!(r#" data-route="{}""#, sitemap::xml_escape(marker));
        prerender::render(
            data,
            request_path,
            &Document {
                head: &head,
                body_attributes: &body_attributes,
            },
        )
    };

    let write = |relative: &str, text: String| -> Result<(), String> {
        let path = output::file_in(dist, relative)?;
        fs::create_dir_all(path.parent().expect("inside dist")).map_err(|e| e.to_string())?;
        fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
    };

    // Each page: its data file (for visits that arrive from another page) and its HTML, at its
    // route and, for a home page, at its language's root too.
    let written = parallel::map(
        &pages,
        |(page, preview)| -> Result<(sitemap::Entry, usize), String> {
            let key = routes::route_key(&page.route);
            write(
                routes::page_data_path(&key).trim_start_matches('/'),
                to_json(page),
            )?;
            let own_path = page
                .translations
                .iter()
                .find(|t| t.lang == page.meta.lang)
                .map_or(page.route.as_str(), |t| t.path.as_str());
            let alternates: Vec<(String, String)> = page
                .translations
                .iter()
                .map(|t| (t.lang.clone(), head::absolute_url(&config, &base, &t.path)))
                .collect();
            let page_head = head::seo_tags(
                &config,
                &base,
                &page.meta,
                own_path,
                &alternates,
                preview.as_ref(),
            );
            let preloads = page
                .hero_image
                .as_ref()
                .map(|image| head::hero_preloads(image, &base))
                .unwrap_or_default();
            let data = SiteData {
                base: base.clone(),
                config: config.clone(),
                ui: ui_of(&page.meta.lang),
                page: Some(page.clone()),
            };
            let mut addresses = vec![page.route.as_str()];
            if own_path != page.route {
                addresses.push(own_path);
            }
            for address in &addresses {
                let html = render(
                    &data,
                    &page.route,
                    &format!("{base}{address}"),
                    &preloads,
                    &page_head,
                );
                write(
                    &format!("{}index.html", address.trim_start_matches('/')),
                    html,
                )?;
            }
            let entry = sitemap::Entry {
                url: head::absolute_url(&config, &base, own_path),
                alternates,
            };
            Ok((entry, addresses.len()))
        },
    );
    let mut sitemap_entries = Vec::new();
    for result in written {
        let (entry, html_files) = result?;
        sitemap_entries.push(entry);
        report.html_files += html_files;
    }
    for ui in &site.ui {
        write(
            routes::ui_data_path(&ui.lang).trim_start_matches('/'),
            to_json(ui),
        )?;
    }
    let not_found = SiteData {
        base: base.clone(),
        config: config.clone(),
        ui: ui_of(config.default_lang()),
        page: None,
    };
    let not_found_head = r#"<meta name="robots" content="noindex">"#;
    write(
        "404.html",
        render(
            &not_found,
            routes::NOT_FOUND_MARKER,
            &format!("{base}/404.html"),
            "",
            not_found_head,
        ),
    )?;
    report.html_files += 1;

    write("sitemap.xml", sitemap::sitemap(&sitemap_entries))?;
    write(
        "robots.txt",
        sitemap::robots(&head::absolute_url(&config, &base, "/sitemap.xml")),
    )?;
    write(
        "_headers",
        headers::headers_file(&base, &loader_hash, &third_parties),
    )?;
    // GitHub Pages would otherwise run the folder through Jekyll, which drops `_app` and `_data`.
    write(".nojekyll", String::new())?;
    report.timings.push(("pages and data", started.elapsed()));
    let started = std::time::Instant::now();
    report.compressed =
        compress::precompress(dist).map_err(|e| format!("cannot compress files: {e}"))?;
    report.timings.push(("compression", started.elapsed()));
    Ok(report)
}

fn to_json(value: &impl serde::Serialize) -> String {
    serde_json::to_string(value).expect("the page model always serializes")
}

#[cfg(test)]
mod tests;
