//! The language this engine reads: Liquid's standard tags and filters (from `liquid-lib`),
//! Jekyll's, and this engine's own (`filters`, `tags`), which take over those of Liquid's it
//! makes safe and lenient (`for`, `tablerow`, `capture`, `include`, arithmetic, `append`); and
//! the filters a template uses, so that those it does not know can be reported.

use std::sync::Arc;

use liquid_core::Language;
use liquid_core::parser::{ParseBlock, ParseFilter, ParseTag};
use liquid_lib::stdlib;

use super::filters::{self, Registered};
use super::jekyll_site::JekyllSite;
use super::tags::capture::CaptureBlock;
use super::tags::conditional::IfBlock;
use super::tags::for_loop::{ForBlock, TableRowBlock};
use super::tags::head::HeadTag;
use super::tags::highlight::Highlight;
use super::tags::include::IncludeTag;
use super::tags::links::{Kind, LinkTag};

/// The language with every tag and filter, and `unknown` filters that pass their input through.
pub fn language(site: &Arc<JekyllSite>, unknown: &[String]) -> Language {
    let mut language = Language::empty();
    let tags: Vec<Box<dyn ParseTag>> = vec![
        Box::new(stdlib::AssignTag),
        Box::new(stdlib::BreakTag),
        Box::new(stdlib::ContinueTag),
        Box::new(stdlib::CycleTag),
        Box::new(stdlib::IncrementTag),
        Box::new(stdlib::DecrementTag),
        Box::new(IncludeTag { site: site.clone() }),
        Box::new(LinkTag {
            kind: Kind::PostUrl,
            site: site.clone(),
        }),
        Box::new(LinkTag {
            kind: Kind::Link,
            site: site.clone(),
        }),
        Box::new(LinkTag {
            kind: Kind::IncludeRelative,
            site: site.clone(),
        }),
        Box::new(HeadTag { name: "seo" }),
        Box::new(HeadTag { name: "feed_meta" }),
    ];
    for tag in tags {
        language
            .tags
            .register(tag.reflection().tag().to_owned(), tag);
    }
    for block in blocks() {
        language
            .blocks
            .register(block.reflection().start_tag().to_owned(), block);
    }
    let liquids: Vec<Box<dyn ParseFilter>> = vec![
        Box::new(stdlib::Capitalize),
        Box::new(stdlib::Default),
        Box::new(stdlib::Downcase),
        Box::new(stdlib::Escape),
        Box::new(stdlib::EscapeOnce),
        Box::new(stdlib::Lstrip),
        Box::new(stdlib::NewlineToBr),
        Box::new(stdlib::Rstrip),
        Box::new(stdlib::Strip),
        Box::new(stdlib::StripHtml),
        Box::new(stdlib::StripNewlines),
        Box::new(stdlib::Truncate),
        Box::new(stdlib::Upcase),
        Box::new(stdlib::UrlDecode),
        Box::new(stdlib::UrlEncode),
    ];
    for filter in liquids {
        language
            .filters
            .register(filter.reflection().name().to_owned(), filter);
    }
    for (name, run) in filters::ALL {
        let filter: Box<dyn ParseFilter> = Box::new(Registered::new(name, Some(*run), site));
        language.filters.register((*name).to_owned(), filter);
    }
    for name in unknown {
        let filter: Box<dyn ParseFilter> = Box::new(Registered::new(name, None, site));
        language.filters.register(name.clone(), filter);
    }
    language
}

/// The block tags.
fn blocks() -> Vec<Box<dyn ParseBlock>> {
    vec![
        Box::new(stdlib::RawBlock),
        Box::new(IfBlock { negated: false }),
        Box::new(IfBlock { negated: true }),
        Box::new(stdlib::IfChangedBlock),
        Box::new(stdlib::CommentBlock),
        Box::new(stdlib::CaseBlock),
        Box::new(ForBlock),
        Box::new(TableRowBlock),
        Box::new(CaptureBlock),
        Box::new(Highlight),
    ]
}

/// The names of the block tags, for the nesting check.
pub fn block_names() -> Vec<&'static str> {
    vec![
        "raw",
        "if",
        "unless",
        "ifchanged",
        "comment",
        "case",
        "for",
        "tablerow",
        "capture",
        "highlight",
    ]
}

/// The names of every filter of a language.
pub fn filter_names(language: &Language) -> std::collections::BTreeSet<String> {
    language
        .filters
        .plugin_names()
        .map(|name| name.to_owned())
        .collect()
}

/// Every filter a template uses (`| name`), with where its name starts.
pub fn filter_uses(text: &str) -> Vec<(String, usize)> {
    let mut uses = Vec::new();
    let mut at = 0;
    while let Some(open) = text[at..].find(['{']).map(|i| at + i) {
        let rest = &text[open..];
        let close = if rest.starts_with("{{") {
            "}}"
        } else if rest.starts_with("{%") {
            "%}"
        } else {
            at = open + 1;
            continue;
        };
        let Some(end) = rest[2..].find(close).map(|i| open + 2 + i) else {
            break;
        };
        let inside = &text[open + 2..end];
        let mut quote = None;
        for (i, c) in inside.char_indices() {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'') => quote = Some(c),
                (None, '|') => {
                    let after = &inside[i + 1..];
                    let name_start = after.len() - after.trim_start().len();
                    let name: String = after[name_start..]
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    if !name.is_empty() {
                        uses.push((name, open + 2 + i + 1 + name_start));
                    }
                }
                _ => {}
            }
        }
        at = end + 2;
    }
    uses
}
