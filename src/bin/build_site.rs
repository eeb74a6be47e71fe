//! The build step that runs after trunk has compiled the app (a `post_build` hook in Trunk.toml):
//! compiles the site's folder (a hosted-portal repository), prints every problem with its file
//! and line (warnings listed together at the end), and on success writes the whole site into
//! trunk's staging folder (prerendered pages, the site's files, images, sitemap, headers). On any
//! error it exits with status 1 and trunk keeps the last good `dist/`.
//!
//! Usage: `build_site [--check] [--content DIR] [--dist DIR] [--public-url PATH]`
//! Under trunk, `--dist` and `--public-url` default to `TRUNK_STAGING_DIR` and `TRUNK_PUBLIC_URL`;
//! `--content` (the site's folder) defaults to `SCC_CONTENT`, or `content`.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use scc_site::build::{self, Options};
use scc_site::content;

struct Args {
    check_only: bool,
    content: PathBuf,
    dist: Option<PathBuf>,
    public_url: String,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        check_only: false,
        // `SCC_CONTENT=DIR trunk build` builds any hosted-portal repository.
        content: std::env::var_os("SCC_CONTENT")
            .map_or_else(|| PathBuf::from("content"), PathBuf::from),
        dist: std::env::var_os("TRUNK_STAGING_DIR").map(PathBuf::from),
        public_url: std::env::var("TRUNK_PUBLIC_URL").unwrap_or_else(|_| "/".into()),
    };
    let mut iter = std::env::args().skip(1);
    while let Some(arg) = iter.next() {
        let mut value = |name: &str| iter.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--check" => args.check_only = true,
            "--content" => args.content = value("--content")?.into(),
            "--dist" => args.dist = Some(value("--dist")?.into()),
            "--public-url" => args.public_url = value("--public-url")?,
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    Ok(args)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(message) => {
            eprintln!(
                "build_site: {message}\nusage: build_site [--check] [--content DIR] [--dist DIR] [--public-url PATH]"
            );
            return ExitCode::from(2);
        }
    };
    let started = std::time::Instant::now();
    let shown = args.content.display().to_string();
    let input = match content::load(&args.content, shown.trim_end_matches('/')) {
        Ok(input) => input,
        Err(e) => {
            eprintln!("error: cannot read the site's folder {shown}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let documents = input.documents.len();
    let compiled = content::compile(&input, Arc::new(build::page_body::markdownify));
    let compile_time = started.elapsed();
    // Errors first; the warnings, which do not stop the build, together after them.
    for diagnostic in compiled.errors().chain(compiled.warnings()) {
        eprintln!("{diagnostic}\n");
    }
    let warnings = compiled.warnings().count();
    if warnings > 0 {
        eprintln!(
            "{warnings} warning{}: the site builds, as Jekyll builds it; `strict: true` in _config.yml makes them errors\n",
            if warnings == 1 { "" } else { "s" }
        );
    }
    let Some(site) = compiled.site else {
        let errors = compiled.errors().count();
        eprintln!(
            "error: the content has {errors} error{}; the site was not built and the last good dist/ is unchanged",
            if errors == 1 { "" } else { "s" }
        );
        return ExitCode::FAILURE;
    };
    let pages = site.pages.len();
    if args.check_only {
        eprintln!("content ok: {documents} documents, {pages} pages");
        return ExitCode::SUCCESS;
    }
    let Some(dist) = args.dist else {
        eprintln!("error: no output folder: pass --dist, or run this as trunk's post_build hook");
        return ExitCode::FAILURE;
    };
    let options = Options {
        site_root: args.content,
        dist,
        public_url: args.public_url,
    };
    match build::write_site(site, &options) {
        Ok(report) => {
            let timings: Vec<String> = [("content", compile_time)]
                .into_iter()
                .chain(report.timings)
                .map(|(step, time)| format!("{step} {:.2} s", time.as_secs_f64()))
                .collect();
            eprintln!(
                "content ok: {documents} documents, {pages} pages, {} HTML files prerendered, {} files precompressed ({})",
                report.html_files,
                report.compressed,
                timings.join(", ")
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!(
                "error: cannot write the site into {}: {e}",
                options.dist.display()
            );
            ExitCode::FAILURE
        }
    }
}
