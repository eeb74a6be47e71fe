//! The parser: the `liquid` crate's standard tags and filters, Jekyll's from `liquid-lib`, and
//! this engine's own (`filters`, `tags`), with the repository's `_includes` as partials; and
//! the filters a template uses, so that those no parser has can be reported.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use super::filters::{JekyllSite, SiteFilter};
use super::tags::highlight::Highlight;
use super::tags::include::quote_include_paths;

/// A parser with every tag and filter, and `unknown` filters that pass their input through.
pub fn build(
    includes: &BTreeMap<String, String>,
    site: &Arc<JekyllSite>,
    unknown: &[String],
) -> liquid::Parser {
    let mut partials = liquid::partials::InMemorySource::new();
    for (name, text) in includes {
        let text = quote_include_paths(text);
        partials.add(name.as_str(), text.as_ref());
        // liquid-lib's `include` keeps the quotes of a quoted name (`"blocks/card.html"`,
        // see `quote_include_paths`) in the name it looks up.
        partials.add(format!("\"{name}\"").as_str(), text.as_ref());
    }
    let mut builder = liquid::ParserBuilder::with_stdlib()
        .tag(liquid_lib::jekyll::IncludeTag)
        .filter(liquid_lib::jekyll::Slugify)
        .filter(liquid_lib::jekyll::Pop)
        .filter(liquid_lib::jekyll::Push)
        .filter(liquid_lib::jekyll::Shift)
        .filter(liquid_lib::jekyll::Unshift)
        .filter(liquid_lib::jekyll::ArrayToSentenceString)
        .block(Highlight)
        .filter(SiteFilter::new("relative_url", site))
        .filter(SiteFilter::new("absolute_url", site))
        .filter(SiteFilter::new("markdownify", site))
        .filter(SiteFilter::new("liquify", site))
        .filter(SiteFilter::new("jsonify", site));
    for name in unknown {
        builder = builder.filter(SiteFilter::new(name, site));
    }
    builder
        .partials(liquid::partials::EagerCompiler::new(partials))
        .build()
        .expect("the engine's tags and filters fit together")
}

/// The names of every filter `build` registers.
pub fn known_filters() -> BTreeSet<String> {
    use liquid::reflection::ParserReflection;
    // The reflection lives on the builder; the names are the ones registered in `build`.
    let builder = liquid::ParserBuilder::with_stdlib();
    let mut names: BTreeSet<String> = builder.filters().map(|f| f.name().to_owned()).collect();
    names.extend(
        [
            "slugify",
            "pop",
            "push",
            "shift",
            "unshift",
            "array_to_sentence_string",
            "relative_url",
            "absolute_url",
            "markdownify",
            "liquify",
            "jsonify",
        ]
        .map(String::from),
    );
    names
}

/// Every filter a template uses (`| name`), with where its name starts.
pub fn filter_uses(text: &str) -> Vec<(String, usize)> {
    let mut uses = Vec::new();
    let mut at = 0;
    while let Some(open) = text[at..].find(['{']).map(|i| at + i) {
        let rest = &text[open..];
        let close = if rest.starts_with("{{") {
            "}}"
        } else if rest.starts_with("{%") {
            "%}"
        } else {
            at = open + 1;
            continue;
        };
        let Some(end) = rest[2..].find(close).map(|i| open + 2 + i) else {
            break;
        };
        let inside = &text[open + 2..end];
        let mut quote = None;
        for (i, c) in inside.char_indices() {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'') => quote = Some(c),
                (None, '|') => {
                    let after = &inside[i + 1..];
                    let name_start = after.len() - after.trim_start().len();
                    let name: String = after[name_start..]
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    if !name.is_empty() {
                        uses.push((name, open + 2 + i + 1 + name_start));
                    }
                }
                _ => {}
            }
        }
        at = end + 2;
    }
    uses
}
