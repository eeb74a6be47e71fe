//! Pages other than the first one arrive as JSON, fetched when the visitor goes to them (or points
//! at a link to them); what the visitor sees when that is slow or fails.

use std::time::Duration;

use serde_json::json;

use crate::support::{Browser, Options, StaticServer, dist_dir, server::Fault, site};

/// How many times the page has fetched `file` so far.
async fn fetches_of(browser: &Browser, file: &str) -> u64 {
    let script = format!(
        "return performance.getEntriesByType('resource').filter(r => r.name.endsWith('{file}')).length;"
    );
    browser.eval(&script).await.as_u64().unwrap()
}

fn server_with_faults() -> (StaticServer, std::sync::Arc<std::sync::Mutex<Fault>>) {
    let options = Options::default();
    let fault = options.data_fault.clone();
    (StaticServer::start(dist_dir(), options), fault)
}

#[tokio::test]
async fn moving_to_a_page_fetches_its_data_once() {
    let browser = Browser::start().await;
    browser.open(&site().url("/")).await;
    // The page the visitor lands on needs no fetch: its data came with its HTML.
    assert_eq!(fetches_of(&browser, "/_data/pages/index.json").await, 0);
    browser
        .wait_for(".hero__buttons a[href='/data/']")
        .await
        .click()
        .await
        .unwrap();
    browser
        .wait_until("document.querySelector('h1').textContent === 'Data and contact'")
        .await;
    assert_eq!(fetches_of(&browser, "/_data/pages/data.json").await, 1);
    // Back and there again: nothing is fetched twice in a session.
    browser.client.back().await.unwrap();
    browser
        .wait_until("document.querySelector('h1').textContent === 'Specify Collections Consortium'")
        .await;
    browser.client.forward().await.unwrap();
    browser
        .wait_until("document.querySelector('h1').textContent === 'Data and contact'")
        .await;
    assert_eq!(fetches_of(&browser, "/_data/pages/data.json").await, 1);
    assert_eq!(fetches_of(&browser, "/_data/pages/index.json").await, 0);
    browser.finish().await;
}

#[tokio::test]
async fn pointing_at_or_focusing_a_link_fetches_its_page_ahead() {
    let browser = Browser::start().await;
    browser.open(&site().url("/")).await;
    browser
        .eval("document.querySelector(\".hero__buttons a[href='/data/']\").focus(); return null;")
        .await;
    browser.wait_until("performance.getEntriesByType('resource').some(r => r.name.endsWith('/_data/pages/data.json'))").await;
    let link = browser
        .wait_for(".split a[href='https://www.specifysoftware.org/members/']")
        .await;
    // Pointing at a link to another site fetches nothing.
    browser.client.execute("arguments[0].dispatchEvent(new MouseEvent('mouseover', {bubbles: true})); return null;", vec![serde_json::to_value(&link).unwrap()]).await.unwrap();
    let spanish = browser
        .wait_for(".language-switcher a[hreflang='es']")
        .await;
    browser.client.execute("arguments[0].dispatchEvent(new MouseEvent('mouseover', {bubbles: true})); return null;", vec![serde_json::to_value(&spanish).unwrap()]).await.unwrap();
    browser.wait_until("performance.getEntriesByType('resource').some(r => r.name.endsWith('/_data/pages/es.json'))").await;
    // The fetched page then shows without another request.
    browser
        .wait_for(".hero__buttons a[href='/data/']")
        .await
        .click()
        .await
        .unwrap();
    browser
        .wait_until("document.querySelector('h1').textContent === 'Data and contact'")
        .await;
    assert_eq!(fetches_of(&browser, "/_data/pages/data.json").await, 1);
    browser.finish().await;
}

/// Starts at `/`, breaks page data with `fault`, follows the link to the data page, and checks
/// that the home page stays with a message containing `message`; then repairs the server and
/// checks that "Try again" brings the page.
async fn failed_load_shows_why_and_retry_recovers(fault: Fault, message: &str, logged: &[&str]) {
    failed_load_shows_why_within(fault, message, logged, Duration::from_secs(10)).await;
}

async fn failed_load_shows_why_within(
    fault: Fault,
    message: &str,
    logged: &[&str],
    patience: Duration,
) {
    let (server, switch) = server_with_faults();
    let browser = Browser::start().await;
    browser.open(&server.url("/")).await;
    *switch.lock().unwrap() = fault;
    browser
        .wait_for(".hero__buttons a[href='/data/']")
        .await
        .click()
        .await
        .unwrap();
    let error = browser.wait_for_within(".load-error", patience).await;
    let text = error.text().await.unwrap();
    assert!(
        text.contains("The page could not be loaded.") && text.contains(message),
        "{text}"
    );
    assert_eq!(
        browser
            .eval("return document.querySelector('.load-error').getAttribute('role');")
            .await,
        json!("alert")
    );
    assert_eq!(
        browser.text("h1").await,
        "Specify Collections Consortium",
        "the current page stays"
    );

    *switch.lock().unwrap() = Fault::None;
    browser
        .wait_for(".load-error button")
        .await
        .click()
        .await
        .unwrap();
    browser
        .wait_until("document.querySelector('h1').textContent === 'Data and contact'")
        .await;
    assert_eq!(
        browser
            .eval("return document.querySelectorAll('.load-error').length;")
            .await,
        json!(0)
    );
    browser.finish_expecting(logged).await;
}

#[tokio::test]
async fn a_server_error_is_explained_and_retry_works() {
    failed_load_shows_why_and_retry_recovers(
        Fault::Status(503),
        "The server could not send the page.",
        &["/_data/pages/data.json - Failed to load resource: the server responded with a status of 503"],
    )
    .await;
}

#[tokio::test]
async fn garbage_instead_of_data_is_explained_and_retry_works() {
    failed_load_shows_why_and_retry_recovers(Fault::Garbage, "The page arrived damaged.", &[])
        .await;
}

#[tokio::test]
async fn truncated_data_is_explained_and_retry_works() {
    failed_load_shows_why_and_retry_recovers(Fault::Truncated, "The page arrived damaged.", &[])
        .await;
}

#[tokio::test]
async fn a_blocked_request_is_explained_and_retry_works() {
    failed_load_shows_why_and_retry_recovers(
        Fault::Drop,
        "You seem to be offline.",
        &["/_data/pages/data.json - Failed to load resource: net::ERR_EMPTY_RESPONSE"],
    )
    .await;
}

#[tokio::test]
async fn a_request_that_never_answers_is_given_up_and_retry_works() {
    failed_load_shows_why_within(
        Fault::Delay(Duration::from_secs(3600)),
        "The server took too long to answer.",
        &[],
        Duration::from_secs(25),
    )
    .await;
}

/// Starts at `/`, has page data answered with `fault`, follows the link to the data page, and
/// checks that the page came from the server as a whole new document (and was taken over).
async fn missing_data_loads_the_page_itself(fault: Fault, logged: &[&str]) {
    let (server, switch) = server_with_faults();
    let browser = Browser::start().await;
    browser.open(&server.url("/")).await;
    browser
        .eval("window.sameDocument = true; return null;")
        .await;
    *switch.lock().unwrap() = fault;
    browser
        .wait_for(".hero__buttons a[href='/data/']")
        .await
        .click()
        .await
        .unwrap();
    browser
        .wait_until("document.querySelector('h1') && document.querySelector('h1').textContent === 'Data and contact' && window.sameDocument === undefined && document.documentElement.dataset.app")
        .await;
    assert_eq!(
        browser.eval("return location.pathname;").await,
        json!("/data/")
    );
    assert_eq!(
        browser
            .eval("return document.documentElement.dataset.app;")
            .await,
        json!("hydrated")
    );
    assert_eq!(
        browser
            .eval("return document.querySelectorAll('.load-error').length;")
            .await,
        json!(0)
    );
    browser.finish_expecting(logged).await;
}

#[tokio::test]
async fn data_answered_404_for_a_page_that_exists_loads_the_page() {
    missing_data_loads_the_page_itself(
        Fault::Status(404),
        &["/_data/pages/data.json - Failed to load resource: the server responded with a status of 404"],
    )
    .await;
}

#[tokio::test]
async fn data_answered_with_a_page_loads_the_page() {
    missing_data_loads_the_page_itself(Fault::Page, &[]).await;
}

#[tokio::test]
async fn a_slow_page_shows_progress_and_a_quick_one_does_not() {
    let (server, switch) = server_with_faults();
    let browser = Browser::start().await;
    browser.open(&server.url("/")).await;
    // Notes whether the progress bar ever appears.
    browser
        .eval("window.progressShown = false; new MutationObserver(() => { if (document.querySelector('.page-loading')) window.progressShown = true; }).observe(document.body, {childList: true, subtree: true}); return null;")
        .await;
    browser
        .wait_for(".hero__buttons a[href='/data/']")
        .await
        .click()
        .await
        .unwrap();
    browser
        .wait_until("document.querySelector('h1').textContent === 'Data and contact'")
        .await;
    assert_eq!(
        browser.eval("return window.progressShown;").await,
        json!(false),
        "a quick load shows no progress"
    );

    *switch.lock().unwrap() = Fault::Delay(Duration::from_millis(1500));
    browser
        .eval(&format!(
            "{}.click(); return null;",
            "[...document.querySelectorAll('.language-switcher a')].find(a => a.lang === 'es')"
        ))
        .await;
    browser.wait_for(".page-loading").await;
    assert_eq!(
        browser
            .eval("return document.querySelector('.page-loading').getAttribute('role');")
            .await,
        json!("status")
    );
    browser
        .wait_until("document.querySelector('h1').textContent === 'Datos y contacto'")
        .await;
    assert_eq!(
        browser
            .eval("return document.querySelectorAll('.page-loading').length;")
            .await,
        json!(0)
    );
    browser.finish().await;
}
