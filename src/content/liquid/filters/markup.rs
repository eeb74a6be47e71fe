//! Filters that render text again: `markdownify`, drawn with the build step's components (which
//! the compiler is given, `DrawMarkdown`), and `liquify` (the theme's plugin: a value's Liquid,
//! rendered in the template's own context).

use liquid::model::Value;
use liquid_core::Renderable;

use super::call::Call;
use crate::content::liquid::budget;

pub fn markdownify(call: &Call) -> liquid_core::Result<Value> {
    Ok(Value::scalar((call.site.draw_markdown)(&call.text())))
}

/// `liquify`: the input rendered with the variables of the template it is written in; a text that
/// cannot be read as Liquid is kept as it is. A value that `liquify`s itself nests until the
/// render's depth runs out, and the page gets an error.
pub fn liquify(call: &Call) -> liquid_core::Result<Value> {
    let text = call.text();
    if !text.contains("{{") && !text.contains("{%") {
        return Ok(Value::scalar(text));
    }
    let templates = call.site.templates()?;
    let Ok(template) = templates.compile(&text) else {
        return Ok(Value::scalar(text));
    };
    let mut out = Vec::new();
    budget::deeper(|| template.render_to(&mut budget::Bounded::new(&mut out), call.runtime))?;
    Ok(Value::scalar(String::from_utf8_lossy(&out).into_owned()))
}
