//! The content compiler: `content/*.md` and `content/site.yml` -> the checked page model.
//!
//! It runs at build time only (it is not part of the WebAssembly). Loading and checking are kept
//! apart from rendering: this module knows Markdown and YAML, and hands over plain [`Site`] data.
//! Every problem found becomes a [`Diagnostic`] naming the file, line and column; all of them are
//! collected in one run, and any error means no site is produced.

pub mod attributes;
pub mod diagnostics;
pub mod front_matter;
pub mod heading_ids;
pub mod links;
pub mod markdown;
pub mod mojibake;
pub mod site_config;
pub mod yaml;

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::Path;

use diagnostics::{Diagnostic, Position, did_you_mean};
use heading_ids::HeadingIds;
use markdown::LinkRef;

use crate::model::{
    Attrs, Block, Heading, LinkTarget, NavLink, Page, Section, Site, SiteConfig, plain_text,
};
use crate::routes::{self, DEFAULT_LANG};

/// The site settings file, inside the content folder.
pub const SETTINGS_FILE: &str = "site.yml";

/// Everything the compiler reads, so that it can be fed from disk or from a test.
#[derive(Clone, Debug, Default)]
pub struct Input {
    /// `content/site.yml`, if it exists.
    pub settings: Option<SourceFile>,
    /// Every `.md` file under `content/`.
    pub pages: Vec<SourceFile>,
    /// Every file under `public/`, as the site path it is served at (`/assets/moss.jpg`).
    pub public_files: BTreeSet<String>,
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
    let mut files = Vec::new();
    walk(&content, &mut files)?;
    files.sort();
    for path in files {
        let relative = relative_path(&content, &path);
        let file = SourceFile {
            shown: format!("content/{relative}"),
            bytes: std::fs::read(&path)?,
            relative,
        };
        if file.relative == SETTINGS_FILE {
            input.settings = Some(file);
        } else if file.relative.ends_with(".md") {
            input.pages.push(file);
        }
    }
    let public = root.join("public");
    let mut assets = Vec::new();
    if public.is_dir() {
        walk(&public, &mut assets)?;
    }
    input.public_files = assets
        .iter()
        .map(|p| format!("/{}", relative_path(&public, p)))
        .collect();
    Ok(input)
}

fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

fn relative_path(base: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(base).unwrap_or(path);
    relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// A page with what the site-wide checks need to know about it.
struct PageDraft {
    page: Page,
    relative: String,
    links: Vec<LinkRef>,
    ids: HashSet<String>,
    background_at: Position,
}

/// Compiles and checks the whole site.
pub fn compile(input: &Input) -> Compiled {
    let mut diagnostics = Vec::new();
    let settings = match &input.settings {
        Some(file) => decode(file, &mut diagnostics)
            .and_then(|text| site_config::read(&file.shown, text, &mut diagnostics)),
        None => {
            diagnostics.push(
                Diagnostic::error(
                    &format!("content/{SETTINGS_FILE}"),
                    Position::START,
                    "the site settings file is missing",
                )
                .with_hint("create it with `name`, `url`, `home` and `nav`; see README.md"),
            );
            None
        }
    };
    let mut drafts: Vec<PageDraft> = input
        .pages
        .iter()
        .filter_map(|file| compile_page(file, &mut diagnostics))
        .collect();
    drafts.sort_by(|a, b| a.page.route.cmp(&b.page.route));

    check_routes(&drafts, &mut diagnostics);
    check_links(
        &drafts,
        settings.as_ref(),
        &input.public_files,
        &mut diagnostics,
    );
    check_backgrounds(&drafts, &input.public_files, &mut diagnostics);
    let all_files: Vec<&str> = input.pages.iter().map(|f| f.relative.as_str()).collect();
    let config = settings.and_then(|s| resolve_settings(s, &drafts, &all_files, &mut diagnostics));

    diagnostics.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    let site = match config {
        Some(config) if !diagnostics.iter().any(Diagnostic::is_error) => Some(Site {
            config,
            pages: drafts.into_iter().map(|d| d.page).collect(),
        }),
        _ => None,
    };
    Compiled { site, diagnostics }
}

/// The file's text, or an error at the first byte that is not UTF-8.
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

/// The language a file's folder gives (`es/about.md` -> `es`), if its first folder is a language.
fn folder_language(relative: &str) -> Option<&str> {
    let (first, _) = relative.split_once('/')?;
    let is_tag = (2..=3).contains(&first.len()) && first.chars().all(|c| c.is_ascii_lowercase());
    is_tag.then_some(first)
}

fn compile_page(file: &SourceFile, diagnostics: &mut Vec<Diagnostic>) -> Option<PageDraft> {
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
    let folder_lang = folder_language(&file.relative).unwrap_or(DEFAULT_LANG);
    // The body is read even when the front matter is wrong, so one run reports both.
    let meta = front_matter::read(path, &split, folder_lang, diagnostics);
    let mut body = markdown::parse(path, split.body, split.body_line, diagnostics);
    let ids = assign_heading_ids(path, &mut body.blocks, &body.headings, diagnostics);
    let front_matter::Meta { meta, positions } = meta?;
    let route = match &meta.permalink {
        Some(permalink) => routes::canonical(permalink),
        None => routes::route_for_file(&file.relative, &meta.lang),
    };
    Some(PageDraft {
        background_at: positions
            .get("background")
            .copied()
            .unwrap_or(Position::START),
        page: Page {
            route,
            source: file.shown.clone(),
            meta,
            sections: sections(body.blocks),
        },
        relative: file.relative.clone(),
        links: body.links,
        ids,
    })
}

/// Gives every heading without an id one made from its text, and returns every id on the page.
/// Two elements with one id on a page are an error: links to it could only reach the first.
fn assign_heading_ids(
    file: &str,
    blocks: &mut [Block],
    positions: &[Position],
    diagnostics: &mut Vec<Diagnostic>,
) -> HashSet<String> {
    let mut generator = HeadingIds::default();
    let mut headings = Vec::new();
    let mut other_ids = Vec::new();
    visit_blocks(blocks, &mut |block| match block {
        Block::Heading(heading) => {
            if heading.attrs.id.is_none() {
                heading.attrs.id = generator.next(&plain_text(&heading.content));
            }
            headings.push(heading.attrs.id.clone());
        }
        other => other_ids.extend(block_id(other)),
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

fn block_id(block: &Block) -> Option<String> {
    let attrs: &Attrs = match block {
        Block::Paragraph { attrs, .. }
        | Block::Rule { attrs }
        | Block::Code { attrs, .. }
        | Block::Quote { attrs, .. } => attrs,
        Block::List(list) => &list.attrs,
        Block::Table(table) => &table.attrs,
        _ => return None,
    };
    attrs.id.clone()
}

/// Calls `f` on every block, depth first, in document order.
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
            _ => {}
        }
    }
}

/// Cuts the body into sections at its level-2 headings.
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

fn check_routes(drafts: &[PageDraft], diagnostics: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<String, &PageDraft> = HashMap::new();
    for draft in drafts {
        let key = routes::route_key(&draft.page.route);
        match seen.get(&key) {
            Some(first) => diagnostics.push(
                Diagnostic::error(
                    &draft.page.source,
                    Position::START,
                    format!(
                        "this page and {} are both at `{}`",
                        first.page.source, draft.page.route
                    ),
                )
                .with_hint("rename one of the files or give one a different `permalink`"),
            ),
            None => {
                seen.insert(key, draft);
            }
        }
    }
}

fn check_links(
    drafts: &[PageDraft],
    settings: Option<&site_config::Settings>,
    public_files: &BTreeSet<String>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let mut by_route: HashMap<String, &PageDraft> = drafts
        .iter()
        .map(|d| (routes::route_key(&d.page.route), d))
        .collect();
    if let Some(home) = settings.and_then(|s| drafts.iter().find(|d| d.relative == s.home)) {
        by_route.insert("/".to_owned(), home);
    }
    let mut known_routes: Vec<&str> = drafts.iter().map(|d| d.page.route.as_str()).collect();
    known_routes.sort_unstable();

    for draft in drafts {
        let file = draft.page.source.as_str();
        for link in &draft.links {
            let target = if link.is_image {
                LinkTarget::File
            } else {
                links::classify(&link.href)
            };
            match target {
                LinkTarget::External => check_external(file, link, diagnostics),
                LinkTarget::Anchor => {
                    let fragment = links::fragment_of(&link.href).unwrap_or("");
                    check_anchor(file, link.at, fragment, draft, "this page", diagnostics);
                }
                LinkTarget::File => {
                    let path = links::resolve(&draft.page.route, links::path_of(&link.href));
                    if !link.href.starts_with("data:")
                        && !public_files.contains(&percent_decode(&path))
                    {
                        diagnostics.push(
                            Diagnostic::error(
                                file,
                                link.at,
                                format!("`{}` links to a file that does not exist", link.href),
                            )
                            .with_hint(format!(
                                "put the file at `public{path}`, or correct the path"
                            )),
                        );
                    }
                }
                LinkTarget::Page => {
                    let path = links::resolve(&draft.page.route, links::path_of(&link.href));
                    match by_route.get(&routes::route_key(&path)) {
                        Some(target) => {
                            if let Some(fragment) = links::fragment_of(&link.href) {
                                check_anchor(
                                    file,
                                    link.at,
                                    fragment,
                                    target,
                                    &target.page.source,
                                    diagnostics,
                                );
                            }
                        }
                        None => {
                            let close = did_you_mean(&routes::canonical(&path), &known_routes);
                            diagnostics.push(
                                Diagnostic::error(
                                    file,
                                    link.at,
                                    format!("`{}` links to a page that does not exist", link.href),
                                )
                                .with_hint(match close {
                                    Some(route) => format!("did you mean `{route}`?"),
                                    None => {
                                        format!("the pages are at: {}", known_routes.join(", "))
                                    }
                                }),
                            );
                        }
                    }
                }
            }
        }
    }
}

fn check_anchor(
    file: &str,
    at: Position,
    fragment: &str,
    target: &PageDraft,
    target_name: &str,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let fragment = percent_decode(fragment);
    if target.ids.contains(&fragment) {
        return;
    }
    let mut ids: Vec<&str> = target.ids.iter().map(String::as_str).collect();
    ids.sort_unstable();
    let hint = match did_you_mean(&fragment, &ids) {
        Some(close) => format!("did you mean `#{close}`?"),
        None if ids.is_empty() => format!("{target_name} has no headings to link to"),
        None => format!("the ids on {target_name} are: {}", ids.join(", ")),
    };
    diagnostics.push(
        Diagnostic::error(
            file,
            at,
            format!("`#{fragment}` is not an id on {target_name}"),
        )
        .with_hint(hint),
    );
}

fn check_external(file: &str, link: &LinkRef, diagnostics: &mut Vec<Diagnostic>) {
    let href = link.href.as_str();
    let scheme = links::scheme(href);
    let web = matches!(scheme.as_deref(), Some("http" | "https")) || href.starts_with("//");
    let host = href
        .split_once("//")
        .map(|(_, rest)| rest.split(['/', '?', '#']).next().unwrap_or(""));
    let bad = href.contains(char::is_whitespace)
        || (web && host.is_none_or(|h| h.is_empty() || h.contains(['<', '>', '"'])));
    if bad {
        diagnostics.push(
            Diagnostic::error(file, link.at, format!("`{href}` is not a valid address"))
                .with_hint("write a full address such as `https://www.specifysoftware.org/`"),
        );
    }
}

fn check_backgrounds(
    drafts: &[PageDraft],
    public_files: &BTreeSet<String>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    for draft in drafts {
        let Some(background) = &draft.page.meta.background else {
            continue;
        };
        if background.starts_with("https://") {
            continue;
        }
        if !background.starts_with('/') || !public_files.contains(background) {
            diagnostics.push(
                Diagnostic::error(
                    &draft.page.source,
                    draft.background_at,
                    format!("the background image `{background}` does not exist"),
                )
                .with_hint(format!(
                    "put the image at `public{}` and write its path from the site root, such as `/assets/images/moss.jpg`",
                    if background.starts_with('/') { background.clone() } else { format!("/{background}") }
                )),
            );
        }
    }
}

/// Turns the settings' references to content files into routes. `files` lists every content file,
/// so that a page that exists but failed to compile is not reported a second time as missing.
fn resolve_settings(
    settings: site_config::Settings,
    drafts: &[PageDraft],
    files: &[&str],
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<SiteConfig> {
    let file = format!("content/{SETTINGS_FILE}");
    let find = |relative: &str, at: Position, diagnostics: &mut Vec<Diagnostic>| {
        let found = drafts.iter().find(|d| d.relative == relative);
        if found.is_none() && !files.contains(&relative) {
            diagnostics.push(
                Diagnostic::error(&file, at, format!("there is no page `content/{relative}`"))
                    .with_hint(match did_you_mean(relative, files) {
                        Some(close) => format!("did you mean `{close}`?"),
                        None => format!("the pages are: {}", files.join(", ")),
                    }),
            );
        }
        found
    };
    let home = find(&settings.home, settings.home_at, diagnostics)?
        .page
        .route
        .clone();
    let mut nav = Vec::new();
    for entry in &settings.nav {
        let href = match &entry.target {
            site_config::NavTarget::Url(url) => url.clone(),
            site_config::NavTarget::Page(relative) => match find(relative, entry.at, diagnostics) {
                Some(draft) if draft.page.route == home => "/".to_owned(),
                Some(draft) => draft.page.route.clone(),
                None => continue,
            },
        };
        nav.push(NavLink {
            label: entry.label.clone(),
            href,
        });
    }
    Some(SiteConfig {
        name: settings.name,
        base_url: settings.url,
        home,
        nav,
    })
}

/// `%20` and friends decoded, for comparing link paths with file names.
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests;
