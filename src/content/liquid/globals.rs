//! Jekyll's `site` variable: `_config.yml`'s values, `data`, and the lists of documents
//! (`pages`, `posts`, each collection), in the two forms pages get it.
//!
//! Most pages never look at `site.pages` or `site.posts`; giving each page a copy of every page's
//! front matter would make compiling a site of n pages take n² time (the liquid crate takes its
//! variables by value). Pages whose Liquid (or an include's) does not read the lists get `site`
//! without them.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use liquid::model::{KStringCow, Object, ObjectView, State, Value, ValueView};
use liquid_core::model::DisplayCow;

use super::DrawMarkdown;
use crate::content::repository::SourceFile;
use crate::content::repository::config::Settings;
use crate::content::repository::dates::newest_first;
use crate::content::repository::documents::Document;

/// `site`, what it is made of, and which texts need its lists of documents. `_config.yml`'s
/// values and the data are borrowed, never copied: a page's `site` is a [`SiteView`] of them.
pub struct SiteVariable<'a> {
    config: &'a Object,
    data: &'a Value,
    /// `pages`, `posts`, each collection's documents, and `baseurl`, made for `site`.
    own: Object,
    list_names: Vec<String>,
    /// Whether an include reads the lists, in which case any text that includes may.
    lists_in_includes: bool,
}

impl<'a> SiteVariable<'a> {
    /// `site` for a site of these settings, data (`site.data`), documents and includes.
    pub fn new(
        settings: &'a Settings,
        data: &'a Value,
        documents: &[Document],
        includes: &BTreeMap<String, SourceFile>,
        draw_markdown: &DrawMarkdown,
    ) -> Self {
        static EMPTY: std::sync::OnceLock<Object> = std::sync::OnceLock::new();
        let config = match &settings.value {
            Value::Object(object) => object,
            _ => EMPTY.get_or_init(Object::new),
        };
        let list_names = list_names(settings);
        let lists_in_includes = includes
            .values()
            .any(|file| uses_site_lists(&String::from_utf8_lossy(&file.bytes), &list_names));
        SiteVariable {
            config,
            data,
            own: own_values(settings, documents, &contents(documents, draw_markdown)),
            list_names,
            lists_in_includes,
        }
    }

    /// Whether Liquid in `text` may read the lists of documents.
    pub fn read_by(&self, text: &str) -> bool {
        uses_site_lists(text, &self.list_names)
            || self.lists_in_includes && text.contains("include")
    }

    /// `site` as a document whose body and front matter are these needs it.
    pub fn for_document(&self, body: &str, front: &str) -> SiteView<'_> {
        self.view(self.read_by(body) || self.read_by(front))
    }

    /// `site`, whole or without its lists of documents.
    pub fn view(&self, with_lists: bool) -> SiteView<'_> {
        SiteView {
            site: self,
            with_lists,
        }
    }

    /// The lists of documents, for a digest of them.
    pub fn lists(&self) -> &Object {
        &self.own
    }
}

/// `site` as a template sees it: what `_config.yml` says, with `data`, `baseurl` and (when the
/// text reads them) the lists of documents over it.
#[derive(Clone, Copy)]
pub struct SiteView<'a> {
    site: &'a SiteVariable<'a>,
    with_lists: bool,
}

impl<'a> SiteView<'a> {
    /// The value at `key`.
    fn value(&self, key: &str) -> Option<&'a Value> {
        let site = self.site;
        let hidden = !self.with_lists && site.list_names.iter().any(|n| n == key);
        if hidden {
            return None;
        }
        if key == "data" {
            return Some(site.data);
        }
        site.own.get(key).or_else(|| site.config.get(key))
    }

    /// Every key, each once.
    fn key_list(&self) -> Vec<&'a str> {
        let site = self.site;
        let mut keys: Vec<&str> = site
            .config
            .keys()
            .chain(site.own.keys())
            .map(|k| k.as_str())
            .chain(["data"])
            .filter(|k| self.with_lists || !site.list_names.iter().any(|n| n == k))
            .collect();
        keys.sort_unstable();
        keys.dedup();
        keys
    }

    /// `site` made whole, for what must own it (`jsonify`, `assign`).
    fn owned(&self) -> Object {
        self.key_list()
            .into_iter()
            .filter_map(|key| Some((key.to_owned().into(), self.value(key)?.clone())))
            .collect()
    }
}

impl fmt::Debug for SiteView<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "site")
    }
}

/// A value made for display, kept while it is displayed.
struct Shown(Value);

impl fmt::Display for Shown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.render())
    }
}

struct Source(Value);

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.source())
    }
}

impl ValueView for SiteView<'_> {
    fn as_debug(&self) -> &dyn fmt::Debug {
        self
    }

    fn render(&self) -> DisplayCow<'_> {
        DisplayCow::Owned(Box::new(Shown(Value::Object(self.owned()))))
    }

    fn source(&self) -> DisplayCow<'_> {
        DisplayCow::Owned(Box::new(Source(Value::Object(self.owned()))))
    }

    fn type_name(&self) -> &'static str {
        "object"
    }

    fn query_state(&self, state: State) -> bool {
        matches!(state, State::Truthy)
    }

    fn to_kstr(&self) -> KStringCow<'_> {
        KStringCow::from_string(self.render().to_string())
    }

    fn to_value(&self) -> Value {
        Value::Object(self.owned())
    }

    fn as_object(&self) -> Option<&dyn ObjectView> {
        Some(self)
    }
}

impl ObjectView for SiteView<'_> {
    fn as_value(&self) -> &dyn ValueView {
        self
    }

    fn size(&self) -> i64 {
        self.key_list().len() as i64
    }

    fn keys<'k>(&'k self) -> Box<dyn Iterator<Item = KStringCow<'k>> + 'k> {
        Box::new(self.key_list().into_iter().map(KStringCow::from_ref))
    }

    fn values<'k>(&'k self) -> Box<dyn Iterator<Item = &'k dyn ValueView> + 'k> {
        Box::new(
            self.key_list()
                .into_iter()
                .filter_map(|key| self.value(key).map(|v| v as &dyn ValueView)),
        )
    }

    fn iter<'k>(&'k self) -> Box<dyn Iterator<Item = (KStringCow<'k>, &'k dyn ValueView)> + 'k> {
        Box::new(self.key_list().into_iter().filter_map(|key| {
            self.value(key)
                .map(|v| (KStringCow::from_ref(key), v as &dyn ValueView))
        }))
    }

    fn contains_key(&self, index: &str) -> bool {
        self.value(index).is_some()
    }

    fn get<'s>(&'s self, index: &str) -> Option<&'s dyn ValueView> {
        self.value(index).map(|v| v as &dyn ValueView)
    }
}

/// The keys of `site` that list documents: Jekyll's, and each custom collection's.
fn list_names(settings: &Settings) -> Vec<String> {
    [
        "pages",
        "posts",
        "documents",
        "collections",
        "categories",
        "tags",
    ]
    .iter()
    .map(|n| n.to_string())
    .chain(settings.collections.iter().map(|c| c.name.clone()))
    .collect()
}

/// Whether Liquid in `text` may read a list of documents from `site`: `site.pages`, or `site`
/// as a whole (`{{ site | jsonify }}`, `{% assign s = site %}`).
fn uses_site_lists(text: &str, names: &[String]) -> bool {
    text.match_indices("site").any(|(at, _)| {
        let before = text[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.') {
            return false;
        }
        let after = &text[at + 4..];
        match after.strip_prefix('.') {
            Some(rest) => names.iter().any(|name| {
                rest.strip_prefix(name.as_str())
                    .is_some_and(|r| !r.starts_with(|c: char| c.is_alphanumeric() || c == '_'))
            }),
            // `site` itself, not `site_title` or `sites`.
            None => !after.starts_with(|c: char| c.is_alphanumeric() || c == '_' || c == '-'),
        }
    })
}

/// What `site` has besides `_config.yml`'s values and the data: `pages` (each page's front
/// matter with its `url`), `posts`, each custom collection's documents, and `baseurl`.
/// The `content` of each post and collection document, by path, as Jekyll gives it to a page
/// drawn after them: Markdown converted to HTML (its Liquid as written).
fn contents(documents: &[Document], draw_markdown: &DrawMarkdown) -> HashMap<String, String> {
    let listed: Vec<&Document> = documents
        .iter()
        .filter(|d| d.post.is_some() || d.collection.is_some())
        .collect();
    let drawn = crate::content::parallel::map(&listed, |d| {
        if crate::content::repository::folders::is_markdown(&d.relative) {
            draw_markdown(&d.body)
        } else {
            d.body.clone()
        }
    });
    listed
        .into_iter()
        .map(|d| d.relative.clone())
        .zip(drawn)
        .collect()
}

fn own_values(
    settings: &Settings,
    documents: &[Document],
    contents: &HashMap<String, String>,
) -> Object {
    let with_content = |document: &Document| with_content(document, contents);
    let mut site = Object::new();
    site.insert(
        "pages".into(),
        Value::Array(
            documents
                .iter()
                .filter(|d| d.post.is_none() && d.collection.is_none())
                .map(|d| Value::Object(d.front.value.clone()))
                .collect(),
        ),
    );
    site.insert("posts".into(), liquid_posts(documents, &with_content));
    for collection in &settings.collections {
        let mut members: Vec<&Document> = documents
            .iter()
            .filter(|d| {
                d.collection
                    .as_ref()
                    .is_some_and(|(n, _)| *n == collection.name)
            })
            .collect();
        in_collection_order(&mut members, collection.sort_by.as_deref());
        site.insert(
            collection.name.clone().into(),
            Value::Array(members.into_iter().map(&with_content).collect()),
        );
    }
    // Empty: the build draws every address of the site under its sub-path, so what templates
    // write as `{{ site.baseurl }}/about` must be the path alone (`/about`).
    site.insert("baseurl".into(), Value::scalar(""));
    site
}

/// A document as `site.posts` and the collections list it: its front matter and its `content`.
fn with_content(document: &Document, contents: &HashMap<String, String>) -> Value {
    let mut values = document.front.value.clone();
    let content = contents
        .get(&document.relative)
        .cloned()
        .unwrap_or_default();
    values.insert("content".into(), Value::scalar(content));
    Value::Object(values)
}

/// A collection's documents in Jekyll's order: by its `sort_by` key (those without it after the
/// others), else by date and then path.
fn in_collection_order(members: &mut [&Document], sort_by: Option<&str>) {
    let date = |d: &Document| {
        crate::content::values::text_at(&Value::Object(d.front.value.clone()), "date")
    };
    match sort_by {
        Some(key) => members.sort_by(|a, b| {
            let value = |d: &Document| d.front.value.get(key).cloned();
            match (value(a), value(b)) {
                (Some(x), Some(y)) => super::filters::array::compare(&x, &y),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => a.relative.cmp(&b.relative),
            }
        }),
        None => members.sort_by(|a, b| (date(a), &a.relative).cmp(&(date(b), &b.relative))),
    }
}

/// `site.posts`: every post's front matter (with `url`, `date`, `categories`), newest first.
fn liquid_posts(documents: &[Document], with_content: &dyn Fn(&Document) -> Value) -> Value {
    let mut posts: Vec<&Document> = documents.iter().filter(|d| d.post.is_some()).collect();
    posts.sort_by(|a, b| newest_first((a.post_date(), &a.relative), (b.post_date(), &b.relative)));
    Value::Array(posts.into_iter().map(with_content).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn which_liquid_reads_the_lists_of_documents() {
        let names = ["pages".to_owned(), "posts".to_owned(), "guides".to_owned()];
        for (text, reads) in [
            ("{{ site.pages | size }}", true),
            ("{% for p in site.posts %}", true),
            ("{{ site.guides.first.title }}", true),
            ("{{ site | jsonify }}", true),
            ("{% assign s = site %}", true),
            ("{{ site.title }} {{ site.data.pages }}", false),
            (
                "{{ site.pagesize }} {{ website.pages }} {{ site_pages }}",
                false,
            ),
            ("no Liquid at all", false),
        ] {
            assert_eq!(uses_site_lists(text, &names), reads, "{text}");
        }
    }
}
