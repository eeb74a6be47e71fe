//! The site in English and Spanish: the language switcher, the interface's words, the links
//! between translations that search engines read.

use serde_json::json;

use crate::support::{Browser, site};

/// The language switcher's link to `language` (by its name in itself).
fn switcher_link(language: &str) -> String {
    format!(
        "[...document.querySelectorAll('.language-switcher a')].find(a => a.textContent.trim() === '{language}')"
    )
}

#[tokio::test]
async fn every_page_switches_language_without_reloading() {
    let browser = Browser::start().await;
    for (start, language, title, address, lang) in [
        (
            "/about/",
            "Español",
            "Acerca del Specify Collections Consortium",
            "/es/acerca/",
            "es",
        ),
        ("/data/", "Español", "Datos y contacto", "/es/datos/", "es"),
        (
            "/es/acerca/",
            "English",
            "About the Specify Collections Consortium",
            "/about/",
            "en",
        ),
        ("/es/datos/", "English", "Data and contact", "/data/", "en"),
        (
            "/es/",
            "English",
            "Specify Collections Consortium",
            "/",
            "en",
        ),
    ] {
        browser.open(&site().url(start)).await;
        browser
            .eval("window.stillThisDocument = true; return null;")
            .await;
        browser
            .eval(&format!(
                "{}.click(); return null;",
                switcher_link(language)
            ))
            .await;
        browser
            .wait_until(&format!("location.pathname === '{address}'"))
            .await;
        browser
            .wait_until(&format!("document.documentElement.lang === '{lang}'"))
            .await;
        browser
            .wait_until(&format!(
                "document.querySelector('h1').textContent === '{title}'"
            ))
            .await;
        assert_eq!(
            browser.eval("return document.documentElement.lang;").await,
            json!(lang),
            "{start}"
        );
        assert_eq!(
            browser
                .eval("return window.stillThisDocument === true;")
                .await,
            json!(true),
            "{start} reloaded"
        );
        let current = browser.eval("return document.querySelector('.language-switcher a[aria-current]').getAttribute('lang');").await;
        assert_eq!(current, json!(lang));
    }
    browser.finish().await;
}

#[tokio::test]
async fn the_interface_speaks_the_language_of_the_page() {
    let browser = Browser::start().await;
    browser.open(&site().url("/es/datos/")).await;
    assert_eq!(
        browser.eval("return document.documentElement.lang;").await,
        json!("es")
    );
    let skip = browser
        .eval("return document.querySelector('.skip-link').textContent;")
        .await;
    assert_eq!(skip, json!("Saltar al contenido"));
    let nav = browser.eval("return [...document.querySelectorAll('.site-nav__items a')].map(a => [a.textContent, a.getAttribute('aria-current')]);").await;
    assert_eq!(
        nav,
        json!([
            ["Inicio", null],
            ["Acerca de", null],
            ["Datos y contacto", "page"],
            ["Nuestra misión", null],
            ["Miembros", null],
            ["Foro de la comunidad", null],
            ["Buscar", null]
        ])
    );
    assert_eq!(browser.text(".dropdown__button").await, "Consorcio");
    assert_eq!(
        browser
            .eval("return document.querySelector('.hero__credit').textContent;")
            .await,
        json!("Imagen: Specify Collections Consortium")
    );
    let languages = browser.eval("return [...document.querySelectorAll('.language-switcher a')].map(a => [a.textContent.trim(), a.getAttribute('hreflang')]);").await;
    assert_eq!(languages, json!([["English", "en"], ["Español", "es"]]));
    let footer = browser
        .eval("return document.querySelector('.site-footer__other').textContent.trim();")
        .await;
    assert!(
        footer
            .as_str()
            .unwrap()
            .starts_with("El Specify Collections Consortium ofrece"),
        "{footer}"
    );
    let columns = browser
        .eval("return [...document.querySelectorAll('.footer-column__name')].map(h => h.textContent);")
        .await;
    assert_eq!(
        columns,
        json!(["Socios fundadores", "Código abierto", "Contacto"])
    );
    // Moving to a page in the other language changes the interface with it.
    browser
        .eval(&format!(
            "{}.click(); return null;",
            switcher_link("English")
        ))
        .await;
    browser
        .wait_until("document.querySelector('.skip-link').textContent === 'Skip to content'")
        .await;
    browser.finish().await;
}

#[tokio::test]
async fn a_spanish_address_without_a_page_says_so_in_spanish() {
    let browser = Browser::start().await;
    browser.open(&site().url("/es/no-existe/")).await;
    browser
        .wait_until("document.querySelector('h1').textContent === 'Página no encontrada'")
        .await;
    let home = browser.wait_for("main a.button").await;
    assert_eq!(home.attr("href").await.unwrap().as_deref(), Some("/es/"));
    assert_eq!(
        browser.eval("return document.documentElement.lang;").await,
        json!("es")
    );
    browser
        .finish_expecting(&["/es/no-existe/ - Failed to load resource"])
        .await;
}

#[test]
fn prerendered_pages_link_their_translations_for_search_engines() {
    for (path, lang, en, es) in [
        (
            "/data/",
            "en",
            "https://www.specifysoftware.org/data/",
            "https://www.specifysoftware.org/es/datos/",
        ),
        (
            "/es/",
            "es",
            "https://www.specifysoftware.org/",
            "https://www.specifysoftware.org/es/",
        ),
    ] {
        let html = site().get(path).text();
        assert!(html.contains(&format!("<html lang=\"{lang}\"")), "{path}");
        for tag in [
            format!("<link rel=\"alternate\" hreflang=\"en\" href=\"{en}\">"),
            format!("<link rel=\"alternate\" hreflang=\"es\" href=\"{es}\">"),
            format!("<link rel=\"alternate\" hreflang=\"x-default\" href=\"{en}\">"),
        ] {
            assert!(html.contains(&tag), "{path} lacks {tag}");
        }
    }
    let canonical = site().get("/es/acerca/").text();
    assert!(
        canonical.contains(
            "<link rel=\"canonical\" href=\"https://www.specifysoftware.org/es/acerca/\">"
        )
    );
    let sitemap = site().get("/sitemap.xml").text();
    assert!(sitemap.contains("<loc>https://www.specifysoftware.org/es/datos/</loc>"));
    assert!(
        !sitemap.contains("404"),
        "the \"not found\" pages are not in the sitemap"
    );
    assert!(sitemap.contains(
        "<xhtml:link rel=\"alternate\" hreflang=\"es\" href=\"https://www.specifysoftware.org/es/\"/>"
    ));
}
