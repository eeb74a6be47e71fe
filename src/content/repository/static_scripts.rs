//! Files the site publishes as they are (as Jekyll does) that could run a script in a visitor's
//! browser: an HTML file without front matter with a `<script>`, an SVG with one, an event
//! handler (`onload=`) or a `javascript:` address in either. The site's policy keeps such a
//! script from running where the host sends the site's headers (`'strict-dynamic'`), not on
//! GitHub Pages, which ignores `_headers`; so each such file is named in a warning.

/// The extensions of files a browser opened directly may run scripts in.
const SCRIPTABLE: [&str; 5] = ["html", "htm", "xhtml", "shtml", "svg"];

/// Whether a file at `relative` is one a browser may run scripts in.
pub fn is_scriptable(relative: &str) -> bool {
    relative
        .rsplit_once('.')
        .is_some_and(|(_, ext)| SCRIPTABLE.contains(&ext.to_ascii_lowercase().as_str()))
}

/// The line (from 1) and the markup of the first place in `bytes` that could run a script.
pub fn script_at(bytes: &[u8]) -> Option<(usize, String)> {
    let text = String::from_utf8_lossy(bytes).to_ascii_lowercase();
    let mut found: Vec<(usize, String)> = Vec::new();
    for marker in ["<script", "javascript:"] {
        if let Some(at) = text.find(marker) {
            found.push((at, marker.to_owned()));
        }
    }
    // An event handler attribute: ` onload=`, `\tonclick =`.
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(i) = text[at..].find("on").map(|i| at + i) {
        at = i + 2;
        let after_space = i > 0 && (bytes[i - 1].is_ascii_whitespace() || bytes[i - 1] == b'/');
        let name_end = text[i + 2..]
            .find(|c: char| !c.is_ascii_alphabetic())
            .map_or(text.len(), |e| i + 2 + e);
        if after_space && name_end > i + 2 && text[name_end..].trim_start().starts_with('=') {
            found.push((i, text[i..name_end].to_owned() + "="));
            break;
        }
    }
    let (offset, markup) = found.into_iter().min_by_key(|(at, _)| *at)?;
    let line = text[..offset].matches('\n').count() + 1;
    Some((line, markup))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_handlers_and_script_addresses_are_found_at_their_line() {
        assert_eq!(
            script_at(b"<html>\n<body>\n<script src=\"/assets/evil.js\"></script>"),
            Some((3, "<script".to_owned()))
        );
        assert_eq!(
            script_at(b"<svg>\n<rect ONLOAD = \"alert(1)\"/>"),
            Some((2, "onload=".to_owned()))
        );
        assert_eq!(
            script_at(b"<a href=\"JavaScript:alert(1)\">x</a>"),
            Some((1, "javascript:".to_owned()))
        );
        assert_eq!(script_at(b"<p>online, on time: done</p>"), None);
        assert!(is_scriptable("assets/logo.SVG") && !is_scriptable("assets/logo.png"));
    }
}
