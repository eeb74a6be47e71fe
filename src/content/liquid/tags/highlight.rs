//! `{% highlight lang %}...{% endhighlight %}`: code as Jekyll's highlighter wraps it.

use std::io::Write;

use liquid_core::{
    BlockReflection, Language, ParseBlock, Renderable, Runtime, TagBlock, TagTokenIter,
};

/// `{% highlight lang %}...{% endhighlight %}`: the code as Jekyll's highlighter wraps it,
/// without the colours.
#[derive(Clone)]
pub struct Highlight;

impl BlockReflection for Highlight {
    fn start_tag(&self) -> &str {
        "highlight"
    }

    fn end_tag(&self) -> &str {
        "endhighlight"
    }

    fn description(&self) -> &str {
        "code in a language"
    }
}

impl ParseBlock for Highlight {
    fn parse(
        &self,
        mut arguments: TagTokenIter,
        mut block: TagBlock,
        options: &Language,
    ) -> liquid_core::Result<Box<dyn Renderable>> {
        let lang = arguments
            .next()
            .map(|token| token.as_str().to_owned())
            .unwrap_or_default();
        // Options such as `linenos` are accepted and have no effect.
        while arguments.next().is_some() {}
        let body = liquid_core::runtime::Template::new(block.parse_all(options)?);
        block.assert_empty();
        Ok(Box::new(HighlightRun { lang, body }))
    }

    fn reflection(&self) -> &dyn BlockReflection {
        self
    }
}

#[derive(Debug)]
struct HighlightRun {
    lang: String,
    body: liquid_core::runtime::Template,
}

impl Renderable for HighlightRun {
    fn render_to(&self, writer: &mut dyn Write, runtime: &dyn Runtime) -> liquid_core::Result<()> {
        let mut code = Vec::new();
        self.body.render_to(&mut code, runtime)?;
        let code = String::from_utf8_lossy(&code);
        let escaped = code
            .trim()
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        let lang: String = self
            .lang
            .chars()
            .filter(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '+'))
            .collect();
        write!(
            writer,
            "<figure class=\"highlight\"><pre><code class=\"language-{lang}\" data-lang=\"{lang}\">{escaped}</code></pre></figure>"
        )
        .map_err(|e| liquid_core::Error::with_msg(e.to_string()))
    }
}
