//! The build step that runs after trunk has compiled the app (a `post_build` hook in Trunk.toml):
//! compiles the site's folder (a hosted-portal repository), prints every problem with its file
//! and line (warnings listed together at the end), and on success writes the whole site into
//! trunk's staging folder (prerendered pages, the site's files, images, sitemap, headers). On any
//! error it exits with status 1 and trunk keeps the last good `dist/`.
//!
//! With `--watch` it is the development server's content rebuilder (`scripts/serve.sh` runs it
//! beside `trunk serve`, which then watches only the app's code): on every save in the site's
//! folder or `style/`, it rebuilds the site straight into `dist/` (no precompression, images from
//! their cache, trunk's page shell from the copy its last build kept, only the pages that
//! changed drawn again) and writes beside each page drawn the build's number, which the open
//! page polls and reloads on. A content error is printed and `dist/` keeps the last good site.
//!
//! Usage: `build_site [--check | --watch] [--content DIR] [--dist DIR] [--public-url PATH]
//! [--compress | --no-compress]`
//! Under trunk, `--dist` and `--public-url` default to `TRUNK_STAGING_DIR` and `TRUNK_PUBLIC_URL`,
//! and files are precompressed in release builds only; `--content` (the site's folder) defaults to
//! `SCC_CONTENT`, or `content`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

use scc_site::build::{self, Options, ShellSource};
use scc_site::content;

// See Cargo.toml: measured on the 10,010-page site.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc asks for transparent huge pages, and each time it reuses memory it gave back, the
/// kernel clears 2 MB of it; on the 10,010-page site the build step spent a third of its
/// Pagefind phase and a fifth of its compile phase clearing pages. Without them: compile
/// 3.1–3.6 s -> 2.2–2.4 s, search index 8.4–10.7 s -> 8.6–9.2 s. (mimalloc's own
/// `MIMALLOC_ALLOW_THP=0` makes this same call, but only when set before the program starts.)
fn no_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes no pointers; it sets one flag of this process.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

struct Args {
    check_only: bool,
    watch: bool,
    content: PathBuf,
    dist: Option<PathBuf>,
    public_url: String,
    compress: Option<bool>,
    /// For `--watch`: the kept copy of trunk's shell, if not the one kept for `--dist`.
    shell: Option<PathBuf>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        check_only: false,
        watch: false,
        // `SCC_CONTENT=DIR trunk build` builds any hosted-portal repository.
        content: std::env::var_os("SCC_CONTENT")
            .map_or_else(|| PathBuf::from("content"), PathBuf::from),
        dist: std::env::var_os("TRUNK_STAGING_DIR").map(PathBuf::from),
        public_url: std::env::var("TRUNK_PUBLIC_URL").unwrap_or_else(|_| "/".into()),
        compress: None,
        shell: None,
    };
    let mut iter = std::env::args().skip(1);
    while let Some(arg) = iter.next() {
        let mut value = |name: &str| iter.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--check" => args.check_only = true,
            "--watch" => args.watch = true,
            "--content" => args.content = value("--content")?.into(),
            "--dist" => args.dist = Some(value("--dist")?.into()),
            "--public-url" => args.public_url = value("--public-url")?,
            "--compress" => args.compress = Some(true),
            "--no-compress" => args.compress = Some(false),
            "--shell" => args.shell = Some(value("--shell")?.into()),
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    Ok(args)
}

fn main() -> ExitCode {
    no_huge_pages();
    let args = match parse_args() {
        Ok(args) => args,
        Err(message) => {
            eprintln!(
                "build_site: {message}\nusage: build_site [--check | --watch] [--content DIR] [--dist DIR] [--public-url PATH] [--compress | --no-compress]"
            );
            return ExitCode::from(2);
        }
    };
    if args.watch {
        return watch(&args);
    }
    // Under `trunk serve` (a debug build) nothing is precompressed: a browser on localhost
    // needs no `.br` file. The shell is kept for `--watch`, named after the folder trunk
    // publishes to (the staging folder is gone once trunk has moved it there).
    let release = std::env::var("TRUNK_PROFILE").map_or(true, |p| p == "release");
    let published = std::env::var_os("TRUNK_DIST_DIR")
        .map(PathBuf::from)
        .or_else(|| args.dist.clone());
    let shell = match published {
        Some(dist) => ShellSource::InOutputKeepingACopy(build::kept_for(&dist)),
        None => ShellSource::InOutput,
    };
    let compress = args.compress.unwrap_or(release);
    match build_once(&args, args.dist.clone(), shell, (compress, release), None) {
        true => ExitCode::SUCCESS,
        false => ExitCode::FAILURE,
    }
}

/// What a build of the content rebuilder (`--watch`) has besides: its number, and the pages
/// its earlier builds compiled.
struct Rebuild<'a> {
    number: String,
    remembered: &'a mut content::Remembered,
}

/// Compiles the site and, unless only checking, writes it into `dist` (precompressed if
/// `compress`; a `release` build takes over the previous site's folders); prints every problem
/// and what was done. Whether it all went well.
fn build_once(
    args: &Args,
    dist: Option<PathBuf>,
    shell: ShellSource,
    (compress, release): (bool, bool),
    rebuild: Option<Rebuild>,
) -> bool {
    let (build_number, remembered) = match rebuild {
        Some(Rebuild { number, remembered }) => (Some(number), Some(remembered)),
        None => (None, None),
    };
    let started = Instant::now();
    let shown = args.content.display().to_string();
    let input = match content::load(&args.content, shown.trim_end_matches('/')) {
        Ok(mut input) => {
            input.deployed_at = Some(args.public_url.clone());
            input
        }
        Err(e) => {
            eprintln!("error: cannot read the site's folder {shown}: {e}");
            return false;
        }
    };
    let documents = input.documents.len();
    let compiled =
        content::compile_remembering(&input, Arc::new(build::page_body::markdownify), remembered);
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
        return false;
    };
    let pages = site.pages.len();
    if args.check_only {
        eprintln!("content ok: {documents} documents, {pages} pages");
        return true;
    }
    let Some(dist) = dist else {
        eprintln!("error: no output folder: pass --dist, or run this as trunk's post_build hook");
        return false;
    };
    // Under trunk, the site it published last; under `--watch`, the site in the folder it
    // rebuilds in place.
    let previous = match &build_number {
        Some(_) => Some(dist.clone()),
        None => std::env::var_os("TRUNK_DIST_DIR").map(PathBuf::from),
    };
    // The site's `baseurl` gives the sub-path when the build is given none.
    let (public_url, shell_public_url) = build::deployment(&site.base, &args.public_url);
    let options = Options {
        site_root: args.content.clone(),
        dist,
        shell_public_url,
        public_url,
        compress,
        shell,
        build_number,
        previous,
        // Not under `trunk serve`, which serves `dist/` while it builds.
        adopt_previous: release,
    };
    let (image_sources, strict) = (site.image_sources.clone(), site.strict);
    match build::write_site(site, &options) {
        Ok(report) => {
            let shown = format!("{}/", shown.trim_end_matches('/'));
            let counts = (documents, pages, compile_time);
            report_written(&report, &image_sources, strict, &shown, counts)
        }
        Err(e) => {
            eprintln!(
                "error: cannot write the site into {}: {e}",
                options.dist.display()
            );
            false
        }
    }
}

/// Prints what writing the site found and did: the images published as they are (reported
/// where they are written, as the content's problems are; errors under `strict: true`) and the
/// counts and timings. Whether the site may be published.
fn report_written(
    report: &build::Report,
    image_sources: &content::ImageSources,
    strict: bool,
    shown: &str,
    (documents, pages, compile_time): (usize, usize, std::time::Duration),
) -> bool {
    for problem in &report.image_problems {
        eprintln!(
            "{}\n",
            problem.diagnostic(image_sources, shown).strict_if(strict)
        );
    }
    if strict && !report.image_problems.is_empty() {
        let count = report.image_problems.len();
        eprintln!(
            "error: {count} image{} cannot be made smaller (`strict: true`); the site is not published",
            if count == 1 { "" } else { "s" }
        );
        return false;
    }
    let timings: Vec<String> = [("content", compile_time)]
        .into_iter()
        .chain(report.timings.iter().cloned())
        .map(|(step, time)| format!("{step} {:.2} s", time.as_secs_f64()))
        .collect();
    eprintln!(
        "content ok: {documents} documents, {pages} pages, {} HTML files prerendered, {}, {} files precompressed ({})",
        report.html_files,
        if report.indexed == 0 {
            "search index kept".to_owned()
        } else {
            format!("{} pages indexed for search", report.indexed)
        },
        report.compressed,
        timings.join(", ")
    );
    true
}

/// The development server's content rebuilder (see the module's comment).
fn watch(args: &Args) -> ExitCode {
    use notify::{RecursiveMode, Watcher};
    let dist = args.dist.clone().unwrap_or_else(|| PathBuf::from("dist"));
    let kept = args.shell.clone().unwrap_or_else(|| build::kept_for(&dist));
    let (events, received) = std::sync::mpsc::channel();
    let mut watcher = match notify::recommended_watcher(events) {
        Ok(watcher) => watcher,
        Err(e) => {
            eprintln!("error: cannot watch for changes: {e}");
            return ExitCode::FAILURE;
        }
    };
    let styles = PathBuf::from("style");
    for folder in [args.content.as_path(), styles.as_path()] {
        if let Err(e) = watcher.watch(folder, RecursiveMode::Recursive) {
            eprintln!("error: cannot watch {}: {e}", folder.display());
            return ExitCode::FAILURE;
        }
    }
    eprintln!(
        "build_site: watching {} and {} (trunk rebuilds the app)",
        args.content.display(),
        styles.display()
    );
    let mut number = 0u64;
    let mut remembered = content::Remembered::default();
    while let Ok(first) = received.recv() {
        let mut changed = vec![first];
        // An editor saves in several steps (a temporary file, a rename): take them together.
        while let Ok(next) = received.recv_timeout(Duration::from_millis(15)) {
            changed.push(next);
        }
        let relevant = changed.iter().flatten().any(|event| {
            !event.kind.is_access()
                && event
                    .paths
                    .iter()
                    .any(|path| !is_output(path, &dist, &args.content) && !is_editor_scratch(path))
        });
        if !relevant {
            continue;
        }
        if !kept.join("index.html").is_file() {
            eprintln!(
                "build_site: no copy of trunk's page shell in {} yet; trunk's first build makes it",
                kept.display()
            );
            continue;
        }
        let started = Instant::now();
        let shell = ShellSource::Kept {
            folder: kept.clone(),
            styles: styles.clone(),
        };
        number += 1;
        let stamp = format!("{}-{number}", std::process::id());
        let rebuild = Rebuild {
            number: stamp.clone(),
            remembered: &mut remembered,
        };
        if build_once(
            args,
            Some(dist.clone()),
            shell,
            (false, false),
            Some(rebuild),
        ) {
            let file = dist.join(build::DEV_BUILD_NUMBER.trim_start_matches('/'));
            let written = file
                .parent()
                .map_or(Ok(()), std::fs::create_dir_all)
                .and_then(|()| std::fs::write(&file, stamp));
            if let Err(e) = written {
                eprintln!("error: cannot write {}: {e}", file.display());
            }
            eprintln!(
                "rebuilt in {} ms; the open page reloads",
                started.elapsed().as_millis()
            );
        }
    }
    ExitCode::SUCCESS
}

/// Whether `path` is output rather than the site's: inside the output folder, or inside a
/// `target/` folder of the site's folder (`content`).
fn is_output(path: &Path, dist: &Path, content: &Path) -> bool {
    let absolute = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let inside_site = path.strip_prefix(absolute(content)).unwrap_or(path);
    path.starts_with(absolute(dist)) || inside_site.components().any(|c| c.as_os_str() == "target")
}

/// An editor's swap or backup file (`.page.md.swp`, `page.md~`, `4913`).
fn is_editor_scratch(path: &Path) -> bool {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    name.ends_with('~') || name.ends_with(".swp") || name.ends_with(".swx") || name == "4913"
}
