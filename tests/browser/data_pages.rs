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
    // Every page of records and every facet asked for was asked in the portal's scope (its
    // network).
    let asked: Vec<String> = api
        .requests_matching("/v1/occurrence/search?")
        .into_iter()
        .filter(|target| target.contains("limit=20") || target.contains("facet="))
        .collect();
    assert!(!asked.is_empty());
    for target in &asked {
        assert!(target.contains("networkKey=8e30b684"), "{target}");
    }
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
    // The focus stays on Next, drawn again with the next page.
    browser
        .wait_until("document.activeElement?.textContent === 'Next'")
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
async fn a_damaged_answer_says_so_and_keeps_the_search() {
    StandInApi::get();
    let browser = Browser::start().await;
    browser
        .open(&portal().url("/occurrence/search?q=damaged&basisOfRecord=FOSSIL_SPECIMEN"))
        .await;
    browser.wait_for("[role=alert] button").await;
    assert_eq!(
        browser.text("[role=alert] p").await,
        "GBIF's API answered with something that is not a search."
    );
    assert_eq!(field(&browser).await, serde_json::json!("damaged"));
    // The filter keeps its value, listed though no count names it.
    browser
        .wait_until("document.querySelector('#filter-basisOfRecord').value === 'FOSSIL_SPECIMEN'")
        .await;
    browser.finish().await;
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

/// The answer's facet counts beside the filters, a filter chosen, then the map: its density
/// tiles asked with the same filter and the portal's scope, over the base map; the link to
/// GBIF.org carries the same filters.
#[tokio::test]
async fn filters_show_facet_counts_and_the_map_asks_tiles_with_the_same_filters_and_scope() {
    let api = StandInApi::get();
    let browser = Browser::start().await;
    browser
        .open(&portal().url("/occurrence/search?q=puma"))
        .await;
    browser
        .wait_until("[...document.querySelectorAll('#filter-basisOfRecord option')].length === 3")
        .await;
    assert_eq!(
        browser
            .eval("return [...document.querySelectorAll('#filter-basisOfRecord option')].map(o => o.textContent);")
            .await,
        serde_json::json!(["Any", "Preserved specimen (30)", "Human observation (12)"])
    );
    // A dataset is named by its title, read from the registry.
    browser
        .wait_until("document.querySelector('#filter-datasetKey option:nth-child(2)')?.textContent === 'Pontaurus (42)'")
        .await;
    browser
        .eval("const s = document.querySelector('#filter-basisOfRecord'); s.focus(); s.value = 'PRESERVED_SPECIMEN'; s.dispatchEvent(new Event('change')); return true;")
        .await;
    browser
        .wait_until("location.search === '?q=puma&basisOfRecord=PRESERVED_SPECIMEN'")
        .await;
    // Once the new counts are in, the list is the same element, focused, its choice kept.
    browser
        .wait_until("document.querySelector('#filter-basisOfRecord').selectedOptions[0]?.textContent === 'Preserved specimen (30)'")
        .await;
    assert_eq!(
        browser.eval("return document.activeElement.id;").await,
        serde_json::json!("filter-basisOfRecord")
    );
    assert_eq!(
        browser
            .eval("return document.querySelector('.data-search__gbif a').href;")
            .await,
        serde_json::json!(
            "https://www.gbif.org/occurrence/search?network_key=8e30b684-6a54-4aba-aa73-66201c2c736e&q=puma&basis_of_record=PRESERVED_SPECIMEN"
        )
    );
    // The map view: base tiles and the search's tiles (free text: the ad-hoc tiles).
    browser
        .eval("[...document.querySelectorAll('.data-search__views button')].find(b => b.textContent === 'Map').click(); return true;")
        .await;
    browser
        .wait_until("location.search === '?q=puma&basisOfRecord=PRESERVED_SPECIMEN&view=map' && document.querySelectorAll('.data-map__tile').length > 0")
        .await;
    browser
        .wait_until("[...document.querySelectorAll('.data-map__tile')].every(i => i.complete)")
        .await;
    let tiles = api.requests_matching("/v2/map/occurrence/");
    assert!(!tiles.is_empty(), "the map asks for the search's tiles");
    for tile in &tiles {
        assert!(
            tile.contains("networkKey=8e30b684")
                && tile.contains("basisOfRecord=PRESERVED_SPECIMEN")
                && tile.contains("q=puma"),
            "{tile}"
        );
    }
    assert!(api.requests_for("/tiles/1/") > 0, "and the base map's");
    // The keyboard zooms in: tiles of the next zoom are asked.
    browser
        .eval("const f = document.querySelector('.data-map__frame'); f.focus(); f.dispatchEvent(new KeyboardEvent('keydown', {key: '+', bubbles: true})); return true;")
        .await;
    browser
        .wait_until(
            "[...document.querySelectorAll('.data-map__tile')].some(i => i.src.includes('/2/'))",
        )
        .await;
    let violations = browser.axe_violations().await;
    assert!(violations.is_empty(), "{violations:#?}");
    browser.finish().await;
}

/// The taxon filter suggests names from GBIF's backbone (a recorded answer) and filters by the
/// chosen one's key; a reload shows its name.
#[tokio::test]
async fn the_taxon_filter_suggests_names_and_filters_by_the_chosen_ones_key() {
    StandInApi::get();
    let browser = Browser::start().await;
    browser.open(&portal().url("/occurrence/search")).await;
    browser.wait_for("#filter-taxon").await;
    browser
        .eval("const t = document.querySelector('#filter-taxon'); t.value = 'Puma conc'; t.dispatchEvent(new Event('input')); return true;")
        .await;
    browser
        .wait_until("document.querySelectorAll('#filter-taxon-names option').length === 3")
        .await;
    browser
        .eval("const t = document.querySelector('#filter-taxon'); t.value = 'Puma concolor (Linnaeus, 1771)'; t.dispatchEvent(new Event('change')); return true;")
        .await;
    browser
        .wait_until("location.search === '?taxonKey=2435099'")
        .await;
    browser.eval("location.reload(); return true;").await;
    browser
        .wait_until(
            "document.querySelector('#filter-taxon')?.value === 'Puma concolor (Linnaeus, 1771)'",
        )
        .await;
    browser.finish().await;
}

/// The species of the search, named from the backbone, with their numbers of records, and the
/// whole list as CSV made in the browser.
#[tokio::test]
async fn the_checklist_lists_the_species_with_counts_and_downloads_as_csv() {
    StandInApi::get();
    let browser = Browser::start().await;
    browser
        .open(&portal().url("/occurrence/search?view=species"))
        .await;
    browser
        .wait_until("[...document.querySelectorAll('.data-list tbody tr td:first-child')].map(c => c.textContent).join('|') === 'Puma concolor (Linnaeus, 1771)|Puma yagouaroundi (É. Geoffroy Saint-Hilaire, 1803)|Pseudodictamnus acetabulosus (L.) Salmaki & Siadati'")
        .await;
    assert_eq!(browser.text(".data-search__count").await, "3 species");
    assert_eq!(
        browser
            .eval("return [...document.querySelectorAll('.data-list tbody tr')].map(r => r.children[1].textContent + ' ' + r.children[2].textContent);")
            .await,
        serde_json::json!(["Felidae 40", "Felidae 7", "Lamiaceae 2"])
    );
    // A species' count leads to its records in the search.
    assert_eq!(
        browser
            .eval("return document.querySelector('.data-list tbody tr .data-list__count a').getAttribute('href');")
            .await,
        serde_json::json!("/occurrence/search?speciesKey=2435099")
    );
    // The CSV: what the browser is given to save.
    browser
        .eval("window.saved = null; const make = URL.createObjectURL; URL.createObjectURL = (blob) => { blob.text().then(t => window.saved = t); return make(blob); }; document.querySelector('.data-list__csv').click(); return true;")
        .await;
    browser.wait_until("window.saved !== null").await;
    assert_eq!(
        browser.eval("return window.saved;").await,
        serde_json::json!(
            "key,Name,Family,Records,GBIF\r\n2435099,\"Puma concolor (Linnaeus, 1771)\",Felidae,40,https://www.gbif.org/species/2435099\r\n5219404,\"Puma yagouaroundi (É. Geoffroy Saint-Hilaire, 1803)\",Felidae,7,https://www.gbif.org/species/5219404\r\n10846508,Pseudodictamnus acetabulosus (L.) Salmaki & Siadati,Lamiaceae,2,https://www.gbif.org/species/10846508"
        )
    );
    let violations = browser.axe_violations().await;
    assert!(violations.is_empty(), "{violations:#?}");
    browser.finish().await;
}

/// A record page shows the record of its address (a recorded answer of GBIF's API), its place,
/// and links to its dataset's page in the portal, whose page links to its records.
#[tokio::test]
async fn record_pages_show_their_record_and_link_to_the_related_ones() {
    StandInApi::get();
    let browser = Browser::start().await;
    browser.open(&portal().url("/occurrence/142316497")).await;
    browser.wait_for(".data-record h2").await;
    assert_eq!(
        browser.text(".data-record h2").await,
        "Ballota acetabulosa (L.) Benth."
    );
    assert_eq!(
        browser
            .eval("return [...document.querySelectorAll('.data-record dt')].map(d => d.textContent + ': ' + d.nextElementSibling.textContent).slice(0, 3);")
            .await,
        serde_json::json!([
            "Basis of record: Preserved specimen",
            "Date: 1999-06-18",
            "Country: Türkiye"
        ])
    );
    browser
        .wait_until("[...document.querySelectorAll('.data-record dd a')].some(a => a.textContent === 'Pontaurus')")
        .await;
    assert!(
        browser
            .text(".data-record")
            .await
            .contains("Coordinates: 38.10695, 26.85083")
    );
    assert_eq!(
        browser
            .eval("return document.querySelectorAll('.data-map__marker').length;")
            .await,
        serde_json::json!(1)
    );
    // To the dataset's page, within the app.
    browser
        .eval("window.stayed = true; [...document.querySelectorAll('.data-record dd a')].find(a => a.textContent === 'Pontaurus').click(); return true;")
        .await;
    browser
        .wait_until("document.querySelector('.data-record h2')?.textContent === 'Pontaurus'")
        .await;
    assert_eq!(
        browser.eval("return location.pathname;").await,
        serde_json::json!("/dataset/8575f23e-f762-11e1-a439-00145eb45e9a")
    );
    assert_eq!(
        browser
            .eval("return document.querySelector('.data-record .button').getAttribute('href');")
            .await,
        serde_json::json!("/occurrence/search?datasetKey=8575f23e-f762-11e1-a439-00145eb45e9a")
    );
    assert_eq!(
        browser.eval("return window.stayed === true;").await,
        serde_json::json!(true)
    );
    let violations = browser.axe_violations().await;
    assert!(violations.is_empty(), "{violations:#?}");
    browser.finish().await;
}

/// The publisher's and the collection's record pages, each with its record, the collection's
/// linked to its institution's page in the portal.
#[tokio::test]
async fn publisher_and_collection_pages_show_their_records() {
    StandInApi::get();
    let browser = Browser::start().await;
    browser
        .open(&portal().url("/publisher/57254bd0-8256-11d8-b7ed-b8a03c50a862"))
        .await;
    browser.wait_for(".data-record h2").await;
    assert_eq!(
        browser.text(".data-record h2").await,
        "Botanic Garden and Botanical Museum Berlin"
    );
    assert_eq!(
        browser
            .eval("return document.querySelector('.data-record dd a').getAttribute('href');")
            .await,
        serde_json::json!("https://www.bgbm.org")
    );
    browser
        .open(&portal().url("/collection/1f5d6f3a-0c0b-4a39-a5b1-6f8d2b1c4e21"))
        .await;
    browser.wait_for(".data-record h2").await;
    assert_eq!(
        browser.text(".data-record h2").await,
        "Pontaurus collection"
    );
    browser
        .wait_until("[...document.querySelectorAll('.data-record dd a')].some(a => a.textContent === 'Botanischer Garten und Botanisches Museum Berlin' && a.getAttribute('href') === '/institution/4cf93dd2-06c8-4f49-89bc-a5d0805c6747')")
        .await;
    assert_eq!(
        browser
            .eval("return document.querySelector('.data-record .button').getAttribute('href');")
            .await,
        serde_json::json!("/occurrence/search?collectionKey=1f5d6f3a-0c0b-4a39-a5b1-6f8d2b1c4e21")
    );
    // An institution's page, reached at its address.
    browser
        .open(&portal().url("/institution/49fb6451-91b7-4af2-8cd3-354539a77589"))
        .await;
    browser.wait_for(".data-record h2").await;
    assert_eq!(
        browser.text(".data-record h2").await,
        "Museum of Natural History"
    );
    browser.finish().await;
}

/// The portal's datasets: those its occurrences come from, with their numbers of records.
#[tokio::test]
async fn the_dataset_list_names_the_portals_datasets_with_their_records() {
    StandInApi::get();
    let browser = Browser::start().await;
    browser.open(&portal().url("/dataset/search")).await;
    browser
        .wait_until("document.querySelector('.data-list tbody td a')?.textContent === 'Pontaurus'")
        .await;
    assert_eq!(
        browser.text(".data-search__count").await,
        "1 in this portal"
    );
    assert_eq!(
        browser
            .eval("return document.querySelector('.data-list tbody td a').getAttribute('href');")
            .await,
        serde_json::json!("/dataset/8575f23e-f762-11e1-a439-00145eb45e9a")
    );
    browser.finish().await;
}

/// Without JavaScript a data page is its link card to the same search on GBIF.org.
#[tokio::test]
async fn without_javascript_a_data_page_links_to_the_search_on_gbif_org() {
    let browser = Browser::start_without_javascript().await;
    browser.load(&portal().url("/occurrence/search")).await;
    assert_eq!(
        browser
            .eval("return document.querySelector('.gbif-block__buttons a').href;")
            .await,
        serde_json::json!(
            "https://www.gbif.org/occurrence/search?network_key=8e30b684%2D6a54%2D4aba%2Daa73%2D66201c2c736e"
        )
    );
    assert_eq!(
        browser
            .eval("return document.querySelector('[data-gbif-search]').children.length;")
            .await,
        serde_json::json!(0)
    );
    browser.close().await;
}
