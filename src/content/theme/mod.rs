//! The theme, `gbif/jekyll-hp-base-theme`, as this site draws it: its layouts and composition
//! blocks ([`layouts`], [`composition`], the card every block draws in [`feature`], the
//! documentation's side navigation, the team), news ([`posts`]), GBIF's data pages ([`gbif`]),
//! visitor statistics ([`analytics`]), and each language's words, navigation and footer
//! ([`texts`]). It turns values the page and `_data` give into page blocks; it knows nothing of
//! how they are drawn.

pub mod analytics;
pub mod composer;
pub mod composition;
pub mod data_reader;
pub mod documentation;
pub mod feature;
pub mod footer;
pub mod gbif;
pub mod languages;
pub mod layouts;
pub mod navigation;
pub mod own_layouts;
pub mod posts;
pub mod team;
pub mod texts;
pub mod words;

use liquid::model::Value;

use crate::content::diagnostics::{Diagnostic, Position};
use crate::content::liquid::Liquid;
use crate::content::repository::config::Settings;
use crate::content::repository::data::Data;
use crate::content::repository::{CONFIG_FILE, Input};
use crate::content::values;

/// What the theme reads once for the whole site, and every page is composed with.
pub struct Theme {
    /// The interface's words.
    pub words: words::Words,
    /// The visitor statistics the repository configures.
    pub analytics: analytics::Analytics,
    /// The scope of the repository's GBIF widgets, for the data pages' links.
    pub gbif_scope: gbif::Scope,
    /// GBIF's widgets, on every data page, when the site asks for them.
    pub gbif_widgets: Option<gbif::Widgets>,
    /// The repository's own layouts, by name.
    pub own_layouts: std::collections::BTreeMap<String, own_layouts::OwnLayout>,
    /// `_data/languages.yml` (for each language's news archive) and the site's news archive.
    languages: Value,
    archive_permalink: Option<String>,
}

impl Theme {
    /// Reads the theme's site-wide parts: words, statistics, the GBIF widgets' scope and settings.
    pub fn read(
        input: &Input,
        settings: &Settings,
        data: &Data,
        engine: &Liquid,
        site: &dyn liquid::model::ValueView,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Theme {
        let config_file = input
            .config
            .as_ref()
            .map_or(CONFIG_FILE, |f| f.shown.as_str());
        let analytics = analytics::read(settings, config_file, &input.includes, diagnostics);
        let config_js = input
            .includes
            .get("js/config.js")
            .map(|file| String::from_utf8_lossy(&file.bytes).into_owned());
        let gbif_scope = config_js.as_deref().map(gbif::scope_of).unwrap_or_default();
        if let Some(why) = &gbif_scope.unread {
            diagnostics.push(
                Diagnostic::warning(
                    "_includes/js/config.js",
                    Position { line: 1, column: 1 },
                    format!("the scope of the GBIF widgets is not carried into the data pages' links to GBIF.org: {why}"),
                )
                .with_hint("the data pages link to GBIF.org's searches without a scope"),
            );
        }
        let gbif_widgets = settings.gbif_widgets.as_ref().map(|lib| {
            let source = config_js.unwrap_or_else(|| "var siteConfig = {};".into());
            gbif::widgets(lib, &source, settings, site, data, engine, diagnostics)
        });
        Theme {
            words: words::Words::new(&data.value, &settings.root_lang),
            analytics,
            gbif_scope,
            gbif_widgets,
            own_layouts: own_layouts::read_all(&input.layouts, diagnostics),
            languages: values::get(&data.value, "languages")
                .cloned()
                .unwrap_or(Value::Nil),
            archive_permalink: settings.archive_permalink.clone(),
        }
    }

    /// The news archive's address in `lang`: the language's (`archive_permalink` in
    /// `languages.yml`), or the site's.
    pub fn archive(&self, lang: &str) -> Option<String> {
        values::at_path(&self.languages, lang)
            .and_then(|l| values::text_at(l, "archive_permalink"))
            .or_else(|| self.archive_permalink.clone())
    }
}
