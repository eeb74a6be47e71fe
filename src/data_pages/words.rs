//! The data views' words in the page's language, which the build writes on each view
//! (`data-words`, from `translations.yml` over the built-in words: `dataSearch`, `dataRecords`
//! with `{count}`, ...). A word the build did not give reads as its key.

use std::collections::HashMap;
use std::sync::Arc;

#[derive(Clone, Debug, Default)]
pub struct Words(Arc<HashMap<String, String>>);

impl Words {
    /// The words of a view's `data-words` (a JSON object of strings).
    pub fn read(json: &str) -> Self {
        Words(Arc::new(serde_json::from_str(json).unwrap_or_default()))
    }

    /// The word `key`.
    pub fn get(&self, key: &str) -> String {
        self.0.get(key).cloned().unwrap_or_else(|| key.to_owned())
    }

    /// The word `key` with `{name}` replaced by `value`.
    pub fn with(&self, key: &str, name: &str, value: &str) -> String {
        self.get(key).replace(&format!("{{{name}}}"), value)
    }
}

/// GBIF's constant (`PRESERVED_SPECIMEN`, `OCCURRENCE`) as words: `Preserved specimen`. Any
/// other value (a code such as `MNHN`, a name) as it is.
pub fn readable(value: &str) -> String {
    const SINGLE_WORDS: [&str; 5] = [
        "OCCURRENCE",
        "OBSERVATION",
        "CHECKLIST",
        "METADATA",
        "LITERATURE",
    ];
    let constant = value.chars().all(|c| c.is_ascii_uppercase() || c == '_')
        && (value.contains('_') || SINGLE_WORDS.contains(&value));
    if !constant {
        return value.to_owned();
    }
    // ASCII only (a constant is), which keeps Unicode's case tables out of the module.
    let mut words = value.replace('_', " ").to_ascii_lowercase();
    if let Some(first) = words.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    words
}
