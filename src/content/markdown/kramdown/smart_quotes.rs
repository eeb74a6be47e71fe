//! kramdown's smart-quote rules (`SQ_RULES` in its `smart_quotes.rb`): which quote a `"` or `'`
//! becomes, from the characters around it.
//!
//! kramdown writes them as ten regular expressions with look-ahead, tried in order at every
//! quote. Run as such they were the costliest step of the span parser (a backtracking engine per
//! rule per quote); each rule only looks at the next four characters, so they are written here
//! as the character tests they are, in kramdown's order. The tests below check them against the
//! regular expressions on every short text.

/// One part of what a rule makes: text kept as it is, or a quote entity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Part {
    Text(String),
    Quote(&'static str),
}

/// Ruby's `\s`.
fn is_space(c: Option<char>) -> bool {
    matches!(c, Some(' ' | '\t' | '\r' | '\n' | '\x0B' | '\x0C'))
}

/// Ruby's `\w`, ASCII only.
fn is_word(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn is_quote(c: Option<char>) -> bool {
    matches!(c, Some('"' | '\''))
}

/// kramdown's `PUNCT_CHARS`.
fn is_punct(c: Option<char>) -> bool {
    c.is_some_and(|c| "!\"#$%'()*+,-./:;<=>?@[\\]^_`{|}~".contains(c))
}

fn left(quote: char) -> &'static str {
    if quote == '"' { "ldquo" } else { "lsquo" }
}

fn right(quote: char) -> &'static str {
    if quote == '"' { "rdquo" } else { "rsquo" }
}

fn text(c: Option<char>) -> Part {
    Part::Text(c.map(String::from).unwrap_or_default())
}

/// What the first rule that matches at the start of `rest` makes, and how many bytes it reads;
/// `None` when no rule matches.
pub(super) fn apply(rest: &str) -> Option<(Vec<Part>, usize)> {
    let mut chars = rest.chars();
    let c: [Option<char>; 5] = std::array::from_fn(|_| chars.next());
    let len = |n: usize| c[..n].iter().flatten().map(|c| c.len_utf8()).sum::<usize>();
    let q0 = c[0].unwrap_or(' ');
    // `("|')(?=[_*]{1,2}\S)`
    let under_or_star = |c: Option<char>| matches!(c, Some('_' | '*'));
    let not_space = |c: Option<char>| c.is_some() && !is_space(c);
    if is_quote(c[0])
        && under_or_star(c[1])
        && ((under_or_star(c[2]) && not_space(c[3])) || not_space(c[2]))
    {
        return Some((vec![Part::Quote(left(q0))], len(1)));
    }
    // `("|')(?=PUNCT(?!\.\.)\B)`
    if is_quote(c[0])
        && is_punct(c[1])
        && !(c[2] == Some('.') && c[3] == Some('.'))
        && is_word(c[1]) == is_word(c[2])
    {
        return Some((vec![Part::Quote(right(q0))], len(1)));
    }
    // `(\s?)"'(?=\w)` and `(\s?)'"(?=\w)`
    let skip = usize::from(is_space(c[0]));
    let space = if skip == 1 { text(c[0]) } else { text(None) };
    for (first, second) in [('"', '\''), ('\'', '"')] {
        if c[skip] == Some(first) && c[skip + 1] == Some(second) && is_word(c[skip + 2]) {
            let parts = vec![
                space.clone(),
                Part::Quote(left(first)),
                Part::Quote(left(second)),
            ];
            return Some((parts, len(skip + 2)));
        }
    }
    // `(\s?)'(?=\d\ds)`
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    if c[skip] == Some('\'') && digit(c[skip + 1]) && digit(c[skip + 2]) && c[skip + 3] == Some('s')
    {
        return Some((vec![space, Part::Quote("rsquo")], len(skip + 1)));
    }
    // `(\s)('|")(?=\w)`
    if is_space(c[0]) && is_quote(c[1]) && is_word(c[2]) {
        let quote = c[1].unwrap_or('"');
        return Some((vec![text(c[0]), Part::Quote(left(quote))], len(2)));
    }
    // `([^ \\\t\r\n\[{(-])('|")`
    if c[0].is_some_and(|c| !" \\\t\r\n[{(-".contains(c)) && is_quote(c[1]) {
        let quote = c[1].unwrap_or('"');
        return Some((vec![text(c[0]), Part::Quote(right(quote))], len(2)));
    }
    // `("|')(?=\s|s\b|$)`, `$` being the end of a line
    if is_quote(c[0]) && (is_space(c[1]) || (c[1] == Some('s') && !is_word(c[2])) || c[1].is_none())
    {
        return Some((vec![Part::Quote(right(q0))], len(1)));
    }
    // `(.?)'` and `(.?)"`: any character (or none) before the quote
    for quote in ['\'', '"'] {
        if c[0].is_some() && c[1] == Some(quote) {
            return Some((vec![text(c[0]), Part::Quote(left(quote))], len(2)));
        }
        if c[0] == Some(quote) {
            return Some((vec![text(None), Part::Quote(left(quote))], len(1)));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::markdown::kramdown::scanner::{Re, re};
    use proptest::prelude::*;

    /// kramdown's rules as regular expressions, the way they were run before.
    fn by_patterns(window: &str) -> Option<(Vec<Part>, usize)> {
        const PUNCT: &str = r##"[!"#\$\%'()*+,\-.\/:;<=>?\@\[\\\]\^_`{|}~]"##;
        const CLOSE: &str = r"[^ \\\t\r\n\[{(-]";
        #[derive(Clone, Copy)]
        enum P {
            Group(usize),
            Left(usize),
            Right(usize),
            Named(&'static str),
        }
        use P::*;
        let rules: [(&Re, &[P]); 10] = [
            (re!(r#"("|')(?=[_*]{1,2}\S)"#), &[Left(1)]),
            (re!(format!(r#"("|')(?={PUNCT}(?!\.\.)\B)"#)), &[Right(1)]),
            (
                re!(r#"(\s?)"'(?=\w)"#),
                &[Group(1), Named("ldquo"), Named("lsquo")],
            ),
            (
                re!(r#"(\s?)'"(?=\w)"#),
                &[Group(1), Named("lsquo"), Named("ldquo")],
            ),
            (re!(r"(\s?)'(?=\d\ds)"), &[Group(1), Named("rsquo")]),
            (re!(r#"(\s)('|")(?=\w)"#), &[Group(1), Left(2)]),
            (re!(format!(r#"({CLOSE})('|")"#)), &[Group(1), Right(2)]),
            (re!(r#"("|')(?=\s|s\b|$)"#), &[Right(1)]),
            (re!(r"(?s:(.?)')"), &[Group(1), Named("lsquo")]),
            (re!(r#"(?s:(.?)")"#), &[Group(1), Named("ldquo")]),
        ];
        for (rule, parts) in rules {
            let Some(caps) = rule.captures_at_start(window) else {
                continue;
            };
            let group = |i: usize| caps.get(i).unwrap_or("").to_owned();
            let quote = |i: usize, double, single| if group(i) == "\"" { double } else { single };
            let parts = parts
                .iter()
                .map(|part| match *part {
                    Group(i) => Part::Text(group(i)),
                    Left(i) => Part::Quote(quote(i, "ldquo", "lsquo")),
                    Right(i) => Part::Quote(quote(i, "rdquo", "rsquo")),
                    Named(name) => Part::Quote(name),
                })
                .collect();
            return Some((parts, caps.range(0).len()));
        }
        None
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        #[test]
        fn the_rules_read_as_kramdowns_patterns(text in "[\"' \tas0-9_*.(\\[{\\-!?\\\\é\n]{0,6}") {
            // The patterns see one line at most, as the span parser gives them.
            let line_end = text.find('\n').map_or(text.len(), |i| i + 1);
            let window = &text[..line_end];
            prop_assert_eq!(apply(window), by_patterns(window));
        }
    }

    #[test]
    fn quotes_become_typographic() {
        assert_eq!(
            apply("\"a"),
            Some((vec![Part::Text(String::new()), Part::Quote("ldquo")], 1))
        );
        assert_eq!(
            apply("a\" "),
            Some((vec![Part::Text("a".into()), Part::Quote("rdquo")], 2))
        );
        assert_eq!(
            apply(" '80s"),
            Some((vec![Part::Text(" ".into()), Part::Quote("rsquo")], 2))
        );
        assert_eq!(apply("ab"), None);
    }
}
