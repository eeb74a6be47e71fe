//! `{% seo %}` (jekyll-seo-tag) and `{% feed_meta %}` (jekyll-feed), the theme's plugins' tags:
//! they write `<title>`, `<meta>` and `<link>` elements for a page's `<head>`, which this site
//! writes for every page itself (title, description, canonical address, Open Graph, Twitter card,
//! the feed's link). Written in a page or a repository's own layout, they write nothing.

use std::io::Write;

use liquid_core::{Language, ParseTag, Renderable, Result, Runtime, TagReflection, TagTokenIter};

/// One of the two tags.
#[derive(Clone, Copy)]
pub struct HeadTag {
    pub name: &'static str,
}

impl TagReflection for HeadTag {
    fn tag(&self) -> &'static str {
        self.name
    }

    fn description(&self) -> &'static str {
        "metadata of the page's head, which the site writes itself"
    }
}

impl ParseTag for HeadTag {
    fn parse(
        &self,
        arguments: TagTokenIter<'_>,
        _options: &Language,
    ) -> Result<Box<dyn Renderable>> {
        // Its options (`title=false`) change what it would write in the head; none matter here.
        drop(arguments);
        Ok(Box::new(Nothing))
    }

    fn reflection(&self) -> &dyn TagReflection {
        self
    }
}

#[derive(Debug)]
struct Nothing;

impl Renderable for Nothing {
    fn render_to(&self, _writer: &mut dyn Write, _runtime: &dyn Runtime) -> Result<()> {
        Ok(())
    }
}
