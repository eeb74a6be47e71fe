//! Where Jekyll puts a page: its address (from its path, its `permalink`, and the site's
//! `permalink` style) and the file that serves it (`/about/` is `about/index.html`, `/privacy`
//! is `privacy.html`), so that hosts that serve Jekyll sites serve this one the same way.

/// The address of the page at `relative` (`de/about.md`), given its front matter `permalink`
/// and the site's `permalink` style (`pretty`, `date`, `none`, or a pattern).
pub fn page_url(relative: &str, permalink: Option<&str>, style: &str) -> String {
    let (folder, name) = match relative.rsplit_once('/') {
        Some((folder, name)) => (folder, name),
        None => ("", relative),
    };
    let basename = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    let template = match permalink {
        Some(permalink) => permalink.to_owned(),
        None if basename == "index" => "/:path/".to_owned(),
        None => format!("/:path/:basename{}", suffix(style)),
    };
    let url = template
        .replace(":path", folder)
        .replace(":basename", basename)
        .replace(":title", basename)
        .replace(":name", basename)
        .replace(":output_ext", ".html");
    clean(&url)
}

/// What Jekyll adds after a page's name for a permalink style.
fn suffix(style: &str) -> &'static str {
    match style {
        "pretty" => "/",
        "date" | "none" | "ordinal" | "weekdate" | "" => ".html",
        pattern if pattern.ends_with('/') => "/",
        pattern if pattern.ends_with(":output_ext") => ".html",
        _ => "",
    }
}

/// An address with its doubled slashes made single, starting with `/`.
fn clean(url: &str) -> String {
    let mut out = String::from("/");
    for segment in url.split('/').filter(|s| !s.is_empty()) {
        out.push_str(segment);
        out.push('/');
    }
    if !url.ends_with('/') && out.len() > 1 {
        out.pop();
    }
    out
}

/// The file, inside the output folder, that serves `url`.
pub fn output_file(url: &str) -> String {
    if url.ends_with('/') {
        format!("{url}index.html")
    } else if url.rsplit('/').next().unwrap_or("").contains('.') {
        url.to_owned()
    } else {
        format!("{url}.html")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_as_jekyll_computes_them() {
        assert_eq!(page_url("about.md", None, "pretty"), "/about/");
        assert_eq!(page_url("about.md", None, "date"), "/about.html");
        assert_eq!(page_url("de/index.md", None, "pretty"), "/de/");
        assert_eq!(page_url("index.md", None, "date"), "/");
        assert_eq!(
            page_url("example-pages/simple.md", None, "pretty"),
            "/example-pages/simple/"
        );
        assert_eq!(page_url("home.md", Some("/"), "pretty"), "/");
        assert_eq!(
            page_url("privacy.md", Some("/privacy"), "pretty"),
            "/privacy"
        );
        assert_eq!(page_url("404.md", Some("/404"), "pretty"), "/404");
        assert_eq!(page_url("a/b.md", Some("/x/:basename/"), "pretty"), "/x/b/");
        assert_eq!(
            page_url("a/b.md", Some("/:path/:basename:output_ext"), "pretty"),
            "/a/b.html"
        );
        assert_eq!(page_url("a/b.md", None, "/:categories/:title/"), "/a/b/");
    }

    #[test]
    fn files_as_jekyll_writes_them() {
        assert_eq!(output_file("/about/"), "/about/index.html");
        assert_eq!(output_file("/"), "/index.html");
        assert_eq!(output_file("/privacy"), "/privacy.html");
        assert_eq!(
            output_file("/institution/search"),
            "/institution/search.html"
        );
        assert_eq!(output_file("/feed.xml"), "/feed.xml");
        assert_eq!(output_file("/a/b.html"), "/a/b.html");
    }
}
