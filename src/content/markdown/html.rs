//! Raw HTML written in Markdown, made safe: elements that run code or load other documents are
//! removed, so are attributes that could (event handlers, script addresses, `url()` in styles),
//! and players (`<iframe>`) are kept only from the hosts the site embeds, sandboxed. Each
//! removal is reported where it is written.

use super::convert::Converter;
use super::kramdown::{self, AttrMap};
use crate::content::body::{Attrs, ElementContent, HtmlElement};
use crate::content::links::{self, LinkRef, Use};

/// Elements that can run code, load other documents or change the page around them; among them
/// those that change how the browser reads the rest of the document (`<plaintext>` makes all
/// that follows it text, the footer included; `<xmp>`, `<listing>`, `<noembed>` and
/// `<noframes>` make their content raw).
const UNSAFE_TAGS: &[&str] = &[
    "script",
    "style",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "base",
    "meta",
    "link",
    "noscript",
    "template",
    "math",
    "plaintext",
    "xmp",
    "listing",
    "noembed",
    "noframes",
];

/// Attributes that hold a URL.
const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "action",
    "formaction",
    "poster",
    "background",
    "cite",
    "xlink:href",
];

impl Converter<'_> {
    /// The attributes of an element `tag` (empty when it does not matter) as the model holds
    /// them, without those that could run a script or load unwanted content, whether HTML or an
    /// attribute list set them (each removal is reported).
    pub(super) fn attrs(&mut self, tag: &str, attr: &AttrMap, line: usize) -> Attrs {
        let mut safe = AttrMap::default();
        for (name, value) in &attr.0 {
            // Checked as the browser reads it: `jav&#97;script:` is `javascript:`.
            let value = &super::kramdown::entities::decode(value);
            let lower = name.to_ascii_lowercase();
            let unsafe_url = URL_ATTRIBUTES.contains(&lower.as_str())
                && links::is_unsafe(value)
                && !(tag == "img" && lower == "src" && links::is_data_image(value));
            if lower.starts_with("on")
                || lower == "srcdoc"
                || (lower == "style" && style_loads_content(value))
                || unsafe_url
            {
                let element = if tag.is_empty() {
                    String::new()
                } else {
                    format!(" of `<{tag}>`")
                };
                self.warning(
                    self.source.find_near(line, name),
                    format!("the attribute `{name}`{element} is removed: it could run a script or load unwanted content"),
                    "remove it from the Markdown".into(),
                );
                continue;
            }
            safe.set(name, value.clone());
        }
        attrs_of(&safe)
    }

    /// An HTML element from the Markdown, with what could run code or load other documents
    /// removed (and reported).
    pub(super) fn html_element(&mut self, el: kramdown::Element) -> Option<HtmlElement> {
        let line = el.opts.location;
        let tag = el.value.to_ascii_lowercase();
        if tag == "iframe" {
            return self.player(el, line);
        }
        if tag == "form" {
            return self.form(el, line);
        }
        let mut el = el;
        if tag == "svg" {
            // An icon drawn in SVG is kept with its shapes; what could run, load or show another
            // document inside it (`script`, `foreignObject`, `use`, `image`, animations) is not.
            el.children = self.svg_shapes(std::mem::take(&mut el.children), line);
            self.svg_attrs(&mut el.attr, line);
        }
        if UNSAFE_TAGS.contains(&tag.as_str()) {
            self.warning(
                self.source.find(line, &format!("<{}", el.value)),
                format!("the `<{tag}>` element is removed: pages may not embed scripts, styles, frames or other documents"),
                "remove it from the Markdown; site-wide styles and scripts belong in style/ and src/".into(),
            );
            return None;
        }
        let mut attrs = self.attrs(&tag, &el.attr, line);
        if tag == "img"
            && !attrs
                .other
                .iter()
                .any(|(k, _)| k.eq_ignore_ascii_case("alt"))
        {
            self.missing_alt(&el.value, &attrs, line);
        }
        // What the element loads, for the checks and the policy: an image's source, a video's
        // poster, a video's or sound's source.
        for (key, value) in &attrs.other {
            let used = match (tag.as_str(), key.to_ascii_lowercase().as_str()) {
                ("img", "src") | ("video", "poster") => Use::Image,
                ("video" | "audio" | "source" | "track", "src") => Use::Media,
                _ => continue,
            };
            if !value.starts_with("data:") {
                self.links.push(LinkRef {
                    href: value.clone(),
                    at: self.source.find(line, value),
                    used,
                });
            }
        }
        let mut content = if el.children.iter().any(kramdown::Element::is_block) {
            ElementContent::Blocks(self.blocks(el.children))
        } else {
            ElementContent::Inlines(self.inlines(el.children))
        };
        self.live_count(&mut attrs, &mut content, line);
        Some(HtmlElement {
            tag,
            attrs,
            content,
        })
    }
}

impl Converter<'_> {
    /// Reports an HTML `<img>` written without `alt`: kept as it is, as Jekyll keeps it, but a
    /// screen reader then reads out its address, and search engines see no description.
    /// (Markdown's `![](src)` always has one, if empty.)
    pub(super) fn missing_alt(&mut self, written_tag: &str, attrs: &Attrs, line: usize) {
        let image = attrs
            .other
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case("src"))
            .map_or_else(
                || "an `<img>`".to_owned(),
                |(_, src)| format!("the image `{src}`"),
            );
        self.warning(
            self.source.find(line, &format!("<{written_tag}")),
            format!("{image} has no `alt` text: screen readers read out its address instead"),
            "say what it shows in `alt=\"…\"`, or write `alt=\"\"` if it only decorates the page"
                .into(),
        );
    }

    /// An `<iframe>`: kept when it is an `https:` player on a host the site embeds (lazily
    /// loaded, named, sandboxed so that the player runs and nothing else), removed otherwise.
    pub(super) fn player(&mut self, el: kramdown::Element, line: usize) -> Option<HtmlElement> {
        let src = el
            .attr
            .0
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case("src"))
            .map(|(_, value)| value.trim().to_owned())
            .unwrap_or_default();
        let host = src
            .strip_prefix("https://")
            .map(|rest| {
                rest.split(['/', '?', '#'])
                    .next()
                    .unwrap_or("")
                    .to_ascii_lowercase()
            })
            .filter(|host| !host.is_empty() && !host.contains(['@', ':']));
        let allowed = host.clone().filter(|host| {
            self.hosts
                .embeds
                .iter()
                .any(|e| e.eq_ignore_ascii_case(host))
        });
        let Some(host) = allowed else {
            let (message, hint) = match host {
                Some(host) => (
                    format!(
                        "the `<iframe>` from `{host}` is removed: it is not one of the players the site embeds"
                    ),
                    format!("if you trust it, add `{host}` to `embeds:` in _config.yml"),
                ),
                None => (
                    "the `<iframe>` is removed: only `https:` players the site embeds are kept"
                        .to_owned(),
                    "give it an `https://` address of a video, document or calendar player"
                        .to_owned(),
                ),
            };
            self.warning(
                self.source.find(line, &format!("<{}", el.value)),
                message,
                hint,
            );
            return None;
        };
        let mut attr = el.attr.clone();
        for name in ["sandbox", "loading", "srcdoc"] {
            attr.0.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
        }
        attr.set("loading", "lazy");
        // Players need their scripts and their own origin (for cookies-free storage and their
        // APIs); they may open the video's page and go full screen, and nothing more.
        attr.set(
            "sandbox",
            "allow-scripts allow-same-origin allow-popups allow-presentation",
        );
        if !attr.0.iter().any(|(n, _)| n.eq_ignore_ascii_case("title")) {
            attr.set("title", format!("Embedded content from {host}"));
        }
        let attrs = self.attrs("iframe", &attr, line);
        if !self.frames.contains(&host) {
            self.frames.push(host);
        }
        Some(HtmlElement {
            tag: "iframe".into(),
            attrs,
            content: ElementContent::Inlines(Vec::new()),
        })
    }
}

/// The elements of an SVG drawing that only draw.
const SVG_SHAPES: &[&str] = &[
    "g",
    "path",
    "circle",
    "ellipse",
    "line",
    "polyline",
    "polygon",
    "rect",
    "title",
    "desc",
    "defs",
    "lineargradient",
    "radialgradient",
    "stop",
    "clippath",
    "mask",
    "symbol",
    "text",
    "tspan",
];

/// Whether an attribute of an SVG drawing's element only styles it: no address (`href`), and
/// no `url()` but to the drawing's own parts (`url(#gradient)`).
fn svg_attribute_is_safe(name: &str, value: &str) -> bool {
    let name = name.to_ascii_lowercase();
    let value = value.to_ascii_lowercase().replace(char::is_whitespace, "");
    !name.ends_with("href")
        && value.match_indices("url(").all(|(i, _)| {
            value[i + 4..]
                .trim_start_matches(['"', '\''])
                .starts_with('#')
        })
}

impl Converter<'_> {
    /// The children of an `<svg>` that only draw (see `SVG_SHAPES`), recursively; each other
    /// element is removed with a warning.
    fn svg_shapes(
        &mut self,
        children: Vec<kramdown::Element>,
        line: usize,
    ) -> Vec<kramdown::Element> {
        let mut kept = Vec::with_capacity(children.len());
        for mut child in children {
            if child.kind == kramdown::Kind::HtmlElement {
                let tag = child.value.to_ascii_lowercase();
                if !SVG_SHAPES.contains(&tag.as_str()) {
                    let at = child.opts.location.max(line);
                    self.warning(
                        self.source.find(at, &format!("<{}", child.value)),
                        format!("the `<{tag}>` inside an `<svg>` is removed: a drawing may hold only shapes"),
                        "keep the icon's shapes (`path`, `circle`, `g`, ...) and nothing that loads or runs".into(),
                    );
                    continue;
                }
                self.svg_attrs(&mut child.attr, line);
                child.children = self.svg_shapes(std::mem::take(&mut child.children), line);
            }
            kept.push(child);
        }
        kept
    }

    /// An SVG element's attributes without addresses and `url()`s to other documents, each
    /// removal reported (event handlers are removed, and reported, as on any element).
    fn svg_attrs(&mut self, attr: &mut AttrMap, line: usize) {
        let (kept, removed): (Vec<_>, Vec<_>) = std::mem::take(&mut attr.0)
            .into_iter()
            .partition(|(name, value)| svg_attribute_is_safe(name, value));
        attr.0 = kept;
        for (name, value) in removed {
            self.warning(
                self.source.find_near(line, &value),
                format!("the attribute `{name}` of an SVG drawing is removed: it could load another document"),
                "a drawing may refer only to its own parts (`url(#id)`)".into(),
            );
        }
    }

    /// A `<form>`: kept with its fields and labels when it sends (GET or POST) to an `https:`
    /// address, which the policy's `form-action` then allows; removed otherwise, since it would
    /// send what a visitor fills in where the site cannot vouch for.
    pub(super) fn form(&mut self, el: kramdown::Element, line: usize) -> Option<HtmlElement> {
        let value = |key: &str| {
            el.attr
                .0
                .iter()
                .find(|(name, _)| name.eq_ignore_ascii_case(key))
                .map(|(_, value)| value.trim().to_owned())
        };
        let action = value("action").unwrap_or_default();
        let method = value("method").unwrap_or_default().to_ascii_lowercase();
        let sends_safely = links::web_origin(&action).is_some_and(|o| o.starts_with("https://"))
            && matches!(method.as_str(), "" | "get" | "post");
        if !sends_safely {
            self.warning(
                self.source.find(line, &format!("<{}", el.value)),
                format!("the `<form>` is removed: it does not send (GET or POST) to an `https:` address (`{action}`)"),
                "give it `action=\"https://...\"` of the service that receives it, such as Formspree".into(),
            );
            return None;
        }
        self.links.push(LinkRef {
            href: action.clone(),
            at: self.source.find(line, &action),
            used: Use::Form,
        });
        let attrs = self.attrs("form", &el.attr, line);
        let content = if el.children.iter().any(kramdown::Element::is_block) {
            ElementContent::Blocks(self.blocks(el.children))
        } else {
            ElementContent::Inlines(self.inlines(el.children))
        };
        Some(HtmlElement {
            tag: "form".into(),
            attrs,
            content,
        })
    }
}

/// The model's attributes from kramdown's: `id`, the classes, and the rest in order.
fn attrs_of(attr: &AttrMap) -> Attrs {
    let mut attrs = Attrs::default();
    for (key, value) in &attr.0 {
        // Character references as the browser reads them (`a&amp;b` is `a&b`); the page writes
        // them again.
        let value = &super::kramdown::entities::decode(value);
        match key.as_str() {
            // kramdown writes no `id` attribute for an empty id (a heading of punctuation only).
            "id" if value.trim().is_empty() => {}
            "id" => attrs.id = Some(value.clone()),
            "class" => attrs.classes = value.split_whitespace().map(str::to_owned).collect(),
            _ => attrs.other.push((key.clone(), value.clone())),
        }
    }
    attrs
}

/// Whether a `style` attribute could load something or run code: `url(...)` and its kin, however
/// it is written (CSS escapes such as `u\72l(` and comments are read first, as a browser
/// reads them).
fn style_loads_content(style: &str) -> bool {
    let read = css_as_read(style).to_ascii_lowercase();
    let compact: String = read.chars().filter(|c| !c.is_whitespace()).collect();
    [
        "url(",
        "image(",
        "image-set(",
        "expression(",
        "@import",
        "-moz-binding",
        "behavior:",
        "src(",
    ]
    .iter()
    .any(|marker| compact.contains(marker))
}

/// CSS text as a browser reads it: comments removed, escapes (`\75`, `\u`, a backslash before
/// a line end) resolved.
fn css_as_read(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for c in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
            }
            '\\' => {
                let mut hex = String::new();
                while hex.len() < 6 && chars.peek().is_some_and(char::is_ascii_hexdigit) {
                    hex.extend(chars.next());
                }
                if hex.is_empty() {
                    match chars.next() {
                        Some('\n') | None => {}
                        Some(escaped) => out.push(escaped),
                    }
                } else {
                    if chars.peek().is_some_and(|c| c.is_whitespace()) {
                        chars.next();
                    }
                    let code = u32::from_str_radix(&hex, 16).unwrap_or(0xFFFD);
                    out.push(
                        char::from_u32(code)
                            .filter(|c| *c != '\0')
                            .unwrap_or('\u{FFFD}'),
                    );
                }
            }
            c => out.push(c),
        }
    }
    out
}
