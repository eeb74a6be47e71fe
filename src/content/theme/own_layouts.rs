//! A repository's own layouts (`_layouts/news-item.html`), as Jekyll renders them: Liquid with
//! `content`, `page`, `site` and `layout` (the layout's own front matter), each layout's output
//! the `content` of the layout its front matter names, until a layout of the theme (whose blocks
//! this site draws) or none. The page's body is drawn as every page's is; what the layouts write
//! before and after `{{ content }}` is drawn around it, through the same checks as HTML in
//! Markdown. A layout that writes a whole document gives its `<body>`'s content; the site's
//! header, navigation and footer are drawn around it as around every page.

use std::collections::BTreeMap;

use liquid::model::{Value, ValueView};

use crate::content::diagnostics::{Diagnostic, Position};
use crate::content::liquid::Liquid;
use crate::content::repository::SourceFile;
use crate::content::repository::front_matter;
use crate::content::values::text_at;

/// One of the repository's layouts.
pub struct OwnLayout {
    /// The file, as messages name it.
    pub shown: String,
    /// Its front matter (`layout` names the next).
    pub front: Value,
    pub body: String,
    pub body_line: usize,
}

/// Stands for the page's content in the layouts' output, to cut it there.
const CONTENT: &str = "SCC-LAYOUT-CONTENT-5b1f0d";

/// Every layout of the repository, by name; one whose front matter cannot be read is reported
/// and left out (its pages are drawn by the theme's `page`).
pub fn read_all(
    files: &BTreeMap<String, SourceFile>,
    diagnostics: &mut Vec<Diagnostic>,
) -> BTreeMap<String, OwnLayout> {
    let mut layouts = BTreeMap::new();
    for (name, file) in files {
        let text = String::from_utf8_lossy(&file.bytes);
        let split = match front_matter::split(&file.shown, &text) {
            Ok(split) => split,
            Err(d) => {
                diagnostics.push(d);
                continue;
            }
        };
        let Some(front) = front_matter::read(&file.shown, &split, diagnostics) else {
            continue;
        };
        layouts.insert(
            name.clone(),
            OwnLayout {
                shown: file.shown.clone(),
                front: Value::Object(front.value),
                body: split.body.to_owned(),
                body_line: split.body_line,
            },
        );
    }
    layouts
}

/// What a page's own layouts write around its content.
pub struct Around {
    /// The theme's layout the chain ends in (its blocks draw the page), or `none`.
    pub theme_layout: String,
    /// What the layouts write before and after the content, and the layout file each part is
    /// mostly from (for messages).
    pub before: String,
    pub after: String,
    pub file: String,
    /// The lines of the layout's file the parts start on.
    pub line: usize,
    pub after_line: usize,
}

/// Renders the chain of own layouts from `name`, for a page whose variables are `page` and
/// `site`. `None` when `name` is not one of the repository's layouts.
pub fn render_chain(
    layouts: &BTreeMap<String, OwnLayout>,
    name: &str,
    engine: &Liquid,
    page: &Value,
    site: &dyn ValueView,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Around> {
    let first = layouts.get(name)?;
    let mut content = CONTENT.to_owned();
    let mut next = Some(name.to_owned());
    let mut seen = Vec::new();
    let mut theme_layout = "none".to_owned();
    while let Some(name) = next.take() {
        let Some(layout) = layouts.get(&name) else {
            theme_layout = name;
            break;
        };
        if seen.contains(&name) {
            diagnostics.push(Diagnostic::error(
                &layout.shown,
                Position::START,
                format!("the layout `{name}` is inside itself (through `layout:`), so the chain stops here"),
            ));
            break;
        }
        seen.push(name.clone());
        let text = Value::scalar(content.clone());
        let variables: [(&str, &dyn ValueView); 4] = [
            ("site", site),
            ("page", page),
            ("content", &text),
            ("layout", &layout.front),
        ];
        let at = Position::new(layout.body_line, 1);
        content = engine
            .render(&layout.shown, at, &layout.body, &variables, diagnostics)
            .unwrap_or_default();
        next = text_at(&layout.front, "layout").filter(|l| !l.is_empty() && l != "null");
    }
    let content = body_of(&content);
    let (before, after) = match content.split_once(CONTENT) {
        Some((before, after)) => balanced(before, &after.replace(CONTENT, "")),
        // A layout that does not show `{{ content }}` shows no body, as in Jekyll.
        None => (content.to_owned(), String::new()),
    };
    Some(Around {
        theme_layout,
        before,
        after,
        file: first.shown.clone(),
        line: first.body_line,
        after_line: first.body_line
            + first
                .body
                .find("content")
                .map_or(0, |i| first.body[..i].matches('\n').count()),
    })
}

/// Elements that have no end tag.
const VOID: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// The parts before and after the content, each a whole: the elements open around the content
/// (`<div class="container">{{ content }}</div>`) are closed at the end of the first and opened
/// again, with their attributes, at the start of the second.
fn balanced(before: &str, after: &str) -> (String, String) {
    let open = open_elements(before);
    let mut first = before.to_owned();
    for (name, _) in open.iter().rev() {
        first.push_str(&format!("</{name}>"));
    }
    let mut second: String = open.iter().map(|(_, tag)| tag.as_str()).collect();
    second.push_str(after);
    (first, second)
}

/// The elements `html` leaves open, outermost first: each name and start tag as written.
fn open_elements(html: &str) -> Vec<(String, String)> {
    let mut open: Vec<(String, String)> = Vec::new();
    let mut at = 0;
    while let Some(lt) = html[at..].find('<').map(|i| at + i) {
        let rest = &html[lt..];
        if rest.starts_with("<!--") {
            at = rest.find("-->").map_or(html.len(), |i| lt + i + 3);
            continue;
        }
        let Some(gt) = rest.find('>') else { break };
        let tag = &rest[..=gt];
        at = lt + gt + 1;
        let closing = tag.starts_with("</");
        let name: String = tag[1 + usize::from(closing)..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() || VOID.contains(&name.as_str()) || tag.ends_with("/>") {
            continue;
        }
        if closing {
            if let Some(i) = open.iter().rposition(|(n, _)| *n == name) {
                open.truncate(i);
            }
        } else if matches!(name.as_str(), "script" | "style" | "textarea" | "pre") {
            // Text that is not markup, to its end tag.
            let end = format!("</{name}");
            at = html[at..]
                .to_ascii_lowercase()
                .find(&end)
                .map_or(html.len(), |i| at + i);
        } else {
            open.push((name, tag.to_owned()));
        }
    }
    open
}

/// The content of a whole document's `<body>`, or the text itself.
fn body_of(text: &str) -> &str {
    let lower = text.to_ascii_lowercase();
    let Some(open) = lower.find("<body") else {
        return text;
    };
    let Some(start) = lower[open..].find('>').map(|i| open + i + 1) else {
        return text;
    };
    let end = lower
        .rfind("</body>")
        .filter(|&e| e >= start)
        .unwrap_or(text.len());
    &text[start..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements_open_around_the_content_are_closed_and_opened_again() {
        let (before, after) = balanced(
            "<div class=\"a\"><p>x</p><section id=s><br><!-- <i> -->",
            "</section><hr></div><footer>f</footer>",
        );
        assert_eq!(
            before,
            "<div class=\"a\"><p>x</p><section id=s><br><!-- <i> --></section></div>"
        );
        assert_eq!(
            after,
            "<div class=\"a\"><section id=s></section><hr></div><footer>f</footer>"
        );
    }

    #[test]
    fn a_whole_document_gives_its_body() {
        assert_eq!(
            body_of("<html><head><title>x</title></head><BODY class=a>\n<p>hi</p></body></html>"),
            "\n<p>hi</p>"
        );
        assert_eq!(body_of("<p>no document</p>"), "<p>no document</p>");
    }
}
