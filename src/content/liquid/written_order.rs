//! Loops over objects in the order their keys were written, as Jekyll (whose Ruby hashes keep
//! it) loops over them: liquid keeps objects in a hash map, whose order changes from run to run.

use std::borrow::Cow;
use std::collections::HashMap;

use liquid::model::{KString, Object, Value, ValueView};

/// `text` with each `{% for x in a.b.c %}` over an object rewritten to go over its
/// `[key, value]` pairs in the order they were written (Jekyll's order), and those pairs, by the
/// names the text now uses for them. liquid keeps objects in a hash map, whose order changes
/// from run to run; objects whose order is not known go in the order of their keys, the same
/// every time. `variable` gives the variables the text is rendered with, by name.
pub fn in_written_order<'t, 'v>(
    key_order: &HashMap<String, Vec<String>>,
    text: &'t str,
    variable: &dyn Fn(&str) -> Option<&'v dyn ValueView>,
) -> (Cow<'t, str>, Object) {
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
            ["for", _, "in", path, ..] => ordered_pairs(key_order, path, variable),
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
        return (Cow::Borrowed(text), extra);
    }
    out.push_str(rest);
    (Cow::Owned(out), extra)
}

/// The `[key, value]` pairs of the object at the dotted `path` of the variables, in written
/// order.
fn ordered_pairs<'p, 'v>(
    key_order: &HashMap<String, Vec<String>>,
    path: &'p str,
    variable: &dyn Fn(&str) -> Option<&'v dyn ValueView>,
) -> Option<(&'p str, Value)> {
    let (root, below) = path.split_once('.').unwrap_or((path, ""));
    let mut value = variable(root)?;
    for part in below.split('.').filter(|part| !part.is_empty()) {
        value = match (value.as_object(), value.as_array()) {
            (Some(object), _) => object.get(part)?,
            (None, Some(array)) => array.get(part.parse().ok()?)?,
            (None, None) => return None,
        };
    }
    let object = value.as_object()?;
    let mut keys: Vec<String> = object.keys().map(|k| k.to_string()).collect();
    match key_order.get(path) {
        Some(order) => {
            keys.sort_by_key(|k| order.iter().position(|o| o == k).unwrap_or(usize::MAX))
        }
        None => keys.sort(),
    }
    let pairs = keys
        .into_iter()
        .map(|key| {
            let value = object
                .get(key.as_str())
                .map_or(Value::Nil, |v| v.to_value());
            Value::Array(vec![Value::scalar(key), value])
        })
        .collect();
    Some((path, Value::Array(pairs)))
}

/// The order of the keys of objects that a loop meets only at render time (`{% for pair in row
/// %}` over a CSV row): each order by the object's keys, sorted. Kept in the render's registers.
#[derive(Default)]
pub struct KeyOrders(pub Option<std::sync::Arc<HashMap<Vec<String>, Vec<String>>>>);

impl KeyOrders {
    /// `keys` in their written order when it is known, else sorted (the same every time).
    pub fn arrange(&self, mut keys: Vec<String>) -> Vec<String> {
        keys.sort();
        match self.0.as_ref().and_then(|orders| orders.get(&keys)) {
            Some(order) => order.clone(),
            None => keys,
        }
    }
}
