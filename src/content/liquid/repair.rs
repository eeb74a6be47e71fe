//! What Ruby Liquid reads in its lax mode (Jekyll's, with `error_mode: warn`) and the `liquid`
//! crate refuses: an empty output (`{{ }}`), characters no one sees inside the markup (a
//! right-to-left mark pasted with a name: `photo‎.src`), `\|` where a Markdown table cell escaped
//! its pipe, and an output whose expression cannot be read at all, which Ruby renders as nothing.
//! Each repair is made only when the text as written cannot be read, and each is reported where
//! it was written.

/// A repair made to a template's text: where (an offset in the text as written) and what was
/// assumed, in the editor's words.
#[derive(Debug, PartialEq)]
pub struct Repair {
    pub offset: usize,
    pub message: String,
}

/// Characters that are not seen: marks of direction, joiners, the byte-order mark, a soft hyphen.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{FEFF}'
    )
}

/// The text with the markup of every `{{ }}` and `{% %}` repaired as Ruby's lax parser reads
/// it, and the repairs; `None` when nothing needed repair.
pub fn repaired(text: &str) -> Option<(String, Vec<Repair>)> {
    let mut out = String::with_capacity(text.len());
    let mut repairs = Vec::new();
    let mut at = 0;
    let mut in_raw = false;
    while let Some(open) = text[at..].find('{').map(|i| at + i) {
        let rest = &text[open..];
        let close = match rest.get(..2) {
            Some("{{") => "}}",
            Some("{%") => "%}",
            _ => {
                out.push_str(&text[at..=open]);
                at = open + 1;
                continue;
            }
        };
        let Some(end) = rest[2..].find(close).map(|i| open + 2 + i) else {
            break;
        };
        out.push_str(&text[at..open]);
        let inside = &text[open + 2..end];
        let tag = inside.trim_start_matches('-').trim();
        if in_raw {
            in_raw = !(close == "%}" && tag.starts_with("endraw"));
            out.push_str(&text[open..end + 2]);
        } else if close == "%}" && tag.split_whitespace().next() == Some("raw") {
            in_raw = true;
            out.push_str(&text[open..end + 2]);
        } else {
            let markup = repaired_markup(inside, open + 2, &mut repairs);
            if close == "}}"
                && markup
                    .trim_matches(|c: char| c == '-' || c.is_whitespace())
                    .is_empty()
            {
                repairs.push(Repair {
                    offset: open,
                    message: "`{{ }}` holds nothing, so it renders as nothing".to_owned(),
                });
            } else {
                out.push_str(&text[open..open + 2]);
                out.push_str(&markup);
                out.push_str(close);
            }
        }
        at = end + 2;
    }
    out.push_str(&text[at..]);
    (!repairs.is_empty()).then_some((out, repairs))
}

/// One markup with its invisible characters and escaped pipes taken out (outside quotes).
fn repaired_markup(inside: &str, start: usize, repairs: &mut Vec<Repair>) -> String {
    let mut out = String::with_capacity(inside.len());
    let mut quote = None;
    let mut chars = inside.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match (quote, c) {
            (Some(q), c) if c == q => {
                quote = None;
                out.push(c);
            }
            (Some(_), c) => out.push(c),
            (None, '"' | '\'') => {
                quote = Some(c);
                out.push(c);
            }
            (None, c) if is_invisible(c) => repairs.push(Repair {
                offset: start + i,
                message: format!(
                    "an invisible character (U+{:04X}) in the Liquid is left out",
                    u32::from(c)
                ),
            }),
            (None, '\\') if chars.peek().map(|(_, n)| *n) == Some('|') => repairs.push(Repair {
                offset: start + i,
                message: "`\\|` in the Liquid is read as `|` (a Markdown table's escape)"
                    .to_owned(),
            }),
            (None, c) => out.push(c),
        }
    }
    out
}

/// Ruby's lax reading of outputs that cannot be read at all: each renders as nothing. `reads`
/// says whether one output, alone, can be read (or why not). `None` when every output can be.
pub fn without_unreadable_outputs(
    text: &str,
    reads: impl Fn(&str) -> Result<(), String>,
) -> Option<(String, Vec<Repair>)> {
    let mut out = String::with_capacity(text.len());
    let mut repairs = Vec::new();
    let mut at = 0;
    let mut in_raw = false;
    while let Some(open) = text[at..].find(['{']).map(|i| at + i) {
        let rest = &text[open..];
        let close = match rest.get(..2) {
            Some("{{") => "}}",
            Some("{%") => "%}",
            _ => {
                out.push_str(&text[at..=open]);
                at = open + 1;
                continue;
            }
        };
        let Some(end) = rest[2..].find(close).map(|i| open + 2 + i + 2) else {
            break;
        };
        out.push_str(&text[at..open]);
        let whole = &text[open..end];
        let tag = text[open + 2..end - 2].trim_start_matches('-').trim();
        if close == "%}" {
            match tag.split_whitespace().next() {
                Some("raw") => in_raw = true,
                Some("endraw") => in_raw = false,
                _ => {}
            }
            out.push_str(whole);
        } else if in_raw {
            out.push_str(whole);
        } else {
            match reads(whole) {
                Ok(()) => out.push_str(whole),
                Err(why) => repairs.push(Repair {
                    offset: open,
                    message: format!("`{whole}` cannot be read ({why}), so it renders as nothing"),
                }),
            }
        }
        at = end;
    }
    out.push_str(&text[at..]);
    (!repairs.is_empty()).then_some((out, repairs))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lax_markup_is_repaired_and_each_repair_is_placed() {
        let text = "a {{  }} b {{ site.data.photo\u{200E}.src }} | {{ '/m' \\| relative_url }} {{ 'x\u{200E}' }}";
        let (out, repairs) = repaired(text).unwrap();
        assert_eq!(
            out,
            "a  b {{ site.data.photo.src }} | {{ '/m' | relative_url }} {{ 'x\u{200E}' }}"
        );
        let offsets: Vec<usize> = repairs.iter().map(|r| r.offset).collect();
        assert_eq!(
            offsets,
            vec![2, text.find('\u{200E}').unwrap(), text.find('\\').unwrap()]
        );
        assert_eq!(
            repairs[0].message,
            "`{{ }}` holds nothing, so it renders as nothing"
        );
        assert_eq!(
            repairs[1].message,
            "an invisible character (U+200E) in the Liquid is left out"
        );
    }

    #[test]
    fn raw_text_and_sound_markup_are_left_alone() {
        assert_eq!(repaired("{% raw %}{{ }}{% endraw %} {{ a | b }}"), None);
        let reads = |output: &str| {
            if output.contains(" c ") {
                Err("expected a filter".to_owned())
            } else {
                Ok(())
            }
        };
        let (out, repairs) = without_unreadable_outputs("x {{ a b c }} {{ a }} y", reads).unwrap();
        assert_eq!(out, "x  {{ a }} y");
        assert_eq!(repairs[0].offset, 2);
        assert_eq!(
            repairs[0].message,
            "`{{ a b c }}` cannot be read (expected a filter), so it renders as nothing"
        );
    }
}
