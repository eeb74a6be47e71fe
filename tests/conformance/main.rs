//! kramdown's own testcases (tests/fixtures/kramdown, see its README for where they come from),
//! run through the site's Markdown compiler and body components, and compared with kramdown's
//! HTML after normalising what readers cannot see. Cases known to differ are listed, each with
//! its reason, in tests/fixtures/kramdown/EXPECTED_FAILURES.md; the test fails when a case that
//! is not listed differs, when a listed case passes (so the list stays true), or when fewer than
//! 90% pass. Also: the About page against kramdown's rendering of it, exactly.

mod normalise;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use normalise::{Token, normalise};
use scc_site::build::page_body::render_blocks_html;
use scc_site::content::markdown;
use scc_site::content::markdown::kramdown::{Input, Options};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Every case: its name (path without extension) and its folder's input dialect.
fn cases() -> Vec<(String, Input)> {
    let root = fixtures().join("kramdown");
    let mut out = Vec::new();
    for group in ["block", "span", "_parser-gfm"] {
        let mut stack = vec![root.join(group)];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).expect("fixture folder") {
                let path = entry.expect("fixture entry").path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "text")
                    && path.with_extension("html").exists()
                {
                    let name = path
                        .strip_prefix(&root)
                        .unwrap()
                        .with_extension("")
                        .to_string_lossy()
                        .into_owned();
                    let input = if group == "_parser-gfm" {
                        Input::Gfm
                    } else {
                        Input::Kramdown
                    };
                    out.push((name, input));
                }
            }
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// The options kramdown's harness gives a case: its `.options` file over kramdown's defaults,
/// or `auto_ids: false` when it has none.
fn options_for(name: &str, input: Input) -> Options {
    let mut options = match input {
        Input::Gfm => Options::gfm(),
        Input::Kramdown => Options::kramdown(),
    };
    let path = fixtures().join("kramdown").join(format!("{name}.options"));
    let Ok(text) = std::fs::read_to_string(path) else {
        options.auto_ids = false;
        return options;
    };
    let mut section = String::new();
    for line in text.lines() {
        let indented = line.starts_with(' ');
        let line = line.trim();
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        // `:key: value` (a Ruby symbol) and `key: value` both name the option `key`.
        let (key, value) = if key.is_empty() {
            value.split_once(':').unwrap_or((value, ""))
        } else {
            (key, value)
        };
        let key = key.trim();
        let value = value.trim().trim_matches('\'').trim_matches('"');
        if indented {
            match section.as_str() {
                "typographic_symbols" => options
                    .typographic_symbols
                    .push((key.to_owned(), value.to_owned())),
                "link_defs" => {
                    let parts: Vec<&str> = value
                        .trim_matches(['[', ']'])
                        .split(',')
                        .map(str::trim)
                        .collect();
                    options.link_defs.push((
                        key.to_owned(),
                        parts[0].to_owned(),
                        parts.get(1).map(|t| (*t).to_owned()),
                    ));
                }
                _ => {}
            }
            continue;
        }
        section = key.to_owned();
        let flag = value == "true";
        match key {
            "auto_ids" => options.auto_ids = flag,
            "auto_id_prefix" => options.auto_id_prefix = value.to_owned(),
            "auto_id_stripping" => options.auto_id_stripping = flag,
            "transliterated_header_ids" => options.transliterated_header_ids = flag,
            "header_offset" => options.header_offset = value.parse().expect("header_offset"),
            "hard_wrap" => options.hard_wrap = flag,
            "gfm_quirks" => {
                options.gfm_quirks = value
                    .trim_matches(['[', ']'])
                    .split(',')
                    .map(str::trim)
                    .filter(|q| !q.is_empty())
                    .map(str::to_owned)
                    .collect();
            }
            "smart_quotes" => {
                let names: Vec<String> = value.split(',').map(|q| q.trim().to_owned()).collect();
                options.smart_quotes = names.try_into().expect("four quotes");
            }
            // Options about output encoding (normalised away) or features this site leaves out
            // (see EXPECTED_FAILURES.md) change nothing here.
            _ => {}
        }
    }
    options
}

/// kramdown's Markdown rendered by the site: the compiler's blocks, drawn by the body components.
fn render(text: &str, options: &Options) -> String {
    let mut diagnostics = Vec::new();
    let body = markdown::parse_with("case.md", text, 1, options, &mut diagnostics);
    render_blocks_html(body.blocks)
}

fn first_difference(expected: &[Token], actual: &[Token]) -> String {
    let at = expected
        .iter()
        .zip(actual)
        .position(|(e, a)| e != a)
        .unwrap_or(expected.len().min(actual.len()));
    let show = |tokens: &[Token]| {
        tokens
            .iter()
            .skip(at)
            .take(4)
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(" ")
    };
    format!(
        "token {at}: expected {} | got {}",
        show(expected),
        show(actual)
    )
}

/// The listed cases and their reasons.
fn expected_failures() -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(fixtures().join("kramdown/EXPECTED_FAILURES.md"))
        .expect("failure list");
    text.lines()
        .filter_map(|line| line.strip_prefix("- `"))
        .filter_map(|line| line.split_once("`: "))
        .map(|(name, reason)| (name.to_owned(), reason.to_owned()))
        .collect()
}

#[test]
fn kramdown_testcases_render_as_kramdown_renders_them() {
    let listed = expected_failures();
    let cases = cases();
    let mut passed = 0;
    let mut unexpected = Vec::new();
    let mut fixed = Vec::new();
    for (name, input) in &cases {
        let dir = fixtures().join("kramdown");
        let text = std::fs::read_to_string(dir.join(format!("{name}.text"))).unwrap();
        let expected = std::fs::read_to_string(dir.join(format!("{name}.html"))).unwrap();
        let options = options_for(name, *input);
        let actual = std::panic::catch_unwind(|| render(&text, &options))
            .unwrap_or_else(|_| "<p>PANIC</p>".into());
        let (e, a) = (normalise(&expected), normalise(&actual));
        let ok = e == a;
        if ok {
            passed += 1;
            if listed.contains_key(name) {
                fixed.push(name.clone());
            }
        } else if !listed.contains_key(name) {
            unexpected.push(format!("{name}: {}", first_difference(&e, &a)));
        }
    }
    let total = cases.len();
    println!(
        "kramdown conformance: {passed} of {total} cases pass ({:.1}%)",
        passed as f64 * 100.0 / total as f64
    );
    for (name, reason) in &listed {
        println!("  expected to differ: {name}: {reason}");
    }
    assert!(total >= 86, "only {total} cases found");
    assert!(
        unexpected.is_empty(),
        "cases that differ and are not listed:\n{}",
        unexpected.join("\n")
    );
    assert!(
        fixed.is_empty(),
        "listed cases that now pass (remove them from the list): {fixed:?}"
    );
    assert!(passed * 10 >= total * 9, "{passed} of {total} is under 90%");
}

#[test]
fn the_about_page_matches_kramdowns_rendering_exactly() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let input = scc_site::content::load(&root, "content").expect("content/ is readable");
    let compiled = scc_site::content::compile(
        &input,
        std::sync::Arc::new(scc_site::build::page_body::markdownify),
    );
    let site = compiled.site.expect("the site compiles");
    let about = site
        .pages
        .iter()
        .find(|p| p.source == "content/about.md")
        .expect("the About page");
    // The page's Markdown: its `pageMarkdown` block.
    let sections = about
        .blocks
        .iter()
        .find_map(|block| match block {
            scc_site::content::body::blocks::PageBlock::Prose(prose) => {
                Some(prose.sections.clone())
            }
            _ => None,
        })
        .expect("the About page's text");
    let html =
        scc_site::build::page_body::render_html(sections, &scc_site::urls::BaseUrl::default());
    let expected = std::fs::read_to_string(fixtures().join("seed/about.kramdown.html")).unwrap();
    let (e, a) = (normalise(&expected), normalise(&html));
    assert!(e == a, "{}", first_difference(&e, &a));
}
