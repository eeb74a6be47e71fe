//! The content compiler: a hosted-portal repository (a Jekyll site folder with `_config.yml`,
//! `_data/`, Markdown pages with front matter, Liquid) -> a checked [`Site`].
//!
//! It runs at build time only (it is not part of the WebAssembly) and knows no Leptos: it knows
//! Jekyll's folder rules, YAML, Liquid and Markdown, and hands over plain data (the browser's
//! `crate::model` and the page blocks of [`body`]). It runs in stages: [`input`] sorts the files,
//! [`config`] and [`data`] read the settings and data, [`draft`] reads every page's front matter
//! and address and then compiles each page on its own (Liquid, Markdown, [`layout`]),
//! [`translations`], [`texts`] and [`checks`] look at every page at once. Every problem found
//! becomes a [`Diagnostic`] naming the file, line and column; all of them are collected in one
//! run. Problems Jekyll builds through are warnings (errors under `strict: true`); any error
//! means no site.

pub mod analytics;
pub mod body;
pub mod checks;
pub mod diagnostics;
pub mod digest;
pub mod draft;
pub mod footer;
pub mod gbif;
mod ids;
pub mod kramdown;
pub mod layout;
pub mod limits;
pub mod links;
pub mod liquid;
pub mod markdown;
pub mod parallel;
pub mod posts;
pub mod remembered;
pub mod repository;
mod site;
pub mod texts;
pub mod translations;
pub mod values;

use std::collections::BTreeMap;
use std::sync::Arc;

use ::liquid::model::{Object, Value};

use diagnostics::Diagnostic;
use draft::PageDraft;
pub use liquid::DrawMarkdown;
pub use remembered::Remembered;
pub use repository::{CONFIG_FILE, Input, SourceFile, load};
pub use site::{Icons, LanguageTexts, Page, PageHead, Site};

use crate::model::SiteConfig;

/// What the compiler produced: the site, unless there were errors, and every message.
#[derive(Debug)]
pub struct Compiled {
    pub site: Option<Site>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Compiled {
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| !d.is_error())
    }
}

/// Compiles and checks the whole site. `draw_markdown` draws Markdown to HTML for Liquid's
/// `markdownify` (the build step's body components).
pub fn compile(input: &Input, draw_markdown: Arc<DrawMarkdown>) -> Compiled {
    compile_remembering(input, draw_markdown, None)
}

/// [`compile`], taking the pages that cannot have changed from `remembered` (and leaving this
/// build's there), for the development server's rebuilds.
pub fn compile_remembering(
    input: &Input,
    draw_markdown: Arc<DrawMarkdown>,
    mut remembered: Option<&mut Remembered>,
) -> Compiled {
    let mut diagnostics = input.problems.clone();
    let settings = repository::config::read(input.config.as_ref(), &mut diagnostics);
    let strict = settings.strict;
    let data = repository::data::read(&input.data, &mut diagnostics);
    let mut engine = liquid::Liquid::new(
        &input.includes,
        &settings.url,
        &settings.baseurl,
        strict,
        draw_markdown,
    );
    engine.set_key_order(data.key_order());

    // Front matter and addresses, each file on its own, on every core; messages in file order.
    let mut documents: Vec<repository::documents::Document> =
        Vec::with_capacity(input.documents.len());
    for (document, mut messages) in parallel::map(&input.documents, |file| {
        let mut messages = Vec::new();
        (
            repository::documents::read(file, &settings, &mut messages),
            messages,
        )
    }) {
        diagnostics.append(&mut messages);
        documents.extend(document);
    }
    let site_value = site_globals(&settings, &data.value, &documents);
    // Most pages never look at `site.pages` or `site.posts`; giving each page a copy of every
    // page's front matter would make compiling a site of n pages take n² time (the liquid crate
    // takes its variables by value). Those pages get `site` without the lists.
    let list_names = site_list_names(&settings);
    let site_light = without_lists(&site_value, &list_names);
    let lists_in_includes = input
        .includes
        .values()
        .any(|file| uses_site_lists(&String::from_utf8_lossy(&file.bytes), &list_names));
    let custom_layouts: Vec<String> = input.layouts.iter().cloned().collect();
    let archive = |lang: &str| {
        values::at_path(&data.value, &format!("languages.{lang}"))
            .and_then(|l| values::text_at(l, "archive_permalink"))
            .or_else(|| settings.archive_permalink.clone())
    };
    let words = texts::Words::new(&data.value, &settings.root_lang);
    let analytics = analytics::read(
        &settings,
        input
            .config
            .as_ref()
            .map_or(CONFIG_FILE, |f| f.shown.as_str()),
        &input.includes,
        &mut diagnostics,
    );
    let gbif_scope = input
        .includes
        .get("js/config.js")
        .map(|file| gbif::scope_of(&String::from_utf8_lossy(&file.bytes)))
        .unwrap_or_default();
    if let Some(why) = &gbif_scope.unread {
        diagnostics.push(
            Diagnostic::warning(
                "_includes/js/config.js",
                diagnostics::Position { line: 1, column: 1 },
                format!("the scope of the GBIF widgets is not carried into the data pages' links to GBIF.org: {why}"),
            )
            .with_hint("the data pages link to GBIF.org's searches without a scope"),
        );
    }
    let gbif_widgets = settings.gbif_widgets.as_ref().map(|lib| {
        let source = input
            .includes
            .get("js/config.js")
            .map(|file| String::from_utf8_lossy(&file.bytes).into_owned())
            .unwrap_or_else(|| "var siteConfig = {};".into());
        gbif::widgets(
            lib,
            &source,
            &settings,
            &site_value,
            &data,
            &engine,
            &mut diagnostics,
        )
    });
    let cx = draft::Context {
        settings: &settings,
        data: &data,
        liquid: &engine,
        site: &site_value,
        site_without_lists: &site_light,
        uses_lists: &|text: &str| {
            uses_site_lists(text, &list_names) || lists_in_includes && text.contains("include")
        },
        custom_layouts: &custom_layouts,
        archive: &archive,
        words: &words,
        gbif_scope: &gbif_scope,
        gbif_widget: gbif_widgets.as_ref().map(|w| &w.block),
    };
    // Each page compiles on its own, on every core; their messages are kept in page order.
    let pending: Vec<std::sync::Mutex<Option<repository::documents::Document>>> = documents
        .into_iter()
        // A collection that is not written (`output: false`) is there for Liquid only.
        .filter(|document| {
            document
                .collection
                .as_ref()
                .is_none_or(|(_, output)| *output)
        })
        .map(|document| std::sync::Mutex::new(Some(document)))
        .collect();
    // Each page's key, for the development server's rebuilds: its file, and what it is compiled
    // with (the lists of documents only if its Liquid reads them, or the GBIF widgets' does).
    let keys = match &remembered {
        None => vec![None; pending.len()],
        Some(_) => remembered::keys(input, &site_value, &pending, |document| {
            (cx.uses_lists)(&document.body)
                || (cx.uses_lists)(&document.front_text)
                || gbif_widgets.is_some()
        }),
    };
    let slots: Vec<_> = pending.iter().zip(&keys).collect();
    let known = remembered.as_deref();
    let compiled = parallel::map(&slots, |(slot, key)| {
        if let (Some(known), Some((relative, key))) = (known, key)
            && let Some((draft, messages)) = known.get(relative, key)
        {
            return (draft, messages, true);
        }
        let mut messages = Vec::new();
        let document = slot.lock().ok().and_then(|mut d| d.take());
        let draft = document.and_then(|d| draft::compile(d, &cx, &mut messages));
        (draft, messages, false)
    });
    let mut drafts: Vec<PageDraft> = Vec::with_capacity(compiled.len());
    // A page that failed has no address to link to: links to it are not reported as dead.
    let some_page_failed = compiled
        .iter()
        .any(|(draft, messages, _)| draft.is_none() && messages.iter().any(Diagnostic::is_error));
    for ((draft, mut messages, known), key) in compiled.into_iter().zip(keys) {
        if let (Some(remembered), Some((relative, key)), false) =
            (remembered.as_deref_mut(), key, known)
        {
            remembered.keep(relative, key, draft.clone(), messages.clone());
        }
        diagnostics.append(&mut messages);
        drafts.extend(draft);
    }
    if let Some(remembered) = remembered {
        remembered.only(
            &input
                .documents
                .iter()
                .map(|f| f.relative.as_str())
                .collect(),
        );
    }
    drafts.sort_by(|a, b| a.relative.cmp(&b.relative));
    checks::check_routes(&mut drafts, strict, &mut diagnostics);
    posts::fill_lists(&mut drafts, &archive);

    let page_langs: Vec<String> = drafts.iter().map(|d| d.page.meta.lang.clone()).collect();
    if !drafts
        .iter()
        .any(|d| d.page.meta.not_found && d.page.meta.lang == settings.root_lang)
    {
        drafts.push(layout::default_not_found(&words, &settings.root_lang));
    }
    let not_found: BTreeMap<String, String> = drafts
        .iter()
        .filter(|d| d.page.meta.not_found)
        .map(|d| (d.page.meta.lang.clone(), d.page.route.clone()))
        .rev()
        .collect();
    let languages = texts::languages(&settings, &data, &page_langs, &not_found);
    let codes: Vec<String> = languages.iter().map(|l| l.code.clone()).collect();
    translations::link_translations(&mut drafts, &codes, strict, &mut diagnostics);
    fill_language_lists(&mut drafts, &languages, &words);

    let mut reader = texts::Reader {
        data: &data,
        diagnostics: &mut diagnostics,
        links: Vec::new(),
    };
    let language_texts = texts::texts(&mut reader, &settings, &languages);
    let shared_links = std::mem::take(&mut reader.links);

    let targets = checks::Targets::new(&drafts, &input.static_files, strict, some_page_failed);
    for draft in &drafts {
        for link in &draft.links {
            targets.check(
                &draft.page.source,
                &draft.page.route,
                Some(draft),
                link,
                &mut diagnostics,
            );
        }
    }
    for draft in &drafts {
        for (file, link) in &draft.data_links {
            targets.check(file, &draft.page.route, Some(draft), link, &mut diagnostics);
        }
    }
    for (file, link) in &shared_links {
        targets.check(file, "/", None, link, &mut diagnostics);
    }

    // Under `strict: true` the site builds through nothing: every warning is an error.
    if strict {
        diagnostics = diagnostics.into_iter().map(|d| d.strict_if(true)).collect();
    }
    diagnostics.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    diagnostics.dedup();
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Compiled {
            site: None,
            diagnostics,
        };
    }
    let image_origins = image_origins(&drafts);
    let mut frame_hosts: Vec<String> = drafts.iter().flat_map(|d| d.frames.clone()).collect();
    frame_hosts.sort();
    frame_hosts.dedup();
    let site = Site {
        description: settings.description.clone(),
        config: SiteConfig {
            name: settings.title.clone(),
            base_url: settings.url.clone(),
            languages,
            logo_and_title: settings.logo_and_title,
            record_routes: crate::routes::record_routes(
                drafts.iter().map(|d| d.page.route.as_str()),
            ),
        },
        languages: language_texts,
        pages: drafts.into_iter().map(|d| d.page).collect(),
        static_files: input.static_files.iter().cloned().collect(),
        static_sources: input.static_sources.clone(),
        primary_color: settings.primary_color.clone(),
        square: settings.square,
        image_origins,
        frame_hosts,
        logos_on_light: Vec::new(),
        icons: icons(&input.static_files),
        analytics,
        gbif_widgets,
    };
    Compiled {
        site: Some(site),
        diagnostics,
    }
}

/// The language splash pages' links to each language's home page.
fn fill_language_lists(
    drafts: &mut [PageDraft],
    languages: &[crate::model::Language],
    words: &texts::Words,
) {
    for draft in drafts {
        let lang = draft.page.meta.lang.clone();
        for block in &mut draft.page.blocks {
            if let body::blocks::PageBlock::Languages(list) = block {
                list.label = words.get("languageSelector", &lang);
                let default = languages.first().map_or("", |l| l.code.as_str());
                list.links = languages
                    .iter()
                    .map(|l| {
                        let home = crate::routes::home_of(&l.code, default);
                        (l.code.clone(), l.name.clone(), home)
                    })
                    .collect();
            }
        }
    }
}

/// The keys of `site` that list documents: Jekyll's, and each custom collection's.
fn site_list_names(settings: &repository::config::Settings) -> Vec<String> {
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

/// `site` without its lists of documents (see `compile`).
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
fn site_globals(
    settings: &repository::config::Settings,
    data: &Value,
    documents: &[repository::documents::Document],
) -> Value {
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
    site.insert("posts".into(), posts::liquid_posts(documents));
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

/// The origins (`https://host`) of every image the pages show from another site, in order, each
/// once.
fn image_origins(drafts: &[PageDraft]) -> Vec<String> {
    let mut origins: Vec<String> = drafts
        .iter()
        .flat_map(|d| &d.links)
        .filter(|link| link.is_image)
        .filter_map(|link| links::web_origin(&link.href))
        .collect();
    origins.sort();
    origins.dedup();
    origins
}

/// The repository's icons, where sites conventionally keep them.
fn icons(files: &std::collections::BTreeSet<String>) -> Icons {
    let first = |candidates: &[&str]| {
        candidates
            .iter()
            .find(|c| files.contains(**c))
            .map(|c| (*c).to_owned())
    };
    Icons {
        favicon: first(&[
            "/favicon.svg",
            "/favicon-32x32.png",
            "/favicon.png",
            "/favicon.ico",
            "/assets/favicon.svg",
            "/assets/favicon.png",
            "/assets/favicon.ico",
        ]),
        apple_touch: first(&[
            "/apple-touch-icon.png",
            "/apple-touch-icon-180x180.png",
            "/apple-touch-icon-152x152.png",
        ]),
        manifest: first(&[
            "/site.webmanifest",
            "/manifest.webmanifest",
            "/manifest.json",
        ]),
    }
}

#[cfg(test)]
mod tests;
