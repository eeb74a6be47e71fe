//! Reading YAML with the position of every key, so that a wrong value can be pointed at.

use saphyr::{LoadableYamlNode, MarkedYamlOwned, ScalarOwned, YamlDataOwned};

use super::diagnostics::{Diagnostic, Position};

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
