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
        lang = escape(&site.config.tag_of(lang)),
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
    let title = escape(&title_text(&page.meta.title));
    let plain_title = escape(&page.meta.title);
    format!(
        "<entry xml:lang=\"{lang}\">\n<title type=\"html\">{title}</title>\n<link href=\"{url}\" rel=\"alternate\" type=\"text/html\" title=\"{plain_title}\"/>\n<published>{date}</published>\n<updated>{date}</updated>\n<id>{url}</id>\n<content type=\"html\" xml:base=\"{url}\">{content}</content>\n{categories}\n<summary type=\"html\">{summary}</summary>\n</entry>\n",
        lang = escape(&context.config.tag_of(&page.meta.lang)),
        url = escape(&url),
        content = escape(&content),
        summary = html_in_xml(&post.excerpt),
    )
}

/// A post's title, which the theme draws as HTML (`Meeting<br>May 31`), as the HTML of a feed's
/// title: its elements taken out (a line break becoming a space) and its spaces run together, as
/// jekyll-feed does with `strip_html | normalize_whitespace`. What is left is text and character
/// references, so a reader draws no element from it.
fn title_text(title: &str) -> String {
    let mut text = String::with_capacity(title.len());
    let mut rest = title;
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        let markup = &rest[open..];
        match markup_length(markup) {
            Some(length) => {
                if markup
                    .get(..3)
                    .is_some_and(|m| m.eq_ignore_ascii_case("<br"))
                {
                    text.push(' ');
                }
                rest = &markup[length..];
            }
            None => {
                text.push('<');
                rest = &markup[1..];
            }
        }
    }
    text.push_str(rest);
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// How long the markup `markup` starts with is, read as Liquid's `strip_html` reads it: a script
/// or a style with its content, a comment, any other tag up to its `>`; none if nothing closes it.
fn markup_length(markup: &str) -> Option<usize> {
    // ASCII lowercase keeps every offset.
    let lower = markup.to_ascii_lowercase();
    for name in ["script", "style"] {
        if lower[1..].starts_with(name)
            && let Some(close) = lower.find(&format!("</{name}"))
        {
            return lower[close..].find('>').map(|gt| close + gt + 1);
        }
    }
    if lower.starts_with("<!--")
        && let Some(end) = lower.find("-->")
    {
        return Some(end + 3);
    }
    lower.find('>').map(|gt| gt + 1)
}

/// Plain text inside an Atom element of `type="html"`: written as HTML (escaped), then as XML
/// (escaped again), so that a feed reader shows `<img ...>` in a title as text instead of
/// drawing it (an escape once would make it an element for the reader).
fn html_in_xml(text: &str) -> String {
    escape(&escape(text))
}

#[cfg(test)]
mod tests {
    use super::title_text;

    #[test]
    fn a_title_loses_its_elements_as_jekyll_feed_takes_them_out() {
        for (title, text) in [
            ("Meeting<br>May 31, 2022", "Meeting May 31, 2022"),
            ("GBIF &amp; <em>OBIS</em>", "GBIF &amp; OBIS"),
            ("Hello <img src=x onerror=alert(1)>", "Hello"),
            ("a<script>alert('<b>')</script>b", "ab"),
            ("a<!-- <b> -->b", "ab"),
            ("1 < 2, and  then", "1 < 2, and then"),
            ("open <b", "open <b"),
        ] {
            assert_eq!(title_text(title), text, "{title}");
        }
    }
}
