//! The content compiler: `content/*.md`, `content/site.yml` and `content/languages/*.yml` -> the
//! checked page model.
//!
//! It runs at build time only (it is not part of the WebAssembly). Loading and checking are kept
//! apart from rendering: this module knows Markdown and YAML, and hands over plain [`Site`] data.
//! Every problem found becomes a [`Diagnostic`] naming the file, line and column; all of them are
//! collected in one run, and any error means no site is produced.

pub mod body;
pub mod checks;
pub mod diagnostics;
pub mod front_matter;
pub mod kramdown;
pub mod languages;
pub mod links;
pub mod markdown;
pub mod mojibake;
mod site;
pub mod site_config;
pub mod translations;
mod walk;
pub mod yaml;

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::Path;

use diagnostics::{Diagnostic, Position, did_you_mean};
use markdown::LinkRef;

use crate::model::{Language, NavLink, SiteConfig, UiText};
use crate::routes;
use body::{Block, ElementContent, Heading, HtmlElement, Inline, Section};
pub use site::{Page, Site};

/// The site settings file, inside the content folder.
pub const SETTINGS_FILE: &str = "site.yml";
/// The folder of the language files, inside the content folder.
pub const LANGUAGES_FOLDER: &str = "languages";

/// Everything the compiler reads, so that it can be fed from disk or from a test.
#[derive(Clone, Debug, Default)]
pub struct Input {
    /// `content/site.yml`, if it exists.
    pub settings: Option<SourceFile>,
    /// `content/languages/<code>.yml`, by language code.
    pub languages: BTreeMap<String, SourceFile>,
    /// Every `.md` file under `content/`.
    pub pages: Vec<SourceFile>,
    /// Every file under `public/`, as the site path it is served at (`/assets/moss.jpg`).
    pub public_files: BTreeSet<String>,
    /// What was wrong while reading the folders (links out of the site, loops).
    pub problems: Vec<Diagnostic>,
}

/// A content file.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// Path inside the content folder (`es/about.md`).
    pub relative: String,
    /// Path as shown in messages (`content/es/about.md`).
    pub shown: String,
    pub bytes: Vec<u8>,
}

impl SourceFile {
    pub fn new(relative: &str, text: &str) -> Self {
        Self {
            relative: relative.to_owned(),
            shown: format!("content/{relative}"),
            bytes: text.as_bytes().to_vec(),
        }
    }
}

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

/// Reads `content/` and the list of files in `public/` under the repository root `root`.
pub fn load(root: &Path) -> std::io::Result<Input> {
    let content = root.join("content");
    let mut input = Input::default();
    let (files, problems) = walk::files(root, &content, "content");
    input.problems = problems;
    for path in files {
        let relative = relative_path(&content, &path);
        let file = SourceFile {
            shown: format!("content/{relative}"),
            bytes: std::fs::read(&path)?,
            relative,
        };
        let language = file
            .relative
            .strip_prefix(&format!("{LANGUAGES_FOLDER}/"))
            .and_then(|name| name.strip_suffix(".yml"));
        if file.relative == SETTINGS_FILE {
            input.settings = Some(file);
        } else if let Some(code) = language {
            input.languages.insert(code.to_owned(), file);
        } else if file.relative.ends_with(".md") {
            input.pages.push(file);
        }
    }
    let public = root.join("public");
    let (assets, problems) = walk::files(root, &public, "public");
    input.problems.extend(problems);
    input.public_files = assets
        .iter()
        .map(|p| format!("/{}", relative_path(&public, p)))
        .collect();
    Ok(input)
}

/// A page with what the site-wide checks need to know about it.
pub struct PageDraft {
    pub page: Page,
    pub relative: String,
    pub links: Vec<LinkRef>,
    pub ids: HashSet<String>,
    /// Where each front matter key was written.
    pub positions: HashMap<&'static str, Position>,
}

impl PageDraft {
    /// Where the front matter key `key` was written (the file's start if it was not).
    pub fn position(&self, key: &str) -> Position {
        self.positions.get(key).copied().unwrap_or(Position::START)
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
        read_language_files(input, settings.as_ref(), &languages, &mut diagnostics);

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
        resolve_settings(
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

/// The language file of every language in the settings, in their order.
fn read_language_files(
    input: &Input,
    settings: Option<&site_config::Settings>,
    languages: &[String],
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Option<languages::LanguageFile>> {
    for (code, file) in &input.languages {
        if !languages.contains(code) {
            diagnostics.push(
                Diagnostic::warning(
                    &file.shown,
                    Position::START,
                    format!("`{code}` is not one of the site's languages"),
                )
                .with_hint(format!(
                    "add it to `languages` in content/{SETTINGS_FILE}, or remove this file"
                )),
            );
        }
    }
    languages
        .iter()
        .map(|code| match input.languages.get(code) {
            Some(file) => decode(file, diagnostics).and_then(|text| languages::read(&file.shown, text, diagnostics)),
            None => {
                let at = settings.map_or(Position::START, |s| s.languages_at);
                diagnostics.push(
                    Diagnostic::error(
                        &format!("content/{SETTINGS_FILE}"),
                        at,
                        format!("the language `{code}` has no file content/{LANGUAGES_FOLDER}/{code}.yml"),
                    )
                    .with_hint(format!("copy content/{LANGUAGES_FOLDER}/en.yml and translate it")),
                );
                None
            }
        })
        .collect()
}

/// The language a file's folder gives (`es/about.md` -> `es`), if its first folder is one of the
/// site's languages.
fn folder_language<'a>(relative: &str, languages: &'a [String]) -> Option<&'a str> {
    let (first, _) = relative.split_once('/')?;
    languages
        .iter()
        .skip(1)
        .find(|l| *l == first)
        .map(String::as_str)
}

fn compile_page(
    file: &SourceFile,
    languages: &[String],
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<PageDraft> {
    let text = decode(file, diagnostics)?;
    let path = file.shown.as_str();
    check_mojibake(path, text, diagnostics);
    let split = match front_matter::split(path, text) {
        Ok(split) => split,
        Err(d) => {
            diagnostics.push(d);
            return None;
        }
    };
    let default_lang = languages
        .first()
        .map_or(crate::model::DEFAULT_LANG, String::as_str);
    let folder_lang = folder_language(&file.relative, languages).unwrap_or(default_lang);
    // The body is read even when the front matter is wrong, so one run reports both.
    let meta = front_matter::read(path, &split, folder_lang, diagnostics);
    let mut body = markdown::parse(path, split.body, split.body_line, diagnostics);
    let ids = collect_ids(path, &mut body.blocks, &body.headings, diagnostics);
    let front_matter::Meta { meta, positions } = meta?;
    if !languages.contains(&meta.lang) {
        let at = positions.get("lang").copied().unwrap_or(Position::START);
        diagnostics.push(
            Diagnostic::error(
                path,
                at,
                format!(
                    "`{}` is not one of the site's languages ({})",
                    meta.lang,
                    languages.join(", ")
                ),
            )
            .with_hint(format!(
                "add it to `languages` in content/{SETTINGS_FILE}, or correct the page's `lang`"
            )),
        );
        return None;
    }
    let route = match &meta.permalink {
        Some(permalink) => routes::canonical(permalink),
        None => routes::route_for_file(&file.relative, &meta.lang, default_lang),
    };
    if let Some(problem) = routes::address_problem(&route) {
        diagnostics.push(
            Diagnostic::error(
                path,
                Position::START,
                format!(
                    "the file's name makes the address `{route}`, which cannot be one: {problem}"
                ),
            )
            .with_hint("rename the file with letters, digits and `-`, or give it a `permalink`"),
        );
        return None;
    }
    Some(PageDraft {
        page: Page {
            route,
            source: file.shown.clone(),
            meta,
            translations: Vec::new(),
            sections: sections(body.blocks),
        },
        relative: file.relative.clone(),
        links: body.links,
        ids,
        positions,
    })
}

/// The site's settings and the interface's words in every language, with the settings'
/// references to content files turned into addresses. `files` lists every content file, so that
/// a page that exists but failed to compile is not reported a second time as missing.
fn resolve_settings(
    settings: site_config::Settings,
    languages: &[String],
    homes: &[Option<String>],
    language_files: Vec<Option<languages::LanguageFile>>,
    drafts: &[PageDraft],
    files: &[&str],
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(SiteConfig, Vec<UiText>)> {
    let settings_file = format!("content/{SETTINGS_FILE}");
    let find = |relative: &str, at: Position, diagnostics: &mut Vec<Diagnostic>| {
        let found = drafts.iter().find(|d| d.relative == relative);
        if found.is_none() && !files.contains(&relative) {
            diagnostics.push(
                Diagnostic::error(
                    &settings_file,
                    at,
                    format!("there is no page `content/{relative}`"),
                )
                .with_hint(match did_you_mean(relative, files) {
                    Some(close) => format!("did you mean `{close}`?"),
                    None => format!("the pages are: {}", files.join(", ")),
                }),
            );
        }
        found
    };
    let home = find(&settings.home, settings.home_at, diagnostics)?;
    if home.page.meta.lang != languages[0] {
        diagnostics.push(Diagnostic::error(
            &settings_file,
            settings.home_at,
            format!(
                "the home page must be in the default language `{}`",
                languages[0]
            ),
        ));
    }
    for (code, home) in languages.iter().zip(homes).skip(1) {
        if home.is_none() {
            diagnostics.push(
                Diagnostic::warning(
                    &settings_file,
                    settings.home_at,
                    format!("there is no `{code}` home page, so /{code}/ shows \"page not found\""),
                )
                .with_hint(format!(
                    "translate content/{} into `{code}` with the same `lang-ref`",
                    settings.home
                )),
            );
        }
    }
    let targets: Vec<Option<&PageDraft>> = settings
        .nav
        .iter()
        .map(|entry| match &entry.target {
            site_config::NavTarget::Page(relative) => find(relative, entry.at, diagnostics),
            site_config::NavTarget::Url(_) => None,
        })
        .collect();

    let mut config = SiteConfig {
        name: settings.name,
        base_url: settings.url,
        languages: Vec::new(),
    };
    let mut ui = Vec::new();
    for ((code, home), file) in languages.iter().zip(homes).zip(language_files) {
        let Some(file) = file else { continue };
        let mut text = file.text;
        text.lang = code.clone();
        for (entry, target) in settings.nav.iter().zip(&targets) {
            let href = match (&entry.target, target) {
                (site_config::NavTarget::Url(url), _) => url.clone(),
                (_, Some(draft)) => {
                    let translation = draft.page.translations.iter().find(|t| t.lang == *code);
                    translation
                        .or(draft
                            .page
                            .translations
                            .iter()
                            .find(|t| t.lang == draft.page.meta.lang))
                        .map_or_else(|| draft.page.route.clone(), |t| t.path.clone())
                }
                (_, None) => continue,
            };
            match file.nav.get(&entry.key) {
                Some(label) => text.nav.push(NavLink {
                    label: label.clone(),
                    href,
                }),
                None => diagnostics.push(
                    Diagnostic::error(
                        &format!("content/{LANGUAGES_FOLDER}/{code}.yml"),
                        file.nav_at,
                        format!("no label for the navigation entry `{}`", entry.key),
                    )
                    .with_hint(format!("add `  {}: ...` under `nav`", entry.key)),
                ),
            }
        }
        config.languages.push(Language {
            code: code.clone(),
            name: file.name,
            home: home.clone(),
        });
        ui.push(text);
    }
    (config.languages.len() == languages.len()).then_some((config, ui))
}

fn relative_path(base: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(base).unwrap_or(path);
    relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}
fn decode<'a>(file: &'a SourceFile, diagnostics: &mut Vec<Diagnostic>) -> Option<&'a str> {
    match std::str::from_utf8(&file.bytes) {
        Ok(text) => Some(text),
        Err(error) => {
            let valid = &file.bytes[..error.valid_up_to()];
            let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
            let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            let column = String::from_utf8_lossy(&valid[line_start..])
                .chars()
                .count()
                + 1;
            diagnostics.push(
                Diagnostic::error(
                    &file.shown,
                    Position::new(line, column),
                    "the file is not valid UTF-8",
                )
                .with_hint("save the file as UTF-8 in your editor"),
            );
            None
        }
    }
}
fn check_mojibake(file: &str, text: &str, diagnostics: &mut Vec<Diagnostic>) {
    for (n, line) in text.lines().enumerate() {
        for found in mojibake::find(line) {
            diagnostics.push(
                Diagnostic::error(
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
                )),
            );
        }
    }
}
/// Every id of a page, for links to its `#anchors`; two headings with one id are an error.
fn collect_ids(
    file: &str,
    blocks: &mut [Block],
    positions: &[Position],
    diagnostics: &mut Vec<Diagnostic>,
) -> HashSet<String> {
    let mut headings = Vec::new();
    let mut other_ids = Vec::new();
    visit_blocks(blocks, &mut |block| match block {
        Block::Heading(heading) => {
            // The Markdown compiler gave every heading its id, as kramdown does.
            headings.push(heading.attrs.id.clone());
            ids_in(block, &mut other_ids);
        }
        other => ids_in(other, &mut other_ids),
    });
    let mut seen: HashMap<String, Position> = HashMap::new();
    let mut ids = HashSet::new();
    for (n, id) in headings.into_iter().enumerate() {
        let Some(id) = id else { continue };
        let at = positions.get(n).copied().unwrap_or(Position::START);
        if let Some(first) = seen.get(&id) {
            diagnostics.push(
                Diagnostic::error(file, at, format!("two headings have the id `{id}`"))
                    .with_hint(format!(
                        "the first is on line {}; give this one another id with `{{: #another-id}}` on the line after it",
                        first.line
                    )),
            );
        } else {
            seen.insert(id.clone(), at);
        }
        ids.insert(id);
    }
    ids.extend(other_ids);
    ids
}
/// The ids a block and the inline content directly in it carry, for links to `#anchors`
/// (the blocks inside it are visited on their own).
fn ids_in(block: &Block, out: &mut Vec<String>) {
    match block {
        Block::Heading(heading) => inline_ids(&heading.content, out),
        Block::Paragraph { attrs, content } => {
            out.extend(attrs.id.clone());
            inline_ids(content, out);
        }
        Block::Plain { content } => inline_ids(content, out),
        Block::Rule { attrs } | Block::Code { attrs, .. } | Block::Quote { attrs, .. } => {
            out.extend(attrs.id.clone())
        }
        Block::List(list) => {
            out.extend(list.attrs.id.clone());
            out.extend(list.items.iter().filter_map(|item| item.attrs.id.clone()));
        }
        Block::Table(table) => {
            out.extend(table.attrs.id.clone());
            let rows = table
                .head
                .iter()
                .chain(table.bodies.iter().flatten())
                .chain(&table.foot);
            for cell in rows.flatten() {
                inline_ids(cell, out);
            }
        }
        Block::ButtonRow(row) => out.extend(row.buttons.iter().filter_map(|b| b.attrs.id.clone())),
        Block::Element(element) => {
            out.extend(element.attrs.id.clone());
            if let ElementContent::Inlines(content) = &element.content {
                inline_ids(content, out);
            }
        }
    }
}

fn inline_ids(content: &[Inline], out: &mut Vec<String>) {
    for inline in content {
        match inline {
            Inline::Emphasis { attrs, content } | Inline::Strong { attrs, content } => {
                out.extend(attrs.id.clone());
                inline_ids(content, out);
            }
            Inline::Code { attrs, .. } => out.extend(attrs.id.clone()),
            Inline::Image(image) => out.extend(image.attrs.id.clone()),
            Inline::Link(link) => {
                out.extend(link.attrs.id.clone());
                inline_ids(&link.content, out);
            }
            Inline::Strikethrough { content } => inline_ids(content, out),
            Inline::Element(element) => {
                out.extend(element.attrs.id.clone());
                if let ElementContent::Inlines(content) = &element.content {
                    inline_ids(content, out);
                }
            }
            Inline::Text { .. } | Inline::LineBreak => {}
        }
    }
}

fn visit_blocks(blocks: &mut [Block], f: &mut dyn FnMut(&mut Block)) {
    for block in blocks {
        f(block);
        match block {
            Block::List(list) => {
                for item in &mut list.items {
                    visit_blocks(&mut item.blocks, f);
                }
            }
            Block::Quote { blocks, .. } => visit_blocks(blocks, f),
            Block::Element(HtmlElement {
                content: ElementContent::Blocks(blocks),
                ..
            }) => visit_blocks(blocks, f),
            _ => {}
        }
    }
}
fn sections(blocks: Vec<Block>) -> Vec<Section> {
    let mut sections = vec![Section {
        heading: None,
        blocks: Vec::new(),
    }];
    for block in blocks {
        match block {
            Block::Heading(heading @ Heading { level: 2, .. }) => sections.push(Section {
                heading: Some(heading),
                blocks: Vec::new(),
            }),
            block => sections.last_mut().expect("never empty").blocks.push(block),
        }
    }
    if sections[0].blocks.is_empty() {
        sections.remove(0);
    }
    sections
}

#[cfg(test)]
mod tests;
