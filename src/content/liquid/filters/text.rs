//! Filters that make texts longer, taken over from the `liquid` crate so that a text doubled in
//! a loop (`{% assign s = s | append: s %}`) stops at the render's limit instead of taking every
//! byte of memory.

use liquid::model::{Value, ValueView};
use liquid_core::Result;

use super::call::Call;
use crate::content::liquid::budget;

pub fn append(call: &Call) -> Result<Value> {
    let mut text = call.text();
    let more = call.arg(0).to_kstr();
    budget::check_text(text.len() + more.len())?;
    text.push_str(&more);
    Ok(Value::scalar(text))
}

pub fn prepend(call: &Call) -> Result<Value> {
    let text = call.text();
    let more = call.arg(0).to_kstr();
    budget::check_text(text.len() + more.len())?;
    Ok(Value::scalar(format!("{more}{text}")))
}

/// Jekyll's `xml_escape`: `&`, `<`, `>` and `"` as entities; nil is empty.
pub fn xml_escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

pub fn xml_escape(call: &Call) -> Result<Value> {
    Ok(Value::scalar(xml_escape_text(&call.text())))
}

/// Ruby's `CGI.escape`: every byte but letters, digits and `_.-~` as `%XX`, spaces as `+`.
pub fn cgi_escape(call: &Call) -> Result<Value> {
    let mut out = String::new();
    for byte in call.text().bytes() {
        match byte {
            b' ' => out.push('+'),
            b if b.is_ascii_alphanumeric() || b"_.-~".contains(&b) => out.push(char::from(b)),
            b => out.push_str(&format!("%{b:02X}")),
        }
    }
    Ok(Value::scalar(out))
}

/// Jekyll's `uri_escape` (Addressable's `normalize_component`): characters an address may hold
/// (reserved and unreserved) are kept, `%XX` sequences are read, everything else is `%XX`.
pub fn uri_escape(call: &Call) -> Result<Value> {
    let text = call.text();
    let decoded: Vec<u8> = percent_encoding::percent_decode_str(&text).collect();
    let mut out = String::new();
    for byte in decoded {
        if byte.is_ascii_alphanumeric() || b"-._~:/?#[]@!$&'()*+,;=".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    Ok(Value::scalar(out))
}

/// Whether a character is of the scripts Jekyll's `number_of_words` counts one by one.
fn is_cjk(c: char) -> bool {
    matches!(u32::from(c),
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF
        | 0x1100..=0x11FF | 0x3130..=0x318F | 0x20000..=0x2FA1F)
}

/// Jekyll's `number_of_words`: words between white space; with `"cjk"` every Chinese, Japanese
/// or Korean character counts as a word, with `"auto"` only when the text has one.
pub fn number_of_words(call: &Call) -> Result<Value> {
    let text = call.text();
    let mode = call.args.first().map(|m| m.to_kstr().to_string());
    let cjk = match mode.as_deref() {
        Some("cjk") => true,
        Some("auto") => text.chars().any(is_cjk),
        _ => false,
    };
    let count = if cjk {
        let characters = text.chars().filter(|c| is_cjk(*c)).count();
        let rest: String = text
            .chars()
            .map(|c| if is_cjk(c) { ' ' } else { c })
            .collect();
        characters + rest.split_whitespace().count()
    } else {
        text.split_whitespace().count()
    };
    Ok(Value::scalar(count as i64))
}

/// Ruby Liquid's `truncatewords`: the first `words` words (15 when not given, at least 1), split
/// at runs of white space and joined by one space, then `...` (or the second argument), if there
/// are more; otherwise the input as it is. liquid-lib's splits at each single space (so two
/// spaces make an empty "word") and counts 50 by default, hence this one.
pub fn truncatewords(call: &Call) -> Result<Value> {
    let text = call.text();
    let words = match call.arg(0) {
        Value::Nil => 15,
        words => super::math::to_integer(words),
    }
    .max(1) as usize;
    let ellipsis = match call.args.get(1) {
        None => "...".to_owned(),
        Some(value) => value.to_kstr().to_string(),
    };
    let list: Vec<&str> = text.split_whitespace().take(words + 1).collect();
    if list.len() <= words {
        return Ok(Value::scalar(text));
    }
    Ok(Value::scalar(format!(
        "{}{ellipsis}",
        list[..words].join(" ")
    )))
}

pub fn normalize_whitespace(call: &Call) -> Result<Value> {
    let text = call.text();
    Ok(Value::scalar(
        text.split_whitespace().collect::<Vec<_>>().join(" "),
    ))
}

/// Jekyll's `to_integer`: `true` 1, `false` 0, anything else as Ruby's `to_i` reads it.
pub fn to_integer(call: &Call) -> Result<Value> {
    let value = call.input.to_value();
    let integer = match value.as_scalar().and_then(|s| s.to_bool()) {
        Some(b) => i64::from(b),
        None => super::math::to_integer(&value),
    };
    Ok(Value::scalar(integer))
}

/// A value as Ruby's `inspect` writes it.
fn ruby_inspect(value: &Value) -> String {
    match value {
        Value::Nil | Value::State(_) => "nil".to_owned(),
        Value::Scalar(s) if s.type_name() == "string" => format!("{:?}", s.to_kstr().as_str()),
        Value::Scalar(s) => s.to_kstr().to_string(),
        Value::Array(list) => format!(
            "[{}]",
            list.iter().map(ruby_inspect).collect::<Vec<_>>().join(", ")
        ),
        Value::Object(object) => format!(
            "{{{}}}",
            object
                .iter()
                .map(|(k, v)| format!("{:?}=>{}", k.as_str(), ruby_inspect(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// Jekyll's `inspect`: the value as Ruby writes it, escaped for HTML.
pub fn inspect(call: &Call) -> Result<Value> {
    Ok(Value::scalar(xml_escape_text(&ruby_inspect(
        &call.input.to_value(),
    ))))
}

/// Jekyll's `slugify` in each of its modes (`default`, `raw`, `pretty`, `ascii`, `latin`; any
/// other, such as `none`, only lowers the case).
pub fn slugify(call: &Call) -> Result<Value> {
    if call.input.is_nil() {
        return Ok(Value::Nil);
    }
    let mode = call.args.first().map(|m| m.to_kstr().to_string());
    let slug = crate::content::repository::permalink::slugify_mode(
        &call.text(),
        mode.as_deref().unwrap_or("default"),
    );
    Ok(Value::scalar(slug))
}

/// Jekyll's `smartify` (kramdown's SmartyPants): straight quotes as curly ones, `--` and `---` as
/// dashes, `...` as an ellipsis, `<<` and `>>` as guillemets; the rest escaped for HTML, as
/// kramdown writes text.
pub fn smartify(call: &Call) -> Result<Value> {
    Ok(Value::scalar(smart_text(&call.text())))
}

/// The text of [`smartify`].
pub fn smart_text(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let rest = &chars[i..];
        let before = i.checked_sub(1).map(|j| chars[j]);
        let opens = before.is_none_or(|b| b.is_whitespace() || "([{-—–".contains(b));
        let (written, used): (&str, usize) = match rest {
            ['-', '-', '-', ..] => ("—", 3),
            ['-', '-', ..] => ("–", 2),
            ['.', '.', '.', ..] => ("…", 3),
            ['<', '<', ..] => ("«", 2),
            ['>', '>', ..] => ("»", 2),
            ['"', ..] if opens => ("“", 1),
            ['"', ..] => ("”", 1),
            ['\'', ..] if opens => ("‘", 1),
            ['\'', ..] => ("’", 1),
            ['&', ..] if is_entity(&rest[1..]) => ("&", 1),
            ['&', ..] => ("&amp;", 1),
            ['<', ..] => ("&lt;", 1),
            ['>', ..] => ("&gt;", 1),
            [c, ..] => {
                out.push(*c);
                i += 1;
                continue;
            }
            [] => break,
        };
        out.push_str(written);
        i += used;
    }
    out
}

/// Whether what follows a `&` is an entity's name or number and its `;`.
fn is_entity(after: &[char]) -> bool {
    let name: Vec<&char> = after
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == '#')
        .collect();
    !name.is_empty() && after.get(name.len()) == Some(&';')
}

/// Ruby's `gsub` (every) or `sub` (the first) of a plain `pattern`: an empty pattern matches
/// between every two characters, as in Ruby.
fn substitute(text: &str, pattern: &str, with: &str, every: bool) -> String {
    if pattern.is_empty() {
        if !every {
            return format!("{with}{text}");
        }
        let mut out = String::with_capacity(text.len() * (1 + with.len()) + with.len());
        out.push_str(with);
        for c in text.chars() {
            out.push(c);
            out.push_str(with);
        }
        return out;
    }
    if every {
        text.replace(pattern, with)
    } else {
        text.replacen(pattern, with, 1)
    }
}

/// `replace`, `replace_first`, `remove` and `remove_first`, of any input and arguments (nil is
/// an empty text, as Ruby's `to_s` makes it).
fn substituted(call: &Call, every: bool, with: Option<&Value>) -> Result<Value> {
    let text = call.text();
    let pattern = call.arg(0).to_kstr();
    let with = with.map(|w| w.to_kstr().to_string()).unwrap_or_default();
    let out = substitute(&text, &pattern, &with, every);
    budget::check_text(out.len())?;
    Ok(Value::scalar(out))
}

pub fn replace(call: &Call) -> Result<Value> {
    substituted(call, true, call.args.get(1))
}

pub fn replace_first(call: &Call) -> Result<Value> {
    substituted(call, false, call.args.get(1))
}

pub fn remove(call: &Call) -> Result<Value> {
    substituted(call, true, None)
}

pub fn remove_first(call: &Call) -> Result<Value> {
    substituted(call, false, None)
}

/// Ruby's `split`: on a single space, at every run of white space; on nothing, into characters;
/// empty parts at the end dropped.
pub fn split(call: &Call) -> Result<Value> {
    let text = call.text();
    let pattern = call.arg(0).to_kstr();
    let mut parts: Vec<String> = match pattern.as_str() {
        " " => text.split_whitespace().map(str::to_owned).collect(),
        "" => text.chars().map(String::from).collect(),
        pattern => text.split(pattern).map(str::to_owned).collect(),
    };
    while parts.last().is_some_and(String::is_empty) {
        parts.pop();
    }
    // Each part is a value of its own: a long text split into characters counts against the
    // render's steps, as a loop over them would.
    budget::spend(parts.len() as u64)?;
    Ok(Value::Array(parts.into_iter().map(Value::scalar).collect()))
}
