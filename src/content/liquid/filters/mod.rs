//! The filters this engine adds to the `liquid` crate's, grouped by kind as Jekyll groups them
//! (`url_filters.rb`, ...): Jekyll's own, and those of Liquid's it takes over to make them safe
//! (arithmetic that would overflow, texts that would grow without end). Each is a plain function
//! over its input and the values of its arguments ([`Call`]), registered by name in [`ALL`].
//!
//! A filter a template uses that neither has is a warning, and passes its input through (see
//! `Liquid::render`), as Jekyll's lax mode skips it.

pub mod array;
pub mod call;
pub mod dates;
pub mod expressions;
pub mod json;
pub mod markup;
pub mod math;
pub mod text;
pub mod url;

use std::sync::Arc;

use liquid::model::{KString, Value, ValueView};
use liquid_core::parser::FilterArguments;
use liquid_core::{Expression, Filter, FilterReflection, ParseFilter, Result, Runtime};

use crate::content::liquid::jekyll_site::JekyllSite;
use call::{Call, Run};

/// Every filter of this engine, by name.
pub const ALL: &[(&str, Run)] = &[
    ("relative_url", url::relative_url_filter),
    ("absolute_url", url::absolute_url_filter),
    ("markdownify", markup::markdownify),
    ("liquify", markup::liquify),
    ("jsonify", json::jsonify),
    ("plus", math::plus),
    ("minus", math::minus),
    ("times", math::times),
    ("divided_by", math::divided_by),
    ("modulo", math::modulo),
    ("abs", math::abs),
    ("round", math::round),
    ("ceil", math::ceil),
    ("floor", math::floor),
    ("at_least", math::at_least),
    ("at_most", math::at_most),
    ("append", text::append),
    ("prepend", text::prepend),
    ("replace", text::replace),
    ("replace_first", text::replace_first),
    ("remove", text::remove),
    ("remove_first", text::remove_first),
    ("split", text::split),
    ("xml_escape", text::xml_escape),
    ("cgi_escape", text::cgi_escape),
    ("uri_escape", text::uri_escape),
    ("number_of_words", text::number_of_words),
    ("truncatewords", text::truncatewords),
    ("normalize_whitespace", text::normalize_whitespace),
    ("to_integer", text::to_integer),
    ("inspect", text::inspect),
    ("slugify", text::slugify),
    ("smartify", text::smartify),
    ("date", dates::date),
    ("date_to_xmlschema", dates::date_to_xmlschema),
    ("date_to_rfc822", dates::date_to_rfc822),
    ("date_to_string", dates::date_to_string),
    ("date_to_long_string", dates::date_to_long_string),
    ("where", array::where_filter),
    ("find", array::find),
    ("group_by", array::group_by),
    ("where_exp", expressions::where_exp),
    ("find_exp", expressions::find_exp),
    ("group_by_exp", expressions::group_by_exp),
    ("sort", array::sort),
    ("sort_natural", array::sort_natural),
    ("uniq", array::uniq),
    ("compact", array::compact),
    ("map", array::map),
    ("reverse", array::reverse),
    ("join", array::join),
    ("concat", array::concat),
    ("first", array::first),
    ("last", array::last),
    ("size", array::size),
    ("push", array::push),
    ("pop", array::pop),
    ("shift", array::shift),
    ("unshift", array::unshift),
    ("sample", array::sample),
    ("slice", array::slice),
    ("array_to_sentence_string", array::array_to_sentence_string),
];

/// A filter as the parser knows it: its name and what it runs, or nothing (a filter Jekyll
/// does not have, which passes its input through).
#[derive(Clone)]
pub struct Registered {
    name: KString,
    run: Option<Run>,
    site: Arc<JekyllSite>,
}

impl Registered {
    pub fn new(name: &str, run: Option<Run>, site: &Arc<JekyllSite>) -> Self {
        Self {
            name: KString::from_ref(name),
            run,
            site: site.clone(),
        }
    }
}

impl FilterReflection for Registered {
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

impl ParseFilter for Registered {
    fn parse(&self, arguments: FilterArguments) -> Result<Box<dyn Filter>> {
        Ok(Box::new(Applied {
            name: self.name.clone(),
            run: self.run,
            args: arguments.positional.collect(),
            site: self.site.clone(),
        }))
    }

    fn reflection(&self) -> &dyn FilterReflection {
        self
    }
}

/// A filter applied in a template, with its arguments' expressions.
struct Applied {
    name: KString,
    run: Option<Run>,
    args: Vec<Expression>,
    site: Arc<JekyllSite>,
}

impl std::fmt::Debug for Applied {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.name)
    }
}

impl std::fmt::Display for Applied {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.name)
    }
}

impl Filter for Applied {
    fn evaluate(&self, input: &dyn ValueView, runtime: &dyn Runtime) -> Result<Value> {
        let Some(run) = self.run else {
            // A filter Jekyll does not have either, reported when the template was read.
            return Ok(input.to_value());
        };
        let args = self
            .args
            .iter()
            .map(|arg| arg.evaluate(runtime).map(|v| v.into_owned()))
            .collect::<Result<Vec<Value>>>()?;
        run(&Call {
            name: &self.name,
            input,
            args,
            runtime,
            site: &self.site,
        })
    }
}
