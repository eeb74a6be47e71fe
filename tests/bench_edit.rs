//! The edit loop, measured (`bash scripts/bench_edit.sh`, which runs this): the development
//! server (`scripts/serve.sh`) on a copy of a hosted-portal repository, a page open in headless
//! Chromium, and ten saves each of a page, a stylesheet and a data file, each timed from the
//! file's write to the browser showing the change; then the same page edit rebuilt by real
//! Jekyll with the theme (`../shared/baseline/hosted-portal/build.sh`'s setup), ten times.
//! Prints the medians side by side. Not a test: it measures, and fails only if a change never
//! shows.
//!
//! Environment: `BENCH_REPO` (default `../shared/corpus/hp-specify`), `BENCH_PAGE` (the file
//! edited, default `about.md`), `BENCH_URL` (its address, default `/about/`), `BENCH_PORT`
//! (default 8099).

#[path = "browser/support/mod.rs"]
mod support;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use support::Browser;

const SAVES: usize = 10;

fn env_or(name: &str, default: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| default.to_owned())
}

fn now_ms() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs_f64()
        * 1000.0
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    }
}

fn copy_folder(from: &Path, to: &Path) {
    let _ = std::fs::remove_dir_all(to);
    let status = Command::new("cp")
        .arg("-a")
        .arg(from)
        .arg(to)
        .status()
        .unwrap();
    assert!(status.success(), "copy {}", from.display());
}

/// The development server, stopped (with its children) when dropped.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let group = format!("-{}", self.0.id());
        let _ = Command::new("kill")
            .args(["-s", "TERM", "--", &group])
            .status();
        let _ = self.0.wait();
    }
}

/// Writes `text` with `from` replaced by `to` into `file`; the time of the write (ms since the
/// epoch, the browser's clock too).
fn save(file: &Path, original: &str, from: &str, to: &str) -> f64 {
    let text = original.replacen(from, to, 1);
    assert_ne!(text, original, "{} has no `{from}`", file.display());
    let at = now_ms();
    std::fs::write(file, text).unwrap();
    at
}

/// Waits until `condition` (a JS expression) holds in the page; when it did, by the browser's
/// clock. Polls every 10 ms.
async fn shown_at(browser: &Browser, condition: &str) -> f64 {
    let started = Instant::now();
    loop {
        let value = browser
            .client
            .execute(&format!("return ({condition}) ? Date.now() : 0;"), vec![])
            .await
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0);
        if value > 0.0 {
            return value;
        }
        if started.elapsed() > Duration::from_secs(60) {
            let page = browser
                .client
                .execute_async("const done = arguments[0]; fetch('/_dev/build.txt', {cache: 'no-store'}).then(r => r.text()).then(n => done([location.href, n.slice(0, 50), [...document.scripts].map(s => s.textContent.slice(-90)), performance.getEntriesByType('navigation').map(e => e.type)]));", vec![])
                .await;
            panic!(
                "never shown: {condition}; the page: {page:?}; console: {:?}",
                browser.console_errors().await
            );
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

/// Ten saves of `file`, each replacing `from` with a new text made by `to`, each timed until
/// `shown(i)` holds in the page. The file is put back afterwards.
async fn edits(
    browser: &Browser,
    file: &Path,
    from: &str,
    to: impl Fn(usize) -> String,
    shown: impl Fn(usize) -> String,
) -> Vec<f64> {
    let original = std::fs::read_to_string(file).unwrap();
    let mut times = Vec::new();
    for i in 1..=SAVES {
        let written = save(file, &original, from, &to(i));
        let at = shown_at(browser, &shown(i)).await;
        times.push(at - written);
        // Let the page settle (hydrate) before the next save.
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    std::fs::write(file, &original).unwrap();
    times
}

/// The same page edit, rebuilt by real Jekyll with the theme, ten times (ms each).
fn jekyll_rebuilds(repo: &Path, page: &str, from: &str, scratch: &Path) -> Option<Vec<f64>> {
    let build = Path::new("../shared/baseline/hosted-portal/build.sh");
    if !build.is_file() {
        eprintln!("(no {}: Jekyll is not measured)", build.display());
        return None;
    }
    let out = scratch.join("jekyll");
    let status = Command::new("bash")
        .arg(build)
        .arg(repo)
        .arg(&out)
        .stdout(Stdio::null())
        .status()
        .ok()?;
    if !status.success() {
        eprintln!("(the reference build failed: Jekyll is not measured)");
        return None;
    }
    let src = out.join("src");
    std::fs::create_dir_all(scratch.join("jekyll-content")).ok()?;
    let file = src.join(page);
    let original = std::fs::read_to_string(&file).ok()?;
    let mut times = Vec::new();
    for i in 1..=SAVES {
        let started = Instant::now();
        std::fs::write(
            &file,
            original.replacen(from, &format!("{from} (edit {i})"), 1),
        )
        .ok()?;
        let status = Command::new("jekyll")
            .args(["build", "-s"])
            .arg(&src)
            .arg("-d")
            .arg(out.join("_site"))
            .arg("--config")
            .arg(format!(
                "{},{}",
                src.join("_config.yml").display(),
                out.join("overlay-time.yml").display()
            ))
            .env("JEKYLL_NO_BUNDLER_REQUIRE", "true")
            .env("JEKYLL_ENV", "production")
            .env("HP_MANIFEST", scratch.join("jekyll-manifest.jsonl"))
            .env("HP_CONTENT_DIR", scratch.join("jekyll-content"))
            .env("LC_ALL", "C.UTF-8")
            .output()
            .ok()?;
        if !status.status.success() {
            eprintln!(
                "(jekyll build failed: {})",
                String::from_utf8_lossy(&status.stderr)
                    .lines()
                    .last()
                    .unwrap_or("")
            );
            return None;
        }
        times.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    Some(times)
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    std::env::set_current_dir(&root).unwrap();
    let repo = PathBuf::from(env_or("BENCH_REPO", "../shared/corpus/hp-specify"));
    let page = env_or("BENCH_PAGE", "about.md");
    let url = env_or("BENCH_URL", "/about/");
    let port = env_or("BENCH_PORT", "8099");
    let scratch = root.join("target/bench-edit");
    std::fs::create_dir_all(&scratch).unwrap();
    let site = scratch.join("site");
    copy_folder(&repo, &site);

    eprintln!("starting the development server on {}", site.display());
    let log = std::fs::File::create(scratch.join("serve.log")).unwrap();
    let server = Server(
        Command::new("setsid")
            .args(["bash", "scripts/serve.sh", "--port", &port])
            .env("SCC_CONTENT", &site)
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .unwrap(),
    );
    let address = format!("http://127.0.0.1:{port}{url}");
    let started = Instant::now();
    while !std::fs::read_to_string(scratch.join("serve.log"))
        .unwrap_or_default()
        .contains("success")
    {
        assert!(
            started.elapsed() < Duration::from_secs(1800),
            "the server did not start; see target/bench-edit/serve.log"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }

    let browser = Browser::start().await;
    browser.client.goto(&address).await.unwrap();
    browser.wait_for("h1").await;

    // A page: a word of its first heading.
    let page_file = site.join(&page);
    let text = std::fs::read_to_string(&page_file).unwrap();
    let heading = text
        .lines()
        .find_map(|l| l.strip_prefix("## "))
        .expect("the page has a `## ` heading")
        .trim()
        .to_owned();
    let page_times = edits(
        &browser,
        &page_file,
        &format!("## {heading}"),
        |i| format!("## {heading} (edit {i})"),
        |i| format!("document.body.innerText.includes('(edit {i})')"),
    )
    .await;

    // A stylesheet: a custom property on the root.
    let css = root.join("style/base.css");
    let css_times = edits(
        &browser,
        &css,
        ":root {",
        |i| format!(":root {{\n  --bench-edit: {i};"),
        |i| {
            format!(
                "getComputedStyle(document.documentElement).getPropertyValue('--bench-edit').trim() === '{i}'"
            )
        },
    )
    .await;

    // A data file: the first navigation entry's text, on every page.
    let navigation = site.join("_data/navigation.yml");
    let nav_text = std::fs::read_to_string(&navigation).unwrap();
    let first = nav_text
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("- text: "))
        .expect("a navigation entry")
        .trim()
        .to_owned();
    let data_times = edits(
        &browser,
        &navigation,
        &format!("- text: {first}"),
        |i| format!("- text: {first} {i}"),
        |i| format!("document.querySelector('header').innerText.includes('{first} {i}')"),
    )
    .await;
    browser.close().await;
    drop(server);

    let jekyll = jekyll_rebuilds(&repo, &page, &format!("## {heading}"), &scratch);
    let ms = |v: &[f64]| format!("{:.0} ms", median(v.to_vec()));
    let range = |v: &[f64]| {
        let mut v = v.to_vec();
        v.sort_by(f64::total_cmp);
        format!("{:.0}–{:.0}", v[0], v[v.len() - 1])
    };
    println!();
    println!(
        "| edit ({SAVES} saves, {}) | median, write to the browser showing it | range |",
        repo.display()
    );
    println!("| --- | ---: | ---: |");
    println!(
        "| a page ({page}) | {} | {} |",
        ms(&page_times),
        range(&page_times)
    );
    println!(
        "| a stylesheet (style/base.css) | {} | {} |",
        ms(&css_times),
        range(&css_times)
    );
    println!(
        "| a data file (_data/navigation.yml) | {} | {} |",
        ms(&data_times),
        range(&data_times)
    );
    match jekyll {
        Some(times) => println!(
            "| the same page, `jekyll build` with the theme (rebuild only, no browser) | {} | {} |",
            ms(&times),
            range(&times)
        ),
        None => println!("| the same page, Jekyll | not measured | |"),
    }
}
