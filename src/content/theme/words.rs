//! The interface's words in each language: the repository's (`_data/translations.yml`) over the
//! built-in ones (`interface_words.yml`: English, Spanish, German and French).

use liquid::model::Value;

use crate::content::repository::yaml;
use crate::content::values::{get, text_at};

/// The built-in interface words.
const INTERFACE_WORDS: &str = include_str!("interface_words.yml");

/// The interface's words: the repository's, over the built-in ones.
pub struct Words {
    own: Value,
    builtin: Value,
    root_lang: String,
}

impl Words {
    pub fn new(data: &Value, root_lang: &str) -> Self {
        Words {
            own: get(data, "translations").cloned().unwrap_or(Value::Nil),
            builtin: yaml::Document::parse(
                "interface_words.yml",
                INTERFACE_WORDS,
                1,
                "the built-in words",
            )
            .map(|document| document.to_value().0)
            .unwrap_or(Value::Nil),
            root_lang: root_lang.to_owned(),
        }
    }

    /// The site's root language.
    pub fn root_lang(&self) -> &str {
        &self.root_lang
    }

    /// The keys of the built-in words, in their file's order.
    pub fn builtin_keys(&self) -> Vec<String> {
        match &self.builtin {
            Value::Object(words) => words.keys().map(|key| key.to_string()).collect(),
            _ => Vec::new(),
        }
    }

    /// The word `key` in `lang`; failing that in the root language, then in English.
    pub fn get(&self, key: &str, lang: &str) -> String {
        let in_lang = |words: &Value, lang: &str| get(words, key).and_then(|w| text_at(w, lang));
        in_lang(&self.own, lang)
            .or_else(|| in_lang(&self.builtin, lang))
            .or_else(|| in_lang(&self.own, &self.root_lang))
            .or_else(|| in_lang(&self.builtin, &self.root_lang))
            .or_else(|| in_lang(&self.builtin, "en"))
            .unwrap_or_default()
    }
}
