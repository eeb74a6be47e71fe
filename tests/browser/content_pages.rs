//! The content pages as visitors see them: hero, sections, table, buttons, navigation, 404.

use serde_json::{Value, json};

use crate::support::{Browser, site};

#[tokio::test]
async fn the_hero_shows_title_description_credit_and_height() {
    let browser = Browser::start().await;
    browser.open(&site().url("/about/")).await;

    assert_eq!(
        browser.text(".hero h1").await,
        "About the Specify Collections Consortium"
    );
    assert_eq!(
        browser.text(".hero__description").await,
        "A community of member collections from around the globe"
    );
    // The word before the credit is for screen readers.
    assert_eq!(
        browser
            .eval("return document.querySelector('.hero__credit').textContent;")
            .await,
        json!("Image: Specify Collections Consortium")
    );
    assert_eq!(
        browser
            .eval("return document.querySelectorAll('h1').length;")
            .await,
        json!(1)
    );

    // `height: 70vh` in the front matter: the hero is at least 70% of the window high.
    let heights = browser
        .eval(
            "const hero = document.querySelector('.hero');
             return [parseFloat(getComputedStyle(hero).minHeight), hero.getBoundingClientRect().height, innerHeight];",
        )
        .await;
    let [min_height, height, window] = [0, 1, 2].map(|i| heights[i].as_f64().unwrap());
    assert!(
        (min_height - 0.7 * window).abs() < 1.0,
        "min-height {min_height} for a window of {window}"
    );
    assert!(height >= min_height - 0.5);

    // The browser picked a WebP made from the front matter's background for this window.
    browser
        .wait_until("document.querySelector('.hero img').complete")
        .await;
    let image = browser
        .eval("return document.querySelector('.hero img').currentSrc;")
        .await;
    let image = image.as_str().unwrap();
    assert!(
        image.contains("/_app/images/moss-") && image.ends_with(".webp"),
        "{image}"
    );
    browser.finish().await;
}

#[tokio::test]
async fn sections_have_github_style_ids() {
    let browser = Browser::start().await;
    browser.open(&site().url("/about/")).await;
    let ids = browser
        .eval("return [...document.querySelectorAll('article h2, article h3')].map(h => h.id);")
        .await;
    assert_eq!(
        ids,
        json!([
            "about-the-specify-collections-consortium",
            "our-mission",
            "key-features-of-specify",
            "join-us",
            "why-choose-specify",
            "get-involved",
            "contact-us"
        ])
    );
    browser.finish().await;
}

#[tokio::test]
async fn the_table_keeps_column_alignment() {
    let browser = Browser::start().await;
    browser.open(&site().url("/about/")).await;
    let alignments = browser
        .eval(
            "return [...document.querySelectorAll('article table tr')].map(row =>
                [...row.children].map(cell => getComputedStyle(cell).textAlign));",
        )
        .await;
    let rows = alignments.as_array().unwrap();
    assert_eq!(rows.len(), 4, "a header row and three body rows");
    for row in rows {
        let row: Vec<&str> = row
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        assert!(matches!(row[0], "left" | "start"), "first column {row:?}");
        assert_eq!(&row[1..], ["center", "right"]);
    }
    let headers = browser
        .eval("return [...document.querySelectorAll('article th')].map(th => th.scope);")
        .await;
    assert_eq!(headers, json!(["col", "col", "col"]));
    browser.finish().await;
}

#[tokio::test]
async fn button_rows_mark_their_primary_button() {
    let browser = Browser::start().await;
    browser.open(&site().url("/about/")).await;
    let rows = browser
        .eval(
            "return [...document.querySelectorAll('article p')]
                .filter(p => p.querySelector('a.button'))
                .map(p => [...p.querySelectorAll('a')].map(a => [
                    a.textContent,
                    a.classList.contains('is-primary'),
                    getComputedStyle(a).backgroundColor,
                    a.getAttribute('href'),
                ]));",
        )
        .await;
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 2);
    let labels = |row: &Value| -> Vec<String> {
        row.as_array()
            .unwrap()
            .iter()
            .map(|b| b[0].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(labels(&rows[0]), ["View All Members"]);
    assert_eq!(labels(&rows[1]), ["Learn More", "Contact Us", "Main Page"]);
    let contact = rows[1].as_array().unwrap();
    assert_eq!(contact[0][1], json!(true));
    assert_eq!(contact[1][1], json!(false));
    assert_eq!(contact[0][3], json!("/data"));
    // The primary button is filled; the others are not.
    assert_ne!(contact[0][2], contact[1][2]);
    assert_eq!(contact[1][2], contact[2][2]);
    browser.finish().await;
}

#[tokio::test]
async fn learn_more_goes_to_data_without_a_reload_and_back_returns() {
    let browser = Browser::start().await;
    browser.open(&site().url("/about/")).await;
    browser.eval("window.loadedOnce = true; return null;").await;

    let learn_more = browser
        .wait_for("article a.button.is-primary[href='/data']")
        .await;
    learn_more.click().await.unwrap();
    browser.wait_until("location.pathname === '/data'").await;
    browser
        .wait_until("document.querySelector('h1').textContent === 'Data and contact'")
        .await;
    assert_eq!(
        browser.eval("return window.loadedOnce === true;").await,
        json!(true),
        "the page reloaded"
    );
    assert_eq!(
        browser.eval("return document.title;").await,
        json!("Data and contact | Specify Collections Consortium")
    );
    let current = browser
        .eval("return document.querySelector('.site-nav a[aria-current=page]').textContent;")
        .await;
    assert_eq!(current, json!("Data and contact"));

    browser.client.back().await.unwrap();
    browser.wait_until("location.pathname === '/about/'").await;
    browser
        .wait_until("document.querySelector('h1').textContent === 'About the Specify Collections Consortium'")
        .await;
    assert_eq!(
        browser.eval("return window.loadedOnce === true;").await,
        json!(true),
        "Back reloaded the page"
    );

    browser.client.forward().await.unwrap();
    browser
        .wait_until("document.querySelector('h1').textContent === 'Data and contact'")
        .await;
    browser.finish().await;
}

#[tokio::test]
async fn a_direct_load_of_data_shows_the_data_page() {
    let browser = Browser::start().await;
    for path in ["/data", "/data/"] {
        browser.open(&site().url(path)).await;
        assert_eq!(browser.text("h1").await, "Data and contact");
        assert_eq!(
            browser
                .eval("return document.querySelector('meta[name=description]').content;")
                .await,
            json!(
                "How Specify collections share their data, and where to reach the Specify Collections Consortium"
            )
        );
    }
    browser.finish().await;
}

#[tokio::test]
async fn the_home_page_is_a_composition_of_hero_stats_text_and_features() {
    let browser = Browser::start().await;
    browser.open(&site().url("/")).await;
    assert_eq!(browser.text("h1").await, "Specify Collections Consortium");
    let blocks = browser
        .eval("return [...document.querySelectorAll('main .page-part > *')].map(b => b.className);")
        .await;
    assert_eq!(
        blocks,
        json!([
            "hero hero--image",
            "cards cards--stats",
            "content",
            "split",
            "cards cards--features",
            "page-languages"
        ])
    );
    let stats = browser
        .eval("return [...document.querySelectorAll('.cards--stats .card')].map(c => c.innerText.replace(/\\s+/g, ' ').trim());")
        .await;
    assert_eq!(
        stats,
        json!([
            "34 Institutions",
            "163 Collections",
            "19 million Digitized specimens"
        ])
    );
    let buttons = browser
        .eval("return [...document.querySelectorAll('.hero__buttons a')].map(a => [a.textContent, a.getAttribute('href'), a.classList.contains('is-primary')]);")
        .await;
    assert_eq!(
        buttons,
        json!([
            ["About the consortium", "/about/", true],
            ["Data and contact", "/data/", false]
        ])
    );
    // A card is one link: its title's, stretched over the card.
    let card = browser.wait_for(".cards--features .card__link").await;
    assert_eq!(
        card.attr("href").await.unwrap().as_deref(),
        Some("/about/#key-features-of-specify")
    );
    card.click().await.unwrap();
    browser.wait_until("location.pathname === '/about/'").await;
    browser
        .wait_until("document.querySelector('h1').textContent === 'About the Specify Collections Consortium'")
        .await;
    browser.finish().await;
}

#[tokio::test]
async fn an_unknown_address_shows_the_not_found_page_with_a_way_home() {
    let browser = Browser::start().await;
    browser.open(&site().url("/no/such/page/")).await;
    assert_eq!(browser.text("h1").await, "Page not found");
    assert_eq!(browser.text(".hero__pre-title").await, "Error 404");
    let home = browser.wait_for("main a[href='/']").await;
    home.click().await.unwrap();
    browser
        .wait_until("document.querySelector('h1').textContent === 'Specify Collections Consortium'")
        .await;
    // The static host answered the unknown address with status 404, which the browser logs as a
    // failed load; that line is expected, any other is not.
    browser
        .finish_expecting(&["/no/such/page/ - Failed to load resource"])
        .await;
}

#[tokio::test]
async fn the_page_never_scrolls_sideways_on_a_small_phone() {
    let browser = Browser::start_with_size(320, 640).await;
    for path in ["/", "/about/", "/data/"] {
        browser.open(&site().url(path)).await;
        let widths = browser
            .eval("return [document.documentElement.scrollWidth, document.documentElement.clientWidth];")
            .await;
        assert_eq!(
            widths[0], widths[1],
            "{path} is wider than the screen: {widths}"
        );
    }
    browser.finish().await;
}
