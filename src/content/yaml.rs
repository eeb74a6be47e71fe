//! Reading YAML with the position of every key, so that a wrong value can be pointed at, and the
//! skeleton every `key: value` file of the site shares ([`mapping`], [`text_of`], [`unknown_key`]).

use saphyr::{LoadableYamlNode, MarkedYamlOwned, ScalarOwned, YamlDataOwned};

use super::diagnostics::{Diagnostic, Position, did_you_mean};

/// A YAML node and the position in its file where it starts.
pub struct Node<'a> {
    pub node: &'a MarkedYamlOwned,
    pub at: Position,
}

/// A parsed YAML document, with positions shifted to lines of the file it was cut from.
pub struct Document {
    root: Option<MarkedYamlOwned>,
    first_line: usize,
}

impl Document {
    /// Parses `text`, which starts on line `first_line` of `file`.
    pub fn parse(
        file: &str,
        text: &str,
        first_line: usize,
        what: &str,
    ) -> Result<Self, Diagnostic> {
        check_depth(file, text, first_line)?;
        match MarkedYamlOwned::load_from_str(text) {
            Ok(documents) => Ok(Self {
                root: documents.into_iter().next(),
                first_line,
            }),
            Err(error) => {
                let at = Position::new(
                    first_line + error.marker().line().saturating_sub(1),
                    error.marker().col() + 1,
                );
                Err(Diagnostic::error(file, at, format!("{what} is not valid YAML: {}", error.info()))
                    .with_hint("write `key: value` lines; quote values that contain `: ` or start with a special character"))
            }
        }
    }

    pub fn position(&self, node: &MarkedYamlOwned) -> Position {
        position(node, self.first_line)
    }

    /// The document's top-level `key: value` pairs; `Ok(empty)` for an empty document, `Err` with
    /// the position of the document when it is something else, such as a list.
    pub fn entries(&self) -> Result<Vec<(String, Node<'_>, Node<'_>)>, Position> {
        let Some(root) = &self.root else {
            return Ok(Vec::new());
        };
        entries(root, self.first_line)
    }
}

/// How deeply YAML may nest (sequences and mappings in one another), the same limit as for
/// Markdown: the YAML parser recurses once per level, and a few thousand levels would exhaust its
/// stack.
pub const MAX_DEPTH: usize = crate::content::kramdown::MAX_NESTING;

/// Refuses YAML nested deeper than [`MAX_DEPTH`] before it reaches the parser. The depth of a
/// line is the number of less-indented lines it sits under, plus the `- ` and `? ` entries that
/// open on the line itself (`- - - a`); it can only overestimate (a block scalar's lines count as
/// one level more), never miss a level.
fn check_depth(file: &str, text: &str, first_line: usize) -> Result<(), Diagnostic> {
    let mut indents: Vec<usize> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let content = line.trim_start_matches(' ');
        if content.trim().is_empty() || content.starts_with('#') {
            continue;
        }
        let indent = line.len() - content.len();
        while indents.last().is_some_and(|&top| top >= indent) {
            indents.pop();
        }
        indents.push(indent);
        let mut rest = content;
        let mut entries = 0;
        while let Some(after) = ["- ", "-\t", "? ", "?\t"]
            .iter()
            .find_map(|p| rest.strip_prefix(p))
        {
            entries += 1;
            rest = after.trim_start_matches([' ', '\t']);
        }
        let flow = flow_depth(rest);
        if indents.len() + entries + flow > MAX_DEPTH {
            return Err(Diagnostic::error(
                file,
                Position::new(first_line + n, indent + 1),
                format!("nesting deeper than {MAX_DEPTH} levels"),
            )
            .with_hint(
                "lists and sets of keys may be nested at most that deep; flatten the data here",
            ));
        }
    }
    Ok(())
}

/// The deepest nesting of `[` and `{` on a line, outside quotes.
fn flow_depth(line: &str) -> usize {
    let (mut depth, mut deepest, mut quote) = (0usize, 0usize, None);
    for c in line.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '#') => break,
            (None, '[' | '{') => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            (None, ']' | '}') => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// A `key: value` file (or front matter) starting on line `first_line` of `file`: parsed, and
/// checked to be a mapping, or `None` with the error reported. `what` names it in messages
/// (`the site settings file`).
pub fn mapping(
    file: &str,
    text: &str,
    first_line: usize,
    what: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Document> {
    let document = match Document::parse(file, text, first_line, what) {
        Ok(document) => document,
        Err(d) => {
            diagnostics.push(d);
            return None;
        }
    };
    if let Err(at) = document.entries() {
        diagnostics.push(
            Diagnostic::error(file, at, format!("{what} must be `key: value` lines"))
                .with_hint("write each setting as `key: value` on its own line"),
        );
        return None;
    }
    Some(document)
}

/// The text of `key`'s value; `None` when it is empty, or (with an error) not text.
pub fn text_of(
    file: &str,
    key: &str,
    value: &Node,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<String> {
    match text(value.node) {
        Ok(text) => text,
        Err(found) => {
            diagnostics.push(
                Diagnostic::error(
                    file,
                    value.at,
                    format!("`{key}` must be text, found {found}"),
                )
                .with_hint(format!(
                    "write `{key}: some text` on one line, or quote the value"
                )),
            );
            None
        }
    }
}

/// The text of `key`'s value, which must be there; `None`, with an error, when it is empty or
/// not text.
pub fn required_text_of(
    file: &str,
    key: &str,
    value: &Node,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<String> {
    let found = text_of(file, key, value, diagnostics);
    if found.is_none() && matches!(text(value.node), Ok(None)) {
        diagnostics.push(Diagnostic::error(
            file,
            value.at,
            format!("`{key}` is empty"),
        ));
    }
    found
}

/// The warning for a key the file's reader does not know (`noun` says what keys are there), with
/// the closest known one when there is one.
pub fn unknown_key(file: &str, key: &str, at: Position, known: &[&str], noun: &str) -> Diagnostic {
    let warning = Diagnostic::warning(file, at, format!("unknown {noun} `{key}`"));
    match did_you_mean(key, known) {
        Some(close) => warning.with_hint(format!("did you mean `{close}`?")),
        None => warning.with_hint(format!("the {noun}s are: {}", known.join(", "))),
    }
}

fn position(node: &MarkedYamlOwned, first_line: usize) -> Position {
    Position::new(
        first_line + node.span.start.line().saturating_sub(1),
        node.span.start.col() + 1,
    )
}

/// The `key: value` pairs of a mapping node (keys that are not text are skipped).
pub fn entries(
    node: &MarkedYamlOwned,
    first_line: usize,
) -> Result<Vec<(String, Node<'_>, Node<'_>)>, Position> {
    match &node.data {
        YamlDataOwned::Mapping(mapping) => Ok(mapping
            .iter()
            .filter_map(|(k, v)| {
                let key = k.data.as_str()?.to_owned();
                Some((
                    key,
                    Node {
                        node: k,
                        at: position(k, first_line),
                    },
                    Node {
                        node: v,
                        at: position(v, first_line),
                    },
                ))
            })
            .collect()),
        YamlDataOwned::Value(ScalarOwned::Null) | YamlDataOwned::BadValue => Ok(Vec::new()),
        _ => Err(position(node, first_line)),
    }
}

/// The items of a sequence node, or `None` when the node is not a list.
pub fn items(node: &MarkedYamlOwned, first_line: usize) -> Option<Vec<Node<'_>>> {
    match &node.data {
        YamlDataOwned::Sequence(items) => Some(
            items
                .iter()
                .map(|n| Node {
                    node: n,
                    at: position(n, first_line),
                })
                .collect(),
        ),
        _ => None,
    }
}

/// The text of a scalar (numbers are taken as written); `Ok(None)` for an empty value;
/// `Err` with a description of what was found instead of text.
pub fn text(node: &MarkedYamlOwned) -> Result<Option<String>, &'static str> {
    match &node.data {
        YamlDataOwned::Value(ScalarOwned::String(s)) => {
            let trimmed = s.trim();
            Ok((!trimmed.is_empty()).then(|| trimmed.to_owned()))
        }
        YamlDataOwned::Value(ScalarOwned::Integer(i)) => Ok(Some(i.to_string())),
        YamlDataOwned::Value(ScalarOwned::FloatingPoint(f)) => Ok(Some(f.to_string())),
        YamlDataOwned::Value(ScalarOwned::Null) => Ok(None),
        YamlDataOwned::Value(ScalarOwned::Boolean(_)) => Err("true or false"),
        YamlDataOwned::Sequence(_) => Err("a list"),
        YamlDataOwned::Mapping(_) => Err("a set of keys"),
        _ => Err("a value that is not text"),
    }
}
