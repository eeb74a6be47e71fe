//! Jekyll's tags that name another file of the site: `{% post_url 2024-01-01-welcome %}` and
//! `{% link about.md %}` write its address (with the site's sub-path, as Jekyll 4 does), and
//! `{% include_relative notes.md %}` includes a file beside the page. A name that is no file of
//! the site is an error, as in Jekyll, naming what was looked for.

use std::io::Write;
use std::sync::Arc;

use liquid_core::model::ValueView;
use liquid_core::parser::TryMatchToken;
use liquid_core::runtime::StackFrame;
use liquid_core::{
    Error, Expression, Language, ParseTag, Renderable, Result, Runtime, TagReflection, TagTokenIter,
};

use crate::content::liquid::budget;
use crate::content::liquid::jekyll_site::JekyllSite;
use crate::content::liquid::lax::Lax;

/// Which of the three tags.
#[derive(Clone, Copy, Debug)]
pub enum Kind {
    PostUrl,
    Link,
    IncludeRelative,
}

/// One of the tags, as the parser knows it.
#[derive(Clone)]
pub struct LinkTag {
    pub kind: Kind,
    pub site: Arc<JekyllSite>,
}

impl TagReflection for LinkTag {
    fn tag(&self) -> &'static str {
        match self.kind {
            Kind::PostUrl => "post_url",
            Kind::Link => "link",
            Kind::IncludeRelative => "include_relative",
        }
    }

    fn description(&self) -> &'static str {
        "the address or the text of another file of the site"
    }
}

impl ParseTag for LinkTag {
    fn parse(
        &self,
        mut arguments: TagTokenIter<'_>,
        _options: &Language,
    ) -> Result<Box<dyn Renderable>> {
        let name = arguments.expect_next("The file's name expected.")?;
        let name = match name.expect_literal() {
            TryMatchToken::Matches(name) => Expression::Literal(name),
            TryMatchToken::Fails(token) => match token.expect_value() {
                TryMatchToken::Matches(value) => value,
                TryMatchToken::Fails(token) => Expression::with_literal(token.as_str().to_owned()),
            },
        };
        Ok(Box::new(Linked {
            kind: self.kind,
            name,
            site: self.site.clone(),
        }))
    }

    fn reflection(&self) -> &dyn TagReflection {
        self
    }
}

struct Linked {
    kind: Kind,
    name: Expression,
    site: Arc<JekyllSite>,
}

impl std::fmt::Debug for Linked {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?} {}", self.kind, self.name)
    }
}

impl Renderable for Linked {
    fn render_to(&self, writer: &mut dyn Write, runtime: &dyn Runtime) -> Result<()> {
        let name = self.name.evaluate(runtime)?.render().to_string();
        let name = name.trim().trim_matches(['"', '\'']);
        let files = self.site.files()?;
        match self.kind {
            Kind::PostUrl => {
                let url = files.post_url(name).ok_or_else(|| {
                    Error::with_msg(format!(
                        "Could not find post \"{name}\" in tag 'post_url': no file of `_posts` is named so"
                    ))
                })?;
                write_address(writer, &self.site.base, url)
            }
            Kind::Link => {
                let url = files.link(name).ok_or_else(|| {
                    Error::with_msg(format!(
                        "Could not find document '{name}' in tag 'link': no file of the site is at that path"
                    ))
                })?;
                write_address(writer, &self.site.base, url)
            }
            Kind::IncludeRelative => {
                let page = runtime
                    .try_get(&["page".into(), "path".into()])
                    .map(|p| p.to_kstr().to_string())
                    .unwrap_or_default();
                let folder = page.rsplit_once('/').map_or("", |(folder, _)| folder);
                let path = match folder {
                    "" => name.to_owned(),
                    folder => format!("{folder}/{name}"),
                };
                let text = files.text(&path).ok_or_else(|| {
                    Error::with_msg(format!(
                        "Could not locate the included file '{path}' in tag 'include_relative': it is not beside the page"
                    ))
                })?;
                let template = self.site.templates()?.compile(&text)?;
                let scope = Lax::new(StackFrame::new(runtime, liquid_core::Object::new()));
                budget::spend(1)?;
                budget::deeper(|| template.render_to(writer, &scope))
            }
        }
    }
}

fn write_address(writer: &mut dyn Write, base: &str, url: &str) -> Result<()> {
    write!(writer, "{base}{url}").map_err(|e| Error::with_msg(e.to_string()))
}
