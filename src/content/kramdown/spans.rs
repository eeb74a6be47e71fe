//! The span parsers: kramdown's `parse_spans` loop, which jumps to the next place a span can
//! start (or the enclosing span can end), and the parsers it tries there.

use std::sync::Arc;

use super::element::{Element, Ial, Kind};
use super::entities;
use super::patterns as p;
use super::scanner::{Re, Scanner, re};
use super::{Parser, WarningKind, add_text, normalize_link_id};

/// The span parsers, in the order kramdown tries them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum SpanParser {
    Emphasis,
    Codespan,
    Autolink,
    SpanHtml,
    FootnoteMarker,
    Link,
    SmartQuotes,
    InlineMath,
    SpanExtensions,
    HtmlEntity,
    TypographicSyms,
    LineBreak,
    EscapedChars,
    Strikethrough,
}

impl SpanParser {
    /// What the parser may start with, for the pattern that finds the next span.
    fn span_start(self) -> &'static str {
        match self {
            Self::Emphasis => r"\*|_",
            Self::Codespan => "`",
            Self::Autolink | Self::SpanHtml => "<",
            Self::FootnoteMarker => r"\[",
            Self::Link => r"!?\[",
            Self::SmartQuotes => r#"[^\\]?["']"#,
            Self::InlineMath => r"\$",
            Self::SpanExtensions => r"\{:",
            Self::HtmlEntity => "&",
            Self::TypographicSyms => r"--|\.\.\.|(?:\\| )?(?:<<|>>)",
            Self::LineBreak => r"(?:  |\\\\)\n",
            Self::EscapedChars => r"\\",
            Self::Strikethrough => "~~",
        }
    }

    /// The pattern that must match at the position for the parser to run.
    fn start_re(self, gfm: bool) -> &'static Re {
        match self {
            Self::Emphasis => p::emphasis_start(),
            Self::Codespan => p::codespan_delimiter(),
            Self::Autolink => p::autolink_start(),
            Self::SpanHtml => p::html_span_start(),
            Self::FootnoteMarker => p::footnote_marker_start(),
            Self::Link => p::link_start(),
            Self::SmartQuotes => p::smart_quotes_start(),
            Self::InlineMath => p::inline_math_start(),
            Self::SpanExtensions => p::span_extensions_start(),
            Self::HtmlEntity => p::html_entity(),
            Self::TypographicSyms => p::typographic_syms(),
            Self::LineBreak => p::line_break(),
            Self::EscapedChars if gfm => p::escaped_chars_gfm(),
            Self::EscapedChars => p::escaped_chars(),
            Self::Strikethrough => p::strikethrough(),
        }
    }
}

/// Where the span being parsed ends.
pub(super) enum Stop {
    /// At the end of the text.
    None,
    /// At the first match of the pattern.
    At(Arc<Re>),
    /// At the closing delimiter of emphasis, under kramdown's conditions.
    Emphasis {
        re: Arc<Re>,
        delim: String,
        em: bool,
        underscore: bool,
    },
    /// At the bracket that closes a link's text, counting the brackets in between.
    LinkText { count: i32 },
}

impl Stop {
    fn pattern(&self) -> Option<&Re> {
        match self {
            Stop::None => None,
            Stop::At(re) | Stop::Emphasis { re, .. } => Some(re),
            Stop::LinkText { .. } => Some(p::link_bracket_stop()),
        }
    }

    /// Whether the stop pattern, which just matched at the position, ends the span.
    fn confirmed(&mut self, src: &Scanner, el: &Element) -> bool {
        match self {
            Stop::None => false,
            Stop::At(_) => true,
            Stop::Emphasis {
                delim,
                em,
                underscore,
                ..
            } => {
                let before = src.text()[..src.pos()].chars().next_back();
                let rest = src.rest();
                let doubled = format!("{delim}{delim}");
                let closes_strong = rest.starts_with(&doubled)
                    && !rest[doubled.len()..].starts_with(delim.as_str());
                let inside_word = rest[delim.len().min(rest.len())..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
                !before.is_some_and(is_ascii_space)
                    && (!*em || !closes_strong)
                    && (!*underscore || !inside_word)
                    && !el.children.is_empty()
            }
            Stop::LinkText { count } => {
                *count += if src.group(1).is_some() { -1 } else { 1 };
                let images = el.children.iter().filter(|c| c.kind == Kind::Img).count() as i32;
                *count - images == 0
            }
        }
    }
}

fn is_ascii_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0B' | '\x0C')
}

impl Parser {
    /// The span parsers in force for this document.
    pub(super) fn span_parsers(&self) -> Vec<SpanParser> {
        use SpanParser::*;
        let mut parsers = vec![
            Emphasis,
            Codespan,
            Autolink,
            SpanHtml,
            FootnoteMarker,
            Link,
            SmartQuotes,
            InlineMath,
            SpanExtensions,
            HtmlEntity,
            TypographicSyms,
            LineBreak,
            EscapedChars,
        ];
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
        let parsers: Vec<SpanParser> = match parsers {
            Some(parsers) => parsers.to_vec(),
            None => self.span_parsers(),
        };
        let starts: Vec<&str> = parsers.iter().map(|p| p.span_start()).collect();
        let starts = starts.join("|");
        let next = match stop.pattern() {
            Some(stop) => Re::cached(&format!("(?:{})|{starts}", stop.source())),
            None => Re::cached(&starts),
        };
        self.frames.push(el.kind);
        let mut found = false;
        while !src.eos() && !found {
            let Some(text) = src.skip_to(&next) else {
                if matches!(stop, Stop::None) {
                    let rest = src.rest().to_owned();
                    add_text(el, &rest, self.text_type);
                    src.terminate();
                }
                break;
            };
            add_text(el, &text, self.text_type);
            if let Some(pattern) = stop.pattern()
                && src.matches(pattern)
            {
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
        found
    }

    fn run_span_parser(
        &mut self,
        parsers: &[SpanParser],
        el: &mut Element,
        src: &mut Scanner,
    ) -> bool {
        for parser in parsers {
            if !src.matches(parser.start_re(self.gfm)) {
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
        let re = Re::cached(&p::fancy_escape(delim));
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
        match src.scan_until(&delimiter) {
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
        match self.footnotes.iter_mut().find(|f| f.name == name) {
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
        let mut el = Element::new(kind).at(line);
        if !self.parse_spans(&mut el, src, Stop::LinkText { count: 1 }, None) {
            src.set_pos(saved);
            add_text(tree, &result, self.text_type);
            return;
        }
        let alt_text = p::escaped_chars().replace_all(&src.text()[text_start..src.pos()], |c| {
            c.get(1).unwrap_or("").to_owned()
        });
        src.scan(p::link_bracket_stop());

        // A reference, or brackets with nothing after them.
        let explicit_id = src.matches(p::link_inline_id());
        if explicit_id || !src.rest().starts_with('(') {
            let id_text = if explicit_id {
                src.group(1).map(str::to_owned)
            } else {
                None
            };
            if explicit_id {
                src.advance(src.matched_size());
            }
            let id = normalize_link_id(id_text.as_deref().unwrap_or(&alt_text));
            match self.link_defs.get(&id).cloned() {
                Some(def) => {
                    let ial = def.serial.and_then(|s| self.eob_ials.get(&s).cloned());
                    self.add_link(tree, el, def.url, def.title, &alt_text, ial);
                }
                None => {
                    if id_text.is_some() {
                        self.warn(line, WarningKind::UndefinedLink { id });
                    }
                    src.set_pos(saved);
                    add_text(tree, &result, self.text_type);
                }
            }
            return;
        }

        // A URL in parentheses.
        let url;
        if src.matches(re!(r"\(<(.*?)>")) {
            url = src.group(1).unwrap_or("").to_owned();
            src.advance(src.matched_size());
            if src.scan(re!(r"\)")).is_some() {
                self.add_link(tree, el, url, None, &alt_text, None);
                return;
            }
        } else {
            let mut text = String::new();
            let mut brackets = 0;
            while let Some(piece) = src.scan_until(p::link_paren_stop()) {
                text.push_str(&piece);
                if src.group(2).is_some() {
                    brackets -= 1;
                    if brackets == 0 {
                        break;
                    }
                } else if src.group(1).is_some() {
                    brackets += 1;
                } else {
                    break;
                }
            }
            let inner = if text.len() >= 2 {
                let mut chars = text.chars();
                chars.next();
                chars.next_back();
                chars.as_str().to_owned()
            } else {
                String::new()
            };
            url = inner.trim().to_owned();
            if brackets == 0 {
                self.add_link(tree, el, url, None, &alt_text, None);
                return;
            }
        }
        if src.matches(p::link_inline_title()) {
            let title = src.group(2).map(str::to_owned);
            src.advance(src.matched_size());
            self.add_link(tree, el, url, title, &alt_text, None);
        } else {
            src.set_pos(saved);
            add_text(tree, &result, self.text_type);
        }
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
        const PUNCT: &str = r##"[!"#\$\%'()*+,\-.\/:;<=>?\@\[\\\]\^_`{|}~]"##;
        const CLOSE: &str = r"[^ \\\t\r\n\[{(-]";
        #[derive(Clone, Copy)]
        enum Part {
            Group(usize),
            Left(usize),
            Right(usize),
            Named(&'static str),
        }
        use Part::*;
        let rules: [(&Re, &[Part]); 10] = [
            (re!(r#"("|')(?=[_*]{1,2}\S)"#), &[Left(1)]),
            (re!(format!(r#"("|')(?={PUNCT}(?!\.\.)\B)"#)), &[Right(1)]),
            (
                re!(r#"(\s?)"'(?=\w)"#),
                &[Group(1), Named("ldquo"), Named("lsquo")],
            ),
            (
                re!(r#"(\s?)'"(?=\w)"#),
                &[Group(1), Named("lsquo"), Named("ldquo")],
            ),
            (re!(r"(\s?)'(?=\d\ds)"), &[Group(1), Named("rsquo")]),
            (re!(r#"(\s)('|")(?=\w)"#), &[Group(1), Left(2)]),
            (re!(format!(r#"({CLOSE})('|")"#)), &[Group(1), Right(2)]),
            (re!(r#"("|')(?=\s|s\b|$)"#), &[Right(1)]),
            (re!(r"(?s:(.?)')"), &[Group(1), Named("lsquo")]),
            (re!(r#"(?s:(.?)")"#), &[Group(1), Named("ldquo")]),
        ];
        let line = src.current_line_number();
        // The rules look at most a few characters ahead; matching them on the rest of the line
        // keeps each check short.
        let rest = src.rest();
        let window = &rest[..rest.find('\n').map_or(rest.len(), |i| i + 1)];
        for (rule, parts) in rules {
            let Some(caps) = rule.captures_at_start(window) else {
                continue;
            };
            let len = caps.range(0).len();
            let groups: Vec<String> = (0..3)
                .map(|i| caps.get(i).unwrap_or("").to_owned())
                .collect();
            src.advance(len);
            for part in parts {
                let quote = |i: usize, double: &'static str, single: &'static str| {
                    if groups[i] == "\"" { double } else { single }
                };
                let name = match *part {
                    Group(i) => {
                        add_text(tree, &groups[i], self.text_type);
                        continue;
                    }
                    Left(i) => quote(i, "ldquo", "lsquo"),
                    Right(i) => quote(i, "rdquo", "rsquo"),
                    Named(name) => name,
                };
                tree.children
                    .push(Element::with_value(Kind::SmartQuote, name).at(line));
            }
            return;
        }
        let c = src.getch();
        add_text(tree, &c, self.text_type);
    }

    fn parse_span_extensions(&mut self, tree: &mut Element, src: &mut Scanner) {
        let line = src.current_line_number();
        if src.matches(p::ext_span_start()) {
            self.parse_extension_start_tag(tree, src, true);
        } else if src.matches(p::ial_span_start()) {
            let list = src.group(1).unwrap_or("").to_owned();
            let matched = src.matched().to_owned();
            match tree.children.last() {
                Some(last) if last.kind != Kind::Text && last.kind != Kind::RawText => {
                    src.advance(matched.len());
                    let mut ial = Ial::default();
                    self.parse_attribute_list(&list, &mut ial, line);
                    let mut last = tree.children.pop().expect("checked above");
                    self.update_attr_with_ial(&mut last.attr, &ial, line);
                    last.opts.ial.get_or_insert_with(Ial::default).update(&ial);
                    tree.children.push(last);
                }
                _ => {
                    self.warn(line, WarningKind::AttributeListAfterText { text: matched });
                    let c = src.getch();
                    add_text(tree, &c, self.text_type);
                }
            }
        } else {
            let rest = src.rest();
            let text = rest[..rest.find('\n').unwrap_or(rest.len())].to_owned();
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
                el.opts.original = Some(matched);
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
