//! The block parsers: kramdown's `parse_blocks` loop and the parsers it tries at each line, in
//! kramdown's order. Lists, tables and HTML have modules of their own.

use super::element::{Element, EobKind, Ial, Kind};
use super::parser::{FootnoteDef, LinkDef, Parser, add_text, normalize_link_id};
use super::patterns as p;
use super::scanner::{Re, Scanner, re};
use super::warnings::{MAX_ABBREVIATIONS, WarningKind};
use crate::content::limits::MAX_NESTING;

/// What a block parser did at the current position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Step {
    /// Nothing: the next parser is tried.
    Skip,
    Done,
    /// The end tag of the enclosing HTML element: the blocks inside it are complete.
    Stop,
}

impl From<bool> for Step {
    fn from(done: bool) -> Self {
        if done { Step::Done } else { Step::Skip }
    }
}

impl Parser {
    /// Parses the blocks of `src` into `tree`. True when the end tag of the HTML element `tree`
    /// stands for ended them.
    pub(super) fn parse_blocks(&mut self, tree: &mut Element, src: &mut Scanner) -> bool {
        if self.depth > MAX_NESTING {
            self.too_deep(src.current_line_number());
            src.terminate();
            return false;
        }
        self.depth += 1;
        let found = self.parse_blocks_here(tree, src);
        self.depth -= 1;
        found
    }

    /// Parses `text`, the content of a block container that starts on `line`, into `el`, and
    /// returns the line after it. Content nested too deeply, or whose copies would take too
    /// much memory, is refused (see `MAX_NESTING`).
    pub(super) fn parse_nested_blocks(
        &mut self,
        el: &mut Element,
        text: String,
        line: usize,
    ) -> usize {
        let len = text.len();
        if self.depth > MAX_NESTING || self.nested_bytes + len > self.nested_budget {
            self.too_deep(line);
            return line + text.bytes().filter(|&b| b == b'\n').count();
        }
        self.nested_bytes += len;
        let mut inner = Scanner::new(text, line);
        self.parse_blocks(el, &mut inner);
        self.nested_bytes -= len;
        inner.current_line_number()
    }

    fn parse_blocks_here(&mut self, tree: &mut Element, src: &mut Scanner) -> bool {
        let saved_ial = self.block_ial.take();
        let mut found = false;
        while !src.eos() {
            let before = src.pos();
            let step = self.parse_block(tree, src);
            if step == Step::Stop {
                found = true;
                break;
            }
            if step == Step::Skip || src.pos() == before {
                // No parser took the line (kramdown cannot get here either): keep it as text.
                let line = src.scan(re!(r".*\n?")).unwrap_or_default();
                if line.is_empty() {
                    src.getch();
                }
                add_text(tree, &line, self.text_type);
            }
        }
        if self.block_ial.take().is_some() {
            self.warn(self.block_ial_line, WarningKind::UnusedAttributeList);
        }
        self.block_ial = saved_ial;
        found
    }

    fn parse_block(&mut self, tree: &mut Element, src: &mut Scanner) -> Step {
        let gfm = self.gfm;
        let gfm_paragraph_end = gfm && self.options.quirk("paragraph_end");
        if src.matches(p::blank_line()) {
            return self.parse_blank_line(tree, src).into();
        }
        if src.matches(p::indent()) && self.parse_codeblock(tree, src) {
            return Step::Done;
        }
        let fence = if gfm {
            p::gfm_fenced_codeblock_start()
        } else {
            p::fenced_codeblock_start()
        };
        if src.matches(fence) && self.parse_codeblock_fenced(tree, src) {
            return Step::Done;
        }
        if src.matches(p::blockquote_start()) {
            return self.parse_blockquote(tree, src).into();
        }
        let atx = if gfm {
            p::gfm_atx_header_start()
        } else {
            p::atx_header_start()
        };
        if src.matches(atx) && self.parse_atx_header(tree, src, gfm_paragraph_end) {
            return Step::Done;
        }
        if src.matches(p::hr_start()) {
            return self.parse_horizontal_rule(tree, src).into();
        }
        if src.matches(p::list_start()) && self.parse_list(tree, src) {
            return Step::Done;
        }
        if src.matches(p::definition_list_start()) && self.parse_definition_list(tree, src) {
            return Step::Done;
        }
        if src.matches(p::html_block_start()) {
            match self.parse_block_html(tree, src) {
                Step::Skip => {}
                step => return step,
            }
        }
        if src.matches(p::setext_header_start()) && self.parse_setext_header(tree, src) {
            return Step::Done;
        }
        if src.matches(p::block_math_start()) && self.parse_block_math(tree, src) {
            return Step::Done;
        }
        if src.matches(p::table_start()) && self.parse_table(tree, src) {
            return Step::Done;
        }
        if src.matches(p::footnote_definition_start()) && self.parse_footnote_definition(tree, src)
        {
            return Step::Done;
        }
        if src.matches(p::link_definition_start()) && self.parse_link_definition(tree, src) {
            return Step::Done;
        }
        if src.matches(p::abbrev_definition_start()) {
            return self.parse_abbrev_definition(tree, src).into();
        }
        if src.matches(p::block_extensions_start()) && self.parse_block_extensions(tree, src) {
            return Step::Done;
        }
        if src.matches(p::eob_marker()) {
            src.advance(src.matched_size());
            let mut eob = self.new_block_el(Kind::Eob, src.current_line_number());
            eob.opts.eob = Some(EobKind::Marker);
            tree.children.push(eob);
            return Step::Done;
        }
        if src.matches(p::paragraph_start()) {
            return self.parse_paragraph(tree, src, gfm_paragraph_end).into();
        }
        Step::Skip
    }

    /// kramdown's `after_block_boundary?`: whether a block that must follow a boundary may start.
    pub(super) fn after_block_boundary(&self, tree: &Element) -> bool {
        match tree.children.last() {
            None => true,
            Some(last) => {
                last.kind == Kind::Blank
                    || (last.kind == Kind::Eob && last.opts.eob == Some(EobKind::Marker))
                    || self.block_ial.is_some()
            }
        }
    }

    fn parse_blank_line(&mut self, tree: &mut Element, src: &mut Scanner) -> bool {
        let line = src.current_line_number();
        let matched = src.matched().to_owned();
        src.advance(matched.len());
        match tree.children.last_mut() {
            Some(last) if last.kind == Kind::Blank => last.value.push_str(&matched),
            _ => {
                let mut blank = self.new_block_el(Kind::Blank, line);
                blank.value = matched;
                tree.children.push(blank);
            }
        }
        true
    }

    fn parse_paragraph(&mut self, tree: &mut Element, src: &mut Scanner, gfm_end: bool) -> bool {
        let start = src.pos();
        let line = src.current_line_number();
        let mut result = src.scan(p::paragraph_match()).unwrap_or_default();
        loop {
            let rest = src.rest();
            let at_end = if gfm_end {
                p::at_paragraph_end_gfm(rest)
            } else {
                p::at_paragraph_end(rest)
            };
            if at_end {
                break;
            }
            match src.scan(p::paragraph_match()) {
                Some(more) => result.push_str(&more),
                None => break,
            }
        }
        let result = result.trim_end();
        let text_type = self.text_type;
        if let Some(last) = tree.children.last_mut()
            && last.kind == Kind::P
        {
            match last.children.last_mut() {
                Some(text) if text.kind == text_type => {
                    let hard_break = src.text().as_bytes()[..start].ends_with(b"  \n");
                    text.value.push_str(if hard_break { "  \n" } else { "\n" });
                    text.value.push_str(result);
                }
                _ => add_text(last, result, text_type),
            }
        } else {
            let mut para = self.new_block_el(Kind::P, line);
            add_text(&mut para, result.trim_start(), text_type);
            tree.children.push(para);
        }
        true
    }

    fn parse_codeblock(&mut self, tree: &mut Element, src: &mut Scanner) -> bool {
        let len = p::codeblock_len(src.rest());
        if len == 0 {
            return false;
        }
        let line = src.current_line_number();
        let data = src.rest()[..len].to_owned();
        src.advance(len);
        let joined =
            re!(r"\n( {0,3}\S)").replace_all(&data, |c| format!(" {}", c.get(1).unwrap_or("")));
        let data = p::indent().replace_all(&joined, |_| String::new());
        let mut el = self.new_block_el(Kind::Codeblock, line);
        el.value = data;
        tree.children.push(el);
        true
    }

    /// The end of the line that closes the fenced code block opening at the position: the first
    /// later line of the same fence character, at least as many of them, and nothing else (GFM
    /// allows three spaces before it). The fence pattern reads up to that line, lazily; found by
    /// index instead, so that a long text of fences that never close is not read to its end at
    /// each one. A search that finds nothing is remembered: a later fence of the same character
    /// and at least the same length finds nothing either.
    fn closing_fence_end(&mut self, src: &Scanner) -> Option<usize> {
        let rest = src.rest();
        let indent = if self.gfm {
            rest.len() - rest.trim_start_matches(' ').len()
        } else {
            0
        };
        let mark = *rest.as_bytes().get(indent)?;
        let run = rest[indent..].bytes().take_while(|&b| b == mark).count();
        if !matches!(mark, b'`' | b'~') || run < 3 {
            return None;
        }
        let key = (src.id(), usize::from(mark) << 1 | usize::from(self.gfm));
        let remembered = self.fence_searches.get(&key).copied();
        if remembered.is_some_and(|(from, shortest)| src.pos() >= from && run >= shortest) {
            return None;
        }
        let gfm = self.gfm;
        let closes = |text: &str, at: usize| {
            let line = &text[at..text[at..].find('\n').map_or(text.len(), |i| at + i)];
            let spaces = line.len() - line.trim_start_matches(' ').len();
            let marks = line[spaces..].bytes().take_while(|&b| b == mark).count();
            (spaces == 0 || (gfm && spaces <= 3))
                && marks >= run
                && line[spaces + marks..]
                    .bytes()
                    .all(|b| matches!(b, b' ' | b'\t' | b'\r' | 0x0B | 0x0C))
        };
        let key_name = if mark == b'`' {
            "fence lines `"
        } else {
            "fence lines ~"
        };
        let candidates = src.indexed(key_name, src.line_end() + 1, |text| fence_lines(text, mark));
        for at in candidates {
            if closes(src.text(), at) {
                return Some(
                    src.text()[at..]
                        .find('\n')
                        .map_or(src.text().len(), |i| at + i + 1),
                );
            }
        }
        let least = match remembered {
            Some((from, shortest)) if from <= src.pos() => shortest.min(run),
            _ => run,
        };
        self.fence_searches.insert(key, (src.pos(), least));
        None
    }

    fn parse_codeblock_fenced(&mut self, tree: &mut Element, src: &mut Scanner) -> bool {
        let fence = if self.gfm {
            p::gfm_fenced_codeblock_match()
        } else {
            p::fenced_codeblock_match()
        };
        let Some(end) = self.closing_fence_end(src) else {
            return false;
        };
        let Some(len) = src.check_within(fence, end) else {
            return false;
        };
        let line = src.current_line_number();
        let body = src.group(5).unwrap_or("").to_owned();
        let lang = src.group(3).unwrap_or("").trim().to_owned();
        let class = src.group(4).map(|l| format!("language-{l}"));
        src.advance(len);
        let mut el = self.new_block_el(Kind::Codeblock, line);
        el.value = body;
        if !lang.is_empty() {
            el.opts.set_lang(lang);
            if let Some(class) = class {
                el.attr.set("class", class);
            }
        }
        tree.children.push(el);
        true
    }

    fn parse_blockquote(&mut self, tree: &mut Element, src: &mut Scanner) -> bool {
        let line = src.current_line_number();
        let mut result = src.scan(p::paragraph_match()).unwrap_or_default();
        while !p::at_lazy_end(src.rest()) {
            match src.scan(p::paragraph_match()) {
                Some(more) => result.push_str(&more),
                None => break,
            }
        }
        let content = p::blockquote_start().replace_all(&result, |_| String::new());
        let mut el = self.new_block_el(Kind::Blockquote, line);
        self.parse_nested_blocks(&mut el, content, line);
        tree.children.push(el);
        true
    }

    /// The text and `{#id}` of a header from the last match's `contents` group.
    fn header_contents(src: &Scanner) -> (String, Option<String>) {
        let mut text = src.named("contents").unwrap_or("").trim_end().to_owned();
        let mut id = None;
        if let Some(caps) = p::header_id().captures(&text) {
            id = caps.name("id").map(str::to_owned);
            let cut = caps.range(0).start;
            text.truncate(cut);
            text.truncate(text.trim_end().len());
        }
        (text, id)
    }

    fn parse_atx_header(&mut self, tree: &mut Element, src: &mut Scanner, gfm_quirk: bool) -> bool {
        if !gfm_quirk && !self.after_block_boundary(tree) {
            return false;
        }
        let level = src.named("level").map_or(1, str::len) as u8;
        let len = src.matched_size();
        let (mut text, id) = Self::header_contents(src);
        let closing = if gfm_quirk {
            re!(r"[\t ]#+\z")
        } else {
            re!(r"(?<!\\)#+\z")
        };
        if let Some(caps) = closing.captures(&text) {
            let cut = caps.range(0).start;
            text.truncate(cut);
            text.truncate(text.trim_end().len());
        }
        if text.is_empty() {
            return false;
        }
        self.add_header(tree, src, len, level, text, id);
        true
    }

    fn parse_setext_header(&mut self, tree: &mut Element, src: &mut Scanner) -> bool {
        if !self.after_block_boundary(tree) {
            return false;
        }
        let level = if src.named("level") == Some("-") {
            2
        } else {
            1
        };
        let len = src.matched_size();
        let (text, id) = Self::header_contents(src);
        self.add_header(tree, src, len, level, text, id);
        true
    }

    fn add_header(
        &mut self,
        tree: &mut Element,
        src: &mut Scanner,
        len: usize,
        level: u8,
        text: String,
        id: Option<String>,
    ) {
        let line = src.current_line_number();
        src.advance(len);
        let mut el = self.new_block_el(Kind::Header, line);
        el.opts.level = level;
        el.opts.set_raw_text(text.clone());
        add_text(&mut el, &text, self.text_type);
        if let Some(id) = id {
            el.attr.set("id", id);
        }
        tree.children.push(el);
    }

    fn parse_horizontal_rule(&mut self, tree: &mut Element, src: &mut Scanner) -> bool {
        let line = src.current_line_number();
        src.advance(src.matched_size());
        let el = self.new_block_el(Kind::Hr, line);
        tree.children.push(el);
        true
    }

    /// `$$ ... $$` standing alone between block boundaries (`\$$` keeps it as text).
    fn parse_block_math(&mut self, tree: &mut Element, src: &mut Scanner) -> bool {
        if !self.after_block_boundary(tree) {
            return false;
        }
        if src.group(1).is_some() {
            if src.group(3).is_some() {
                src.scan(re!(format!(r"^{}\\", p::OPT_SPACE)));
            }
            return false;
        }
        let line = src.current_line_number();
        let start = src.pos();
        let data = src.group(2).unwrap_or("").trim().to_owned();
        src.advance(src.matched_size());
        if !p::at_block_boundary(src.rest()) {
            src.set_pos(start);
            return false;
        }
        let mut math = self.new_block_el(Kind::Math, line);
        math.value = data;
        tree.children.push(math);
        true
    }

    fn parse_link_definition(&mut self, tree: &mut Element, src: &mut Scanner) -> bool {
        if !src.matches(p::link_definition()) {
            return false;
        }
        if src
            .group(3)
            .is_some_and(|url| re!(r#"[ \t]+["']"#).is_match(url))
        {
            return false;
        }
        let line = src.current_line_number();
        let id = normalize_link_id(src.group(1).unwrap_or(""));
        let url = src.group(2).or(src.group(3)).unwrap_or("").to_owned();
        let title = src.group(5).map(str::to_owned);
        src.advance(src.matched_size());
        if self.link_defs.contains_key(&id) {
            self.warn(
                line,
                WarningKind::DuplicateLinkDefinition { id: id.clone() },
            );
        }
        let serial = self.serial();
        let mut eob = self.new_block_el(Kind::Eob, line);
        eob.opts.eob = Some(EobKind::LinkDef);
        eob.opts.serial = serial;
        tree.children.push(eob);
        self.link_defs.insert(
            id,
            LinkDef {
                url,
                title,
                serial: Some(serial),
            },
        );
        true
    }

    fn parse_abbrev_definition(&mut self, tree: &mut Element, src: &mut Scanner) -> bool {
        let line = src.current_line_number();
        let name = src.group(1).unwrap_or("").to_owned();
        let text = src.group(2).unwrap_or("").trim().to_owned();
        src.advance(src.matched_size());
        if self.abbreviation_names.len() >= MAX_ABBREVIATIONS
            && !self.abbreviation_names.contains(&name)
        {
            self.warn(line, WarningKind::TooManyAbbreviations);
            return true;
        }
        if !self.abbreviation_names.insert(name.clone()) {
            self.warn(
                line,
                WarningKind::DuplicateAbbreviation { name: name.clone() },
            );
            self.abbreviations.retain(|(n, ..)| *n != name);
        }
        let serial = self.serial();
        let mut eob = self.new_block_el(Kind::Eob, line);
        eob.opts.eob = Some(EobKind::AbbrevDef);
        eob.opts.serial = serial;
        tree.children.push(eob);
        self.abbreviations.push((name, text, serial, line));
        true
    }

    fn parse_footnote_definition(&mut self, tree: &mut Element, src: &mut Scanner) -> bool {
        let line = src.current_line_number();
        let name = src.group(1).unwrap_or("").to_owned();
        let first = src.group(2).unwrap_or("").to_owned();
        src.advance(src.matched_size());
        let len = p::codeblock_len(src.rest());
        let mut data = first;
        data.push_str(&src.rest()[..len]);
        src.advance(len);
        let data = p::indent().replace_all(&data, |_| String::new());
        let mut content = Element::new(Kind::Root).at(line);
        self.parse_nested_blocks(&mut content, data, line);
        let serial = self.serial();
        let mut eob = self.new_block_el(Kind::Eob, line);
        eob.opts.eob = Some(EobKind::FootnoteDef);
        eob.opts.serial = serial;
        tree.children.push(eob);
        let def = FootnoteDef {
            name: name.clone(),
            content,
            eob_serial: Some(serial),
            referenced: false,
        };
        // A second definition replaces the first, in its place (as a Ruby hash does).
        match self.footnote_index.get(&name) {
            Some(&i) => {
                self.warn(line, WarningKind::DuplicateFootnote { name });
                self.footnotes[i] = def;
            }
            None => {
                self.footnote_index.insert(name, self.footnotes.len());
                self.footnotes.push(def);
            }
        }
        true
    }

    fn parse_block_extensions(&mut self, tree: &mut Element, src: &mut Scanner) -> bool {
        let line = src.current_line_number();
        if src.matches(p::ald_start()) {
            let name = src.group(1).unwrap_or("").to_owned();
            let list = src.group(2).unwrap_or("").to_owned();
            src.advance(src.matched_size());
            let mut ald = self.alds.remove(&name).unwrap_or_default();
            self.parse_attribute_list(&list, &mut ald, line);
            self.alds.insert(name, ald);
            let mut eob = self.new_block_el(Kind::Eob, line);
            eob.opts.eob = Some(EobKind::Ald);
            tree.children.push(eob);
            true
        } else if src.matches(p::ext_block_start()) {
            self.parse_extension_start_tag(tree, src, false)
        } else if src.matches(p::ial_block_start()) {
            let list = src.group(1).unwrap_or("").to_owned();
            src.advance(src.matched_size());
            let attaches = tree.children.last().is_some_and(|last| {
                last.kind != Kind::Blank
                    && (last.kind != Kind::Eob
                        || matches!(
                            last.opts.eob,
                            Some(EobKind::LinkDef | EobKind::FootnoteDef | EobKind::AbbrevDef)
                        ))
            });
            if attaches {
                let mut ial = Ial::default();
                self.parse_attribute_list(&list, &mut ial, line);
                let last = tree.children.last_mut().expect("checked above");
                last.opts
                    .ial
                    .get_or_insert_with(Default::default)
                    .update(&ial);
                if !src.matches(p::ial_block_start()) {
                    let mut eob = self.new_block_el(Kind::Eob, line);
                    eob.opts.eob = Some(EobKind::Ial);
                    tree.children.push(eob);
                }
            } else {
                let mut ial = self.block_ial.take().unwrap_or_default();
                self.parse_attribute_list(&list, &mut ial, line);
                self.block_ial = Some(ial);
                self.block_ial_line = line;
            }
            true
        } else {
            false
        }
    }

    /// `{::name ...}` (with its body up to `{:/name}`, unless it closes itself), as a block or
    /// inside a paragraph. False, with a warning, for what kramdown would not take either.
    pub(super) fn parse_extension_start_tag(
        &mut self,
        tree: &mut Element,
        src: &mut Scanner,
        span: bool,
    ) -> bool {
        let saved = src.pos();
        let line = src.current_line_number();
        let matched = src.matched().to_owned();
        let stop_name = src.group(4).map(str::to_owned);
        let name = src.group(1).unwrap_or("").to_owned();
        let attrs = src.group(2).unwrap_or("").to_owned();
        let self_closing = src.group(3).is_some();
        src.advance(matched.len());
        let fail = |parser: &mut Parser, tree: &mut Element, src: &mut Scanner| {
            parser.warn(
                line,
                WarningKind::InvalidExtension {
                    text: matched.trim_end().to_owned(),
                },
            );
            src.set_pos(saved);
            if span {
                let c = src.getch();
                add_text(tree, &c, parser.text_type);
            }
            false
        };
        if stop_name.is_some() || matched.trim() == "{:/}" {
            return fail(self, tree, src);
        }
        let mut opts = Ial::default();
        self.parse_attribute_list(&attrs, &mut opts, line);
        let mut body = None;
        if !self_closing {
            let stop: std::sync::Arc<Re> = Re::cached(&if span {
                p::ext_span_stop(&name)
            } else {
                p::ext_block_stop(&name)
            });
            match self.skip_to_remembered(src, &stop) {
                Some(text) => {
                    src.advance(src.matched_size());
                    let text = if span {
                        text
                    } else {
                        text.strip_suffix('\n').map(str::to_owned).unwrap_or(text)
                    };
                    body = Some(text);
                }
                None => return fail(self, tree, src),
            }
        }
        match name.as_str() {
            "comment" => {
                if let Some(body) = body {
                    let mut el = Element::with_value(Kind::Comment, body).at(line);
                    el.opts.span = span;
                    tree.children.push(el);
                }
                true
            }
            "nomarkdown" => {
                if let Some(body) = body {
                    let mut el = Element::with_value(Kind::Raw, body).at(line);
                    el.opts.span = span;
                    el.opts.set_raw_type(
                        opts.attrs
                            .get("type")
                            .unwrap_or("")
                            .split_whitespace()
                            .map(str::to_owned)
                            .collect(),
                    );
                    tree.children.push(el);
                }
                true
            }
            "options" => {
                // Per-document option changes are not honoured: the site renders every page with
                // the same options, so each one is reported instead of silently ignored.
                for (key, _) in &opts.attrs.0 {
                    self.warn(line, WarningKind::UnknownOption { name: key.clone() });
                }
                if !span {
                    let mut eob = self.new_block_el(Kind::Eob, line);
                    eob.opts.eob = Some(EobKind::Extension);
                    tree.children.push(eob);
                }
                true
            }
            _ => fail(self, tree, src),
        }
    }
}

/// The start of every line that could close a fence of `mark`: three of them or more after at
/// most three spaces.
fn fence_lines(text: &str, mark: u8) -> Vec<usize> {
    let mut lines = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start_matches(' ');
        if line.len() - trimmed.len() <= 3
            && trimmed.bytes().take_while(|&b| b == mark).count() >= 3
        {
            lines.push(at);
        }
        at += line.len();
    }
    lines
}
