//! The site's Liquid engine, and [`Liquid::render`], which renders as Jekyll does: a filter
//! Jekyll does not have is skipped and a variable or field that is not there renders as nothing
//! (each with a warning), objects are looped over in the order their keys were written, and no
//! template can take the build down: blocks nested too deep are refused before they are read,
//! every render has a budget (`budget`), and a panic in the `liquid` crates is an error at the
//! template.
//!
//! The variables a template is rendered with are borrowed (`Variables`): `site`, with all the
//! site's data, is one value shared by every page, never copied for one.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, OnceLock};

use liquid::model::{KStringRef, ValueView};
use liquid_core::runtime::RuntimeBuilder;
use liquid_core::{Renderable, Runtime};

use super::budget;
use super::errors::{liquid_error, position_in};
use super::jekyll_site::{DrawMarkdown, JekyllSite, SiteFiles};
use super::language::block_names;
use super::lax::{Lax, Notes};
use super::nesting;
use super::repair;
use super::tags::include::quote_include_paths;
use super::templates::{self, Templates};
use super::written_order::{KeyOrders, in_written_order};
use crate::content::diagnostics::{Diagnostic, Position};
use crate::content::panics;
use crate::content::repository::SourceFile;

/// The variables of a render, by name (`site`, `page`), borrowed.
pub type Variables<'a> = [(&'a str, &'a dyn ValueView)];

/// The site's Liquid engine.
pub struct Liquid {
    templates: Arc<Templates>,
    /// The keys of objects of the site's data in the order they were written, by dotted path
    /// (`site.data.images`), for `{% for %}` over them (see `written_order`).
    key_order: HashMap<String, Vec<String>>,
    /// The written order of objects' keys, by the keys sorted (CSV rows' headers).
    key_orders: Arc<HashMap<Vec<String>, Vec<String>>>,
    /// Whether what Jekyll tolerates is an error (`strict: true`).
    strict: bool,
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
        let site = Arc::new(JekyllSite {
            base: base.to_owned(),
            url: url.trim_end_matches('/').to_owned(),
            draw_markdown,
            templates: OnceLock::new(),
            files: OnceLock::new(),
        });
        let includes = includes
            .iter()
            .map(|(name, file)| {
                (
                    name.clone(),
                    file.shown.clone(),
                    String::from_utf8_lossy(&file.bytes).into_owned(),
                )
            })
            .collect();
        Liquid {
            templates: Templates::new(site, includes),
            key_order: HashMap::new(),
            key_orders: Arc::default(),
            strict,
        }
    }

    /// Gives the site's files to `post_url`, `link` and `include_relative` (once).
    pub fn set_files(&self, files: SiteFiles) {
        let _ = self.templates.site().files.set(files);
    }

    /// Gives the order in which the keys of objects of the data were written, by their dotted
    /// paths under `site.data`.
    pub fn set_key_order(&mut self, order: HashMap<String, Vec<String>>) {
        self.key_order = order;
    }

    /// Gives the orders of the keys of objects met in loops (CSV rows: their headers).
    pub fn set_key_orders(&mut self, orders: &[Vec<String>]) {
        let mut map = HashMap::new();
        for order in orders {
            let mut sorted = order.clone();
            sorted.sort();
            map.entry(sorted).or_insert_with(|| order.clone());
        }
        self.key_orders = Arc::new(map);
    }

    /// Renders `text`, written at `at` in `file`, with `variables`. Problems are reported as
    /// diagnostics; `None` when the template cannot be rendered at all.
    pub fn render(
        &self,
        file: &str,
        at: Position,
        text: &str,
        variables: &Variables,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Option<String> {
        if !text.contains("{{") && !text.contains("{%") {
            return Some(text.to_owned());
        }
        if let Some(offset) = nesting::too_deep(text, &block_names()) {
            diagnostics.push(templates::too_deep(file, text, offset, at));
            return None;
        }
        let written = text;
        let unknown = self.unknown_filters(file, at, text, diagnostics);
        let quoted = quote_include_paths(text);
        let variable = |name: &str| variables.iter().find(|(n, _)| *n == name).map(|(_, v)| *v);
        let (text, ordered) = in_written_order(&self.key_order, &quoted, &variable);
        let text = text.as_ref();
        let template = match self.templates.compile_with(text, &unknown) {
            Ok(template) => template,
            Err(error) => {
                if let Some(lax) = self.lax_reading(file, at, written, &unknown, diagnostics) {
                    return self.render(file, at, &lax, variables, diagnostics);
                }
                diagnostics.push(liquid_error(file, at, text, &error, "cannot be read"));
                return None;
            }
        };
        let mut globals = HashMap::<KStringRef<'_>, &dyn ValueView>::new();
        for (name, value) in variables {
            globals.insert((*name).into(), *value);
        }
        for (name, value) in ordered.iter() {
            globals.insert(name.as_ref(), value as &dyn ValueView);
        }
        let runtime = RuntimeBuilder::new().set_globals(&globals).build();
        runtime.registers().get_mut::<KeyOrders>().0 = Some(self.key_orders.clone());
        let lax = Lax::new(&runtime);
        let mut out = Vec::new();
        let rendered = panics::caught(|| {
            budget::within(|| template.render_to(&mut budget::Bounded::new(&mut out), &lax))
        });
        diagnostics.extend(self.templates.take_problems());
        self.report_notes(file, at, text, &lax, diagnostics);
        match rendered {
            Ok(Ok(())) => Some(String::from_utf8_lossy(&out).into_owned()),
            Ok(Err(error)) => {
                diagnostics.push(liquid_error(file, at, text, &error, "cannot be rendered"));
                None
            }
            Err(panic) => {
                diagnostics.push(
                    Diagnostic::error(
                        file,
                        at,
                        format!("this Liquid stopped the `liquid` crate, which the site is built with: {panic}"),
                    )
                    .with_hint("a bug of that crate; write this Liquid another way (the message says where it stopped)"),
                );
                None
            }
        }
    }

    /// The text as Ruby's lax parser reads it, when liquid cannot read it as written: its markup
    /// repaired, or else the outputs that cannot be read at all left out (see `repair`), each
    /// with a warning where it was written. `None` when there is nothing lax reading changes.
    fn lax_reading(
        &self,
        file: &str,
        at: Position,
        text: &str,
        unknown: &[String],
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Option<String> {
        let reads = |output: &str| {
            self.templates
                .compile_with(&quote_include_paths(output), unknown)
                .map(|_| ())
                .map_err(|error| {
                    let message = error.to_string();
                    message
                        .lines()
                        .find_map(|l| l.trim().strip_prefix("= "))
                        .unwrap_or_else(|| message.lines().next().unwrap_or(""))
                        .trim_end_matches('.')
                        .to_owned()
                })
        };
        let (lax, repairs) =
            repair::repaired(text).or_else(|| repair::without_unreadable_outputs(text, reads))?;
        for repair in repairs {
            diagnostics.push(
                Diagnostic::warning(file, position_in(text, repair.offset, at), repair.message)
                    .with_hint("Jekyll reads it so too; write the Liquid as you mean it")
                    .strict_if(self.strict),
            );
        }
        Some(lax)
    }

    /// Reports the filters `text` uses that Jekyll does not have, which pass their input through.
    fn unknown_filters(
        &self,
        file: &str,
        at: Position,
        text: &str,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Vec<String> {
        let unknown = self.templates.unknown_filters(text);
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
        unknown.into_iter().map(|(name, _)| name).collect()
    }

    /// Reports what the render forgave: variables that were not there, and what it assumed.
    fn report_notes(
        &self,
        file: &str,
        at: Position,
        text: &str,
        runtime: &dyn Runtime,
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        let notes = std::mem::take(&mut *runtime.registers().get_mut::<Notes>());
        for path in notes.undefined {
            let name = path.rsplit('.').next().unwrap_or(&path);
            let offset = text.find(name).unwrap_or(0);
            diagnostics.push(
                Diagnostic::warning(
                    file,
                    position_in(text, offset, at),
                    format!("`{path}` is not defined, so it renders as nothing"),
                )
                .with_hint("check the name and the data it comes from (`_data`, front matter, `_config.yml`)")
                .strict_if(self.strict),
            );
        }
        for message in notes.assumed {
            diagnostics.push(
                Diagnostic::warning(file, at, message)
                    .with_hint("Jekyll computes it exactly; keep the numbers smaller")
                    .strict_if(self.strict),
            );
        }
    }
}
