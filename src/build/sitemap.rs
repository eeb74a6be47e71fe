//! `sitemap.xml` and `robots.txt`, from the list of pages.

/// A sitemap listing each page once, at its canonical address.
pub fn sitemap(urls: &[String]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for url in urls {
        out.push_str(&format!("  <url><loc>{}</loc></url>\n", xml_escape(url)));
    }
    out.push_str("</urlset>\n");
    out
}

/// Crawlers may read everything, and are told where the sitemap is.
pub fn robots(sitemap_url: &str) -> String {
    format!("User-agent: *\nAllow: /\n\nSitemap: {sitemap_url}\n")
}

pub fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_every_url_escaped() {
        let xml = sitemap(&[
            "https://example.org/".into(),
            "https://example.org/a&b/".into(),
        ]);
        assert!(xml.contains("<url><loc>https://example.org/</loc></url>"));
        assert!(xml.contains("<loc>https://example.org/a&amp;b/</loc>"));
        assert_eq!(
            robots("https://example.org/sitemap.xml"),
            "User-agent: *\nAllow: /\n\nSitemap: https://example.org/sitemap.xml\n"
        );
    }
}
