//! The theme's layouts: which one a page asks for, and the blocks each is made of when the page
//! names none.

use liquid::model::Value;

use super::composer::Composer;
use crate::content::diagnostics::Diagnostic;
use crate::content::values::{get, text_at};

/// The layouts of the theme, with the blocks each is made of when a page names none.
pub const LAYOUTS: [(&str, &[&str]); 13] = [
    ("page", &["heroBox", "pageMarkdown"]),
    ("default", &["pageMarkdown"]),
    ("heroImage", &["heroImage", "pageMarkdown"]),
    ("home", &["heroImage", "pageMarkdown", "latestPosts"]),
    ("compose", &[]),
    ("pageNotFound", &["floatingText"]),
    ("post", &["postHeader", "pageMarkdown"]),
    ("archive", &["heroBox", "pageMarkdown", "archive"]),
    ("none", &["pageMarkdown"]),
    // And the side navigation after the hero (`side_navigation`).
    ("documentation", &["heroBox", "pageMarkdown"]),
    // The page's own text is not shown: the policy is drawn from `_config.yml`'s `privacy:`.
    ("standardPrivacy", &["heroBox", "privacyPolicy"]),
    ("team", &["heroBox", "pageMarkdown", "team"]),
    (
        "languageSplash",
        &["floatingText", "pageMarkdown", "languageList"],
    ),
];

/// The block types of the theme.
pub const BLOCK_TYPES: [&str; 17] = [
    "heroImage",
    "heroBox",
    "heroVideo",
    "floatingText",
    "pageMarkdown",
    "features",
    "media",
    "split",
    "stats",
    "markdown",
    "blank",
    "postHeader",
    "latestPosts",
    "stories",
    "dashboard",
    "dashboardNew",
    "product",
];

/// Layouts of the theme drawn by the news, documentation and data pages (see `build::pages`).
pub const OTHER_LAYOUTS: [&str; 14] = [
    "occurrence",
    "occurrence-key",
    "dataset",
    "dataset-key",
    "collection-search",
    "collection-key",
    "institution-search",
    "institution-key",
    "publisher",
    "publisher-key",
    "literature",
    "widget",
    "gbifData",
    "base",
];

/// The layout's name, as the page gives it (`page` when it names none or one the theme does
/// not have, with a warning for the latter).
pub fn layout_name(composer: &Composer, diagnostics: &mut Vec<Diagnostic>) -> String {
    // `layout: null` (or `none`) asks for no layout: the page's text alone.
    if matches!(get(composer.page, "layout"), Some(Value::Nil)) {
        return "none".into();
    }
    let Some(name) = text_at(composer.page, "layout") else {
        return "page".into();
    };
    if name == "null" || name == "nil" || name == "none" {
        return "none".into();
    }
    if LAYOUTS.iter().any(|(known, _)| *known == name) || OTHER_LAYOUTS.contains(&name.as_str()) {
        return name;
    }
    diagnostics.push((composer.tolerated)(
        Diagnostic::warning(
            composer.file,
            (composer.position)("layout"),
            format!("the layout `{name}` is neither the theme's nor in `_layouts/`; the page is drawn as `page`"),
        )
        .with_hint(format!(
            "the theme's layouts are: {}",
            LAYOUTS
                .iter()
                .map(|(n, _)| *n)
                .filter(|n| *n != "none")
                .chain(OTHER_LAYOUTS)
                .collect::<Vec<_>>()
                .join(", ")
        )),
    ));
    "page".into()
}
