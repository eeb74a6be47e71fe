//! `sitemap.xml` and `robots.txt`, from the list of pages.

/// One page in the sitemap: its address, and the addresses of its language versions.
pub struct Entry {
    pub url: String,
    /// (language, absolute URL) of every language version, itself included.
    pub alternates: Vec<(String, String)>,
}

/// A sitemap listing each page once, at its canonical address, with its translations.
pub fn sitemap(entries: &[Entry]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for entry in entries {
        out.push_str(&format!(
            "  <url>\n    <loc>{}</loc>\n",
            xml_escape(&entry.url)
        ));
        if entry.alternates.len() > 1 {
            for (lang, url) in &entry.alternates {
                out.push_str(&format!(
                    "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>\n",
                    xml_escape(lang),
                    xml_escape(url)
                ));
            }
        }
        out.push_str("  </url>\n");
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
    fn lists_every_url_escaped_with_its_translations() {
        let xml = sitemap(&[
            Entry {
                url: "https://example.org/".into(),
                alternates: vec![
                    ("en".into(), "https://example.org/".into()),
                    ("es".into(), "https://example.org/es/".into()),
                ],
            },
            Entry {
                url: "https://example.org/a&b/".into(),
                alternates: vec![],
            },
        ]);
        assert!(xml.contains("<loc>https://example.org/</loc>"));
        assert!(xml.contains(
            r#"<xhtml:link rel="alternate" hreflang="es" href="https://example.org/es/"/>"#
        ));
        assert!(xml.contains("<loc>https://example.org/a&amp;b/</loc>"));
        assert_eq!(
            robots("https://example.org/sitemap.xml"),
            "User-agent: *\nAllow: /\n\nSitemap: https://example.org/sitemap.xml\n"
        );
    }
}
