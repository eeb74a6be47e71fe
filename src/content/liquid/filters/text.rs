//! Filters that make texts longer, taken over from the `liquid` crate so that a text doubled in
//! a loop (`{% assign s = s | append: s %}`) stops at the render's limit instead of taking every
//! byte of memory.

use liquid::model::{Value, ValueView};
use liquid_core::Result;

use super::call::Call;
use crate::content::liquid::budget;

pub fn append(call: &Call) -> Result<Value> {
    let mut text = call.text();
    let more = call.arg(0).to_kstr();
    budget::check_text(text.len() + more.len())?;
    text.push_str(&more);
    Ok(Value::scalar(text))
}

pub fn prepend(call: &Call) -> Result<Value> {
    let text = call.text();
    let more = call.arg(0).to_kstr();
    budget::check_text(text.len() + more.len())?;
    Ok(Value::scalar(format!("{more}{text}")))
}
