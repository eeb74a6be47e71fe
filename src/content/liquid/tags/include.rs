//! `{% include path key=value %}` as Jekyll runs it: the file of `_includes/` at that path,
//! rendered with the page's variables and its parameters as `include.key`. Each include is read
//! once per build (see `Templates`); one inside another counts against the render's depth, so
//! an include of itself, or two of each other, end with an error instead of the build.
//!
//! Jekyll takes a bare path (`blocks/card.html`), which liquid's tokens cannot hold; such paths
//! are quoted before the template is read ([`quote_include_paths`]).

use std::collections::HashMap;
use std::io::Write;
use std::sync::Arc;

use liquid_core::model::{KString, KStringRef, Object, ValueView};
use liquid_core::parser::TryMatchToken;
use liquid_core::runtime::StackFrame;
use liquid_core::{
    Expression, Language, ParseTag, Renderable, Result, Runtime, TagReflection, TagTokenIter,
};

use crate::content::liquid::budget;
use crate::content::liquid::jekyll_site::JekyllSite;
use crate::content::liquid::lax::Lax;

/// The `include` tag.
#[derive(Clone)]
pub struct IncludeTag {
    pub site: Arc<JekyllSite>,
}

impl TagReflection for IncludeTag {
    fn tag(&self) -> &'static str {
        "include"
    }

    fn description(&self) -> &'static str {
        "a file of _includes"
    }
}

impl ParseTag for IncludeTag {
    fn parse(
        &self,
        mut arguments: TagTokenIter<'_>,
        _options: &Language,
    ) -> Result<Box<dyn Renderable>> {
        // A bare name is the file's (`note.html`), as in Jekyll; a quoted one too.
        let name = arguments.expect_next("The file to include expected.")?;
        let name = match name.expect_literal() {
            TryMatchToken::Matches(name) => Expression::Literal(name),
            TryMatchToken::Fails(token) => Expression::with_literal(token.as_str().to_owned()),
        };
        let mut parameters = Vec::new();
        while let Some(token) = arguments.next() {
            let key = token.expect_identifier().into_result()?.to_owned();
            arguments
                .expect_next("\"=\" expected.")?
                .expect_str("=")
                .into_result_custom_msg("write the parameter as `key=value`")?;
            let value = arguments
                .expect_next("A value expected.")?
                .expect_value()
                .into_result()?;
            parameters.push((KString::from_string(key), value));
        }
        Ok(Box::new(Include {
            name,
            parameters,
            site: self.site.clone(),
        }))
    }

    fn reflection(&self) -> &dyn TagReflection {
        self
    }
}

struct Include {
    name: Expression,
    parameters: Vec<(KString, Expression)>,
    site: Arc<JekyllSite>,
}

impl std::fmt::Debug for Include {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{{% include {} %}}", self.name)
    }
}

impl Renderable for Include {
    fn render_to(&self, writer: &mut dyn Write, runtime: &dyn Runtime) -> Result<()> {
        let name = self.name.evaluate(runtime)?.render().to_string();
        let name = name.trim_matches(['"', '\'']).to_owned();
        let template = self.site.templates()?.include(&name)?;
        let mut parameters = Object::new();
        for (key, value) in &self.parameters {
            parameters.insert(key.clone(), value.evaluate(runtime)?.into_owned());
        }
        let mut frame = HashMap::<KStringRef<'_>, &dyn ValueView>::new();
        frame.insert("include".into(), &parameters);
        let scope = Lax::new(StackFrame::new(runtime, &frame));
        budget::spend(1)?;
        budget::deeper(|| template.render_to(writer, &scope))
    }
}

/// `{% include blocks/card.html %}` as liquid reads it: Jekyll takes a bare path with `/` or
/// other characters a Liquid name cannot have; liquid takes it quoted (`"blocks/card.html"`).
pub fn quote_include_paths(text: &str) -> std::borrow::Cow<'_, str> {
    if !["include", "post_url", "link"]
        .iter()
        .any(|t| text.contains(t))
    {
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
        let tag_name = ["include_relative", "include", "post_url", "link"]
            .into_iter()
            .find(|name| {
                trimmed
                    .strip_prefix(name)
                    .is_some_and(|r| r.starts_with(char::is_whitespace))
            });
        let path = tag_name
            .map(|name| trimmed[name.len()..].trim_start())
            .map(|r| {
                // The path ends at a space or at the tag's end (`%}`, or `-%}` trimming the
                // space after it); a `-` inside it is the name's (`event-list-item.html`).
                let end = r
                    .find(|c: char| c.is_whitespace())
                    .into_iter()
                    .chain(r.find("-%}"))
                    .chain(r.find("%}"))
                    .min()
                    .unwrap_or(r.len());
                &r[..end]
            });
        match path {
            Some(path)
                if !path.is_empty()
                    && !path.starts_with(['"', '\'', '{'])
                    && (matches!(tag_name, Some("post_url" | "link"))
                        || path.contains(['/', '-']) && path.contains('.')
                        || tag_name == Some("include_relative") && path.contains('.')) =>
            {
                let name_len = tag_name.map_or(0, str::len);
                let at = tag.len() - trimmed.len()
                    + (trimmed.len() - trimmed[name_len..].trim_start().len());
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

#[cfg(test)]
mod tests {
    use super::quote_include_paths;

    #[test]
    fn bare_paths_are_quoted_whatever_their_names_hold() {
        for (written, read) in [
            (
                "{% include blocks/card.html %}",
                "{% include \"blocks/card.html\" %}",
            ),
            (
                "{% include event-list-item.html event=event %}",
                "{% include \"event-list-item.html\" event=event %}",
            ),
            (
                "{%- include icons/calendar-days.html -%}",
                "{%- include \"icons/calendar-days.html\" -%}",
            ),
            (
                "{% include functions/fetch-events.html%}",
                "{% include \"functions/fetch-events.html\"%}",
            ),
            ("{% include 'a-b.html' %}", "{% include 'a-b.html' %}"),
            ("{% include {{ name }} %}", "{% include {{ name }} %}"),
        ] {
            assert_eq!(quote_include_paths(written), read);
        }
    }
}
