//! Heading ids as Jekyll's kramdown (GFM input, `auto_ids`) makes them, so that links written for
//! the old site (`/about/#our-mission`) keep working: `## Our Mission` gets `our-mission`.

use std::collections::HashMap;

/// Hands out the ids of one page's headings, numbering repeats as kramdown does (`x`, `x-1`, ...).
#[derive(Debug, Default)]
pub struct HeadingIds {
    seen: HashMap<String, usize>,
}

impl HeadingIds {
    /// The id for a heading whose text is `text`; `None` when nothing of it can make an id.
    pub fn next(&mut self, text: &str) -> Option<String> {
        let base = slug(text);
        let count = self.seen.entry(base.clone()).or_insert(0);
        *count += 1;
        match *count {
            1 if base.is_empty() => None,
            1 => Some(base),
            n => Some(format!("{base}-{}", n - 1)),
        }
    }

    /// Records an id the author set by hand, so automatic ids do not repeat it.
    pub fn reserve(&mut self, id: &str) {
        *self.seen.entry(id.to_owned()).or_insert(0) += 1;
    }
}

/// Lower case; only word characters, `-` and spaces kept; spaces and tabs become `-`.
pub fn slug(text: &str) -> String {
    text.to_lowercase()
        .chars()
        .filter(|&c| is_word_char(c) || c == '-' || c == ' ' || c == '\t')
        .map(|c| if c == ' ' || c == '\t' { '-' } else { c })
        .collect()
}

/// Ruby's `\p{Word}`: letters, marks, numbers and connector punctuation such as `_`.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || is_combining_mark(c)
}

fn is_combining_mark(c: char) -> bool {
    matches!(u32::from(c), 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_follow_github_style() {
        let mut ids = HeadingIds::default();
        assert_eq!(ids.next("Our Mission").as_deref(), Some("our-mission"));
        assert_eq!(
            ids.next("Why Choose Specify?").as_deref(),
            Some("why-choose-specify")
        );
        assert_eq!(ids.next("abc def öúß").as_deref(), Some("abc-def-öúß"));
        assert_eq!(
            ids.next("before \tafter tab").as_deref(),
            Some("before--after-tab")
        );
    }

    #[test]
    fn repeated_headings_are_numbered() {
        let mut ids = HeadingIds::default();
        assert_eq!(ids.next("variable_name").as_deref(), Some("variable_name"));
        assert_eq!(
            ids.next("variable_name").as_deref(),
            Some("variable_name-1")
        );
        assert_eq!(
            ids.next("variable_name").as_deref(),
            Some("variable_name-2")
        );
    }

    #[test]
    fn headings_without_word_characters_get_no_id_the_first_time() {
        let mut ids = HeadingIds::default();
        assert_eq!(ids.next(";.;;"), None);
        assert_eq!(ids.next(";;").as_deref(), Some("-1"));
    }
}
