//! One page compiled on its own: its front matter read, its body parsed, its address decided,
//! before the checks that need every page (links, translations).

use std::collections::{HashMap, HashSet};

use super::body::{Block, Heading, Section};
use super::diagnostics::{Diagnostic, Position};
use super::input::{SETTINGS_FILE, SourceFile};
use super::markdown::{self, LinkRef};
use super::site::Page;
use super::{front_matter, ids, mojibake};
use crate::routes;

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

pub(super) fn compile_page(
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
    let body = markdown::parse(path, split.body, split.body_line, diagnostics);
    let ids = ids::collect(path, &body.blocks, &body.headings, diagnostics);
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

pub(super) fn decode<'a>(
    file: &'a SourceFile,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<&'a str> {
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
