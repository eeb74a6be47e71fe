//! The same site built for a sub-path (`--public-url /scc/`) and served under it.

use serde_json::json;

use crate::support::{Browser, subpath_site};

#[tokio::test]
async fn under_a_sub_path_every_route_loads_directly() {
    let browser = Browser::start().await;
    for (path, title) in [
        ("/", "Specify Collections Consortium"),
        ("/about/", "About the Specify Collections Consortium"),
        ("/data/", "Data and contact"),
    ] {
        browser.open(&subpath_site().url(path)).await;
        assert_eq!(browser.text("h1").await, title, "{path}");
        assert_eq!(
            browser
                .eval("return document.documentElement.dataset.app;")
                .await,
            json!("hydrated"),
            "{path}"
        );
        let image = browser
            .eval("return document.querySelector('.hero img').currentSrc;")
            .await;
        assert!(
            image.as_str().unwrap().contains("/scc/_app/images/"),
            "{image}"
        );
    }
    // Every asset, the image and the app included, loaded: no failed request in the console.
    browser.finish().await;
}

#[tokio::test]
async fn under_a_sub_path_links_navigate_in_the_app_and_back() {
    let browser = Browser::start().await;
    browser.open(&subpath_site().url("/about/")).await;
    browser
        .eval("window.stillThisDocument = true; return null;")
        .await;
    let learn_more = browser
        .wait_for("article a.button.is-primary[href='/scc/data']")
        .await;
    learn_more.click().await.unwrap();
    browser
        .wait_until("location.pathname === '/scc/data'")
        .await;
    browser
        .wait_until("document.querySelector('h1').textContent === 'Data and contact'")
        .await;
    // A link written in Markdown as `/about/#our-mission` points under the sub-path too.
    let mission = browser
        .wait_for("article a[href='/scc/about/#our-mission']")
        .await;
    mission.click().await.unwrap();
    browser
        .wait_until("location.pathname === '/scc/about/'")
        .await;
    browser.client.back().await.unwrap();
    browser
        .wait_until("location.pathname === '/scc/data'")
        .await;
    assert_eq!(
        browser
            .eval("return window.stillThisDocument === true;")
            .await,
        json!(true)
    );
    let nav = browser.eval("return [...document.querySelectorAll('.site-nav__items a')].map(a => a.getAttribute('href'));").await;
    assert_eq!(
        nav,
        json!([
            "/scc/",
            "/scc/about/",
            "/scc/data/",
            "/scc/about/#our-mission",
            "https://www.specifysoftware.org/members/",
            "https://discourse.specifysoftware.org/",
            "/scc/search/"
        ])
    );
    browser.finish().await;
}
