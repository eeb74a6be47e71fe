//! What the blocks of one page are read with ([`Composer`]), and where each value a block reads
//! was written ([`Written`]): its key in the page's front matter, or its file and key in `_data`,
//! so that a problem is reported where it is written. Text values are rendered (the theme
//! `liquify`s what it shows) and Markdown values parsed here, their links noted for the checks.

use liquid::model::Value;

use crate::content::body::{Block, Inline};
use crate::content::diagnostics::{Diagnostic, Position};
use crate::content::links::{self, LinkRef, Use};
use crate::content::markdown::Body;
use crate::content::values::text_at;

/// What the blocks of one page are read with.
pub struct Composer<'a> {
    pub file: &'a str,
    /// The page's front matter (defaults applied, Liquid rendered).
    pub page: &'a Value,
    /// Where the page's front matter keys were written.
    pub position: &'a dyn Fn(&str) -> Position,
    /// `site.data`.
    pub data: &'a Value,
    /// Where a value of `site.data` was written (`examples.stats.title`): its file and position.
    pub data_position: &'a dyn Fn(&str) -> Option<(String, Position)>,
    /// Renders Liquid in a value of the page or its data, as the theme's `liquify` does.
    pub liquify: &'a mut dyn FnMut(&str, Position, &mut Vec<Diagnostic>) -> String,
    /// Parses Markdown written at a position.
    pub markdown: &'a mut dyn FnMut(&str, Position, &mut Vec<Diagnostic>) -> Body,
    /// The news archive's address in the page's language, for category tags.
    pub archive: Option<String>,
    /// A post's date, as the page's language writes it.
    pub date: Option<String>,
    /// The page's address and language, for its lists of posts.
    pub url: String,
    pub lang: String,
    /// How many posts the latest posts show (`algae.latestPostLimit`).
    pub latest_limit: usize,
    /// Marks a problem Jekyll tolerates: a warning, or an error under `strict: true`.
    pub tolerated: &'a dyn Fn(Diagnostic) -> Diagnostic,
    /// Every link of the blocks written in the page, for the checks that look at all of them.
    pub links: Vec<LinkRef>,
    /// The links of the blocks written in `_data` files, with their files.
    pub data_links: Vec<(String, LinkRef)>,
    /// The hosts of the players the blocks embed.
    pub frames: Vec<String>,
}

/// Where a value a block reads was written, for messages about it: its position and key path
/// (`composition.2.inlineData` in the page's front matter, `examples.stats` in `site.data`), and
/// its file when that is not the page's (a `_data` file), so that a problem with one of its keys
/// is reported where that key is written.
#[derive(Clone, Debug)]
pub struct Written {
    pub at: Position,
    pub path: Option<String>,
    pub file: Option<String>,
}

impl Written {
    /// Somewhere only known as `at` in the page.
    pub fn at(at: Position) -> Written {
        Written {
            at,
            path: None,
            file: None,
        }
    }

    /// The value at the dotted path `path` of `site.data`, if its file is known.
    pub fn in_data(composer: &Composer, path: &str) -> Option<Written> {
        let (file, at) = (composer.data_position)(path)?;
        Some(Written {
            at,
            path: Some(path.to_owned()),
            file: Some(file),
        })
    }

    /// The page's front matter key `path`.
    pub fn in_page(composer: &Composer, path: &str) -> Written {
        Written {
            at: (composer.position)(path),
            path: Some(path.to_owned()),
            file: None,
        }
    }

    /// Where `key` (a dotted path below this value: `features.0`) was written.
    pub fn key(&self, composer: &Composer, key: &str) -> Written {
        let Some(path) = &self.path else {
            return self.clone();
        };
        let path = if path.is_empty() {
            key.to_owned()
        } else {
            format!("{path}.{key}")
        };
        match &self.file {
            Some(_) => Written::in_data(composer, &path).unwrap_or_else(|| self.clone()),
            None => Written::in_page(composer, &path),
        }
    }

    /// The address `href` written here, checked (`links::refusal`: an unsafe one is an error
    /// where it is written, and `None`) and noted for the site-wide checks.
    pub fn link(
        &self,
        composer: &mut Composer,
        href: String,
        used: Use,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Option<String> {
        let file = self.file.as_deref().unwrap_or(composer.file);
        if let Some(refusal) = links::refusal(&href, used, file, self.at) {
            diagnostics.push(refusal);
            return None;
        }
        let link = LinkRef {
            href: href.clone(),
            at: self.at,
            used,
        };
        self.note_links(composer, [link]);
        Some(href)
    }

    /// Notes links found in what is written here (Markdown), each at its own place: with the
    /// page's links, or with the links of this value's data file.
    pub fn note_links(&self, composer: &mut Composer, links: impl IntoIterator<Item = LinkRef>) {
        match &self.file {
            Some(file) => composer
                .data_links
                .extend(links.into_iter().map(|link| (file.clone(), link))),
            None => composer.links.extend(links),
        }
    }

    /// Runs `step`, whose messages name the page's file, naming this value's own file in them
    /// instead when it has one.
    pub fn report<T>(
        &self,
        diagnostics: &mut Vec<Diagnostic>,
        step: impl FnOnce(&mut Vec<Diagnostic>) -> T,
    ) -> T {
        let Some(file) = &self.file else {
            return step(diagnostics);
        };
        let mut own = Vec::new();
        let out = step(&mut own);
        diagnostics.extend(own.into_iter().map(|d| Diagnostic {
            file: file.clone(),
            ..d
        }));
        out
    }
}

/// The text of `value`'s `key` (`value` written as `written` says) with its Liquid rendered (the
/// theme `liquify`s what it shows), and where it was written.
pub fn liquid_text(
    composer: &mut Composer,
    value: &Value,
    key: &str,
    written: &Written,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(String, Written)> {
    let raw = text_at(value, key)?;
    let written = written.key(composer, key);
    let rendered = written.report(diagnostics, |d| (composer.liquify)(&raw, written.at, d));
    let rendered = rendered.trim().to_owned();
    (!rendered.is_empty()).then_some((rendered, written))
}

/// Markdown (written as `written` says) as blocks, its links noted.
pub fn markdown_blocks(
    composer: &mut Composer,
    text: &str,
    written: &Written,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Block> {
    let parsed = written.report(diagnostics, |d| (composer.markdown)(text, written.at, d));
    written.note_links(composer, parsed.links);
    composer.frames.extend(parsed.frames);
    parsed.blocks
}

/// Markdown drawn inline: a single paragraph's content (as the theme's titles read).
pub fn markdown_inline(
    composer: &mut Composer,
    text: &str,
    written: &Written,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Inline> {
    let blocks = markdown_blocks(composer, text, written, diagnostics);
    match blocks.as_slice() {
        [Block::Paragraph { content, .. }] | [Block::Plain { content }] => content.clone(),
        [] => Vec::new(),
        _ => vec![Inline::text(
            crate::content::body::text::plain_text_of_blocks(&blocks),
        )],
    }
}
