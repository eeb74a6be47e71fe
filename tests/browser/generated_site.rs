//! A site of generated pages (scripts/scale/generate_pages.py): every page is reachable in the
//! app, in both languages. scripts/test.sh builds one of 40 pages per language.

use std::sync::OnceLock;

use crate::support::{Browser, Options, StaticServer, built_site};

fn generated_site() -> &'static StaticServer {
    static SERVER: OnceLock<StaticServer> = OnceLock::new();
    SERVER.get_or_init(|| {
        let dist = built_site(
            "SITE_DIST_GENERATED",
            "target/scale-40/dist",
            "python3 scripts/scale/generate_pages.py 40 target/scale-40 && SCC_CONTENT=target/scale-40/site trunk build --release --dist target/scale-40/dist",
        );
        StaticServer::start(dist, Options::default())
    })
}

#[tokio::test]
async fn addresses_with_letters_outside_ascii_and_spaces_are_taken_over_and_followed() {
    let browser = Browser::start().await;
    for (path, title) in [
        ("/collections/caf%C3%A9-collections/", "Café collections"),
        ("/collections/field%20notes/", "Field notes"),
    ] {
        browser.open(&generated_site().url(path)).await;
        browser
            .wait_until("document.documentElement.dataset.app")
            .await;
        assert_eq!(browser.text("h1").await, title);
        assert_eq!(
            browser
                .eval("return document.documentElement.dataset.app;")
                .await,
            serde_json::json!("hydrated"),
            "{path} was drawn afresh instead of taken over"
        );
    }
    // Followed inside the app, from a page that links to them.
    browser
        .open(&generated_site().url("/collections/specimen-00000/"))
        .await;
    browser
        .eval("window.stillThisDocument = true; return null;")
        .await;
    browser
        .wait_for("article a[href$='caf%C3%A9-collections/']")
        .await
        .click()
        .await
        .unwrap();
    browser
        .wait_until("document.querySelector('h1').textContent === 'Café collections'")
        .await;
    assert_eq!(
        browser
            .eval("return window.stillThisDocument === true;")
            .await,
        serde_json::json!(true)
    );
    browser.finish().await;
}

#[tokio::test]
async fn navigating_between_generated_pages_works() {
    let browser = Browser::start().await;
    browser
        .open(&generated_site().url("/collections/specimen-00007/"))
        .await;
    browser
        .eval("window.stillThisDocument = true; return null;")
        .await;
    // Each page's primary button leads to the next generated page.
    for next in 8..=10 {
        browser
            .wait_for("article a.button.is-primary")
            .await
            .click()
            .await
            .unwrap();
        browser
            .wait_until(&format!(
                "location.pathname === '/collections/specimen-{next:05}/'"
            ))
            .await;
        let following = format!("/collections/specimen-{:05}/", next + 1);
        browser
            .wait_until(&format!("document.querySelector('article a.button.is-primary').getAttribute('href') === '{following}'"))
            .await;
    }
    browser.client.back().await.unwrap();
    browser
        .wait_until("location.pathname === '/collections/specimen-00009/'")
        .await;
    // And its Spanish version is one click away.
    browser
        .eval(
            "document.querySelector(\".language-switcher a[hreflang='es']\").click(); return null;",
        )
        .await;
    browser
        .wait_until("location.pathname === '/es/collections/specimen-00009/'")
        .await;
    browser
        .wait_until("document.querySelector('h1').textContent.startsWith('Colección de')")
        .await;
    assert_eq!(
        browser
            .eval("return window.stillThisDocument === true;")
            .await,
        serde_json::json!(true)
    );
    browser.finish().await;
}
