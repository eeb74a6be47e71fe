//! GBIF's data pages drawn by the data module against the stand-in API (support/gbif_api.rs):
//! the test portal's occurrence search (`/occurrence/search`, scoped to its network).

use crate::portal::portal;
use crate::support::Browser;
use crate::support::gbif_api::StandInApi;

#[tokio::test]
async fn the_occurrence_search_shows_the_records_the_api_answers_in_the_portals_scope() {
    let api = StandInApi::get();
    let browser = Browser::start().await;
    browser.open(&portal().url("/occurrence/search")).await;
    browser
        .wait_until("document.querySelectorAll('.data-search__table tbody tr').length === 2")
        .await;
    let names = browser
        .eval("return [...document.querySelectorAll('.data-search__table tbody tr td:first-child')].map(c => c.textContent);")
        .await;
    assert_eq!(
        names,
        serde_json::json!([
            "Puma concolor (Linnaeus, 1771)",
            "Puma concolor (Linnaeus, 1771)"
        ])
    );
    assert_eq!(browser.text(".data-search__count").await, "42 records");
    // Every page of records asked for was asked in the portal's scope (its network).
    let asked = api.requests_for("/v1/occurrence/search?limit=20");
    assert!(asked >= 1);
    assert_eq!(api.requests_for("networkKey=8e30b684"), asked);
    browser.finish().await;
}

/// What the search field holds.
async fn field(browser: &Browser) -> serde_json::Value {
    browser
        .eval("return document.querySelector('#occurrence-q').value;")
        .await
}

/// Types `text` into the search field and sends the search.
async fn search_for(browser: &Browser, text: &str) {
    browser
        .eval(&format!(
            "const q = document.querySelector('#occurrence-q'); q.value = {}; q.form.requestSubmit(); return true;",
            serde_json::json!(text)
        ))
        .await;
}

/// The rows' count and the count's text, once the table has the answer for `q`.
async fn shown(browser: &Browser, rows: usize) -> String {
    browser
        .wait_until(&format!(
            "document.querySelectorAll('.data-search__table tbody tr').length === {rows} && document.querySelector('.data-search__count')"
        ))
        .await;
    browser.text(".data-search__count").await
}

#[tokio::test]
async fn the_search_lives_in_the_address_through_a_new_search_back_and_a_reload() {
    StandInApi::get();
    let browser = Browser::start().await;
    browser
        .open(&portal().url("/occurrence/search?q=nothing"))
        .await;
    assert_eq!(shown(&browser, 0).await, "0 records");
    assert_eq!(field(&browser).await, serde_json::json!("nothing"));
    // A new search: its text in the address, its records in the table.
    search_for(&browser, "puma").await;
    assert_eq!(shown(&browser, 2).await, "42 records");
    assert_eq!(
        browser.eval("return location.search;").await,
        serde_json::json!("?q=puma")
    );
    // The next page, then Back: the first page again.
    browser
        .eval("[...document.querySelectorAll('.data-search__pages button')].pop().click(); return true;")
        .await;
    browser
        .wait_until("location.search === '?q=puma&offset=20'")
        .await;
    browser.eval("history.back(); return true;").await;
    browser.wait_until("location.search === '?q=puma'").await;
    assert_eq!(shown(&browser, 2).await, "42 records");
    // Back again: the first search, its text in the field.
    browser.eval("history.back(); return true;").await;
    browser.wait_until("location.search === '?q=nothing'").await;
    assert_eq!(shown(&browser, 0).await, "0 records");
    assert_eq!(field(&browser).await, serde_json::json!("nothing"));
    // A reload shows the same.
    browser.eval("location.reload(); return true;").await;
    browser
        .wait_until("document.readyState === 'complete'")
        .await;
    assert_eq!(shown(&browser, 0).await, "0 records");
    browser.finish().await;
}

#[tokio::test]
async fn a_failing_search_says_so_with_retry_and_the_page_stays_accessible() {
    let api = StandInApi::get();
    let browser = Browser::start().await;
    browser
        .open(&portal().url("/occurrence/search?q=failing"))
        .await;
    browser.wait_for("[role=alert] button").await;
    assert_eq!(
        browser.text("[role=alert] p").await,
        "GBIF's API answered with an error (503)."
    );
    let asked = api.requests_for("q=failing");
    browser
        .eval("document.querySelector('[role=alert] button').click(); return true;")
        .await;
    for _ in 0..50 {
        if api.requests_for("q=failing") > asked {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(api.requests_for("q=failing") > asked, "Retry asks again");
    // The search field keeps the search.
    assert_eq!(field(&browser).await, serde_json::json!("failing"));
    let violations = browser.axe_violations().await;
    assert!(violations.is_empty(), "{violations:#?}");
    browser
        .finish_expecting(&["127.0.0.1:8731/v1/occurrence/search"])
        .await;
}

#[tokio::test]
async fn a_new_search_replaces_a_slow_one_whose_answer_never_shows() {
    StandInApi::get();
    let browser = Browser::start().await;
    browser
        .open(&portal().url("/occurrence/search?q=slow"))
        .await;
    browser.wait_for("#occurrence-q").await;
    search_for(&browser, "puma").await;
    assert_eq!(shown(&browser, 2).await, "42 records");
    // Long after the slow search would have been answered, the table still shows the new one.
    tokio::time::sleep(std::time::Duration::from_millis(3_000)).await;
    assert_eq!(browser.text(".data-search__count").await, "42 records");
    browser.finish_expecting(&["q=slow"]).await;
}
