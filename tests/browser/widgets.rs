//! A repository that includes GBIF's own widgets on its data pages (`gbif_widgets: true`,
//! tests/fixtures/widgets), with a stand-in for GBIF's library that draws what it is given:
//! the widget gets the site's settings and languages, survives the app taking the page over, and
//! a data page reached by a link is loaded whole, so that its scripts run. scripts/test.sh builds
//! it into target/fixture-widgets/.

use std::sync::OnceLock;

use serde_json::json;

use crate::support::{Browser, Options, StaticServer, built_site};

fn widgets() -> &'static StaticServer {
    static SERVER: OnceLock<StaticServer> = OnceLock::new();
    SERVER.get_or_init(|| {
        let dist = built_site(
            "SITE_DIST_WIDGETS",
            "target/fixture-widgets",
            "SCC_CONTENT=tests/fixtures/widgets trunk build --release --dist target/fixture-widgets",
        );
        StaticServer::start(dist, Options::default())
    })
}

const WIDGET: &str = "document.getElementById('gbif-widget')?.textContent";
const DRAWN: &str = "Widget 8e30b684-6a54-4aba-aa73-66201c2c736e en #11588C";

#[tokio::test]
async fn the_widget_gets_the_sites_settings_and_stays_when_the_app_takes_over() {
    let browser = Browser::start().await;
    browser.open(&widgets().url("/occurrence/search")).await;
    browser.wait_until(&format!("{WIDGET} === '{DRAWN}'")).await;
    assert_eq!(
        browser
            .eval(&format!(
                "return [document.documentElement.dataset.app, {WIDGET}];"
            ))
            .await,
        json!(["hydrated", DRAWN])
    );
    // The link to GBIF.org stays for those the widget does not reach.
    assert!(
        browser
            .eval("return document.querySelector('.gbif-block a').href;")
            .await
            .as_str()
            .unwrap()
            .starts_with("https://www.gbif.org/occurrence/search?network_key=")
    );
    browser.finish().await;
}

#[tokio::test]
async fn a_data_page_reached_by_a_link_is_loaded_whole_and_its_widget_drawn() {
    let browser = Browser::start().await;
    browser.open(&widgets().url("/")).await;
    browser.eval("window.stayed = true; return true;").await;
    browser
        .client
        .find(fantoccini::Locator::LinkText("Specimens"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    browser.wait_until(&format!("{WIDGET} === '{DRAWN}'")).await;
    assert_eq!(
        browser.eval("return window.stayed === undefined;").await,
        json!(true),
        "the page was loaded whole"
    );
    // The app asked for the page's data first, and was answered 404.
    browser.finish_expecting(&["404"]).await;
}
