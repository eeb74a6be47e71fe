//! Abbreviations (`*[GBIF]: Global Biodiversity Information Facility`): where they occur in a
//! document's text, marked up once every block is parsed.

use std::collections::HashMap;

use super::element::{AttrMap, ContentModel, Element, Kind};

/// Where the abbreviations of a document occur in its text, to mark them up.
pub(super) struct Abbreviations {
    /// Every abbreviation, the longest matching first so that `SCCs` wins over `SCC`: what
    /// kramdown's alternation of them, longest first, finds. An automaton rather than that
    /// regular expression, which took seconds to compile for thousands of abbreviations.
    any: aho_corasick::AhoCorasick,
    /// Expansion and attributes, by abbreviation.
    defs: HashMap<String, (String, AttrMap)>,
}

impl Abbreviations {
    pub(super) fn new(defs: Vec<(String, String, AttrMap)>) -> Self {
        let names: Vec<&str> = defs.iter().map(|(name, _, _)| name.as_str()).collect();
        let any = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(&names)
            .expect("abbreviations are short literal texts");
        let defs = defs
            .into_iter()
            .map(|(name, text, attr)| (name, (text, attr)))
            .collect();
        Self { any, defs }
    }

    /// Replaces, in the text of `el` and its descendants, each abbreviation that stands as a word
    /// of its own with an abbreviation element.
    pub(super) fn replace(&self, el: &mut Element) {
        let raw = el.opts.content_model == Some(ContentModel::Raw);
        let mut out = Vec::with_capacity(el.children.len());
        for mut child in std::mem::take(&mut el.children) {
            if child.kind != Kind::Text || raw {
                self.replace(&mut child);
                out.push(child);
                continue;
            }
            let text = child.value;
            let mut last = 0;
            for found in self.any.find_iter(&text) {
                let range = found.range();
                let word_before = text[..range.start]
                    .chars()
                    .next_back()
                    .is_some_and(is_word_char);
                let word_after = text[range.end..].chars().next().is_some_and(is_word_char);
                if range.start < last || word_before || word_after {
                    continue;
                }
                if range.start > last {
                    out.push(
                        Element::with_value(Kind::Text, &text[last..range.start])
                            .at(child.opts.location),
                    );
                }
                let name = &text[range.clone()];
                let mut abbr =
                    Element::with_value(Kind::Abbreviation, name).at(child.opts.location);
                if let Some((title, attr)) = self.defs.get(name) {
                    abbr.attr = attr.clone();
                    if !title.is_empty() {
                        abbr.attr.set("title", title.clone());
                    }
                }
                out.push(abbr);
                last = range.end;
            }
            if last < text.len() {
                out.push(Element::with_value(Kind::Text, &text[last..]).at(child.opts.location));
            }
        }
        el.children = out;
    }
}

/// Ruby's `\w`: ASCII letters, digits and `_`.
fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}
