//! Each document (a page, a post, a collection's document) as far as every page's Liquid needs
//! it (`site.pages`, `site.posts`): its front matter over the site's `defaults`, whether it is
//! published, a post's date and categories, and its address, as Jekyll reads them.

use liquid::model::{Object, Value};

use super::config::Settings;
use super::front_matter::{self, FrontMatter};
use super::source::{SourceFile, decode};
use super::{dates, defaults, mojibake, permalink};
use crate::content::diagnostics::{Diagnostic, Position};
use crate::content::values::{flag, get, text, text_at};
use crate::routes;

/// A page whose front matter and address are known.
pub struct Document {
    pub relative: String,
    pub shown: String,
    /// The front matter with the site's defaults under it, and `url`, `path` and `lang` set.
    pub front: FrontMatter,
    pub body: String,
    pub body_line: usize,
    /// The front matter as written, for what its Liquid uses.
    pub front_text: String,
    /// The page's address (`/about/`).
    pub url: String,
    /// What makes it a post, if it is one.
    pub post: Option<PostFacts>,
    /// The custom collection it is in, if any, and whether that collection is written.
    pub collection: Option<(String, bool)>,
}

/// A post's date and categories.
#[derive(Clone, Debug)]
pub struct PostFacts {
    /// In UTC.
    pub date: time::OffsetDateTime,
    pub categories: Vec<String>,
}

impl Document {
    /// A post's date.
    pub fn post_date(&self) -> Option<time::OffsetDateTime> {
        self.post.as_ref().map(|p| p.date)
    }

    /// The page's language.
    pub fn lang(&self) -> String {
        text_at(&Value::Object(self.front.value.clone()), "lang").unwrap_or_default()
    }
}

/// Reads a page's front matter and decides its address. `None` (with an error) when there is no
/// sensible page, or when the page is not published.
pub fn read(
    file: &SourceFile,
    settings: &Settings,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Document> {
    let text = decode(file, diagnostics)?;
    let path = file.shown.as_str();
    check_mojibake(path, text, settings.strict, diagnostics);
    let split = match front_matter::split(path, text) {
        Ok(split) => split,
        Err(d) => {
            diagnostics.push(d);
            return None;
        }
    };
    let mut front = front_matter::read(path, &split, diagnostics)?;
    let mut values = defaults::for_document(&settings.defaults, &file.relative, file.is_post());
    for (key, value) in std::mem::take(&mut front.value) {
        values.insert(key, value);
    }
    if get(&Value::Object(values.clone()), "published").is_some_and(|p| !flag(Some(p))) {
        return None;
    }
    let permalink = values
        .get("permalink")
        .and_then(crate::content::values::text)
        .filter(|p| !p.trim().is_empty());
    let post = if file.is_post() {
        let (facts, slug) = post_facts(file, &mut values, &front, diagnostics)?;
        values.insert("date".into(), Value::scalar(dates::liquid_text(facts.date)));
        values.insert("slug".into(), Value::scalar(slug.clone()));
        values.insert(
            "categories".into(),
            Value::Array(
                facts
                    .categories
                    .iter()
                    .cloned()
                    .map(Value::scalar)
                    .collect(),
            ),
        );
        Some((facts, slug))
    } else {
        None
    };
    let collection = settings.collections.iter().find_map(|c| {
        file.relative
            .strip_prefix(&format!("_{}/", c.name))
            .map(|inner| (c, inner))
    });
    let url = match (&post, collection) {
        (_, Some((c, inner))) => permalink::collection_url(
            &c.name,
            inner,
            permalink.as_deref().or(c.permalink.as_deref()),
            &settings.permalink,
        ),
        (Some((facts, slug)), None) => {
            let address = permalink::PostAddress {
                date: facts.date,
                slug,
                categories: &facts.categories,
            };
            permalink::post_url(&address, permalink.as_deref(), &settings.permalink)
        }
        (None, None) => {
            permalink::page_url(&file.relative, permalink.as_deref(), &settings.permalink)
        }
    };
    if let Some(problem) = routes::address_problem(&url) {
        diagnostics.push(
            Diagnostic::error(
                path,
                front.position("permalink"),
                format!("the page's address `{url}` cannot be one: {problem}"),
            )
            .with_hint(
                "give the page a `permalink` of letters, digits, `-` and `/`, such as `/about/`",
            ),
        );
        return None;
    }
    let output = permalink::output_file(&url);
    let not_found_page =
        text_at(&Value::Object(values.clone()), "layout").as_deref() == Some("pageNotFound");
    let reserved = routes::reserved(&output)
        .or_else(|| routes::reserved(&url))
        .filter(|_| !(not_found_page && output.ends_with("/404.html")));
    if let Some(what) = reserved {
        diagnostics.push(
            Diagnostic::error(
                path,
                front.position("permalink"),
                format!("the address `{url}` is the site's own ({what}): the build writes it, so this page cannot be there"),
            )
            .with_hint("give the page another `permalink`"),
        );
        return None;
    }
    let lang = text_at(&Value::Object(values.clone()), "lang")
        .unwrap_or_else(|| settings.root_lang.clone());
    values.insert("lang".into(), Value::scalar(lang));
    values.insert("url".into(), Value::scalar(url.clone()));
    values.insert("path".into(), Value::scalar(file.relative.clone()));
    front.value = values;
    Some(Document {
        relative: file.relative.clone(),
        shown: file.shown.clone(),
        front,
        body: split.body.to_owned(),
        body_line: split.body_line,
        front_text: split.yaml.to_owned(),
        url,
        post: post.map(|(facts, _)| facts),
        collection: collection.map(|(c, _)| (c.name.clone(), c.output)),
    })
}

/// A post's date (its `date`, or its file name's) and categories, and its slug; `None` (with a
/// warning, since Jekyll leaves it out too) for a file in `_posts` not named as posts are.
fn post_facts(
    file: &SourceFile,
    values: &mut Object,
    front: &FrontMatter,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(PostFacts, String)> {
    let name = file.relative.rsplit('/').next().unwrap_or(&file.relative);
    let Some((file_date, file_slug)) = dates::from_file_name(name) else {
        diagnostics.push(
            Diagnostic::warning(
                &file.shown,
                Position::START,
                format!("`{name}` is in `_posts` but is not named `YYYY-MM-DD-title.md`, so it is not a post"),
            )
            .with_hint("name posts by their date and title, such as `2021-01-14-welcome.md`"),
        );
        return None;
    };
    let page = Value::Object(values.clone());
    let date = match text_at(&page, "date") {
        Some(text) => dates::parse(&text).unwrap_or_else(|| {
            diagnostics.push(
                Diagnostic::warning(
                    &file.shown,
                    front.position("date"),
                    format!("the date `{text}` cannot be read, so the file name's date is used"),
                )
                .with_hint("write it as `2021-01-14` or `2021-01-14 15:20:00 +0100`"),
            );
            dates::at_midnight(file_date)
        }),
        None => dates::at_midnight(file_date),
    };
    let mut found = categories(get(&page, "categories"));
    found.extend(categories(get(&page, "category")));
    found.dedup();
    let slug = text_at(&page, "slug").unwrap_or(file_slug);
    Some((
        PostFacts {
            date,
            categories: found,
        },
        slug,
    ))
}

/// Categories as Jekyll takes them: a list, or words separated by spaces.
pub fn categories(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(text)
            .map(|c| c.trim().to_owned())
            .filter(|c| !c.is_empty())
            .collect(),
        Some(value) => text(value)
            .map(|t| t.split_whitespace().map(str::to_owned).collect())
            .unwrap_or_default(),
        None => Vec::new(),
    }
}

/// Garbled text is reported, and left as it is (Jekyll shows it too).
fn check_mojibake(file: &str, text: &str, strict: bool, diagnostics: &mut Vec<Diagnostic>) {
    for (n, line) in text.lines().enumerate() {
        for found in mojibake::find(line) {
            diagnostics.push(
                Diagnostic::warning(
                    file,
                    Position::new(n + 1, found.column),
                    format!(
                        "garbled text `{}`: UTF-8 that was read as Windows-1252",
                        found.garbled
                    ),
                )
                .with_hint(format!(
                    "replace `{}` with `{}`",
                    found.garbled, found.intended
                ))
                .strict_if(strict),
            );
        }
    }
}
