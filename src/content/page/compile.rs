//! One page compiled on its own: its Liquid rendered (front matter values, then the body), its
//! body parsed (Markdown, or HTML for an `.html` page), its blocks composed by its layout, and
//! what its `<head>`, its post card and the site-wide checks need to know of it.

use liquid::model::{KString, Object, Value, ValueView};

use super::draft::PageDraft;
use crate::content::body::blocks::PageBlock;
use crate::content::body::text::{plain_text, plain_text_of_blocks};
use crate::content::body::{Block, Heading, Section};
use crate::content::diagnostics::{Diagnostic, Position};
use crate::content::hosts::Hosts;
use crate::content::links::{self, LinkRef, Use};
use crate::content::liquid::Liquid;
use crate::content::liquid::globals::{SiteVariable, SiteView};
use crate::content::markdown::{self, Body, ids};
use crate::content::repository::config::Settings;
use crate::content::repository::data::Data;
use crate::content::repository::documents::Document;
use crate::content::repository::folders::is_html;
use crate::content::repository::front_matter::FrontMatter;
use crate::content::repository::{dates, permalink};
use crate::content::site::{Page, PageHead, PostInfo};
use crate::content::theme::composer::Composer;
use crate::content::theme::own_layouts::{self, Around};
use crate::content::theme::{Theme, composition, documentation, gbif, layouts};
use crate::content::values::{at_path, flag, get, text, text_at};
use crate::model::PageMeta;

/// What compiling any page needs.
pub struct Context<'a> {
    pub settings: &'a Settings,
    pub data: &'a Data,
    pub liquid: &'a Liquid,
    /// `site` in templates.
    pub site: &'a SiteVariable<'a>,
    /// The theme's site-wide parts: words, the news archives, GBIF's scope and widgets.
    pub theme: &'a Theme,
}

/// Renders a page's Liquid, parses its body and composes its blocks; `None` when its Liquid
/// cannot be rendered (the error is reported, and so is every other problem of the page).
pub fn compile(
    mut document: Document,
    cx: &Context,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<PageDraft> {
    let front = std::mem::take(&mut document.front);
    let rendered = render(&document, front, cx, diagnostics);
    let file = document.shown.as_str();
    let mut parsed = parse_body(&document, &rendered.body, cx.settings.hosts(), diagnostics);
    let around = rendered
        .around
        .as_ref()
        .map(|around| parse_around(around, cx.settings.hosts(), &mut parsed, diagnostics));
    let ids = ids::collect(
        file,
        &parsed.blocks,
        &parsed.headings,
        cx.settings.strict,
        diagnostics,
    );
    let page = Value::Object(rendered.front.value.clone());
    let lang = text_at(&page, "lang").unwrap_or_else(|| cx.settings.root_lang.clone());
    let date_line = document.post.as_ref().map(|post| {
        dates::written(
            post.date,
            &cx.theme.words.get("dateFormat", &lang),
            &cx.theme.words.get("monthNames", &lang),
        )
    });
    let composed = compose(
        &document,
        &rendered,
        &page,
        &lang,
        date_line.clone(),
        (parsed, around),
        cx,
        diagnostics,
    );
    if rendered.failed {
        return None;
    }
    let (meta, head, post) = describe(
        &document,
        &rendered,
        lang,
        date_line,
        &composed,
        cx,
        diagnostics,
    );
    Some(PageDraft {
        page: Page {
            output: permalink::output_file_of(
                &document.url,
                &crate::content::repository::folders::output_extension(&document.relative),
            ),
            route: document.url,
            source: document.shown,
            meta,
            head,
            translations: Vec::new(),
            blocks: composed.blocks,
            post,
        },
        relative: document.relative,
        lang_ref: text_at(&page, "lang-ref"),
        links: composed.links,
        data_links: composed.data_links,
        frames: composed.frames,
        ids,
        front: rendered.front,
    })
}

/// A page with its Liquid rendered.
struct Rendered<'s> {
    /// Its front matter, each value's Liquid rendered.
    front: FrontMatter,
    /// `page`, for the Liquid its blocks render.
    page: Value,
    /// `site`, as this page needs it.
    site: SiteView<'s>,
    body: String,
    /// What the repository's own layouts write around the body, if its layout is one of them.
    around: Option<Around>,
    /// Whether some of its Liquid could not be rendered.
    failed: bool,
}

/// Renders the Liquid of the front matter's values (`background: "{{ site.data.images.moss.src
/// }}"`), then of the body with those values as `page`.
fn render<'s>(
    document: &Document,
    mut front: FrontMatter,
    cx: &Context<'s>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Rendered<'s> {
    let file = document.shown.as_str();
    let site = cx.site.for_document(&document.body, &document.front_text);
    let mut failed = false;
    let mut values = std::mem::take(&mut front.value);
    let written = Value::Object(values.clone());
    render_values(&mut values, "", &mut |text, path| {
        let at = front.position(path);
        let variables: [(&str, &dyn ValueView); 2] = [("site", &site), ("page", &written)];
        let rendered = cx.liquid.render(file, at, text, &variables, diagnostics);
        failed |= rendered.is_none();
        rendered
    });
    front.value = values;
    let page = Value::Object(front.value.clone());
    let body = cx.liquid.render(
        file,
        Position::new(document.body_line, 1),
        &document.body,
        &[("site", &site), ("page", &page)],
        diagnostics,
    );
    let body = body.unwrap_or_else(|| {
        failed = true;
        String::new()
    });
    // A layout may read the lists of documents (`site.news`) though the page does not.
    let whole_site = cx.site.view(true);
    let around = text_at(&page, "layout").and_then(|name| {
        own_layouts::render_chain(
            &cx.theme.own_layouts,
            &name,
            cx.liquid,
            &page,
            &whole_site,
            diagnostics,
        )
    });
    Rendered {
        front,
        page,
        site,
        body,
        around,
        failed,
    }
}

/// The rendered body, parsed: Markdown, or for an HTML page one raw HTML block (`markdown="0"`),
/// which goes through the same checks as HTML written in Markdown (scripts and unsafe addresses
/// removed, with warnings).
fn parse_body(
    document: &Document,
    body: &str,
    hosts: Hosts<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Body {
    let file = document.shown.as_str();
    if is_html(&document.relative) {
        // The wrapper's line comes before the body's first.
        let wrapped = format!("<div markdown=\"0\">\n{body}\n</div>\n");
        markdown::parse(
            file,
            &wrapped,
            document.body_line.saturating_sub(1),
            hosts,
            diagnostics,
        )
    } else {
        markdown::parse(file, body, document.body_line, hosts, diagnostics)
    }
}

/// What own layouts write before and after a page's body.
type Parts = (Vec<Section>, Vec<Section>);

/// What the repository's own layouts write before and after the page's body, parsed as HTML;
/// their links and players join the body's.
fn parse_around(
    around: &Around,
    hosts: Hosts<'_>,
    body: &mut Body,
    diagnostics: &mut Vec<Diagnostic>,
) -> Parts {
    let mut part = |html: &str, line: usize| {
        // Only wrappers (`<div></div>` where a layout wraps the content) show nothing.
        let shows_something = !crate::content::body::text::without_tags(html)
            .trim()
            .is_empty()
            || [
                "<img", "<svg", "<iframe", "<video", "<audio", "<form", "<input", "<hr",
            ]
            .iter()
            .any(|tag| html.contains(tag));
        if !shows_something {
            return Vec::new();
        }
        // The wrapper's line comes before the part's first.
        let wrapped = format!("<div markdown=\"0\">\n{html}\n</div>\n");
        let at = Position::new(line.saturating_sub(1).max(1), 1);
        let mut parsed = markdown::parse_at(&around.file, &wrapped, at, hosts, diagnostics);
        body.links.append(&mut parsed.links);
        body.frames.append(&mut parsed.frames);
        sections(parsed.blocks)
    };
    (
        part(&around.before, around.line),
        part(&around.after, around.after_line),
    )
}

/// A page's blocks as its layout composes them, and the links and players they show.
struct Composed {
    layout: String,
    blocks: Vec<PageBlock>,
    links: Vec<LinkRef>,
    data_links: Vec<(String, LinkRef)>,
    frames: Vec<String>,
}

/// The page's blocks: its composition (or its layout's), the documentation layout's side
/// navigation, a data page's link to GBIF.org (and GBIF's widget when the site has it).
#[allow(clippy::too_many_arguments)]
fn compose(
    document: &Document,
    rendered: &Rendered,
    page: &Value,
    lang: &str,
    date_line: Option<String>,
    (parsed, around): (Body, Option<Parts>),
    cx: &Context,
    diagnostics: &mut Vec<Diagnostic>,
) -> Composed {
    let file = document.shown.as_str();
    let strict = cx.settings.strict;
    let hosts = cx.settings.hosts();
    let position = |path: &str| rendered.front.position(path);
    let data_position = |path: &str| {
        cx.data
            .position(path)
            .map(|(file, at)| (file.to_owned(), at))
    };
    let tolerated = |d: Diagnostic| d.strict_if(strict);
    let mut liquify = |text: &str, at: Position, diagnostics: &mut Vec<Diagnostic>| {
        let variables: [(&str, &dyn ValueView); 2] =
            [("site", &rendered.site), ("page", &rendered.page)];
        cx.liquid
            .render(file, at, text, &variables, diagnostics)
            .unwrap_or_default()
    };
    let mut parse_markdown = |text: &str, at: Position, diagnostics: &mut Vec<Diagnostic>| {
        markdown::parse_at(file, text, at, hosts, diagnostics)
    };
    let mut composer = Composer {
        file,
        page,
        position: &position,
        data: &cx.data.value,
        data_position: &data_position,
        liquify: &mut liquify,
        markdown: &mut parse_markdown,
        archive: cx.theme.archive(lang),
        date: date_line,
        url: document.url.clone(),
        lang: lang.to_owned(),
        latest_limit: cx.settings.latest_post_limit,
        tolerated: &tolerated,
        links: Vec::new(),
        data_links: Vec::new(),
        frames: Vec::new(),
    };
    let layout = match &rendered.around {
        Some(own) => own.theme_layout.clone(),
        None => layouts::layout_name(&composer, diagnostics),
    };
    let body = composition::Body {
        sections: sections(parsed.blocks),
        around,
    };
    let mut blocks = composition::blocks(&mut composer, &layout, body, diagnostics);
    if layout == "documentation" {
        let label = cx.theme.words.get("sideNavigation", lang);
        let nav = documentation::side_navigation(&mut composer, label, diagnostics);
        let after_hero = blocks
            .iter()
            .position(|b| matches!(b, PageBlock::Hero(_)))
            .map_or(0, |at| at + 1);
        blocks.insert(after_hero, PageBlock::SideNav(nav));
    }
    if let Some(link) = gbif::data_link(&layout, &cx.theme.gbif_scope) {
        if let Some(widgets) = &cx.theme.gbif_widgets {
            blocks.push(PageBlock::GbifWidget(widgets.block.clone()));
        }
        let mut block = gbif::data_block(link, &cx.theme.words, lang, &document.url);
        if cx.theme.gbif_widgets.is_none()
            && let Some(view) = gbif::native_view(
                &layout,
                gbif::DataSources {
                    api: &cx.settings.gbif_api,
                    tiles: &cx.settings.gbif_tiles,
                },
                &cx.theme.gbif_scope,
                &cx.theme.words,
                lang,
            )
            && let PageBlock::Gbif(feature) = &mut block
        {
            feature.description.push(view);
        }
        blocks.push(block);
    }
    let mut links = parsed.links;
    links.append(&mut composer.links);
    let mut frames = parsed.frames;
    frames.append(&mut composer.frames);
    Composed {
        layout,
        blocks,
        links,
        data_links: std::mem::take(&mut composer.data_links),
        frames,
    }
}

/// What the page says of itself: its title and language, a post's date, excerpt and image, and
/// the description and preview image of its `<head>`.
fn describe(
    document: &Document,
    rendered: &Rendered,
    lang: String,
    date_line: Option<String>,
    composed: &Composed,
    cx: &Context,
    diagnostics: &mut Vec<Diagnostic>,
) -> (PageMeta, PageHead, Option<PostInfo>) {
    let page = &rendered.page;
    // A post's card and the page's preview show its `thumbnail` or `background`.
    let image = |key: &str| {
        text_at(page, key)
            .map(|image| (links::from_site_root(&image), rendered.front.position(key)))
    };
    let (thumbnail, background) = (image("thumbnail"), image("background"));
    let mut refused = Vec::new();
    let mut checked_image = |candidates: &[Option<(String, Position)>]| {
        let (src, at) = candidates.iter().flatten().next()?.clone();
        match links::refusal(&src, Use::Image, &document.shown, at) {
            Some(refusal) => {
                refused.push(refusal);
                None
            }
            None => Some(src),
        }
    };
    let title = text_at(page, "title").unwrap_or_else(|| cx.settings.title.clone());
    let not_found = composed.layout == "pageNotFound";
    let meta = PageMeta {
        title,
        lang,
        not_found,
    };
    let post = document.post.clone().map(|facts| PostInfo {
        date: facts.date,
        written_date: date_line.unwrap_or_default(),
        categories: facts.categories,
        excerpt: excerpt(&rendered.body, page, cx.settings),
        image: checked_image(&[thumbnail.clone(), background.clone()]),
        pre_title: text_at(page, "preTitle"),
        in_archive: !flag(get(page, "excludeFromArchive")),
    });
    let head = PageHead {
        description: text_at(page, "description")
            .or_else(|| {
                post.as_ref()
                    .map(|p| p.excerpt.clone())
                    .filter(|e| !e.is_empty())
            })
            .or_else(|| first_paragraph(&composed.blocks))
            .map(|d| d.split_whitespace().collect::<Vec<_>>().join(" ")),
        image: checked_image(&[background, thumbnail]),
        noindex: not_found,
    };
    diagnostics.append(&mut refused);
    (meta, head, post)
}

/// A post's excerpt as text: its body up to `excerpt_separator` (the post's, the site's, or a
/// blank line), as Jekyll cuts it.
fn excerpt(body: &str, page: &Value, settings: &Settings) -> String {
    let separator = text_at(page, "excerpt_separator")
        .or_else(|| at_path(&settings.value, "excerpt_separator").and_then(text))
        .unwrap_or_else(|| "\n\n".to_owned());
    let text = body.trim_start_matches(['\n', '\r']);
    let head = text.split(separator.as_str()).next().unwrap_or("");
    let mut ignored = Vec::new();
    let parsed = markdown::parse("excerpt", head, 1, Hosts::NONE, &mut ignored);
    plain_text_of_blocks(&parsed.blocks)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Renders the Liquid in every text of `values` (nested ones too), where `path` is each text's
/// dotted path; a text whose Liquid fails keeps its source.
fn render_values(
    values: &mut Object,
    prefix: &str,
    render: &mut dyn FnMut(&str, &str) -> Option<String>,
) {
    for (key, value) in values.iter_mut() {
        let path = join(prefix, key);
        render_value(value, &path, render);
    }
}

fn render_value(
    value: &mut Value,
    path: &str,
    render: &mut dyn FnMut(&str, &str) -> Option<String>,
) {
    match value {
        Value::Scalar(scalar) => {
            let text = scalar.to_kstr();
            if (text.contains("{{") || text.contains("{%"))
                && let Some(rendered) = render(text.as_str(), path)
            {
                *value = Value::scalar(rendered);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter_mut().enumerate() {
                render_value(
                    item,
                    &join(path, &KString::from_string(i.to_string())),
                    render,
                );
            }
        }
        Value::Object(object) => render_values(object, path, render),
        _ => {}
    }
}

fn join(prefix: &str, key: &str) -> String {
    if prefix.is_empty() {
        key.to_owned()
    } else {
        format!("{prefix}.{key}")
    }
}

/// The text of the page's first paragraph, for a description when it has none.
fn first_paragraph(blocks: &[PageBlock]) -> Option<String> {
    blocks.iter().find_map(|block| match block {
        PageBlock::Prose(prose) => {
            prose
                .sections
                .iter()
                .flat_map(|s| &s.blocks)
                .find_map(|b| match b {
                    Block::Paragraph { content, .. } => {
                        let text = plain_text(content);
                        (!text.trim().is_empty()).then_some(text)
                    }
                    _ => None,
                })
        }
        _ => None,
    })
}

/// Blocks cut into sections at their `<h2>` headings.
fn sections(blocks: Vec<Block>) -> Vec<Section> {
    let mut sections = vec![Section {
        heading: None,
        blocks: Vec::new(),
    }];
    for block in blocks {
        match block {
            Block::Heading(heading @ Heading { level: 2, .. }) => sections.push(Section {
                heading: Some(heading),
                blocks: Vec::new(),
            }),
            block => sections.last_mut().expect("never empty").blocks.push(block),
        }
    }
    if sections[0].blocks.is_empty() {
        sections.remove(0);
    }
    sections
}
