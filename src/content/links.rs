//! Where links point: another page of this site, a file of it, an anchor, or another site.

use crate::content::body::LinkTarget;
use crate::content::diagnostics::{Diagnostic, Position};

/// Decides what kind of place `href` points to, from its form alone.
pub fn classify(href: &str) -> LinkTarget {
    if href.starts_with('#') {
        LinkTarget::Anchor
    } else if scheme(href).is_some() || href.starts_with("//") {
        LinkTarget::External
    } else if path_of(href).rsplit('/').next().unwrap_or("").contains('.') {
        LinkTarget::File
    } else {
        LinkTarget::Page
    }
}

/// The URL scheme (`https`, `mailto`), lower-cased, if `href` has one.
pub fn scheme(href: &str) -> Option<String> {
    let (scheme, _) = href.split_once(':')?;
    let mut chars = scheme.chars();
    let valid = chars.next()?.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then(|| scheme.to_ascii_lowercase())
}

/// Schemes a link may not use: they run code or smuggle content in the page.
pub fn is_unsafe(href: &str) -> bool {
    let compact: String = href
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect();
    matches!(
        scheme(&compact).as_deref(),
        Some("javascript" | "vbscript" | "data")
    )
}

/// What an address is used for, which decides what it may be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Use {
    /// A link a visitor follows.
    Link,
    /// An image the page shows: a `data:` image is allowed too.
    Image,
    /// A video or a sound the page plays (`<video>`, `<audio>`, `<source>`, `<track>`).
    Media,
    /// Where a form sends what a visitor fills in (`<form action>`), for the policy's
    /// `form-action`.
    Form,
    /// Where a live count is fetched from (`data-ajax-url`), for the policy's `connect-src`.
    Count,
}

/// The one check every address a repository writes goes through before it reaches a page
/// (Markdown, HTML, front matter, `_data`, `_config.yml`): `None` if it may be published,
/// otherwise the error for it, at `at` in `file`. Script and `data:` addresses are refused.
pub fn refusal(href: &str, used: Use, file: &str, at: Position) -> Option<Diagnostic> {
    let (message, hint) = match used {
        Use::Image if is_data_image(href) => return None,
        Use::Link | Use::Media | Use::Form if is_unsafe(href) => (
            format!("unsafe link target `{href}`"),
            "links may not use `javascript:`, `vbscript:` or `data:` URLs",
        ),
        Use::Image if is_unsafe(href) => (
            format!("unsafe image source `{href}`"),
            "images may not use `javascript:` or `vbscript:` URLs, nor `data:` URLs other than images",
        ),
        _ => return None,
    };
    Some(Diagnostic::error(file, at, message).with_hint(hint))
}

/// Whether `href` is an image carried in the page itself (`data:image/png;base64,...`), which an
/// `<img>` may use.
pub fn is_data_image(href: &str) -> bool {
    href.trim_start()
        .to_ascii_lowercase()
        .starts_with("data:image/")
}

/// The origin (`https://www.gbif.org`) of an address on another site, if it is an `http(s)` one
/// with a plain host name, as a Content-Security-Policy source lists it.
pub fn web_origin(href: &str) -> Option<String> {
    let scheme = scheme(href)?;
    if scheme != "https" && scheme != "http" {
        return None;
    }
    let rest = &href[scheme.len() + 1..];
    let authority = rest.strip_prefix("//")?;
    let host = authority
        .split(['/', '?', '#'])
        .next()
        .unwrap_or("")
        .rsplit('@')
        .next()
        .unwrap_or("");
    let valid = !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'));
    valid.then(|| format!("{scheme}://{}", host.to_ascii_lowercase()))
}

/// A link as Jekyll's `relative_url` makes it (which the theme applies to navigation, footer and
/// button links): a path of the site starts at its root (`data?x` is `/data?x`); addresses of
/// other sites and anchors stay as they are.
pub fn from_site_root(href: &str) -> String {
    if href.is_empty() || href.starts_with(['/', '#']) || scheme(href).is_some() {
        href.to_owned()
    } else {
        format!("/{href}")
    }
}

/// The path part of a link, without its query and fragment.
pub fn path_of(href: &str) -> &str {
    let end = href.find(['?', '#']).unwrap_or(href.len());
    &href[..end]
}

/// The fragment of a link (`our-mission` in `/about/#our-mission`), if it has one.
pub fn fragment_of(href: &str) -> Option<&str> {
    href.split_once('#')
        .map(|(_, f)| f)
        .filter(|f| !f.is_empty())
}

/// Resolves a path written on the page at `route` (`../data`, `data`, `/data`) to a site path.
pub fn resolve(route: &str, path: &str) -> String {
    if path.starts_with('/') {
        return path.to_owned();
    }
    let mut segments: Vec<&str> = route.split('/').filter(|s| !s.is_empty()).collect();
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            s => segments.push(s),
        }
    }
    let trailing = if path.ends_with('/') { "/" } else { "" };
    format!("/{}{trailing}", segments.join("/"))
}

/// A link, image or media target as written, for the checks that need every page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkRef {
    pub href: String,
    pub at: Position,
    pub used: Use,
}

#[cfg(test)]
mod tests {
    #[test]
    fn origins_of_images_on_other_sites() {
        use super::web_origin;
        assert_eq!(
            web_origin("https://data.nhm.ac.uk/media/d98?x=1").as_deref(),
            Some("https://data.nhm.ac.uk")
        );
        assert_eq!(
            web_origin("HTTPS://WWW.GBIF.org").as_deref(),
            Some("https://www.gbif.org")
        );
        assert_eq!(web_origin("/assets/moss.jpg"), None);
        assert_eq!(web_origin("data:image/png;base64,x"), None);
        assert_eq!(web_origin("https://bad host/"), None);
        assert_eq!(web_origin("https://a.org;script-src *"), None);
    }

    use super::*;

    #[test]
    fn classifies_links_by_their_form() {
        assert_eq!(classify("/data"), LinkTarget::Page);
        assert_eq!(classify("/data/#contact"), LinkTarget::Page);
        assert_eq!(classify("../about/"), LinkTarget::Page);
        assert_eq!(classify("#our-mission"), LinkTarget::Anchor);
        assert_eq!(classify("/assets/report.pdf"), LinkTarget::File);
        assert_eq!(
            classify("https://www.specifysoftware.org/members/"),
            LinkTarget::External
        );
        assert_eq!(classify("mailto:someone@example.org"), LinkTarget::External);
        assert_eq!(classify("//cdn.example.org/x"), LinkTarget::External);
    }

    #[test]
    fn script_and_data_urls_are_unsafe() {
        assert!(is_unsafe("javascript:alert(1)"));
        assert!(is_unsafe(" JavaScript:alert(1)"));
        assert!(is_unsafe("java\tscript:alert(1)"));
        assert!(is_unsafe("data:text/html,<script>"));
        assert!(!is_unsafe("https://example.org/javascript:"));
        assert!(!is_unsafe("/data"));
    }

    #[test]
    fn relative_url_starts_paths_at_the_root() {
        assert_eq!(from_site_root("data?filter=x"), "/data?filter=x");
        assert_eq!(from_site_root("de/data"), "/de/data");
        assert_eq!(from_site_root("/about"), "/about");
        assert_eq!(from_site_root("https://gbif.org"), "https://gbif.org");
        assert_eq!(from_site_root("mailto:a@b.org"), "mailto:a@b.org");
        assert_eq!(from_site_root("#top"), "#top");
    }

    #[test]
    fn resolves_relative_paths_against_the_page() {
        assert_eq!(resolve("/about/", "/data"), "/data");
        assert_eq!(resolve("/about/", "../data/"), "/data/");
        assert_eq!(resolve("/es/about/", "datos"), "/es/about/datos");
    }
}
