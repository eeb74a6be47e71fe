//! What every page's `<head>` carries of the site: the repository's icons and web manifest (in
//! place of ours), its brand colour and corners, the light plates of logos made for a white bar,
//! and its visitor statistics.

use super::sitemap;
use crate::content::Site;
use crate::urls::BaseUrl;

/// trunk's head with the site's own icons (in place of ours, when the repository has them) and
/// its brand colour and corners.
pub fn site_head(site: &Site, base: &BaseUrl, shell_head: &str) -> String {
    let mut head = shell_head.to_owned();
    let mut extra = Vec::new();
    if let Some(favicon) = &site.icons.favicon {
        head = remove_icon_links(&head);
        extra.push(format!(
            r#"<link rel="icon" href="{}">"#,
            sitemap::xml_escape(&base.href(favicon))
        ));
    }
    if let Some(icon) = &site.icons.apple_touch {
        extra.push(format!(
            r#"<link rel="apple-touch-icon" href="{}">"#,
            sitemap::xml_escape(&base.href(icon))
        ));
    }
    if let Some(manifest) = &site.icons.manifest {
        extra.push(format!(
            r#"<link rel="manifest" href="{}">"#,
            sitemap::xml_escape(&base.href(manifest))
        ));
    }
    let mut style = Vec::new();
    if let Some(color) = &site.primary_color {
        // Checked by the compiler: a hex colour or a name, nothing that can end the rule.
        style.push(format!("--brand: {color};"));
        if let Some(text) = super::contrast::text_on(color) {
            style.push(format!("--on-brand: {text};"));
        }
        if let Some(meta) = head_meta_theme_color(&head) {
            head = head.replace(
                &meta,
                &format!(r#"<meta name="theme-color" content="{color}">"#),
            );
        }
    }
    if site.square {
        style.push("--radius: 0; --button-radius: 0;".to_owned());
    }
    let mut rules = Vec::new();
    if !style.is_empty() {
        rules.push(format!(":root {{ {} }}", style.join(" ")));
    }
    if !site.logos_on_light.is_empty() {
        rules.push(super::logos::plate_rules(&site.logos_on_light, base));
    }
    if !rules.is_empty() {
        extra.push(format!("<style>{}</style>", rules.join(" ")));
    }
    // Visitor statistics, when the repository configures them (`content::theme::analytics`).
    if !site.analytics.head.is_empty() {
        extra.push(site.analytics.head.clone());
    }
    format!("{head}\n{}", extra.join("\n"))
}

/// The head without trunk's `<link rel="icon">` elements.
fn remove_icon_links(head: &str) -> String {
    let mut out = String::new();
    let mut rest = head;
    while let Some(start) = rest.find("<link") {
        let end = rest[start..]
            .find('>')
            .map_or(rest.len(), |e| start + e + 1);
        let tag = &rest[start..end];
        out.push_str(&rest[..start]);
        if !tag.contains(r#"rel="icon""#) {
            out.push_str(tag);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The `<meta name="theme-color">` element of the head, if it has one.
fn head_meta_theme_color(head: &str) -> Option<String> {
    let start = head.find(r#"<meta name="theme-color""#)?;
    let end = head[start..].find('>')? + start + 1;
    Some(head[start..end].to_owned())
}
