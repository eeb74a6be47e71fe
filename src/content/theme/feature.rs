//! The card every block draws (the theme's `blocks/parts/feature.html`): pre-title, title and
//! description (Markdown), an image with its licence, a link, buttons and category tags.

use liquid::model::Value;

use super::composer::{Composer, Written, liquid_text, markdown_blocks, markdown_inline};
use super::posts::category_address;
use crate::content::body::blocks::{Feature, FeatureImage};
use crate::content::body::text::{plain_text, plain_text_of_blocks};
use crate::content::body::{Attrs, ElementContent, HtmlElement, Inline, Link};
use crate::content::diagnostics::Diagnostic;
use crate::content::links::{self, Use};
use crate::content::markdown::live_counts;
use crate::content::repository::documents::categories;
use crate::content::values::{array, flag, get};

/// The feature a value describes (the theme's `blocks/parts/feature.html`).
pub fn feature(
    composer: &mut Composer,
    content: &Value,
    written: &Written,
    diagnostics: &mut Vec<Diagnostic>,
) -> Feature {
    let mut feature = Feature {
        pre_title: liquid_text(composer, content, "preTitle", written, diagnostics)
            .map(|(text, _)| text),
        ..Feature::default()
    };
    if let Some((title, at)) = liquid_text(composer, content, "title", written, diagnostics) {
        feature.title = markdown_inline(composer, &title, &at, diagnostics);
    }
    if let Some((description, at)) =
        liquid_text(composer, content, "description", written, diagnostics)
    {
        feature.description = markdown_blocks(composer, &description, &at, diagnostics);
    }
    if let Some((src, at)) = liquid_text(composer, content, "background", written, diagnostics) {
        // The theme writes it through `absolute_url`: `assets/x.png` is the site's, from any page.
        let src = links::from_site_root(&src);
        let license = liquid_text(composer, content, "imageLicense", written, diagnostics)
            .map(|(license, at)| markdown_blocks(composer, &license, &at, diagnostics))
            .unwrap_or_default();
        if let Some(src) = at.link(composer, src, Use::Image, diagnostics) {
            feature.image = Some(FeatureImage {
                src,
                alt: liquid_text(composer, content, "imageAlt", written, diagnostics)
                    .map(|(alt, _)| alt)
                    .unwrap_or_default(),
                license,
            });
        }
    }
    let blank = flag(get(content, "blankTarget"));
    if let Some((href, at)) = liquid_text(composer, content, "href", written, diagnostics)
        && let Some(href) = at.link(composer, href, Use::Link, diagnostics)
    {
        let mut link = button(&href, "", false, blank);
        link.attrs.classes.clear();
        feature.link = Some(link);
    }
    if let Some(buttons) = get(content, "cta").and_then(array) {
        for (i, cta) in buttons.iter().enumerate() {
            let cta = cta.clone();
            let written = written.key(composer, &format!("cta.{i}"));
            let (Some((text_value, _)), Some((href, at))) = (
                liquid_text(composer, &cta, "text", &written, diagnostics),
                liquid_text(composer, &cta, "href", &written, diagnostics),
            ) else {
                continue;
            };
            // The theme writes buttons' addresses with `relative_url`.
            let Some(href) = at.link(
                composer,
                links::from_site_root(&href),
                Use::Link,
                diagnostics,
            ) else {
                continue;
            };
            feature.buttons.push(button(
                &href,
                &text_value,
                flag(get(&cta, "isPrimary")),
                flag(get(&cta, "blankTarget")),
            ));
        }
    }
    name_the_title(&mut feature);
    feature.categories = categories(get(content, "categories"))
        .into_iter()
        .map(|name| {
            let href = composer
                .archive
                .as_ref()
                .map(|archive| category_address(archive, &name))
                .unwrap_or_default();
            (name, href)
        })
        .collect();
    feature
}

/// Gives a title that says nothing in words a name for screen readers, so that its heading and
/// link are never nameless: a title that is only a live count (`<span data-ajax-url=...>`, the
/// theme's stat cards) is followed by the description, hidden but for them ("1,234,567 — About
/// Belgium"); an empty title of a linked card by its description (or its image's text). The
/// count gets its own line (`live-count--title`), so that nothing moves when its number comes.
fn name_the_title(feature: &mut Feature) {
    let is_count = |inline: &Inline| matches!(inline, Inline::Element(e) if e.attrs.has_class(live_counts::CLASS));
    let words: Vec<Inline> = feature
        .title
        .iter()
        .filter(|inline| !is_count(inline))
        .cloned()
        .collect();
    if !plain_text(&words).trim().is_empty() {
        return;
    }
    let counts = feature.title.iter().filter(|i| is_count(i)).count();
    if counts == 0 && feature.link.is_none() {
        return;
    }
    let described = Some(plain_text_of_blocks(&feature.description))
        .filter(|d| !d.is_empty())
        .or_else(|| feature.image.as_ref().map(|i| i.alt.clone()))
        .unwrap_or_default();
    if counts == 1 {
        for inline in &mut feature.title {
            if let Inline::Element(element) = inline
                && element.attrs.has_class(live_counts::CLASS)
            {
                element
                    .attrs
                    .classes
                    .push(format!("{}--title", live_counts::CLASS));
            }
        }
    }
    let hidden = match (counts, described.is_empty()) {
        (_, true) => return,
        (0, false) => described,
        _ => format!(" — {described}"),
    };
    feature.title.push(Inline::Element(HtmlElement {
        tag: "span".into(),
        attrs: Attrs {
            classes: vec!["visually-hidden".into()],
            ..Attrs::default()
        },
        content: ElementContent::Inlines(vec![Inline::text(hidden)]),
    }));
}

/// A button: a link with the theme's button classes.
pub fn button(href: &str, text: &str, primary: bool, blank: bool) -> Link {
    let mut attrs = Attrs {
        classes: vec![
            "button".into(),
            if primary { "is-primary" } else { "is-outlined" }.into(),
        ],
        ..Attrs::default()
    };
    if blank {
        attrs.other.push(("target".into(), "_blank".into()));
        attrs.other.push(("rel".into(), "noopener".into()));
    }
    Link {
        href: href.to_owned(),
        target: links::classify(href),
        title: None,
        attrs,
        content: vec![Inline::text(text)],
    }
}
