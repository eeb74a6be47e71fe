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

/// The address of a document of the collection `collection` at `inner` (its path inside the
/// collection's folder, `guides/setup.md`): its front matter's `permalink`, the collection's, or
/// Jekyll's default (`/:collection/:path:output_ext`, `/:collection/:path/` when the site's style
/// is `pretty`).
pub fn collection_url(
    collection: &str,
    inner: &str,
    permalink: Option<&str>,
    style: &str,
) -> String {
    let path = inner.rsplit_once('.').map_or(inner, |(stem, _)| stem);
    let name = path.rsplit_once('/').map_or(path, |(_, name)| name);
    let template = match permalink {
        Some(permalink) => permalink.to_owned(),
        None if style == "pretty" => "/:collection/:path/".to_owned(),
        None => "/:collection/:path:output_ext".to_owned(),
    };
    let url = template
        .replace(":collection", collection)
        .replace(":path", path)
        .replace(":basename", name)
        .replace(":title", name)
        .replace(":name", name)
        .replace(":output_ext", ".html");
    clean(&url)
}

/// What a post's address is made of.
pub struct PostAddress<'a> {
    /// The post's date, in UTC.
    pub date: time::OffsetDateTime,
    /// The rest of its file name (`for-authors`), or its front matter `slug`.
    pub slug: &'a str,
    /// Its categories, as written.
    pub categories: &'a [String],
}

/// The address of a post: its `permalink` (from its front matter or the site's `defaults`), or
/// the site's `permalink` style, with Jekyll's placeholders filled in.
pub fn post_url(post: &PostAddress, permalink: Option<&str>, style: &str) -> String {
    let template = match permalink {
        Some(permalink) => permalink.to_owned(),
        None => match style {
            "pretty" => "/:categories/:year/:month/:day/:title/".to_owned(),
            "none" => "/:categories/:title:output_ext".to_owned(),
            "ordinal" => "/:categories/:year/:y_day/:title:output_ext".to_owned(),
            "date" | "" => "/:categories/:year/:month/:day/:title:output_ext".to_owned(),
            pattern => pattern.to_owned(),
        },
    };
    let date = post.date;
    let categories: Vec<String> = post.categories.iter().map(|c| c.to_lowercase()).collect();
    // Longer names first, so that `:i_month` is not read as `:i` and `month`.
    let url = template
        .replace(":categories", &categories.join("/"))
        .replace(":short_year", &format!("{:02}", date.year() % 100))
        .replace(":year", &format!("{:04}", date.year()))
        .replace(":i_month", &u8::from(date.month()).to_string())
        .replace(":month", &format!("{:02}", u8::from(date.month())))
        .replace(":i_day", &date.day().to_string())
        .replace(":y_day", &format!("{:03}", date.ordinal()))
        .replace(":day", &format!("{:02}", date.day()))
        .replace(":hour", &format!("{:02}", date.hour()))
        .replace(":minute", &format!("{:02}", date.minute()))
        .replace(":second", &format!("{:02}", date.second()))
        .replace(":title", post.slug)
        .replace(":slug", &slugify(post.slug))
        .replace(":output_ext", ".html");
    clean(&url)
}

/// Jekyll's `slugify` (its default mode): lower case, every run of characters other than letters
/// and digits a `-`, none at either end.
pub fn slugify(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_owned()
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
        assert_eq!(
            collection_url("guides", "setup/first.md", None, "pretty"),
            "/guides/setup/first/"
        );
        assert_eq!(
            collection_url("guides", "first.md", None, "date"),
            "/guides/first.html"
        );
        assert_eq!(
            collection_url("guides", "a/first.md", Some("/docs/:name/"), "pretty"),
            "/docs/first/"
        );
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
    fn posts_addresses_as_jekyll_computes_them() {
        let post = PostAddress {
            date: crate::content::repository::dates::parse("2021-01-14 15:20:00 +0100").unwrap(),
            slug: "for-authors",
            categories: &["Getting started".to_owned(), "Jekyll".to_owned()],
        };
        assert_eq!(
            post_url(&post, Some("/post/:year/:slug/"), "pretty"),
            "/post/2021/for-authors/"
        );
        assert_eq!(
            post_url(&post, None, "pretty"),
            "/getting started/jekyll/2021/01/14/for-authors/"
        );
        assert_eq!(
            post_url(&post, None, "date"),
            "/getting started/jekyll/2021/01/14/for-authors.html"
        );
        assert_eq!(
            post_url(
                &post,
                Some("/:year/:i_month/:i_day/:hour:minute/:title.html"),
                "pretty"
            ),
            "/2021/1/14/1420/for-authors.html"
        );
        let shouting = PostAddress {
            slug: "GBIF_recruitment-Executive-Secretary",
            ..post
        };
        assert_eq!(
            post_url(&shouting, Some("/post/:year/:slug/"), "pretty"),
            "/post/2021/gbif-recruitment-executive-secretary/"
        );
        assert_eq!(
            post_url(&shouting, Some("/post/:year/:title/"), "pretty"),
            "/post/2021/GBIF_recruitment-Executive-Secretary/"
        );
        let uncategorised = PostAddress {
            categories: &[],
            ..post
        };
        assert_eq!(
            post_url(&uncategorised, None, "pretty"),
            "/2021/01/14/for-authors/"
        );
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
