//! Attributes that authors set in Markdown with attribute lists, as Leptos attributes.

use leptos::attr::custom::custom_attribute;
use leptos::prelude::*;
use leptos::tachys::html::attribute::any_attribute::AnyAttribute;

use crate::content::body::Attrs;

/// `id`, `class` and the key-value pairs of `attrs`, ready to spread on an element.
pub fn html_attrs(attrs: &Attrs) -> Vec<AnyAttribute> {
    let mut out = Vec::new();
    if let Some(id) = &attrs.id {
        out.push(custom_attribute("id", id.clone()).into_any_attr());
    }
    if let Some(class) = attrs.class_attr() {
        out.push(custom_attribute("class", class).into_any_attr());
    }
    for (key, value) in &attrs.other {
        // Event handlers are dropped at build time already; this keeps the renderer safe on its own.
        if !key.to_ascii_lowercase().starts_with("on") {
            out.push(custom_attribute(key.clone(), value.clone()).into_any_attr());
        }
    }
    out
}
