//! News feeds: an Atom feed of the newest posts of each language that has posts, as jekyll-feed
//! writes it (`/feed.xml` for the root language, `/<lang>/feed.xml` for the others), which
//! every page of that language links to from its head.

use super::sitemap::xml_escape as escape;
use super::{BuildContext, page_body};
use crate::content::body::blocks::PageBlock;
use crate::content::repository::dates;
use crate::content::{Page, Site};

/// How many posts a feed holds (jekyll-feed's default).
const POSTS_PER_FEED: usize = 10;

/// The site path of the feed of `lang`.
pub fn feed_path(site: &Site, lang: &str) -> String {
    if lang == site.config.default_lang() {
        "/feed.xml".to_owned()
    } else {
        format!("/{lang}/feed.xml")
    }
}

/// Whether `lang` has posts, and so a feed.
pub fn has_feed(site: &Site, lang: &str) -> bool {
    site.pages
        .iter()
        .any(|p| p.post.is_some() && p.meta.lang == lang)
}

/// Each feed's site path and XML.
pub fn feeds(context: &BuildContext, site: &Site) -> Vec<(String, String)> {
    site.config
        .languages
        .iter()
        .filter(|language| has_feed(site, &language.code))
        .map(|language| {
            let path = feed_path(site, &language.code);
            (path.clone(), feed(context, site, &language.code, &path))
        })
        .collect()
}

fn feed(context: &BuildContext, site: &Site, lang: &str, path: &str) -> String {
    let mut posts: Vec<&Page> = site
        .pages
        .iter()
        .filter(|p| p.post.is_some() && p.meta.lang == lang)
        .collect();
    posts.sort_by(|a, b| post_date(b).cmp(&post_date(a)).then(b.route.cmp(&a.route)));
    posts.truncate(POSTS_PER_FEED);
    let self_url = context.absolute(path);
    let home = context.absolute(&crate::routes::language_root(&site.config, lang));
    let updated = posts
        .first()
        .and_then(|p| post_date(p))
        .map(dates::rfc3339)
        .unwrap_or_default();
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">\n<link href=\"{self_url}\" rel=\"self\" type=\"application/atom+xml\"/>\n<link href=\"{home}\" rel=\"alternate\" type=\"text/html\"/>\n<updated>{updated}</updated>\n<id>{self_url}</id>\n<title type=\"html\">{title}</title>\n",
        lang = escape(lang),
        self_url = escape(&self_url),
        home = escape(&home),
        title = html_in_xml(&site.config.name),
    );
    if let Some(description) = &site.description {
        out.push_str(&format!("<subtitle>{}</subtitle>\n", escape(description)));
    }
    for page in posts {
        out.push_str(&entry(context, page));
    }
    out.push_str("</feed>\n");
    out
}

fn post_date(page: &Page) -> Option<time::OffsetDateTime> {
    page.post.as_ref().map(|p| p.date)
}

/// One post: title, address, dates, its text as HTML, categories, summary.
fn entry(context: &BuildContext, page: &Page) -> String {
    let post = page.post.as_ref().expect("feeds hold posts");
    let url = context.absolute(&page.route);
    let date = dates::rfc3339(post.date);
    let sections = page
        .blocks
        .iter()
        .filter_map(|block| match block {
            PageBlock::Prose(prose) => Some(prose.sections.clone()),
            _ => None,
        })
        .flatten()
        .collect();
    let content = page_body::render_html(sections, &context.base);
    let categories: String = post
        .categories
        .iter()
        .map(|c| format!("<category term=\"{}\"/>", escape(c)))
        .collect();
    let title = html_in_xml(&page.meta.title);
    let plain_title = escape(&page.meta.title);
    format!(
        "<entry xml:lang=\"{lang}\">\n<title type=\"html\">{title}</title>\n<link href=\"{url}\" rel=\"alternate\" type=\"text/html\" title=\"{plain_title}\"/>\n<published>{date}</published>\n<updated>{date}</updated>\n<id>{url}</id>\n<content type=\"html\" xml:base=\"{url}\">{content}</content>\n{categories}\n<summary type=\"html\">{summary}</summary>\n</entry>\n",
        lang = escape(&page.meta.lang),
        url = escape(&url),
        content = escape(&content),
        summary = html_in_xml(&post.excerpt),
    )
}

/// Plain text inside an Atom element of `type="html"`: written as HTML (escaped), then as XML
/// (escaped again), so that a feed reader shows `<img ...>` in a title as text instead of
/// drawing it (an escape once would make it an element for the reader).
fn html_in_xml(text: &str) -> String {
    escape(&escape(text))
}
