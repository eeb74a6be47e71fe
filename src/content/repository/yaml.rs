//! Reading YAML with the position of every key, so that a wrong value can be pointed at, and the
//! skeleton every `key: value` file of the site shares ([`mapping`], [`text_of`], [`unknown_key`]).

use saphyr::{LoadableYamlNode, MarkedYamlOwned, ScalarOwned, YamlDataOwned};

use crate::content::diagnostics::{Diagnostic, Position, did_you_mean};

/// A YAML node and the position in its file where it starts.
pub struct Node<'a> {
    pub node: &'a MarkedYamlOwned,
    pub at: Position,
}

/// A parsed YAML document, with positions shifted to lines of the file it was cut from.
pub struct Document {
    root: Option<MarkedYamlOwned>,
    first_line: usize,
    /// What libyaml (Jekyll's) reads and saphyr would not, read as libyaml does, with a warning
    /// each: a key given twice in one mapping (the last value counts), a quoted text whose lines
    /// are indented less than its key.
    pub tolerated: Vec<Diagnostic>,
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
        check_aliases(file, text, first_line)?;
        let at = |error: &saphyr::ScanError| {
            Position::new(
                first_line + error.marker().line().saturating_sub(1),
                error.marker().col() + 1,
            )
        };
        let mut tolerated = Vec::new();
        let mut text = std::borrow::Cow::Borrowed(text);
        let mut loaded = MarkedYamlOwned::load_from_str(&text);
        // libyaml, which Jekyll uses, reads a quoted text whose next line is indented less than
        // its key; saphyr does not. Such lines are indented as far as the line before them
        // and read again (a few times at most).
        for _ in 0..MAX_REINDENTED {
            let Err(error) = &loaded else { break };
            if error.info() != UNDER_INDENTED_QUOTE {
                break;
            }
            let Some(fixed) = reindent(&text, error.marker().line()) else {
                break;
            };
            if tolerated.is_empty() {
                tolerated.push(
                    Diagnostic::warning(
                        file,
                        at(error),
                        "this line of a quoted text is indented less than its key",
                    )
                    .with_hint("indent it at least as far as the key; Jekyll reads it as it is"),
                );
            }
            text = std::borrow::Cow::Owned(fixed);
            loaded = MarkedYamlOwned::load_from_str(&text);
        }
        let loaded = match loaded {
            Err(error) if error.info() == DUPLICATE_KEY => {
                for (key, first, again) in duplicate_keys(&text) {
                    let line = |l: usize| first_line + l.saturating_sub(1);
                    tolerated.push(
                        Diagnostic::warning(
                            file,
                            Position::new(line(again.0), again.1),
                            format!(
                                "the key `{key}` is given twice in one mapping (lines {} and {}), so its first value is ignored",
                                line(first.0),
                                line(again.0)
                            ),
                        )
                        .with_hint(format!(
                            "remove one of the two; Jekyll keeps the last too (line {})",
                            line(again.0)
                        )),
                    );
                }
                load_keeping_the_last(&text)
            }
            loaded => loaded,
        };
        match loaded {
            Ok(documents) => Ok(Self {
                root: documents.into_iter().next(),
                first_line,
                tolerated,
            }),
            Err(error) => {
                let line = error.marker().line().max(1);
                let (explained, hint, line) =
                    explain(error.info(), &text, line, error.marker().col() + 1);
                let column = if line == error.marker().line().max(1) {
                    error.marker().col() + 1
                } else {
                    1
                };
                let at = Position::new(first_line + line - 1, column);
                Err(
                    Diagnostic::error(file, at, format!("{what} is not valid YAML: {explained}"))
                        .with_hint(hint),
                )
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

/// saphyr's message about what it could not read (at 1-based `line` and `column` of `text`), in
/// the terms of the slip that causes it most often, with the parser's own words after it; a hint;
/// and the line to report it at (a tab is reported on its own line, not where the scanner was).
fn explain(info: &str, text: &str, line: usize, column: usize) -> (String, String, usize) {
    let said = |what: &str| format!("{what} (the parser: {info})");
    let line_text = text.lines().nth(line - 1).unwrap_or("");
    let before_error: String = line_text.chars().take(column.saturating_sub(1)).collect();
    if info.contains("found a tab") || info.contains("tabs") {
        let tab_line = text
            .lines()
            .position(|l| l.trim_start_matches(' ').starts_with('\t'))
            .map_or(line, |i| i + 1);
        return (
            said("a line is indented with a tab"),
            "indent with spaces only: YAML does not read tabs there".to_owned(),
            tab_line,
        );
    }
    if info.contains("mapping values are not allowed") {
        return if before_error.contains(": ") {
            (
                said("a value holds `: `, which reads as the start of another key"),
                "put the value in quotes: `key: \"text: more text\"`".to_owned(),
                line,
            )
        } else {
            (
                said("this line is indented further than a key can be here"),
                "line it up with the keys above it, or indent it under a key that ends with `:`"
                    .to_owned(),
                line,
            )
        };
    }
    if info.contains("did not find expected") {
        return (
            said("this line is not indented like the other lines of its list or its keys"),
            "line up the keys of one item in one column, with spaces".to_owned(),
            line,
        );
    }
    if info.contains("unexpected character") {
        return (
            said("a value starts with a character YAML keeps for itself"),
            "put the value in quotes: `key: \"@value\"`".to_owned(),
            line,
        );
    }
    if info.contains("quoted scalar") {
        return (
            said("a quote opened here is never closed"),
            "close the quote at the end of the value".to_owned(),
            line,
        );
    }
    if info.contains("flow sequence") || info.contains("flow mapping") {
        return (
            said("a list in `[ ]` or a map in `{ }` is not closed"),
            "close it on the same line, or write it as lines starting with `- `".to_owned(),
            line,
        );
    }
    (
        info.to_owned(),
        "write `key: value` lines; quote values that contain `: ` or start with a special character"
            .to_owned(),
        line,
    )
}

/// saphyr's message for a quoted text continued on a line indented less than its key.
const UNDER_INDENTED_QUOTE: &str = "invalid indentation in quoted scalar";
/// How many such lines one file may have.
const MAX_REINDENTED: usize = 32;

/// `text` with the first line after line `line` (1-based, where a quoted text starts) that is
/// indented no further than that line's key, indented one space further than the key.
fn reindent(text: &str, line: usize) -> Option<String> {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let start = line.checked_sub(1)?;
    let indent_of = |l: &str| l.len() - l.trim_start_matches(' ').len();
    let key_indent = indent_of(lines.get(start)?);
    let offender = (start + 1..lines.len())
        .find(|&i| !lines[i].trim().is_empty() && indent_of(lines[i]) <= key_indent)?;
    let missing = key_indent + 1 - indent_of(lines[offender]);
    let mut out = String::with_capacity(text.len() + missing);
    for (i, l) in lines.iter().enumerate() {
        if i == offender {
            out.push_str(&" ".repeat(missing));
        }
        out.push_str(l);
    }
    Some(out)
}

/// saphyr's message for a key given twice.
const DUPLICATE_KEY: &str = "duplicated key in mapping";

/// Loads `text` letting a key given twice keep its last value.
/// A line and a column (counted from 1) of a text.
type LineColumn = (usize, usize);

/// Every key given again in the mapping that holds it: the key, and where its first and its
/// repeated occurrence are.
fn duplicate_keys(text: &str) -> Vec<(String, LineColumn, LineColumn)> {
    use saphyr_parser::{Event, Parser};
    /// A mapping being read: its keys so far, and whether the next node is a key.
    struct Mapping {
        keys: std::collections::HashMap<String, (usize, usize)>,
        key_next: bool,
    }
    let mut found = Vec::new();
    // One entry per open collection: `None` for a sequence.
    let mut open: Vec<Option<Mapping>> = Vec::new();
    let mut parser = Parser::new_from_str(text);
    while let Some(Ok((event, span))) = parser.next_event() {
        let at = (span.start.line(), span.start.col() + 1);
        let scalar = match event {
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                open.push(matches!(event, Event::MappingStart(..)).then(|| Mapping {
                    keys: Default::default(),
                    key_next: true,
                }));
                continue;
            }
            Event::MappingEnd | Event::SequenceEnd => {
                open.pop();
                None
            }
            Event::Scalar(value, ..) => Some(value.into_owned()),
            Event::Alias(_) => None,
            _ => continue,
        };
        // A node is complete: in a mapping, it was a key or a value.
        if let Some(Some(mapping)) = open.last_mut() {
            if mapping.key_next
                && let Some(key) = scalar
            {
                if let Some(first) = mapping.keys.get(&key) {
                    found.push((key, *first, at));
                } else {
                    mapping.keys.insert(key, at);
                }
            }
            mapping.key_next = !mapping.key_next;
        }
    }
    found
}

fn load_keeping_the_last(text: &str) -> Result<Vec<MarkedYamlOwned>, saphyr::ScanError> {
    let mut loader = saphyr::YamlLoader::<MarkedYamlOwned>::default();
    loader.allow_duplicate_keys(true);
    let mut parser = saphyr_parser::Parser::new_from_str(text);
    parser.load(&mut loader, true)?;
    match loader.error() {
        Some(error) => Err(error.clone()),
        None => Ok(loader.into_documents()),
    }
}

/// How deeply YAML may nest (sequences and mappings in one another), the same limit as for
/// Markdown: the YAML parser recurses once per level, and a few thousand levels would exhaust its
/// stack.
pub const MAX_DEPTH: usize = crate::content::limits::MAX_NESTING;

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

/// The most text a YAML file's aliases may add once each is replaced by what its anchor names.
pub const MAX_EXPANDED: usize = 64 << 20;

/// Refuses YAML whose aliases (`*name`) would make it larger than [`MAX_EXPANDED`] once read:
/// the loader copies an anchor's node for every alias, so a 100 KB text aliased 90,000 times
/// would take 9 GB. Each anchor's size is measured from the parser's events before anything is
/// loaded (texts and keys, one byte for each other node).
fn check_aliases(file: &str, text: &str, first_line: usize) -> Result<(), Diagnostic> {
    use saphyr_parser::{Event, Parser};
    if !text.contains('*') {
        return Ok(());
    }
    let mut sizes: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    // Each open collection: its anchor and its size so far.
    let mut open: Vec<(usize, usize)> = Vec::new();
    let mut added = 0usize;
    let mut parser = Parser::new_from_str(text);
    while let Some(Ok((event, span))) = parser.next_event() {
        let (size, anchor) = match event {
            Event::MappingStart(anchor, _) | Event::SequenceStart(anchor, _) => {
                open.push((anchor, 1));
                continue;
            }
            Event::MappingEnd | Event::SequenceEnd => match open.pop() {
                Some((anchor, size)) => (size, anchor),
                None => continue,
            },
            Event::Scalar(value, _, anchor, _) => (value.len().max(1), anchor),
            Event::Alias(anchor) => {
                let size = sizes.get(&anchor).copied().unwrap_or(1);
                added = added.saturating_add(size);
                if added > MAX_EXPANDED {
                    return Err(Diagnostic::error(
                        file,
                        Position::new(first_line + span.start.line().saturating_sub(1), span.start.col() + 1),
                        format!("the aliases (`*name`) of this file would make it larger than {} MB once read", MAX_EXPANDED >> 20),
                    )
                    .with_hint("write the data out, or use fewer aliases of large anchors (`&name`)"));
                }
                (size, 0)
            }
            _ => continue,
        };
        if anchor != 0 {
            sizes.insert(anchor, size);
        }
        if let Some((_, parent)) = open.last_mut() {
            *parent = parent.saturating_add(size);
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
    let mut document = match Document::parse(file, text, first_line, what) {
        Ok(document) => document,
        Err(d) => {
            diagnostics.push(d);
            return None;
        }
    };
    diagnostics.append(&mut document.tolerated);
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

/// Where each value of a document was written, by its dotted path (`composition.0.data`); where
/// each key was written, by [`key_path`].
pub type Positions = std::collections::HashMap<String, Position>;

/// The entry of `Positions` that holds where the key of the value at `path` was written.
pub fn key_path(path: &str) -> String {
    format!("{path}\u{1}key")
}

/// A YAML node as a Liquid value (what `site.*`, `page.*` and data files are to templates),
/// noting where each value starts under `prefix` in `positions`. Scalars keep YAML's types; a
/// text that YAML reads as a date stays text, as Jekyll shows it.
pub fn to_value(
    node: &MarkedYamlOwned,
    first_line: usize,
    prefix: &str,
    positions: &mut Positions,
) -> liquid::model::Value {
    use liquid::model::Value;
    positions.insert(prefix.to_owned(), position(node, first_line));
    let join = |key: &str| {
        if prefix.is_empty() {
            key.to_owned()
        } else {
            format!("{prefix}.{key}")
        }
    };
    match &node.data {
        YamlDataOwned::Value(ScalarOwned::String(s)) => Value::scalar(s.clone()),
        YamlDataOwned::Value(ScalarOwned::Integer(i)) => Value::scalar(*i),
        YamlDataOwned::Value(ScalarOwned::FloatingPoint(f)) => Value::scalar(f.into_inner()),
        YamlDataOwned::Value(ScalarOwned::Boolean(b)) => Value::scalar(*b),
        YamlDataOwned::Value(ScalarOwned::Null) | YamlDataOwned::BadValue => Value::Nil,
        YamlDataOwned::Sequence(items) => Value::Array(
            items
                .iter()
                .enumerate()
                .map(|(i, item)| to_value(item, first_line, &join(&i.to_string()), positions))
                .collect(),
        ),
        YamlDataOwned::Mapping(mapping) => {
            let mut object = liquid::model::Object::new();
            for (key_node, value) in mapping {
                let key = match &key_node.data {
                    YamlDataOwned::Value(scalar) => scalar_text(scalar),
                    _ => continue,
                };
                let path = join(&key);
                positions.insert(key_path(&path), position(key_node, first_line));
                let value = to_value(value, first_line, &path, positions);
                object.insert(key.into(), value);
            }
            Value::Object(object)
        }
        YamlDataOwned::Tagged(_, inner) => to_value(inner, first_line, prefix, positions),
        YamlDataOwned::Representation(text, _, _) => Value::scalar(text.clone()),
        _ => Value::Nil,
    }
}

fn scalar_text(scalar: &ScalarOwned) -> String {
    match scalar {
        ScalarOwned::String(s) => s.clone(),
        ScalarOwned::Integer(i) => i.to_string(),
        ScalarOwned::FloatingPoint(f) => f.to_string(),
        ScalarOwned::Boolean(b) => b.to_string(),
        ScalarOwned::Null => "null".into(),
    }
}

impl Document {
    /// The document as a Liquid value, with where each value is.
    pub fn to_value(&self) -> (liquid::model::Value, Positions) {
        let mut positions = Positions::new();
        let value = match &self.root {
            Some(root) => to_value(root, self.first_line, "", &mut positions),
            None => liquid::model::Value::Nil,
        };
        (value, positions)
    }
}

#[cfg(test)]
mod tests {
    use super::Document;

    /// The message, hint and position of the error in `text` (front matter starting on line 2).
    fn problem(text: &str) -> (usize, usize, String, String) {
        let error = Document::parse("content/p.md", text, 2, "front matter")
            .err()
            .expect("not valid YAML");
        (
            error.line,
            error.column,
            error
                .message
                .split(" (the parser:")
                .next()
                .unwrap()
                .to_owned(),
            error.hint.unwrap_or_default(),
        )
    }

    #[test]
    fn yaml_slips_are_said_in_the_editors_terms() {
        let cases = [
            (
                "title: x\ncomposition:\n  - type: a\n   data: b\n",
                (
                    5,
                    4,
                    "front matter is not valid YAML: this line is not indented like the other lines of its list or its keys",
                ),
            ),
            (
                "title: x\n\tlang: en\n",
                (
                    3,
                    1,
                    "front matter is not valid YAML: a line is indented with a tab",
                ),
            ),
            (
                "title: Welcome: to the site\n",
                (
                    2,
                    15,
                    "front matter is not valid YAML: a value holds `: `, which reads as the start of another key",
                ),
            ),
            (
                "title: x\n  lang: en\n",
                (
                    3,
                    7,
                    "front matter is not valid YAML: this line is indented further than a key can be here",
                ),
            ),
            (
                "title: @home\n",
                (
                    2,
                    8,
                    "front matter is not valid YAML: a value starts with a character YAML keeps for itself",
                ),
            ),
            (
                "title: \"unclosed\n",
                (
                    2,
                    8,
                    "front matter is not valid YAML: a quote opened here is never closed",
                ),
            ),
        ];
        for (text, (line, column, message)) in cases {
            let (l, c, m, hint) = problem(text);
            assert_eq!((l, c, m.as_str()), (line, column, message), "{text:?}");
            assert!(!hint.is_empty());
        }
        // The parser's own words stay, after the explanation.
        let error = Document::parse("content/p.md", "a: [1, 2\n", 1, "front matter")
            .err()
            .unwrap();
        assert!(
            error
                .message
                .ends_with("(the parser: while parsing a flow sequence, expected ',' or ']')"),
            "{}",
            error.message
        );
    }
}
