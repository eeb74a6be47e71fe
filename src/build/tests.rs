//! The build step as a whole: hostile content in, a site whose every page keeps its shape out.

use std::collections::BTreeMap;

use super::{Options, write_site};
use crate::content::{self, Input, SourceFile};

/// Markup that would redirect, restyle or script the page if it reached the HTML as markup.
const HOSTILE: &str = r#"</title><meta http-equiv="refresh" content="0;url=https://evil.example/"><style>body{display:none}</style><script>alert(1)</script>"' & x"#;

/// A minimal `index.html` as trunk writes it.
const SHELL: &str = r#"<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>x</title>
<script type="module">import init, * as bindings from '/scc-site-1.js';
init({ module_or_path: '/scc-site-1_bg.wasm' });</script>
</head>
<body></body>
</html>
"#;

fn yaml_string(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

fn hostile_site() -> Input {
    let hostile = yaml_string(HOSTILE);
    let settings = format!(
        "name: {hostile}\nurl: https://example.org\nlanguages: [en]\nhome: index.md\nnav:\n  - key: home\n    page: index.md\n"
    );
    let language = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content/languages/en.yml"),
    )
    .unwrap()
    .lines()
    .map(|line| match line.split_once(':') {
        Some((key, _)) if !line.starts_with(' ') && !line.starts_with('#') && key != "nav" => {
            format!("{key}: {hostile}")
        }
        _ => line.to_owned(),
    })
    .collect::<Vec<_>>()
    .join("\n")
    .replace("nav:\n", &format!("nav:\n  home: {hostile}\n"));
    let page = format!(
        "---\ntitle: {hostile}\ndescription: {hostile}\nimageLicense: {hostile}\n---\n\nText.\n"
    );
    Input {
        settings: Some(SourceFile::new("site.yml", &settings)),
        languages: BTreeMap::from([(
            "en".to_owned(),
            SourceFile::new("languages/en.yml", &language),
        )]),
        pages: vec![SourceFile::new("index.md", &page)],
        public_files: Default::default(),
        problems: Vec::new(),
    }
}

#[test]
fn hostile_text_in_every_head_field_stays_text() {
    let compiled = content::compile(&hostile_site());
    let site = compiled
        .site
        .unwrap_or_else(|| panic!("{:?}", compiled.diagnostics));
    let scratch = std::env::temp_dir().join(format!("scc-hostile-{}", std::process::id()));
    let dist = scratch.join("dist");
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::write(dist.join("index.html"), SHELL).unwrap();
    write_site(
        site,
        &Options {
            root: scratch.clone(),
            dist: dist.clone(),
            public_url: "/".into(),
        },
    )
    .unwrap();
    for page in ["index.html", "404.html"] {
        let html = std::fs::read_to_string(dist.join(page)).unwrap();
        assert_eq!(html.matches("<title>").count(), 1, "{page}: {html}");
        assert!(!html.contains("<meta http-equiv=\"refresh\""), "{page}");
        assert!(!html.contains("<style>body{display:none}"), "{page}");
        assert!(!html.contains("<script>alert(1)"), "{page}");
        // The text is there, escaped.
        assert!(html.contains("&lt;/title&gt;"), "{page}");
    }
    let _ = std::fs::remove_dir_all(&scratch);
}
