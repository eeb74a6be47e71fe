//! The whitespace kramdown writes between HTML blocks, for the HTML Liquid receives (`markdownify`,
//! a document's `content`). A browser ignores it, but templates read that HTML as text: Jekyll
//! sites write `content | strip_html | strip_newlines | truncatewords: 50` for excerpts, where a
//! list's items are words apart only because kramdown writes each on its own indented line
//! (`<ul>\n  <li>Project management</li>\n  <li>Data capture</li>\n</ul>\n`). The page
//! components draw compact HTML; this lays it out as kramdown does: a line break after each
//! block, a blank line between blocks, and list items indented two spaces a level. Code blocks
//! are left as they are.

/// Blocks kramdown ends with a line break (a blank line between two of them).
const BLOCKS: [&str; 17] = [
    "p",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "table",
    "pre",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
];

/// `html` (as the body components draw it) with kramdown's line breaks and indentation.
pub fn laid_out(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 8);
    let mut lists = 0usize;
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        let end = rest.find('>').map_or(rest.len(), |e| e + 1);
        let tag = &rest[..end];
        let name: String = tag
            .trim_start_matches(['<', '/'])
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        let closing = tag.starts_with("</");
        if name == "pre" && !closing {
            // Code as it is, up to its end.
            let close = rest
                .find("</pre>")
                .map_or(rest.len(), |c| c + "</pre>".len());
            out.push_str(&rest[..close]);
            out.push('\n');
            rest = &rest[close..];
            continue;
        }
        let list = name == "ul" || name == "ol";
        if !closing && (name == "li" || list && lists > 0) {
            if !out.ends_with('\n') {
                out.push('\n');
            }
            out.push_str(&"  ".repeat(lists * 2 - usize::from(name == "li")));
        }
        if closing && list {
            lists = lists.saturating_sub(1);
            if !out.ends_with('\n') {
                out.push('\n');
            }
            out.push_str(&"  ".repeat(lists * 2));
        }
        out.push_str(tag);
        rest = &rest[end..];
        if list && !closing {
            lists += 1;
            out.push('\n');
        } else if closing && BLOCKS.contains(&name.as_str()) {
            out.push('\n');
            if lists == 0 && name != "li" {
                out.push('\n');
            }
        } else if name == "hr" {
            out.push_str("\n\n");
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_items_go_on_indented_lines_and_blocks_end_lines() {
        assert_eq!(
            laid_out(
                "<p>Topics include:</p><ul><li>Project management</li><li>Data capture</li></ul><p>End.</p>"
            ),
            "<p>Topics include:</p>\n\n<ul>\n  <li>Project management</li>\n  <li>Data capture</li>\n</ul>\n\n<p>End.</p>\n\n"
        );
    }

    #[test]
    fn code_is_kept_as_it_is() {
        assert_eq!(
            laid_out("<pre><code><li>x</li>\n</code></pre><p>a <em>b</em></p>"),
            "<pre><code><li>x</li>\n</code></pre>\n<p>a <em>b</em></p>\n\n"
        );
    }
}
