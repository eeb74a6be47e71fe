//! GBIF data pages: the theme's layouts that embed GBIF's search widgets (`occurrence`,
//! `institution-key`, ...). We draw each as a page that leads to the same data on GBIF.org, in
//! the scope the repository gives its widgets in `_includes/js/config.js`.
//!
//! That file is JavaScript, which we do not run. The scope is read from its usual shapes (the
//! occurrence search's `rootPredicate` or `scope`: `equals` and `in` predicates, alone or under
//! an `and`, with values written out or named by a `var` at the top of the file). Anything else
//! (an `or`, a `not`, a value computed in code) leaves the link unscoped, with a warning.

use super::feature::button;
use super::words::Words;
use crate::content::body::blocks::{Feature, PageBlock};
use crate::content::body::{Attrs, Block, HtmlElement, Inline};

/// The theme's data layouts, with the GBIF.org search each leads to and, for a record's page,
/// the address of one record (its key follows).
pub const DATA_LAYOUTS: [(&str, Search, Option<&str>); 13] = [
    ("occurrence", Search::Occurrences, None),
    ("gbifData", Search::Occurrences, None),
    ("widget", Search::Occurrences, None),
    (
        "occurrence-key",
        Search::Occurrences,
        Some("https://www.gbif.org/occurrence/"),
    ),
    ("dataset", Search::Datasets, None),
    (
        "dataset-key",
        Search::Datasets,
        Some("https://www.gbif.org/dataset/"),
    ),
    ("collection-search", Search::Collections, None),
    (
        "collection-key",
        Search::Collections,
        Some("https://www.gbif.org/grscicoll/collection/"),
    ),
    ("institution-search", Search::Institutions, None),
    (
        "institution-key",
        Search::Institutions,
        Some("https://www.gbif.org/grscicoll/institution/"),
    ),
    ("publisher", Search::Publishers, None),
    (
        "publisher-key",
        Search::Publishers,
        Some("https://www.gbif.org/publisher/"),
    ),
    ("literature", Search::Literature, None),
];

/// The searches of GBIF.org the data pages lead to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Search {
    Occurrences,
    Datasets,
    Collections,
    Institutions,
    Publishers,
    Literature,
}

impl Search {
    fn address(self) -> &'static str {
        match self {
            Search::Occurrences => "https://www.gbif.org/occurrence/search",
            Search::Datasets => "https://www.gbif.org/dataset/search",
            Search::Collections => "https://www.gbif.org/grscicoll/collection/search",
            Search::Institutions => "https://www.gbif.org/grscicoll/institution/search",
            Search::Publishers => "https://www.gbif.org/publisher/search",
            Search::Literature => "https://www.gbif.org/resource/search?contentType=literature",
        }
    }

    /// The query parameter of this search for a predicate key of the widgets, where GBIF.org's
    /// search takes one.
    fn parameter(self, key: &str) -> Option<&'static str> {
        match (self, key) {
            (Search::Occurrences, "networkKey") => Some("network_key"),
            (Search::Occurrences, "publishingOrg" | "publishingOrganizationKey") => {
                Some("publishing_org")
            }
            (Search::Occurrences, "country") => Some("country"),
            (Search::Occurrences, "publishingCountry") => Some("publishing_country"),
            (Search::Occurrences, "datasetKey") => Some("dataset_key"),
            (Search::Occurrences, "institutionKey") => Some("institution_key"),
            (Search::Occurrences, "collectionKey") => Some("collection_key"),
            (Search::Occurrences, "taxonKey") => Some("taxon_key"),
            (Search::Datasets, "networkKey") => Some("network_key"),
            (Search::Datasets, "publishingOrg" | "publishingOrganizationKey") => {
                Some("publishing_org")
            }
            (Search::Datasets, "publishingCountry") => Some("publishing_country"),
            _ => None,
        }
    }
}

/// Where a data page leads on GBIF.org.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct DataLink {
    /// The search, in the site's scope.
    pub search: String,
    /// For a record's page: GBIF.org's address of a record, which the record's key completes
    /// in the browser (the page is served at every record's address).
    pub record: Option<String>,
}

/// The GBIF.org link of a page of layout `layout`, if it is a data layout.
pub fn data_link(layout: &str, scope: &Scope) -> Option<DataLink> {
    let (_, search, record) = DATA_LAYOUTS.iter().find(|(name, ..)| *name == layout)?;
    let mut address = search.address().to_owned();
    let mut separator = if address.contains('?') { '&' } else { '?' };
    for (key, value) in &scope.predicates {
        if let Some(parameter) = search.parameter(key) {
            address.push(separator);
            address.push_str(parameter);
            address.push('=');
            address.extend(percent_encoding::utf8_percent_encode(
                value,
                percent_encoding::NON_ALPHANUMERIC,
            ));
            separator = '&';
        }
    }
    Some(DataLink {
        search: address,
        record: record.map(str::to_owned),
    })
}

/// What the data pages need to include GBIF's own widgets (`gbif_widgets: true`).
#[derive(Clone, Debug, PartialEq, Hash)]
pub struct Widgets {
    /// The settings script the widgets read (`siteConfig`, `themeStyle`), as the theme's
    /// `assets/theme/js/config.js` makes it: `_includes/js/config.js` with its Liquid rendered.
    pub config_js: String,
    /// The block each data page carries.
    pub block: crate::content::body::blocks::GbifWidget,
}

/// The site's widget settings and the block of its data pages, for the library at `lib`.
pub fn widgets(
    lib: &str,
    config_source: &str,
    settings: &crate::content::repository::config::Settings,
    site: &dyn liquid::model::ValueView,
    data: &crate::content::repository::data::Data,
    engine: &crate::content::liquid::Liquid,
    diagnostics: &mut Vec<crate::content::diagnostics::Diagnostic>,
) -> Widgets {
    use crate::content::values::{get, object, text_at};
    let globals = [("site", site)];
    let theme_style = engine
        .render(
            "_config.yml",
            crate::content::diagnostics::Position::START,
            "{{ site.algae.style | jsonify }}",
            &globals,
            diagnostics,
        )
        .filter(|style| !style.trim().is_empty())
        .unwrap_or_else(|| "null".into());
    let config = engine
        .render(
            "_includes/js/config.js",
            crate::content::diagnostics::Position::START,
            config_source,
            &globals,
            diagnostics,
        )
        .unwrap_or_default();
    let config_js = format!("var themeStyle = {theme_style};\n{config}\n");
    // The site's languages as the widgets take them (the theme's `languageOptions`).
    let languages: Vec<serde_json::Value> = get(&data.value, "languages")
        .and_then(object)
        .map(|languages| {
            let order = data.key_order();
            let mut codes: Vec<String> = languages.keys().map(|k| k.to_string()).collect();
            if let Some(written) = order.get("site.data.languages") {
                codes.sort_by_key(|c| written.iter().position(|w| w == c));
            }
            codes
                .iter()
                .map(|code| {
                    let language = &languages[code.as_str()];
                    serde_json::json!({
                        "code": code,
                        "label": text_at(language, "label").unwrap_or_else(|| code.clone()),
                        "textDirection": text_at(language, "textDirection").unwrap_or_else(|| "ltr".into()),
                        "default": *code == settings.root_lang,
                        "localeCode": text_at(language, "widgetLocale").unwrap_or_else(|| code.clone()),
                    })
                })
                .collect()
        })
        .unwrap_or_else(|| {
            vec![serde_json::json!({"code": "en", "label": "English", "textDirection": "ltr", "default": true, "localeCode": "en"})]
        });
    Widgets {
        config_js,
        block: crate::content::body::blocks::GbifWidget {
            lib: lib.to_owned(),
            languages: serde_json::Value::Array(languages).to_string(),
        },
    }
}

/// The scope of the repository's occurrence widgets: predicate keys and the values each allows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Scope {
    pub predicates: Vec<(String, String)>,
    /// Why the scope could not be read, when it could not.
    pub unread: Option<String>,
}

/// The scope written in `_includes/js/config.js` (see the module's comment).
pub fn scope_of(config_js: &str) -> Scope {
    let Some(start) = ["rootPredicate", "\"scope\"", "scope:"]
        .iter()
        .filter_map(|marker| config_js.find(marker).map(|at| at + marker.len()))
        .min()
    else {
        return Scope::default();
    };
    let Some(predicate) = braced(&config_js[start..]) else {
        return Scope::default();
    };
    let mut scope = Scope::default();
    let tokens = tokens(predicate);
    let mut i = 0;
    while i < tokens.len() {
        let next = tokens.get(i + 1).map(|t| t.trim_start_matches('\''));
        match (tokens[i].as_str(), next) {
            ("type", Some(kind)) if !matches!(kind, "equals" | "in" | "and") => {
                scope.predicates.clear();
                scope.unread = Some(format!(
                    "its `{kind}` predicate cannot be written as a GBIF.org search"
                ));
                return scope;
            }
            ("key", Some(key)) => {
                let key = key.to_owned();
                let Some(value_at) = tokens[i..]
                    .iter()
                    .position(|t| t == "value" || t == "values")
                    .map(|p| i + p + 1)
                else {
                    break;
                };
                let values = values_at(&tokens, value_at, config_js);
                if values.is_empty() {
                    scope.unread = Some(format!("the values of `{key}` are computed in code"));
                }
                for value in values {
                    scope.predicates.push((key.clone(), value));
                }
                i = value_at;
            }
            _ => {}
        }
        i += 1;
    }
    scope
}

/// The values at `tokens[at]`: a string, a list of strings (`[` ... `]`), or a name given a
/// string or a list at the top of the file (`var networkKey = '...'`).
fn values_at(tokens: &[String], at: usize, file: &str) -> Vec<String> {
    match tokens.get(at).map(String::as_str) {
        Some("[") => tokens[at + 1..]
            .iter()
            .take_while(|t| *t != "]")
            .filter_map(|t| t.strip_prefix('\'').map(str::to_owned))
            .collect(),
        Some(token) if token.starts_with('\'') => vec![token[1..].to_owned()],
        Some(name) => variable(file, name),
        None => Vec::new(),
    }
}

/// The string or list of strings a `var`, `let` or `const` of the file is given.
fn variable(file: &str, name: &str) -> Vec<String> {
    let tokens = tokens(file);
    tokens
        .windows(3)
        .position(|w| {
            matches!(w[0].as_str(), "var" | "let" | "const") && w[1] == name && w[2] == "="
        })
        .map(|at| values_at(&tokens, at + 3, file))
        .unwrap_or_default()
}

/// The text inside the first `{ ... }` of `text`.
fn braced(text: &str) -> Option<&str> {
    let open = text.find('{')?;
    let mut depth = 0;
    for (i, c) in text[open..].char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(&text[open + 1..open + i]);
                }
            }
            _ => {}
        }
    }
    None
}

/// JavaScript cut into names, strings (kept with a leading `'` whatever quote they had) and
/// punctuation; comments are skipped.
fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
            }
            '/' if chars.peek() == Some(&'*') => {
                let mut last = ' ';
                for c in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
            }
            '\'' | '"' | '`' => {
                let mut value = String::from('\'');
                while let Some(next) = chars.next() {
                    match next {
                        '\\' => value.extend(chars.next()),
                        _ if next == c => break,
                        _ => value.push(next),
                    }
                }
                // Object keys are written quoted or not; they read the same.
                if chars.peek() == Some(&':') || out.last().is_some_and(|t| t == "{" || t == ",") {
                    let mut rest = chars.clone();
                    while rest.peek().is_some_and(|c| c.is_whitespace()) {
                        rest.next();
                    }
                    if rest.peek() == Some(&':') {
                        out.push(value[1..].to_owned());
                        continue;
                    }
                }
                out.push(value);
            }
            c if c.is_alphanumeric() || c == '_' || c == '$' => {
                let mut name = String::from(c);
                while let Some(&next) = chars.peek() {
                    if next.is_alphanumeric() || next == '_' || next == '$' || next == '.' {
                        name.push(next);
                        chars.next();
                    } else {
                        break;
                    }
                }
                out.push(name);
            }
            c if c.is_whitespace() || c == ':' || c == ',' || c == ';' => {}
            c => out.push(c.to_string()),
        }
    }
    out
}

/// Where the data pages' module finds GBIF's data: the API's base (`https://api.gbif.org/v1`;
/// its maps are at `/v2/map` beside it) and the base map tiles' (`{z}/{x}/{y}@1x.png` below it).
#[derive(Clone, Copy, Debug)]
pub struct DataSources<'a> {
    pub api: &'a str,
    pub tiles: &'a str,
}

/// The view the data pages' module draws for a data layout: the occurrence search
/// (`occurrence`), the portal's datasets, publishers, institutions and collections (each the
/// ones its occurrences come from), and the record pages (`occurrence-key`, ...). GBIF's own
/// `widget` layout and the literature search keep their link card.
pub fn native_kind(layout: &str) -> Option<&'static str> {
    Some(match layout {
        "occurrence" | "gbifData" => "occurrence",
        "dataset" => "dataset",
        "publisher" => "publisher",
        "institution-search" => "institution",
        "collection-search" => "collection",
        "occurrence-key" => "occurrence-key",
        "dataset-key" => "dataset-key",
        "publisher-key" => "publisher-key",
        "institution-key" => "institution-key",
        "collection-key" => "collection-key",
        _ => return None,
    })
}

/// Where the data pages' module (`crate::data_pages`) draws a data page's view, with what it
/// needs to know: where GBIF's data is, the portal's scope as the API's query parameters, and
/// the interface's words. A search whose scope could not be read keeps its link card alone
/// (the warning says why); a record page needs no scope.
pub fn native_view(
    layout: &str,
    sources: DataSources,
    scope: &Scope,
    words: &Words,
    lang: &str,
) -> Option<Block> {
    let kind = native_kind(layout)?;
    if scope.unread.is_some() && !kind.ends_with("-key") {
        return None;
    }
    let scope: Vec<String> = scope
        .predicates
        .iter()
        .map(|(key, value)| {
            let value: String =
                percent_encoding::utf8_percent_encode(value, percent_encoding::NON_ALPHANUMERIC)
                    .collect();
            format!("{key}={value}")
        })
        .collect();
    Some(Block::Element(crate::content::body::HtmlElement {
        tag: "div".into(),
        attrs: Attrs {
            classes: vec!["data-view".into()],
            other: vec![
                (VIEW_ATTRIBUTE.into(), kind.into()),
                ("data-api".into(), sources.api.to_owned()),
                ("data-tiles".into(), sources.tiles.to_owned()),
                ("data-scope".into(), scope.join("&")),
                ("data-words".into(), view_words(words, lang)),
            ],
            ..Attrs::default()
        },
        content: crate::content::body::ElementContent::Blocks(Vec::new()),
    }))
}

/// The attribute that marks a data view, and says which.
pub const VIEW_ATTRIBUTE: &str = "data-gbif-search";

/// The data views among a page's blocks: the elements marked [`VIEW_ATTRIBUTE`] in its data
/// block.
pub fn views(blocks: &[PageBlock]) -> impl Iterator<Item = &HtmlElement> {
    blocks
        .iter()
        .filter_map(|block| match block {
            PageBlock::Gbif(feature) => Some(&feature.description),
            _ => None,
        })
        .flatten()
        .filter_map(|block| match block {
            Block::Element(element) if element.attrs.other.iter().any(is_view) => Some(element),
            _ => None,
        })
}

/// The data views among a page's blocks, to complete.
pub fn views_mut(blocks: &mut [PageBlock]) -> impl Iterator<Item = &mut HtmlElement> {
    blocks
        .iter_mut()
        .filter_map(|block| match block {
            PageBlock::Gbif(feature) => Some(&mut feature.description),
            _ => None,
        })
        .flatten()
        .filter_map(|block| match block {
            Block::Element(element) if element.attrs.other.iter().any(is_view) => Some(element),
            _ => None,
        })
}

fn is_view((key, _): &(String, String)) -> bool {
    key == VIEW_ATTRIBUTE
}

/// The value of a view's attribute `name`.
pub fn view_attribute<'a>(view: &'a HtmlElement, name: &str) -> Option<&'a str> {
    view.attrs
        .other
        .iter()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.as_str())
}

/// The words the data views show, in `lang` (the repository's `translations.yml` over the
/// built-in ones): every built-in word whose key starts with `data` but the link card's, and
/// `retry`, as the JSON object the module reads.
fn view_words(words: &Words, lang: &str) -> String {
    let map: serde_json::Map<String, serde_json::Value> = words
        .builtin_keys()
        .into_iter()
        .filter(|key| {
            (key.starts_with("data") && !key.starts_with("dataOnGbif"))
                || key == "dataOnGbifSearch"
                || key == "retry"
        })
        .map(|key| {
            let word = words.get(&key, lang);
            (key, word.into())
        })
        .collect();
    serde_json::Value::Object(map).to_string()
}

/// The block of a GBIF data page: what the theme's widget would show is on GBIF.org, in the
/// site's scope. A record's page (`/institution/_key_`) is served at every record's address
/// (`/institution/<key>`, see `build::redirects`); the browser completes its link with the key
/// it reads from the address, and without it the link leads to the search.
pub fn data_block(link: DataLink, words: &Words, lang: &str, url: &str) -> PageBlock {
    let word = if link.record.is_some() {
        "recordOnGbif"
    } else {
        "dataOnGbif"
    };
    let mut button = button(&link.search, &words.get(word, lang), true, false);
    if let Some(record) = link.record {
        let folder = url
            .trim_end_matches('/')
            .rsplit('/')
            .nth(1)
            .unwrap_or_default();
        button.attrs.other.push(("data-record".into(), record));
        button
            .attrs
            .other
            .push(("data-folder".into(), folder.into()));
    }
    PageBlock::Gbif(Feature {
        description: vec![Block::Paragraph {
            attrs: Attrs::default(),
            content: vec![Inline::text(words.get("dataOnGbifText", lang))],
        }],
        link: Some(button),
        ..Feature::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::hosts::GBIF_TILES;

    fn link(layout: &str, config_js: &str) -> String {
        data_link(layout, &scope_of(config_js)).unwrap().search
    }

    #[test]
    fn the_native_search_carries_the_api_the_scope_and_the_words_in_the_pages_language() {
        let js = "var siteConfig = { occurrence: { rootPredicate: {\"type\": \"equals\", \"key\": \"country\", \"value\": \"BE\"} } };";
        let scope = scope_of(js);
        let words = Words::new(&liquid::model::Value::Nil, "en");
        let sources = DataSources {
            api: "https://api.gbif.org/v1",
            tiles: GBIF_TILES,
        };
        let view = |layout: &str, lang: &str| native_view(layout, sources, &scope, &words, lang);
        let Some(Block::Element(search)) = view("occurrence", "fr") else {
            panic!("no view")
        };
        let attr = |name: &str| {
            search
                .attrs
                .other
                .iter()
                .find(|(key, _)| key == name)
                .map(|(_, value)| value.clone())
                .unwrap_or_default()
        };
        assert_eq!(attr("data-gbif-search"), "occurrence");
        assert_eq!(attr("data-api"), "https://api.gbif.org/v1");
        assert_eq!(attr("data-scope"), "country=BE");
        let shown: serde_json::Value = serde_json::from_str(&attr("data-words")).unwrap();
        assert_eq!(shown["dataRecords"], "{count} occurrences");
        assert_eq!(shown["dataSearch"], "Rechercher dans les occurrences");
        assert_eq!(attr("data-tiles"), GBIF_TILES);
        assert!(shown.get("dataOnGbif").is_none() && shown["retry"] == "Réessayer");
        // The lists and record pages are drawn too; GBIF's own widget and literature are not.
        for (layout, kind) in [("dataset", "dataset"), ("collection-key", "collection-key")] {
            let Some(Block::Element(view)) = view(layout, "en") else {
                panic!("no view for {layout}")
            };
            assert_eq!(view.attrs.other[0].1, kind);
        }
        assert_eq!(view("widget", "en"), None);
        assert_eq!(view("literature", "en"), None);
        // A scope the API cannot take leaves the searches as links, not the record pages.
        let unread =
            scope_of("var siteConfig = { occurrence: { rootPredicate: {\"type\": \"or\"} } };");
        assert!(unread.unread.is_some());
        let with = |layout| native_view(layout, sources, &unread, &words, "en");
        assert_eq!(with("occurrence"), None);
        assert!(with("occurrence-key").is_some());
    }

    #[test]
    fn a_network_named_by_a_variable_scopes_occurrences_and_datasets() {
        let js = "var networkKey = '8e30b684';\nvar siteConfig = { occurrence: {\n  // the scope\n  rootPredicate: {\n    \"type\": \"equals\",\n    \"key\": \"networkKey\",\n    \"value\": networkKey\n  } } };";
        assert_eq!(
            link("occurrence", js),
            "https://www.gbif.org/occurrence/search?network_key=8e30b684"
        );
        assert_eq!(
            link("dataset", js),
            "https://www.gbif.org/dataset/search?network_key=8e30b684"
        );
        // GBIF.org's institution search has no network filter.
        assert_eq!(
            link("institution-search", js),
            "https://www.gbif.org/grscicoll/institution/search"
        );
    }

    #[test]
    fn lists_of_values_under_and_become_repeated_parameters() {
        let js = "rootPredicate: { type: 'and', predicates: [ { type: 'in', key: 'country', values: ['US', \"CA\"] }, { type: 'equals', key: 'notIssues', value: 'COUNTRY_COORDINATE_MISMATCH' } ] }";
        assert_eq!(
            link("occurrence", js),
            "https://www.gbif.org/occurrence/search?country=US&country=CA"
        );
        let scope = scope_of(js);
        assert_eq!(scope.predicates.len(), 3);
        assert_eq!(scope.unread, None);
    }

    #[test]
    fn a_json_scope_is_read_too() {
        let js = "\"occurrenceSearch\": { \"scope\": { \"type\": \"in\", \"key\": \"publishingOrg\", \"values\": [ \"760d\", \"2e7d\" ] } }";
        assert_eq!(
            link("widget", js),
            "https://www.gbif.org/occurrence/search?publishing_org=760d&publishing_org=2e7d"
        );
    }

    #[test]
    fn what_cannot_be_a_search_leaves_the_link_unscoped_and_says_why() {
        let js = "rootPredicate: { type: 'or', predicates: [ { type: 'equals', key: 'country', value: 'US' } ] }";
        let scope = scope_of(js);
        assert!(scope.predicates.is_empty());
        assert!(scope.unread.unwrap().contains("`or`"));
        assert_eq!(
            link("occurrence", js),
            "https://www.gbif.org/occurrence/search"
        );
        assert_eq!(scope_of(""), Scope::default());
    }

    #[test]
    fn record_pages_lead_to_the_record() {
        let link = data_link("institution-key", &Scope::default()).unwrap();
        assert_eq!(
            link.record.as_deref(),
            Some("https://www.gbif.org/grscicoll/institution/")
        );
        assert_eq!(
            link.search,
            "https://www.gbif.org/grscicoll/institution/search"
        );
        assert_eq!(data_link("page", &Scope::default()), None);
    }
}
