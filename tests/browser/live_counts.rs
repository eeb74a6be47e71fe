//! GBIF's live counts on a page of stat cards (tests/fixtures/portal/counts.md, in English and
//! French), against the stand-in API (support/gbif_api.rs): the numbers come, written as each
//! language writes them; each address is asked once per page shown; a failing one leaves its
//! card readable; nothing moves as they come; every card's link has a name; axe finds nothing.

use serde_json::json;

use crate::portal::portal;
use crate::support::Browser;
use crate::support::gbif_api::StandInApi;

/// The counts' texts, states and `aria-hidden`, in the order of the page, once none is loading.
async fn counts_when_settled(browser: &Browser) -> serde_json::Value {
    browser
        .wait_until(
            "document.querySelectorAll('main .live-count').length === 4 && !document.querySelector('main .ajax-is-loading') && !document.querySelector('main .live-count:not([class*=ajax-])')",
        )
        .await;
    browser
        .eval("return [...document.querySelectorAll('main .live-count')].map(c => [c.textContent, c.className.split(' ').pop(), c.getAttribute('aria-hidden')]);")
        .await
}

/// The page's layout shifts so far (without recent input), summed: Cumulative Layout Shift
/// without its session windows, which can only be larger.
async fn layout_shift(browser: &Browser) -> f64 {
    browser
        .eval_async(
            "let total = 0; new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value; }).observe({type: 'layout-shift', buffered: true}); setTimeout(() => done(total), 300);",
        )
        .await
        .as_f64()
        .expect("a number")
}

/// The failing search's address, whose failure the browser logs.
const FAILING: &str = "127.0.0.1:8731/v1/occurrence/search?publishingOrg=failing";

// One test, in steps: the stand-in's count of requests is shared.
#[tokio::test]
async fn live_counts_show_gbifs_numbers_in_the_pages_language_without_moving_anything() {
    let api = StandInApi::get();
    let browser = Browser::start().await;
    browser.open(&portal().url("/counts/")).await;
    assert_eq!(
        counts_when_settled(&browser).await,
        json!([
            ["1,234,567", "ajax-is-loaded", null],
            ["1,690", "ajax-is-loaded", null],
            ["–", "ajax-loading-failed", "true"],
            ["1,690", "ajax-is-loaded", null],
        ])
    );
    // The cards' links are named by the count and the description (hidden but for screen
    // readers), the failed one by its description (its dash is hidden from screen readers).
    let names = browser
        .eval(
            "return [...document.querySelectorAll('.card__link')].map(a => a.textContent.trim());",
        )
        .await;
    assert_eq!(
        names,
        json!([
            "1,234,567 — Occurrences in Belgium",
            "1,690 — Datasets",
            "– — Occurrences of a failing search",
            "1,690 — Datasets, counted again",
        ])
    );
    // Two cards, one address: asked once.
    assert_eq!(api.requests_for("/v1/dataset/search"), 1);
    assert_eq!(layout_shift(&browser).await, 0.0);
    let violations = browser.axe_violations().await;
    assert!(violations.is_empty(), "{violations:#?}");

    // To the French page through the app (no reload): its counts are asked for again (a new
    // page view), and written with French digit groups (a narrow no-break space).
    browser
        .eval("document.querySelector('a[hreflang=fr]').click(); return true;")
        .await;
    browser
        .wait_until("document.documentElement.lang === 'fr' && location.pathname === '/fr/counts/'")
        .await;
    let counts = counts_when_settled(&browser).await;
    assert_eq!(counts[0][0], json!("1\u{202f}234\u{202f}567"));
    assert_eq!(counts[1][0], json!("1\u{202f}690"));
    assert_eq!(api.requests_for("/v1/dataset/search"), 2);

    // The French page on arrival: nothing moves there either.
    browser.open(&portal().url("/fr/counts/")).await;
    assert_eq!(
        counts_when_settled(&browser).await[0][0],
        json!("1\u{202f}234\u{202f}567")
    );
    assert_eq!(layout_shift(&browser).await, 0.0);
    let violations = browser.axe_violations().await;
    assert!(violations.is_empty(), "{violations:#?}");
    browser.finish_expecting(&[FAILING]).await;
}

#[tokio::test]
async fn without_javascript_a_count_card_reads_as_a_dash_and_its_description() {
    let browser = Browser::start_without_javascript().await;
    browser.load(&portal().url("/counts/")).await;
    let cards = browser
        .eval(
            "return [...document.querySelectorAll('.card__link')].map(a => a.textContent.trim());",
        )
        .await;
    assert_eq!(cards[0], json!("– — Occurrences in Belgium"));
    browser.close().await;
}
