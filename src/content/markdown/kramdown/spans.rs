//! The span parsers: kramdown's `parse_spans` loop, which jumps to the next place a span can
//! start (or the enclosing span can end), and the parsers it tries there.

use std::sync::Arc;

use super::element::{Element, Ial, Kind};
use super::entities;
use super::parser::{Parser, add_text, normalize_link_id};
use super::patterns as p;
use super::scanner::{Re, Scanner, re};
use super::smart_quotes;
use super::span_state::{STEP_COST, SpanParser, State, Stop, is_ascii_space};
use super::warnings::WarningKind;
use crate::content::limits::MAX_NESTING;

impl Parser {
    /// The span parsers in force for this document.
    pub(super) fn span_parsers(&self) -> Vec<SpanParser> {
        use SpanParser::*;
        let mut parsers: Vec<SpanParser> = SpanParser::ALL
            .into_iter()
            .filter(|p| *p != Strikethrough)
            .collect();
        if self.gfm {
            if self.options.hard_wrap {
                parsers.retain(|p| *p != LineBreak);
            }
            if self.options.quirk("no_auto_typographic") {
                parsers.retain(|p| *p != TypographicSyms);
            }
            parsers.push(Strikethrough);
        }
        parsers
    }

    /// Parses the spans of `src` into `el`, up to `stop`. True when the stop was found.
    pub(super) fn parse_spans(
        &mut self,
        el: &mut Element,
        src: &mut Scanner,
        mut stop: Stop,
        parsers: Option<&[SpanParser]>,
    ) -> bool {
        let parsers: std::rc::Rc<[SpanParser]> = match parsers {
            Some(parsers) => parsers.into(),
            None => self.default_spans.clone(),
        };
        let next = self.next_span_pattern(&parsers, &stop);
        if self.frames.len() >= MAX_NESTING {
            self.too_deep(src.current_line_number());
            return false;
        }
        let top = !self.spans.active;
        if top {
            self.spans.start(src.text().len(), src.first_line());
        }
        let memo = stop.memo_code();
        let frames = self.frame_flags(el.kind);
        let mut visited: Vec<(State, Option<i32>)> = Vec::new();
        self.frames.push(el.kind);
        let mut found = false;
        while !src.eos() && !found {
            if self.spans.exhausted {
                if matches!(stop, Stop::None) {
                    let rest = src.rest().to_owned();
                    add_text(el, &rest, self.text_type);
                    src.terminate();
                }
                break;
            }
            if let Some(code) = memo {
                let state = State {
                    scanner: src.id(),
                    pos: src.pos(),
                    stop: code,
                    frames,
                    nonempty: !el.children.is_empty(),
                };
                let depth = stop.link_depth(el);
                if self.spans.has_failed(&state, depth) {
                    break;
                }
                visited.push((state, depth));
            }
            let Some(skipped) = src.skip_to_range(&next) else {
                self.spend(src.rest().len() + STEP_COST);
                if matches!(stop, Stop::None) {
                    add_text(el, src.rest(), self.text_type);
                    src.terminate();
                }
                break;
            };
            add_text(el, &src.text()[skipped.clone()], self.text_type);
            if self.spend(skipped.len() + STEP_COST) {
                continue;
            }
            if stop.is_here(src) {
                found = stop.confirmed(src, el);
            }
            if found {
                break;
            }
            let before = src.pos();
            let processed = self.run_span_parser(&parsers, el, src);
            if !processed || src.pos() == before {
                let c = src.getch();
                add_text(el, &c, self.text_type);
            }
        }
        self.frames.pop();
        if !found {
            for (state, depth) in visited {
                self.spans.remember_failure(state, depth);
            }
        }
        if top {
            self.spans.finish();
        }
        found
    }

    /// The pattern that finds the next place where one of `parsers` may start or `stop` may be,
    /// made once per combination (span parses start at every emphasis mark and bracket).
    fn next_span_pattern(&mut self, parsers: &[SpanParser], stop: &Stop) -> Arc<Re> {
        let mask = parsers.iter().fold(0u32, |mask, p| mask | 1 << (*p as u32));
        let stop_re = stop.pattern();
        // Stop patterns are compiled once per process (`Re::cached` or `re!`): their address
        // tells them apart.
        let key = (mask, stop_re.map_or(0, |re| re as *const Re as usize));
        self.span_patterns
            .entry(key)
            .or_insert_with(|| {
                let starts: Vec<&str> = parsers.iter().map(|p| p.span_start()).collect();
                let starts = starts.join("|");
                match stop_re {
                    Some(stop) => Re::cached(&format!("(?:{})|{starts}", stop.source())),
                    None => Re::cached(&starts),
                }
            })
            .clone()
    }

    /// Whether `parser` starts at the position (remembering its match). Its first character is
    /// checked before its pattern; patterns that look ahead for a closing mark are matched only
    /// up to the first such mark, found by index, so that a long text full of opening marks
    /// without closing ones stays linear.
    fn span_starts_here(&self, parser: SpanParser, src: &mut Scanner) -> bool {
        if !parser.may_start(src.rest()) {
            return false;
        }
        let pos = src.pos();
        let end = match parser {
            // `<scheme:...>` ends at the first `>` of the line.
            SpanParser::Autolink => match src.next_of(">", pos) {
                Some(gt) if gt < src.line_end() => gt + 1,
                _ => return false,
            },
            SpanParser::InlineMath => match src.next_of("$$", pos + 2) {
                Some(close) => close + 2,
                None => return false,
            },
            SpanParser::Strikethrough => {
                match src.first_indexed("~~ closer", pos + 3, strikethrough_closers) {
                    Some(close) => close + 2,
                    None => return false,
                }
            }
            _ => usize::MAX,
        };
        src.check_within(parser.start_re(self.gfm), end).is_some()
    }

    /// Spends span-parsing fuel; true (with the error, once per text) when it ran out.
    pub(super) fn spend(&mut self, amount: usize) -> bool {
        let was = self.spans.exhausted;
        if self.spans.spend(amount) && !was {
            let line = self.spans.line;
            self.warn(line, WarningKind::TooComplex);
        }
        self.spans.exhausted
    }

    /// The enclosing spans that change what may start inside an element of kind `kind`.
    fn frame_flags(&self, kind: Kind) -> u8 {
        let mut flags = 0;
        for frame in &self.frames {
            flags |= match frame {
                Kind::Em => 1,
                Kind::Strong => 2,
                Kind::A | Kind::Img => 4,
                _ => 0,
            };
        }
        if kind == Kind::Img {
            flags |= 8;
        }
        flags
    }

    fn run_span_parser(
        &mut self,
        parsers: &[SpanParser],
        el: &mut Element,
        src: &mut Scanner,
    ) -> bool {
        for parser in parsers {
            if !self.span_starts_here(*parser, src) {
                continue;
            }
            match parser {
                SpanParser::Emphasis => self.parse_emphasis(el, src),
                SpanParser::Codespan => self.parse_codespan(el, src),
                SpanParser::Autolink => self.parse_autolink(el, src),
                SpanParser::SpanHtml => self.parse_span_html(el, src),
                SpanParser::FootnoteMarker => self.parse_footnote_marker(el, src),
                SpanParser::Link => self.parse_link(el, src),
                SpanParser::SmartQuotes => self.parse_smart_quotes(el, src),
                SpanParser::InlineMath => {
                    let line = src.current_line_number();
                    let math = src.group(1).unwrap_or("").trim().to_owned();
                    src.advance(src.matched_size());
                    let mut math = Element::with_value(Kind::Math, math).at(line);
                    math.opts.span = true;
                    el.children.push(math);
                }
                SpanParser::SpanExtensions => self.parse_span_extensions(el, src),
                SpanParser::HtmlEntity => self.parse_html_entity(el, src),
                SpanParser::TypographicSyms => self.parse_typographic_syms(el, src),
                SpanParser::LineBreak => {
                    src.advance(2);
                    el.children
                        .push(Element::new(Kind::Br).at(src.current_line_number()));
                }
                SpanParser::EscapedChars => {
                    let c = src.group(1).unwrap_or("").to_owned();
                    src.advance(src.matched_size());
                    add_text(el, &c, self.text_type);
                }
                SpanParser::Strikethrough => self.parse_strikethrough(el, src),
            }
            return true;
        }
        false
    }

    fn parse_emphasis(&mut self, tree: &mut Element, src: &mut Scanner) {
        let line = src.current_line_number();
        let saved = src.pos();
        let result = src.scan(p::emphasis_start()).unwrap_or_default();
        let kind = if result.len() == 2 {
            Kind::Strong
        } else {
            Kind::Em
        };
        let underscore = result.starts_with('_');
        let before = &src.text()[..saved];
        let intraword = underscore && {
            let mut back = before.chars().rev();
            match back.next() {
                Some(c) if c.is_alphabetic() => true,
                Some('-') => back.next().is_some_and(char::is_alphabetic),
                _ => false,
            }
        };
        if intraword || src.rest().starts_with(is_ascii_space) || self.frames.contains(&kind) {
            add_text(tree, &result, self.text_type);
            return;
        }
        let delim = result.clone();
        let (mut found, mut el, mut stop_re) =
            self.emphasis_body(src, &delim, kind, underscore, line);
        if !found && kind == Kind::Strong && tree.kind != Kind::Em {
            src.set_pos(saved + 1);
            let single = delim[..1].to_owned();
            (found, el, stop_re) = self.emphasis_body(src, &single, Kind::Em, underscore, line);
        }
        if found {
            src.scan(&stop_re);
            tree.children.push(el);
        } else {
            src.set_pos(saved + result.len());
            add_text(tree, &result, self.text_type);
        }
    }

    fn emphasis_body(
        &mut self,
        src: &mut Scanner,
        delim: &str,
        kind: Kind,
        underscore: bool,
        line: usize,
    ) -> (bool, Element, Arc<Re>) {
        let mut el = Element::new(kind).at(line);
        // Emphasis is tried at every mark: its four closing patterns are compiled once.
        static DELIMITERS: std::sync::LazyLock<[(&str, Arc<Re>); 4]> =
            std::sync::LazyLock::new(|| {
                ["*", "**", "_", "__"].map(|d| (d, Re::cached(&p::fancy_escape(d))))
            });
        let re = DELIMITERS
            .iter()
            .find(|(d, _)| *d == delim)
            .map_or_else(|| Re::cached(&p::fancy_escape(delim)), |(_, re)| re.clone());
        let stop = Stop::Emphasis {
            re: re.clone(),
            delim: delim.to_owned(),
            em: kind == Kind::Em,
            underscore,
        };
        let found = self.parse_spans(&mut el, src, stop, None);
        (found, el, re)
    }

    fn parse_codespan(&mut self, tree: &mut Element, src: &mut Scanner) {
        let line = src.current_line_number();
        let start = src.pos();
        let result = src.scan(p::codespan_delimiter()).unwrap_or_default();
        let simple = result.len() == 1;
        let saved = src.pos();
        let space_before = src.text()[..start]
            .trim_end_matches('\n')
            .chars()
            .next_back()
            .is_some_and(is_ascii_space)
            || src.text()[..start]
                .chars()
                .next_back()
                .is_some_and(is_ascii_space);
        if simple && space_before && src.rest().starts_with(is_ascii_space) {
            add_text(tree, &result, self.text_type);
            return;
        }
        let delimiter = Re::cached(&result);
        match self.scan_until_remembered(src, &delimiter) {
            Some(mut text) => {
                text.truncate(text.len() - result.len());
                if !simple {
                    if text.starts_with(' ') {
                        text.remove(0);
                    }
                    if text.ends_with(' ') {
                        text.pop();
                    }
                }
                tree.children
                    .push(Element::with_value(Kind::Codespan, text).at(line));
            }
            None => {
                src.set_pos(saved);
                add_text(tree, &result, self.text_type);
            }
        }
    }

    fn parse_autolink(&mut self, tree: &mut Element, src: &mut Scanner) {
        let line = src.current_line_number();
        let target = src.group(1).unwrap_or("").to_owned();
        let has_scheme = src.group(2).is_some();
        src.advance(src.matched_size());
        let href = if has_scheme {
            target.clone()
        } else {
            format!("mailto:{target}")
        };
        let mut el = Element::new(Kind::A).at(line);
        el.attr.set("href", href);
        let text = target.strip_prefix("mailto:").unwrap_or(&target).to_owned();
        add_text(&mut el, &text, self.text_type);
        tree.children.push(el);
    }

    fn parse_footnote_marker(&mut self, tree: &mut Element, src: &mut Scanner) {
        let line = src.current_line_number();
        let name = src.group(1).unwrap_or("").to_owned();
        let matched = src.matched().to_owned();
        src.advance(matched.len());
        let index = self.footnote_index.get(&name).copied();
        match index.and_then(|i| self.footnotes.get_mut(i)) {
            Some(def) => {
                def.referenced = true;
                tree.children
                    .push(Element::with_value(Kind::Footnote, name).at(line));
            }
            None => {
                self.warn(line, WarningKind::UndefinedFootnote { name });
                add_text(tree, &matched, self.text_type);
            }
        }
    }

    fn parse_link(&mut self, tree: &mut Element, src: &mut Scanner) {
        let line = src.current_line_number();
        let result = src.scan(re!(r"!?\[")).unwrap_or_default();
        let text_start = src.pos();
        let saved = src.pos();
        let kind = if result.starts_with('!') {
            Kind::Img
        } else {
            Kind::A
        };
        if kind == Kind::A && self.frames.iter().any(|k| matches!(k, Kind::A | Kind::Img)) {
            add_text(tree, &result, self.text_type);
            return;
        }
        // Link text needs a closing bracket somewhere after it.
        if src.next_of("]", src.pos()).is_none() {
            src.set_pos(saved);
            add_text(tree, &result, self.text_type);
            return;
        }
        let mut el = Element::new(kind).at(line);
        let stop = Stop::LinkText {
            count: 1,
            images: 0,
            counted: 0,
        };
        if !self.parse_spans(&mut el, src, stop, None) {
            src.set_pos(saved);
            add_text(tree, &result, self.text_type);
            return;
        }
        let alt_text = p::escaped_chars().replace_all(&src.text()[text_start..src.pos()], |c| {
            c.get(1).unwrap_or("").to_owned()
        });
        src.scan(p::link_bracket_stop());

        // A reference, or brackets with nothing after them.
        let explicit_id = match src.next_of("]", src.pos()) {
            Some(close) => src.check_within(p::link_inline_id(), close + 1).is_some(),
            None => false,
        };
        if explicit_id || !src.rest().starts_with('(') {
            if !self.reference_link(tree, el, src, explicit_id, &alt_text, line) {
                src.set_pos(saved);
                add_text(tree, &result, self.text_type);
            }
            return;
        }

        // A URL in parentheses, and perhaps a title after it.
        let Some((url, closed)) = self.inline_link_url(src) else {
            src.set_pos(saved);
            add_text(tree, &result, self.text_type);
            return;
        };
        if closed {
            self.add_link(tree, el, url, None, &alt_text, None);
            return;
        }
        if let Some(end) = link_title_end(src)
            && src.check_within(p::link_inline_title(), end).is_some()
        {
            let title = src.group(2).map(str::to_owned);
            src.advance(src.matched_size());
            self.add_link(tree, el, url, title, &alt_text, None);
        } else {
            src.set_pos(saved);
            add_text(tree, &result, self.text_type);
        }
    }

    /// A link to a definition (`[text][id]`, or `[text]` alone): added when the definition
    /// exists; false when it does not (an undefined `id` written out is reported).
    fn reference_link(
        &mut self,
        tree: &mut Element,
        el: Element,
        src: &mut Scanner,
        explicit_id: bool,
        alt_text: &str,
        line: usize,
    ) -> bool {
        let id_text = if explicit_id {
            src.group(1).map(str::to_owned)
        } else {
            None
        };
        if explicit_id {
            src.advance(src.matched_size());
        }
        let id = normalize_link_id(id_text.as_deref().unwrap_or(alt_text));
        match self.link_defs.get(&id).cloned() {
            Some(def) => {
                let ial = def.serial.and_then(|s| self.eob_ials.get(&s).cloned());
                self.add_link(tree, el, def.url, def.title, alt_text, ial);
                true
            }
            None => {
                if id_text.is_some() {
                    self.warn(line, WarningKind::UndefinedLink { id });
                }
                false
            }
        }
    }

    /// The URL of an inline link (`(url)`, `(<url>)`, `(url "title")`) at `src`, and whether
    /// its parenthesis closed right after it (no title follows); `None` when there is none.
    fn inline_link_url(&mut self, src: &mut Scanner) -> Option<(String, bool)> {
        let angle_end = src
            .next_of(">", src.pos())
            .filter(|&gt| gt < src.line_end())
            .map(|gt| gt + 1);
        if angle_end.is_some_and(|end| src.check_within(re!(r"\(<(.*?)>"), end).is_some()) {
            let url = src.group(1).unwrap_or("").to_owned();
            src.advance(src.matched_size());
            let closed = src.scan(re!(r"\)")).is_some();
            return Some((url, closed));
        }
        // kramdown reads on piece by piece (`/(\()|(\))|\s(?=['"])/`), counting parentheses, until
        // the one that closes the first, or white space before a quote (a title). Both are
        // found by index: read piece by piece, each unclosed `(` of a long text would scan
        // to its end.
        let open = src.pos();
        let close = src.closing_paren(open);
        let before_title = src.first_indexed("space before quote", open + 1, spaces_before_quotes);
        let end = match (close, before_title) {
            (Some(close), Some(space)) if space < close => space + 1,
            (None, Some(space)) => space + 1,
            (Some(close), _) => close + 1,
            // Neither: kramdown reads to the last parenthesis, where no title can follow
            // (it would need a `)` after it).
            (None, None) => {
                self.spend(src.rest().len());
                return None;
            }
        };
        let text = &src.text()[open..end];
        let closed = close == Some(end - 1);
        let inner = if text.len() >= 2 {
            let mut chars = text.chars();
            chars.next();
            chars.next_back();
            chars.as_str().to_owned()
        } else {
            String::new()
        };
        src.set_pos(end);
        Some((inner.trim().to_owned(), closed))
    }

    fn add_link(
        &mut self,
        tree: &mut Element,
        mut el: Element,
        href: String,
        title: Option<String>,
        alt: &str,
        ial: Option<Ial>,
    ) {
        if let Some(ial) = &ial {
            let line = el.opts.location;
            self.update_attr_with_ial(&mut el.attr, ial, line);
        }
        if el.kind == Kind::A {
            el.attr.set("href", href);
        } else {
            el.attr.set("src", href);
            el.attr.set("alt", alt);
            el.children.clear();
        }
        if let Some(title) = title {
            el.attr.set("title", title);
        }
        tree.children.push(el);
    }

    fn parse_smart_quotes(&mut self, tree: &mut Element, src: &mut Scanner) {
        let line = src.current_line_number();
        // The rules look at most a few characters ahead, and not past the end of the line.
        let pos = src.pos();
        let mut end = (src.line_end() + 1).min(src.text().len()).min(pos + 32);
        while !src.text().is_char_boundary(end) {
            end -= 1;
        }
        match smart_quotes::apply(&src.text()[pos..end]) {
            Some((parts, len)) => {
                src.advance(len);
                for part in parts {
                    match part {
                        smart_quotes::Part::Text(text) => add_text(tree, &text, self.text_type),
                        smart_quotes::Part::Quote(name) => tree
                            .children
                            .push(Element::with_value(Kind::SmartQuote, name).at(line)),
                    }
                }
            }
            None => {
                let c = src.getch();
                add_text(tree, &c, self.text_type);
            }
        }
    }

    fn parse_span_extensions(&mut self, tree: &mut Element, src: &mut Scanner) {
        let line = src.current_line_number();
        // Both patterns end at the first `}` no backslash escapes (a long text full of `{:`
        // would otherwise be searched to its end at each one).
        let end = brace_end(src);
        if src.check_within(p::ext_span_start(), end).is_some() {
            self.parse_extension_start_tag(tree, src, true);
        } else if src.check_within(p::ial_span_start(), end).is_some() {
            let list = src.group(1).unwrap_or("").to_owned();
            let matched = src.matched().to_owned();
            match tree.children.last() {
                Some(last) if last.kind != Kind::Text && last.kind != Kind::RawText => {
                    src.advance(matched.len());
                    let mut ial = Ial::default();
                    self.parse_attribute_list(&list, &mut ial, line);
                    let mut last = tree.children.pop().expect("checked above");
                    self.update_attr_with_ial(&mut last.attr, &ial, line);
                    last.opts
                        .ial
                        .get_or_insert_with(Default::default)
                        .update(&ial);
                    tree.children.push(last);
                }
                _ => {
                    self.warn(line, WarningKind::AttributeListAfterText { text: matched });
                    let c = src.getch();
                    add_text(tree, &c, self.text_type);
                }
            }
        } else {
            // Only the start of the line: the message shows no more, and `{:` repeated on a
            // long line would otherwise keep a copy of the line per warning.
            let rest = &src.text()[src.pos()..src.line_end()];
            let text: String = rest.chars().take(40).collect();
            self.warn(line, WarningKind::UnclosedAttributeList { text });
            let c = src.getch();
            add_text(tree, &c, self.text_type);
        }
    }

    fn parse_html_entity(&mut self, tree: &mut Element, src: &mut Scanner) {
        let line = src.current_line_number();
        let matched = src.matched().to_owned();
        let value = if let Some(name) = src.group(1) {
            entities::named(name)
        } else if let Some(decimal) = src.group(2) {
            Some(decimal.parse::<u32>().map_or('\u{FFFD}', entities::numeric))
        } else {
            src.group(3)
                .map(|hex| u32::from_str_radix(hex, 16).map_or('\u{FFFD}', entities::numeric))
        };
        src.advance(matched.len());
        match value {
            Some(c) => {
                let mut el = Element::with_value(Kind::Entity, c.to_string()).at(line);
                el.opts.set_original(matched);
                tree.children.push(el);
            }
            None => add_text(tree, &matched, self.text_type),
        }
    }

    fn parse_typographic_syms(&mut self, tree: &mut Element, src: &mut Scanner) {
        let line = src.current_line_number();
        let matched = src.matched().to_owned();
        src.advance(matched.len());
        let name = match matched.as_str() {
            "---" => "mdash",
            "--" => "ndash",
            "..." => "hellip",
            "<< " => "laquo_space",
            " >>" => "raquo_space",
            "<<" => "laquo",
            ">>" => "raquo",
            escaped => {
                let c = if escaped.contains('<') { "<" } else { ">" };
                for _ in 0..2 {
                    tree.children
                        .push(Element::with_value(Kind::Entity, c).at(line));
                }
                return;
            }
        };
        tree.children
            .push(Element::with_value(Kind::TypographicSym, name).at(line));
    }

    fn parse_strikethrough(&mut self, tree: &mut Element, src: &mut Scanner) {
        let line = src.current_line_number();
        let matched = src.matched().to_owned();
        src.advance(matched.len());
        let mut el = Element::with_value(Kind::HtmlElement, "del").at(line);
        el.opts.span = true;
        let inner = matched[2..matched.len() - 2].to_owned();
        let mut inner_src = Scanner::new(inner, line);
        let saved_frames = std::mem::take(&mut self.frames);
        let saved_type = std::mem::replace(&mut self.text_type, Kind::Text);
        self.parse_spans(&mut el, &mut inner_src, Stop::None, None);
        self.text_type = saved_type;
        self.frames = saved_frames;
        tree.children.push(el);
    }
}

/// Where a strikethrough may close: each `~~` after a character that is neither white space nor
/// `~` (what the strikethrough pattern's last `[^\s~]~~` asks for).
fn strikethrough_closers(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    (1..bytes.len().saturating_sub(1))
        .filter(|&i| {
            bytes[i] == b'~'
                && bytes[i + 1] == b'~'
                && !matches!(
                    bytes[i - 1],
                    b' ' | b'\t' | b'\r' | b'\n' | 0x0B | 0x0C | b'~'
                )
        })
        .collect()
}

/// Every ASCII white space character followed by a quote: where kramdown stops reading a link's
/// URL because a title starts.
fn spaces_before_quotes(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(1))
        .filter(|&i| {
            matches!(bytes[i], b' ' | b'\t' | b'\r' | b'\n' | 0x0B | 0x0C)
                && matches!(bytes[i + 1], b'"' | b'\'')
        })
        .collect()
}

/// Where a link title that may start at the position would end (after its `)`), found by
/// index: the title pattern `\s*?(["'])(.+?)\1\s*?\)` ends at the first quote of the same kind,
/// at least two characters on, that white space and `)` follow.
fn link_title_end(src: &Scanner) -> Option<usize> {
    let rest = src.rest();
    let spaces = rest.len()
        - rest
            .trim_start_matches([' ', '\t', '\r', '\n', '\x0B', '\x0C'])
            .len();
    let quote_at = src.pos() + spaces;
    let (key, build): (&'static str, fn(&str) -> Vec<usize>) =
        match src.text().as_bytes().get(quote_at)? {
            b'"' => ("title end \"", |t| title_ends(t, b'"')),
            b'\'' => ("title end '", |t| title_ends(t, b'\'')),
            _ => return None,
        };
    let quote = src.first_indexed(key, quote_at + 2, build)?;
    let after = &src.text()[quote + 1..];
    let paren = after.find(')')?;
    Some(quote + 1 + paren + 1)
}

/// Every `quote` that only white space separates from a following `)`.
fn title_ends(text: &str, quote: u8) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut ends = Vec::new();
    for (i, &b) in bytes.iter().enumerate() {
        if b != quote {
            continue;
        }
        let next = bytes[i + 1..]
            .iter()
            .position(|b| !matches!(b, b' ' | b'\t' | b'\r' | b'\n' | 0x0B | 0x0C));
        if next.is_some_and(|n| bytes[i + 1 + n] == b')') {
            ends.push(i);
        }
    }
    ends
}

/// The end (after it) of the first `}` after the position that no backslash escapes: no
/// attribute list or extension tag starting at the position reaches past it. With only escaped
/// ones after the position, the end of the text.
pub(super) fn brace_end(src: &Scanner) -> usize {
    let unescaped = |text: &str| {
        let bytes = text.as_bytes();
        (0..bytes.len())
            .filter(|&i| bytes[i] == b'}' && (i == 0 || bytes[i - 1] != b'\\'))
            .collect()
    };
    match src.first_indexed("unescaped }", src.pos(), unescaped) {
        Some(brace) => brace + 1,
        None if src.next_of("}", src.pos()).is_some() => src.text().len(),
        None => src.pos(),
    }
}
