//! One page compiled on its own, in two steps: [`read`] takes its front matter (with the site's
//! `defaults`) and its address, which every page's Liquid may need (`site.pages`); [`compile`]
//! then renders its Liquid, parses its Markdown and composes its blocks, before the checks that
//! need every page (links, translations).

use std::collections::HashSet;

use liquid::model::{KString, Object, Value, ValueView};

use super::body::blocks::PageBlock;
use super::body::{Block, Heading, Section};
use super::diagnostics::{Diagnostic, Position};
use super::ids;
use super::layout::{self, Composer};
use super::liquid::Liquid;
use super::markdown::{self, LinkRef};
use super::site::{Page, PageHead, PostInfo};
use crate::content::repository::config::Settings;
use crate::content::repository::data::Data;
use crate::content::repository::documents::Document;
use crate::content::repository::front_matter::FrontMatter;
use crate::content::repository::{dates, permalink};
use crate::content::values::{flag, get, text_at};
use crate::model::PageMeta;

/// A compiled page with what the site-wide checks need to know about it.
#[derive(Clone)]
pub struct PageDraft {
    pub page: Page,
    pub relative: String,
    pub lang_ref: Option<String>,
    pub links: Vec<LinkRef>,
    /// The links it shows that are written in `_data` files, with their files.
    pub data_links: Vec<(String, LinkRef)>,
    /// The hosts of the players the page embeds.
    pub frames: Vec<String>,
    pub ids: HashSet<String>,
    pub front: FrontMatter,
}

impl PageDraft {
    /// Where the front matter key `key` was written.
    pub fn position(&self, key: &str) -> Position {
        self.front.position(key)
    }
}

/// What compiling any page needs.
pub struct Context<'a> {
    pub settings: &'a Settings,
    pub data: &'a Data,
    pub liquid: &'a Liquid,
    /// `site` in templates: `_config.yml`, `data`, `pages`.
    pub site: &'a Value,
    /// The same without the lists of documents, for the pages that do not use them.
    pub site_without_lists: &'a Value,
    /// Whether a page's text may use the lists (see `content::compile`).
    pub uses_lists: &'a (dyn Fn(&str) -> bool + Sync),
    /// The repository's own layouts, which are reported by name.
    pub custom_layouts: &'a [String],
    /// The news archive's address in a language.
    pub archive: &'a (dyn Fn(&str) -> Option<String> + Sync),
    /// The interface's words, for posts' dates.
    pub words: &'a super::texts::Words,
    /// The scope of the repository's GBIF widgets, for the data pages' links.
    pub gbif_scope: &'a super::gbif::Scope,
    /// GBIF's widget, on every data page, when the site asks for it.
    pub gbif_widget: Option<&'a super::body::blocks::GbifWidget>,
}

/// Renders a page's Liquid, parses its Markdown and composes its blocks.
pub fn compile(
    document: Document,
    cx: &Context,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<PageDraft> {
    let strict = cx.settings.strict;
    let file = document.shown.as_str();
    let mut front = document.front;
    let mut globals = Object::new();
    let site = if (cx.uses_lists)(&document.body) || (cx.uses_lists)(&document.front_text) {
        cx.site
    } else {
        cx.site_without_lists
    };
    globals.insert("site".into(), site.clone());
    globals.insert("page".into(), Value::Object(front.value.clone()));
    // Front matter values may use Liquid too (`background: "{{ site.data.images.moss.src }}"`).
    let mut failed = false;
    let mut values = std::mem::take(&mut front.value);
    render_values(&mut values, "", &mut |text, path| {
        let at = front.position(path);
        let rendered = cx.liquid.render(file, at, text, &globals, diagnostics);
        failed |= rendered.is_none();
        rendered
    });
    front.value = values;
    globals.insert("page".into(), Value::Object(front.value.clone()));
    let body = cx.liquid.render(
        file,
        Position::new(document.body_line, 1),
        &document.body,
        &globals,
        diagnostics,
    );
    let body = body.unwrap_or_else(|| {
        failed = true;
        String::new()
    });
    let embeds = &cx.settings.embeds;
    let parsed = if crate::content::repository::folders::is_html(&document.relative) {
        // An HTML page is not Markdown: its body is one raw HTML block (`markdown="0"`), which
        // goes through the same checks as HTML written in Markdown (scripts and unsafe
        // addresses removed, with warnings). The wrapper's line comes before the body's first.
        let wrapped = format!("<div markdown=\"0\">\n{body}\n</div>\n");
        markdown::parse(
            file,
            &wrapped,
            document.body_line.saturating_sub(1),
            embeds,
            diagnostics,
        )
    } else {
        markdown::parse(file, &body, document.body_line, embeds, diagnostics)
    };
    let ids = ids::collect(file, &parsed.blocks, &parsed.headings, strict, diagnostics);
    let page = Value::Object(front.value.clone());
    let lang = text_at(&page, "lang").unwrap_or_else(|| cx.settings.root_lang.clone());
    let position = |path: &str| front.position(path);
    let data_position = |path: &str| {
        cx.data
            .position(path)
            .map(|(file, at)| (file.to_owned(), at))
    };
    let tolerated = |d: Diagnostic| d.strict_if(strict);
    let mut liquify = |text: &str, at: Position, diagnostics: &mut Vec<Diagnostic>| {
        cx.liquid
            .render(file, at, text, &globals, diagnostics)
            .unwrap_or_default()
    };
    let mut parse_markdown = |text: &str, at: Position, diagnostics: &mut Vec<Diagnostic>| {
        markdown::parse_at(file, text, at, embeds, diagnostics)
    };
    let date_line = document.post.as_ref().map(|post| {
        dates::written(
            post.date,
            &cx.words.get("dateFormat", &lang),
            &cx.words.get("monthNames", &lang),
        )
    });
    let mut composer = Composer {
        file,
        page: &page,
        position: &position,
        data: &cx.data.value,
        data_position: &data_position,
        liquify: &mut liquify,
        markdown: &mut parse_markdown,
        archive: (cx.archive)(&lang),
        date: date_line.clone(),
        url: document.url.clone(),
        lang: lang.clone(),
        latest_limit: cx.settings.latest_post_limit,
        tolerated: &tolerated,
        links: Vec::new(),
        data_links: Vec::new(),
        frames: Vec::new(),
    };
    let layout = layout::layout_name(&composer, cx.custom_layouts, diagnostics);
    let mut blocks = layout::blocks(&mut composer, &layout, sections(parsed.blocks), diagnostics);
    if layout == "documentation" {
        let label = cx.words.get("sideNavigation", &lang);
        let nav = layout::side_navigation(&mut composer, label, diagnostics);
        let after_hero = blocks
            .iter()
            .position(|b| matches!(b, PageBlock::Hero(_)))
            .map_or(0, |at| at + 1);
        blocks.insert(after_hero, PageBlock::SideNav(nav));
    }
    if let Some(link) = super::gbif::data_link(&layout, cx.gbif_scope) {
        if let Some(widget) = cx.gbif_widget {
            blocks.push(PageBlock::GbifWidget(widget.clone()));
        }
        blocks.push(layout::data_block(link, cx.words, &lang, &document.url));
    }
    let mut links = parsed.links;
    links.append(&mut composer.links);
    let mut frames = parsed.frames;
    frames.append(&mut composer.frames);
    if failed {
        return None;
    }
    let title = text_at(&page, "title").unwrap_or_else(|| cx.settings.title.clone());
    let not_found = layout == "pageNotFound";
    let meta = PageMeta {
        title,
        lang,
        not_found,
    };
    let post = document.post.map(|facts| PostInfo {
        date: facts.date,
        written_date: date_line.unwrap_or_default(),
        categories: facts.categories,
        excerpt: excerpt(&body, &page, cx.settings),
        image: text_at(&page, "thumbnail")
            .or_else(|| text_at(&page, "background"))
            .map(|image| super::links::from_site_root(&image)),
        pre_title: text_at(&page, "preTitle"),
        in_archive: !flag(get(&page, "excludeFromArchive")),
    });
    let head = PageHead {
        description: text_at(&page, "description")
            .or_else(|| {
                post.as_ref()
                    .map(|p| p.excerpt.clone())
                    .filter(|e| !e.is_empty())
            })
            .or_else(|| first_paragraph(&blocks))
            .map(|d| d.split_whitespace().collect::<Vec<_>>().join(" ")),
        image: text_at(&page, "background")
            .or_else(|| text_at(&page, "thumbnail"))
            .map(|image| super::links::from_site_root(&image)),
        noindex: not_found,
    };
    Some(PageDraft {
        page: Page {
            output: permalink::output_file(&document.url),
            route: document.url,
            source: document.shown.clone(),
            meta,
            head,
            translations: Vec::new(),
            blocks,
            post,
        },
        relative: document.relative,
        lang_ref: text_at(&page, "lang-ref"),
        links,
        data_links: std::mem::take(&mut composer.data_links),
        frames,
        ids,
        front,
    })
}

/// A post's excerpt as text: its body up to `excerpt_separator` (the post's, the site's, or a
/// blank line), as Jekyll cuts it.
fn excerpt(body: &str, page: &Value, settings: &Settings) -> String {
    let separator = text_at(page, "excerpt_separator")
        .or_else(|| {
            crate::content::values::at_path(&settings.value, "excerpt_separator")
                .and_then(crate::content::values::text)
        })
        .unwrap_or_else(|| "\n\n".to_owned());
    let text = body.trim_start_matches(['\n', '\r']);
    let head = text.split(separator.as_str()).next().unwrap_or("");
    let mut ignored = Vec::new();
    let parsed = markdown::parse("excerpt", head, 1, &[], &mut ignored);
    super::body::plain_text_of_blocks(&parsed.blocks)
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
                        let text = super::body::plain_text(content);
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
