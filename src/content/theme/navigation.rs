//! The navigation bar (`_data[/<lang>]/navigation.yml`): links, and menus of links one level deep
//! in which `"---"` is a divider and an entry without `href` a heading.

use liquid::model::Value;

use super::data_reader::Reader;
use crate::content::diagnostics::Diagnostic;
use crate::content::values::{array, get, text_at};
use crate::model::{MenuEntry, NavItem};

/// The navigation bar's entries, from the list at data path `path`.
pub fn navigation(reader: &mut Reader, path: &str, nav: &Value) -> Vec<NavItem> {
    let Some(items) = array(nav) else {
        let (file, at) = reader.at(path);
        reader.diagnostics.push(
            Diagnostic::warning(&file, at, "the navigation is not a list, so it is left out")
                .with_hint("write each entry as `- text: About` with `href: /about`"),
        );
        return Vec::new();
    };
    items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| {
            let item = item.clone();
            let at = format!("{path}.{i}");
            let label = shown_label(text_at(&item, "text")?, &item, &at, reader);
            let menu: Vec<MenuEntry> = get(&item, "menu")
                .and_then(array)
                .map(|menu| {
                    menu.iter()
                        .enumerate()
                        .filter_map(|(j, entry)| {
                            let entry = entry.clone();
                            let label = text_at(&entry, "text").unwrap_or_default();
                            let href = text_at(&entry, "href");
                            match href {
                                Some(href) => Some(MenuEntry {
                                    href: Some(reader.href(href, &format!("{at}.menu.{j}.href"))?),
                                    label,
                                    divider: false,
                                }),
                                None if label.contains("---") => Some(MenuEntry {
                                    label: String::new(),
                                    href: None,
                                    divider: true,
                                }),
                                None if !label.is_empty() => Some(MenuEntry {
                                    label,
                                    href: None,
                                    divider: false,
                                }),
                                None => None,
                            }
                        })
                        .collect()
                })
                .unwrap_or_default();
            // A parent with a menu opens it; its own `href`, if any, is not a link.
            let href = match (menu.is_empty(), text_at(&item, "href")) {
                (true, Some(href)) => Some(reader.href(href, &format!("{at}.href"))?),
                _ => None,
            };
            Some(NavItem { label, href, menu })
        })
        .collect()
}

/// A navigation entry's name as it shows: its `text` without markup (the theme writes it as
/// HTML, so `<svg ...>` draws an icon); an entry of markup alone (an icon) is named after its
/// address (`/search` is "Search"), with a warning, so that its link has a name.
fn shown_label(text: String, item: &Value, at: &str, reader: &mut Reader) -> String {
    if !text.contains('<') {
        return text;
    }
    let shown = crate::content::body::text::without_tags(&text)
        .trim()
        .to_owned();
    if !shown.is_empty() {
        return shown;
    }
    let href = text_at(item, "href").unwrap_or_default();
    let last = href
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or("")
        .split(['?', '#', '.'])
        .next()
        .unwrap_or("")
        .replace(['-', '_'], " ");
    let mut name: String = last.chars().take(1).flat_map(char::to_uppercase).collect();
    name.push_str(&last.chars().skip(1).collect::<String>());
    let (file, position) = reader.at(&format!("{at}.text"));
    reader.diagnostics.push(
        Diagnostic::warning(
            &file,
            position,
            format!("this navigation entry's text is markup alone (an icon), so its link is named `{name}` after its address"),
        )
        .with_hint("give it a `text` that says where it leads"),
    );
    name
}
