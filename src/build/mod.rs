//! The build step after trunk: from the compiled content and trunk's `index.html` to the whole
//! deployable `dist/`. [`write_site`] runs the steps in order over one [`BuildContext`]: the
//! site's own files, the hero images, every page (its data file and its prerendered HTML, which
//! the app takes over in the browser), the interface's words with each language's footer,
//! `sitemap.xml` and `robots.txt`, `_headers`, and precompressed copies of every text file.

mod cache;
pub mod compress;
mod context;
mod contrast;
mod error;
mod feed;
pub mod gbif_widgets;
pub mod head;
pub mod headers;
pub mod images;
mod logos;
pub mod output;
pub mod page_body;
mod pages;
pub use crate::content::parallel;
pub mod pictures;
pub mod prerender;
mod previous;
mod redirects;
pub mod reuse;
pub mod shell;
pub mod sitemap;
mod static_files;

use std::path::PathBuf;
use std::time::{Duration, Instant};

pub use context::{BuildContext, DEV_BUILD_NUMBER};
pub use error::BuildError;

use crate::content::Site;
use crate::model::UiText;
use crate::routes;

/// Where to read from and write to.
pub struct Options {
    /// The site's folder (the hosted-portal repository), whose files are copied and images read.
    pub site_root: PathBuf,
    /// trunk's staging folder, which becomes `dist/` if the build succeeds.
    pub dist: PathBuf,
    /// trunk's `--public-url`: `/` or a sub-path such as `/scc/`.
    pub public_url: String,
    /// Whether to write `.br` beside the files (release builds; a browser on localhost needs
    /// none).
    pub compress: bool,
    /// Where trunk's page shell comes from (see [`ShellSource`]).
    pub shell: ShellSource,
    /// The site the last build published (trunk's `dist/`), whose unchanged files are kept in
    /// this one (see `BuildContext::write`).
    pub previous: Option<PathBuf>,
    /// Whether `previous`'s folders are moved into this build (`previous.rs`) rather than its
    /// files linked: for release builds, which nothing serves while they run; under
    /// `trunk serve`, the published site stays whole until the new one replaces it.
    pub adopt_previous: bool,
    /// The development server's number for this build (`build_site --watch`), which each page
    /// it draws carries and writes beside it, for the open page to reload on.
    pub build_number: Option<String>,
}

/// This repository's `target/` (or `CARGO_TARGET_DIR`), where builds keep what they can reuse:
/// encoded images, compressed files, copies of trunk's page shell.
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target"))
}

/// Where the builds for the output folder `dist` keep what the next one uses: a copy of trunk's
/// page shell, for `build_site --watch` (see [`ShellSource`]), and the record of the pages drawn
/// (see [`reuse`]). A folder under `target/` named after `dist`'s absolute path, so that each
/// output folder has its own.
pub fn kept_for(dist: &std::path::Path) -> PathBuf {
    let absolute = std::fs::canonicalize(dist).unwrap_or_else(|_| {
        std::env::current_dir()
            .map(|cwd| cwd.join(dist))
            .unwrap_or_else(|_| dist.to_path_buf())
    });
    let name: String = absolute
        .to_string_lossy()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    target_dir().join("scc-kept").join(name)
}

/// Where the build finds trunk's `index.html` (the app's loader, its stylesheets), which every
/// page is drawn around.
#[derive(Clone, Debug, Default)]
pub enum ShellSource {
    /// In the output folder, as trunk leaves it: its stylesheets are inlined into every page and
    /// their files removed.
    #[default]
    InOutput,
    /// The same, and a copy kept in this folder for the development server's content rebuilds
    /// (`build_site --watch`), which write into a `dist/` whose `index.html` is the home page.
    InOutputKeepingACopy(PathBuf),
    /// A copy kept earlier (see above), with its stylesheets read from `styles` (`style/`, by
    /// their names without trunk's hash), so that an edited stylesheet applies at once.
    Kept { folder: PathBuf, styles: PathBuf },
}

/// What was written, and how long each step took.
#[derive(Debug, Default)]
pub struct Report {
    pub html_files: usize,
    pub compressed: usize,
    pub timings: Vec<(&'static str, Duration)>,
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
    report.time("logos", || logos::small_logos(&mut site, options));
    let context = BuildContext::new(&site, options)?;
    let written = write_all(&context, &site, options, &mut report);
    if written.is_err() {
        context.abandon();
    }
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
    report.time("old files", || context.remove_the_rest())?;
    if options.compress {
        report.compressed = report.time("compression", || compress::precompress(&context.dist))?;
    }
    Ok(())
}

/// The files of the site as a whole, once its pages are written: the interface's words (with
/// each language's footer), the news feeds, the sitemap and `robots.txt`, the headers and
/// redirects files. Returns how many HTML
/// files the site has.
fn site_files(
    context: &BuildContext,
    site: &Site,
    uis: &[UiText],
    written: pages::Written,
) -> Result<usize, BuildError> {
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
