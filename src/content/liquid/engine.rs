//! The site's Liquid engine: one parser with Jekyll's tags and filters and the repository's
//! includes, and [`Liquid::render`], which renders as Jekyll does: a filter Jekyll does not have
//! is skipped and a variable that is not defined renders as nothing (each with a warning), and
//! objects are looped over in the order their keys were written.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use liquid::model::Object;

use super::errors::{liquid_error, position_in};
use super::filters::{DrawMarkdown, JekyllSite};
use super::parser;
use super::tags::include::quote_include_paths;
use super::undefined::{define_nil, undefined_path};
use super::written_order::in_written_order;
use crate::content::diagnostics::{Diagnostic, Position};
use crate::content::repository::SourceFile;

/// The site's Liquid engine: one parser, with the repository's `_includes` as partials.
pub struct Liquid {
    site: Arc<JekyllSite>,
    /// The keys of objects of the site's data in the order they were written, by dotted path
    /// (`site.data.images`), for `{% for %}` over them (see [`Liquid::in_written_order`]).
    key_order: std::collections::HashMap<String, Vec<String>>,
    /// Whether what Jekyll tolerates is an error (`strict: true`).
    strict: bool,
    includes: BTreeMap<String, String>,
    /// Filters the engine has, so that a template's others can be reported and skipped.
    known_filters: BTreeSet<String>,
}

impl Liquid {
    /// An engine for a site deployed at `url` under `base`, whose includes are `includes`.
    pub fn new(
        includes: &BTreeMap<String, SourceFile>,
        url: &str,
        base: &str,
        strict: bool,
        draw_markdown: Arc<DrawMarkdown>,
    ) -> Self {
        let includes = includes
            .iter()
            .map(|(name, file)| {
                (
                    name.clone(),
                    String::from_utf8_lossy(&file.bytes).into_owned(),
                )
            })
            .collect();
        let site = Arc::new(JekyllSite {
            base: base.to_owned(),
            url: url.trim_end_matches('/').to_owned(),
            draw_markdown,
            parser: std::sync::OnceLock::new(),
        });
        let mut engine = Liquid {
            site,
            key_order: Default::default(),
            strict,
            includes,
            known_filters: BTreeSet::new(),
        };
        let parser = parser::build(&engine.includes, &engine.site, &[]);
        engine.known_filters = parser::known_filters();
        let _ = engine.site.parser.set(parser);
        engine
    }

    /// Gives the order in which the keys of objects of the data were written, by their dotted
    /// paths under `site.data`.
    pub fn set_key_order(&mut self, order: std::collections::HashMap<String, Vec<String>>) {
        self.key_order = order;
    }

    /// Renders `text`, written at `at` in `file`, with `globals` (`site`, `page`, ...). Problems
    /// are reported as diagnostics; `None` when the template cannot be rendered at all.
    pub fn render(
        &self,
        file: &str,
        at: Position,
        text: &str,
        globals: &Object,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Option<String> {
        if !text.contains("{{") && !text.contains("{%") {
            return Some(text.to_owned());
        }
        let unknown: Vec<(String, usize)> = parser::filter_uses(text)
            .into_iter()
            .filter(|(name, _)| !self.known_filters.contains(name))
            .collect();
        for (name, offset) in &unknown {
            diagnostics.push(
                Diagnostic::warning(
                    file,
                    position_in(text, *offset, at),
                    format!("the Liquid filter `{name}` is unknown, so it is skipped"),
                )
                .with_hint("Jekyll skips it too; remove it, or check its spelling"),
            );
        }
        let names: Vec<String> = unknown.into_iter().map(|(name, _)| name).collect();
        let fresh;
        let parser = if names.is_empty() {
            self.site.parser.get().expect("built in `new`")
        } else {
            fresh = parser::build(&self.includes, &self.site, &names);
            &fresh
        };
        let quoted = quote_include_paths(text);
        let (text, ordered_globals) = in_written_order(&self.key_order, &quoted, globals);
        let text = text.as_ref();
        let globals = ordered_globals.as_ref().unwrap_or(globals);
        let template = match parser.parse(text) {
            Ok(template) => template,
            Err(error) => {
                diagnostics.push(liquid_error(file, at, text, &error, "cannot be read"));
                return None;
            }
        };
        // Jekyll renders a variable that is not defined as nothing; liquid stops at it. Each
        // one it stops at is defined as nil, reported, and the template rendered again.
        let mut globals = std::borrow::Cow::Borrowed(globals);
        let mut undefined: Vec<Vec<String>> = Vec::new();
        for _ in 0..MAX_UNDEFINED {
            match template.render(globals.as_ref()) {
                Ok(rendered) => return Some(rendered),
                Err(error) => {
                    let defined =
                        undefined_path(&error).filter(|path| define_nil(globals.to_mut(), path));
                    let Some(path) = defined else {
                        diagnostics.push(liquid_error(
                            file,
                            at,
                            text,
                            &error,
                            "cannot be rendered",
                        ));
                        return None;
                    };
                    // `a.b.c` with no `a.b` stops at `b`, then at `c`: one problem.
                    let below_another = undefined.iter().any(|d| path.starts_with(d));
                    undefined.push(path.clone());
                    if below_another {
                        continue;
                    }
                    let name = path.last().map_or("", String::as_str);
                    let offset = text.find(name).unwrap_or(0);
                    diagnostics.push(
                        Diagnostic::warning(
                            file,
                            position_in(text, offset, at),
                            format!("`{}` is not defined, so it renders as nothing", path.join(".")),
                        )
                        .with_hint("check the name and the data it comes from (`_data`, front matter, `_config.yml`)")
                        .strict_if(self.strict),
                    );
                }
            }
        }
        diagnostics.push(
            Diagnostic::error(
                file,
                at,
                "this Liquid uses too many variables that are not defined",
            )
            .with_hint("check the names in the `{{ }}` here"),
        );
        None
    }
}

/// How many undefined variables one template may have before it is given up on.
const MAX_UNDEFINED: usize = 64;
