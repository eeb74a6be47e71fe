//! Liquid, as Jekyll runs it over pages, front matter and data: the `liquid` crate's standard
//! tags and filters, Jekyll's (`include` with parameters, `slugify`, array filters from
//! `liquid-lib`), and the ones added here: `relative_url`, `absolute_url`, `markdownify`,
//! `liquify`, `jsonify`, `highlight`.
//!
//! As in Jekyll, a tag the engine does not know is an error (the template cannot be parsed), and
//! a filter it does not know is a warning and is skipped (Jekyll's lax mode). Either way the
//! message names the file and line; `{{ }}` is never left in a page as text.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::sync::{Arc, Mutex};

use liquid::model::{KString, Object, Value, ValueView};
use liquid_core::parser::FilterArguments;
use liquid_core::{
    BlockReflection, Filter, FilterReflection, Language, ParseBlock, ParseFilter, Renderable,
    Runtime, TagBlock, TagTokenIter,
};

use super::diagnostics::{Diagnostic, Position};
use crate::content::repository::SourceFile;
use crate::content::values;

/// Draws Markdown blocks to HTML, for `markdownify`: the build step's body components, given to
/// the compiler so that it needs no drawing code of its own.
pub type DrawMarkdown = dyn Fn(&str) -> String + Send + Sync;

/// What the engine's own filters need to know.
struct Shared {
    /// The deployment's sub-path (`/scc`), for `relative_url`.
    base: String,
    /// The site's address (`https://example.org`), for `absolute_url`.
    url: String,
    draw_markdown: Arc<DrawMarkdown>,
    /// The parser, for `liquify` (set once built).
    parser: std::sync::OnceLock<liquid::Parser>,
}

/// The site's Liquid engine: one parser, with the repository's `_includes` as partials.
pub struct Liquid {
    shared: Arc<Shared>,
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
        let shared = Arc::new(Shared {
            base: base.to_owned(),
            url: url.trim_end_matches('/').to_owned(),
            draw_markdown,
            parser: std::sync::OnceLock::new(),
        });
        let mut engine = Liquid {
            shared,
            key_order: Default::default(),
            strict,
            includes,
            known_filters: BTreeSet::new(),
        };
        let parser = engine.parser(&[]);
        engine.known_filters = parser_filters(&parser);
        let _ = engine.shared.parser.set(parser);
        engine
    }

    /// Gives the order in which the keys of objects of the data were written, by their dotted
    /// paths under `site.data`.
    pub fn set_key_order(&mut self, order: std::collections::HashMap<String, Vec<String>>) {
        self.key_order = order;
    }

    /// `text` with each `{% for x in a.b.c %}` over an object rewritten to go over its
    /// `[key, value]` pairs in the order they were written (Jekyll's order), and `globals` with
    /// those pairs. liquid keeps objects in a hash map, whose order changes from run to run;
    /// objects whose order is not known go in the order of their keys, the same every time.
    fn in_written_order<'t>(
        &self,
        text: &'t str,
        globals: &Object,
    ) -> (std::borrow::Cow<'t, str>, Option<Object>) {
        let mut out = String::new();
        let mut extra = Object::new();
        let mut rest = text;
        while let Some(start) = rest.find("{%") {
            let tag_end = rest[start + 2..]
                .find("%}")
                .map_or(rest.len(), |e| start + 2 + e);
            let inside = &rest[start + 2..tag_end];
            let words: Vec<&str> = inside.trim_start_matches('-').split_whitespace().collect();
            let ordered = match words.as_slice() {
                ["for", _, "in", path, ..] => self.ordered_pairs(path, globals),
                _ => None,
            };
            match ordered {
                Some((path, pairs)) => {
                    let name = format!("scc_ordered_{}", extra.len());
                    let at = start + 2 + inside.find(path).unwrap_or(0);
                    out.push_str(&rest[..at]);
                    out.push_str(&name);
                    extra.insert(KString::from_string(name), pairs);
                    rest = &rest[at + path.len()..];
                }
                None => {
                    let end = (tag_end + 2).min(rest.len());
                    out.push_str(&rest[..end]);
                    rest = &rest[end..];
                }
            }
        }
        if extra.is_empty() {
            return (std::borrow::Cow::Borrowed(text), None);
        }
        out.push_str(rest);
        let mut all = globals.clone();
        all.extend(extra);
        (std::borrow::Cow::Owned(out), Some(all))
    }

    /// The `[key, value]` pairs of the object at the dotted `path` of `globals`, in written order.
    fn ordered_pairs<'p>(&self, path: &'p str, globals: &Object) -> Option<(&'p str, Value)> {
        let (root, below) = path.split_once('.').unwrap_or((path, ""));
        let value = values::at_path(globals.get(root)?, below)?;
        let object = values::object(value)?;
        let mut keys: Vec<String> = object.keys().map(|k| k.to_string()).collect();
        match self.key_order.get(path) {
            Some(order) => {
                keys.sort_by_key(|k| order.iter().position(|o| o == k).unwrap_or(usize::MAX))
            }
            None => keys.sort(),
        }
        let pairs = keys
            .into_iter()
            .map(|key| {
                let value = object.get(key.as_str()).cloned().unwrap_or(Value::Nil);
                Value::Array(vec![Value::scalar(key), value])
            })
            .collect();
        Some((path, Value::Array(pairs)))
    }

    /// A parser with every tag and filter, and `unknown` filters that pass their input through.
    fn parser(&self, unknown: &[String]) -> liquid::Parser {
        let mut partials = liquid::partials::InMemorySource::new();
        for (name, text) in &self.includes {
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
            .filter(SiteFilter::new("relative_url", &self.shared))
            .filter(SiteFilter::new("absolute_url", &self.shared))
            .filter(SiteFilter::new("markdownify", &self.shared))
            .filter(SiteFilter::new("liquify", &self.shared))
            .filter(SiteFilter::new("jsonify", &self.shared));
        for name in unknown {
            builder = builder.filter(SiteFilter::new(name, &self.shared));
        }
        builder
            .partials(liquid::partials::EagerCompiler::new(partials))
            .build()
            .expect("the engine's tags and filters fit together")
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
        let unknown: Vec<(String, usize)> = filter_uses(text)
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
            self.shared.parser.get().expect("built in `new`")
        } else {
            fresh = self.parser(&names);
            &fresh
        };
        let quoted = quote_include_paths(text);
        let (text, ordered_globals) = self.in_written_order(&quoted, globals);
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

/// The variable (as its path) that liquid reports as not defined, if that is the error.
fn undefined_path(error: &liquid::Error) -> Option<Vec<String>> {
    let message = error.to_string();
    let context = |key: &str| {
        message
            .lines()
            .find_map(|line| line.trim().strip_prefix(&format!("{key}=")))
            .map(str::to_owned)
    };
    let first_line = message.lines().next().unwrap_or("");
    if first_line.ends_with("Unknown index") {
        let mut path: Vec<String> = context("variable")?.split('.').map(str::to_owned).collect();
        path.push(context("requested index")?);
        Some(path)
    } else if first_line.ends_with("Unknown variable") {
        Some(vec![context("requested variable").filter(|v| v != "nil")?])
    } else {
        None
    }
}

/// Defines the variable at `path` as nil in `globals`, making the objects on the way; false when
/// it cannot be (a step is a list or text, or the variable is there already).
fn define_nil(globals: &mut Object, path: &[String]) -> bool {
    let Some((first, rest)) = path.split_first() else {
        return false;
    };
    let entry = globals.entry(KString::from_ref(first));
    if rest.is_empty() {
        return match entry {
            liquid::model::map::Entry::Vacant(vacant) => {
                vacant.insert(Value::Nil);
                true
            }
            liquid::model::map::Entry::Occupied(_) => false,
        };
    }
    let value = entry.or_insert(Value::Nil);
    if matches!(value, Value::Nil) {
        *value = Value::Object(Object::new());
    }
    match value {
        Value::Object(object) => define_nil(object, rest),
        _ => false,
    }
}

/// The names of every filter a parser has.
fn parser_filters(parser: &liquid::Parser) -> BTreeSet<String> {
    use liquid::reflection::ParserReflection;
    let _ = parser;
    // The reflection lives on the builder; the names are the ones registered above.
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
fn filter_uses(text: &str) -> Vec<(String, usize)> {
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

/// Where byte `offset` of a text that starts at `at` is.
fn position_in(text: &str, offset: usize, at: Position) -> Position {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count();
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    if line == 0 {
        Position::new(at.line, at.column + column - 1)
    } else {
        Position::new(at.line + line, column)
    }
}

/// A Liquid error as a diagnostic, at the tag or output it is about when that can be found,
/// and said in the editor's terms when it is a common slip (a block never closed, `{{` or `{%`
/// not closed) rather than in the parser's (`expected Literal`).
fn liquid_error(
    file: &str,
    at: Position,
    text: &str,
    error: &liquid::Error,
    what: &str,
) -> Diagnostic {
    let message = error.to_string();
    if let Some(diagnostic) = unclosed_block(file, at, text, &message)
        .or_else(|| parser_error(file, at, text, &message, what))
    {
        return diagnostic;
    }
    // liquid names the tag it could not read (`tag=name`, or `requested=name` for an unknown
    // include); the first place that tag is written is where to look.
    let named = ["tag=", "requested=", "with:"]
        .iter()
        .find_map(|key| message.split(key).nth(1))
        .map(|rest| {
            rest.split_whitespace()
                .next()
                .unwrap_or("")
                .trim_matches(['"', '\''])
        });
    let offset = named
        .filter(|name| !name.is_empty())
        .and_then(|name| text.find(name))
        .and_then(|i| text[..i].rfind("{%").or(text[..i].rfind("{{")))
        .or_else(|| text.find("{%"))
        .unwrap_or(0);
    let summary = message
        .lines()
        .next()
        .unwrap_or("")
        .trim_start_matches("liquid: ");
    let hint = if message.contains("Unknown tag") || message.contains("unknown tag") {
        "Jekyll fails on a tag it does not know too; remove it, or wrap the text in `{% raw %}...{% endraw %}`"
    } else if message.contains("does not exist") || message.contains("partial") {
        "put the file in `_includes/`, or remove the `include`"
    } else {
        "check the `{{ }}` and `{% %}` here; text that is not Liquid goes in `{% raw %}...{% endraw %}`"
    };
    Diagnostic::error(
        file,
        position_in(text, offset, at),
        format!("this Liquid {what}: {summary}"),
    )
    .with_hint(hint)
}

/// "Unclosed block. {% endif %} tag expected.": at the `{% if %}` that is never closed (the
/// parser points at the end of the text).
fn unclosed_block(file: &str, at: Position, text: &str, message: &str) -> Option<Diagnostic> {
    let end = message
        .split("{% end")
        .nth(1)?
        .split_whitespace()
        .next()?
        .to_owned();
    let mut open = Vec::new();
    for (i, _) in text.match_indices("{%") {
        let tag = text[i + 2..]
            .trim_start_matches('-')
            .split_whitespace()
            .next()
            .unwrap_or("");
        if tag == end {
            open.push(i);
        } else if tag.strip_prefix("end") == Some(end.as_str()) {
            open.pop();
        }
    }
    let offset = *open.first()?;
    Some(
        Diagnostic::error(
            file,
            position_in(text, offset, at),
            format!("this `{{% {end} %}}` is never closed"),
        )
        .with_hint(format!(
            "add `{{% end{end} %}}` where its part ends (Jekyll fails on it too)"
        )),
    )
}

/// An error of liquid's parser, which says where it stopped (`--> 6:4`) and what it expected
/// there: at that place, and, when the `{{` or `{%` there is not closed on its line, saying so.
fn parser_error(
    file: &str,
    at: Position,
    text: &str,
    message: &str,
    what: &str,
) -> Option<Diagnostic> {
    let place = message.split("--> ").nth(1)?.split_whitespace().next()?;
    let (line, column) = place.split_once(':')?;
    let (line, column): (usize, usize) = (line.parse().ok()?, column.parse().ok()?);
    let line_start = match line {
        0 | 1 => 0,
        line => text
            .match_indices('\n')
            .nth(line - 2)
            .map_or(text.len(), |(i, _)| i + 1),
    };
    let line_text = text[line_start..].split('\n').next().unwrap_or("");
    let in_line = line_text
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(line_text.len(), |(i, _)| i);
    // The `{{` or `{%` the parser was reading.
    let opening = ["{{", "{%"]
        .iter()
        .filter_map(|open| line_text[..in_line].rfind(open).map(|i| (i, *open)))
        .max_by_key(|(i, _)| *i);
    let expected = message
        .lines()
        .find_map(|l| l.trim().strip_prefix("= "))
        .unwrap_or("")
        .trim_end_matches('.');
    let (offset, message, hint) = match opening {
        Some((i, open)) => {
            let close = if open == "{{" { "}}" } else { "%}" };
            if line_text[i + 2..].contains(close) {
                (
                    line_start + i,
                    format!("this Liquid {what}: {expected}"),
                    "check what is written between the braces; text that is not Liquid goes in `{% raw %}...{% endraw %}`".to_owned(),
                )
            } else {
                (
                    line_start + i,
                    format!("this `{open}` is not closed with `{close}`"),
                    format!("end it with `{close}` on the same line, or write `{{% raw %}}{open}{{% endraw %}}` if it is not Liquid"),
                )
            }
        }
        None => (
            line_start + in_line,
            format!("this Liquid {what}: {expected}"),
            "check the `{{ }}` and `{% %}` here; text that is not Liquid goes in `{% raw %}...{% endraw %}`".to_owned(),
        ),
    };
    Some(Diagnostic::error(file, position_in(text, offset, at), message).with_hint(hint))
}

/// Jekyll's filters that need the site: each is one `SiteFilter` with its name.
#[derive(Clone)]
struct SiteFilter {
    name: KString,
    shared: Arc<Shared>,
}

impl SiteFilter {
    fn new(name: &str, shared: &Arc<Shared>) -> Self {
        Self {
            name: KString::from_ref(name),
            shared: shared.clone(),
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
            shared: self.shared.clone(),
        }))
    }

    fn reflection(&self) -> &dyn FilterReflection {
        self
    }
}

struct SiteFilterRun {
    name: KString,
    shared: Arc<Shared>,
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
            "relative_url" => Value::scalar(relative_url(&self.shared.base, &text())),
            "absolute_url" => {
                let relative = relative_url(&self.shared.base, &text());
                Value::scalar(if relative.starts_with('/') {
                    format!("{}{relative}", self.shared.url)
                } else {
                    relative
                })
            }
            "markdownify" => Value::scalar((self.shared.draw_markdown)(&text())),
            "jsonify" => Value::scalar(to_json(&input.to_value())),
            "liquify" => {
                let template = text();
                let parser = self.shared.parser.get().expect("built before use");
                // Rendered in the template's own context, as the Jekyll plugin renders it.
                let mut globals = Object::new();
                for name in runtime.roots() {
                    if let Ok(value) = runtime.get(&[liquid::model::Scalar::new(name.to_string())])
                    {
                        globals.insert(KString::from_ref(name.as_str()), value.into_owned());
                    }
                }
                match parser.parse(&template).and_then(|t| t.render(&globals)) {
                    Ok(rendered) => Value::scalar(rendered),
                    Err(_) => Value::scalar(template),
                }
            }
            // An unknown filter, reported when the template was read: the input as it is.
            _ => input.to_value(),
        })
    }
}

/// Jekyll's `relative_url`: a path of the site under the deployment's sub-path.
fn relative_url(base: &str, path: &str) -> String {
    if path.contains("://") || path.starts_with("//") || path.starts_with('#') || path.is_empty() {
        return path.to_owned();
    }
    let path = if path.starts_with('/') {
        path.to_owned()
    } else {
        format!("/{path}")
    };
    format!("{base}{path}")
}

/// A Liquid value as JSON, as Jekyll's `jsonify` writes it.
pub fn to_json(value: &Value) -> String {
    serde_json::to_string(&to_serde(value)).unwrap_or_default()
}

fn to_serde(value: &Value) -> serde_json::Value {
    match value {
        Value::Nil => serde_json::Value::Null,
        Value::Scalar(scalar) => {
            if let Some(b) = scalar.to_bool() {
                serde_json::Value::Bool(b)
            } else if let Some(i) = scalar.to_integer() {
                serde_json::Value::from(i)
            } else if let Some(f) = scalar.to_float() {
                serde_json::Value::from(f)
            } else {
                serde_json::Value::String(scalar.to_kstr().to_string())
            }
        }
        Value::Array(items) => serde_json::Value::Array(items.iter().map(to_serde).collect()),
        Value::Object(object) => serde_json::Value::Object(
            object
                .iter()
                .map(|(k, v)| (k.to_string(), to_serde(v)))
                .collect(),
        ),
        Value::State(_) => serde_json::Value::Null,
    }
}

/// `{% highlight lang %}...{% endhighlight %}`: the code as Jekyll's highlighter wraps it,
/// without the colours.
#[derive(Clone)]
struct Highlight;

impl BlockReflection for Highlight {
    fn start_tag(&self) -> &str {
        "highlight"
    }

    fn end_tag(&self) -> &str {
        "endhighlight"
    }

    fn description(&self) -> &str {
        "code in a language"
    }
}

impl ParseBlock for Highlight {
    fn parse(
        &self,
        mut arguments: TagTokenIter,
        mut block: TagBlock,
        options: &Language,
    ) -> liquid_core::Result<Box<dyn Renderable>> {
        let lang = arguments
            .next()
            .map(|token| token.as_str().to_owned())
            .unwrap_or_default();
        // Options such as `linenos` are accepted and have no effect.
        while arguments.next().is_some() {}
        let body = liquid_core::runtime::Template::new(block.parse_all(options)?);
        block.assert_empty();
        Ok(Box::new(HighlightRun { lang, body }))
    }

    fn reflection(&self) -> &dyn BlockReflection {
        self
    }
}

#[derive(Debug)]
struct HighlightRun {
    lang: String,
    body: liquid_core::runtime::Template,
}

impl Renderable for HighlightRun {
    fn render_to(&self, writer: &mut dyn Write, runtime: &dyn Runtime) -> liquid_core::Result<()> {
        let mut code = Vec::new();
        self.body.render_to(&mut code, runtime)?;
        let code = String::from_utf8_lossy(&code);
        let escaped = code
            .trim()
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        let lang: String = self
            .lang
            .chars()
            .filter(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '+'))
            .collect();
        write!(
            writer,
            "<figure class=\"highlight\"><pre><code class=\"language-{lang}\" data-lang=\"{lang}\">{escaped}</code></pre></figure>"
        )
        .map_err(|e| liquid_core::Error::with_msg(e.to_string()))
    }
}

/// Diagnostics collected while rendering, by callers that render in parallel.
pub type Collected = Mutex<Vec<Diagnostic>>;

/// `{% include blocks/card.html %}` as liquid reads it: Jekyll takes a bare path with `/` or
/// other characters a Liquid name cannot have; liquid takes it quoted (`"blocks/card.html"`).
fn quote_include_paths(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains("include") {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut rest = text;
    let mut changed = false;
    while let Some(start) = rest.find("{%") {
        let (before, tag) = rest.split_at(start);
        out.push_str(before);
        let body_start = 2 + tag[2..].starts_with('-') as usize;
        let after_open = &tag[body_start..];
        let trimmed = after_open.trim_start();
        let path = trimmed
            .strip_prefix("include")
            .filter(|r| r.starts_with(char::is_whitespace))
            .map(str::trim_start)
            .map(|r| {
                &r[..r
                    .find(|c: char| c.is_whitespace() || c == '%' || c == '-')
                    .unwrap_or(r.len())]
            });
        match path {
            Some(path)
                if !path.is_empty()
                    && !path.starts_with(['"', '\'', '{'])
                    && path.contains(['/', '-'])
                    && path.contains('.') =>
            {
                let at = tag.len() - trimmed.len()
                    + (trimmed.len() - trimmed["include".len()..].trim_start().len());
                out.push_str(&tag[..at]);
                out.push('"');
                out.push_str(path);
                out.push('"');
                rest = &tag[at + path.len()..];
                changed = true;
            }
            _ => {
                out.push_str(&tag[..2]);
                rest = &tag[2..];
            }
        }
    }
    out.push_str(rest);
    if changed {
        std::borrow::Cow::Owned(out)
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use liquid::object;

    fn engine(includes: &[(&str, &str)]) -> Liquid {
        let includes = includes
            .iter()
            .map(|(name, text)| {
                (
                    name.to_string(),
                    SourceFile::new(&format!("_includes/{name}"), text),
                )
            })
            .collect();
        Liquid::new(
            &includes,
            "https://example.org",
            "/scc",
            false,
            Arc::new(|md: &str| format!("<p>{}</p>", md.trim())),
        )
    }

    fn render(engine: &Liquid, text: &str, globals: &Object) -> (Option<String>, Vec<String>) {
        let mut diagnostics = Vec::new();
        let out = engine.render(
            "content/p.md",
            Position::new(5, 1),
            text,
            globals,
            &mut diagnostics,
        );
        (
            out,
            diagnostics
                .iter()
                .map(|d| d.to_string().lines().next().unwrap().to_owned())
                .collect(),
        )
    }

    #[test]
    fn data_is_reached_by_its_path() {
        let globals =
            object!({"site": {"data": {"images": {"moss": {"src": "/assets/moss.jpg"}}}}});
        let (out, problems) = render(&engine(&[]), "{{ site.data.images.moss.src }}", &globals);
        assert_eq!(out.as_deref(), Some("/assets/moss.jpg"));
        assert!(problems.is_empty());
    }

    #[test]
    fn jekyll_filters_work() {
        let e = engine(&[]);
        let g = object!({"list": [{"n": "b", "k": 2}, {"n": "a", "k": 1}], "d": "2021-01-14 14:20:00 +0000"});
        let cases = [
            ("{{ '/about/' | relative_url }}", "/scc/about/"),
            ("{{ 'about' | relative_url }}", "/scc/about"),
            ("{{ '/a' | absolute_url }}", "https://example.org/scc/a"),
            ("{{ 'https://x.org/' | relative_url }}", "https://x.org/"),
            ("{{ '*x*' | markdownify }}", "<p>*x*</p>"),
            ("{{ list | sort: 'n' | map: 'n' | join: ',' }}", "a,b"),
            ("{{ list | where: 'k', 1 | map: 'n' | join: ',' }}", "a"),
            ("{{ d | date: '%Y-%m' }}", "2021-01"),
            ("{{ 'Hello World!' | slugify }}", "hello-world"),
            ("{{ '<b>x</b>' | strip_html }}", "x"),
            (
                "{{ 'one two three four' | truncatewords: 2 }}",
                "one two...",
            ),
            ("{{ list | first | jsonify }}", "{\"k\":2,\"n\":\"b\"}"),
            (
                "{% assign t = '{{ d | date: \"%Y\" }}' %}{{ t | liquify }}",
                "2021",
            ),
        ];
        for (text, expected) in cases {
            let (out, problems) = render(&e, text, &g);
            assert_eq!(out.as_deref(), Some(expected), "{text}: {problems:?}");
        }
    }

    #[test]
    fn tags_work() {
        let e = engine(&[
            ("note.html", "<aside>{{ include.text }}</aside>"),
            ("blocks/card.html", "<div>{{ include.title }}</div>"),
        ]);
        let g = object!({"items": ["a", "b"]});
        let cases = [
            ("{% comment %}gone{% endcomment %}x", "x"),
            ("{% raw %}{{ kept }}{% endraw %}", "{{ kept }}"),
            ("{% assign n = 2 %}{{ n }}", "2"),
            ("{% capture c %}in{% endcapture %}{{ c }}", "in"),
            ("{% for i in items %}{{ i }}{% endfor %}", "ab"),
            ("{% if items.size > 1 %}many{% endif %}", "many"),
            ("{% include note.html text=\"hi\" %}", "<aside>hi</aside>"),
            (
                "{% include \"note.html\" text=\"hi\" %}",
                "<aside>hi</aside>",
            ),
            // Jekyll's includes in folders.
            ("{% include blocks/card.html title=\"T\" %}", "<div>T</div>"),
            (
                "{% highlight ruby %}\nputs 1 < 2\n{% endhighlight %}",
                "<figure class=\"highlight\"><pre><code class=\"language-ruby\" data-lang=\"ruby\">puts 1 &lt; 2</code></pre></figure>",
            ),
        ];
        for (text, expected) in cases {
            let (out, problems) = render(&e, text, &g);
            assert_eq!(out.as_deref(), Some(expected), "{text}: {problems:?}");
        }
    }

    #[test]
    fn an_unknown_filter_is_skipped_with_a_warning_at_its_line() {
        let (out, problems) = render(
            &engine(&[]),
            "a\n{{ 'x' | nosuch | upcase }}",
            &Object::new(),
        );
        assert_eq!(out.as_deref(), Some("a\nX"));
        assert_eq!(
            problems,
            ["content/p.md:6:10: warning: the Liquid filter `nosuch` is unknown, so it is skipped"]
        );
    }

    #[test]
    fn common_slips_are_said_in_the_editors_terms_where_they_are_written() {
        let problems = |text: &str| {
            let mut diagnostics = Vec::new();
            let out = engine(&[]).render(
                "content/p.md",
                Position::new(5, 1),
                text,
                &Object::new(),
                &mut diagnostics,
            );
            assert_eq!(out, None, "{text}");
            diagnostics
                .iter()
                .map(|d| {
                    format!(
                        "{}:{} {} / {}",
                        d.line,
                        d.column,
                        d.message,
                        d.hint.clone().unwrap_or_default()
                    )
                })
                .collect::<Vec<_>>()
        };
        // The parser says `expected Literal` at the filter; the slip is the `}` missing.
        assert_eq!(
            problems("a\nb {{ page.title | upcase }\n"),
            [
                "6:3 this `{{` is not closed with `}}` / end it with `}}` on the same line, or write `{% raw %}{{{% endraw %}` if it is not Liquid"
            ]
        );
        // The parser points at the end of the text; the slip is the first `if` left open.
        assert_eq!(
            problems("{% if a %}{% if b %}x{% endif %}\n\ntext"),
            [
                "5:1 this `{% if %}` is never closed / add `{% endif %}` where its part ends (Jekyll fails on it too)"
            ]
        );
        assert_eq!(
            problems("x\n  {% for item in %}{% endfor %}"),
            [
                "6:3 this Liquid cannot be read: Array or range expected / check what is written between the braces; text that is not Liquid goes in `{% raw %}...{% endraw %}`"
            ]
        );
    }

    #[test]
    fn an_unknown_tag_is_an_error_at_its_line() {
        let (out, problems) = render(&engine(&[]), "a\nb {% nosuch x %}", &Object::new());
        assert_eq!(out, None);
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].starts_with("content/p.md:6:3: error: this Liquid cannot be read"),
            "{problems:?}"
        );
    }

    #[test]
    fn an_undefined_variable_renders_as_nothing_with_a_warning() {
        let globals = object!({"site": {"data": {"images": {}}}});
        let (out, problems) = render(
            &engine(&[]),
            "a{{ site.data.images.moss.src }}b{{ nothing }}c{% if site.data.images.fern %}x{% endif %}",
            &globals,
        );
        assert_eq!(out.as_deref(), Some("abc"));
        assert_eq!(
            problems,
            [
                "content/p.md:5:22: warning: `site.data.images.moss` is not defined, so it renders as nothing",
                "content/p.md:5:37: warning: `nothing` is not defined, so it renders as nothing",
            ]
        );
    }

    #[test]
    fn a_loop_over_an_object_goes_in_written_order() {
        let mut e = engine(&[]);
        let globals = object!({"site": {"data": {"images": {"b": {"src": "2"}, "a": {"src": "1"}, "c": {"src": "3"}}}}});
        let text = "{% for item in site.data.images %}{{ item[0] }}={{ item[1].src }} {% endfor %}";
        assert_eq!(
            render(&e, text, &globals).0.as_deref(),
            Some("a=1 b=2 c=3 "),
            "the keys' order without a known order"
        );
        e.set_key_order(
            [(
                "site.data.images".to_owned(),
                vec!["c".into(), "a".into(), "b".into()],
            )]
            .into(),
        );
        assert_eq!(
            render(&e, text, &globals).0.as_deref(),
            Some("c=3 a=1 b=2 ")
        );
        let array = object!({"list": [3, 1, 2]});
        assert_eq!(
            render(&e, "{% for i in list %}{{ i }}{% endfor %}", &array)
                .0
                .as_deref(),
            Some("312")
        );
    }

    #[test]
    fn a_missing_include_is_an_error() {
        let (out, problems) = render(&engine(&[]), "{% include nothere.html %}", &Object::new());
        assert_eq!(out, None);
        assert!(problems[0].contains("error: this Liquid"), "{problems:?}");
    }
}
