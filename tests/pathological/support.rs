//! One page through the content compiler and the body renderer, as the build runs them: the only
//! part of the suite that knows the site format.

use std::collections::BTreeMap;

use scc_site::content::diagnostics::Diagnostic;
use scc_site::content::{self, Input, SourceFile};

const SETTINGS: &str =
    "name: Pathological\nurl: https://example.org\nlanguages: [en]\nhome: index.md\nnav: []\n";

fn language_file() -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content/languages/en.yml");
    std::fs::read_to_string(path).expect("the English language file")
}

/// Compiles a site whose home page is `text` and draws the page's body; the first error if the
/// page was refused.
pub fn compile_and_render(text: String) -> Result<(), Diagnostic> {
    let input = Input {
        settings: Some(SourceFile::new("site.yml", SETTINGS)),
        languages: BTreeMap::from([(
            "en".to_owned(),
            SourceFile::new("languages/en.yml", &language_file()),
        )]),
        pages: vec![SourceFile::new("index.md", &text)],
        public_files: Default::default(),
        problems: Vec::new(),
    };
    drop(text);
    let compiled = content::compile(&input);
    let Some(site) = compiled.site else {
        return Err(compiled
            .errors()
            .next()
            .cloned()
            .expect("no site means an error"));
    };
    for page in site.pages {
        scc_site::build::page_body::render_html(page.sections, &scc_site::urls::BaseUrl::default());
    }
    Ok(())
}
