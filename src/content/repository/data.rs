//! The site's data: every file under `_data/` (YAML, JSON, CSV), one value under `site.data` at
//! its path (`_data/es/navigation.yml` is `site.data.es.navigation`).

use std::collections::HashMap;

use liquid::model::{KString, Object, Value};

use super::source::SourceFile;
use super::yaml::{self, Positions};
use crate::content::diagnostics::{Diagnostic, Position};

/// The site's data, and where each value of it was written.
#[derive(Debug, Default)]
pub struct Data {
    /// `site.data`.
    pub value: Value,
    /// Each YAML file's dotted path (`es.navigation`), name as messages show it, and positions.
    files: Vec<(String, String, Positions)>,
    /// Each CSV file's header, the order its rows' keys go in.
    pub csv_headers: Vec<Vec<String>>,
}

impl Data {
    /// The keys of every object of the data in the order they were written, by the object's
    /// dotted path under `site.data` (`site.data.images`), for Liquid's loops over them.
    pub fn key_order(&self) -> HashMap<String, Vec<String>> {
        let mut order = HashMap::new();
        self.collect_order("", &self.value, &mut order);
        order
    }

    fn collect_order(&self, path: &str, value: &Value, order: &mut HashMap<String, Vec<String>>) {
        // Only YAML and JSON files have an order of their own (their positions); a CSV file's
        // rows, which can be millions, have their header's.
        if !path.is_empty() && self.position(path).is_none() {
            return;
        }
        let join = |key: &str| {
            if path.is_empty() {
                key.to_owned()
            } else {
                format!("{path}.{key}")
            }
        };
        match value {
            Value::Object(object) => {
                let mut keys: Vec<(Option<(String, Position)>, String)> = object
                    .keys()
                    .map(|k| {
                        let at = self.position(&join(k)).map(|(f, at)| (f.to_owned(), at));
                        (at, k.to_string())
                    })
                    .collect();
                keys.sort();
                order.insert(
                    format!("site.data{}{path}", if path.is_empty() { "" } else { "." }),
                    keys.iter().map(|(_, k)| k.clone()).collect(),
                );
                for (key, inner) in object.iter() {
                    self.collect_order(&join(key), inner, order);
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    self.collect_order(&join(&i.to_string()), item, order);
                }
            }
            _ => {}
        }
    }

    /// The file and position of the value at the dotted path `path` (`examples.stats.title`),
    /// or of the nearest value above it that is known.
    pub fn position(&self, path: &str) -> Option<(&str, Position)> {
        let (prefix, file, positions) = self
            .files
            .iter()
            .filter(|(prefix, _, _)| path == prefix || path.starts_with(&format!("{prefix}.")))
            .max_by_key(|(prefix, _, _)| prefix.len())?;
        let mut rest = path[prefix.len()..].trim_start_matches('.');
        loop {
            if let Some(at) = positions.get(rest) {
                return Some((file, *at));
            }
            match rest.rsplit_once('.') {
                Some((above, _)) => rest = above,
                None => return Some((file, positions.get("").copied().unwrap_or(Position::START))),
            }
        }
    }
}

/// Reads every data file into one tree.
pub fn read(files: &[SourceFile], diagnostics: &mut Vec<Diagnostic>) -> Data {
    let mut root = Object::new();
    let mut located = Vec::new();
    let mut csv_headers = Vec::new();
    for file in files {
        let Some(inside) = file.relative.strip_prefix("_data/") else {
            continue;
        };
        let Some((stem, extension)) = inside.rsplit_once('.') else {
            continue;
        };
        let Ok(text) = std::str::from_utf8(&file.bytes) else {
            diagnostics.push(
                Diagnostic::error(&file.shown, Position::START, "the file is not valid UTF-8")
                    .with_hint("save the file as UTF-8 in your editor"),
            );
            continue;
        };
        let value = match extension {
            "yml" | "yaml" => read_yaml(file, text, diagnostics).map(|(value, positions)| {
                located.push((stem.replace('/', "."), file.shown.clone(), positions));
                value
            }),
            "json" => read_json(file, text, diagnostics),
            "csv" => read_csv(file, text, b',', &mut csv_headers, diagnostics),
            "tsv" => read_csv(file, text, b'\t', &mut csv_headers, diagnostics),
            _ => continue,
        };
        let Some(value) = value else { continue };
        insert(&mut root, &stem.split('/').collect::<Vec<_>>(), value);
    }
    Data {
        value: Value::Object(root),
        files: located,
        csv_headers,
    }
}

/// Puts `value` at the path `parts` under `object`, making the objects on the way.
fn insert(object: &mut Object, parts: &[&str], value: Value) {
    let Some((part, rest)) = parts.split_first() else {
        return;
    };
    if rest.is_empty() {
        object.insert(KString::from_ref(part), value);
        return;
    }
    let entry = object
        .entry(KString::from_ref(part))
        .or_insert_with(|| Value::Object(Object::new()));
    if !matches!(entry, Value::Object(_)) {
        *entry = Value::Object(Object::new());
    }
    if let Value::Object(inner) = entry {
        insert(inner, rest, value);
    }
}

fn read_yaml(
    file: &SourceFile,
    text: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(Value, Positions)> {
    match yaml::Document::parse(&file.shown, text, 1, "the data file") {
        Ok(mut document) => {
            diagnostics.append(&mut document.tolerated);
            Some(document.to_value())
        }
        Err(d) => {
            diagnostics.push(d);
            None
        }
    }
}

/// A `.json` file: JSON, or else what Jekyll makes of it, which reads it with its YAML reader
/// (of which JSON is a part): text that is not JSON is often YAML's plain text (`MULTIPOLYGON
/// (((...`), read so with a warning.
fn read_json(file: &SourceFile, text: &str, diagnostics: &mut Vec<Diagnostic>) -> Option<Value> {
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(json) => Some(from_json(json, 0)),
        Err(error) if yaml::Document::parse(&file.shown, text, 1, "the data file").is_ok() => {
            diagnostics.push(
                Diagnostic::warning(
                    &file.shown,
                    Position::new(error.line().max(1), error.column().max(1)),
                    format!("the data file is not valid JSON ({error}); it is read as YAML, as Jekyll reads it"),
                )
                .with_hint("check the commas, quotes and brackets here, or name the file `.yml`"),
            );
            read_yaml(file, text, diagnostics).map(|(value, _)| value)
        }
        Err(error) => {
            diagnostics.push(
                Diagnostic::error(
                    &file.shown,
                    Position::new(error.line().max(1), error.column().max(1)),
                    format!("the data file is not valid JSON: {error}"),
                )
                .with_hint("check the commas, quotes and brackets here"),
            );
            None
        }
    }
}

/// JSON as a Liquid value, no deeper than YAML may be (deeper parts are left out).
fn from_json(json: serde_json::Value, depth: usize) -> Value {
    if depth > yaml::MAX_DEPTH {
        return Value::Nil;
    }
    match json {
        serde_json::Value::Null => Value::Nil,
        serde_json::Value::Bool(b) => Value::scalar(b),
        serde_json::Value::Number(n) => match n.as_i64() {
            Some(i) => Value::scalar(i),
            None => Value::scalar(n.as_f64().unwrap_or_default()),
        },
        serde_json::Value::String(s) => Value::scalar(s),
        serde_json::Value::Array(items) => {
            Value::Array(items.into_iter().map(|i| from_json(i, depth + 1)).collect())
        }
        serde_json::Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| (KString::from_string(k), from_json(v, depth + 1)))
                .collect(),
        ),
    }
}

/// A CSV (or TSV) file as Jekyll reads it: a list of rows, each an object keyed by the header.
fn read_csv(
    file: &SourceFile,
    text: &str,
    delimiter: u8,
    headers_read: &mut Vec<Vec<String>>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Value> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = match reader.headers() {
        Ok(headers) if text.starts_with('\u{feff}') => {
            // Jekyll (Ruby's CSV, in UTF-8) keeps a byte-order mark in the first column's name.
            diagnostics.push(
                Diagnostic::warning(
                    &file.shown,
                    Position::START,
                    format!(
                        "the file starts with an invisible byte-order mark, which Jekyll keeps in the first column's name: `{}` finds nothing",
                        headers.get(0).unwrap_or_default()
                    ),
                )
                .with_hint("save the file as UTF-8 without a byte-order mark (BOM)"),
            );
            headers
                .iter()
                .enumerate()
                .map(|(i, h)| {
                    if i == 0 {
                        format!("\u{feff}{}", h.trim_start_matches('\u{feff}'))
                    } else {
                        h.to_owned()
                    }
                })
                .collect()
        }
        Ok(headers) => headers.clone(),
        Err(error) => {
            diagnostics.push(Diagnostic::error(
                &file.shown,
                Position::START,
                format!("the data file cannot be read as CSV: {error}"),
            ));
            return None;
        }
    };
    headers_read.push(headers.iter().map(str::to_owned).collect());
    let mut rows = Vec::new();
    // Each row repeats the header's names: a file of long names and many short rows is read
    // into far more than its size.
    let mut size = 0usize;
    for record in reader.records() {
        match record {
            Ok(record) => {
                size += headers
                    .iter()
                    .zip(record.iter())
                    .map(|(k, v)| k.len() + v.len() + 1)
                    .sum::<usize>();
                if size > super::yaml::MAX_EXPANDED {
                    let line = record.position().map_or(1, |p| p.line() as usize);
                    diagnostics.push(
                        Diagnostic::error(
                            &file.shown,
                            Position::new(line, 1),
                            format!(
                                "this data file would be larger than {} MB once read (each row repeats the header's names)",
                                super::yaml::MAX_EXPANDED >> 20
                            ),
                        )
                        .with_hint("shorten the header's names, or split the file"),
                    );
                    return None;
                }
                rows.push(Value::Object(
                    headers
                        .iter()
                        .zip(record.iter())
                        // Ruby's CSV reads an empty field as nil (`{% if row.link %}` is false).
                        .map(|(k, v)| {
                            let value = if v.is_empty() {
                                Value::Nil
                            } else {
                                Value::scalar(v.to_owned())
                            };
                            (KString::from_ref(k), value)
                        })
                        .collect(),
                ));
            }
            Err(error) => {
                let line = error.position().map_or(1, |p| p.line() as usize);
                diagnostics.push(Diagnostic::error(
                    &file.shown,
                    Position::new(line, 1),
                    format!("this CSV row cannot be read: {error}"),
                ));
            }
        }
    }
    Some(Value::Array(rows))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::values::{at_path, text};

    #[test]
    fn every_kind_of_data_file_lands_at_its_path() {
        let files = [
            SourceFile::new("_data/images.yml", "moss:\n  src: /assets/moss.jpg\n"),
            SourceFile::new(
                "_data/es/navigation.yml",
                "- text: Acerca\n  href: /es/acerca/\n",
            ),
            SourceFile::new("_data/examples.json", "{\"stats\": {\"title\": \"34\"}}"),
            SourceFile::new("_data/members.csv", "name,country\nKU,US\nCSIRO,AU\n"),
        ];
        let mut diagnostics = Vec::new();
        let data = read(&files, &mut diagnostics);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert_eq!(
            data.position("es.navigation.0.href"),
            Some(("content/_data/es/navigation.yml", Position::new(2, 9)))
        );
        let data = data.value;
        let at = |path: &str| at_path(&data, path).and_then(text);
        assert_eq!(at("images.moss.src").as_deref(), Some("/assets/moss.jpg"));
        assert_eq!(at("es.navigation.0.text").as_deref(), Some("Acerca"));
        assert_eq!(at("examples.stats.title").as_deref(), Some("34"));
        assert_eq!(at("members.1.country").as_deref(), Some("AU"));
    }

    #[test]
    fn broken_data_files_are_errors_at_their_line() {
        let files = [
            SourceFile::new("_data/a.yml", "a: [unclosed\n"),
            SourceFile::new("_data/b.json", "{\n  \"a\": [1,\n}"),
        ];
        let mut diagnostics = Vec::new();
        read(&files, &mut diagnostics);
        let messages: Vec<String> = diagnostics
            .iter()
            .map(|d| format!("{}:{}", d.file, d.line))
            .collect();
        assert_eq!(
            messages,
            ["content/_data/a.yml:2", "content/_data/b.json:3"]
        );
        assert!(diagnostics.iter().all(Diagnostic::is_error));
    }

    /// What Jekyll reads leniently: a `.json` file through its YAML reader, a CSV file's
    /// byte-order mark kept in the first column's name, empty CSV fields nil.
    #[test]
    fn data_files_are_read_as_jekyll_reads_them() {
        let files = [
            SourceFile::new("_data/shape.json", "MULTIPOLYGON (((30 20, 45 40)))\n"),
            SourceFile::new("_data/trailing.json", "{\"a\": 1,}"),
            SourceFile::new(
                "_data/genera.csv",
                "\u{feff}Genus,Link\nAroga,\nDichomeris,https://x.org\n",
            ),
        ];
        let mut diagnostics = Vec::new();
        let data = read(&files, &mut diagnostics).value;
        assert_eq!(
            crate::content::diagnostics::first_lines(&diagnostics),
            [
                "content/_data/shape.json:1:1: warning: the data file is not valid JSON (expected value at line 1 column 1); it is read as YAML, as Jekyll reads it",
                "content/_data/trailing.json:1:9: warning: the data file is not valid JSON (trailing comma at line 1 column 9); it is read as YAML, as Jekyll reads it",
                "content/_data/genera.csv:1:1: warning: the file starts with an invisible byte-order mark, which Jekyll keeps in the first column's name: `Genus` finds nothing",
            ]
        );
        let at = |path: &str| at_path(&data, path).and_then(text);
        assert_eq!(
            at("shape").as_deref(),
            Some("MULTIPOLYGON (((30 20, 45 40)))")
        );
        assert_eq!(at("trailing.a").as_deref(), Some("1"));
        assert_eq!(at("genera.0.\u{feff}Genus").as_deref(), Some("Aroga"));
        assert_eq!(at_path(&data, "genera.0.Link"), Some(&Value::Nil));
        assert_eq!(at("genera.1.Link").as_deref(), Some("https://x.org"));
    }
}
