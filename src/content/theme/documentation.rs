//! The documentation layout's side navigation: the groups of links at the page's
//! `sideNavigation` path in `_data` (the theme's `navlist.html`), the page's own link marked.

use liquid::model::Value;

use super::composer::{Composer, Written};
use crate::content::body::blocks::{NavGroup, NavItem, SideNav};
use crate::content::diagnostics::Diagnostic;
use crate::content::links::{self, Use};
use crate::content::values::{array, at_path, get, text_at};

/// The documentation layout's side navigation: the groups of links at the page's
/// `sideNavigation` path in `_data` (the theme's `navlist.html`), the page's own link marked.
pub fn side_navigation(
    composer: &mut Composer,
    label: String,
    diagnostics: &mut Vec<Diagnostic>,
) -> SideNav {
    let mut nav = SideNav {
        label,
        groups: Vec::new(),
    };
    let Some(path) = text_at(composer.page, "sideNavigation") else {
        diagnostics.push((composer.tolerated)(
            Diagnostic::warning(
                composer.file,
                (composer.position)("layout"),
                "this documentation page has no `sideNavigation`, so its side navigation is empty",
            )
            .with_hint("add `sideNavigation: sideNavigation.guides` (or the path in `_data` of your navigation) to the front matter"),
        ));
        return nav;
    };
    let at = (composer.position)("sideNavigation");
    let Some(groups) = at_path(composer.data, &path).and_then(array) else {
        diagnostics.push((composer.tolerated)(
            Diagnostic::warning(
                composer.file,
                at,
                format!("`sideNavigation: {path}` is not a list in `_data`, so the side navigation is empty"),
            )
            .with_hint(format!(
                "it should name a list of groups (`- grouptitle: ...` with `content:`) in `_data/{}.yml`",
                path.split('.').next().unwrap_or("")
            )),
        ));
        return nav;
    };
    let here = crate::routes::route_key(&composer.url);
    let written = Written::in_data(composer, &path).unwrap_or_else(|| Written::at(at));
    for (i, group) in groups.iter().enumerate() {
        let content = written.key(composer, &format!("{i}.content"));
        nav.groups.push(NavGroup {
            title: text_at(group, "grouptitle"),
            items: nav_items(
                composer,
                get(group, "content"),
                &here,
                &content,
                diagnostics,
            ),
        });
    }
    nav
}

/// The links of a side navigation's list (written as `written` says), and its sections'.
fn nav_items(
    composer: &mut Composer,
    list: Option<&Value>,
    here: &str,
    written: &Written,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<NavItem> {
    let Some(list) = list.and_then(array) else {
        return Vec::new();
    };
    list.iter()
        .enumerate()
        .filter_map(|(i, item)| {
            let item_written = written.key(composer, &i.to_string());
            if let Some(title) = text_at(item, "sectiontitle") {
                let section = item_written.key(composer, "section");
                return Some(NavItem::Section {
                    title,
                    items: nav_items(composer, get(item, "section"), here, &section, diagnostics),
                });
            }
            let href = item_written.key(composer, "path").link(
                composer,
                links::from_site_root(&text_at(item, "path")?),
                Use::Link,
                diagnostics,
            )?;
            Some(NavItem::Link {
                title: text_at(item, "title").unwrap_or_else(|| href.clone()),
                current: crate::routes::route_key(&href) == here,
                href,
            })
        })
        .collect()
}
