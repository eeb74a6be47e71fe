//! Real hosted-portal repositories, built by this project and by real Jekyll with the real theme,
//! compared page by page: every page Jekyll writes exists at the address Jekyll gives it; the
//! Markdown bodies of at least 98 % of each repository's pages equal the ones Jekyll's kramdown
//! drew (after normalising whitespace, attribute order and code highlighting; each that does not
//! is printed); at least 97 % of the words of Jekyll's `<main>` are in ours; the home page's
//! navigation and footer carry the same links.
//!
//! Run by `.ci/run` (after the README's tests, since it needs `../shared`), as
//! `scripts/check_corpus.sh` does: `SCC_CORPUS_BUILT=target/corpus SCC_CORPUS_REFERENCE=DIR
//! cargo test --test corpus -- --nocapture`, where each `target/corpus/<repo>` is this project's
//! build of a repository and each `DIR/<repo>` is `../shared/baseline/hosted-portal/build.sh`'s.

#[path = "../conformance/normalise.rs"]
mod normalise;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use normalise::{Token, normalise};

/// Whether this project draws the layout as the theme does (`scc_site::content::theme::layouts::LAYOUTS`);
/// pages of the others (news archive, data widgets) are drawn as `page` for now and counted
/// apart.
fn is_covered(layout: &str) -> bool {
    scc_site::content::theme::layouts::LAYOUTS
        .iter()
        .any(|(name, _)| *name == layout)
        || scc_site::content::theme::gbif::DATA_LAYOUTS
            .iter()
            .any(|(name, ..)| *name == layout)
}

/// Elements the site removes from content, with a warning naming file:line (they run code or
/// load other documents); a body that differs only by them is equal but for them.
const REMOVED: [&str; 6] = ["script", "style", "noscript", "link", "meta", "iframe"];

fn folder(env: &str) -> PathBuf {
    let path = PathBuf::from(std::env::var_os(env).unwrap_or_else(|| {
        panic!("set {env}: scripts/check_corpus.sh builds the corpus and sets it")
    }));
    assert!(path.is_dir(), "{env}={} is not a folder", path.display());
    path
}

/// One page Jekyll wrote.
struct Entry {
    url: String,
    path: String,
    dest: String,
    layout: Option<String>,
    content: PathBuf,
    /// Whether its body is Markdown (compared token by token; the others by their visible text).
    markdown: bool,
}

fn manifest(reference: &Path) -> Vec<Entry> {
    let text = std::fs::read_to_string(reference.join("manifest.jsonl")).expect("manifest.jsonl");
    text.lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        // Every document written as a page (pages, posts, any collection's documents), not the
        // theme's scripts and stylesheets.
        .filter(|entry| {
            matches!(entry["output_ext"].as_str(), Some(".html" | ""))
                && !entry["path"]
                    .as_str()
                    .is_some_and(|p| p.starts_with("assets/theme/"))
        })
        .map(|entry| Entry {
            markdown: entry["ext"]
                .as_str()
                .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), ".md" | ".markdown")),
            url: entry["url"].as_str().unwrap_or_default().to_owned(),
            path: entry["path"].as_str().unwrap_or_default().to_owned(),
            dest: entry["dest"].as_str().unwrap_or_default().to_owned(),
            layout: entry["layout"].as_str().map(str::to_owned),
            content: reference
                .join("content")
                .join(entry["content_file"].as_str().unwrap_or_default()),
        })
        .collect()
}

/// Whether the page at `path` of the repository (or an include it uses, to three levels) runs a
/// filter its `_plugins/*.rb` define.
fn uses_plugins(repository: &std::path::Path, path: &str) -> bool {
    let source = repository.join("src");
    let filters: Vec<String> = std::fs::read_dir(source.join("_plugins"))
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| std::fs::read_to_string(entry.path()).ok())
        .flat_map(|ruby| {
            ruby.lines()
                .filter_map(|line| line.trim().strip_prefix("def "))
                .map(|rest| {
                    rest.chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect::<String>()
                })
                .collect::<Vec<_>>()
        })
        .collect();
    if filters.is_empty() {
        return false;
    }
    let mut texts = vec![std::fs::read_to_string(source.join(path)).unwrap_or_default()];
    for _ in 0..3 {
        let included: Vec<String> = texts
            .iter()
            .flat_map(|text| {
                text.match_indices("{% include ")
                    .filter_map(|(i, _)| text[i + 11..].split_whitespace().next())
                    .map(|name| name.trim_matches(['"', '\'']).to_owned())
                    .collect::<Vec<_>>()
            })
            .collect();
        texts.extend(
            included.iter().filter_map(|name| {
                std::fs::read_to_string(source.join("_includes").join(name)).ok()
            }),
        );
    }
    texts.iter().any(|text| {
        filters
            .iter()
            .any(|f| text.contains(&format!("| {f}")) || text.contains(&format!("|{f}")))
    })
}

/// The inner HTML of every `<article class="content">` of a page (its Markdown blocks).
fn articles(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<article class=\"content") {
        let open_end = rest[start..]
            .find('>')
            .map_or(rest.len(), |e| start + e + 1);
        // Its end, past the articles the content holds (`<article>` written in the page).
        let mut depth = 0usize;
        let mut at = open_end;
        let close = loop {
            let next_open = rest[at..].find("<article").map(|e| at + e);
            let Some(next_close) = rest[at..].find("</article>").map(|e| at + e) else {
                break rest.len();
            };
            match next_open {
                Some(open) if open < next_close => {
                    depth += 1;
                    at = open + 8;
                }
                _ if depth == 0 => break next_close,
                _ => {
                    depth -= 1;
                    at = next_close + 10;
                }
            }
        };
        out.push(&rest[open_end..close]);
        rest = &rest[close..];
    }
    out
}

/// Normalised tokens without what the site adds to links and players for the visitor's sake
/// (`target`, `rel`; an embedded player's `loading`, `title`, `sandbox`; a live count's class,
/// and the dash, hidden from screen readers, that an empty one shows until its number comes),
/// and without the ids kramdown gives footnote back-links in another form.
fn comparable(html: &str) -> Vec<Token> {
    let mut placeholder_next = false;
    without_stray_ends(normalise(&without_highlighting(html)))
        .into_iter()
        .filter_map(|token| match token {
            Token::Open(tag, attrs) => {
                let count = attrs
                    .iter()
                    .any(|(k, v)| k == "class" && v.split(' ').any(|c| c == "live-count"));
                placeholder_next = count && attrs.iter().any(|(k, _)| k == "aria-hidden");
                let attrs = attrs
                    .into_iter()
                    .filter_map(|(k, v)| {
                        if count && k == "class" {
                            let kept: Vec<&str> = v
                                .split(' ')
                                .filter(|c| !c.starts_with("live-count"))
                                .collect();
                            return (!kept.is_empty()).then(|| (k, kept.join(" ")));
                        }
                        let dropped = tag == "a" && matches!(k.as_str(), "target" | "rel")
                            || tag == "iframe"
                                && matches!(k.as_str(), "loading" | "title" | "sandbox")
                            || count && k == "aria-hidden";
                        (!dropped).then_some((k, v))
                    })
                    .collect();
                Some(Token::Open(tag, attrs))
            }
            Token::Text(text) if std::mem::take(&mut placeholder_next) && text == "–" => None,
            other => {
                placeholder_next = false;
                Some(other)
            }
        })
        .collect()
}

/// The tokens without end tags that close nothing, which a browser ignores (`</a>` written in
/// an image's caption), text on either side joined.
fn without_stray_ends(tokens: Vec<Token>) -> Vec<Token> {
    // SVG's shapes, written `<path .../>` (closed in place, as SVG reads it) or with an end tag:
    // the same drawing, compared without their end tags.
    const SHAPES: [&str; 8] = [
        "path", "circle", "rect", "line", "polyline", "polygon", "ellipse", "stop",
    ];
    let mut open: Vec<String> = Vec::new();
    let mut out: Vec<Token> = Vec::new();
    for token in tokens {
        match &token {
            Token::Open(tag, _) | Token::Close(tag) if SHAPES.contains(&tag.as_str()) => {
                if matches!(token, Token::Open(..)) {
                    out.push(token);
                }
                continue;
            }
            Token::Open(tag, _) => open.push(tag.clone()),
            Token::Close(tag) => match open.iter().rposition(|t| t == tag) {
                Some(i) => open.truncate(i),
                None => continue,
            },
            Token::Text(text) => {
                if let Some(Token::Text(last)) = out.last_mut() {
                    last.push_str(text);
                    continue;
                }
            }
        }
        out.push(token);
    }
    out
}

/// `html` without the spans a syntax highlighter puts inside `<pre>` (the one difference allowed
/// in code: this project draws code without colours).
fn without_highlighting(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<pre") {
        out.push_str(&rest[..start]);
        let end = rest[start..]
            .find("</pre>")
            .map_or(rest.len(), |e| start + e);
        let mut code = &rest[start..end];
        while let Some(tag) = [code.find("<span"), code.find("</span>")]
            .into_iter()
            .flatten()
            .min()
        {
            let close = code[tag..].find('>').map_or(code.len(), |c| tag + c + 1);
            out.push_str(&code[..tag]);
            code = &code[close..];
        }
        out.push_str(code);
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// `tokens` without the elements the site removes.
fn without_removed(tokens: &[Token]) -> Vec<Token> {
    let mut out = Vec::new();
    let mut inside: Option<&str> = None;
    for token in tokens {
        match (inside, token) {
            (None, Token::Open(tag, _)) if REMOVED.contains(&tag.as_str()) => {
                inside = REMOVED.iter().copied().find(|t| t == tag);
            }
            (Some(open), Token::Close(tag)) if open == tag => inside = None,
            (Some(_), _) => {}
            // Event handlers are removed too (`onclick`), with the same warning.
            (None, Token::Open(tag, attrs)) => out.push(Token::Open(
                tag.clone(),
                attrs
                    .iter()
                    .filter(|(name, _)| !name.starts_with("on"))
                    .cloned()
                    .collect(),
            )),
            (None, token) => out.push(token.clone()),
        }
    }
    // Text on either side of a removed element joins up, as it does in the page.
    let mut joined: Vec<Token> = Vec::new();
    for token in out {
        match (joined.last_mut(), token) {
            (Some(Token::Text(last)), Token::Text(text)) => {
                last.push_str(&text);
                *last = last.split_whitespace().collect::<Vec<_>>().join(" ");
            }
            (_, token) => joined.push(token),
        }
    }
    joined
}

fn first_difference(expected: &[Token], actual: &[Token]) -> String {
    let at = expected
        .iter()
        .zip(actual)
        .position(|(e, a)| e != a)
        .unwrap_or(expected.len().min(actual.len()));
    let show = |tokens: &[Token]| {
        tokens[at.saturating_sub(2)..(at + 3).min(tokens.len())]
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(" ")
    };
    format!(
        "at token {at}: Jekyll {} | here {}",
        show(expected),
        show(actual)
    )
}

/// The links (address and text) inside the element that starts at the first `start` of `html`
/// and ends at the first `end` after it.
fn links_between(html: &str, start: &str, end: &str) -> BTreeSet<(String, String)> {
    let Some(from) = html.find(start) else {
        return BTreeSet::new();
    };
    let to = html[from..].find(end).map_or(html.len(), |e| from + e);
    let mut links = BTreeSet::new();
    let mut rest = &html[from..to];
    while let Some(a) = next_anchor(rest) {
        let tag_end = rest[a..].find('>').map_or(rest.len(), |e| a + e + 1);
        let tag = &rest[a..tag_end];
        let close = rest[tag_end..]
            .find("</a>")
            .map_or(rest.len(), |e| tag_end + e);
        let text: String = normalise(&rest[tag_end..close])
            .into_iter()
            .filter_map(|t| match t {
                Token::Text(text) => Some(text),
                _ => None,
            })
            .collect::<Vec<_>>()
            .join(" ");
        if let Some(href) = tag
            .split("href=\"")
            .nth(1)
            .and_then(|h| h.split('"').next())
        {
            let href = href.replace("&amp;", "&");
            // Browsers read an address without the spaces around it.
            let href = href.trim().trim_end_matches('/').to_owned();
            if !href.is_empty() && !href.starts_with('#') {
                links.insert((href, text.trim().to_owned()));
            }
        }
        rest = &rest[close..];
    }
    links
}

/// Where the next `<a` start tag of `html` is.
fn next_anchor(html: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = html[from..].find("<a") {
        let at = from + i;
        if html[at + 2..].starts_with(|c: char| c.is_whitespace()) {
            return Some(at);
        }
        from = at + 2;
    }
    None
}

/// The least share of the words of Jekyll's pages (inside `<main>`) that ours must show.
const MIN_RECALL: f64 = 0.97;

/// The share of pages whose Markdown body must equal Jekyll's, in each repository.
const MIN_BODIES: f64 = 0.98;

/// The words of the text a visitor sees inside the first `<main>` of `html` (not inside scripts,
/// styles and templates), in lower case.
fn main_words(html: &str) -> Vec<String> {
    let Some(start) = html.find("<main") else {
        return Vec::new();
    };
    let end = html[start..]
        .rfind("</main>")
        .map_or(html.len(), |e| start + e);
    let mut hidden = 0usize;
    let mut words = Vec::new();
    for token in normalise(&html[start..end]) {
        match token {
            Token::Open(tag, _) if HIDDEN.contains(&tag.as_str()) => hidden += 1,
            Token::Close(tag) if HIDDEN.contains(&tag.as_str()) => {
                hidden = hidden.saturating_sub(1)
            }
            Token::Text(text) if hidden == 0 => words.extend(
                decode_entities(&text)
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .map(str::to_lowercase),
            ),
            _ => {}
        }
    }
    words
}

/// Elements whose text is not shown.
const HIDDEN: [&str; 4] = ["script", "style", "template", "noscript"];

/// Text with its character references read (as far as words go).
fn decode_entities(text: &str) -> String {
    text.replace("&nbsp;", " ")
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
}

/// How many of `expected` (counted with repeats) are in `actual`, and of how many.
fn words_found(expected: &[String], actual: &[String]) -> (usize, usize) {
    let mut available: BTreeMap<&str, usize> = BTreeMap::new();
    for word in actual {
        *available.entry(word).or_default() += 1;
    }
    let found = expected
        .iter()
        .filter(|word| {
            available
                .get_mut(word.as_str())
                .filter(|n| **n > 0)
                .map(|n| *n -= 1)
                .is_some()
        })
        .count();
    (found, expected.len())
}

/// The addresses alone (the theme's social links are icons without text).
fn addresses(links: BTreeSet<(String, String)>) -> BTreeSet<(String, String)> {
    links
        .into_iter()
        .map(|(href, _)| (href, String::new()))
        .collect()
}

#[test]
fn every_covered_page_is_where_jekyll_puts_it_with_the_same_body() {
    let built = folder("SCC_CORPUS_BUILT");
    let reference = folder("SCC_CORPUS_REFERENCE");
    let mut repositories: Vec<PathBuf> = std::fs::read_dir(&reference)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("manifest.jsonl").is_file())
        .collect();
    repositories.sort();
    assert!(
        !repositories.is_empty(),
        "no reference builds in {}",
        reference.display()
    );
    let mut failures = Vec::new();
    // Bodies that differ from Jekyll's, each printed; too many in a repository is a failure.
    let mut differences: Vec<String> = Vec::new();
    for repository in repositories {
        let name = repository
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let dist = built.join(&name);
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        // Words of Jekyll's `<main>` found in ours, of all; the pages that miss most.
        let mut recall = (0usize, 0usize);
        let mut missing_words = Vec::new();
        for entry in manifest(&repository) {
            // The theme's layouts, and the repository's own (drawn around the body).
            let covered = entry.layout.as_deref().is_none_or(|layout| {
                is_covered(layout)
                    || repository
                        .join("src/_layouts")
                        .join(format!("{layout}.html"))
                        .is_file()
            });
            // The words of every block, not only the Markdown body (the standard privacy
            // policy's text is the site's own).
            let jekyll_words = if entry.layout.as_deref() == Some("standardPrivacy") {
                Vec::new()
            } else {
                main_words(
                    &std::fs::read_to_string(repository.join("_site").join(&entry.dest))
                        .unwrap_or_default(),
                )
            };
            let Ok(html) = std::fs::read_to_string(dist.join(&entry.dest)) else {
                // A page that is not there shows none of its words.
                recall.1 += jekyll_words.len();
                missing_words.push((jekyll_words.len(), 0, jekyll_words.len(), entry.url.clone()));
                failures.push(format!(
                    "{name}: {} ({}) is not at {}",
                    entry.url, entry.path, entry.dest
                ));
                continue;
            };
            *counts.entry("pages at Jekyll's addresses").or_default() += 1;
            let (found, total) = words_found(&jekyll_words, &main_words(&html));
            recall.0 += found;
            recall.1 += total;
            if found < total {
                missing_words.push((total - found, found, total, entry.url.clone()));
            }
            if !entry.markdown {
                continue;
            }
            if !covered {
                *counts
                    .entry("other layouts (the next issue's)")
                    .or_default() += 1;
                continue;
            }
            let expected = comparable(&std::fs::read_to_string(&entry.content).unwrap_or_default());
            let ours: Vec<Vec<Token>> = articles(&html).into_iter().map(comparable).collect();
            // A page whose source has no body (its blocks are all from data) has an empty body
            // here as in Jekyll, whatever the other blocks' articles hold.
            let no_source_body = std::fs::read_to_string(repository.join("src").join(&entry.path))
                .map(|source| {
                    source
                        .splitn(3, "---")
                        .nth(2)
                        .is_some_and(|body| body.trim().is_empty())
                })
                .unwrap_or(false);
            if expected.is_empty() && (no_source_body || ours.iter().all(|a| a.is_empty())) {
                *counts.entry("bodies equal (empty)").or_default() += 1;
                continue;
            }
            if ours.contains(&expected) {
                *counts.entry("bodies equal").or_default() += 1;
                continue;
            }
            // A body of scripts alone (a data page's widget settings) leaves no article.
            let expected_shown = without_removed(&expected);
            if ours.iter().any(|a| without_removed(a) == expected_shown)
                || ours.is_empty()
                    && expected_shown
                        .iter()
                        .all(|t| matches!(t, Token::Text(x) if x.trim().is_empty()))
            {
                *counts
                    .entry("bodies equal but for scripts and styles the site removes")
                    .or_default() += 1;
                continue;
            }
            // A body the theme does not draw either (a composition without `pageMarkdown`, the
            // standard privacy policy's page): neither do we.
            // Its longer texts: a body is drawn when all of them are shown (a data block that
            // says some of the same does not hold them all).
            let texts: Vec<String> = expected
                .iter()
                .filter_map(|t| match t {
                    Token::Text(text) if text.len() > 24 => Some(text.clone()),
                    _ => None,
                })
                .collect();
            let shows_all = |tokens: &[Token]| {
                texts.iter().all(|words| {
                    tokens
                        .iter()
                        .any(|t| matches!(t, Token::Text(x) if x.contains(words.as_str())))
                })
            };
            let drawn_by_theme =
                std::fs::read_to_string(repository.join("_site").join(&entry.dest))
                    .map(|page| shows_all(&normalise(&page)))
                    .unwrap_or(true);
            let drawn_by_us = ours.iter().any(|a| shows_all(a));
            if !drawn_by_theme && !drawn_by_us {
                *counts
                    .entry("bodies not drawn (by the theme either)")
                    .or_default() += 1;
                continue;
            }
            // A page whose Liquid runs a filter of the repository's own `_plugins/*.rb` (Ruby, which
            // cannot run here: the build says so once per plugin) shows what it gives without it.
            if uses_plugins(&repository, &entry.path) {
                *counts
                    .entry("bodies drawn with the repository's own Ruby plugins (not run)")
                    .or_default() += 1;
                continue;
            }
            // The article that agrees with Jekyll's body the longest.
            let expected_shown = without_removed(&expected);
            let agreeing = |a: &Vec<Token>| {
                expected_shown
                    .iter()
                    .zip(without_removed(a))
                    .take_while(|(e, a)| *e == a)
                    .count()
            };
            let closest = ours
                .iter()
                .max_by_key(|a| agreeing(a))
                .map(|a| first_difference(&expected_shown, &without_removed(a)))
                .unwrap_or_else(|| "no Markdown body drawn".to_owned());
            differences.push(format!("{name}: {} ({}): {closest}", entry.url, entry.path));
        }
        // The navigation and the footer of the home page carry the same links.
        let home_reference =
            std::fs::read_to_string(repository.join("_site/index.html")).unwrap_or_default();
        let home_ours = std::fs::read_to_string(dist.join("index.html")).unwrap_or_default();
        let nav_reference = links_between(&home_reference, "id=\"mainNavbar\"", "</nav>");
        // Jekyll's navigation bar holds the language selector; here it is beside the navigation.
        let nav_ours = links_between(&home_ours, "id=\"site-menu\"", "</header>");
        // A link Jekyll draws as an icon alone has no text there; here it is named after its
        // address (with a warning), so only its address is compared.
        let icons: Vec<String> = nav_reference
            .iter()
            .filter(|(_, text)| text.is_empty())
            .map(|(href, _)| href.clone())
            .collect();
        // The last link of ours leads to the site index and search the build adds (not the
        // theme's): it is counted, not compared.
        let ours_added = |href: &str| {
            let index = dist.join(href.trim_matches('/')).join("index.html");
            href.trim_end_matches('/').ends_with("/search")
                && std::fs::read_to_string(index).is_ok_and(|html| html.contains("site-index"))
        };
        let nav_ours: BTreeSet<(String, String)> = nav_ours
            .into_iter()
            .filter(|(href, _)| {
                let added = ours_added(href);
                if added {
                    *counts
                        .entry("navigation: the site search's link (ours)")
                        .or_default() += 1;
                }
                !added
            })
            .map(|(href, text)| {
                if icons.contains(&href) {
                    (href, String::new())
                } else {
                    (href, text)
                }
            })
            .collect();
        let footer_reference = addresses(links_between(
            &home_reference,
            "<div class=\"footer-groups\"",
            "footer-hostedby",
        ));
        let footer_ours = addresses(links_between(
            &home_ours,
            "<div class=\"site-footer__columns\"",
            "</footer>",
        ));
        // A language splash page (Jekyll's home page of a site in several languages) has no
        // navigation and no footer in the theme; ours has the site's.
        let splash = !home_reference.contains("id=\"mainNavbar\"");
        if splash {
            *counts
                .entry("home page a language splash page (no navigation in Jekyll's)")
                .or_default() += 1;
        }
        for (what, expected, actual) in [
            ("navigation", nav_reference, nav_ours),
            ("footer", footer_reference, footer_ours),
        ] {
            if splash {
                continue;
            }
            if expected != actual {
                failures.push(format!(
                    "{name}: the home page's {what} differs: only Jekyll's {:?}; only here {:?}",
                    expected.difference(&actual).collect::<Vec<_>>(),
                    actual.difference(&expected).collect::<Vec<_>>()
                ));
            } else {
                *counts
                    .entry(if what == "navigation" {
                        "navigation links equal"
                    } else {
                        "footer links equal"
                    })
                    .or_default() += expected.len();
            }
        }
        println!("{name}: {counts:?}");
        let recall_ratio = recall.0 as f64 / recall.1.max(1) as f64;
        missing_words.sort_by(|a, b| b.cmp(a));
        println!(
            "{name}: visible text recall {recall_ratio:.4} ({} of {} words); most missing: {}",
            recall.0,
            recall.1,
            missing_words
                .iter()
                .take(5)
                .map(|(missing, _, total, url)| format!("{url} ({missing} of {total})"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        if recall_ratio < MIN_RECALL {
            failures.push(format!(
                "{name}: the pages' visible text recall is {recall_ratio:.4}, under {MIN_RECALL}"
            ));
        }
        let equal: usize = counts
            .iter()
            .filter(|(what, _)| what.starts_with("bodies"))
            .map(|(_, n)| n)
            .sum();
        let different = differences
            .iter()
            .filter(|f| f.starts_with(&format!("{name}: /")))
            .count();
        let share = equal as f64 / (equal + different).max(1) as f64;
        if share < MIN_BODIES {
            failures.push(format!(
                "{name}: {equal} of {} Markdown bodies equal Jekyll's ({:.1} %), under {:.0} %",
                equal + different,
                share * 100.0,
                MIN_BODIES * 100.0
            ));
        }
        // For `scripts/compat.sh`.
        println!(
            "REPORT {}",
            serde_json::json!({"repo": name, "pages": counts.get("pages at Jekyll's addresses").copied().unwrap_or(0), "bodies_equal": equal, "bodies_different": different, "text_recall": (recall_ratio * 10000.0).round() / 10000.0})
        );
    }
    for difference in &differences {
        println!("BODY DIFFERS {difference}");
    }
    if std::env::var_os("SCC_CORPUS_REPORT").is_some() {
        for failure in &failures {
            println!("DIFFERENT {failure}");
        }
        return;
    }
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
