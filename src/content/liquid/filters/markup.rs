//! Filters that render text again: `liquify` (the theme's plugin: a value's Liquid, rendered in
//! the template's own context). `markdownify` draws with the build step's components, which the
//! compiler is given (`DrawMarkdown`).

use liquid::model::{KString, Object, Value};
use liquid_core::Runtime;

use super::site::JekyllSite;

/// `liquify`: `template` rendered with the variables of the template it is written in; a
/// template that cannot be rendered is kept as it is.
pub fn liquify(template: &str, site: &JekyllSite, runtime: &dyn Runtime) -> Value {
    let parser = site.parser.get().expect("built before use");
    let mut globals = Object::new();
    for name in runtime.roots() {
        if let Ok(value) = runtime.get(&[liquid::model::Scalar::new(name.to_string())]) {
            globals.insert(KString::from_ref(name.as_str()), value.into_owned());
        }
    }
    match parser.parse(template).and_then(|t| t.render(&globals)) {
        Ok(rendered) => Value::scalar(rendered),
        Err(_) => Value::scalar(template.to_owned()),
    }
}
