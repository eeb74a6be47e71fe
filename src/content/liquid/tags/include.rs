//! `{% include path %}` as Jekyll reads it. liquid-lib's `include` tag renders it; Jekyll's
//! bare paths are quoted for it first.

/// `{% include blocks/card.html %}` as liquid reads it: Jekyll takes a bare path with `/` or
/// other characters a Liquid name cannot have; liquid takes it quoted (`"blocks/card.html"`).
pub fn quote_include_paths(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains("include") {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut rest = text;
    let mut changed = false;
    while let Some(start) = rest.find("{%") {
        let (before, tag) = rest.split_at(start);
        out.push_str(before);
        let body_start = 2 + tag[2..].starts_with('-') as usize;
        let after_open = &tag[body_start..];
        let trimmed = after_open.trim_start();
        let path = trimmed
            .strip_prefix("include")
            .filter(|r| r.starts_with(char::is_whitespace))
            .map(str::trim_start)
            .map(|r| {
                &r[..r
                    .find(|c: char| c.is_whitespace() || c == '%' || c == '-')
                    .unwrap_or(r.len())]
            });
        match path {
            Some(path)
                if !path.is_empty()
                    && !path.starts_with(['"', '\'', '{'])
                    && path.contains(['/', '-'])
                    && path.contains('.') =>
            {
                let at = tag.len() - trimmed.len()
                    + (trimmed.len() - trimmed["include".len()..].trim_start().len());
                out.push_str(&tag[..at]);
                out.push('"');
                out.push_str(path);
                out.push('"');
                rest = &tag[at + path.len()..];
                changed = true;
            }
            _ => {
                out.push_str(&tag[..2]);
                rest = &tag[2..];
            }
        }
    }
    out.push_str(rest);
    if changed {
        std::borrow::Cow::Owned(out)
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}
