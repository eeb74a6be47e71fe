//! Hostile and careless inputs for the content compiler: every case an attacker or a careless
//! editor was seen to try (issue 9), cmark's `test/pathological_tests.py` (nested and unmatched
//! delimiters, brackets, backticks, unclosed links and comments, many references), and the
//! shapes of pulldown-cmark's fuzzing finds (deep nesting, long runs of one character).
//!
//! Each case is a whole page (front matter and body) of roughly `size` bytes, so that the same
//! case can be run small in the tests and large in the benchmark.

/// One input, made to about `size` bytes.
pub struct Case {
    pub name: &'static str,
    /// What the issue or cmark calls it.
    pub about: &'static str,
    pub make: fn(usize) -> String,
    /// A size of its own that the case is about (`![` 25 times), instead of the suite's.
    pub fixed_size: Option<usize>,
}

fn page(body: String) -> String {
    format!("---\ntitle: Pathological\n---\n\n{body}\n")
}

/// `unit` repeated until the text is about `size` bytes.
fn repeat(unit: &str, size: usize) -> String {
    unit.repeat((size / unit.len()).max(1))
}

fn count(unit: &str, size: usize) -> usize {
    (size / unit.len()).max(1)
}

macro_rules! case {
    ($name:literal, $about:literal, $make:expr) => {
        Case {
            name: $name,
            about: $about,
            make: $make,
            fixed_size: None,
        }
    };
    ($name:literal, $about:literal, $make:expr, fixed $size:expr) => {
        Case {
            name: $name,
            about: $about,
            make: $make,
            fixed_size: Some($size),
        }
    };
}

/// Every case.
pub fn all() -> Vec<Case> {
    vec![
        // Seen in issue 9.
        case!("blockquotes_5000", "5,000 nested `>`", |_| page(format!("{} a", ">".repeat(5000))), fixed 5_000),
        case!(
            "blockquotes_spaced",
            "`> ` nested as deep as the size allows",
            |n| page(format!("{}a", repeat("> ", n)))
        ),
        case!("span_html_3000", "3,000 nested `<span>`", |_| page(format!("{}a", "<span>".repeat(3000))), fixed 18_000),
        case!("span_html_run", "`<span>` repeated", |n| page(repeat(
            "<span>", n
        ))),
        case!("image_openers_25", "`![` 25 times (50 bytes)", |_| page("![".repeat(25)), fixed 50),
        case!("image_openers", "`![` repeated", |n| page(repeat("![", n))),
        case!("front_matter_deep_sequence", "front matter that is a block sequence nested 20,000 deep", |_| {
            format!("---\n{}a\n---\n\nBody.\n", "- ".repeat(20_000))
        }, fixed 40_000),
        case!(
            "front_matter_deep_flow",
            "a flow sequence in front matter nested as deep as the size allows",
            |n| { format!("---\ntitle: Deep\ndeep: {}\n---\n\nBody.\n", repeat("[", n)) }
        ),
        case!("emphasis_mix", "`*a **b *c ` repeated", |n| page(repeat(
            "*a **b *c ",
            n
        ))),
        case!("unclosed_bracket", "one `[` and then text", |n| page(
            format!("[{}", "a".repeat(n))
        )),
        case!("link_paren_runs", "`[a](` repeated", |n| page(repeat(
            "[a](", n
        ))),
        case!("link_reference_runs", "`[a][` repeated", |n| page(repeat(
            "[a][", n
        ))),
        case!("autolink_runs", "`<http://` repeated", |n| page(repeat(
            "<http://", n
        ))),
        case!(
            "nested_list",
            "a list nested as deep as the size allows",
            |n| {
                let mut body = String::new();
                let mut depth = 0;
                while body.len() < n {
                    body.push_str(&" ".repeat(2 * depth));
                    body.push_str("- a\n");
                    depth += 1;
                }
                page(body)
            }
        ),
        case!("attribute_list_openers", "`{:` repeated", |n| page(repeat(
            "{:", n
        ))),
        case!(
            "large_ordinary_page",
            "an ordinary page (sections, lists, tables, links) repeated",
            |n| page(ordinary(n))
        ),
        // cmark's pathological tests.
        case!(
            "nested_strong_emphasis",
            "`*a **a ` ... `b` ... ` a** a*`",
            |n| {
                let k = count("*a **a  a** a*", n);
                page(format!("{}b{}", "*a **a ".repeat(k), " a** a*".repeat(k)))
            }
        ),
        case!("emphasis_closers_without_openers", "`a_ ` repeated", |n| {
            page(repeat("a_ ", n))
        }),
        case!("emphasis_openers_without_closers", "`_a ` repeated", |n| {
            page(repeat("_a ", n))
        }),
        case!("link_closers_without_openers", "`a]` repeated", |n| page(
            repeat("a]", n)
        )),
        case!("link_openers_without_closers", "`[a ` repeated", |n| page(
            repeat("[a ", n)
        )),
        case!("mismatched_openers_and_closers", "`*a_ ` repeated", |n| {
            page(repeat("*a_ ", n))
        }),
        case!(
            "openers_and_closers_multiple_of_3",
            "`a**b` then `c* ` repeated",
            |n| page(format!("a**b{}", repeat("c* ", n)))
        ),
        case!(
            "link_openers_and_emphasis_closers",
            "`[ a_` repeated",
            |n| page(repeat("[ a_", n))
        ),
        case!("brackets_and_parens", "`[ (](` repeated", |n| page(repeat(
            "[ (](", n
        ))),
        case!("nested_brackets", "`[` * k, `a`, `]` * k", |n| {
            let k = n / 2;
            page(format!("{}a{}", "[".repeat(k), "]".repeat(k)))
        }),
        case!("backticks", "runs of 1, 2, 3 ... backticks", |n| {
            let mut body = String::new();
            let mut i = 1;
            while body.len() < n {
                body.push('e');
                body.push_str(&"`".repeat(i));
                i += 1;
            }
            page(body)
        }),
        case!("unclosed_links_angle", "`[a](<b` repeated", |n| page(
            repeat("[a](<b", n)
        )),
        case!("unclosed_links_plain", "`[a](b` repeated", |n| page(
            repeat("[a](b", n)
        )),
        case!("unclosed_link_titles", "`[a](b \"` repeated", |n| page(
            repeat("[a](b \"", n)
        )),
        case!("unclosed_html_comments", "`</` then `<!--` repeated", |n| {
            page(format!("</{}", repeat("<!--", n)))
        }),
        case!(
            "many_link_definitions",
            "`[a]: u` lines, then references",
            |n| {
                page(format!(
                    "{}\n{}",
                    repeat("[a]: u\n", n / 2),
                    repeat("[a] ", n / 2)
                ))
            }
        ),
        case!("table_rows", "a table with many rows", |n| page(format!(
            "| a | b |\n|---|---|\n{}",
            repeat("| c | d |\n", n)
        ))),
        case!(
            "table_separators",
            "cmark's `aaa\\rbbb\\n-\\v\\n` tables case",
            |n| page(repeat("aaa\rbbb\n-\x0b\n", n))
        ),
        case!("nul_bytes", "U+0000 in the text", |n| page(repeat(
            "abc\u{0}de\u{0}",
            n
        ))),
        case!("nested_html_blocks", "`<div>` lines nested", |n| page(
            repeat("<div>\n", n)
        )),
        case!(
            "nested_markdown_divs",
            "`<div markdown=\"1\">` nested",
            |n| page(repeat("<div markdown=\"1\">\n", n))
        ),
        case!("attribute_lists_after_spans", "`*a*{: .x}` repeated", |n| {
            page(repeat("*a*{: .x} ", n))
        }),
        case!("attribute_list_definitions", "`{:a: .b}` lines", |n| page(
            repeat("{:a: .b}\n", n)
        )),
        case!(
            "many_abbreviations",
            "`*[Ann]: x` definitions, all different",
            |n| {
                let k = count("*[A00000]: x\n", n);
                page(format!(
                    "{}\nA1 A2 A3\n",
                    (0..k).map(|i| format!("*[A{i}]: x\n")).collect::<String>()
                ))
            }
        ),
        case!(
            "many_footnotes",
            "footnote references and definitions",
            |n| {
                let k = count("[^00000] [^00000]: x\n", n);
                let refs: String = (0..k).map(|i| format!("[^{i}] ")).collect();
                let defs: String = (0..k).map(|i| format!("\n[^{i}]: x\n")).collect();
                page(format!("{refs}\n{defs}"))
            }
        ),
        case!(
            "same_heading_repeated",
            "`## a` many times (ids a, a-1, a-2 ...)",
            |n| page(repeat("## a\n\n", n))
        ),
        case!("smart_quotes", "`\"'` repeated", |n| page(repeat("\"'", n))),
        case!("typographic_symbols", "`--<<>>...` repeated", |n| page(
            repeat("--<<>>...", n)
        )),
        case!("math_openers", "`$$` repeated", |n| page(repeat(
            "$$ a ", n
        ))),
        case!("strikethrough_openers", "`~~a` repeated", |n| page(repeat(
            "~~a ", n
        ))),
        case!("entities", "`&#` and `&a` repeated", |n| page(repeat(
            "&#&a;&#x", n
        ))),
        case!("escapes", "backslashes", |n| page(repeat("\\", n))),
        case!("one_long_line", "a long line of plain text", |n| page(
            "a".repeat(n)
        )),
        case!("many_blank_lines", "newlines only", |n| page(
            "\n".repeat(n)
        )),
        case!("many_short_lines", "short lines, one paragraph", |n| page(
            repeat("a\n", n)
        )),
        case!("tabs_and_spaces", "indentation runs", |n| page(repeat(
            "\t \t- a\n",
            n
        ))),
        case!("code_fences", "fence lines, closing one another", |n| page(
            repeat("```\n", n)
        )),
        case!(
            "unclosed_code_fences",
            "fences with a language that never close",
            |n| page(repeat("```rust\n", n))
        ),
        case!(
            "longer_fences_than_closers",
            "`````` fences among ``` lines",
            |n| page(repeat("``````\n```\n", n))
        ),
        case!("extensions", "`{::comment}` openers", |n| page(repeat(
            "{::comment}",
            n
        ))),
        case!(
            "html_attributes",
            "an unclosed quoted attribute, repeated",
            |n| page(repeat("<a href=\"", n))
        ),
        // As deep as the limit allows: these must build, and draw on an ordinary thread's stack.
        case!("blockquotes_at_the_limit", "100 nested `>` around a list, a table and a link", |_| {
            page(format!("{} - *a* [b](#c)\n\n| x |\n|---|\n| y |\n\n## C", "> ".repeat(99)))
        }, fixed 400),
        case!("lists_at_the_limit", "a list nested 99 deep", |_| {
            page((0..99).map(|depth| format!("{}- a\n", "  ".repeat(depth))).collect())
        }, fixed 10_000),
        case!("spans_at_the_limit", "`<span>` nested 96 deep with emphasis inside", |_| {
            page(format!("{}*a **b***{}", "<span>".repeat(96), "</span>".repeat(96)))
        }, fixed 1_300),
        case!("divs_at_the_limit", "`<div markdown=\"1\">` nested 99 deep", |_| {
            page(format!("{}\na *b*\n{}", "<div markdown=\"1\">\n".repeat(99), "</div>\n".repeat(99)))
        }, fixed 2_500),
    ]
}

/// An ordinary page of about `size` bytes: sections with unique headings, paragraphs with
/// emphasis and links, lists and a table.
pub fn ordinary(size: usize) -> String {
    let mut body = String::new();
    let mut n = 0;
    while body.len() < size {
        n += 1;
        body.push_str(&format!(
            "## Section {n}\n\nThe *Specify Collections Consortium* keeps **{n} collections** \
             [online](https://www.specifysoftware.org/) and answers questions \"at once\" -- \
             with care...\n\n- first point\n- second point with `code`\n  - a nested point\n\n\
             | Name | Count |\n|:-----|------:|\n| Fish | {n} |\n| Birds | 12 |\n\n> A quotation\n> \
             over two lines.\n\n"
        ));
    }
    body
}
