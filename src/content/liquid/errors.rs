//! Liquid's errors as diagnostics: at the tag or output they are about, and in the editor's
//! terms when they are a common slip (a block never closed, `{{` or `{%` not closed) rather than
//! in the parser's (`expected Literal`).

use super::budget;
use crate::content::diagnostics::{Diagnostic, Position};

/// Where byte `offset` of a text that starts at `at` is.
pub fn position_in(text: &str, offset: usize, at: Position) -> Position {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count();
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    if line == 0 {
        Position::new(at.line, at.column + column - 1)
    } else {
        Position::new(at.line + line, column)
    }
}

/// A Liquid error as a diagnostic, at the tag or output it is about when that can be found,
/// and said in the editor's terms when it is a common slip (a block never closed, `{{` or `{%`
/// not closed) rather than in the parser's (`expected Literal`).
pub fn liquid_error(
    file: &str,
    at: Position,
    text: &str,
    error: &liquid::Error,
    what: &str,
) -> Diagnostic {
    let message = error.to_string();
    if let Some(diagnostic) = over_budget(file, at, text, &message) {
        return diagnostic;
    }
    if let Some(diagnostic) = unclosed_block(file, at, text, &message)
        .or_else(|| parser_error(file, at, text, &message, what))
    {
        return diagnostic;
    }
    // liquid names the tag it could not read (`tag=name`, or `requested=name` for an unknown
    // include); the first place that tag is written is where to look.
    let named = ["tag=", "requested=", "with:"]
        .iter()
        .find_map(|key| message.split(key).nth(1))
        .map(|rest| {
            rest.split_whitespace()
                .next()
                .unwrap_or("")
                .trim_matches(['"', '\''])
        });
    let offset = named
        .filter(|name| !name.is_empty())
        .and_then(|name| text.find(name))
        .and_then(|i| text[..i].rfind("{%").or(text[..i].rfind("{{")))
        .or_else(|| text.find("{%"))
        .unwrap_or(0);
    let summary = message
        .lines()
        .next()
        .unwrap_or("")
        .trim_start_matches("liquid: ");
    let hint = if message.contains("Unknown tag") || message.contains("unknown tag") {
        "Jekyll fails on a tag it does not know too; remove it, or wrap the text in `{% raw %}...{% endraw %}`"
    } else if message.contains("does not exist") || message.contains("partial") {
        "put the file in `_includes/`, or remove the `include`"
    } else {
        "check the `{{ }}` and `{% %}` here; text that is not Liquid goes in `{% raw %}...{% endraw %}`"
    };
    Diagnostic::error(
        file,
        position_in(text, offset, at),
        format!("this Liquid {what}: {summary}"),
    )
    .with_hint(hint)
}

/// A render that ran out of its budget (`budget`): at the first loop, include or `liquify` that
/// may have spent it, saying what ran out.
fn over_budget(file: &str, at: Position, text: &str, message: &str) -> Option<Diagnostic> {
    let first = message
        .lines()
        .next()
        .unwrap_or("")
        .trim_start_matches("liquid: ");
    let (what, starts): (&str, &[&str]) = match first {
        budget::OVER_STEPS => (
            "it loops",
            &["{% for", "{%- for", "{% tablerow", "{%- tablerow"],
        ),
        budget::OVER_TEXT => (
            "it makes too much text",
            &["{% for", "{%- for", "{% capture"],
        ),
        budget::OVER_DEPTH => ("it nests", &["{% include", "{%- include", "liquify"]),
        _ => return None,
    };
    let offset = starts
        .iter()
        .filter_map(|s| text.find(s))
        .min()
        .unwrap_or(0);
    Some(
        Diagnostic::error(file, position_in(text, offset, at), format!("{first}, so it is stopped"))
            .with_hint(format!(
                "{what} beyond what any page needs (Jekyll would take minutes or all the memory); check the loop's range, and that no include or value includes itself"
            )),
    )
}

/// "Unclosed block. {% endif %} tag expected.": at the `{% if %}` that is never closed (the
/// parser points at the end of the text).
fn unclosed_block(file: &str, at: Position, text: &str, message: &str) -> Option<Diagnostic> {
    let end = message
        .split("{% end")
        .nth(1)?
        .split_whitespace()
        .next()?
        .to_owned();
    let mut open = Vec::new();
    for (i, _) in text.match_indices("{%") {
        let tag = text[i + 2..]
            .trim_start_matches('-')
            .split_whitespace()
            .next()
            .unwrap_or("");
        if tag == end {
            open.push(i);
        } else if tag.strip_prefix("end") == Some(end.as_str()) {
            open.pop();
        }
    }
    let offset = *open.first()?;
    Some(
        Diagnostic::error(
            file,
            position_in(text, offset, at),
            format!("this `{{% {end} %}}` is never closed"),
        )
        .with_hint(format!(
            "add `{{% end{end} %}}` where its part ends (Jekyll fails on it too)"
        )),
    )
}

/// An error of liquid's parser, which says where it stopped (`--> 6:4`) and what it expected
/// there: at that place, and, when the `{{` or `{%` there is not closed on its line, saying so.
fn parser_error(
    file: &str,
    at: Position,
    text: &str,
    message: &str,
    what: &str,
) -> Option<Diagnostic> {
    let place = message.split("--> ").nth(1)?.split_whitespace().next()?;
    let (line, column) = place.split_once(':')?;
    let (line, column): (usize, usize) = (line.parse().ok()?, column.parse().ok()?);
    let line_start = match line {
        0 | 1 => 0,
        line => text
            .match_indices('\n')
            .nth(line - 2)
            .map_or(text.len(), |(i, _)| i + 1),
    };
    let line_text = text[line_start..].split('\n').next().unwrap_or("");
    let in_line = line_text
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(line_text.len(), |(i, _)| i);
    // The `{{` or `{%` the parser was reading.
    let opening = ["{{", "{%"]
        .iter()
        .filter_map(|open| line_text[..in_line].rfind(open).map(|i| (i, *open)))
        .max_by_key(|(i, _)| *i);
    let expected = message
        .lines()
        .find_map(|l| l.trim().strip_prefix("= "))
        .unwrap_or("")
        .trim_end_matches('.');
    let (offset, message, hint) = match opening {
        Some((i, open)) => {
            let close = if open == "{{" { "}}" } else { "%}" };
            if line_text[i + 2..].contains(close) {
                (
                    line_start + i,
                    format!("this Liquid {what}: {expected}"),
                    "check what is written between the braces; text that is not Liquid goes in `{% raw %}...{% endraw %}`".to_owned(),
                )
            } else {
                (
                    line_start + i,
                    format!("this `{open}` is not closed with `{close}`"),
                    format!("end it with `{close}` on the same line, or write `{{% raw %}}{open}{{% endraw %}}` if it is not Liquid"),
                )
            }
        }
        None => (
            line_start + in_line,
            format!("this Liquid {what}: {expected}"),
            "check the `{{ }}` and `{% %}` here; text that is not Liquid goes in `{% raw %}...{% endraw %}`".to_owned(),
        ),
    };
    Some(Diagnostic::error(file, position_in(text, offset, at), message).with_hint(hint))
}
