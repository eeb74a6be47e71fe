//! Markdown drawn as kramdown draws it: the content compiler's body tree through the body
//! components, compared with kramdown's HTML for each construct.

use super::render_blocks_html;
use crate::content::body::{Block, List};
use crate::content::markdown::testing::{blocks, messages};

fn html(text: &str) -> String {
    let (blocks, _) = blocks(text);
    render_blocks_html(blocks)
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
fn block_attribute_lists_attach_to_the_block_above_or_below() {
    assert_eq!(
        html("A paragraph.\n{: .notice #first}\n\n{:.lead}\nAnother one.\n"),
        "<p id=\"first\" class=\"notice\">A paragraph.</p><p class=\"lead\">Another one.</p>"
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
fn footnotes_are_numbered_and_listed_at_the_end() {
    assert_eq!(
        html("Text[^n].\n\n[^n]: The note.\n"),
        "<p>Text<sup id=\"fnref:n\"><a class=\"footnote\" href=\"#fn:n\" rel=\"footnote\" role=\"doc-noteref\">1</a></sup>.</p><div class=\"footnotes\" role=\"doc-endnotes\"><ol><li id=\"fn:n\"><p>The note.\u{a0}<a class=\"reversefootnote\" href=\"#fnref:n\" role=\"doc-backlink\">\u{21a9}</a></p></li></ol></div>"
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
fn headings_get_github_ids_unless_they_have_one() {
    assert_eq!(
        html("## Our Mission\n\n## Why join? {#join}\n\n## Our Mission\n"),
        "<h2 id=\"our-mission\">Our Mission</h2><h2 id=\"join\">Why join?</h2><h2 id=\"our-mission-1\">Our Mission</h2>"
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
fn math_is_written_for_mathjax_as_kramdown_writes_it() {
    assert_eq!(
        html("$$\nE = mc^2\n$$\n\nInline $$a+b$$ too.\n"),
        "\\[E = mc^2\\]<p>Inline \\(a+b\\) too.</p>"
    );
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
fn paragraphs_keep_emphasis_strong_code_and_links() {
    assert_eq!(
        html("Some *em*, **strong**, `code` and [a link](https://example.org).\n"),
        // Jekyll's highlighter names the language of inline code, plain text unless given.
        "<p>Some <em>em</em>, <strong>strong</strong>, <code class=\"language-plaintext highlighter-rouge\">code</code> and <a href=\"https://example.org\">a link</a>.</p>"
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
    let html = crate::build::page_body::render_blocks_html(blocks);
    assert_eq!(
        html,
        "<div class=\"note\">Kept <em>text</em></div><p>A <span style=\"color: red\">red</span> word.</p>"
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
        crate::build::page_body::render_blocks_html(blocks),
        "<p>Para.</p><p>A <a href=\"/data\">link</a>.</p>"
    );
}

#[test]
fn a_page_without_a_main_heading_gets_its_title_as_one_for_screen_readers() {
    use super::title_heading_if_missing;
    use crate::model::{BodyPart, TocEntry};
    use crate::urls::BaseUrl;
    let part = |html: &str, toc: Vec<TocEntry>| BodyPart {
        html: html.to_owned(),
        toc,
    };
    let base = BaseUrl::default();
    let mut stories = vec![part("<section><h2>News</h2></section>", Vec::new())];
    title_heading_if_missing(&mut stories, "News & <events>", &base);
    assert_eq!(
        stories[0].html,
        "<h1 class=\"visually-hidden\">News &amp; &lt;events&gt;</h1><section><h2>News</h2></section>"
    );
    let with_hero = vec![part("<h1 class=\"hero__title\">About</h1>", Vec::new())];
    let mut unchanged = with_hero.clone();
    title_heading_if_missing(&mut unchanged, "About", &base);
    assert_eq!(unchanged, with_hero);
    let mut untitled = vec![part("<div id=\"widget\"></div>", Vec::new())];
    title_heading_if_missing(&mut untitled, " ", &base);
    assert_eq!(untitled[0].html, "<div id=\"widget\"></div>");
    // Before a part with a table of contents, in a part of its own.
    let entry = TocEntry {
        id: "a".into(),
        text: "A".into(),
        level: 2,
    };
    let mut with_toc = vec![part("<h2 id=\"a\">A</h2>", vec![entry])];
    title_heading_if_missing(&mut with_toc, "Guide", &base);
    assert_eq!(with_toc.len(), 2);
    assert_eq!(with_toc[0].html, "<h1 class=\"visually-hidden\">Guide</h1>");
    assert!(with_toc[0].toc.is_empty() && with_toc[1].toc.len() == 1);
}

#[test]
fn an_html_image_without_alt_text_is_kept_with_a_warning() {
    let (blocks, diagnostics) = blocks(
        "Text.\n\n<figure>\n  <img src=\"/assets/map.png\" />\n</figure>\n\n<img src=\"/a.png\" alt=\"\">\n",
    );
    assert_eq!(
        diagnostics
            .iter()
            .map(|d| (d.line, d.column, d.message.as_str()))
            .collect::<Vec<_>>(),
        [(
            4,
            3,
            "the image `/assets/map.png` has no `alt` text: screen readers read out its address instead"
        )]
    );
    let html = crate::build::page_body::render_blocks_html(blocks);
    assert!(html.contains("<img src=\"/assets/map.png\">"), "{html}");
    assert!(html.contains("<img src=\"/a.png\" alt=\"\">"), "{html}");
}
