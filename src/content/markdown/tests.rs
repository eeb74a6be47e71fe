use super::*;
use crate::model::LinkTarget;

fn blocks(text: &str) -> (Vec<Block>, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let body = parse("content/p.md", text, 1, &mut diagnostics);
    (body.blocks, diagnostics)
}

fn messages(diagnostics: &[Diagnostic]) -> Vec<String> {
    diagnostics.iter().map(ToString::to_string).collect()
}

fn html(text: &str) -> String {
    let (blocks, _) = blocks(text);
    crate::page_body::render_blocks_html(blocks)
}

fn link(href: &str, label: &str, classes: &[&str]) -> Link {
    Link {
        href: href.into(),
        target: links::classify(href),
        title: None,
        attrs: Attrs {
            classes: classes.iter().map(|c| c.to_string()).collect(),
            ..Attrs::default()
        },
        content: vec![Inline::text(label)],
    }
}

#[test]
fn a_paragraph_of_button_links_is_a_button_row() {
    let (blocks, diagnostics) = blocks(
        "[View All Members](https://example.org/members/){:.is-primary .button}\n[Contact Us](/data){: .button}\n",
    );
    assert_eq!(diagnostics, []);
    assert_eq!(
        blocks,
        [Block::ButtonRow(ButtonRow {
            buttons: vec![
                link(
                    "https://example.org/members/",
                    "View All Members",
                    &["is-primary", "button"]
                ),
                link("/data", "Contact Us", &["button"]),
            ]
        })]
    );
}

#[test]
fn classes_may_come_in_any_order_and_without_a_space() {
    for list in [
        "{: .button .is-primary}",
        "{:.is-primary .button}",
        "{:.button.is-primary}",
    ] {
        let (blocks, diagnostics) = blocks(&format!("[Go](/data){list}\n"));
        assert_eq!(diagnostics, [], "{list}");
        let Block::ButtonRow(row) = &blocks[0] else {
            panic!("{list}: {blocks:?}")
        };
        assert!(row.buttons[0].is_primary(), "{list}");
    }
}

#[test]
fn a_link_among_words_stays_in_its_paragraph() {
    let (blocks, _) = blocks("Read [the guide](/data){: .button} first.\n");
    assert!(matches!(&blocks[0], Block::Paragraph { content, .. } if content.len() == 3));
}

#[test]
fn paragraphs_keep_emphasis_strong_code_and_links() {
    assert_eq!(
        html("Some *em*, **strong**, `code` and [a link](https://example.org).\n"),
        "<p>Some <em>em</em>, <strong>strong</strong>, <code>code</code> and <a href=\"https://example.org\">a link</a>.</p>"
    );
}

#[test]
fn tables_keep_each_column_alignment() {
    let (blocks, _) = blocks("| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n");
    let Block::Table(table) = &blocks[0] else {
        panic!("{blocks:?}")
    };
    assert_eq!(table.align, [Align::Left, Align::Center, Align::Right]);
    assert_eq!(table.head.len(), 1);
    assert_eq!(table.bodies[0][0][2], [Inline::text("3")]);
}

#[test]
fn nested_lists_nest_and_tight_items_are_plain() {
    assert_eq!(
        html("* one\n  * two\n* three\n"),
        "<ul><li>one\n<ul><li>two</li></ul></li><li>three</li></ul>"
    );
    let (blocks, _) = blocks("1. one\n2. two\n");
    assert!(matches!(
        &blocks[0],
        Block::List(List { start: Some(1), .. })
    ));
}

#[test]
fn block_attribute_lists_attach_to_the_block_above_or_below() {
    assert_eq!(
        html("A paragraph.\n{: .notice #first}\n\n{:.lead}\nAnother one.\n"),
        "<p id=\"first\" class=\"notice\">A paragraph.</p><p class=\"lead\">Another one.</p>"
    );
}

#[test]
fn definitions_are_used_by_name() {
    let (blocks, diagnostics) = blocks("{:cta: .button .is-primary}\n\n[Join](/join){: cta}\n");
    assert_eq!(diagnostics, []);
    let Block::ButtonRow(row) = &blocks[0] else {
        panic!("{blocks:?}")
    };
    assert!(row.buttons[0].is_primary());
}

#[test]
fn headings_get_github_ids_unless_they_have_one() {
    assert_eq!(
        html("## Our Mission\n\n## Why join? {#join}\n\n## Our Mission\n"),
        "<h2 id=\"our-mission\">Our Mission</h2><h2 id=\"join\">Why join?</h2><h2 id=\"our-mission-1\">Our Mission</h2>"
    );
}

#[test]
fn gfm_strikethrough_task_lists_and_fenced_code() {
    assert_eq!(html("~~old~~ new\n"), "<p><del>old</del> new</p>");
    assert_eq!(
        html("- [x] done\n- [ ] to do\n"),
        "<ul class=\"task-list\"><li class=\"task-list-item\"><input class=\"task-list-item-checkbox\" type=\"checkbox\" disabled=\"disabled\" checked=\"checked\" aria-label=\"done\">done</li><li class=\"task-list-item\"><input class=\"task-list-item-checkbox\" type=\"checkbox\" disabled=\"disabled\" aria-label=\"to do\">to do</li></ul>"
    );
    assert_eq!(
        html("```rust\nfn main() {}\n```\n"),
        "<div class=\"language-rust highlighter-rouge\"><div class=\"highlight\"><pre class=\"highlight\"><code>fn main() {}\n</code></pre></div></div>"
    );
}

#[test]
fn quotes_dashes_and_ellipses_are_typographic_and_line_breaks_soft() {
    assert_eq!(
        html("The \"Consortium's\" tools -- and more --- soon...\nnext line\n"),
        "<p>The “Consortium’s” tools – and more — soon…\nnext line</p>"
    );
}

#[test]
fn standalone_images_are_figures() {
    assert_eq!(
        html("![Moss](/moss.jpg){: standalone}\n"),
        "<figure><img src=\"/moss.jpg\" alt=\"Moss\"><figcaption>Moss</figcaption></figure>"
    );
}

#[test]
fn an_unknown_name_in_an_attribute_list_is_an_error_with_a_hint() {
    let (_, diagnostics) = blocks("Text\n\n[Join](/join){: button}\n");
    assert_eq!(
        messages(&diagnostics),
        [
            "content/p.md:3:14: error: attribute list uses `button`, which is not defined\n  = hint: to add the class `button`, write `.button`"
        ]
    );
}

#[test]
fn a_misspelt_definition_name_gets_a_suggestion() {
    let (_, diagnostics) = blocks("{:primary: .button .is-primary}\n\n[Join](/join){: primry}\n");
    assert_eq!(
        messages(&diagnostics),
        [
            "content/p.md:3:14: error: attribute list uses `primry`, which is not defined\n  = hint: did you mean `primary`? To add the class `primry`, write `.primry`"
        ]
    );
}

#[test]
fn an_unclosed_span_attribute_list_is_an_error_at_its_position() {
    let (blocks, diagnostics) = blocks("Intro\n\n[Join](/join){: .button\n");
    assert_eq!(
        messages(&diagnostics),
        [
            "content/p.md:3:14: error: attribute list is never closed\n  = hint: end it with `}` on the same line"
        ]
    );
    // The text is kept, not lost.
    let Block::Paragraph { content, .. } = &blocks[1] else {
        panic!("{blocks:?}")
    };
    assert_eq!(content[1], Inline::text("{: .button"));
}

#[test]
fn a_malformed_attribute_is_an_error_at_its_position() {
    let (_, diagnostics) = blocks("A paragraph.\n{: .lead colour=red}\n");
    assert_eq!(
        messages(&diagnostics),
        [
            "content/p.md:2:10: error: `colour=red` in attribute list `{: .lead colour=red}` is not an attribute\n  = hint: write `#id`, `.class`, `key=\"value\"` or the name of a `{:name: ...}` definition"
        ]
    );
}

#[test]
fn an_attribute_list_after_plain_text_is_an_error() {
    let (_, diagnostics) = blocks("Some words{: .lead} here.\n");
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert_eq!((diagnostics[0].line, diagnostics[0].column), (1, 11));
    assert!(diagnostics[0].message.contains("follows plain text"));
}

#[test]
fn an_attribute_list_before_a_blank_line_is_a_warning() {
    let hint = "\n  = hint: put it on the line right after the block it is for, or right before it";
    let (_, diagnostics) = blocks("{: .lost}\n\nPara.\n");
    assert_eq!(
        messages(&diagnostics),
        [format!(
            "content/p.md:1:1: warning: this attribute list is not next to a block, so it applies to nothing{hint}"
        )]
    );
    let (_, diagnostics) = blocks("Para.\n\n  {: .end}\n");
    assert_eq!(
        messages(&diagnostics),
        [format!(
            "content/p.md:3:3: warning: this attribute list is not next to a block, so it applies to nothing{hint}"
        )]
    );
    // Across a blank line, kramdown applies it to the next block.
    assert_eq!(
        html("Para.\n\n{: .next}\n\nNext.\n"),
        "<p>Para.</p><p class=\"next\">Next.</p>"
    );
}

#[test]
fn a_reference_without_definition_is_an_error() {
    let (_, diagnostics) = blocks("See [the list][members].\n");
    assert_eq!(
        messages(&diagnostics),
        [
            "content/p.md:1:5: error: the link reference `[members]` has no definition, so the link would be shown as text\n  = hint: define it on a line of its own: `[members]: /path/`"
        ]
    );
}

#[test]
fn script_links_are_errors() {
    let (_, diagnostics) = blocks("[x](javascript:alert(1))\n");
    assert_eq!(
        messages(&diagnostics),
        [
            "content/p.md:1:5: error: unsafe link target `javascript:alert(1)`\n  = hint: links may not use `javascript:`, `vbscript:` or `data:` URLs"
        ]
    );
}

#[test]
fn raw_html_is_kept_when_safe_and_sanitised_when_not() {
    let text = "<div class=\"note\" onclick=\"steal()\">Kept <em>text</em></div>\n\n<script>alert(1)</script>\n\n<iframe src=\"https://example.org\"></iframe>\n\nA <span style=\"color: red\">red</span> word<script>x()</script>.\n";
    let (blocks, diagnostics) = blocks(text);
    assert_eq!(
        diagnostics
            .iter()
            .map(|d| (d.line, d.column, d.is_error()))
            .collect::<Vec<_>>(),
        [(1, 19, false), (3, 1, false), (5, 1, false), (7, 43, false)],
        "{diagnostics:?}"
    );
    assert!(diagnostics[0].message.contains("`onclick`"));
    assert!(diagnostics[1].message.contains("`<script>`"));
    assert!(diagnostics[2].message.contains("`<iframe>`"));
    assert!(diagnostics[3].message.contains("`<script>`"));
    let html = crate::page_body::render_blocks_html(blocks);
    assert_eq!(
        html,
        "<div class=\"note\">Kept <em>text</em></div><p>A <span style=\"color: red\">red</span> word.</p>"
    );
}

#[test]
fn links_that_open_a_new_tab_get_noopener() {
    assert_eq!(
        html("[GBIF](https://www.gbif.org){: target=\"_blank\"}\n"),
        "<p><a href=\"https://www.gbif.org\" target=\"_blank\" rel=\"noopener\">GBIF</a></p>"
    );
}

#[test]
fn images_may_use_data_urls_but_not_scripts() {
    let (blocks, diagnostics) =
        blocks("![dot](data:image/png;base64,iVBORw0KGgo=) ![x](javascript:alert(1))\n");
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert_eq!((diagnostics[0].line, diagnostics[0].column), (1, 49));
    assert!(
        matches!(&blocks[0], Block::Paragraph { content, .. } if matches!(content[0], Inline::Image(_)))
    );
}

#[test]
fn link_targets_are_classified_and_positioned() {
    let mut diagnostics = Vec::new();
    let body = parse(
        "content/p.md",
        "Intro\n\nSee [data](/data/#sharing) and ![m](/m.jpg).\n",
        5,
        &mut diagnostics,
    );
    assert_eq!(
        body.links,
        [
            LinkRef {
                href: "/data/#sharing".into(),
                at: Position::new(7, 12),
                is_image: false
            },
            LinkRef {
                href: "/m.jpg".into(),
                at: Position::new(7, 37),
                is_image: true
            },
        ]
    );
    assert_eq!(links::classify("/data/#sharing"), LinkTarget::Page);
}

/// Every other diagnostic of the Markdown, each with its position.
#[test]
fn each_markdown_problem_is_reported_at_its_position() {
    let cases: &[(&str, &str)] = &[
        (
            "<div>\nopen\n",
            "1:1: warning: `<div>` is never closed, so it runs to the end of its block",
        ),
        (
            "Text </em> here.\n",
            "1:6: warning: `</em>` closes nothing, so it is shown as text",
        ),
        (
            "Some\ntext <p>here.\n",
            "2:6: warning: block-level `<p>` inside a paragraph is shown as text",
        ),
        (
            "A <span class=\"a\" class=\"b\">x</span>\n",
            "1:19: warning: `<span>` has the attribute `class` twice; the last one is used",
        ),
        (
            "[a]: /one\n[a]: /two\n\n[x][a]\n",
            "2:1: warning: the link reference `[a]` is defined again; this definition replaces the earlier one",
        ),
        (
            "Note[^1].\n",
            "1:5: error: the footnote `[^1]` has no definition, so it would be shown as text",
        ),
        (
            "Note[^n].\n\n[^n]: One.\n[^n]: Two.\n",
            "4:1: warning: the footnote `[^n]` is defined again; this definition replaces the earlier one",
        ),
        (
            "Text.\n\n[^n]: Never used.\n",
            "3:1: warning: the footnote `[^n]` is never referenced, so it is not shown",
        ),
        (
            "Text {::frobnicate} here.\n",
            "1:6: error: `{::frobnicate}` is not an extension kramdown knows, so it would be shown as text",
        ),
        (
            "{::options auto_ids=\"false\" /}\nText.\n",
            "1:12: warning: the `{::options}` setting `auto_ids` is ignored",
        ),
        (
            "{::nomarkdown}\n<b>x</b>\n{:/nomarkdown}\n",
            "1:1: warning: `{::nomarkdown}` content is shown as text",
        ),
    ];
    for (text, expected) in cases {
        let (_, diagnostics) = blocks(text);
        let found: Vec<String> = diagnostics
            .iter()
            .map(|d| {
                format!(
                    "{}:{}: {}: {}",
                    d.line,
                    d.column,
                    d.severity_word(),
                    d.message
                )
            })
            .collect();
        assert_eq!(found, [expected.to_string()], "for {text:?}");
    }
}

#[test]
fn footnotes_are_numbered_and_listed_at_the_end() {
    assert_eq!(
        html("Text[^n].\n\n[^n]: The note.\n"),
        "<p>Text<sup id=\"fnref:n\"><a class=\"footnote\" href=\"#fn:n\" rel=\"footnote\" role=\"doc-noteref\">1</a></sup>.</p><div class=\"footnotes\" role=\"doc-endnotes\"><ol><li id=\"fn:n\"><p>The note.\u{a0}<a class=\"reversefootnote\" href=\"#fnref:n\" role=\"doc-backlink\">\u{21a9}</a></p></li></ol></div>"
    );
}

#[test]
fn definition_lists_as_kramdown_writes_them() {
    assert_eq!(
        html(
            "Specify 7\n: The desktop application.\n\nSpecify 7 web\n: The web platform,\n  used by most members.\n\n  With a second paragraph.\n"
        ),
        "<dl><dt>Specify 7</dt><dd>The desktop application.</dd><dt>Specify 7 web</dt><dd>The web platform,\nused by most members.\n<p>With a second paragraph.</p></dd></dl>"
    );
    // A blank line before the definition keeps its paragraph.
    assert_eq!(
        html("Term\n\n: Definition.\n"),
        "<dl><dt>Term</dt><dd><p>Definition.</p></dd></dl>"
    );
}

#[test]
fn abbreviations_are_marked_where_they_stand_as_words() {
    assert_eq!(
        html(
            "The SCC shares data with GBIF; SCCs and xSCC are other words.\n\n*[SCC]: Specify Collections Consortium\n*[GBIF]: Global Biodiversity Information Facility\n{: .org}\n"
        ),
        "<p>The <abbr title=\"Specify Collections Consortium\">SCC</abbr> shares data with <abbr class=\"org\" title=\"Global Biodiversity Information Facility\">GBIF</abbr>; SCCs and xSCC are other words.</p>"
    );
}

#[test]
fn math_is_written_for_mathjax_as_kramdown_writes_it() {
    assert_eq!(
        html("$$\nE = mc^2\n$$\n\nInline $$a+b$$ too.\n"),
        "\\[E = mc^2\\]<p>Inline \\(a+b\\) too.</p>"
    );
}

#[test]
fn unsafe_attributes_are_removed_wherever_they_are_written() {
    let (blocks, diagnostics) = blocks(
        "Para.\n{: onclick=\"steal()\"}\n\nA <a href=\"/data\" onmouseover=\"steal()\">link</a>.\n",
    );
    assert_eq!(
        diagnostics
            .iter()
            .map(|d| (d.line, d.column, d.message.as_str()))
            .collect::<Vec<_>>(),
        [
            (
                2,
                4,
                "the attribute `onclick` is removed: it could run a script or load unwanted content"
            ),
            (
                4,
                19,
                "the attribute `onmouseover` of `<a>` is removed: it could run a script or load unwanted content"
            ),
        ]
    );
    assert_eq!(
        crate::page_body::render_blocks_html(blocks),
        "<p>Para.</p><p>A <a href=\"/data\">link</a>.</p>"
    );
}
