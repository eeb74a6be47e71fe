//! Jekyll's filters that the `liquid` crate does not have, grouped by kind as Jekyll groups them
//! (`url_filters.rb`, ...): each is a [`SiteFilter`] with its name, which knows the site. A filter
//! a template uses that Jekyll does not have either is one too: it passes its input through,
//! after a warning (see `Liquid::render`).

pub mod json;
pub mod markup;
pub mod site;
pub mod url;

use std::sync::Arc;

use liquid::model::{KString, Value, ValueView};
use liquid_core::parser::FilterArguments;
use liquid_core::{Filter, FilterReflection, ParseFilter, Runtime};

pub use site::{DrawMarkdown, JekyllSite};

/// Jekyll's filters that need the site: each is one `SiteFilter` with its name.
#[derive(Clone)]
pub struct SiteFilter {
    name: KString,
    site: Arc<JekyllSite>,
}

impl SiteFilter {
    pub fn new(name: &str, site: &Arc<JekyllSite>) -> Self {
        Self {
            name: KString::from_ref(name),
            site: site.clone(),
        }
    }
}

impl FilterReflection for SiteFilter {
    fn name(&self) -> &str {
        &self.name
    }

    fn description(&self) -> &str {
        "a Jekyll filter"
    }

    fn positional_parameters(&self) -> &'static [liquid_core::parser::ParameterReflection] {
        &[]
    }

    fn keyword_parameters(&self) -> &'static [liquid_core::parser::ParameterReflection] {
        &[]
    }
}

impl ParseFilter for SiteFilter {
    fn parse(&self, _arguments: FilterArguments) -> liquid_core::Result<Box<dyn Filter>> {
        Ok(Box::new(SiteFilterRun {
            name: self.name.clone(),
            site: self.site.clone(),
        }))
    }

    fn reflection(&self) -> &dyn FilterReflection {
        self
    }
}

struct SiteFilterRun {
    name: KString,
    site: Arc<JekyllSite>,
}

impl std::fmt::Debug for SiteFilterRun {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.name)
    }
}

impl std::fmt::Display for SiteFilterRun {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.name)
    }
}

impl Filter for SiteFilterRun {
    fn evaluate(&self, input: &dyn ValueView, runtime: &dyn Runtime) -> liquid_core::Result<Value> {
        let text = || input.to_kstr().to_string();
        Ok(match self.name.as_str() {
            "relative_url" => Value::scalar(url::relative_url(&self.site.base, &text())),
            "absolute_url" => {
                Value::scalar(url::absolute_url(&self.site.url, &self.site.base, &text()))
            }
            "markdownify" => Value::scalar((self.site.draw_markdown)(&text())),
            "jsonify" => Value::scalar(json::to_json(&input.to_value())),
            "liquify" => markup::liquify(&text(), &self.site, runtime),
            // An unknown filter, reported when the template was read: the input as it is.
            _ => input.to_value(),
        })
    }
}
