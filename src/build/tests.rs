//! The build step as a whole: hostile content in, a site whose every page keeps its shape out.

use super::{Options, write_site};
use crate::content::{self, Input};

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
    let config = format!("title: {hostile}\nurl: https://example.org\npermalink: pretty\n");
    let words: String = [
        "skipLink",
        "mainNavigation",
        "menu",
        "home",
        "tocTitle",
        "imageCredit",
    ]
    .iter()
    .map(|key| format!("{key}:\n  en: {hostile}\n"))
    .collect();
    let navigation = format!(
        "- text: {hostile}\n  href: /\n- text: {hostile}\n  menu:\n    - text: {hostile}\n      href: /\n"
    );
    let footer = format!(
        "columns:\n  - name: {hostile}\n    description: {hostile}\n    links:\n      - text: {hostile}\n        href: /\n"
    );
    let page = format!(
        "---\ntitle: {hostile}\ndescription: {hostile}\npreTitle: {hostile}\nbackground: https://example.org/a.jpg\nimageLicense: {hostile}\npermalink: /\ntoc: true\ncta:\n  - text: {hostile}\n    href: /\n---\n\n## Text\n"
    );
    let not_found = format!(
        "---\nlayout: pageNotFound\ntitle: {hostile}\ndescription: {hostile}\npermalink: /404\n---\n"
    );
    Input::of(&[
        ("_config.yml", &config),
        ("_data/translations.yml", &words),
        ("_data/navigation.yml", &navigation),
        ("_data/footer.yml", &footer),
        ("index.md", &page),
        ("404.md", &not_found),
    ])
}

#[test]
fn hostile_text_in_every_head_field_stays_text() {
    let compiled = content::compile(
        &hostile_site(),
        std::sync::Arc::new(super::page_body::markdownify),
    );
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
            site_root: scratch.clone(),
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
