//! Automatic header ids, both ways kramdown makes them: its own (`basic_generate_id`, used with
//! kramdown input) and GitHub's (the GFM parser's, which Jekyll uses).

use std::collections::HashMap;

use super::scanner::re;

/// kramdown's own ids: leading non-letters dropped, only ASCII letters, digits, spaces and `-`
/// kept, spaces turned into `-`, lower case; `section` when nothing is left; repeats numbered.
#[derive(Debug, Default)]
pub struct KramdownIds {
    used: HashMap<String, usize>,
}

impl KramdownIds {
    pub fn generate(&mut self, text: &str, prefix: &str) -> String {
        let mut id = basic_generate_id(text);
        if id.is_empty() {
            id = "section".into();
        }
        match self.used.get_mut(&id) {
            Some(count) => {
                *count += 1;
                id = format!("{id}-{count}");
            }
            None => {
                self.used.insert(id.clone(), 0);
            }
        }
        format!("{prefix}{id}")
    }
}

/// The id kramdown derives from `text` before making it unique.
pub fn basic_generate_id(text: &str) -> String {
    // `^[^a-zA-Z]+` applies at the start of every line of the text.
    let stripped = re!(r"^[^a-zA-Z]+").replace_all(text, |_| String::new());
    stripped
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == ' ' || *c == '-')
        .map(|c| {
            if c == ' ' {
                '-'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

/// GitHub's ids: lower case, every character that is not a word character, `-`, space or tab
/// dropped, spaces and tabs turned into `-`, repeats numbered. Nothing left means an empty id,
/// which is not written out.
#[derive(Debug, Default)]
pub struct GfmIds {
    counter: HashMap<String, usize>,
}

impl GfmIds {
    pub fn generate(&mut self, text: &str, prefix: &str) -> String {
        let mut id: String = text
            .to_lowercase()
            .chars()
            .filter(|&c| is_word(c) || matches!(c, '-' | ' ' | '\t'))
            .map(|c| if c == ' ' || c == '\t' { '-' } else { c })
            .collect();
        let count = self
            .counter
            .entry(id.clone())
            .and_modify(|n| *n += 1)
            .or_insert(0);
        if *count > 0 {
            id = format!("{id}-{count}");
        }
        format!("{prefix}{id}")
    }
}

/// Ruby's `\p{Word}`: letters, marks, decimal digits, connector punctuation and joiners.
fn is_word(c: char) -> bool {
    let mut buf = [0u8; 4];
    re!(r"\A[\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\p{Join_Control}]\z").is_match(c.encode_utf8(&mut buf))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kramdown_ids() {
        let mut ids = KramdownIds::default();
        assert_eq!(ids.generate("This is a header", ""), "this-is-a-header");
        assert_eq!(
            ids.generate("12. Another one-1-here", ""),
            "another-one-1-here"
        );
        assert_eq!(ids.generate("Do ^& it now", ""), "do--it-now");
        assert_eq!(ids.generate("23232", ""), "section");
        assert_eq!(ids.generate("33333", ""), "section-1");
        assert_eq!(ids.generate("123", "hallo_"), "hallo_section-2");
    }

    #[test]
    fn github_ids() {
        let mut ids = GfmIds::default();
        assert_eq!(ids.generate("abc def öúß", ""), "abc-def-öúß");
        assert_eq!(ids.generate(";.;;", ""), "");
        assert_eq!(ids.generate(";;", ""), "-1");
        assert_eq!(ids.generate("before \tafter tab", ""), "before--after-tab");
        assert_eq!(ids.generate("with \u{a0}ä\u{a0}space", ""), "with-äspace");
        assert_eq!(ids.generate("variable_name", ""), "variable_name");
        assert_eq!(ids.generate("variable_name", ""), "variable_name-1");
    }
}
