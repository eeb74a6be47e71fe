//! A parsed document, and `parse`: kramdown's `Kramdown::Document.new(text)`, which runs the
//! block parser, then the span parser over the blocks' text, then GFM's last pass.

use super::abbreviations::Abbreviations;
use super::element::{AttrMap, Element, Kind};
use super::options::Options;
use super::parser::Parser;
use super::scanner::Scanner;
use super::warnings::{MAX_WARNINGS_OF_A_KIND, Warning, WarningKind};

/// A footnote as the document defines it.
#[derive(Clone, Debug, PartialEq)]
pub struct Footnote {
    pub name: String,
    pub content: Element,
    pub attr: AttrMap,
}

/// A parsed document.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    pub root: Element,
    /// The footnotes that are referenced, by name.
    pub footnotes: Vec<Footnote>,
    pub warnings: Vec<Warning>,
    /// Warnings left out of `warnings` because their kind was reported often enough already,
    /// one of each kind with how many there were.
    pub more_warnings: Vec<(Warning, usize)>,
    /// The options in force at the end, `{::options}` included.
    pub options: Options,
}

/// Parses `text`, whose first line is line `first_line` of its file.
pub fn parse(text: &str, first_line: usize, options: &Options) -> Document {
    let mut parser = Parser::new(options.clone());
    let source = adapt_source(text);
    // Each nested block copies its text; this bounds the copies alive at once, and so the memory
    // a document of any shape takes.
    parser.nested_budget = 16 * source.len() + (1 << 20);
    let mut root = Element::new(Kind::Root).at(first_line);
    let mut src = Scanner::new(source, first_line);
    parser.parse_blocks(&mut root, &mut src);
    parser.collect_eob_ials(&root);
    parser.update_tree(&mut root);
    let mut footnotes = std::mem::take(&mut parser.footnotes);
    for footnote in &mut footnotes {
        parser.update_tree(&mut footnote.content);
    }
    if !parser.abbreviations.is_empty() {
        let defs: Vec<(String, String, AttrMap)> = std::mem::take(&mut parser.abbreviations)
            .into_iter()
            .map(|(name, text, serial, line)| {
                let mut attr = AttrMap::default();
                if let Some(ial) = parser.eob_ials.get(&serial).cloned() {
                    parser.update_attr_with_ial(&mut attr, &ial, line);
                }
                (name, text, attr)
            })
            .collect();
        let abbreviations = Abbreviations::new(defs);
        abbreviations.replace(&mut root);
        for footnote in &mut footnotes {
            abbreviations.replace(&mut footnote.content);
        }
    }
    let mut referenced = Vec::new();
    for footnote in footnotes {
        if footnote.referenced {
            let attr = footnote
                .eob_serial
                .and_then(|serial| parser.eob_ials.get(&serial).cloned())
                .map(|ial| {
                    let mut attr = AttrMap::default();
                    parser.update_attr_with_ial(&mut attr, &ial, footnote.content.opts.location);
                    attr
                })
                .unwrap_or_default();
            referenced.push(Footnote {
                name: footnote.name,
                content: footnote.content,
                attr,
            });
        } else {
            parser.warn(
                footnote.content.opts.location,
                WarningKind::UnreferencedFootnote {
                    name: footnote.name,
                },
            );
        }
    }
    if parser.gfm {
        parser.update_elements(&mut root);
    }
    let mut warnings = parser.warnings;
    warnings.sort_by_key(|w| w.line);
    warnings.dedup();
    let mut more_warnings: Vec<(Warning, usize)> = parser
        .more_warnings
        .into_values()
        .filter(|(_, n)| *n > MAX_WARNINGS_OF_A_KIND)
        .map(|(first, n)| (first, n - MAX_WARNINGS_OF_A_KIND))
        .collect();
    more_warnings.sort_by_key(|(w, _)| w.line);
    Document {
        root,
        footnotes: referenced,
        warnings,
        more_warnings,
        options: parser.options,
    }
}

/// Line ends made `\n`, and a final one added, as kramdown reads every source.
fn adapt_source(text: &str) -> String {
    let mut source = text.replace("\r\n", "\n").replace('\r', "\n");
    if source.ends_with('\n') {
        source.pop();
    }
    source.push('\n');
    source
}
