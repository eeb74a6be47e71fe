//! A small hosted-portal repository (tests/fixtures/portal), built as any repository is: each of
//! the theme's layouts and composition blocks, the navigation's dropdown menus by mouse and by
//! keyboard, the menu button of small screens, the table of contents. scripts/test.sh builds it
//! into target/fixture-portal/.

use std::sync::OnceLock;

use serde_json::json;

use crate::support::{Browser, Options, StaticServer, built_site};

fn portal_dist() -> std::path::PathBuf {
    built_site(
        "SITE_DIST_PORTAL",
        "target/fixture-portal",
        "SCC_CONTENT=tests/fixtures/portal trunk build --release --dist target/fixture-portal",
    )
}

pub(crate) fn portal() -> &'static StaticServer {
    static SERVER: OnceLock<StaticServer> = OnceLock::new();
    SERVER.get_or_init(|| StaticServer::start(portal_dist(), Options::default()))
}

/// The classes of the blocks the page at the address is made of, in order.
async fn blocks_of(browser: &Browser, path: &str) -> serde_json::Value {
    browser.open(&portal().url(path)).await;
    browser
        .eval("return [...document.querySelectorAll('main .page-part > *, main .page-part--toc .page-part__body > *')].map(b => b.className);")
        .await
}

#[tokio::test]
async fn each_layout_draws_the_blocks_the_theme_gives_it() {
    let browser = Browser::start().await;
    for (path, blocks, h1) in [
        // The home layout: hero image, text, the latest posts; the home page has a French
        // translation, and the list of its languages ends it.
        (
            "/",
            json!([
                "hero hero--image",
                "content",
                "cards cards--posts",
                "page-languages"
            ]),
            "Fixture Portal",
        ),
        (
            "/layouts/page/",
            json!(["hero hero--box", "content"]),
            "The page layout",
        ),
        (
            "/layouts/default/",
            json!(["content"]),
            "The default layout",
        ),
        (
            "/layouts/hero-image/",
            json!(["hero hero--image", "content"]),
            "The heroImage layout",
        ),
        (
            "/layouts/post/",
            json!(["hero hero--post", "content"]),
            "The post layout",
        ),
        // A layout of the repository's own is drawn around the body, inside the theme's `page` it
        // names; titles are Markdown (smart quotes).
        (
            "/layouts/custom/",
            json!(["hero hero--box hero--plain", "content", "content"]),
            "A layout of the repository’s own",
        ),
        (
            "/404.html",
            json!(["hero hero--floating hero--plain"]),
            "Nothing here",
        ),
        // A composition without a hero shows no title, as the theme draws it; its title is
        // its main heading for screen readers (checked hidden below).
        (
            "/layouts/compose/",
            json!(["visually-hidden", "cards cards--features", "content"]),
            "A composition without a hero",
        ),
    ] {
        assert_eq!(blocks_of(&browser, path).await, blocks, "{path}");
        assert_eq!(browser.text("h1").await, h1, "{path}");
        assert_eq!(
            browser
                .eval("return document.querySelectorAll('h1').length;")
                .await,
            json!(1),
            "{path}"
        );
    }
    browser.open(&portal().url("/layouts/compose/")).await;
    assert_eq!(
        browser
            .eval("const h = document.querySelector('h1'); const r = h.getBoundingClientRect(); return [h.className, r.width <= 1 && r.height <= 1];")
            .await,
        json!(["visually-hidden", true])
    );
    // The post's categories lead to the news archive filtered by them.
    assert_eq!(
        blocks_of(&browser, "/layouts/post/").await[0],
        json!("hero hero--post")
    );
    browser.finish().await;
}

#[tokio::test]
async fn a_composition_draws_every_block_with_its_data() {
    let browser = Browser::start().await;
    assert_eq!(
        blocks_of(&browser, "/compose/").await,
        json!([
            "hero hero--image",
            "cards cards--stats",
            "cards cards--features",
            "split split--reverse",
            "cards cards--media",
            "content",
            "content"
        ])
    );
    let stats = browser
        .eval("return [...document.querySelectorAll('.cards--stats .card__title')].map(t => t.textContent);")
        .await;
    assert_eq!(stats, json!(["12", "3 400"]));
    let card = browser
        .eval("const c = document.querySelector('.cards--features .card'); return [c.querySelector('img').alt, c.querySelector('.image-credit').textContent, [...c.querySelectorAll('.tag')].map(t => t.textContent)];")
        .await;
    assert_eq!(
        card,
        json!([
            "A green field",
            "Image: Photo by the tests",
            ["Guide", "Help"]
        ])
    );
    let cta = browser
        .eval("return [...document.querySelectorAll('.cards--features .card__buttons a')].map(a => [a.textContent, a.className]);")
        .await;
    assert_eq!(cta, json!([["Open", "button is-primary"]]));
    assert_eq!(browser.text(".cards--media .card__pre-title").await, "PDF");
    // The brand colour and square corners of `_config.yml` reach the stylesheet.
    let style = browser
        .eval("const b = document.querySelector('.card__buttons .button'); const s = getComputedStyle(b); return [s.backgroundColor, s.borderTopLeftRadius];")
        .await;
    assert_eq!(style, json!(["rgb(17, 88, 140)", "0px"]));
    browser.finish().await;
}

#[tokio::test]
async fn a_dropdown_opens_by_mouse_and_closes_on_a_click_outside() {
    let browser = Browser::start().await;
    browser.open(&portal().url("/")).await;
    let button = browser.wait_for(".site-nav .dropdown__button").await;
    assert_eq!(
        button.attr("aria-expanded").await.unwrap().as_deref(),
        Some("false")
    );
    button.click().await.unwrap();
    browser
        .wait_until("document.querySelector('.site-nav .dropdown__button').getAttribute('aria-expanded') === 'true'")
        .await;
    let entries = browser
        .eval("return [...document.querySelectorAll('.site-nav .dropdown__menu li')].map(li => [li.className, li.textContent.trim()]);")
        .await;
    assert_eq!(
        entries,
        json!([
            ["", "Page"],
            ["", "Default"],
            ["dropdown__divider", ""],
            ["dropdown__heading", "Images"],
            ["", "Hero image"],
            ["", "Post"]
        ])
    );
    // A click outside closes it.
    browser.wait_for("main").await.click().await.unwrap();
    browser
        .wait_until("document.querySelector('.site-nav .dropdown__button').getAttribute('aria-expanded') === 'false'")
        .await;
    // A link in it navigates within the app.
    browser
        .eval("window.stillThisDocument = true; return null;")
        .await;
    button.click().await.unwrap();
    browser
        .wait_for(".site-nav .dropdown__menu a[href='/layouts/default/']")
        .await
        .click()
        .await
        .unwrap();
    browser
        .wait_until("document.querySelector('h1').textContent === 'The default layout'")
        .await;
    assert_eq!(
        browser
            .eval("return window.stillThisDocument === true;")
            .await,
        json!(true)
    );
    let current = browser
        .eval("return document.querySelector('.dropdown__menu a[aria-current=page]').textContent;")
        .await;
    assert_eq!(current, json!("Default"));
    browser.finish().await;
}

#[tokio::test]
async fn a_dropdown_works_from_the_keyboard() {
    use fantoccini::key::Key;
    let browser = Browser::start().await;
    browser.open(&portal().url("/")).await;
    let button = browser.wait_for(".site-nav .dropdown__button").await;
    let focused = "return document.activeElement.textContent.trim();";
    // Enter opens it, Arrow Down moves into it and down its links, skipping heading and divider.
    browser
        .eval("document.querySelector('.site-nav .dropdown__button').focus(); return null;")
        .await;
    button
        .send_keys(&char::from(Key::Enter).to_string())
        .await
        .unwrap();
    browser
        .wait_until("document.querySelector('.site-nav .dropdown__button').getAttribute('aria-expanded') === 'true'")
        .await;
    button
        .send_keys(&char::from(Key::Down).to_string())
        .await
        .unwrap();
    assert_eq!(browser.eval(focused).await, json!("Page"));
    let keys = |key: Key| char::from(key).to_string();
    // Keys go to whatever has focus (sending them to an element would focus it first).
    let press = |key: Key| {
        let client = browser.client.clone();
        async move {
            client
                .active_element()
                .await
                .unwrap()
                .send_keys(&keys(key))
                .await
                .unwrap();
        }
    };
    press(Key::Down).await;
    press(Key::Down).await;
    assert_eq!(browser.eval(focused).await, json!("Hero image"));
    press(Key::Up).await;
    assert_eq!(browser.eval(focused).await, json!("Default"));
    press(Key::End).await;
    assert_eq!(browser.eval(focused).await, json!("Post"));
    press(Key::Down).await;
    assert_eq!(
        browser.eval(focused).await,
        json!("Page"),
        "Arrow Down wraps around"
    );
    press(Key::Home).await;
    assert_eq!(browser.eval(focused).await, json!("Page"));
    // Escape closes it and puts focus back on its button.
    press(Key::Escape).await;
    browser
        .wait_until("document.querySelector('.site-nav .dropdown__button').getAttribute('aria-expanded') === 'false'")
        .await;
    assert_eq!(browser.eval(focused).await, json!("Layouts"));
    // Space opens it too; Arrow Up opens it on its last link.
    press(Key::Space).await;
    browser
        .wait_until("document.querySelector('.site-nav .dropdown__button').getAttribute('aria-expanded') === 'true'")
        .await;
    press(Key::Escape).await;
    press(Key::Up).await;
    assert_eq!(browser.eval(focused).await, json!("Post"));
    browser.finish().await;
}

#[tokio::test]
async fn below_1024_pixels_a_menu_button_opens_the_whole_navigation() {
    let browser = Browser::start_with_size(390, 844).await;
    browser.open(&portal().url("/")).await;
    let items = "getComputedStyle(document.querySelector('#site-menu')).display";
    assert_eq!(
        browser.eval(&format!("return {items};")).await,
        json!("none")
    );
    let toggle = browser.wait_for(".site-nav__toggle").await;
    assert_eq!(
        toggle.attr("aria-expanded").await.unwrap().as_deref(),
        Some("false")
    );
    toggle.click().await.unwrap();
    browser.wait_until(&format!("{items} !== 'none'")).await;
    assert_eq!(
        toggle.attr("aria-expanded").await.unwrap().as_deref(),
        Some("true")
    );
    // Every entry is reachable in it, the dropdown's links included, with no scrolling sideways.
    let visible = browser
        .eval("return [...document.querySelectorAll('#site-menu a')].filter(a => a.getBoundingClientRect().width > 0).map(a => a.textContent.trim());")
        .await;
    assert_eq!(
        visible,
        json!([
            "Guide",
            "Page",
            "Default",
            "Hero image",
            "Post",
            "Compose",
            "News",
            "Search"
        ])
    );
    assert_eq!(
        browser.eval("return document.documentElement.scrollWidth <= document.documentElement.clientWidth;").await,
        json!(true)
    );
    browser
        .wait_for("#site-menu a[href='/compose/']")
        .await
        .click()
        .await
        .unwrap();
    browser
        .wait_until("document.querySelector('h1').textContent === 'Composition'")
        .await;
    // The new page starts with the menu closed.
    assert_eq!(
        browser.eval(&format!("return {items};")).await,
        json!("none")
    );
    browser.finish().await;
}

#[tokio::test]
async fn the_table_of_contents_lists_the_headings_and_marks_the_one_being_read() {
    let browser = Browser::start().await;
    browser.open(&portal().url("/guide/")).await;
    let entries = browser
        .eval("return [...document.querySelectorAll('.toc a')].map(a => [a.textContent, a.getAttribute('href')]);")
        .await;
    assert_eq!(
        entries,
        json!([
            ["Getting started", "#getting-started"],
            ["Installing", "#installing"],
            ["Reading the data", "#reading-the-data"],
            ["Filters", "#filters"],
            ["Contact", "#contact"]
        ]),
        "`tocMaxDepth: 3` leaves the h4 out"
    );
    let current = "return document.querySelector('.toc a[aria-current]')?.textContent ?? null;";
    browser
        .eval("document.querySelector('#reading-the-data').scrollIntoView(); return null;")
        .await;
    browser
        .wait_until(
            "document.querySelector('.toc a[aria-current]')?.textContent === 'Reading the data'",
        )
        .await;
    browser
        .eval("document.querySelector('#contact').scrollIntoView(); return null;")
        .await;
    browser
        .wait_until("document.querySelector('.toc a[aria-current]')?.textContent === 'Contact'")
        .await;
    // Following an entry scrolls to its heading.
    browser.eval("scrollTo(0, 0); return null;").await;
    browser
        .wait_for(".toc a[href='#filters']")
        .await
        .click()
        .await
        .unwrap();
    browser
        .wait_until("Math.abs(document.querySelector('#filters').getBoundingClientRect().top) < 40")
        .await;
    assert_eq!(browser.eval(current).await, json!("Filters"));
    // Liquid in the page's text was rendered.
    assert_eq!(
        browser
            .eval("return document.querySelector('main .content').textContent.includes('Fixture Portal is built from this repository.');")
            .await,
        json!(true)
    );
    browser.finish().await;
}

#[tokio::test]
async fn the_header_shows_the_logo_and_the_footer_its_columns() {
    let browser = Browser::start().await;
    browser.open(&portal().url("/")).await;
    // The 64-pixel logo, made twice the 28 pixels it is drawn at; its width known beforehand.
    let logo = browser
        .eval("const img = document.querySelector('.site-header__logo'); return [img.getAttribute('src').replace(/-[0-9a-f]+[.]png$/, ''), img.alt, img.getBoundingClientRect().height, img.getAttribute('width')];")
        .await;
    assert_eq!(
        logo,
        json!(["/_app/images/logo-h56", "Fixture Portal - Home", 28, "28"])
    );
    assert_eq!(
        browser.text(".site-header__name-text").await,
        "Fixture Portal"
    );
    let plate = "const img = document.querySelector('.site-header__logo'); return [img.getAttribute('src'), img.getAttribute('width'), getComputedStyle(img).backgroundColor, img.getBoundingClientRect().height];";
    assert_eq!(browser.eval(plate).await[2], json!("rgba(0, 0, 0, 0)"));
    // The French logo is an SVG of dark letters, made for the theme's white bar: drawn on a
    // light plate (28 pixels of logo in 36), at the width its size gives.
    browser.open(&portal().url("/fr/")).await;
    assert_eq!(
        browser.eval(plate).await,
        json!(["/assets/images/logo-fr.svg", "84", "rgb(255, 255, 255)", 36])
    );
    browser.open(&portal().url("/")).await;
    let columns = browser
        .eval("return [...document.querySelectorAll('.footer-column')].map(c => c.innerText.replace(/\\s+/g, ' ').trim());")
        .await;
    assert_eq!(
        columns,
        json!([
            "About the portal A portal built from Markdown and data. GitHub",
            "Links Guide"
        ])
    );
    assert_eq!(
        browser
            .eval("return document.querySelector('.footer-column__social a').href;")
            .await,
        json!("https://github.com/example")
    );
    browser.finish().await;
}

/// The titles of the posts the archive shows (not hidden).
const SHOWN_POSTS: &str = "return [...document.querySelectorAll('.cards--archive .cards__item')].filter(c => !c.hidden && getComputedStyle(c).display !== 'none').map(c => c.querySelector('.card__title').textContent);";

#[tokio::test]
async fn the_news_archive_filters_by_category_in_the_address() {
    let browser = Browser::start().await;
    browser.open(&portal().url("/news/")).await;
    let all = json!(["A workshop", "A data release", "The first meeting"]);
    assert_eq!(
        browser.eval(SHOWN_POSTS).await,
        all,
        "newest first, the excluded one left out"
    );
    let filter = browser
        .eval("return [...document.querySelectorAll('.post-filter a')].map(a => a.textContent);")
        .await;
    assert_eq!(filter, json!(["All", "Data", "Events", "News", "Training"]));
    browser
        .eval("window.stillThisDocument = true; return null;")
        .await;
    browser
        .wait_for(".post-filter a[href='/news/?category=Events']")
        .await
        .click()
        .await
        .unwrap();
    browser
        .wait_until("location.search === '?category=Events'")
        .await;
    browser
        .wait_until(
            "document.querySelectorAll('.cards--archive .cards__item[hidden]').length === 1",
        )
        .await;
    assert_eq!(
        browser.eval(SHOWN_POSTS).await,
        json!(["A workshop", "The first meeting"])
    );
    assert_eq!(
        browser
            .eval("return document.querySelector('.post-filter a[aria-current]').textContent;")
            .await,
        json!("Events")
    );
    assert_eq!(
        browser
            .eval("return window.stillThisDocument === true;")
            .await,
        json!(true)
    );
    // Back restores the whole list.
    browser.client.back().await.unwrap();
    browser.wait_until("location.search === ''").await;
    browser
        .wait_until(
            "document.querySelectorAll('.cards--archive .cards__item[hidden]').length === 0",
        )
        .await;
    assert_eq!(browser.eval(SHOWN_POSTS).await, all);
    // A card's tag leads to the archive filtered by it.
    let tag = browser
        .eval(
            "return document.querySelector('.cards--archive .card .tags a').getAttribute('href');",
        )
        .await;
    assert_eq!(tag, json!("/news/?category=Events"));
    browser.finish().await;
}

#[tokio::test]
async fn a_filtered_archive_loads_directly_and_without_javascript_shows_every_post() {
    let browser = Browser::start().await;
    browser.open(&portal().url("/news/?category=Data")).await;
    browser
        .wait_until(
            "document.querySelectorAll('.cards--archive .cards__item[hidden]').length === 2",
        )
        .await;
    assert_eq!(browser.eval(SHOWN_POSTS).await, json!(["A data release"]));
    browser.finish().await;
    let plain = Browser::start_without_javascript().await;
    plain.load(&portal().url("/news/?category=Data")).await;
    let titles = plain
        .client
        .find_all(fantoccini::Locator::Css(".cards--archive .card__title"))
        .await
        .unwrap();
    assert_eq!(
        titles.len(),
        3,
        "without the app the archive is a plain list"
    );
    plain.close().await;
}

#[tokio::test]
async fn a_post_has_its_header_date_categories_and_table_of_contents() {
    let browser = Browser::start().await;
    browser.open(&portal().url("/post/2021/workshop/")).await;
    assert_eq!(browser.text("h1").await, "A workshop");
    assert_eq!(
        browser.text(".hero--post .hero__date").await,
        "1 March 2021"
    );
    let tags = browser
        .eval("return [...document.querySelectorAll('.hero--post .tag')].map(t => [t.textContent, t.getAttribute('href')]);")
        .await;
    assert_eq!(
        tags,
        json!([
            ["Events", "/news/?category=Events"],
            ["Training", "/news/?category=Training"]
        ])
    );
    assert_eq!(browser.text(".toc a").await, "Programme");
    // The home page lists the latest two posts (`latestPostLimit: 2`), newest first.
    browser.open(&portal().url("/")).await;
    let latest = browser
        .eval("return [...document.querySelectorAll('.cards--posts .card__title')].map(t => t.textContent);")
        .await;
    assert_eq!(latest, json!(["A workshop", "A data release"]));
    // An image written `assets/images/field photo.png` is the site's from any page: in the
    // archive's card, and as the post's own hero (made into files an address can hold).
    let loaded = |css: &str| {
        format!(
            "(() => {{ const img = document.querySelector(\"{css}\"); img.scrollIntoView(); return img.complete && img.naturalWidth > 0; }})()"
        )
    };
    browser.open(&portal().url("/news/")).await;
    let card_image = ".card:has(a[href='/post/2021/data-release/']) img";
    browser.wait_until(&loaded(card_image)).await;
    // Drawn from the WebP files made for cards, as other cards' images are.
    let src = browser
        .eval(&format!(
            "return document.querySelector(\"{card_image}\").currentSrc;"
        ))
        .await;
    assert!(
        src.as_str()
            .is_some_and(|src| src.contains("/_app/images/field-photo-") && src.ends_with(".webp")),
        "{src}"
    );
    browser
        .open(&portal().url("/post/2021/data-release/"))
        .await;
    browser.wait_until(&loaded(".hero img")).await;
    assert!(
        browser
            .eval("return document.querySelector('.hero img').currentSrc;")
            .await
            .as_str()
            .unwrap()
            .contains("/_app/images/field-photo-")
    );
    browser.finish().await;
}

#[tokio::test]
async fn data_pages_lead_to_gbif_org_and_record_addresses_show_the_record_page() {
    crate::support::gbif_api::StandInApi::get();
    let browser = Browser::start().await;
    // A search page links to GBIF.org's search in the network `_includes/js/config.js` names.
    browser.open(&portal().url("/occurrence/search")).await;
    assert_eq!(browser.text("h1").await, "Specimens");
    assert_eq!(
        browser
            .eval("return document.querySelector('.gbif-block__buttons a').href;")
            .await,
        json!(
            "https://www.gbif.org/occurrence/search?network_key=8e30b684%2D6a54%2D4aba%2Daa73%2D66201c2c736e"
        )
    );
    // A record's address is served the record page (`_redirects`), which the app takes over
    // and whose link leads to that record.
    let record = "/institution/49fb6451-91b7-4af2-8cd3-354539a77589";
    browser.open(&portal().url(record)).await;
    assert_eq!(browser.text("h1").await, "Institution");
    assert_eq!(
        browser
            .eval("return document.documentElement.dataset.app;")
            .await,
        json!("hydrated"),
        "the record page is taken over, not drawn again"
    );
    assert_eq!(
        browser
            .eval("return document.querySelector('.gbif-block__buttons a').href;")
            .await,
        json!("https://www.gbif.org/grscicoll/institution/49fb6451-91b7-4af2-8cd3-354539a77589")
    );
    // The folder's own page is still itself.
    browser.open(&portal().url("/institution/search")).await;
    assert_eq!(browser.text("h1").await, "Institutions");
    // Moving to another record without reloading shows the record page with the new key.
    browser
        .eval("window.stayed = true; const a = document.createElement('a'); a.href = '/institution/ab8b25c4-f95e-437b-82df-5aed3c9031ec/collections'; a.textContent = 'go'; document.querySelector('main').append(a); a.click(); return true;")
        .await;
    browser
        .wait_until("document.querySelector('h1')?.textContent === 'Institution'")
        .await;
    browser
        .wait_until("document.querySelector('.gbif-block__buttons a')?.href.endsWith('/ab8b25c4-f95e-437b-82df-5aed3c9031ec')")
        .await;
    assert_eq!(
        browser.eval("return window.stayed === true;").await,
        json!(true)
    );
    browser.finish().await;
}

/// The side navigation's links the visitor can see.
const SIDE_NAV_LINKS: &str = "return [...document.querySelectorAll('.side-nav a')].filter(a => a.checkVisibility({contentVisibilityAuto: true})).map(a => a.textContent.trim());";

#[tokio::test]
async fn a_documentation_page_has_a_side_navigation_that_is_a_menu_on_phones() {
    let phone = Browser::start_with_size(390, 844).await;
    phone.open(&portal().url("/docs/translations")).await;
    assert_eq!(phone.text("h1").await, "Translations");
    assert_eq!(
        phone.eval(SIDE_NAV_LINKS).await,
        json!([]),
        "closed on a phone"
    );
    phone
        .wait_for(".side-nav__toggle")
        .await
        .click()
        .await
        .unwrap();
    phone
        .wait_until("document.querySelector('.side-nav a').checkVisibility()")
        .await;
    assert_eq!(
        phone.eval(SIDE_NAV_LINKS).await,
        json!(["Introduction", "Translations", "The guide", "News"])
    );
    assert_eq!(
        phone
            .eval("return document.querySelector('.side-nav a[aria-current=page]').textContent;")
            .await,
        json!("Translations")
    );
    // Nothing is wider than the phone's screen.
    assert_eq!(
        phone
            .eval("return document.documentElement.scrollWidth <= window.innerWidth;")
            .await,
        json!(true)
    );
    // Following a link moves to the page without reloading; that page's link is marked.
    phone.eval("window.stayed = true; return true;").await;
    phone
        .client
        .find(fantoccini::Locator::LinkText("Introduction"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    phone
        .wait_until("document.querySelector('h1')?.textContent === 'Introduction'")
        .await;
    assert_eq!(
        phone
            .eval("return [document.querySelector('.side-nav a[aria-current=page]').textContent, window.stayed === true];")
            .await,
        json!(["Introduction", true])
    );
    phone.finish().await;

    // On a wide screen it is a column beside the text, always open, with no menu button.
    let desktop = Browser::start_with_size(1280, 900).await;
    desktop.open(&portal().url("/docs/intro")).await;
    assert_eq!(
        desktop.eval(SIDE_NAV_LINKS).await,
        json!(["Introduction", "Translations", "The guide", "News"])
    );
    assert_eq!(
        desktop
            .eval("const nav = document.querySelector('.side-nav').getBoundingClientRect(), text = document.querySelector('main .content').getBoundingClientRect(); return [getComputedStyle(document.querySelector('.side-nav__toggle')).display, nav.right <= text.left, nav.top < text.bottom];")
            .await,
        json!(["none", true, true])
    );
    desktop.finish().await;
}

#[tokio::test]
async fn on_a_host_without_rewrites_a_record_address_still_shows_the_record_page() {
    crate::support::gbif_api::StandInApi::get();
    // GitHub Pages reads no `_redirects`: it answers the record's address with `404.html`.
    let server = StaticServer::start(
        portal_dist(),
        Options {
            no_rewrites: true,
            ..Options::default()
        },
    );
    let browser = Browser::start().await;
    let record = "/collection/4f1c-9a2b";
    assert_eq!(server.get(record).status, 404);
    browser
        .client
        .goto(&server.url("/institution/49fb6451-91b7"))
        .await
        .unwrap();
    browser
        .wait_until("document.querySelector('h1')?.textContent === 'Institution'")
        .await;
    browser
        .wait_until("document.querySelector('.gbif-block__buttons a')?.href === 'https://www.gbif.org/grscicoll/institution/49fb6451-91b7'")
        .await;
    browser.finish_expecting(&["404"]).await;
}

/// A static HTML file of the repository (published as it is, as Jekyll does) that loads a script
/// file of the repository: under the site's policy, which trusts only the app's scripts, neither
/// that file nor its inline script runs on the site's origin.
#[tokio::test]
async fn a_repositorys_own_html_file_cannot_run_scripts_on_the_sites_origin() {
    let browser = Browser::start().await;
    // The page is the repository's own, not the app's: it is shown as it is.
    browser
        .client
        .goto(&portal().url("/assets/legacy/old-page.html"))
        .await
        .expect("navigate");
    browser.wait_for("p").await;
    // Give a script that was allowed the time to run.
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(
        browser
            .eval("return [document.title, document.querySelector('p')?.textContent];")
            .await,
        json!([
            "An old page",
            "A page copied from an old site, published as it is."
        ])
    );
    // Both were stopped by the site's policy, which its headers give every file.
    let errors = browser.console_errors().await;
    let refused = |what: &str| {
        errors
            .iter()
            .any(|e| e.contains(what) && e.contains("Content Security Policy"))
    };
    assert!(refused("old-script.js"), "{errors:#?}");
    assert!(refused("inline script"), "{errors:#?}");
    browser
        .finish_expecting(&["Content Security Policy", "favicon.ico"])
        .await;
}
