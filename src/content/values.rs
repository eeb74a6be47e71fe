//! Reading values written in YAML front matter, `_data` and `_config.yml` (as Liquid holds
//! them): an object's text at a key, a flag, the value at a dotted path. Every stage reads values
//! with these, the theme's blocks and the settings more than Liquid itself.

use liquid::model::{Array, Object, Value, ValueView};

/// The object a value is, if it is one.
pub fn object(value: &Value) -> Option<&Object> {
    match value {
        Value::Object(object) => Some(object),
        _ => None,
    }
}

/// The list a value is, if it is one.
pub fn array(value: &Value) -> Option<&Array> {
    match value {
        Value::Array(items) => Some(items),
        _ => None,
    }
}

/// The value at `key` of an object value, if it is one and has it.
pub fn get<'a>(value: &'a Value, key: &str) -> Option<&'a Value> {
    object(value)?.get(key)
}

/// A value as text, if it is a scalar (numbers as written).
pub fn text(value: &Value) -> Option<String> {
    match value {
        Value::Scalar(scalar) => Some(scalar.to_kstr().to_string()),
        _ => None,
    }
}

/// The text at `key`, if there is some.
pub fn text_at(value: &Value, key: &str) -> Option<String> {
    get(value, key)
        .and_then(text)
        .map(|t| t.trim().to_owned())
        .filter(|t| !t.is_empty())
}

/// A value as a flag: `true` is true; so are `"true"` and `yes`, as YAML writers mean them.
pub fn flag(value: Option<&Value>) -> bool {
    match value {
        Some(Value::Scalar(scalar)) => scalar
            .to_bool()
            .unwrap_or_else(|| matches!(scalar.to_kstr().as_str(), "true" | "yes")),
        _ => false,
    }
}

/// The value at a dotted path (`examples.stats`) under `value`.
pub fn at_path<'a>(value: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.')
        .filter(|part| !part.is_empty())
        .try_fold(value, |value, part| match value {
            Value::Object(object) => object.get(part),
            Value::Array(items) => part.parse::<usize>().ok().and_then(|i| items.get(i)),
            _ => None,
        })
}

/// Whether a value is empty (nil, an empty text, list or object).
pub fn is_blank(value: &Value) -> bool {
    match value {
        Value::Nil => true,
        Value::Scalar(s) => s.to_kstr().trim().is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        Value::State(_) => true,
    }
}

/// For the `ValueView` of values seen through a runtime.
pub fn owned(value: &dyn ValueView) -> Value {
    value.to_value()
}
