//! The site search on the test portal: Pagefind's index built with the site, the dialog
//! fetched only when opened, keyboard only from opening to the page found, each language's
//! pages searched on its own (the test portal's French, this site's Spanish), and the site
//! index without JavaScript.

use serde_json::json;

use crate::portal::portal;
use crate::support::Browser;

/// What the page has fetched of the search so far.
const SEARCH_FETCHED: &str = "return performance.getEntriesByType('resource').map(e => e.name).filter(n => n.includes('/pagefind/') || n.includes('scc-search') || n.includes('/search-'));";

/// Presses `key` (with Ctrl, if asked) where the focus is, as a keyboard does (WebDriver's key
/// actions: the browser's own key events).
async fn press(browser: &Browser, key: char, ctrl: bool) {
    use fantoccini::actions::{InputSource, KeyAction, KeyActions};
    use fantoccini::key::Key;
    let mut keys = KeyActions::new("keyboard".into());
    if ctrl {
        keys = keys.then(KeyAction::Down {
            value: Key::Control.into(),
        });
    }
    keys = keys
        .then(KeyAction::Down { value: key })
        .then(KeyAction::Up { value: key });
    if ctrl {
        keys = keys.then(KeyAction::Up {
            value: Key::Control.into(),
        });
    }
    browser.client.perform_actions(keys).await.unwrap();
}

/// A special key (Enter, the arrows, Escape) as `press` takes it.
fn key(key: fantoccini::key::Key) -> char {
    key.into()
}

/// Opens the dialog with `/`, and waits until it is open.
async fn open_with_slash(browser: &Browser) {
    press(browser, '/', false).await;
    browser
        .wait_until("document.querySelector('dialog.search-dialog')?.open === true")
        .await;
}

/// Types `text` into the dialog's field, key by key.
async fn type_in(browser: &Browser, text: &str) {
    browser
        .client
        .find(fantoccini::Locator::Css(".search-dialog input"))
        .await
        .unwrap()
        .send_keys(text)
        .await
        .unwrap();
}

#[tokio::test]
async fn keyboard_only_a_word_of_a_posts_body_finds_it_first_and_enter_opens_it_in_the_app() {
    let browser = Browser::start().await;
    browser.open(&portal().url("/")).await;
    browser.eval("window.stayed = true; return true;").await;
    // Nothing of the search is fetched before it is opened.
    assert_eq!(browser.eval(SEARCH_FETCHED).await, json!([]));
    open_with_slash(&browser).await;
    assert_eq!(
        browser
            .eval("return document.activeElement.matches('.search-dialog input');")
            .await,
        json!(true)
    );
    type_in(&browser, "curators").await;
    browser
        .wait_until("document.querySelector('.search-dialog__hit a')?.textContent === 'A workshop'")
        .await;
    // The `/` that opened the dialog was not typed into its field.
    assert_eq!(
        browser
            .eval("return document.querySelector('.search-dialog input').value;")
            .await,
        json!("curators")
    );
    // The post first (the news pages that quote it follow), as News.
    assert!(
        browser
            .text(".search-dialog__count")
            .await
            .starts_with("Pages found: ")
    );
    assert_eq!(browser.text(".search-dialog__kind").await, "News");
    assert!(
        browser
            .eval("return document.querySelector('.search-dialog__excerpt mark')?.textContent;")
            .await
            .as_str()
            .is_some_and(|mark| mark.starts_with("curators"))
    );
    let target = browser
        .eval("return document.querySelector('.search-dialog__hit a').getAttribute('href');")
        .await;
    press(&browser, key(fantoccini::key::Key::Enter), false).await;
    browser
        .wait_until(&format!("location.pathname === {target} && document.querySelector('h1')?.textContent === 'A workshop'"))
        .await;
    assert_eq!(
        browser.eval("return window.stayed === true;").await,
        json!(true)
    );
    assert_eq!(
        browser
            .eval("return document.querySelector('dialog.search-dialog').open;")
            .await,
        json!(false)
    );
    let violations = browser.axe_violations().await;
    assert!(violations.is_empty(), "{violations:#?}");
    browser.finish().await;
}

#[tokio::test]
async fn the_header_link_opens_the_dialog_and_escape_gives_the_focus_back() {
    let browser = Browser::start().await;
    browser.open(&portal().url("/guide/")).await;
    let link = "document.querySelector('.site-header a[href=\"/search/\"]')";
    browser.eval(&format!("{link}.focus(); return true;")).await;
    // Focusing the link fetches the dialog ahead of the click.
    browser
        .wait_until(
            "performance.getEntriesByType('resource').some(e => e.name.includes('scc-search'))",
        )
        .await;
    browser.eval(&format!("{link}.click(); return true;")).await;
    browser
        .wait_until("document.querySelector('dialog.search-dialog')?.open === true")
        .await;
    assert_eq!(
        browser.eval("return location.pathname;").await,
        json!("/guide/")
    );
    type_in(&browser, "programme").await;
    browser
        .wait_until("document.querySelectorAll('.search-dialog__hit').length > 0")
        .await;
    // The arrow keys move through the results; the field says which is active.
    press(&browser, key(fantoccini::key::Key::Down), false).await;
    browser
        .wait_until("document.querySelector('.search-dialog input').getAttribute('aria-activedescendant') === document.querySelector('.search-dialog__hit[aria-selected=true]').id")
        .await;
    press(&browser, key(fantoccini::key::Key::Escape), false).await;
    browser
        .wait_until(&format!("document.activeElement === {link}"))
        .await;
    // Ctrl+K opens it again.
    press(&browser, 'k', true).await;
    browser
        .wait_until("document.querySelector('dialog.search-dialog')?.open === true")
        .await;
    browser.finish().await;
}

/// Searches `word` from the page at `url` and, once `shown` (a script's condition) holds, the
/// addresses of the results on screen.
async fn addresses_found(browser: &Browser, url: &str, word: &str, shown: &str) -> Vec<String> {
    browser.open(url).await;
    open_with_slash(browser).await;
    type_in(browser, word).await;
    browser.wait_until(shown).await;
    let found = browser
        .eval("return [...document.querySelectorAll('.search-dialog__hit > a')].map(a => a.getAttribute('href'));")
        .await;
    found
        .as_array()
        .unwrap()
        .iter()
        .map(|href| href.as_str().unwrap().to_owned())
        .collect()
}

/// Searches `word` from the page at `url` and waits until the dialog says no page matches.
async fn nothing_found(browser: &Browser, url: &str, word: &str) {
    browser.open(url).await;
    open_with_slash(browser).await;
    type_in(browser, word).await;
    browser
        .wait_until(
            "document.querySelector('.search-dialog__count')?.textContent === 'No page matches.'",
        )
        .await;
}

#[tokio::test]
async fn each_language_searches_its_own_pages() {
    let browser = Browser::start().await;
    let found = addresses_found(
        &browser,
        &portal().url("/fr/"),
        "portail",
        "document.querySelectorAll('.search-dialog__hit').length > 0",
    )
    .await;
    assert!(
        found.iter().all(|href| href.starts_with("/fr/")),
        "{found:?}"
    );
    // The English pages' index does not know the French word.
    nothing_found(&browser, &portal().url("/"), "portail").await;
    browser.finish().await;
}

#[tokio::test]
async fn a_spanish_word_on_a_spanish_page_finds_the_spanish_pages_only() {
    let browser = Browser::start().await;
    // Results are shown as they come: wait for the About page's.
    let found = addresses_found(
        &browser,
        &crate::support::site().url("/es/"),
        "museos",
        "[...document.querySelectorAll('.search-dialog__hit > a')].some(a => a.getAttribute('href') === '/es/acerca/')",
    )
    .await;
    assert!(
        found.iter().all(|href| href.starts_with("/es/")),
        "{found:?}"
    );
    // From an English page, the English index: no page has the Spanish word.
    nothing_found(&browser, &crate::support::site().url("/about/"), "museos").await;
    browser.finish().await;
}

#[tokio::test]
async fn without_javascript_the_search_link_leads_to_the_site_index() {
    let browser = Browser::start_without_javascript().await;
    browser.load(&portal().url("/")).await;
    let href = browser
        .eval("return document.querySelector('.site-header a[href=\"/search/\"]')?.textContent;")
        .await;
    assert_eq!(href, json!("Search"));
    browser.load(&portal().url("/search/")).await;
    assert_eq!(browser.text("h1").await, "Search and site index");
    let sections = browser
        .eval("return [...document.querySelectorAll('main h2')].map(h => h.textContent);")
        .await;
    assert_eq!(sections, json!(["Pages", "News", "Documentation"]));
    assert_eq!(
        browser
            .eval("return [...document.querySelectorAll('main a')].some(a => a.textContent === 'A workshop');")
            .await,
        json!(true)
    );
    browser.close().await;
}

#[tokio::test]
async fn posts_can_be_searched_by_category() {
    let browser = Browser::start().await;
    browser.open(&portal().url("/")).await;
    open_with_slash(&browser).await;
    let categories =
        "[...document.querySelectorAll('.search-dialog__category option')].map(o => o.textContent)";
    browser
        .wait_until(&format!(
            "{categories}.join('|') === 'All|Data|Events|News|Training'"
        ))
        .await;
    type_in(&browser, "workshop").await;
    browser
        .wait_until("document.querySelectorAll('.search-dialog__hit').length > 1")
        .await;
    browser
        .eval("const s = document.querySelector('.search-dialog__category select'); s.value = 'Training'; s.dispatchEvent(new Event('change', {bubbles: true})); return true;")
        .await;
    browser
        .wait_until("[...document.querySelectorAll('.search-dialog__hit > a')].map(a => a.textContent).join('|') === 'A workshop'")
        .await;
    // One page in all, not the first of the unfiltered results shown as they come.
    assert_eq!(
        browser.text(".search-dialog__count").await,
        "Pages found: 1"
    );
    browser.finish().await;
}
