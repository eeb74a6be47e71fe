//! The one place that builds the site's URLs: where the site is deployed ([`BaseUrl`]), and how
//! paths are written in URLs and read from them.

use std::sync::Arc;

/// The sub-path the site is deployed under (`/scc` for `--public-url /scc/`), or none at the
/// domain root. Made once from trunk's public URL, then carried as it is: every address of the
/// site is built through it, so a deployment under a sub-path changes this one value.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct BaseUrl(Arc<str>);

impl BaseUrl {
    /// The base for a public URL as trunk takes it (`/`, `/scc/`, `scc`).
    pub fn new(public_url: &str) -> Self {
        let trimmed = public_url.trim().trim_matches('/');
        if trimmed.is_empty() {
            Self(Arc::from(""))
        } else {
            Self(Arc::from(format!("/{trimmed}")))
        }
    }

    /// The prefix itself: `/scc`, or `""` at the root.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The address of a path of this site (`/data/`, `/assets/moss.jpg`) under the base; other
    /// addresses (`https://...`, `#top`, `mailto:`) as they are.
    pub fn href(&self, path: &str) -> String {
        if path.starts_with('/') && !path.starts_with("//") {
            format!("{}{path}", self.0)
        } else {
            path.to_owned()
        }
    }

    /// The absolute URL of a path of this site, deployed at `origin` (`https://example.org`),
    /// encoded as URLs are written: for canonical links, the sitemap, link previews.
    pub fn absolute(&self, origin: &str, path: &str) -> String {
        format!("{origin}{}", encode_path(&self.href(path)))
    }

    /// The path inside the site for a browser path (`/scc/data/` is `/data/`); a path outside
    /// the base as it is.
    pub fn strip<'a>(&self, pathname: &'a str) -> &'a str {
        match pathname.strip_prefix(&*self.0) {
            Some(rest) if rest.is_empty() || rest.starts_with('/') => rest,
            _ => pathname,
        }
    }
}

impl serde::Serialize for BaseUrl {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

/// The characters a path may not carry as they are in a URL: controls, space, and those that
/// end or change the path (`#`, `?`, `%`) or are not allowed in it. Letters outside ASCII are
/// always encoded.
const PATH_ESCAPES: &percent_encoding::AsciiSet = &percent_encoding::CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'`')
    .add(b'{')
    .add(b'}');

/// A site path as it is written in a URL (`/café/` is `/caf%C3%A9/`), for addresses that leave
/// the browser's hands: canonical links, the sitemap, link previews.
pub fn encode_path(path: &str) -> String {
    percent_encoding::utf8_percent_encode(path, PATH_ESCAPES).to_string()
}

/// A path as the browser gives it (`location.pathname`, a link's `pathname`), with its
/// percent-escapes read: `/caf%C3%A9/` is the page `/café/`.
pub fn decode_path(path: &str) -> String {
    percent_encoding::percent_decode_str(path)
        .decode_utf8_lossy()
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_encoded_for_urls_and_decoded_from_them() {
        assert_eq!(encode_path("/café/a b/"), "/caf%C3%A9/a%20b/");
        assert_eq!(encode_path("/about/"), "/about/");
        assert_eq!(decode_path("/caf%C3%A9/a%20b/"), "/café/a b/");
        assert_eq!(decode_path(&encode_path("/100%/")), "/100%/");
    }

    #[test]
    fn a_sub_path_prefixes_site_paths_only() {
        let scc = BaseUrl::new("/scc/");
        assert_eq!(scc.as_str(), "/scc");
        assert_eq!(BaseUrl::new("/").as_str(), "");
        assert_eq!(BaseUrl::new("scc"), scc);
        assert_eq!(scc.href("/data/"), "/scc/data/");
        assert_eq!(BaseUrl::new("/").href("/data/"), "/data/");
        assert_eq!(
            scc.href("https://www.specifysoftware.org/"),
            "https://www.specifysoftware.org/"
        );
        assert_eq!(scc.href("//cdn.example.org/x"), "//cdn.example.org/x");
        assert_eq!(
            scc.absolute("https://example.org", "/café/"),
            "https://example.org/scc/caf%C3%A9/"
        );
    }

    #[test]
    fn the_deployment_sub_path_is_taken_off() {
        let scc = BaseUrl::new("/scc/");
        assert_eq!(scc.strip("/scc/data/"), "/data/");
        assert_eq!(scc.strip("/scc"), "");
        assert_eq!(BaseUrl::new("/").strip("/data/"), "/data/");
        assert_eq!(scc.strip("/sccx/data/"), "/sccx/data/");
    }
}
