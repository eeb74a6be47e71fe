//! Jekyll's `jsonify`: a value as JSON.

use liquid::model::{Value, ValueView};

use super::call::Call;

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

pub fn jsonify(call: &Call) -> liquid_core::Result<Value> {
    Ok(Value::scalar(to_json(&call.input.to_value())))
}
