//! Jekyll's `site` variable: `_config.yml`'s values, `data`, and the lists of documents
//! (`pages`, `posts`, each collection), in the two forms pages get it.
//!
//! Most pages never look at `site.pages` or `site.posts`; giving each page a copy of every page's
//! front matter would make compiling a site of n pages take n² time (the liquid crate takes its
//! variables by value). Pages whose Liquid (or an include's) does not read the lists get `site`
//! without them.

use std::collections::BTreeMap;

use liquid::model::{Object, Value};

use crate::content::repository::SourceFile;
use crate::content::repository::config::Settings;
use crate::content::repository::dates::newest_first;
use crate::content::repository::documents::Document;

/// `site`, whole and without its lists of documents, and which texts need it whole.
pub struct SiteVariable {
    /// `_config.yml`, `data`, `pages`, `posts`, each collection.
    pub whole: Value,
    /// The same without the lists of documents.
    pub without_lists: Value,
    list_names: Vec<String>,
    /// Whether an include reads the lists, in which case any text that includes may.
    lists_in_includes: bool,
}

impl SiteVariable {
    /// `site` for a site of these settings, data (`site.data`), documents and includes.
    pub fn new(
        settings: &Settings,
        data: &Value,
        documents: &[Document],
        includes: &BTreeMap<String, SourceFile>,
    ) -> Self {
        let whole = site_value(settings, data, documents);
        let list_names = list_names(settings);
        let without_lists = without_lists(&whole, &list_names);
        let lists_in_includes = includes
            .values()
            .any(|file| uses_site_lists(&String::from_utf8_lossy(&file.bytes), &list_names));
        SiteVariable {
            whole,
            without_lists,
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
    pub fn for_document(&self, body: &str, front: &str) -> &Value {
        if self.read_by(body) || self.read_by(front) {
            &self.whole
        } else {
            &self.without_lists
        }
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

/// `site` without its lists of documents.
fn without_lists(site: &Value, names: &[String]) -> Value {
    match site {
        Value::Object(object) => Value::Object(
            object
                .iter()
                .filter(|(key, _)| !names.iter().any(|n| n == key.as_str()))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
        ),
        other => other.clone(),
    }
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

/// `site` in templates: `_config.yml`'s values, `data`, and `pages` (each page's front matter
/// with its `url`).
fn site_value(settings: &Settings, data: &Value, documents: &[Document]) -> Value {
    let mut site = match &settings.value {
        Value::Object(object) => object.clone(),
        _ => Object::new(),
    };
    site.insert("data".into(), data.clone());
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
    site.insert("posts".into(), liquid_posts(documents));
    // Each custom collection's documents, as `site.<name>`.
    for collection in &settings.collections {
        site.insert(
            collection.name.clone().into(),
            Value::Array(
                documents
                    .iter()
                    .filter(|d| {
                        d.collection
                            .as_ref()
                            .is_some_and(|(n, _)| *n == collection.name)
                    })
                    .map(|d| Value::Object(d.front.value.clone()))
                    .collect(),
            ),
        );
    }
    site.insert("baseurl".into(), Value::scalar(settings.baseurl.clone()));
    Value::Object(site)
}

/// `site.posts`: every post's front matter (with `url`, `date`, `categories`), newest first.
fn liquid_posts(documents: &[Document]) -> Value {
    let mut posts: Vec<&Document> = documents.iter().filter(|d| d.post.is_some()).collect();
    posts.sort_by(|a, b| newest_first((a.post_date(), &a.relative), (b.post_date(), &b.relative)));
    Value::Array(
        posts
            .into_iter()
            .map(|d| Value::Object(d.front.value.clone()))
            .collect(),
    )
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
