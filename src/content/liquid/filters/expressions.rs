//! Jekyll's filters that evaluate a Liquid expression for each item: `where_exp`, `find_exp`
//! (a condition, as `if` reads it: `item.year > 2020 and item.published`) and `group_by_exp` (a
//! value, filters allowed: `item.date | date: "%Y"`). Each item is bound to the variable named by
//! the first argument, over the template's own variables; a field an item lacks is nil.

use liquid::model::{Object, Value, ValueView};
use liquid_core::runtime::StackFrame;
use liquid_core::{Renderable, Result};

use super::array::{grouped, selectable};
use super::call::Call;
use crate::content::liquid::{budget, lax::Lax};

/// Renders `template` (a Liquid text) for each item, bound to the call's variable name.
fn for_each(call: &Call, template: &str, items: &[Value]) -> Result<Vec<String>> {
    let compiled = call.site.templates()?.compile(template)?;
    let variable = call.arg(0).to_kstr().to_string();
    items
        .iter()
        .map(|item| {
            let mut scope = Object::new();
            scope.insert(variable.clone().into(), item.clone());
            let frame = Lax::new(StackFrame::new(call.runtime, scope));
            let mut out = Vec::new();
            budget::deeper(|| compiled.render_to(&mut budget::Bounded::new(&mut out), &frame))?;
            Ok(String::from_utf8_lossy(&out).into_owned())
        })
        .collect()
}

/// Whether each item meets the call's condition.
fn meets(call: &Call, items: &[Value]) -> Result<Vec<bool>> {
    let condition = call.arg(1).to_kstr();
    let template = format!("{{% if {condition} %}}1{{% endif %}}");
    Ok(for_each(call, &template, items)?
        .into_iter()
        .map(|out| out == "1")
        .collect())
}

pub fn where_exp(call: &Call) -> Result<Value> {
    let Some(items) = selectable(call.input) else {
        return Ok(call.input.to_value());
    };
    let kept = meets(call, &items)?;
    Ok(Value::Array(
        items
            .into_iter()
            .zip(kept)
            .filter_map(|(item, keep)| keep.then_some(item))
            .collect(),
    ))
}

pub fn find_exp(call: &Call) -> Result<Value> {
    let Some(items) = selectable(call.input) else {
        return Ok(call.input.to_value());
    };
    let kept = meets(call, &items)?;
    Ok(items
        .into_iter()
        .zip(kept)
        .find_map(|(item, keep)| keep.then_some(item))
        .unwrap_or(Value::Nil))
}

pub fn group_by_exp(call: &Call) -> Result<Value> {
    let Some(items) = selectable(call.input) else {
        return Ok(call.input.to_value());
    };
    let expression = call.arg(1).to_kstr();
    let names = for_each(call, &format!("{{{{ {expression} }}}}"), &items)?;
    Ok(grouped(names.into_iter().zip(items)))
}
