//! `{% capture name %}...{% endcapture %}`: the rendered body as a variable, taken over from the
//! `liquid` crate so that a capture that doubles itself in a loop stops at the render's limit.

use std::io::Write;

use liquid_core::model::{KString, Value};
use liquid_core::{
    BlockReflection, Language, ParseBlock, Renderable, Result, Runtime, TagBlock, TagTokenIter,
    Template,
};

use crate::content::liquid::budget;

#[derive(Clone, Copy, Debug, Default)]
pub struct CaptureBlock;

impl BlockReflection for CaptureBlock {
    fn start_tag(&self) -> &str {
        "capture"
    }

    fn end_tag(&self) -> &str {
        "endcapture"
    }

    fn description(&self) -> &str {
        "a rendered text as a variable"
    }
}

impl ParseBlock for CaptureBlock {
    fn parse(
        &self,
        mut arguments: TagTokenIter<'_>,
        mut tokens: TagBlock<'_, '_>,
        options: &Language,
    ) -> Result<Box<dyn Renderable>> {
        let name = arguments
            .expect_next("Identifier expected")?
            .expect_identifier()
            .into_result()?;
        let body = Template::new(tokens.parse_all(options)?);
        tokens.assert_empty();
        Ok(Box::new(Capture {
            name: KString::from_ref(name),
            body,
        }))
    }

    fn reflection(&self) -> &dyn BlockReflection {
        self
    }
}

#[derive(Debug)]
struct Capture {
    name: KString,
    body: Template,
}

impl Renderable for Capture {
    fn render_to(&self, _writer: &mut dyn Write, runtime: &dyn Runtime) -> Result<()> {
        let mut captured = Vec::new();
        self.body
            .render_to(&mut budget::Bounded::new(&mut captured), runtime)?;
        let text = String::from_utf8_lossy(&captured).into_owned();
        runtime.set_global(self.name.clone(), Value::scalar(text));
        Ok(())
    }
}
