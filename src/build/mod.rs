//! The build step after trunk: from the compiled content and trunk's `index.html` to the whole
//! deployable `dist/`: one prerendered HTML file per route (the app takes each over in the
//! browser), `404.html`, the hero images in modern formats and several sizes, `sitemap.xml`,
//! `robots.txt`, `_headers`, and precompressed copies of every text file.

pub mod compress;
pub mod head;
pub mod headers;
pub mod images;
pub mod shell;
pub mod sitemap;

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

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

/// What was written.
#[derive(Debug, Default)]
pub struct Report {
    pub html_files: Vec<String>,
    pub compressed: usize,
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
    let cache = images::cache_dir(&options.root);
    let mut previews = HashMap::new();
    let mut pages = Vec::new();
    for page in site.pages {
        let mut hero_image = None;
        if let Some(background) = page
            .meta
            .background
            .as_deref()
            .filter(|b| b.starts_with('/'))
        {
            let hero = images::hero_image(
                &public,
                dist,
                &cache,
                background,
                page.meta.height.as_deref(),
            )?;
            hero_image = Some(hero.image);
            previews.insert(page.route.clone(), hero.preview);
        }
        pages.push(PageData {
            body_html: page_body::render_html(page.sections, &base),
            route: page.route,
            meta: page.meta,
            hero_image,
        });
    }

    let config = site.config;
    let data = SiteData {
        base: base.clone(),
        config: config.clone(),
        pages,
    };
    let island = data.to_script_element();
    let csp_meta = format!(
        r#"<meta http-equiv="Content-Security-Policy" content="{}">"#,
        headers::content_security_policy(&loader_hash, true)
    );
    // The charset first (it must come within the first 1024 bytes), then the policy (before any
    // script), then the hero image's preloads ahead of the app's, so the image is requested first.
    let shell_head = shell.head.replace(r#"<meta charset="utf-8">"#, "");
    let render = |route_marker: &str,
                  request_path: &str,
                  preloads: &str,
                  page_head: &str|
     -> String {
        let head = format!(
            "<meta charset=\"utf-8\">\n{csp_meta}\n{preloads}\n{shell_head}\n{page_head}\n{island}\n<script type=\"module\">{loader}</script>"
        );
        let body_attributes = format!(r#" data-route="{}""#, sitemap::xml_escape(route_marker));
        prerender::render(
            &data,
            request_path,
            &Document {
                head: &head,
                body_attributes: &body_attributes,
            },
        )
    };

    let mut report = Report::default();
    let mut write = |relative: &str, html: String| -> Result<(), String> {
        let path = dist.join(relative);
        fs::create_dir_all(path.parent().expect("inside dist")).map_err(|e| e.to_string())?;
        fs::write(&path, html).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        report.html_files.push(relative.to_owned());
        Ok(())
    };

    let mut canonical_urls = Vec::new();
    for page in &data.pages {
        let is_home = page.route == config.home;
        let canonical_path = if is_home { "/" } else { page.route.as_str() };
        canonical_urls.push(head::absolute_url(&config, &base, canonical_path));
        let page_head = head::seo_tags(
            &config,
            &base,
            &page.meta,
            canonical_path,
            previews.get(&page.route),
        );
        let preloads = page
            .hero_image
            .as_ref()
            .map(|image| head::hero_preloads(image, &base))
            .unwrap_or_default();
        let mut routes = vec![page.route.as_str()];
        if is_home {
            routes.push("/");
        }
        for route in routes {
            let html = render(
                &page.route,
                &format!("{base}{route}"),
                &preloads,
                &page_head,
            );
            write(
                &format!("{}index.html", route.trim_start_matches('/')),
                html,
            )?;
        }
    }
    let not_found_head = r#"<meta name="robots" content="noindex">"#;
    write(
        "404.html",
        render(
            routes::NOT_FOUND_MARKER,
            &format!("{base}/404.html"),
            "",
            not_found_head,
        ),
    )?;

    let write_text = |name: &str, text: String| {
        fs::write(dist.join(name), text).map_err(|e| format!("cannot write {name}: {e}"))
    };
    write_text("sitemap.xml", sitemap::sitemap(&canonical_urls))?;
    write_text(
        "robots.txt",
        sitemap::robots(&head::absolute_url(&config, &base, "/sitemap.xml")),
    )?;

    let (immutable, revalidate) = cache_rules(dist, &base)?;
    write_text(
        "_headers",
        headers::headers_file(&loader_hash, &immutable, &revalidate),
    )?;
    report.compressed =
        compress::precompress(dist).map_err(|e| format!("cannot compress files: {e}"))?;
    Ok(report)
}

/// Every file under `dist` by cache rule: hashed files are immutable; pages (by their address,
/// as visitors request them) and everything else revalidate.
fn cache_rules(dist: &Path, base: &str) -> Result<(Vec<String>, Vec<String>), String> {
    let mut files = Vec::new();
    list_files(dist, dist, &mut files)
        .map_err(|e| format!("cannot list {}: {e}", dist.display()))?;
    files.sort();
    let (mut immutable, mut revalidate) = (Vec::new(), Vec::new());
    for file in files {
        let name = file.rsplit('/').next().unwrap_or(&file);
        if headers::is_hashed(name) {
            immutable.push(format!("{base}/{file}"));
        } else if let Some(folder) = file.strip_suffix("index.html") {
            revalidate.push(format!("{base}/{folder}"));
            revalidate.push(format!("{base}/{file}"));
        } else {
            revalidate.push(format!("{base}/{file}"));
        }
    }
    Ok((immutable, revalidate))
}

fn list_files(root: &Path, dir: &Path, out: &mut Vec<String>) -> std::io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            list_files(root, &path, out)?;
        } else if let Ok(relative) = path.strip_prefix(root) {
            let relative = relative.to_string_lossy().replace('\\', "/");
            if !relative.ends_with(".br") && !relative.ends_with(".gz") && relative != "_headers" {
                out.push(relative);
            }
        }
    }
    Ok(())
}
