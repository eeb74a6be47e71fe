//! The content compiler: a hosted-portal repository (a Jekyll site folder with `_config.yml`,
//! `_data/`, Markdown pages with front matter, Liquid) -> a checked [`Site`].
//!
//! It runs at build time only (it is not part of the WebAssembly) and knows no Leptos: it knows
//! Jekyll's folder rules, YAML, Liquid and Markdown, and hands over plain data (the browser's
//! `crate::model` and the page blocks of [`body`]). Its stages, in the order data flows through
//! them, each a folder:
//!
//! 1. [`repository`]: the files, as Jekyll sorts them; `_config.yml`, `_data`, each document's
//!    front matter and address;
//! 2. [`liquid`]: the Liquid engine, with Jekyll's tags, filters and `site` variable;
//! 3. [`markdown`]: the kramdown port and the body tree it gives, made safe;
//! 4. [`theme`]: the theme's layouts and blocks, news, GBIF's data pages, each language's texts;
//! 5. [`page`]: each page compiled on its own, on every core;
//! 6. [`site_wide`]: what needs every page at once (addresses, lists of posts, languages, links).
//!
//! Below them all: [`diagnostics`], [`values`], [`links`], [`limits`], [`body`]. Every problem
//! found becomes a [`Diagnostic`] naming the file, line and column; all of them are collected in
//! one run. Problems Jekyll builds through are warnings (errors under `strict: true`); any error
//! means no site.

pub mod body;
pub mod diagnostics;
pub mod digest;
pub mod hosts;
pub mod limits;
pub mod links;
pub mod liquid;
pub mod markdown;
pub mod page;
pub mod panics;
pub mod parallel;
pub mod repository;
mod site;
pub mod site_wide;
pub mod theme;
pub mod values;

use std::sync::Arc;

use diagnostics::Diagnostic;
use links::LinkRef;
pub use liquid::DrawMarkdown;
use liquid::globals::SiteVariable;
pub use page::Remembered;
use page::{Drafts, PageDraft};
use repository::config::Settings;
use repository::documents::Document;
pub use repository::icons::Icons;
pub use repository::{CONFIG_FILE, Input, SourceFile, load};
pub use site::{ImageSources, LanguageTexts, Page, PageHead, Site};
use theme::Theme;

use crate::model::{Language, SiteConfig};

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
    remembered: Option<&mut Remembered>,
) -> Compiled {
    let mut diagnostics = input.problems.clone();
    let settings = repository::config::read(input.config.as_ref(), &mut diagnostics);
    let data = repository::data::read(&input.data, &mut diagnostics);
    let engine = liquid_engine(input, &settings, &data, draw_markdown.clone());
    let documents = read_documents(input, &settings, &mut diagnostics);
    engine.set_files(site_files(input, &documents));
    let site = SiteVariable::new(
        &settings,
        &data.value,
        &documents,
        &input.includes,
        draw_markdown.as_ref(),
    );
    let theme = Theme::read(
        input,
        &settings,
        &data,
        &engine,
        &site.view(true),
        &mut diagnostics,
    );
    let cx = page::Context {
        settings: &settings,
        data: &data,
        liquid: &engine,
        site: &site,
        theme: &theme,
    };
    let Drafts {
        mut drafts,
        some_failed,
    } = page::compile_all(documents, input, &cx, remembered, &mut diagnostics);
    site_wide::routes::check_routes(&mut drafts, settings.strict, &mut diagnostics);
    site_wide::news::fill_lists(&mut drafts, &|lang| theme.archive(lang));
    site_wide::data_views::link_records(
        &mut drafts,
        &crate::urls::BaseUrl::new(&deployment_base(input, &settings)),
    );
    let languages = site_wide::languages::settle(
        &mut drafts,
        &settings,
        &data,
        &theme.words,
        &mut diagnostics,
    );
    let codes: Vec<String> = languages.iter().map(|l| l.code.clone()).collect();
    let indexes = site_wide::site_index::pages(&drafts, &codes, &theme.words);
    let (mut texts, shared_links) =
        theme::texts::of_languages(&settings, &data, &languages, &mut diagnostics);
    site_wide::site_index::link_from_navigation(&indexes, &mut texts, &theme.words);
    drafts.extend(indexes);
    let config_file = input
        .config
        .as_ref()
        .map_or(CONFIG_FILE, |f| f.shown.as_str());
    site_wide::addresses::check(
        &settings,
        &data,
        &input.static_files,
        config_file,
        &mut diagnostics,
    );
    site_wide::links::check_all(
        &drafts,
        &shared_links,
        &input.static_files,
        settings.strict,
        some_failed,
        &mut diagnostics,
    );
    let diagnostics = settle_diagnostics(diagnostics, settings.strict);
    let site = (!diagnostics.iter().any(Diagnostic::is_error)).then(|| {
        assemble(
            input,
            &settings,
            (drafts, &shared_links),
            languages,
            texts,
            theme,
        )
    });
    Compiled { site, diagnostics }
}

/// The site's Liquid engine, with its includes and the order its data's keys were written in.
fn liquid_engine(
    input: &Input,
    settings: &Settings,
    data: &repository::data::Data,
    draw_markdown: Arc<DrawMarkdown>,
) -> liquid::Liquid {
    let mut engine = liquid::Liquid::new(
        &input.includes,
        &settings.url,
        &deployment_base(input, settings),
        settings.strict,
        draw_markdown,
    );
    engine.set_key_order(data.key_order());
    engine.set_key_orders(&data.csv_headers);
    engine
}

/// The sub-path the site is deployed under (`/scc`, or empty at the domain's root): the build's,
/// when it is told one, else `baseurl`.
fn deployment_base(input: &Input, settings: &Settings) -> String {
    match input.deployed_at.as_deref() {
        Some(base) if !base.trim_matches('/').is_empty() => {
            crate::urls::BaseUrl::new(base).as_str().to_owned()
        }
        _ => settings.baseurl.clone(),
    }
}

/// What `post_url`, `link` and `include_relative` find: the documents' addresses and texts, the
/// static files' addresses, posts by name.
fn site_files(input: &Input, documents: &[Document]) -> liquid::SiteFiles {
    let mut files = liquid::SiteFiles {
        root: input.root.clone(),
        ..Default::default()
    };
    for file in &input.documents {
        files.texts.insert(
            file.relative.clone(),
            String::from_utf8_lossy(&file.bytes).into_owned(),
        );
    }
    for address in &input.static_files {
        files
            .addresses
            .insert(address.trim_start_matches('/').to_owned(), address.clone());
    }
    for document in documents {
        files
            .addresses
            .insert(document.relative.clone(), document.url.clone());
        if document.post.is_some() {
            files.posts.insert(
                liquid::SiteFiles::post_name(&document.relative),
                document.url.clone(),
            );
        }
    }
    files
}

/// Every document's front matter and address, each file on its own, on every core; messages in
/// file order.
fn read_documents(
    input: &Input,
    settings: &Settings,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Document> {
    let mut documents = Vec::with_capacity(input.documents.len());
    for (document, mut messages) in parallel::map(&input.documents, |file| {
        let mut messages = Vec::new();
        (
            repository::documents::read(file, settings, &mut messages),
            messages,
        )
    }) {
        diagnostics.append(&mut messages);
        documents.extend(document);
    }
    documents
}

/// The messages in file order, each once; under `strict: true` every warning is an error (the
/// site builds through nothing).
fn settle_diagnostics(mut diagnostics: Vec<Diagnostic>, strict: bool) -> Vec<Diagnostic> {
    if strict {
        diagnostics = diagnostics.into_iter().map(|d| d.strict_if(true)).collect();
    }
    diagnostics.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    diagnostics.dedup();
    diagnostics
}

/// The site, from its checked pages and what the settings and the theme say of it.
fn assemble(
    input: &Input,
    settings: &Settings,
    (drafts, shared_links): (Vec<PageDraft>, &[(String, LinkRef)]),
    languages: Vec<Language>,
    texts: Vec<LanguageTexts>,
    theme: Theme,
) -> Site {
    let mut image_sources = site_wide::policy::image_sources(&drafts);
    if let Some(logo) = &settings.logo {
        let config_file = input
            .config
            .as_ref()
            .map_or(CONFIG_FILE, |f| f.shown.as_str());
        image_sources
            .entry(crate::urls::decode_path(&links::from_site_root(logo)))
            .or_insert_with(|| (config_file.to_owned(), settings.position("algae.logo")));
    }
    let search_words = site_wide::site_index::words(&languages, &theme.words);
    Site {
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
        languages: texts,
        image_origins: site_wide::policy::image_origins(&drafts),
        image_sources,
        strict: settings.strict,
        base: deployment_base(input, settings),
        search_words,
        media_origins: site_wide::policy::media_origins(&drafts),
        form_origins: site_wide::policy::form_origins(&drafts),
        count_origins: site_wide::policy::count_origins(&drafts, shared_links),
        frame_hosts: site_wide::policy::frame_hosts(&drafts),
        pages: drafts.into_iter().map(|d| d.page).collect(),
        static_files: input.static_files.iter().cloned().collect(),
        static_sources: input.static_sources.clone(),
        primary_color: settings.primary_color.clone(),
        square: settings.square,
        logos_on_light: Vec::new(),
        icons: repository::icons::icons(&input.static_files),
        analytics: theme.analytics,
        gbif_widgets: theme.gbif_widgets,
    }
}

#[cfg(test)]
mod tests;
