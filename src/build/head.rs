//! The `<head>` tags of a prerendered page that only search engines and link previews read
//! (description, canonical address, Open Graph and Twitter cards), and the preload of the hero
//! image. The browser app does not update them on navigation: they matter for the HTML a crawler
//! or a link preview fetches, which is always the prerendered page of that address.

use super::BuildContext;
use super::images::ResponsiveImage;
use super::sitemap::xml_escape as escape;
use crate::content::Page;
use crate::urls::BaseUrl;

/// Description, canonical link, links to the translations, Open Graph and Twitter card tags for
/// `page`. `alternates` are the page's language versions (language, absolute URL), itself
/// included; `preview` is the link-preview image the build made (path, width, height).
pub fn seo_tags(
    context: &BuildContext,
    page: &Page,
    alternates: &[(String, String)],
    preview: Option<&super::images::Preview>,
) -> String {
    let config = &context.config;
    let meta = &page.meta;
    let url = context.absolute(&page.route);
    let title = escape(&meta.title);
    let description = page.head.description.as_deref().map(escape);
    let mut tags = vec![
        format!(r#"<link rel="canonical" href="{}">"#, escape(&url)),
        r#"<meta property="og:type" content="website">"#.to_owned(),
        format!(
            r#"<meta property="og:site_name" content="{}">"#,
            escape(&config.name)
        ),
        format!(r#"<meta property="og:title" content="{title}">"#),
        format!(r#"<meta property="og:url" content="{}">"#, escape(&url)),
        format!(
            r#"<meta property="og:locale" content="{}">"#,
            escape(&config.tag_of(&meta.lang).replace('-', "_"))
        ),
        format!(
            r#"<meta name="twitter:card" content="{}">"#,
            if preview.is_some() {
                "summary_large_image"
            } else {
                "summary"
            }
        ),
        format!(r#"<meta name="twitter:title" content="{title}">"#),
    ];
    if let Some(description) = &description {
        tags.insert(
            0,
            format!(r#"<meta name="description" content="{description}">"#),
        );
        tags.push(format!(
            r#"<meta property="og:description" content="{description}">"#
        ));
        tags.push(format!(
            r#"<meta name="twitter:description" content="{description}">"#
        ));
    }
    if alternates.len() > 1 {
        for (lang, href) in alternates {
            tags.push(format!(
                r#"<link rel="alternate" hreflang="{}" href="{}">"#,
                escape(lang),
                escape(href)
            ));
        }
        let default = alternates
            .iter()
            .find(|(tag, _)| *tag == config.tag_of(config.default_lang()))
            .unwrap_or(&alternates[0]);
        tags.push(format!(
            r#"<link rel="alternate" hreflang="x-default" href="{}">"#,
            escape(&default.1)
        ));
    }
    if page.head.noindex {
        tags.push(r#"<meta name="robots" content="noindex">"#.to_owned());
    }
    // Without an image the build made, the page's own (another site's, or a file as it is).
    if let (None, Some(image)) = (preview, &page.head.image) {
        let image = if image.starts_with('/') {
            context.absolute(image)
        } else {
            image.clone()
        };
        if image.starts_with("https://") || image.starts_with("http://") {
            tags.push(format!(
                r#"<meta property="og:image" content="{}">"#,
                escape(&image)
            ));
        }
    }
    if let Some((path, width, height)) = preview {
        let image = escape(&context.absolute(path));
        tags.push(format!(r#"<meta property="og:image" content="{image}">"#));
        tags.push(format!(
            r#"<meta property="og:image:width" content="{width}">"#
        ));
        tags.push(format!(
            r#"<meta property="og:image:height" content="{height}">"#
        ));
        tags.push(r#"<meta property="og:image:alt" content="">"#.to_owned());
        tags.push(format!(r#"<meta name="twitter:image" content="{image}">"#));
    }
    tags.join("\n")
}

/// Preloads of the hero image's modern-format files, one per crop with the same media query as
/// its `<source>`, so the browser fetches the right file while it is still reading `<head>`.
pub fn hero_preloads(image: &ResponsiveImage, base: &BaseUrl) -> String {
    let portrait_media = image.sources.iter().find_map(|s| s.media.clone());
    image
        .sources
        .iter()
        .map(|source| {
            let media = match (&source.media, &portrait_media) {
                (Some(media), _) => format!(r#" media="{}""#, escape(media)),
                (None, Some(portrait)) => format!(r#" media="not all and {}""#, escape(portrait)),
                (None, None) => String::new(),
            };
            let srcset = source
                .files
                .iter()
                .map(|(path, width)| format!("{} {width}w", base.href(path)))
                .collect::<Vec<_>>()
                .join(", ");
            format!(
                r#"<link rel="preload" as="image" type="{}" imagesrcset="{}" imagesizes="{}"{media} fetchpriority="high">"#,
                source.mime,
                escape(&srcset),
                escape(&source.sizes)
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}
