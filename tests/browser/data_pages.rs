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
