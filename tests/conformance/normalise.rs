//! HTML made comparable: kramdown's output and the site's differ in whitespace between tags,
//! attribute order, how characters are escaped and how void tags are closed, none of which a
//! browser or a reader sees. Everything else is kept.

/// One token of normalised HTML.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Token {
    Open(String, Vec<(String, String)>),
    Close(String),
    Text(String),
}

impl std::fmt::Display for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Token::Open(tag, attrs) => {
                write!(f, "<{tag}")?;
                for (k, v) in attrs {
                    write!(f, " {k}=\"{v}\"")?;
                }
                write!(f, ">")
            }
            Token::Close(tag) => write!(f, "</{tag}>"),
            Token::Text(text) => write!(f, "{text:?}"),
        }
    }
}

const VOID: &[&str] = &[
    "br", "hr", "img", "input", "col", "wbr", "source", "area", "meta", "link", "base",
];
const BLOCK: &[&str] = &[
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "td",
    "th",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "hr",
    "figure",
    "figcaption",
    "dl",
    "dt",
    "dd",
    "section",
    "br",
];
/// Attributes the site adds (or moves) for accessibility or scrolling: ARIA roles where ARIA
/// allows them, names for task list checkboxes, keyboard access to tables that scroll.
const ADDED_BY_SITE: &[&str] = &["role", "tabindex", "scope", "aria-label"];

/// The tokens of `html`, normalised.
pub fn normalise(html: &str) -> Vec<Token> {
    let raw = tokenize(html);
    let mut out: Vec<Token> = Vec::new();
    let mut pre_depth = 0usize;
    let mut highlight_depth = 0usize;
    for token in raw {
        match token {
            Token::Open(tag, attrs) => {
                if tag == "pre" {
                    pre_depth += 1;
                    if attrs
                        .iter()
                        .any(|(k, v)| k == "class" && v.split(' ').any(|c| c == "highlight"))
                    {
                        highlight_depth += 1;
                    }
                }
                // Syntax highlighting is the one permitted difference: its spans are dropped.
                if tag == "span" && highlight_depth > 0 {
                    continue;
                }
                let closes_itself = VOID.contains(&tag.as_str());
                out.push(Token::Open(tag.clone(), attrs));
                if closes_itself {
                    out.push(Token::Close(tag));
                }
            }
            Token::Close(tag) => {
                if tag == "span" && highlight_depth > 0 {
                    continue;
                }
                if VOID.contains(&tag.as_str()) {
                    continue;
                }
                if tag == "pre" {
                    pre_depth = pre_depth.saturating_sub(1);
                    highlight_depth = highlight_depth.min(pre_depth);
                }
                out.push(Token::Close(tag));
            }
            Token::Text(text) => {
                let text = if pre_depth > 0 { text } else { collapse(&text) };
                match out.last_mut() {
                    Some(Token::Text(last)) => {
                        last.push_str(&text);
                        if pre_depth == 0 {
                            *last = collapse(last);
                        }
                    }
                    _ => out.push(Token::Text(text)),
                }
            }
        }
    }
    // Space next to a block boundary is not shown.
    let is_block = |t: Option<&Token>| match t {
        Some(Token::Open(tag, _) | Token::Close(tag)) => BLOCK.contains(&tag.as_str()),
        None => true,
        _ => false,
    };
    let mut result = Vec::new();
    for i in 0..out.len() {
        if let Token::Text(text) = &out[i] {
            let in_pre = is_inside_pre(&out[..i]);
            let mut text = text.clone();
            if !in_pre {
                if is_block(if i == 0 { None } else { out.get(i - 1) }) {
                    text = text.trim_start_matches(is_space).to_owned();
                }
                if is_block(out.get(i + 1)) {
                    text = text.trim_end_matches(is_space).to_owned();
                }
                if text.chars().all(is_space) {
                    continue;
                }
            }
            result.push(Token::Text(text));
        } else {
            result.push(out[i].clone());
        }
    }
    result
}

fn is_inside_pre(before: &[Token]) -> bool {
    let mut depth = 0i32;
    for t in before {
        match t {
            Token::Open(tag, _) if tag == "pre" => depth += 1,
            Token::Close(tag) if tag == "pre" => depth -= 1,
            _ => {}
        }
    }
    depth > 0
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{a0}'
}

fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_space = false;
    for c in text.chars() {
        if c.is_ascii_whitespace() {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.push(c);
            in_space = false;
        }
    }
    out
}

fn tokenize(html: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut rest = html;
    while !rest.is_empty() {
        if let Some(comment) = rest.strip_prefix("<!--") {
            rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
        } else if rest.starts_with("</") {
            let end = rest.find('>').unwrap_or(rest.len() - 1);
            tokens.push(Token::Close(rest[2..end].trim().to_ascii_lowercase()));
            rest = &rest[end + 1..];
        } else if rest.starts_with('<') && rest[1..].starts_with(|c: char| c.is_ascii_alphabetic())
        {
            // `<` is one byte, so `rest[1..]` is on a character boundary.
            let (tag, attrs, len) = start_tag(rest);
            tokens.push(Token::Open(tag, attrs));
            rest = &rest[len..];
        } else {
            let first = rest.chars().next().map_or(1, char::len_utf8);
            let end = rest[first..].find('<').map_or(rest.len(), |i| i + first);
            tokens.push(Token::Text(decode(&rest[..end])));
            rest = &rest[end..];
        }
    }
    tokens
}

/// A start tag at the start of `text`: its name, sorted attributes, and its length.
fn start_tag(text: &str) -> (String, Vec<(String, String)>, usize) {
    let bytes = text.as_bytes();
    let mut i = 1;
    while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'>' && bytes[i] != b'/'
    {
        i += 1;
    }
    let tag = text[1..i].to_ascii_lowercase();
    let mut attrs = Vec::new();
    loop {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        if i >= bytes.len() || bytes[i] == b'>' {
            i += 1;
            break;
        }
        let start = i;
        while i < bytes.len()
            && !bytes[i].is_ascii_whitespace()
            && !matches!(bytes[i], b'=' | b'>' | b'/')
        {
            i += 1;
        }
        let name = text[start..i].to_ascii_lowercase();
        let mut value = String::new();
        if i < bytes.len() && bytes[i] == b'=' {
            i += 1;
            if i < bytes.len() && (bytes[i] == b'"' || bytes[i] == b'\'') {
                let quote = bytes[i];
                let vstart = i + 1;
                i = vstart;
                while i < bytes.len() && bytes[i] != quote {
                    i += 1;
                }
                value = decode(&text[vstart..i.min(text.len())]);
                i += 1;
            } else {
                let vstart = i;
                while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'>' {
                    i += 1;
                }
                value = decode(&text[vstart..i]);
            }
        }
        // The site marks links to files `target="_self"` (the browser's default anyway) so that
        // its router leaves them to the browser.
        if ADDED_BY_SITE.contains(&name.as_str()) || (name == "target" && value == "_self") {
            continue;
        }
        let value = match name.as_str() {
            "class" => {
                let mut classes: Vec<&str> = value.split_whitespace().collect();
                classes.sort_unstable();
                classes.join(" ")
            }
            "style" => value
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .trim_end_matches(';')
                .to_owned(),
            _ => value,
        };
        attrs.push((name, value));
    }
    attrs.sort();
    (tag, attrs, i.min(text.len()))
}

/// Character references decoded, so that `&quot;`, `&#34;` and `"` compare equal.
fn decode(text: &str) -> String {
    scc_site::content::markdown::kramdown::entities::decode(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_attribute_order_and_escaping_do_not_matter() {
        let a = normalise(
            "<p class=\"b a\" id=x>Tom &amp; \"Jerry\"<br /></p>\n\n<ul>\n  <li>one</li>\n</ul>",
        );
        let b = normalise(
            "<p id=\"x\" class=\"a b\">Tom &#38; &quot;Jerry&quot;<br></p><ul><li>one</li></ul>",
        );
        assert_eq!(a, b);
    }

    #[test]
    fn text_and_structure_do_matter() {
        assert_ne!(normalise("<p>a b</p>"), normalise("<p>ab</p>"));
        assert_ne!(normalise("<p><em>a</em></p>"), normalise("<p>a</p>"));
        assert_ne!(
            normalise("<pre><code>a  b</code></pre>"),
            normalise("<pre><code>a b</code></pre>")
        );
    }
}
