//! One page through the content compiler and the body renderer, as the build runs them: the only
//! part of the suite that knows the site format.

use std::sync::Arc;

use scc_site::content::diagnostics::Diagnostic;
use scc_site::content::{self, Input, SourceFile};

const CONFIG: &str = "title: Pathological\nurl: https://example.org\npermalink: pretty\n";

/// Compiles a site whose home page is `text` and draws the page's blocks; the first error if the
/// page was refused.
pub fn compile_and_render(text: String) -> Result<(), Diagnostic> {
    let mut input = Input::of(&[("_config.yml", CONFIG)]);
    // A page, whatever it starts with (a file without front matter would be a static file).
    input.documents.push(SourceFile {
        relative: "index.md".into(),
        shown: "content/index.md".into(),
        bytes: text.into_bytes(),
    });
    let compiled = content::compile(&input, Arc::new(scc_site::build::page_body::markdownify));
    let Some(site) = compiled.site else {
        return Err(compiled
            .errors()
            .next()
            .cloned()
            .expect("no site means an error"));
    };
    for page in site.pages {
        scc_site::build::page_body::render_parts(
            page.blocks,
            &scc_site::urls::BaseUrl::default(),
            &scc_site::build::page_body::Drawing::AS_THEY_ARE,
        );
    }
    Ok(())
}
