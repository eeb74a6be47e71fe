//! The content compiler: the site's folder (`content/*.md`, `content/site.yml`,
//! `content/languages/*.yml`, the files of `public/`) -> a checked [`Site`].
//!
//! It runs at build time only (it is not part of the WebAssembly) and knows no Leptos: it knows
//! Markdown and YAML, and hands over plain data (the browser's `crate::model` and the body tree
//! [`body`]). It runs in stages: [`input`] reads the files, [`draft`] compiles each page on its
//! own, [`checks`] and [`translations`] look at every page at once, [`settings`] resolves the
//! site's settings against the pages. Every problem found becomes a [`Diagnostic`] naming the
//! file, line and column; all of them are collected in one run, and any error means no site.

pub mod body;
pub mod checks;
pub mod diagnostics;
pub mod draft;
pub mod front_matter;
mod ids;
pub mod input;
pub mod kramdown;
pub mod languages;
pub mod links;
pub mod markdown;
pub mod mojibake;
mod settings;
mod site;
pub mod site_config;
pub mod translations;
mod walk;
pub mod yaml;

use diagnostics::{Diagnostic, Position};
use draft::{PageDraft, compile_page, decode};
pub use input::{Input, LANGUAGES_FOLDER, SETTINGS_FILE, SourceFile, load};
pub use site::{Page, Site};

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
}

/// Compiles and checks the whole site.
pub fn compile(input: &Input) -> Compiled {
    let mut diagnostics = input.problems.clone();
    let settings_file = format!("content/{SETTINGS_FILE}");
    let settings = match &input.settings {
        Some(file) => decode(file, &mut diagnostics)
            .and_then(|text| site_config::read(&file.shown, text, &mut diagnostics)),
        None => {
            diagnostics.push(
                Diagnostic::error(
                    &settings_file,
                    Position::START,
                    "the site settings file is missing",
                )
                .with_hint(
                    "create it with `name`, `url`, `languages`, `home` and `nav`; see README.md",
                ),
            );
            None
        }
    };
    let languages: Vec<String> = settings.as_ref().map_or_else(
        || vec![crate::model::DEFAULT_LANG.to_owned()],
        |s| s.languages.clone(),
    );
    let language_files =
        settings::read_language_files(input, settings.as_ref(), &languages, &mut diagnostics);

    let mut drafts: Vec<PageDraft> = input
        .pages
        .iter()
        .filter_map(|file| compile_page(file, &languages, &mut diagnostics))
        .collect();
    drafts.sort_by(|a, b| a.page.route.cmp(&b.page.route));
    checks::check_routes(&drafts, &mut diagnostics);
    let home = settings.as_ref().map(|s| s.home.as_str());
    let homes = translations::link_translations(&mut drafts, &languages, home, &mut diagnostics);

    let all_files: Vec<&str> = input.pages.iter().map(|f| f.relative.as_str()).collect();
    let resolved = settings.and_then(|settings| {
        settings::resolve_settings(
            settings,
            &languages,
            &homes,
            language_files,
            &drafts,
            &all_files,
            &mut diagnostics,
        )
    });
    checks::check_links(
        &drafts,
        resolved.as_ref().map(|(config, _)| config),
        &input.public_files,
        &mut diagnostics,
    );
    checks::check_backgrounds(&drafts, &input.public_files, &mut diagnostics);

    diagnostics.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    let image_origins = image_origins(&drafts);
    let site = match resolved {
        Some((config, ui)) if !diagnostics.iter().any(Diagnostic::is_error) => Some(Site {
            config,
            ui,
            pages: drafts.into_iter().map(|d| d.page).collect(),
            image_origins,
        }),
        _ => None,
    };
    Compiled { site, diagnostics }
}

/// The origins (`https://host`) of every image the pages show from another site: hero
/// backgrounds, Markdown images and HTML `<img>`, in order, each once.
fn image_origins(drafts: &[PageDraft]) -> Vec<String> {
    let backgrounds = drafts
        .iter()
        .filter_map(|d| d.page.meta.background.as_deref());
    let images = drafts
        .iter()
        .flat_map(|d| &d.links)
        .filter(|link| link.is_image)
        .map(|link| link.href.as_str());
    let mut origins: Vec<String> = backgrounds
        .chain(images)
        .filter_map(links::web_origin)
        .collect();
    origins.sort();
    origins.dedup();
    origins
}

#[cfg(test)]
mod tests;
