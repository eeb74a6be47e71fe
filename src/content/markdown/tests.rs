use super::*;
use crate::content::body::{Align, Attrs, Block, ButtonRow, Inline, Link, LinkTarget};
use crate::content::diagnostics::Position;
use crate::content::links::{self, LinkRef, Use};

use super::testing::{blocks, messages};

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
fn definitions_are_used_by_name() {
    let (blocks, diagnostics) = blocks("{:cta: .button .is-primary}\n\n[Join](/join){: cta}\n");
    assert_eq!(diagnostics, []);
    let Block::ButtonRow(row) = &blocks[0] else {
        panic!("{blocks:?}")
    };
    assert!(row.buttons[0].is_primary());
}

#[test]
fn an_unknown_name_in_an_attribute_list_is_a_warning_with_a_hint() {
    let (_, diagnostics) = blocks("Text\n\n[Join](/join){: button}\n");
    assert_eq!(
        messages(&diagnostics),
        [
            "content/p.md:3:14: warning: attribute list uses `button`, which is not defined\n  = hint: to add the class `button`, write `.button`"
        ]
    );
}

#[test]
fn a_misspelt_definition_name_gets_a_suggestion() {
    let (_, diagnostics) = blocks("{:primary: .button .is-primary}\n\n[Join](/join){: primry}\n");
    assert_eq!(
        messages(&diagnostics),
        [
            "content/p.md:3:14: warning: attribute list uses `primry`, which is not defined\n  = hint: did you mean `primary`? To add the class `primry`, write `.primry`"
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
fn a_malformed_attribute_is_a_warning_at_its_position() {
    let (_, diagnostics) = blocks("A paragraph.\n{: .lead colour=red}\n");
    assert_eq!(
        messages(&diagnostics),
        [
            "content/p.md:2:10: warning: `colour=red` in attribute list `{: .lead colour=red}` is not an attribute\n  = hint: write `#id`, `.class`, `key=\"value\"` or the name of a `{:name: ...}` definition"
        ]
    );
}

#[test]
fn an_attribute_list_after_plain_text_is_a_warning() {
    let (_, diagnostics) = blocks("Some words{: .lead} here.\n");
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert_eq!((diagnostics[0].line, diagnostics[0].column), (1, 11));
    assert!(diagnostics[0].message.contains("follows plain text"));
}

#[test]
fn a_reference_without_definition_is_a_warning() {
    let (_, diagnostics) = blocks("See [the list][members].\n");
    assert_eq!(
        messages(&diagnostics),
        [
            "content/p.md:1:5: warning: the link reference `[members]` has no definition, so the link would be shown as text\n  = hint: define it on a line of its own: `[members]: /path/`"
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
        crate::content::hosts::Hosts::NONE,
        &mut diagnostics,
    );
    assert_eq!(
        body.links,
        [
            LinkRef {
                href: "/data/#sharing".into(),
                at: Position::new(7, 12),
                used: Use::Link
            },
            LinkRef {
                href: "/m.jpg".into(),
                at: Position::new(7, 37),
                used: Use::Image
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
            "1:5: warning: the footnote `[^1]` has no definition, so it would be shown as text",
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
            "1:6: warning: `{::frobnicate}` is not an extension kramdown knows, so it would be shown as text",
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
