//! The build step after trunk: from the compiled content and trunk's `index.html` to the whole
//! deployable `dist/`. [`write_site`] runs the steps in order over one [`BuildContext`]: the
//! site's own files, the hero images, every page (its data file and its prerendered HTML, which
//! the app takes over in the browser), the interface's words with each language's footer,
//! `sitemap.xml` and `robots.txt`, `_headers`, and precompressed copies of every text file.

mod cache;
pub mod compress;
mod context;
mod contrast;
mod data_module;
mod decoding;
mod dev_reload;
mod error;
mod feed;
pub mod gbif_scripts;
pub mod gbif_widgets;
pub mod head;
pub mod headers;
pub mod images;
mod live_counts;
mod logos;
mod modules;
mod options;
pub mod output;
pub mod page_body;
mod pages;
mod policy;
pub use crate::content::parallel;
pub mod pictures;
pub mod prerender;
mod previous;
mod redirects;
pub mod reuse;
mod search_index;
mod search_module;
pub mod shell;
mod site_head;
pub mod sitemap;
mod static_files;
pub mod target;

use std::time::{Duration, Instant};

pub use context::BuildContext;
pub use dev_reload::DEV_BUILD_NUMBER;
pub use error::{BuildError, ImageProblem};
pub use options::{Options, ShellSource, deployment};
pub use target::{kept_for, target_dir};

use crate::content::Site;
use crate::model::UiText;
use crate::routes;

/// What was written, and how long each step took.
#[derive(Debug, Default)]
pub struct Report {
    pub html_files: usize,
    /// Pages indexed for search (0 when the previous index was kept).
    pub indexed: usize,
    pub compressed: usize,
    pub timings: Vec<(&'static str, Duration)>,
    /// The images published as they are, with why (see `ImageProblem::diagnostic`).
    pub image_problems: Vec<ImageProblem>,
}

impl Report {
    /// Runs `step`, noting how long it took as `name`.
    fn time<T>(&mut self, name: &'static str, step: impl FnOnce() -> T) -> T {
        let started = Instant::now();
        let result = step();
        self.timings.push((name, started.elapsed()));
        result
    }
}

/// Writes the site into `options.dist`, around the `index.html` trunk left there.
pub fn write_site(mut site: Site, options: &Options) -> Result<Report, BuildError> {
    let mut report = Report::default();
    report.image_problems = report.time("logos", || logos::small_logos(&mut site, options));
    let context = BuildContext::new(&site, options)?;
    let written = write_all(&context, &site, options, &mut report);
    if written.is_err() {
        context.abandon();
    }
    report.image_problems.extend(context.take_image_problems());
    written.map(|()| report)
}

/// The steps of [`write_site`] after its page shell is read.
fn write_all(
    context: &BuildContext,
    site: &Site,
    options: &Options,
    report: &mut Report,
) -> Result<(), BuildError> {
    report.time("site files", || {
        static_files::copy(context, &site.static_files, &site.static_sources)
    })?;
    let heroes = report.time("hero images", || pages::hero_images(context, site));
    let pictures = report.time("block images", || pages::block_pictures(context, site));
    images::forget_unused();
    report.html_files = report.time("pages and data", || -> Result<usize, BuildError> {
        let uis: Vec<UiText> = site
            .languages
            .iter()
            .map(|texts| UiText {
                footer_html: page_body::footer::render(texts.footer.clone(), &context.base),
                ..texts.ui.clone()
            })
            .collect();
        let reuse = reuse::Reuse::open(context.published(), context.previous_files());
        let written = pages::write_pages(context, site, &uis, (&heroes, &pictures), &reuse)?;
        site_files(context, site, &uis, written)
    })?;
    report.indexed = report.time("search index", || search_index::write(context, site))?;
    report.time("old files", || context.remove_the_rest())?;
    if options.compress {
        report.compressed = report.time("compression", || compress::precompress(&context.dist))?;
    }
    Ok(())
}

/// The files of the site as a whole, once its pages are written: the app's starter (and the live
/// counts' module), the interface's words (with
/// each language's footer), the news feeds, the sitemap and `robots.txt`, the headers and
/// redirects files. Returns how many HTML
/// files the site has.
fn site_files(
    context: &BuildContext,
    site: &Site,
    uis: &[UiText],
    written: pages::Written,
) -> Result<usize, BuildError> {
    let modules = context.data_module.iter().chain(&context.search_module);
    for module in std::iter::once(&context.starter)
        .chain(&context.live_counts)
        .chain(modules.clone().map(|module| &module.starter))
    {
        context.write(context.base.strip(&module.href), &module.text)?;
    }
    for (path, bytes) in modules.flat_map(|m| &m.files) {
        context.write(context.base.strip(path), bytes)?;
    }
    for ui in uis {
        context.write(&routes::ui_data_path(&ui.lang), pages::to_json(ui))?;
    }
    for (path, xml) in feed::feeds(context, site) {
        context.write(&path, xml)?;
    }
    context.write("/sitemap.xml", sitemap::sitemap(&written.sitemap))?;
    context.write(
        "/robots.txt",
        sitemap::robots(&context.absolute("/sitemap.xml")),
    )?;
    context.write(
        "/_headers",
        headers::headers_file(&context.base, &context.loader_hash, &context.third_parties),
    )?;
    gbif_widgets::write(context, site)?;
    if let Some(redirects) = redirects::redirects_file(site, &context.base) {
        context.write("/_redirects", redirects)?;
    }
    // GitHub Pages would otherwise run the folder through Jekyll, which drops `_app` and `_data`.
    context.write("/.nojekyll", "")?;
    Ok(written.html_files)
}

#[cfg(test)]
mod never_panics;
#[cfg(test)]
mod tests;
