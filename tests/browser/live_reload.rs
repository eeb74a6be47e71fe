//! The development server's content rebuilder (`build_site --watch`, which `scripts/serve.sh`
//! runs beside `trunk serve`): a saved page or data file is rebuilt into the served folder and
//! the open page reloads by itself, showing the new text (and does not when what changed is
//! another page); a content error leaves the last good page served; the search index follows
//! the saved text. Runs on a copy of the fixture portal and its release build
//! (target/fixture-portal, whose build kept trunk's page shell for this).

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use crate::support::{Browser, Options, StaticServer, built_site};

/// A copy of the fixture portal's folder and of its built site, rebuilt by `build_site --watch`
/// while the test runs.
struct LiveSite {
    content: PathBuf,
    dist: PathBuf,
    server: Option<StaticServer>,
    rebuilder: Child,
    _scratch: PathBuf,
}

impl Drop for LiveSite {
    fn drop(&mut self) {
        let _ = self.rebuilder.kill();
        let _ = self.rebuilder.wait();
        let _ = std::fs::remove_dir_all(&self._scratch);
    }
}

fn copy_folder(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from).into_iter().flatten() {
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else if !matches!(
            entry.path().extension().and_then(|e| e.to_str()),
            // The development server serves files as they are.
            Some("br" | "gz")
        ) {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

fn live_site(name: &str) -> LiveSite {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let built = built_site(
        "SITE_DIST_PORTAL",
        "target/fixture-portal",
        "SCC_CONTENT=tests/fixtures/portal trunk build --release --dist target/fixture-portal",
    );
    let scratch = std::env::temp_dir().join(format!("scc-live-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&scratch);
    let content = scratch.join("portal");
    let dist = scratch.join("dist");
    copy_folder(&root.join("tests/fixtures/portal"), &content);
    copy_folder(&built, &dist);
    let rebuilder = Command::new(root.join("target/tool/build_site"))
        .current_dir(&root)
        .args(["--watch", "--content"])
        .arg(&content)
        .arg("--dist")
        .arg(&dist)
        .arg("--shell")
        .arg(scc_site::build::kept_for(&built))
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start target/tool/build_site (cargo build --profile tool --features ssr --bin build_site)");
    LiveSite {
        content,
        dist,
        server: None,
        rebuilder,
        _scratch: scratch,
    }
}

impl LiveSite {
    fn server(&self) -> &StaticServer {
        self.server
            .as_ref()
            .expect("started after the first rebuild")
    }
}

/// Replaces `from` with `to` in the site's file `relative`.
fn edit(site: &LiveSite, relative: &str, from: &str, to: &str) {
    let file = site.content.join(relative);
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains(from), "{relative} has no `{from}`");
    std::fs::write(&file, text.replacen(from, to, 1)).unwrap();
}

/// Waits (up to 10 s) until the rebuilder has written a build number other than `before`.
fn wait_for_rebuild(site: &LiveSite, before: &str) -> String {
    for _ in 0..200 {
        let response = site.server().get("/_dev/build.txt");
        if response.status == 200 && response.text() != before {
            return response.text();
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    panic!("the rebuilder wrote no new build number");
}

#[tokio::test]
async fn a_saved_page_or_data_file_reloads_the_open_page_with_the_new_text() {
    let mut site = live_site("edits");
    // The copied site is a release build; the rebuilder's own pages carry the reload script
    // (and its `_headers` allow it, which the server reads as it starts). Once the rebuilder is
    // watching (a moment after it starts), a save makes the first of them.
    let number_file = site.dist.join("_dev/build.txt");
    for _ in 0..50 {
        edit(
            &site,
            "guide/index.md",
            "Text of the first section.",
            "Text of the first section.",
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
        if number_file.is_file() {
            break;
        }
    }
    assert!(number_file.is_file(), "the rebuilder did not rebuild");
    site.server = Some(StaticServer::start(site.dist.clone(), Options::default()));
    let browser = Browser::start().await;
    browser.open(&site.server().url("/guide/")).await;
    assert_eq!(browser.text("h1").await, "Guide");
    // The watcher is ready once the page polls successfully; give the first poll its answer.
    browser.eval("window.before = true; return true;").await;

    edit(
        &site,
        "guide/index.md",
        "title: Guide",
        "title: The guide, edited",
    );
    browser
        .wait_until("document.querySelector('h1')?.textContent === 'The guide, edited'")
        .await;
    assert_eq!(
        browser.eval("return window.before === undefined;").await,
        serde_json::json!(true),
        "the page reloaded by itself"
    );

    // Another page: this one, unchanged, stays as it is (no reload).
    browser.eval("window.before = true; return true;").await;
    let number = std::fs::read_to_string(&number_file).unwrap();
    edit(
        &site,
        "welcome.md",
        "description: Choose your language",
        "description: Choose a language",
    );
    wait_for_rebuild(&site, &number);
    std::thread::sleep(std::time::Duration::from_millis(500));
    assert_eq!(
        browser.eval("return window.before === true;").await,
        serde_json::json!(true),
        "an unchanged page does not reload"
    );

    // A data file: the navigation of every page.
    edit(
        &site,
        "_data/navigation.yml",
        "- text: Compose",
        "- text: Compositions",
    );
    browser
        .wait_until("[...document.querySelectorAll('#site-menu a')].some(a => a.textContent.trim() === 'Compositions')")
        .await;

    // A content error: the last good page stays; fixing it brings the next version.
    let number = wait_for_rebuild(&site, &number);
    edit(&site, "guide/index.md", "toc: true", "toc: [unclosed");
    std::thread::sleep(std::time::Duration::from_millis(600));
    assert_eq!(
        site.server().get("/_dev/build.txt").text(),
        number,
        "no build was written"
    );
    let served = site.server().get("/guide/").text();
    assert!(
        served.contains("The guide, edited"),
        "the last good page is served"
    );
    edit(&site, "guide/index.md", "toc: [unclosed", "toc: true");
    edit(
        &site,
        "guide/index.md",
        "The guide, edited",
        "The guide, fixed",
    );
    browser
        .wait_until("document.querySelector('h1')?.textContent === 'The guide, fixed'")
        .await;

    // The search index follows the saved text: a new word finds the page.
    edit(
        &site,
        "guide/index.md",
        "Text of the first section.",
        "Text of the first section, on quokkas.",
    );
    browser
        .wait_until("document.querySelector('main')?.textContent.includes('quokkas')")
        .await;
    browser.wait_for(".site-header a[href=\"/search/\"]").await;
    browser
        .eval("document.querySelector('.site-header a[href=\"/search/\"]').click(); return true;")
        .await;
    browser
        .wait_until("document.querySelector('dialog.search-dialog')?.open === true")
        .await;
    browser
        .eval("const f = document.querySelector('.search-dialog input'); f.value = 'quokkas'; f.dispatchEvent(new Event('input', {bubbles: true})); return true;")
        .await;
    browser
        .wait_until(
            "document.querySelector('.search-dialog__hit a')?.getAttribute('href') === '/guide/'",
        )
        .await;
    browser.finish().await;
}
