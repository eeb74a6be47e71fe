//! A small JSON reader for the page data the browser receives, and `wire!`, which declares a type
//! of that data once for both ends.
//!
//! serde_json's generic deserializers cost about 80 KB of WebAssembly for this page model, a third
//! of the size budget of the whole app; this reader and the `FromJson` impls `wire!` writes do the
//! same job in a few kilobytes. The build still writes the data with serde; a test checks that
//! every page reads back equal.

/// Declares the structs of the browser's data: each as written, serialised by serde (at build
/// time), and read back by [`FromJson`] (in the browser) field by field under the same names.
macro_rules! wire {
    ($(
        $(#[$attr:meta])*
        pub struct $name:ident {
            $(
                $(#[$field_attr:meta])*
                pub $field:ident : $type:ty
            ),* $(,)?
        }
    )*) => {$(
        $(#[$attr])*
        #[derive(serde::Serialize)]
        pub struct $name {
            $($(#[$field_attr])* pub $field: $type,)*
        }

        impl $crate::model::json::FromJson for $name {
            fn from_json(mut json: $crate::model::json::Json) -> Option<Self> {
                Some(Self { $($field: json.take(stringify!($field))?),* })
            }
        }
    )*};
}
pub(crate) use wire;

/// A parsed JSON value. Objects keep their keys in order.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// Only whole non-negative numbers occur in the page data, and reading them needs none of
    /// the float-parsing code (about 10 KB of WebAssembly) that other numbers would.
    Number(u64),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

/// Parses a whole JSON document; `None` if it is not valid JSON.
pub fn parse(text: &str) -> Option<Json> {
    let mut parser = Parser {
        bytes: text.as_bytes(),
        at: 0,
        depth: 0,
    };
    let value = parser.value()?;
    parser.skip_space();
    (parser.at == parser.bytes.len()).then_some(value)
}

struct Parser<'a> {
    bytes: &'a [u8],
    at: usize,
    depth: usize,
}

/// Deeper nesting than any page has; it keeps hostile input from exhausting the stack.
const MAX_DEPTH: usize = 200;

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.at += 1;
        }
    }

    /// Skips spaces, then takes `byte` if it comes next.
    fn eat(&mut self, byte: u8) -> bool {
        self.skip_space();
        let found = self.peek() == Some(byte);
        self.at += usize::from(found);
        found
    }

    fn value(&mut self) -> Option<Json> {
        self.skip_space();
        let rest = &self.bytes[self.at..];
        for (word, value) in [
            ("null", Json::Null),
            ("true", Json::Bool(true)),
            ("false", Json::Bool(false)),
        ] {
            if rest.starts_with(word.as_bytes()) {
                self.at += word.len();
                return Some(value);
            }
        }
        match *rest.first()? {
            b'"' => self.string().map(Json::String),
            b'0'..=b'9' => self.number(),
            open @ (b'[' | b'{') => {
                self.depth += 1;
                if self.depth > MAX_DEPTH {
                    return None;
                }
                self.at += 1;
                let value = self.items(open == b'{')?;
                self.depth -= 1;
                Some(value)
            }
            _ => None,
        }
    }

    /// The items of an array or the entries of an object, after its opening bracket.
    fn items(&mut self, object: bool) -> Option<Json> {
        let close = if object { b'}' } else { b']' };
        let mut entries = Vec::new();
        let mut items = Vec::new();
        if !self.eat(close) {
            loop {
                if object {
                    self.skip_space();
                    let key = self.string()?;
                    if !self.eat(b':') {
                        return None;
                    }
                    entries.push((key, self.value()?));
                } else {
                    items.push(self.value()?);
                }
                if self.eat(close) {
                    break;
                }
                if !self.eat(b',') {
                    return None;
                }
            }
        }
        Some(if object {
            Json::Object(entries)
        } else {
            Json::Array(items)
        })
    }

    fn number(&mut self) -> Option<Json> {
        let mut value: u64 = 0;
        let start = self.at;
        while let Some(digit @ b'0'..=b'9') = self.peek() {
            value = value
                .checked_mul(10)?
                .checked_add(u64::from(digit - b'0'))?;
            self.at += 1;
        }
        let is_whole = self.at > start && !matches!(self.peek(), Some(b'.' | b'e' | b'E'));
        is_whole.then_some(Json::Number(value))
    }

    fn string(&mut self) -> Option<String> {
        if self.peek() != Some(b'"') {
            return None;
        }
        self.at += 1;
        let mut out = Vec::new();
        loop {
            let byte = self.peek()?;
            self.at += 1;
            match byte {
                b'"' => return String::from_utf8(out).ok(),
                b'\\' => {
                    let escape = self.peek()?;
                    self.at += 1;
                    let c = match escape {
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.unicode_escape()?,
                        b'"' | b'\\' | b'/' => char::from(escape),
                        _ => return None,
                    };
                    out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                }
                _ => out.push(byte),
            }
        }
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = std::str::from_utf8(self.bytes.get(self.at..self.at + 4)?).ok()?;
        let value = u32::from_str_radix(digits, 16).ok()?;
        self.at += 4;
        Some(value)
    }

    fn unicode_escape(&mut self) -> Option<char> {
        let first = self.hex4()?;
        let code = if (0xD800..0xDC00).contains(&first) && self.bytes[self.at..].starts_with(b"\\u")
        {
            self.at += 2;
            let second = self.hex4()?;
            0x10000 + ((first - 0xD800) << 10) + (second.wrapping_sub(0xDC00) & 0x3FF)
        } else {
            first
        };
        Some(char::from_u32(code).unwrap_or('\u{FFFD}'))
    }
}

/// Reading a value of the page model out of JSON, in the shape serde writes it; `None` when the
/// JSON has another shape. An absent key reads as `null`, which optional and list values accept
/// (serde leaves empty ones out).
pub trait FromJson: Sized {
    fn from_json(json: Json) -> Option<Self>;
}

impl Json {
    /// Takes the value of `key` out of an object (`null` if it has none), read as `T`.
    // Not inlined: `wire!` calls it once per field, and a copy of it in every struct's reader
    // would cost kilobytes of WebAssembly.
    #[inline(never)]
    pub fn take<T: FromJson>(&mut self, key: &str) -> Option<T> {
        T::from_json(self.take_value(key))
    }

    /// The value of `key` taken out of an object (`null` if it has none).
    #[inline(never)]
    fn take_value(&mut self, key: &str) -> Json {
        let value = match self {
            Json::Object(entries) => entries
                .iter_mut()
                .find(|(k, _)| k == key)
                .map(|(_, v)| std::mem::replace(v, Json::Null)),
            _ => None,
        };
        value.unwrap_or(Json::Null)
    }

    /// An externally tagged enum value as serde writes it: `"unit"` or `{"variant": content}`.
    pub fn into_variant(self) -> Option<(String, Json)> {
        match self {
            Json::String(name) => Some((name, Json::Null)),
            Json::Object(mut entries) if entries.len() == 1 => entries.pop(),
            _ => None,
        }
    }
}

impl FromJson for String {
    fn from_json(json: Json) -> Option<Self> {
        match json {
            Json::String(s) => Some(s),
            _ => None,
        }
    }
}

impl FromJson for u64 {
    fn from_json(json: Json) -> Option<Self> {
        match json {
            Json::Number(n) => Some(n),
            _ => None,
        }
    }
}

impl FromJson for u32 {
    fn from_json(json: Json) -> Option<Self> {
        u64::from_json(json)?.try_into().ok()
    }
}

impl FromJson for u8 {
    fn from_json(json: Json) -> Option<Self> {
        u64::from_json(json)?.try_into().ok()
    }
}

/// A flag left out of the data (serde skips `false`) reads as `false`.
impl FromJson for bool {
    fn from_json(json: Json) -> Option<Self> {
        match json {
            Json::Bool(b) => Some(b),
            Json::Null => Some(false),
            _ => None,
        }
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(json: Json) -> Option<Self> {
        let items = match json {
            Json::Array(items) => items,
            Json::Null => Vec::new(),
            _ => return None,
        };
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            out.push(T::from_json(item)?);
        }
        Some(out)
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(json: Json) -> Option<Self> {
        match json {
            Json::Null => Some(None),
            other => T::from_json(other).map(Some),
        }
    }
}

impl<A: FromJson, B: FromJson> FromJson for (A, B) {
    fn from_json(json: Json) -> Option<Self> {
        match json {
            Json::Array(items) if items.len() == 2 => {
                let mut items = items.into_iter();
                Some((A::from_json(items.next()?)?, B::from_json(items.next()?)?))
            }
            _ => None,
        }
    }
}

impl FromJson for crate::urls::BaseUrl {
    fn from_json(json: Json) -> Option<Self> {
        String::from_json(json).map(|base| Self::new(&base))
    }
}

impl FromJson for Json {
    fn from_json(json: Json) -> Option<Self> {
        Some(json)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_kind_of_value() {
        let mut json = parse(r#" {"a": [1, 25, true, false, null, {}, []], "b": {"c": "x\"y\u00e9\ud83c\udf3f\n"}} "#).unwrap();
        assert_eq!(
            json.take::<Vec<u32>>("a"),
            None,
            "a list of mixed values is not a list of numbers"
        );
        let mut json2 = parse(r#"{"a": [1, 25, true, false, null, {}, []]}"#).unwrap();
        let Some(Json::Array(items)) = json2.take::<Json>("a") else {
            panic!()
        };
        assert_eq!(
            items,
            [
                Json::Number(1),
                Json::Number(25),
                Json::Bool(true),
                Json::Bool(false),
                Json::Null,
                Json::Object(vec![]),
                Json::Array(vec![])
            ]
        );
        let mut b: Json = json.take("b").unwrap();
        assert_eq!(b.take::<String>("c").unwrap(), "x\"yé🌿\n");
    }

    #[test]
    fn rejects_damaged_data_without_panicking() {
        for bad in [
            "",
            "{",
            "[1,",
            "{\"a\" 1}",
            "\"open",
            "tru",
            "[1] x",
            "{\"a\":1,}",
            "\"\\u12\"",
            "-",
            "[1 2]",
            "1.5",
            "-1",
            "1e3",
            "99999999999999999999",
        ] {
            assert!(parse(bad).is_none(), "{bad:?}");
        }
        assert!(parse(&"[".repeat(10_000)).is_none());
    }

    #[test]
    fn absent_keys_read_as_empty_lists_and_missing_values() {
        let mut json = parse(r#"{"n": "x"}"#).unwrap();
        assert_eq!(json.take::<u32>("n"), None);
        assert_eq!(json.take::<String>("m"), None);
        assert_eq!(json.take::<Option<String>>("m"), Some(None));
        assert_eq!(json.take::<Vec<u32>>("m"), Some(vec![]));
    }
}
