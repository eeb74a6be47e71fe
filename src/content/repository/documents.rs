//! Each document (a page, a post, a collection's document) as far as every page's Liquid needs
//! it (`site.pages`, `site.posts`): its front matter over the site's `defaults`, whether it is
//! published, a post's date and categories, and its address, as Jekyll reads them.

use liquid::model::{Object, Value};

use super::config::{Collection, Settings};
use super::front_matter::{self, FrontMatter};
use super::source::{SourceFile, decode};
use super::{dates, defaults, folders, mojibake, permalink};
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

/// Which of Jekyll's kinds of document a file is.
#[derive(Clone, Copy)]
enum Kind<'a> {
    Page,
    Post,
    /// A document of a custom collection.
    Collection(&'a Collection),
}

impl Kind<'_> {
    /// The type `defaults:` scopes name (`pages`, `posts`, the collection's name).
    fn type_name(&self) -> &str {
        match self {
            Kind::Page => "pages",
            Kind::Post => "posts",
            Kind::Collection(collection) => &collection.name,
        }
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
    let kind = kind_of(file, settings);
    // The front matter's keys over the defaults', each whole (Jekyll looks a key up in the
    // defaults only when the front matter does not have it).
    let mut values = defaults::for_document(&settings.defaults, &file.relative, kind.type_name());
    for (key, value) in std::mem::take(&mut front.value) {
        values.insert(key, value);
    }
    if get(&Value::Object(values.clone()), "published").is_some_and(|p| !flag(Some(p))) {
        return None;
    }
    let (url, post) = address(file, kind, &mut values, &front, settings, diagnostics)?;
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
    let output = permalink::output_file_of(&url, &folders::output_extension(&file.relative));
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
    let collection = match kind {
        Kind::Collection(c) => Some((c.name.clone(), c.output)),
        _ => None,
    };
    Some(Document {
        relative: file.relative.clone(),
        shown: file.shown.clone(),
        front,
        body: split.body.to_owned(),
        body_line: split.body_line,
        front_text: split.yaml.to_owned(),
        url,
        post,
        collection,
    })
}

/// The document's address and, for a post, its facts: the page's from its path and `permalink`,
/// a post's or a collection's document's from its date, slug and categories through the
/// collection's template. `None` when the document is not written (a future post, a misnamed one).
fn address(
    file: &SourceFile,
    kind: Kind,
    values: &mut Object,
    front: &FrontMatter,
    settings: &Settings,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(String, Option<PostFacts>)> {
    let permalink = values
        .get("permalink")
        .and_then(crate::content::values::text)
        .filter(|p| !p.trim().is_empty());
    let output_ext = folders::output_extension(&file.relative);
    let found = match kind {
        Kind::Page => {
            let url = permalink::page_url(
                &file.relative,
                &output_ext,
                permalink.as_deref(),
                &settings.permalink,
            );
            (url, None)
        }
        Kind::Post | Kind::Collection(_) => {
            let facts = document_facts(file, kind, values, front, settings, diagnostics)?;
            if matches!(kind, Kind::Post) && facts.date > settings.time && !settings.future {
                // As Jekyll, a post dated later than the build is published by a later build.
                return None;
            }
            let template = match (permalink, kind) {
                (Some(permalink), _) => permalink,
                (None, Kind::Collection(collection)) => permalink::collection_template(
                    collection.permalink.as_deref(),
                    &settings.permalink,
                ),
                (None, _) => settings
                    .posts_permalink
                    .clone()
                    .unwrap_or_else(|| permalink::posts_template(&settings.permalink)),
            };
            let collection = match kind {
                Kind::Collection(collection) => collection.name.as_str(),
                _ => "posts",
            };
            let address = permalink::DocumentAddress {
                collection,
                relative: &file.relative,
                slug: &facts.slug,
                categories: &facts.categories,
                date: facts.date,
                output_ext: &output_ext,
            };
            let url = permalink::document_url(&address, &template);
            let post = matches!(kind, Kind::Post).then_some(PostFacts {
                date: facts.date,
                categories: facts.categories,
            });
            (url, post)
        }
    };
    Some(found)
}

/// Whether `file` is a page, a post (in a `_posts` folder, at the top or in another folder), or
/// a document of a custom collection (in its `_name` folder).
fn kind_of<'a>(file: &SourceFile, settings: &'a Settings) -> Kind<'a> {
    let collection = settings
        .collections
        .iter()
        .find(|c| file.relative.starts_with(&format!("_{}/", c.name)));
    match collection {
        Some(collection) => Kind::Collection(collection),
        None if file.is_post() => Kind::Post,
        None => Kind::Page,
    }
}

/// A document's date, slug and categories.
struct DocumentFacts {
    /// In UTC.
    date: time::OffsetDateTime,
    slug: String,
    categories: Vec<String>,
}

/// A document's date, slug and categories as Jekyll's `Document` reads them, set in its
/// `values` (`date`, `slug`, `categories`, and a `title` made of the slug when it has none).
/// The date is the front matter's; else the file name's (`2025-2-3-launch.md`); else, for a
/// collection's document, the build's time. `None` (with a warning, since Jekyll leaves it out
/// too) for a file in `_posts` not named as posts are, or (an error, as in Jekyll) for a post whose
/// date cannot be read.
fn document_facts(
    file: &SourceFile,
    kind: Kind,
    values: &mut Object,
    front: &FrontMatter,
    settings: &Settings,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<DocumentFacts> {
    let name = file.relative.rsplit('/').next().unwrap_or(&file.relative);
    let from_name = dates::file_name_parts(name);
    if matches!(kind, Kind::Post) && from_name.is_none() {
        diagnostics.push(
            Diagnostic::warning(
                &file.shown,
                Position::START,
                format!("`{name}` is in `_posts` but is not named `YYYY-MM-DD-title.md`, so it is not a post"),
            )
            .with_hint("name posts by their date and title, such as `2021-01-14-welcome.md`")
            .strict_if(settings.strict),
        );
        return None;
    }
    let basename = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    let file_slug = from_name
        .map_or(basename, |(_, slug)| slug)
        .trim_end_matches('.');
    let page = Value::Object(values.clone());
    let written = text_at(&page, "date");
    let date = match (&written, from_name) {
        (Some(text), _) => match dates::parse(text) {
            Some(date) => date,
            None => {
                diagnostics.push(
                    Diagnostic::error(
                        &file.shown,
                        front.position("date"),
                        format!("the date `{text}` cannot be read"),
                    )
                    .with_hint("write it as `2021-01-14` or `2021-01-14 15:20:00 +0100`; Jekyll stops on it too"),
                );
                return None;
            }
        },
        (None, Some((date_text, _))) => match dates::file_date(date_text) {
            Some(date) => dates::at_midnight(date),
            None => {
                diagnostics.push(
                    Diagnostic::error(
                        &file.shown,
                        Position::START,
                        format!("`{date_text}` in the file's name is not a date, and the front matter gives none"),
                    )
                    .with_hint("add `date: YYYY-MM-DD` to the front matter, or correct the name; Jekyll stops on it too"),
                );
                return None;
            }
        },
        (None, None) => settings.time,
    };
    let slug = text_at(&page, "slug").unwrap_or_else(|| file_slug.to_owned());
    // Jekyll's categories: the folders above `_posts` (`en/_posts/x.md` is in `en`), then the
    // front matter's `categories` and `category`, each once.
    let mut found = if matches!(kind, Kind::Post) {
        folder_categories(&file.relative)
    } else {
        Vec::new()
    };
    for category in categories(get(&page, "categories"))
        .into_iter()
        .chain(categories(get(&page, "category")))
    {
        if !found.contains(&category) {
            found.push(category);
        }
    }
    values.insert("date".into(), Value::scalar(dates::liquid_text(date)));
    values.insert("slug".into(), Value::scalar(slug.clone()));
    if text_at(&page, "title").is_none() {
        values.insert("title".into(), Value::scalar(titleized(file_slug)));
    }
    values.insert(
        "categories".into(),
        Value::Array(found.iter().cloned().map(Value::scalar).collect()),
    );
    Some(DocumentFacts {
        date,
        slug,
        categories: found,
    })
}

/// The folders above a post's `_posts` folder (`en/news/_posts/x.md` is in `en` and `news`).
fn folder_categories(relative: &str) -> Vec<String> {
    let Some((above, _)) = relative.split_once("_posts/") else {
        return Vec::new();
    };
    above
        .split('/')
        .filter(|folder| !folder.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Jekyll's title for a document without one: its slug's words, capitalised
/// (`for-authors` is `For Authors`).
fn titleized(slug: &str) -> String {
    slug.split('-')
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| {
                first
                    .to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
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
