//! How deeply a template's blocks nest, found before liquid reads it: liquid's parser recurses
//! once per level, so 10,000 nested `{% if %}` (or unclosed ones, or nested comments) exhaust
//! the stack and abort the build. A template nested deeper than `MAX_NESTING` is refused with an
//! error at the tag that goes too deep.

use crate::content::limits::MAX_NESTING;

/// The byte offset of the first tag that opens a block deeper than [`MAX_NESTING`], if one does;
/// `blocks` are the names of the block tags (`if`, `for`, ...).
pub fn too_deep(text: &str, blocks: &[&str]) -> Option<usize> {
    let mut depth = 0usize;
    let mut at = 0;
    while let Some(open) = text[at..].find("{%").map(|i| at + i) {
        let close = text[open + 2..].find("%}").map(|i| open + 2 + i)?;
        let name = text[open + 2..close]
            .trim_start_matches('-')
            .split_whitespace()
            .next()
            .unwrap_or("");
        at = close + 2;
        if name == "raw" {
            // Its content is text, not tags.
            match find_end_raw(&text[at..]) {
                Some(end) => at += end,
                None => return None,
            }
        } else if blocks.contains(&name) {
            depth += 1;
            if depth > MAX_NESTING {
                return Some(open);
            }
        } else if name
            .strip_prefix("end")
            .is_some_and(|b| blocks.contains(&b))
        {
            depth = depth.saturating_sub(1);
        }
    }
    None
}

/// Where the `{% endraw %}` that ends a raw block ends, in `text` after its opening tag.
fn find_end_raw(text: &str) -> Option<usize> {
    let mut at = 0;
    while let Some(open) = text[at..].find("{%").map(|i| at + i) {
        let close = text[open + 2..].find("%}").map(|i| open + 2 + i)?;
        if text[open + 2..close].trim_matches(|c: char| c == '-' || c.is_whitespace()) == "endraw" {
            return Some(close + 2);
        }
        at = close + 2;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const BLOCKS: &[&str] = &["if", "for", "comment", "raw"];

    #[test]
    fn deep_and_unclosed_blocks_are_found_at_the_tag_too_deep() {
        let nested = "{% if a %}".repeat(MAX_NESTING + 5) + &"{% endif %}".repeat(MAX_NESTING + 5);
        assert_eq!(too_deep(&nested, BLOCKS), Some(MAX_NESTING * 10));
        let unclosed = "{% for x in y %}".repeat(15_000);
        assert!(too_deep(&unclosed, BLOCKS).is_some());
        let comments = "{% comment %}".repeat(20_000);
        assert!(too_deep(&comments, BLOCKS).is_some());
    }

    #[test]
    fn real_templates_and_raw_text_pass() {
        let deep_enough =
            "{% if a %}".repeat(MAX_NESTING) + "x" + &"{% endif %}".repeat(MAX_NESTING);
        assert_eq!(too_deep(&deep_enough, BLOCKS), None);
        let many_in_a_row = "{% if a %}x{% endif %}".repeat(10_000);
        assert_eq!(too_deep(&many_in_a_row, BLOCKS), None);
        let raw = format!("{{% raw %}}{}{{% endraw %}}", "{% if %}".repeat(500));
        assert_eq!(too_deep(&raw, BLOCKS), None);
    }
}
