//! Which address shows which page: the one place that turns content files and browser paths into
//! routes, used by the content compiler at build time and by the app in the browser.

use crate::model::SiteConfig;
use crate::urls::{self, BaseUrl};

/// What a prerendered "not found" page writes on its `<body data-route>`, where a content page
/// writes its route.
pub const NOT_FOUND_MARKER: &str = "404";

/// The form in which paths are compared: a leading slash and no trailing one or `.html`
/// (`/data`), so that `/data`, `/data/` and `/data.html` are the same page, as static hosts serve
/// them. The root stays `/`.
pub fn route_key(path: &str) -> String {
    let path = path.split(['?', '#']).next().unwrap_or("");
    let path = path.strip_suffix("index.html").unwrap_or(path);
    let path = path.strip_suffix(".html").unwrap_or(path);
    let trimmed = path.trim_matches('/');
    if trimmed.is_empty() {
        "/".to_owned()
    } else {
        format!("/{trimmed}")
    }
}

/// The key of the page a browser path shows (see [`route_key`]): the deployment's sub-path taken
/// off, percent-escapes read (`/caf%C3%A9/` is the page `/café/`).
pub fn page_key(pathname: &str, base: &BaseUrl) -> String {
    route_key(&urls::decode_path(base.strip(pathname)))
}

/// The key of the page a browser path shows on this site: as [`page_key`], and a GBIF record's
/// address (`/institution/<key>`, `/institution/<key>/collections`) is its folder's record page
/// (`/institution/_key_`), which hosts serve there (`_redirects`).
pub fn site_page_key(pathname: &str, base: &BaseUrl, config: &SiteConfig) -> String {
    let key = page_key(pathname, base);
    record_page(&key, &config.record_routes).unwrap_or(key)
}

/// The record page (`/institution/_key_`) that shows `key`, if `key` is a record's address in one
/// of the record folders of `record_routes` and not one of their pages.
pub fn record_page(key: &str, record_routes: &[String]) -> Option<String> {
    if record_routes.iter().any(|route| route_key(route) == key) {
        return None;
    }
    record_routes.iter().find_map(|route| {
        let folder = route_key(route).strip_suffix(RECORD_PAGE)?.to_owned();
        key.strip_prefix(&folder)
            .is_some_and(|rest| rest.len() > 1 && rest.starts_with('/'))
            .then(|| route_key(route))
    })
}

/// The last segment of the theme's record pages' addresses.
pub const RECORD_PAGE: &str = "/_key_";

/// The routes the browser needs to tell a record's address from a page (see [`record_page`]):
/// the record pages, and every other page inside their folders.
pub fn record_routes<'a>(routes: impl Iterator<Item = &'a str> + Clone) -> Vec<String> {
    let folders: Vec<String> = routes
        .clone()
        .filter_map(|route| {
            route_key(route)
                .strip_suffix(RECORD_PAGE)
                .map(|f| format!("{f}/"))
        })
        .collect();
    routes
        .filter(|route| {
            folders
                .iter()
                .any(|folder| route_key(route).starts_with(folder.as_str()))
        })
        .map(route_key)
        .collect()
}

/// The root address of a language: `/` for the default one, `/es/` for the others.
pub fn language_root(config: &SiteConfig, code: &str) -> String {
    home_of(code, config.default_lang())
}

/// The home address of the language `code` on a site whose default language is `default`.
pub fn home_of(code: &str, default: &str) -> String {
    if code == default {
        "/".to_owned()
    } else {
        format!("/{code}/")
    }
}

/// The site path of the JSON file that holds the data of the page with route key `key`.
pub fn page_data_path(key: &str) -> String {
    format!("/_data/pages{}.json", file_stem(key))
}

/// The path, without extension, of the files named after the page with route key `key` in a
/// folder of such files (`/about`; the home page's is `/index`).
pub fn file_stem(key: &str) -> &str {
    if key == "/" { "/index" } else { key }
}

/// The site path of the JSON file that holds the interface's words in language `code`.
pub fn ui_data_path(code: &str) -> String {
    format!("/_data/ui/{code}.json")
}

/// A route as pages are addressed: leading and trailing slash (`/data/`).
pub fn canonical(path: &str) -> String {
    match route_key(path).as_str() {
        "/" => "/".to_owned(),
        key => format!("{key}/"),
    }
}

/// Addresses the build writes itself, with what each holds: a page or static file of the
/// repository at one of them would overwrite the app, a feed or the page data (or be dropped).
/// `/404.html` is reserved for "not found" pages, which the caller allows.
pub fn reserved(path: &str) -> Option<&'static str> {
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let folders: [(&str, &str); 4] = [
        ("/_app/", "the app and its images"),
        ("/_data/", "the pages' data"),
        ("/_dev/", "the development server's files"),
        ("/gbif/", "GBIF's widgets' settings"),
    ];
    if let Some((_, what)) = folders
        .iter()
        .find(|(folder, _)| path.starts_with(folder) || path == folder.trim_end_matches('/'))
    {
        return Some(what);
    }
    let files: [(&str, &str); 7] = [
        ("/feed.xml", "the news feed"),
        ("/sitemap.xml", "the sitemap"),
        ("/robots.txt", "the rules for search engines"),
        ("/_headers", "the hosts' security headers"),
        ("/_redirects", "the hosts' rewrites"),
        ("/.nojekyll", "GitHub Pages' switch"),
        ("/404.html", "the \"not found\" page"),
    ];
    if let Some((_, what)) = files.iter().find(|(file, _)| path == *file) {
        return Some(what);
    }
    // A language's feed and "not found" page: `/es/feed.xml`, `/es/404.html`.
    let mut segments = path.trim_start_matches('/').split('/');
    match (segments.next(), segments.next(), segments.next()) {
        (Some(_), Some("feed.xml"), None) => Some("a language's news feed"),
        (Some(_), Some("404.html"), None) => Some("a language's \"not found\" page"),
        _ => None,
    }
}

/// Why `path` cannot be an address of this site, if it cannot: an address is a path of plain
/// segments under the site's root. `.` and `..` segments would climb out of it (and out of the
/// output folder), `?` and `#` start a query or fragment, and backslashes and control characters
/// mean different things to different hosts.
pub fn address_problem(path: &str) -> Option<String> {
    if !path.starts_with('/') {
        return Some("it does not start with `/`".into());
    }
    if let Some(c) = path
        .chars()
        .find(|c| c.is_control() || matches!(c, '?' | '#' | '\\'))
    {
        return Some(match c {
            '?' => "`?` would start a query".into(),
            '#' => "`#` would start a fragment".into(),
            '\\' => "it contains a backslash".into(),
            c => format!("it contains the control character U+{:04X}", c as u32),
        });
    }
    if path.contains(char::is_whitespace) && path.trim() != path {
        return Some("it starts or ends with white space".into());
    }
    // Hosts read `*` and `!` in `_redirects` as a wildcard and a forced rewrite, and a `:name`
    // Jekyll did not replace is a placeholder it does not know.
    if path.contains('*') {
        return Some("`*` is a wildcard for hosts' rewrites".into());
    }
    if path.contains('!') {
        return Some("`!` forces a rewrite on some hosts".into());
    }
    if let Some(at) = path.find(':').filter(|&at| {
        path[at + 1..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic())
    }) {
        let name: String = path[at + 1..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        return Some(format!("`:{name}` is not a placeholder Jekyll knows"));
    }
    path.split('/')
        .find(|segment| matches!(*segment, "." | ".."))
        .map(|segment| format!("the segment `{segment}` would leave the site's folder"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trailing_slashes_do_not_matter() {
        assert_eq!(route_key("/data"), "/data");
        assert_eq!(route_key("/data/"), "/data");
        assert_eq!(route_key("/data/index.html"), "/data");
        assert_eq!(route_key("/"), "/");
        assert_eq!(route_key(""), "/");
        assert_eq!(route_key("/data/#contact"), "/data");
        assert_eq!(route_key("/privacy.html"), "/privacy");
    }

    #[test]
    fn a_record_address_shows_its_folders_record_page() {
        let routes = record_routes(
            [
                "/",
                "/institution/_key_",
                "/institution/search",
                "/about/",
                "/collection/x/",
            ]
            .into_iter(),
        );
        assert_eq!(routes, ["/institution/_key_", "/institution/search"]);
        let page = |key: &str| record_page(key, &routes);
        assert_eq!(
            page("/institution/4f1c-9a2b").as_deref(),
            Some("/institution/_key_")
        );
        assert_eq!(
            page("/institution/4f1c-9a2b/collections").as_deref(),
            Some("/institution/_key_")
        );
        assert_eq!(page("/institution/search"), None);
        assert_eq!(page("/institution/_key_"), None);
        assert_eq!(page("/institution"), None);
        assert_eq!(page("/about"), None);
        assert_eq!(page("/collection/x"), None);
        let config = SiteConfig {
            name: String::new(),
            base_url: String::new(),
            languages: Vec::new(),
            logo_and_title: false,
            record_routes: routes.clone(),
        };
        let base = BaseUrl::new("/portal/");
        assert_eq!(
            site_page_key("/portal/institution/4f1c-9a2b/", &base, &config),
            "/institution/_key_"
        );
        assert_eq!(site_page_key("/portal/about/", &base, &config), "/about");
    }

    #[test]
    fn addresses_are_plain_segments_under_the_root() {
        for good in [
            "/",
            "/about/",
            "/privacy.html",
            "/es/acerca/",
            "/café/",
            "/a b/",
            "/404.html",
        ] {
            assert_eq!(address_problem(good), None, "{good}");
        }
        for bad in [
            "/../../ESCAPED/",
            "/a/../b/",
            "/./a/",
            "/a?b#c/",
            "/a#b/",
            "/a\\b/",
            "/a\u{0}b/",
            "about/",
        ] {
            assert!(address_problem(bad).is_some(), "{bad}");
        }
    }
}
