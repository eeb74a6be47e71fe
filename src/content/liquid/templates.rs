//! The site's templates: the language they are read in, and every include, each read once (and
//! its problems reported once) the first time a page uses it. Every text is checked for blocks
//! nested too deep before liquid reads it, and a panic while reading becomes an error.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{Arc, Mutex};

use liquid_core::{Error, Language, Result, Template};

use super::errors::{liquid_error, position_in};
use super::jekyll_site::{JekyllSite, SiteTemplates};
use super::language::{block_names, filter_names, filter_uses, language};
use super::nesting;
use super::tags::include::quote_include_paths;
use crate::content::diagnostics::{Diagnostic, Position};
use crate::content::limits::MAX_NESTING;
use crate::content::panics;

/// An include's text, and its file as messages name it.
struct IncludeFile {
    shown: String,
    text: String,
}

/// The site's language and includes.
pub struct Templates {
    site: Arc<JekyllSite>,
    language: Language,
    known_filters: BTreeSet<String>,
    includes: BTreeMap<String, IncludeFile>,
    /// The includes read so far, or why one cannot be.
    read: Mutex<HashMap<String, std::result::Result<Arc<Template>, String>>>,
    /// What reading includes found, for the render that first used each.
    problems: Mutex<Vec<Diagnostic>>,
}

/// The message of a template nested too deeply, for `errors::liquid_error`.
pub const TOO_DEEP: &str = "blocks nested more than 100 deep";

impl Templates {
    /// The templates of a site whose includes are `(path in _includes, file as shown, text)`.
    pub fn new(site: Arc<JekyllSite>, includes: Vec<(String, String, String)>) -> Arc<Self> {
        let language = language(&site, &[]);
        let templates = Arc::new(Templates {
            known_filters: filter_names(&language),
            language,
            includes: includes
                .into_iter()
                .map(|(name, shown, text)| {
                    let text = quote_include_paths(&text).into_owned();
                    (name, IncludeFile { shown, text })
                })
                .collect(),
            read: Mutex::default(),
            problems: Mutex::default(),
            site: site.clone(),
        });
        let weak: std::sync::Weak<dyn SiteTemplates> = Arc::downgrade(&templates) as _;
        let _ = site.templates.set(weak);
        templates
    }

    /// What the tags and filters know of the site.
    pub fn site(&self) -> &JekyllSite {
        &self.site
    }

    /// The filters `text` uses that the language does not have, with where each is written.
    pub fn unknown_filters(&self, text: &str) -> Vec<(String, usize)> {
        filter_uses(text)
            .into_iter()
            .filter(|(name, _)| !self.known_filters.contains(name))
            .collect()
    }

    /// Reads `text` as a template, its `unknown` filters passing their input through.
    pub fn compile_with(&self, text: &str, unknown: &[String]) -> Result<Template> {
        if nesting::too_deep(text, &block_names()).is_some() {
            return Err(Error::with_msg(TOO_DEEP));
        }
        let fresh;
        let language = if unknown.is_empty() {
            &self.language
        } else {
            fresh = language(&self.site, unknown);
            &fresh
        };
        match panics::caught(|| liquid_core::parser::parse(text, language)) {
            Ok(elements) => Ok(Template::new(elements?)),
            Err(panic) => Err(Error::with_msg(format!(
                "the `liquid` crate stopped reading it: {panic}"
            ))),
        }
    }

    /// Reads `text` as a template, whatever filters it uses (for `liquify`).
    pub fn compile(&self, text: &str) -> Result<Template> {
        let unknown: Vec<String> = self
            .unknown_filters(text)
            .into_iter()
            .map(|(name, _)| name)
            .collect();
        self.compile_with(text, &unknown)
    }

    /// The include at `name` in `_includes`, read the first time it is asked for.
    pub fn include(&self, name: &str) -> Result<Arc<Template>> {
        if let Some(read) = self
            .read
            .lock()
            .ok()
            .and_then(|read| read.get(name).cloned())
        {
            return read.map_err(Error::with_msg);
        }
        let read = self.read_include(name);
        if let Ok(mut cache) = self.read.lock() {
            cache.insert(name.to_owned(), read.clone());
        }
        read.map_err(Error::with_msg)
    }

    fn read_include(&self, name: &str) -> std::result::Result<Arc<Template>, String> {
        let Some(file) = self.includes.get(name) else {
            return Err(format!("the include `{name}` is not in `_includes`"));
        };
        let mut problems = Vec::new();
        let unknown: Vec<String> = self
            .unknown_filters(&file.text)
            .into_iter()
            .map(|(filter, offset)| {
                problems.push(
                    Diagnostic::warning(
                        &file.shown,
                        position_in(&file.text, offset, Position::START),
                        format!("the Liquid filter `{filter}` is unknown, so it is skipped"),
                    )
                    .with_hint("Jekyll skips it too; remove it, or check its spelling"),
                );
                filter
            })
            .collect();
        let read = match nesting::too_deep(&file.text, &block_names()) {
            Some(offset) => {
                problems.push(too_deep(&file.shown, &file.text, offset, Position::START));
                Err(format!(
                    "the include `{name}` cannot be read (see its error)"
                ))
            }
            None => self
                .compile_with(&file.text, &unknown)
                .map(Arc::new)
                .map_err(|error| {
                    problems.push(liquid_error(
                        &file.shown,
                        Position::START,
                        &file.text,
                        &error,
                        "cannot be read",
                    ));
                    format!("the include `{name}` cannot be read (see its error)")
                }),
        };
        if let Ok(mut all) = self.problems.lock() {
            all.extend(problems);
        }
        read
    }

    /// What reading includes found since last asked.
    pub fn take_problems(&self) -> Vec<Diagnostic> {
        self.problems
            .lock()
            .map(|mut problems| std::mem::take(&mut *problems))
            .unwrap_or_default()
    }
}

impl SiteTemplates for Templates {
    fn compile(&self, text: &str) -> Result<Template> {
        Templates::compile(self, text)
    }

    fn include(&self, name: &str) -> Result<Arc<Template>> {
        Templates::include(self, name)
    }
}

/// The error for a template (written at `at` in `file`) nested too deeply at byte `offset`.
pub fn too_deep(file: &str, text: &str, offset: usize, at: Position) -> Diagnostic {
    Diagnostic::error(
        file,
        position_in(text, offset, at),
        format!("Liquid blocks nest more than {MAX_NESTING} deep here (or are not closed)"),
    )
    .with_hint("close each `{% if %}`, `{% for %}`, `{% capture %}` ... with its `{% end... %}`; nest fewer")
}
