//! kramdown attribute lists: `{: #id .class key="value"}` after a block or a span, and
//! attribute list definitions `{:name: .class}` that later lists use by name (`{: name}`).

use crate::model::Attrs;

/// An attribute list, with the names of the definitions it refers to still unresolved.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AttributeList {
    pub attrs: Attrs,
    pub references: Vec<String>,
}

/// A problem inside an attribute list, at a byte offset into the text given to the parser.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttrError {
    pub offset: usize,
    pub message: String,
    pub hint: Option<String>,
}

impl AttrError {
    fn new(offset: usize, message: impl Into<String>, hint: impl Into<String>) -> Self {
        Self {
            offset,
            message: message.into(),
            hint: Some(hint.into()),
        }
    }
}

/// If `text` starts with a span attribute list (`{:.class}` or `{: .class}`), parses it and
/// returns it with the number of bytes it takes, including the braces.
pub fn span_at(text: &str) -> Option<Result<(AttributeList, usize), AttrError>> {
    let inner_start = text.strip_prefix("{:")?;
    // `{::comment}` and other `{::` forms are kramdown extensions, not attribute lists.
    if inner_start.starts_with(':') {
        return None;
    }
    Some(match closing_brace(inner_start) {
        Some(end) => parse(&inner_start[..end])
            .map(|list| (list, 2 + end + 1))
            .map_err(|e| AttrError {
                offset: e.offset + 2,
                ..e
            }),
        None => Err(AttrError::new(
            0,
            "attribute list is never closed",
            "close it with `}` on the same line, as in `{: .button}`",
        )),
    })
}

/// If `line` is an attribute list definition (`{:name: .class}`), returns the name and list.
pub fn definition(line: &str) -> Option<Result<(String, AttributeList), AttrError>> {
    let rest = line.trim().strip_prefix("{:")?;
    let name_len = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(rest.len());
    let (name, after) = rest.split_at(name_len);
    let body = after.strip_prefix(':')?;
    if name.is_empty() || !name.starts_with(|c: char| c.is_alphanumeric() || c == '_') {
        return None;
    }
    let end = match closing_brace(body) {
        Some(end) if body[end + 1..].trim().is_empty() => end,
        _ => {
            return Some(Err(AttrError::new(
                0,
                format!("attribute list definition `{name}` is never closed"),
                "end the definition with `}` on the same line",
            )));
        }
    };
    Some(parse(&body[..end]).map(|list| (name.to_owned(), list)))
}

/// Byte offset of the first `}` in `text` that is not escaped as `\}`.
fn closing_brace(text: &str) -> Option<usize> {
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '}' => return Some(i),
            _ => {}
        }
    }
    None
}

/// Parses the inside of an attribute list: whitespace-separated `#id`, `.class` (chainable as
/// `.a.b#id`), `key="value"` or `key='value'`, and bare names of definitions.
pub fn parse(inner: &str) -> Result<AttributeList, AttrError> {
    let mut list = AttributeList::default();
    let bytes = inner.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        match bytes[i] {
            b'.' | b'#' => {
                while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
                    let sigil = bytes[i];
                    let name_start = i + 1;
                    i = name_start;
                    while i < bytes.len() && is_name_byte(bytes[i]) {
                        i += 1;
                    }
                    let name = &inner[name_start..i];
                    let ends_cleanly = match bytes.get(i) {
                        None => true,
                        Some(b) => matches!(b, b'.' | b'#') || b.is_ascii_whitespace(),
                    };
                    if name.is_empty() || !ends_cleanly {
                        return Err(AttrError::new(
                            start,
                            format!("`{}` is not a valid class or id", token(inner, start)),
                            "classes are written `.name` and ids `#name`, with letters, digits, `-` and `_`",
                        ));
                    }
                    if sigil == b'.' {
                        if !list.attrs.has_class(name) {
                            list.attrs.classes.push(name.to_owned());
                        }
                    } else {
                        list.attrs.id = Some(name.to_owned());
                    }
                }
            }
            _ => {
                while i < bytes.len() && is_name_byte(bytes[i]) {
                    i += 1;
                }
                let name = &inner[start..i];
                if name.is_empty() {
                    return Err(AttrError::new(
                        start,
                        format!("unexpected `{}` in attribute list", token(inner, start)),
                        "write `.class`, `#id` or `key=\"value\"`, separated by spaces",
                    ));
                }
                if bytes.get(i) == Some(&b'=') {
                    i += 1;
                    let quote = match bytes.get(i) {
                        Some(q @ (b'"' | b'\'')) => *q,
                        _ => {
                            return Err(AttrError::new(
                                start,
                                format!("the value of `{name}` needs quotes"),
                                format!("write `{name}=\"...\"`"),
                            ));
                        }
                    };
                    i += 1;
                    let value_start = i;
                    while i < bytes.len() && bytes[i] != quote {
                        i += usize::from(bytes[i] == b'\\') + 1;
                    }
                    if i >= bytes.len() {
                        return Err(AttrError::new(
                            start,
                            format!("the value of `{name}` has no closing quote"),
                            format!("end the value with {}", quote as char),
                        ));
                    }
                    let value = unescape(&inner[value_start..i]);
                    i += 1;
                    set_attribute(&mut list.attrs, name, value);
                } else if i < bytes.len() && !bytes[i].is_ascii_whitespace() {
                    return Err(AttrError::new(
                        start,
                        format!("`{}` is not a valid attribute", token(inner, start)),
                        "write `.class`, `#id` or `key=\"value\"`, separated by spaces",
                    ));
                } else {
                    list.references.push(name.to_owned());
                }
            }
        }
    }
    Ok(list)
}

/// `class` and `id` given as key-value pairs mean the same as `.class` and `#id`.
fn set_attribute(attrs: &mut Attrs, name: &str, value: String) {
    match name {
        "id" => attrs.id = Some(value),
        "class" => attrs.merge(Attrs {
            classes: value.split_whitespace().map(str::to_owned).collect(),
            ..Attrs::default()
        }),
        _ => attrs.merge(Attrs {
            other: vec![(name.to_owned(), value)],
            ..Attrs::default()
        }),
    }
}

fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':') || b >= 0x80
}

/// The whitespace-delimited word at `start`, for messages.
fn token(text: &str, start: usize) -> &str {
    let rest = &text[start..];
    &rest[..rest.find(char::is_whitespace).unwrap_or(rest.len())]
}

fn unescape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match (c, chars.clone().next()) {
            ('\\', Some(next @ ('}' | '"' | '\'' | '\\'))) => {
                out.push(next);
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classes(list: &AttributeList) -> Vec<&str> {
        list.attrs.classes.iter().map(String::as_str).collect()
    }

    #[test]
    fn reads_classes_with_or_without_a_space_after_the_colon() {
        for (text, expected) in [
            ("{:.is-primary .button}", vec!["is-primary", "button"]),
            ("{: .button .is-primary}", vec!["button", "is-primary"]),
            ("{: .button}", vec!["button"]),
        ] {
            let (list, len) = span_at(text).unwrap().unwrap();
            assert_eq!(classes(&list), expected);
            assert_eq!(len, text.len());
        }
    }

    #[test]
    fn reads_ids_key_values_and_chained_names() {
        let (list, len) = span_at(r#"{: #intro .a.b title="Say \"hi\"" data-x='1'} rest"#)
            .unwrap()
            .unwrap();
        assert_eq!(list.attrs.id.as_deref(), Some("intro"));
        assert_eq!(classes(&list), ["a", "b"]);
        assert_eq!(
            list.attrs.other,
            [
                ("title".to_owned(), "Say \"hi\"".to_owned()),
                ("data-x".to_owned(), "1".to_owned())
            ]
        );
        assert_eq!(len, 45);
    }

    #[test]
    fn keeps_names_of_definitions_as_references() {
        let list = parse(" main .extra").unwrap();
        assert_eq!(list.references, ["main"]);
        assert_eq!(classes(&list), ["extra"]);
    }

    #[test]
    fn reads_definitions() {
        let (name, list) = definition("{:cta: .button .is-primary}").unwrap().unwrap();
        assert_eq!(name, "cta");
        assert_eq!(classes(&list), ["button", "is-primary"]);
        assert!(definition("{: .button}").is_none());
    }

    #[test]
    fn an_unclosed_list_is_an_error() {
        let error = span_at("{: .button").unwrap().unwrap_err();
        assert_eq!(error.message, "attribute list is never closed");
    }

    #[test]
    fn malformed_lists_say_what_is_wrong_and_where() {
        let error = span_at("{: .button title=x}").unwrap().unwrap_err();
        assert_eq!(error.message, "the value of `title` needs quotes");
        assert_eq!(error.offset, 11);
        let error = span_at("{: .but!ton}").unwrap().unwrap_err();
        assert_eq!(error.message, "`.but!ton` is not a valid class or id");
        let error = span_at("{: @x}").unwrap().unwrap_err();
        assert_eq!(error.message, "unexpected `@x` in attribute list");
    }

    #[test]
    fn kramdown_extensions_are_not_attribute_lists() {
        assert!(span_at("{::comment}").is_none());
        assert!(span_at("{ .x }").is_none());
    }
}
