//! Every route as prerendered HTML, readable without any script, then taken over by the app.

use std::sync::Arc;

use serde_json::json;

use crate::support::{Browser, Options, StaticServer, dist_dir, site};

/// Text each route's HTML must carry before any script runs.
const ROUTES: [(&str, &[&str]); 5] = [
    (
        "/",
        &[
            "class=\"hero__title\">Specify Collections Consortium</h1>",
            "<h2 class=\"cards__title\">Specify collections in GBIF</h2>",
            "<h2 id=\"a-community-of-collections\">A community of collections</h2>",
            "<footer class=\"site-footer\">",
        ],
    ),
    (
        "/about/",
        &[
            "tabindex=\"-1\" class=\"hero__title\">About the Specify Collections Consortium</h1>",
            "<h2 id=\"our-mission\">Our Mission</h2>",
            "<h3 id=\"why-choose-specify\">",
            "<th scope=\"col\" role=\"columnheader\" style=\"text-align: right;\">Examples</th>",
            "class=\"button is-primary\">Learn More</a>",
            "<p id=\"toc-title\" class=\"toc__title\">On this page</p>",
        ],
    ),
    (
        "/data/",
        &[
            "Data and contact</h1>",
            "<h2 id=\"sharing-specimen-data\">",
            "Visit the Forum</a>",
        ],
    ),
    (
        "/404.html",
        &["Page not found</h1>", "Go to the home page</a>"],
    ),
    (
        "/es/404.html",
        &["Página no encontrada</h1>", "Ir a la página de inicio</a>"],
    ),
];

#[test]
fn every_route_holds_its_whole_page_before_any_script_runs() {
    for (path, expected) in ROUTES {
        let response = site().get(path);
        assert_eq!(response.status, 200, "{path}");
        let html = response.text();
        for text in expected {
            assert!(html.contains(text), "{path} lacks {text}");
        }
        assert!(html.contains("<title>"), "{path} has no title");
        assert_eq!(html.matches("<h1").count(), 1, "{path} has one h1");
    }
}

#[test]
fn every_page_head_describes_the_page_for_search_engines_and_previews() {
    let html = site().get("/data/").text();
    for tag in [
        "<title>Data and contact | Specify Collections Consortium</title>",
        "<html lang=\"en\"",
        "<meta name=\"description\" content=\"How Specify collections share their data",
        "<link rel=\"canonical\" href=\"https://www.specifysoftware.org/data/\">",
        "<meta property=\"og:title\" content=\"Data and contact\">",
        "<meta property=\"og:image\" content=\"https://www.specifysoftware.org/_app/images/moss-1280x720-",
        "<meta name=\"twitter:card\" content=\"summary_large_image\">",
    ] {
        assert!(html.contains(tag), "missing {tag}");
    }
    let home = site().get("/").text();
    assert!(home.contains("<link rel=\"canonical\" href=\"https://www.specifysoftware.org/\">"));
    let sitemap = site().get("/sitemap.xml").text();
    assert!(sitemap.contains("<loc>https://www.specifysoftware.org/</loc>"));
    assert!(sitemap.contains("<loc>https://www.specifysoftware.org/data/</loc>"));
    assert!(
        site()
            .get("/robots.txt")
            .text()
            .contains("Sitemap: https://www.specifysoftware.org/sitemap.xml")
    );
}

#[test]
fn responses_carry_the_security_and_cache_headers() {
    let page = site().get("/data/");
    let csp = page.header("content-security-policy").expect("a CSP");
    let script_src = csp
        .split(';')
        .map(str::trim)
        .find(|d| d.starts_with("script-src"))
        .unwrap();
    assert!(!script_src.contains("'unsafe-inline'"), "{script_src}");
    // Only hashed inline scripts and what they load run: not a script file the repository
    // publishes that no page of ours loads.
    assert!(script_src.contains("'strict-dynamic'"), "{script_src}");
    assert!(!script_src.contains("'self'"), "{script_src}");
    assert_eq!(page.header("x-content-type-options"), Some("nosniff"));
    assert!(page.header("referrer-policy").is_some());
    assert!(
        page.header("permissions-policy")
            .is_some_and(|p| p.contains("camera=()"))
    );
    assert_eq!(
        page.header("cache-control"),
        Some("public, max-age=0, must-revalidate")
    );

    let html = page.text();
    let quoted_after = |text: &str, marker: &str| {
        text.split(marker)
            .nth(1)
            .and_then(|s| s.split('\'').next())
            .map(str::to_owned)
    };
    // The loader inserts the starter, which loads the app; both are cached for good.
    let starter_path = quoted_after(&html, "script.src='").expect("the loader's starter");
    let starter = site().get(&starter_path);
    assert_eq!(
        starter.header("cache-control"),
        Some("public, max-age=31536000, immutable")
    );
    let wasm = quoted_after(&starter.text(), "module_or_path:'").expect("the app's wasm");
    let wasm = wasm.as_str();
    let asset = site().get(wasm);
    assert_eq!(
        asset.header("cache-control"),
        Some("public, max-age=31536000, immutable")
    );
    assert!(
        dist_dir()
            .join(format!("{}.br", wasm.trim_start_matches('/')))
            .is_file()
    );
    // No `.gz`: every host the README names compresses with gzip itself.
    assert!(
        !dist_dir()
            .join(format!("{}.gz", wasm.trim_start_matches('/')))
            .exists()
    );
}

#[tokio::test]
async fn without_javascript_every_page_is_complete_and_its_links_work() {
    let browser = Browser::start_without_javascript().await;
    browser.load(&site().url("/about/")).await;
    assert_eq!(
        browser.text("h1").await,
        "About the Specify Collections Consortium"
    );
    assert_eq!(
        browser
            .eval("return document.documentElement.dataset.app || null;")
            .await,
        json!(null)
    );
    let rows = browser
        .eval("return document.querySelectorAll('article table tbody tr').length;")
        .await;
    assert_eq!(rows, json!(3));
    // An ordinary link: the browser loads the next page from the server.
    browser
        .wait_for("article a.button.is-primary[href='/data']")
        .await
        .click()
        .await
        .unwrap();
    browser.wait_until("location.pathname === '/data/'").await;
    assert_eq!(browser.text("h1").await, "Data and contact");
    browser.close().await;
}

#[tokio::test]
async fn the_app_takes_over_the_prerendered_page_without_redrawing_it() {
    let browser = Browser::start().await;
    browser.open(&site().url("/")).await;
    assert_eq!(
        browser
            .eval("return document.documentElement.dataset.app;")
            .await,
        json!("hydrated")
    );
    let counts = browser
        .eval("return ['h1', 'article', 'header.site-header', 'footer', '.cards'].map(s => document.querySelectorAll(s).length);")
        .await;
    assert_eq!(counts, json!([1, 1, 1, 1, 2]), "nothing is drawn twice");
    // The app is live: following a link swaps the page without reloading it.
    browser
        .eval("window.stillThisDocument = true; return null;")
        .await;
    browser
        .wait_for(".site-nav a[href='/about/']")
        .await
        .click()
        .await
        .unwrap();
    browser
        .wait_until("document.querySelector('h1').textContent === 'About the Specify Collections Consortium'")
        .await;
    assert_eq!(
        browser
            .eval("return window.stillThisDocument === true;")
            .await,
        json!(true)
    );
    browser.finish().await;
}

#[tokio::test]
async fn html_altered_on_the_way_is_drawn_afresh_and_works() {
    // A proxy that drops the site header from every page: the HTML no longer matches the app.
    let server = StaticServer::start(
        dist_dir(),
        Options {
            rewrite_html: Some(Arc::new(|_, html: String| {
                let start = html.find("<header class=\"site-header\"").unwrap();
                let end = html[start..].find("</header>").unwrap() + start + "</header>".len();
                format!("{}{}", &html[..start], &html[end..])
            })),
            ..Options::default()
        },
    );
    let browser = Browser::start().await;
    browser.open(&server.url("/")).await;
    browser
        .wait_until("document.documentElement.dataset.app === 'rendered'")
        .await;
    assert_eq!(
        browser
            .eval("return document.querySelectorAll('header.site-header').length;")
            .await,
        json!(1)
    );
    assert_eq!(
        browser
            .eval("return document.querySelectorAll('h1').length;")
            .await,
        json!(1)
    );
    browser
        .wait_for(".site-nav a[href='/about/']")
        .await
        .click()
        .await
        .unwrap();
    browser
        .wait_until("document.querySelector('h1').textContent === 'About the Specify Collections Consortium'")
        .await;
    browser.close().await;
}

#[tokio::test]
async fn a_host_that_answers_every_address_with_the_home_page_still_shows_the_right_page() {
    let server = StaticServer::start(
        dist_dir(),
        Options {
            spa_fallback: true,
            ..Options::default()
        },
    );
    let browser = Browser::start().await;
    browser.open(&server.url("/no/such/page")).await;
    // The home page's HTML does not match the address, so the app draws afresh; finding no page
    // data, it loads the address once more as a page (a reload, see `load_as_page`) and then
    // says the page is not there. Only that last document is checked: the first may be gone.
    browser
        .wait_until("document.querySelector('h1').textContent === 'Page not found'")
        .await;
    assert_eq!(
        browser
            .eval("return document.documentElement.dataset.app;")
            .await,
        json!("rendered")
    );
    assert_eq!(
        browser
            .eval("return performance.getEntriesByType('navigation')[0].type;")
            .await,
        json!("reload"),
        "the address was loaded once more as a page before the app said it is not there"
    );
    // The app asked for the address's page data, and learnt there is none.
    browser
        .finish_expecting(&["/_data/pages/no/such/page.json - Failed to load resource"])
        .await;
}
