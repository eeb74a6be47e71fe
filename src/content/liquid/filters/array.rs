//! The filters over lists, as Ruby's Liquid 4 and Jekyll 4 run them, which the `liquid` crate's
//! do not: they read any input as a list (Liquid's `InputIterator`: nil is an empty list, an
//! object or a text a list of one, nested lists are flattened) where the crate stops with
//! "Invalid input"; Jekyll's `where`, `find`, `group_by` and `sort` read a property through dots
//! (`item.author.name`) and compare numbers written as texts as numbers; `sort` puts items without
//! the property first; `push`, `pop`, `shift` and `unshift` give back any input that is not a list
//! unchanged.

use std::cmp::Ordering;

use liquid::model::{Object, Value, ValueView};
use liquid_core::{Error, Result};

use super::call::Call;
use super::math::to_integer;

/// Liquid's `InputIterator`: the input as the list a list filter works on.
pub fn items(value: &dyn ValueView) -> Vec<Value> {
    match value.to_value() {
        Value::Array(list) => {
            let mut flat = Vec::with_capacity(list.len());
            flatten(list, &mut flat);
            flat
        }
        Value::Nil | Value::State(_) => Vec::new(),
        other => vec![other],
    }
}

fn flatten(list: Vec<Value>, into: &mut Vec<Value>) {
    for item in list {
        match item {
            Value::Array(inner) => flatten(inner, into),
            other => into.push(other),
        }
    }
}

/// Jekyll's `item_property`: `property` (dotted for nested values) of `item`, a text that is a
/// number read as one (`parse_sort_input`).
pub fn property(item: &Value, property: &str) -> Value {
    let mut value = item.clone();
    for part in property.split('.') {
        value = match &value {
            Value::Object(object) => object.get(part).cloned().unwrap_or(Value::Nil),
            Value::Array(list) => part
                .parse::<usize>()
                .ok()
                .and_then(|i| list.get(i).cloned())
                .unwrap_or(Value::Nil),
            _ => Value::Nil,
        };
    }
    as_number_if_numeric(value)
}

/// A text that is an integer or a decimal as that number (Jekyll's `parse_sort_input`).
fn as_number_if_numeric(value: Value) -> Value {
    let Value::Scalar(scalar) = &value else {
        return value;
    };
    if scalar.type_name() != "string" {
        return value;
    }
    let text = scalar.to_kstr();
    let trimmed = text.trim();
    let digits = trimmed.strip_prefix('-').unwrap_or(trimmed);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let numeric = !whole.is_empty()
        && whole.chars().all(|c| c.is_ascii_digit())
        && fraction.chars().all(|c| c.is_ascii_digit())
        && !(digits.contains('.') && fraction.is_empty());
    if !numeric {
        return value;
    }
    if fraction.is_empty() {
        trimmed.parse::<i64>().map_or(value.clone(), Value::scalar)
    } else {
        trimmed.parse::<f64>().map_or(value.clone(), Value::scalar)
    }
}

/// Ruby's `<=>` as far as Liquid values have it: numbers by value, texts by bytes, lists item by
/// item; values of different kinds (which Ruby cannot compare) by their texts.
pub fn compare(a: &Value, b: &Value) -> Ordering {
    match (a, b) {
        (Value::Nil, Value::Nil) => Ordering::Equal,
        (Value::Scalar(x), Value::Scalar(y)) => {
            let numeric = |s: &liquid::model::ScalarCow| {
                matches!(s.type_name(), "whole number" | "fractional number")
            };
            match (numeric(x), numeric(y)) {
                (true, true) => x
                    .to_float()
                    .partial_cmp(&y.to_float())
                    .unwrap_or(Ordering::Equal),
                _ => x.to_kstr().as_str().cmp(y.to_kstr().as_str()),
            }
        }
        (Value::Array(x), Value::Array(y)) => x
            .iter()
            .zip(y)
            .map(|(a, b)| compare(a, b))
            .find(|o| o.is_ne())
            .unwrap_or_else(|| x.len().cmp(&y.len())),
        _ => a.to_kstr().as_str().cmp(b.to_kstr().as_str()),
    }
}

/// Jekyll's `compare_property_vs_target`: whether an item's property is the value looked for
/// (a list property holds it; a nil target looks for a nil property).
fn matches_target(property: &Value, target: &Value) -> bool {
    match target {
        Value::Nil => property.is_nil(),
        target => {
            let target = target.to_kstr();
            match property {
                Value::Array(list) => list.iter().any(|p| p.to_kstr() == target),
                Value::Nil => false,
                property => property.to_kstr() == target,
            }
        }
    }
}

/// The input as `where`, `find`, `group_by` and the `_exp` filters read it: an object's values,
/// a list's items; `None` for what they give back unchanged.
pub fn selectable(input: &dyn ValueView) -> Option<Vec<Value>> {
    match input.to_value() {
        Value::Array(list) => Some(list),
        Value::Object(object) => Some(object.into_iter().map(|(_, v)| v).collect()),
        _ => None,
    }
}

/// The items of `where` and `find` whose property (the first argument) is the value looked for
/// (the second), in order; `None` when Jekyll gives the input back unchanged (no property, a
/// list or object looked for, an input that is neither).
fn matching(call: &Call) -> Option<impl Iterator<Item = Value>> {
    let (key, target) = (call.arg(0), call.arg(1));
    if key.is_nil() || matches!(target, Value::Array(_) | Value::Object(_)) {
        return None;
    }
    let key = key.to_kstr().to_string();
    let target = target.clone();
    Some(
        selectable(call.input)?
            .into_iter()
            .filter(move |item| matches_target(&property(item, &key), &target)),
    )
}

pub fn where_filter(call: &Call) -> Result<Value> {
    Ok(match matching(call) {
        Some(items) => Value::Array(items.collect()),
        None => call.input.to_value(),
    })
}

pub fn find(call: &Call) -> Result<Value> {
    Ok(match matching(call) {
        Some(mut items) => items.next().unwrap_or(Value::Nil),
        None => call.input.to_value(),
    })
}

/// Groups as Jekyll's `group_by` writes them: `name`, `items` and `size`, in the order each
/// name is first met.
pub fn grouped(pairs: impl IntoIterator<Item = (String, Value)>) -> Value {
    let mut groups: Vec<(String, Vec<Value>)> = Vec::new();
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (name, item) in pairs {
        match index.get(&name) {
            Some(&i) => groups[i].1.push(item),
            None => {
                index.insert(name.clone(), groups.len());
                groups.push((name, vec![item]));
            }
        }
    }
    Value::Array(
        groups
            .into_iter()
            .map(|(name, items)| {
                let mut group = Object::new();
                group.insert("name".into(), Value::scalar(name));
                group.insert("size".into(), Value::scalar(items.len() as i64));
                group.insert("items".into(), Value::Array(items));
                Value::Object(group)
            })
            .collect(),
    )
}

pub fn group_by(call: &Call) -> Result<Value> {
    let Some(list) = selectable(call.input) else {
        return Ok(call.input.to_value());
    };
    let key = call.arg(0).to_kstr();
    Ok(grouped(list.into_iter().map(|item| {
        let name = property(&item, &key).to_kstr().to_string();
        (name, item)
    })))
}

/// Jekyll's `sort`: the list in order, or by a property with the items that lack it first (or
/// last: `sort: "name", "last"`).
pub fn sort(call: &Call) -> Result<Value> {
    let list = match call.input.to_value() {
        Value::Nil => return Err(Error::with_msg("Cannot sort a null object.")),
        Value::Array(list) => list,
        Value::Object(object) => object
            .into_iter()
            .map(|(k, v)| Value::Array(vec![Value::scalar(k.to_string()), v]))
            .collect(),
        other => vec![other],
    };
    let key = call.arg(0);
    if key.is_nil() {
        let mut list = list;
        list.sort_by(compare);
        return Ok(Value::Array(list));
    }
    let nils_first = match call.args.get(1).map(|v| v.to_kstr().to_string()).as_deref() {
        None | Some("first") => true,
        Some("last") => false,
        Some(other) => {
            return Err(Error::with_msg(format!(
                "Invalid nils order: '{other}' is not a valid nils order. It must be 'first' or 'last'."
            )));
        }
    };
    let key = key.to_kstr();
    let mut keyed: Vec<(Value, Value)> = list
        .into_iter()
        .map(|item| (property(&item, &key), item))
        .collect();
    keyed.sort_by(|(a, _), (b, _)| match (a.is_nil(), b.is_nil()) {
        (false, true) if nils_first => Ordering::Greater,
        (false, true) => Ordering::Less,
        (true, false) if nils_first => Ordering::Less,
        (true, false) => Ordering::Greater,
        _ => compare(a, b),
    });
    Ok(Value::Array(
        keyed.into_iter().map(|(_, item)| item).collect(),
    ))
}

/// Liquid's `sort_natural`: by text without regard to case, items without the property last.
pub fn sort_natural(call: &Call) -> Result<Value> {
    let key = call.arg(0);
    let mut keyed: Vec<(Option<String>, Value)> = items(call.input)
        .into_iter()
        .map(|item| {
            let value = if key.is_nil() {
                item.clone()
            } else {
                property(&item, &key.to_kstr())
            };
            let text = (!value.is_nil()).then(|| value.to_kstr().to_lowercase());
            (text, item)
        })
        .collect();
    keyed.sort_by(|(a, _), (b, _)| match (a, b) {
        (Some(a), Some(b)) => a.cmp(b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    });
    Ok(Value::Array(
        keyed.into_iter().map(|(_, item)| item).collect(),
    ))
}

/// The value of `key` that `uniq`, `compact` and `map` read of an item: a field of an object;
/// of a text, the key itself when the text holds it (Ruby's `String#[]`).
fn field(item: &Value, key: &str) -> Value {
    match item {
        Value::Object(object) => object.get(key).cloned().unwrap_or(Value::Nil),
        Value::Scalar(s) if s.type_name() == "string" && s.to_kstr().contains(key) => {
            Value::scalar(key.to_owned())
        }
        _ => Value::Nil,
    }
}

pub fn uniq(call: &Call) -> Result<Value> {
    let key = call.arg(0);
    // Each value by its written form (`1` and `"1"` differ), so that a long list is not
    // compared item by item with every other.
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for item in items(call.input) {
        let identity = if key.is_nil() {
            item.source().to_string()
        } else {
            field(&item, &key.to_kstr()).source().to_string()
        };
        if seen.insert(identity) {
            out.push(item);
        }
    }
    Ok(Value::Array(out))
}

pub fn compact(call: &Call) -> Result<Value> {
    let key = call.arg(0);
    Ok(Value::Array(
        items(call.input)
            .into_iter()
            .filter(|item| {
                if key.is_nil() {
                    !item.is_nil()
                } else {
                    !field(item, &key.to_kstr()).is_nil()
                }
            })
            .collect(),
    ))
}

pub fn map(call: &Call) -> Result<Value> {
    let key = call.arg(0).to_kstr();
    Ok(Value::Array(
        items(call.input)
            .iter()
            .map(|item| field(item, &key))
            .collect(),
    ))
}

pub fn reverse(call: &Call) -> Result<Value> {
    let mut list = items(call.input);
    list.reverse();
    Ok(Value::Array(list))
}

pub fn join(call: &Call) -> Result<Value> {
    let glue = match call.args.first() {
        Some(glue) => glue.to_kstr().to_string(),
        None => " ".to_owned(),
    };
    let texts: Vec<String> = items(call.input)
        .iter()
        .map(|item| item.to_kstr().to_string())
        .collect();
    let joined = texts.join(&glue);
    crate::content::liquid::budget::check_text(joined.len())?;
    Ok(Value::scalar(joined))
}

pub fn concat(call: &Call) -> Result<Value> {
    let Value::Array(more) = call.arg(0) else {
        return Err(Error::with_msg("concat filter requires an array argument"));
    };
    let mut list = items(call.input);
    list.extend(more.iter().cloned());
    Ok(Value::Array(list))
}

/// `first` and `last`: of a list its item, of an object its first or last pair, of anything
/// else nil (Ruby's texts have no `first`).
fn end(call: &Call, last: bool) -> Value {
    match call.input.to_value() {
        Value::Array(list) => {
            let item = if last { list.last() } else { list.first() };
            item.cloned().unwrap_or(Value::Nil)
        }
        Value::Object(object) => {
            let mut pairs = object.into_iter();
            let pair = if last { pairs.last() } else { pairs.next() };
            pair.map_or(Value::Nil, |(k, v)| {
                Value::Array(vec![Value::scalar(k.to_string()), v])
            })
        }
        _ => Value::Nil,
    }
}

pub fn first(call: &Call) -> Result<Value> {
    Ok(end(call, false))
}

pub fn last(call: &Call) -> Result<Value> {
    Ok(end(call, true))
}

/// `size`: a list's or an object's entries, a text's characters, anything else 0.
pub fn size(call: &Call) -> Result<Value> {
    let size = match call.input.to_value() {
        Value::Array(list) => list.len(),
        Value::Object(object) => object.len(),
        Value::Scalar(s) if s.type_name() == "string" => s.to_kstr().chars().count(),
        _ => 0,
    };
    Ok(Value::scalar(size as i64))
}

/// Jekyll's `push`, `pop`, `shift` and `unshift` work on a copy of a list, and give back any
/// other input as it is.
fn list_copy(call: &Call) -> Option<Vec<Value>> {
    match call.input.to_value() {
        Value::Array(list) => Some(list),
        _ => None,
    }
}

/// How many items `pop` and `shift` take (1 unless told).
fn count(call: &Call) -> usize {
    call.args
        .first()
        .map_or(1, |n| usize::try_from(to_integer(n)).unwrap_or(0))
}

pub fn push(call: &Call) -> Result<Value> {
    let Some(mut list) = list_copy(call) else {
        return Ok(call.input.to_value());
    };
    list.push(call.arg(0).clone());
    Ok(Value::Array(list))
}

pub fn unshift(call: &Call) -> Result<Value> {
    let Some(mut list) = list_copy(call) else {
        return Ok(call.input.to_value());
    };
    list.insert(0, call.arg(0).clone());
    Ok(Value::Array(list))
}

pub fn pop(call: &Call) -> Result<Value> {
    let Some(mut list) = list_copy(call) else {
        return Ok(call.input.to_value());
    };
    list.truncate(list.len().saturating_sub(count(call)));
    Ok(Value::Array(list))
}

pub fn shift(call: &Call) -> Result<Value> {
    let Some(list) = list_copy(call) else {
        return Ok(call.input.to_value());
    };
    let n = count(call).min(list.len());
    Ok(Value::Array(list[n..].to_vec()))
}

/// Jekyll's `sample` picks at random; a build must give the same site twice, so here it is the
/// first item (or the first `n`): the choice a reader cannot tell from a random one.
pub fn sample(call: &Call) -> Result<Value> {
    let Some(list) = list_copy(call) else {
        return Ok(call.input.to_value());
    };
    match call.args.first() {
        None => Ok(list.first().cloned().unwrap_or(Value::Nil)),
        Some(n) => {
            let n = usize::try_from(to_integer(n)).unwrap_or(0).min(list.len());
            Ok(Value::Array(list[..n].to_vec()))
        }
    }
}

pub fn array_to_sentence_string(call: &Call) -> Result<Value> {
    let connector = match call.args.first() {
        Some(c) => c.to_kstr().to_string(),
        None => "and".to_owned(),
    };
    let texts: Vec<String> = match call.input.to_value() {
        Value::Array(list) => list.iter().map(|v| v.to_kstr().to_string()).collect(),
        other => vec![other.to_kstr().to_string()],
    };
    let sentence = match texts.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [a, b] => format!("{a} {connector} {b}"),
        [init @ .., last] => format!("{}, {connector} {last}", init.join(", ")),
    };
    Ok(Value::scalar(sentence))
}

/// Liquid's `slice`: of a list, `length` items from `offset` (from the end when negative); of
/// anything else, that many characters of its text (nil is an empty text).
pub fn slice(call: &Call) -> Result<Value> {
    let offset = to_integer(call.arg(0));
    let length = call.args.get(1).map_or(1, |l| to_integer(l));
    let range = |len: usize| -> Option<std::ops::Range<usize>> {
        let len = i64::try_from(len).ok()?;
        let start = if offset < 0 {
            len.checked_add(offset)?
        } else {
            offset
        };
        if start < 0 || start > len || length < 0 {
            return None;
        }
        Some(start as usize..start.saturating_add(length).min(len) as usize)
    };
    match call.input.to_value() {
        Value::Array(list) => Ok(Value::Array(
            range(list.len()).map_or_else(Vec::new, |r| list[r].to_vec()),
        )),
        other => {
            let chars: Vec<char> = other.to_kstr().chars().collect();
            Ok(Value::scalar(
                range(chars.len()).map_or_else(String::new, |r| chars[r].iter().collect()),
            ))
        }
    }
}
