//! Property tests: whatever a content file holds, the compiler returns a site or diagnostics (at
//! least one error when there is no site) and the body components draw what it returns; it never
//! panics, and large inputs (up to 100 KB) take time in proportion to their size. The number of
//! cases is bounded so that CI stays fast (`PROPTEST_CASES` raises it).

use proptest::prelude::*;

use crate::build::page_body;
use crate::content::{Input, SourceFile, compile, markdown};
use crate::urls::BaseUrl;

/// Pieces of Markdown, kramdown syntax, HTML and front matter, most of them half-finished.
const FRAGMENTS: &[&str] = &[
    "# ",
    "## ",
    "### Title {#id}\n",
    "*",
    "**",
    "_",
    "__",
    "`",
    "``",
    "```",
    "```rust\n",
    "~~~",
    "~~",
    "[",
    "]",
    "(",
    ")",
    "![",
    "](",
    "{:",
    "{: ",
    "}",
    ".button",
    ".is-primary",
    "#id",
    "key=\"v\"",
    "{:name: .a}\n",
    "{: name}",
    "|",
    "| a | b |\n",
    "|:--|--:|\n",
    "---",
    "***",
    "\n",
    "\n\n",
    "  ",
    "    ",
    "\t",
    "<div>",
    "</div>",
    "<div markdown=\"1\">",
    "<span ",
    ">",
    "<script>",
    "</script>",
    "<!--",
    "-->",
    "&amp;",
    "&#",
    "&#x1F600;",
    "&nosuch;",
    "\\",
    "!",
    "^",
    "\n^\n",
    "- ",
    "* ",
    "1. ",
    "> ",
    "[ ] ",
    "[x] ",
    ": ",
    "{::comment}",
    "{:/comment}",
    "{::nomarkdown}",
    "{:/}",
    "{::options auto_ids=\"false\" /}",
    "\"",
    "'",
    "$$",
    "[^1]",
    "[^1]: note\n",
    "[id]: /data\n",
    "[a][id]",
    "<https://example.org>",
    "é",
    "中文",
    "â€™",
    "---\ntitle: x\n---\n",
    "---\n",
    "title:",
    "height: 10vh\n",
    "https://",
    "/data",
    "/data#x",
    "javascript:",
    "data:image/png,",
    "<<",
    ">>",
    "...",
    "--",
    "=",
    "=====\n",
    "*[A]: Ab\n",
    "*[(#|)]: x\n",
    "A",
    "(#|)",
    "Term\n: def\n",
    "-----\n",
];

fn near_markdown() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..60).prop_map(|parts| parts.concat())
}

/// Up to 100 KB of near-Markdown: a random mix of fragments, or a short random mix repeated.
fn large_near_markdown() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::collection::vec(prop::sample::select(FRAGMENTS), 0..20_000)
            .prop_map(|parts| parts.concat()),
        (
            prop::collection::vec(prop::sample::select(FRAGMENTS), 1..12),
            1_000usize..100_000
        )
            .prop_map(|(parts, size)| {
                let unit = parts.concat();
                unit.repeat(size / unit.len().max(1) + 1)
            }),
    ]
}

/// Ten times the compiler's goal for a text of `bytes` (0.05 s + 1 s per MB): only a hang or a
/// blow-up exceeds it, on any machine that runs the tests.
fn time_limit(bytes: usize) -> std::time::Duration {
    std::time::Duration::from_secs_f64(10.0 * (0.05 + bytes as f64 / 1e6))
}

fn site_with(about: Vec<u8>) -> Input {
    let mut input = Input::of(&[
        (
            "_config.yml",
            "title: SCC\nurl: https://example.org\npermalink: pretty\n",
        ),
        ("data.md", "---\ntitle: Data\n---\n## Intro\n"),
    ]);
    input.documents.push(SourceFile {
        relative: "about.md".into(),
        shown: "content/about.md".into(),
        bytes: about,
    });
    input
}

/// Compiles the site and draws every page body; a failed compile must say why.
fn compiles_or_explains(about: Vec<u8>) -> Result<(), TestCaseError> {
    let compiled = compile(
        &site_with(about),
        std::sync::Arc::new(page_body::markdownify),
    );
    match compiled.site {
        Some(site) => {
            for page in site.pages {
                page_body::render_parts(
                    page.blocks,
                    &BaseUrl::default(),
                    &page_body::Drawing::AS_THEY_ARE,
                );
            }
        }
        None => prop_assert!(compiled.errors().next().is_some(), "no site and no error"),
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_give_a_site_or_errors(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        compiles_or_explains(bytes)?;
    }

    #[test]
    fn near_markdown_bodies_give_a_site_or_errors(body in near_markdown()) {
        compiles_or_explains(format!("---\ntitle: About\n---\n{body}").into_bytes())?;
    }

    #[test]
    fn near_markdown_alone_renders(text in near_markdown()) {
        let mut diagnostics = Vec::new();
        let body = markdown::parse("content/x.md", &text, 1, crate::content::hosts::Hosts::NONE, &mut diagnostics);
        page_body::render_blocks_html(body.blocks);
        for d in diagnostics {
            prop_assert!(d.line >= 1 && d.column >= 1, "{d}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, max_shrink_iters: 64, ..ProptestConfig::default() })]

    #[test]
    fn large_bodies_give_a_site_or_errors_in_linear_time(body in large_near_markdown()) {
        let started = std::time::Instant::now();
        let bytes = body.len();
        compiles_or_explains(format!("---\ntitle: About\n---\n{body}").into_bytes())?;
        prop_assert!(started.elapsed() < time_limit(bytes), "{bytes} bytes took {:?}", started.elapsed());
    }

    #[test]
    fn large_arbitrary_text_gives_a_site_or_errors_in_linear_time(chars in prop::collection::vec(any::<char>(), 0..40_000)) {
        let started = std::time::Instant::now();
        let text: String = chars.into_iter().collect();
        let len = text.len();
        compiles_or_explains(format!("---\ntitle: About\n---\n{text}").into_bytes())?;
        prop_assert!(started.elapsed() < time_limit(len), "{len} bytes took {:?}", started.elapsed());
    }
}
