//! Where Jekyll puts a page: its address, from a template (its `permalink`, its collection's, or
//! the site's `permalink` style) whose placeholders (`:year`, `:slug`, ...) are filled in as
//! Jekyll fills them (`Jekyll::URL` with a page's or a document's `url_placeholders`), and the
//! file that serves it (`/about/` is `about/index.html`, `/privacy` is `privacy.html`), so that
//! hosts that serve Jekyll sites serve this one the same way.
//!
//! Addresses are kept as written (`/post/2024/ross stewart/`); they are encoded where they are
//! written into pages and files.

use time::OffsetDateTime;

/// The address of the page (not a post, not a collection's document) at `relative`
/// (`de/about.md`), whose output ends in `output_ext` (`.html`, or `.xml` for a feed template),
/// given its front matter `permalink` and the site's `permalink` style (`pretty`, `date`,
/// `none`, or a pattern).
pub fn page_url(relative: &str, output_ext: &str, permalink: Option<&str>, style: &str) -> String {
    let (folder, name) = match relative.rsplit_once('/') {
        Some((folder, name)) => (folder, name),
        None => ("", relative),
    };
    let basename = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    let is_html = matches!(output_ext, ".html" | ".htm" | ".xhtml");
    let template = match permalink {
        Some(permalink) => permalink.to_owned(),
        None if !is_html => "/:path/:basename:output_ext".to_owned(),
        None if basename == "index" => "/:path/".to_owned(),
        None => format!("/:path/:basename{}", suffix(style)),
    };
    expand(
        &template,
        &[
            ("path", Some(folder.to_owned())),
            ("basename", Some(basename.to_owned())),
            ("output_ext", Some(output_ext.to_owned())),
        ],
    )
}

/// What a document's address (a post's, or another collection's document's) is made of: the
/// facts of Jekyll's `UrlDrop`.
pub struct DocumentAddress<'a> {
    /// Its collection (`posts`, `events`).
    pub collection: &'a str,
    /// Its path inside the site's folder (`_events/2024-01-24-SBDI Days.md`).
    pub relative: &'a str,
    /// Its front matter's `slug`, or the rest of its file name after the date.
    pub slug: &'a str,
    /// Its categories, as written.
    pub categories: &'a [String],
    /// Its date, in UTC: its front matter's, its file name's, or the build's time.
    pub date: OffsetDateTime,
    pub output_ext: &'a str,
}

/// The template of the posts' addresses for the site's `permalink` style (Jekyll's
/// `STYLE_TO_PERMALINK`), or the style itself when it is a pattern.
pub fn posts_template(style: &str) -> String {
    match style {
        "pretty" => "/:categories/:year/:month/:day/:title/",
        "none" => "/:categories/:title:output_ext",
        "ordinal" => "/:categories/:year/:y_day/:title:output_ext",
        "weekdate" => "/:categories/:year/W:week/:short_day/:title:output_ext",
        "date" | "" => "/:categories/:year/:month/:day/:title:output_ext",
        pattern => pattern,
    }
    .to_owned()
}

/// The template of a custom collection's documents without a `permalink` of their own: the
/// collection's (`collections: events: permalink:`), or `/:collection/:path` with what the
/// site's style adds.
pub fn collection_template(collection_permalink: Option<&str>, style: &str) -> String {
    match collection_permalink {
        Some(permalink) => permalink.to_owned(),
        None => format!("/:collection/:path{}", collection_suffix(style)),
    }
}

/// The address of a document, from `template` (its front matter's `permalink`, or its
/// collection's template).
pub fn document_url(document: &DocumentAddress, template: &str) -> String {
    let date = document.date;
    let file_name = document
        .relative
        .rsplit('/')
        .next()
        .unwrap_or(document.relative);
    let basename = file_name
        .rsplit_once('.')
        .map_or(file_name, |(stem, _)| stem);
    // Jekyll's `cleaned_relative_path`: the path without its extension, and without the first
    // mention of the collection's folder (`_events/a/b.md` is `/a/b`).
    let without_extension = document
        .relative
        .strip_suffix(&file_name[basename.len()..])
        .unwrap_or(document.relative);
    let folder = format!("_{}", document.collection);
    let path = without_extension
        .replacen(&folder, "", 1)
        .trim_end_matches('.')
        .to_owned();
    let categories: Vec<String> = unique(document.categories.iter().map(|c| c.to_lowercase()));
    let slugified: Vec<String> = unique(document.categories.iter().map(|c| slugify(c)));
    let format = |description: &[time::format_description::FormatItem]| {
        date.format(description).unwrap_or_default()
    };
    use time::macros::format_description as fd;
    let placeholders = [
        ("collection", document.collection.to_owned()),
        ("path", path),
        ("name", slugify(basename)),
        ("title", slugify_pretty_cased(document.slug)),
        ("slug", slugify(document.slug)),
        ("categories", categories.join("/")),
        ("slugified_categories", slugified.join("/")),
        ("year", format(fd!("[year]"))),
        ("short_year", format(fd!("[year repr:last_two]"))),
        ("month", format(fd!("[month]"))),
        ("i_month", u8::from(date.month()).to_string()),
        ("short_month", format(fd!("[month repr:short]"))),
        ("long_month", format(fd!("[month repr:long]"))),
        ("day", format(fd!("[day]"))),
        ("i_day", date.day().to_string()),
        ("y_day", format(fd!("[ordinal]"))),
        ("short_day", format(fd!("[weekday repr:short]"))),
        ("long_day", format(fd!("[weekday repr:long]"))),
        ("w_year", format(fd!("[year base:iso_week]"))),
        ("week", format(fd!("[week_number repr:iso]"))),
        ("w_day", format(fd!("[weekday repr:monday]"))),
        ("hour", format(fd!("[hour]"))),
        ("minute", format(fd!("[minute]"))),
        ("second", format(fd!("[second]"))),
        ("output_ext", document.output_ext.to_owned()),
    ]
    .map(|(name, value)| (name, Some(value)));
    expand(template, &placeholders)
}

/// Each of `items` once, in order.
fn unique(items: impl Iterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for item in items {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

/// `template` with its placeholders filled in, as `Jekyll::URL` fills them: each `:name` it
/// knows is replaced by its value (the longest name that fits, so `:slugified_categories` is
/// not read as `:slug`); one without a value takes the `/` before it away; a name it does not
/// know stays as written (which `routes::address_problem` refuses). Then doubled slashes are
/// made single.
fn expand(template: &str, values: &[(&str, Option<String>)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(colon) = rest.find(':') {
        out.push_str(&rest[..colon]);
        let after = &rest[colon + 1..];
        let known = values
            .iter()
            .filter(|(name, _)| after.starts_with(name))
            .max_by_key(|(name, _)| name.len());
        match known {
            Some((name, Some(value))) => {
                out.push_str(value);
                rest = &after[name.len()..];
            }
            Some((name, None)) => {
                if out.ends_with('/') {
                    out.pop();
                }
                rest = &after[name.len()..];
            }
            None => {
                out.push(':');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    clean(&out)
}

/// Jekyll's `slugify` (its default mode): lower case, every run of characters other than letters,
/// marks and digits a `-`, none at either end.
pub fn slugify(text: &str) -> String {
    hyphenated(text, |c| c.is_alphanumeric()).to_lowercase()
}

/// Jekyll's `slugify` in its `pretty` mode, keeping case (a post's `:title`): the characters an
/// address shows as they are (`._~!$&'()+,;=@`) are kept besides letters and digits.
pub fn slugify_pretty_cased(text: &str) -> String {
    hyphenated(text, |c| {
        c.is_alphanumeric() || "._~!$&'()+,;=@".contains(c)
    })
}

/// Jekyll's `Utils.slugify` in `mode`: `raw` replaces white space only, `pretty` keeps what an
/// address shows as it is, `ascii` keeps ASCII letters and digits, `latin` first writes accented
/// Latin letters as their base letters (other scripts become `-`, as I18n's `?` does), `default`
/// keeps letters, marks and digits; any other mode (`none`) only lowers the case.
pub fn slugify_mode(text: &str, mode: &str) -> String {
    let slug = match mode {
        "raw" => hyphenated(text, |c| !c.is_whitespace()),
        "pretty" => slugify_pretty_cased(text),
        "ascii" => hyphenated(text, |c| c.is_ascii_alphanumeric()),
        "latin" => {
            let latin: String = text
                .chars()
                .map(|c| match u32::from(c) {
                    0..=0x7F => c.to_string(),
                    0xC0..=0x24F | 0x1E00..=0x1EFF => {
                        deunicode::deunicode_char(c).unwrap_or("?").to_owned()
                    }
                    _ => "?".to_owned(),
                })
                .collect();
            hyphenated(&latin, |c| c.is_alphanumeric())
        }
        "default" => hyphenated(text, |c| c.is_alphanumeric()),
        _ => return text.to_lowercase(),
    };
    slug.to_lowercase()
}

/// `text` with every run of characters that `keep` refuses replaced by one `-`, and a `-` at
/// either end taken away.
fn hyphenated(text: &str, keep: impl Fn(char) -> bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_run = false;
    for c in text.chars() {
        if keep(c) {
            out.push(c);
            in_run = false;
        } else if !in_run {
            out.push('-');
            in_run = true;
        }
    }
    let out = out.strip_prefix('-').unwrap_or(&out);
    out.strip_suffix('-').unwrap_or(out).to_owned()
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

/// What Jekyll adds after a collection's `/:collection/:path` for a permalink style
/// (`Utils.add_permalink_suffix`): `weekdate` adds nothing there.
fn collection_suffix(style: &str) -> &'static str {
    match style {
        "pretty" => "/",
        "date" | "none" | "ordinal" | "" => ":output_ext",
        pattern if pattern.ends_with('/') => "/",
        pattern if pattern.ends_with(":output_ext") => ":output_ext",
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
pub fn output_file_of(url: &str, output_ext: &str) -> String {
    // A file without an extension (`collection/collectionKey`) is written at its address as it
    // is, as Jekyll writes it.
    if output_ext.is_empty() && !url.ends_with('/') {
        return url.to_owned();
    }
    output_file(url)
}

/// The file a page at `url` is written to: `/about/` is `/about/index.html`, `/en` is
/// `/en.html`, `/feed.xml` itself.
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

    fn document<'a>(
        collection: &'a str,
        relative: &'a str,
        slug: &'a str,
        categories: &'a [String],
    ) -> DocumentAddress<'a> {
        DocumentAddress {
            collection,
            relative,
            slug,
            categories,
            date: crate::content::repository::dates::parse("2021-01-14 15:20:00 +0100").unwrap(),
            output_ext: ".html",
        }
    }

    #[test]
    fn pages_addresses_as_jekyll_computes_them() {
        assert_eq!(page_url("about.md", ".html", None, "pretty"), "/about/");
        assert_eq!(page_url("about.md", ".html", None, "date"), "/about.html");
        assert_eq!(page_url("de/index.md", ".html", None, "pretty"), "/de/");
        assert_eq!(page_url("index.md", ".html", None, "date"), "/");
        assert_eq!(
            page_url("example-pages/simple.md", ".html", None, "pretty"),
            "/example-pages/simple/"
        );
        assert_eq!(page_url("home.md", ".html", Some("/"), "pretty"), "/");
        assert_eq!(
            page_url("privacy.md", ".html", Some("/privacy"), "pretty"),
            "/privacy"
        );
        assert_eq!(
            page_url("a/b.md", ".html", Some("/x/:basename/"), "pretty"),
            "/x/b/"
        );
        assert_eq!(
            page_url(
                "a/b.md",
                ".html",
                Some("/:path/:basename:output_ext"),
                "pretty"
            ),
            "/a/b.html"
        );
        assert_eq!(
            page_url("a/b.md", ".html", None, "/:categories/:title/"),
            "/a/b/"
        );
        // A feed template keeps its extension whatever the style.
        assert_eq!(page_url("feed.xml", ".xml", None, "pretty"), "/feed.xml");
        // Pages have no `:title`: Jekyll leaves it as written.
        assert_eq!(
            page_url("a/b.md", ".html", Some("/:title/"), "pretty"),
            "/:title/"
        );
    }

    #[test]
    fn posts_addresses_as_jekyll_computes_them() {
        let categories = ["Getting started".to_owned(), "Jekyll".to_owned()];
        let post = document(
            "posts",
            "_posts/2021-01-14-for-authors.md",
            "for-authors",
            &categories,
        );
        assert_eq!(
            document_url(&post, "/post/:year/:slug/"),
            "/post/2021/for-authors/"
        );
        assert_eq!(
            document_url(&post, &posts_template("pretty")),
            "/getting started/jekyll/2021/01/14/for-authors/"
        );
        assert_eq!(
            document_url(&post, &posts_template("date")),
            "/getting started/jekyll/2021/01/14/for-authors.html"
        );
        assert_eq!(
            document_url(&post, "/:year/:i_month/:i_day/:hour:minute/:title.html"),
            "/2021/1/14/1420/for-authors.html"
        );
        assert_eq!(
            document_url(&post, "/:slugified_categories/:short_month/:long_day/"),
            "/getting-started/jekyll/Jan/Thursday/"
        );
        let shouting = document(
            "posts",
            "_posts/2021-01-14-GBIF_recruitment-Executive-Secretary.md",
            "GBIF_recruitment-Executive-Secretary",
            &[],
        );
        assert_eq!(
            document_url(&shouting, "/post/:year/:slug/"),
            "/post/2021/gbif-recruitment-executive-secretary/"
        );
        assert_eq!(
            document_url(&shouting, "/post/:year/:title/"),
            "/post/2021/GBIF_recruitment-Executive-Secretary/"
        );
        assert_eq!(
            document_url(&shouting, &posts_template("pretty")),
            "/2021/01/14/GBIF_recruitment-Executive-Secretary/"
        );
        let spaced = document(
            "posts",
            "_posts/2024-03-10-Ross Stewart.md",
            "Ross Stewart",
            &[],
        );
        assert_eq!(
            document_url(&spaced, "/post/:year/:slug/"),
            "/post/2021/ross-stewart/"
        );
    }

    #[test]
    fn collections_addresses_as_jekyll_computes_them() {
        let guide = document("guides", "_guides/setup/first.md", "first", &[]);
        assert_eq!(
            document_url(&guide, &collection_template(None, "pretty")),
            "/guides/setup/first/"
        );
        assert_eq!(
            document_url(&guide, &collection_template(None, "date")),
            "/guides/setup/first.html"
        );
        assert_eq!(document_url(&guide, "/docs/:name/"), "/docs/first/");
        let event = document(
            "events",
            "_events/2024-01-24-SBDI Days 2024 − Towards Data-driven Ecology.md",
            "SBDI Days 2024 − Towards Data-driven Ecology",
            &[],
        );
        assert_eq!(
            document_url(&event, "/:collection/:year/:month/:slug/"),
            "/events/2021/01/sbdi-days-2024-towards-data-driven-ecology/"
        );
        assert_eq!(
            document_url(&event, &collection_template(None, "pretty")),
            "/events/2024-01-24-SBDI Days 2024 − Towards Data-driven Ecology/"
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
