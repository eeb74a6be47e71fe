//! The one place that builds the URLs the site links to, so that a deployment under a sub-path
//! (`--public-url /scc/`) changes one setting and not every link.

use crate::model::{Link, LinkTarget};

/// The sub-path the site is deployed under, as `/scc` (no trailing slash), or `""` at the root.
pub fn normalize_base(public_url: &str) -> String {
    let trimmed = public_url.trim().trim_matches('/');
    if trimmed.is_empty() {
        String::new()
    } else {
        format!("/{trimmed}")
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

/// The address of a path of this site (`/data/`, `/assets/moss.jpg`) once deployed under `base`.
pub fn site_href(base: &str, path: &str) -> String {
    if path.starts_with('/') && !path.starts_with("//") {
        format!("{base}{path}")
    } else {
        path.to_owned()
    }
}

/// The `href` a Markdown link gets: paths of this site move under `base`; anchors, relative paths
/// and other sites stay as written.
pub fn link_href(base: &str, link: &Link) -> String {
    match link.target {
        LinkTarget::Page | LinkTarget::File => site_href(base, &link.href),
        LinkTarget::Anchor | LinkTarget::External => link.href.clone(),
    }
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
        assert_eq!(normalize_base("/scc/"), "/scc");
        assert_eq!(normalize_base("/"), "");
        assert_eq!(site_href("/scc", "/data/"), "/scc/data/");
        assert_eq!(site_href("", "/data/"), "/data/");
        assert_eq!(
            site_href("/scc", "https://www.specifysoftware.org/"),
            "https://www.specifysoftware.org/"
        );
        assert_eq!(
            site_href("/scc", "//cdn.example.org/x"),
            "//cdn.example.org/x"
        );
    }
}
