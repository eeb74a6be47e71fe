//! Anchors in addresses, and the scroll position on Back and Forward.

use serde_json::json;

use crate::support::{Browser, site};

/// Where the element is from the top of the window, in CSS pixels.
async fn top_of(browser: &Browser, css: &str) -> f64 {
    let script = format!("return document.querySelector('{css}').getBoundingClientRect().top;");
    browser.eval(&script).await.as_f64().unwrap()
}

#[tokio::test]
async fn a_deep_link_scrolls_to_its_heading() {
    let browser = Browser::start().await;
    browser
        .open(&site().url("/about/#why-choose-specify"))
        .await;
    let top = top_of(&browser, "#why-choose-specify").await;
    assert!(top.abs() < 40.0, "the heading is {top}px from the top");
    browser.finish().await;
}

#[tokio::test]
async fn a_link_to_another_page_and_anchor_scrolls_there() {
    let browser = Browser::start().await;
    browser.open(&site().url("/data/")).await;
    browser
        .wait_for("article a[href='/about/#our-mission']")
        .await
        .click()
        .await
        .unwrap();
    browser.wait_until("document.querySelector('h1').textContent === 'About the Specify Collections Consortium'").await;
    browser
        .wait_until(
            "Math.abs(document.querySelector('#our-mission').getBoundingClientRect().top) < 40",
        )
        .await;
    assert_eq!(
        browser.eval("return location.hash;").await,
        json!("#our-mission")
    );
    browser.finish().await;
}

#[tokio::test]
async fn back_and_forward_restore_the_scroll_position() {
    let browser = Browser::start().await;
    browser.open(&site().url("/about/")).await;
    // Scroll to the "Contact Us" buttons at the end of the About page, and follow one.
    browser
        .eval("document.querySelector('#contact-us').scrollIntoView(); return null;")
        .await;
    browser.wait_until("scrollY > 1000").await;
    let before = browser.eval("return scrollY;").await.as_f64().unwrap();
    browser
        .wait_for("article a.button[href='/data']")
        .await
        .click()
        .await
        .unwrap();
    browser
        .wait_until("document.querySelector('h1').textContent === 'Data and contact'")
        .await;
    browser.wait_until("scrollY === 0").await;

    browser.client.back().await.unwrap();
    browser.wait_until("document.querySelector('h1').textContent === 'About the Specify Collections Consortium'").await;
    browser
        .wait_until(&format!("Math.abs(scrollY - {before}) < 2"))
        .await;

    browser.client.forward().await.unwrap();
    browser
        .wait_until("document.querySelector('h1').textContent === 'Data and contact'")
        .await;
    browser.wait_until("scrollY === 0").await;
    browser.finish().await;
}
