//! Lists: kramdown's `parse_list`, with its rules for lazy lines, nested lists, tight items
//! (whose first paragraph is drawn without `<p>`) and attribute lists at the start of an item,
//! and the GFM parser's task lists.

use super::element::{Element, Ial, Kind};
use super::parser::Parser;
use super::patterns as p;
use super::scanner::{Re, Scanner, re};

impl Parser {
    /// Takes an attribute list written at the start of an item (`* {:.done} text`) off `text`.
    fn take_item_ial(&mut self, text: &mut String, line: usize) -> Option<Ial> {
        let caps = p::list_item_ial().captures(text)?;
        if caps.range(0).start != 0 {
            return None;
        }
        let list = caps.get(1).unwrap_or("").to_owned();
        let end = caps.range(0).end;
        let mut ial = Ial::default();
        self.parse_attribute_list(&list, &mut ial, line);
        text.replace_range(..end, "");
        Some(ial)
    }

    pub(super) fn parse_list(&mut self, tree: &mut Element, src: &mut Scanner) -> bool {
        let line = src.current_line_number();
        let ordered = !src.matches(p::list_start_ul());
        let kind = if ordered { Kind::Ol } else { Kind::Ul };
        let mut list = self.new_block_el(kind, line);
        let (items, eob_found) = self.list_items(src, ordered);
        let trailing_blank = self.parse_list_items(&mut list, items, eob_found);
        if self.gfm {
            mark_task_list(&mut list);
        }
        tree.children.push(list);
        if let Some(blank) = trailing_blank
            && !eob_found
        {
            tree.children.push(blank);
        }
        true
    }

    /// The items of the list at `src`, each with the chunks of text its blocks are parsed from,
    /// and whether the list ended at an end-of-block marker.
    fn list_items(
        &mut self,
        src: &mut Scanner,
        ordered: bool,
    ) -> (Vec<(Element, Vec<String>)>, bool) {
        let marker = if ordered { p::OL_MARKER } else { p::UL_MARKER };
        let mut list_start = Re::cached(if ordered {
            p::list_start_ol().source()
        } else {
            p::list_start_ul().source()
        });
        // Each item with the chunks of text its blocks are parsed from.
        let mut items: Vec<(Element, Vec<String>)> = Vec::new();
        let mut content_re: Option<std::sync::Arc<Re>> = None;
        let mut indent_re: Option<std::sync::Arc<Re>> = None;
        let mut indentation = 0;
        let mut eob_found = false;
        let mut nested_list_found = false;
        let mut last_is_blank = false;
        while !src.eos() {
            let item_line = src.current_line_number();
            if last_is_blank && src.matches(p::hr_start()) {
                break;
            } else if src.scan(p::eob_marker()).is_some() {
                eob_found = true;
                break;
            } else if src.matches(&list_start) {
                let marker_len = src.group(1).map_or(0, str::len);
                let content = src.group(2).unwrap_or("").to_owned();
                src.advance(src.matched_size());
                let mut item = Element::new(Kind::Li).at(item_line);
                let (mut value, item_indentation) = first_list_line(marker_len, content);
                indentation = item_indentation;
                let (content_src, indent_src) = p::list_item_patterns(indentation);
                content_re = Some(Re::cached(&content_src));
                indent_re = Some(Re::cached(&indent_src));
                item.opts.ial = self.take_item_ial(&mut value, item_line).map(Box::new);
                list_start = Re::cached(&p::next_item(marker, indentation));
                nested_list_found = p::list_start().is_match(&value);
                last_is_blank = false;
                items.push((item, vec![value]));
            } else if let Some(mut result) =
                continuation_line(src, content_re.as_deref(), indentation, last_is_blank)
            {
                let Some((_, chunks)) = items.last_mut() else {
                    break;
                };
                let tabs = result.len() - result.trim_start_matches('\t').len();
                if tabs > 0 {
                    result.replace_range(..tabs, &" ".repeat(4 * tabs));
                }
                let indent_len = indent_re
                    .as_ref()
                    .and_then(|re| re.match_len_at_start(&result));
                if let Some(n) = indent_len {
                    result.replace_range(..n, "");
                }
                let starts_list = p::list_start().is_match(&result);
                if !nested_list_found && indent_len.is_some() && starts_list {
                    chunks.push(String::new());
                    nested_list_found = true;
                } else if nested_list_found && indent_len.is_none() && starts_list {
                    result.insert_str(0, &" ".repeat(indentation + 4));
                }
                chunks
                    .last_mut()
                    .expect("an item has a chunk")
                    .push_str(&result);
                last_is_blank = false;
            } else if let Some(result) = src.scan(p::blank_line()) {
                let Some((_, chunks)) = items.last_mut() else {
                    break;
                };
                nested_list_found = true;
                last_is_blank = true;
                chunks
                    .last_mut()
                    .expect("an item has a chunk")
                    .push_str(&result);
            } else {
                break;
            }
        }

        (items, eob_found)
    }

    /// Parses each item's chunks into its blocks. A tight item's first paragraph is drawn
    /// without `<p>` (transparent), as kramdown decides it from the items around it. Returns the
    /// blank line after the last item, which belongs after the list.
    fn parse_list_items(
        &mut self,
        list: &mut Element,
        items: Vec<(Element, Vec<String>)>,
        eob_found: bool,
    ) -> Option<Element> {
        let count = items.len();
        let mut trailing_blank = None;
        let mut firsts: Vec<(bool, bool)> = Vec::new(); // (first child is p, that p is transparent)
        for (index, (mut item, chunks)) in items.into_iter().enumerate() {
            let mut temp = Element::new(Kind::Temp).at(item.opts.location);
            let mut location = item.opts.location;
            let saved_ial = self.block_ial.take();
            for chunk in chunks {
                location = self.parse_nested_blocks(&mut temp, chunk, location);
            }
            self.block_ial = saved_ial;
            let mut children = temp.children;
            if children.is_empty() {
                firsts.push((false, false));
                list.children.push(item);
                continue;
            }
            // An end-of-block element put after the first paragraph by its attribute list.
            if children[0].kind == Kind::P
                && children.len() >= 2
                && children[1].kind == Kind::Eob
                && children[0].opts.ial.is_some()
            {
                children.remove(1);
            }
            let is_last = index + 1 == count;
            let tight = children.len() < 2
                || children[1].kind != Kind::Blank
                || (is_last && children.len() == 2 && !eob_found);
            let others_allow = !is_last
                || count == 1
                || firsts
                    .iter()
                    .any(|(is_p, transparent)| !is_p || *transparent);
            if children[0].kind == Kind::P && tight && others_allow {
                if children.len() > 1
                    && children[1].kind != Kind::Blank
                    && let Some(text) = children[0].children.first_mut()
                {
                    text.value.push('\n');
                }
                children[0].opts.transparent = true;
            }
            firsts.push((children[0].kind == Kind::P, children[0].opts.transparent));
            trailing_blank = if children.last().is_some_and(|c| c.kind == Kind::Blank) {
                children.pop()
            } else {
                None
            };
            item.children = children;
            list.children.push(item);
        }
        trailing_blank
    }
}

/// The next line of an item: one indented as its content is, or (unless a blank line came
/// before) a lazy line that continues its paragraph.
fn continuation_line(
    src: &mut Scanner,
    content: Option<&Re>,
    indentation: usize,
    after_blank: bool,
) -> Option<String> {
    if let Some(line) = content.and_then(|re| src.scan(re)) {
        return Some(line);
    }
    if after_blank {
        return None;
    }
    let len = p::lazy_line_len(src.rest(), indentation)?;
    let line = src.rest()[..len].to_owned();
    src.advance(len);
    Some(line)
}

/// The first line of an item with its marker removed, and the column its content starts at.
fn first_list_line(marker_len: usize, mut content: String) -> (String, usize) {
    let mut indentation = marker_len;
    if p::list_item_ial_check().find_at_start(&content) {
        indentation = 4;
    } else {
        // Tabs after the marker count to the next multiple of four columns.
        while let Some(caps) = re!(r"^( *)(\t+)").captures(&content) {
            let spaces = caps.get(1).unwrap_or("").len();
            let tabs = caps.get(2).unwrap_or("").len();
            let column = spaces + indentation;
            let width = 4 - (column % 4) + (tabs - 1) * 4;
            let end = caps.range(0).end;
            content.replace_range(spaces..end, &" ".repeat(width));
        }
        indentation += content.len() - content.trim_start_matches(' ').len();
    }
    let trimmed = content
        .trim_start_matches([' ', '\t', '\n', '\r', '\x0B', '\x0C'])
        .to_owned();
    (trimmed, indentation)
}

/// GFM task lists: items whose text starts with `[ ]` or `[x]` get a disabled checkbox.
fn mark_task_list(list: &mut Element) {
    const UNCHECKED: &str =
        r#"<input type="checkbox" class="task-list-item-checkbox" disabled="disabled" />"#;
    const CHECKED: &str = r#"<input type="checkbox" class="task-list-item-checkbox" disabled="disabled" checked="checked" />"#;
    let mut is_task_list = false;
    for item in &mut list.children {
        let Some(text) = item
            .children
            .first_mut()
            .filter(|first| first.kind == Kind::P)
            .and_then(|para| para.children.first_mut())
        else {
            continue;
        };
        let mut replaced = false;
        if let Some(done) =
            re!(r"\A\s*\[ \]\s+").replace_first(&text.value, |_| UNCHECKED.to_owned())
        {
            text.value = done;
            replaced = true;
        }
        if let Some(done) =
            re!(r"(?i)\A\s*\[x\]\s+").replace_first(&text.value, |_| CHECKED.to_owned())
        {
            text.value = done;
            replaced = true;
        }
        is_task_list |= replaced;
        if is_task_list {
            item.attr.set("class", "task-list-item");
        }
    }
    if is_task_list {
        list.attr.set("class", "task-list");
    }
}

impl Parser {
    /// A definition list: the paragraph just before (one term a line), then `: definition`
    /// items, which continue as list items do.
    pub(super) fn parse_definition_list(&mut self, tree: &mut Element, src: &mut Scanner) -> bool {
        let children = &tree.children;
        let kind_at = |back: usize| children.len().checked_sub(back).map(|i| children[i].kind);
        let after_para = match children.len() {
            0 => false,
            1 => kind_at(1) == Some(Kind::P),
            _ => {
                kind_at(1) == Some(Kind::P)
                    || (kind_at(1) == Some(Kind::Blank)
                        && children[children.len() - 1].value == "\n"
                        && kind_at(2) == Some(Kind::P))
            }
        };
        if !after_para {
            return false;
        }
        let mut first_as_para = false;
        let mut para = tree.children.pop().expect("checked above");
        if para.kind == Kind::Blank {
            para = tree.children.pop().expect("checked above");
            first_as_para = true;
        }
        let mut list = self.new_block_el(Kind::Dl, para.opts.location);
        list.opts.ial = para.opts.ial.take();
        let terms = para
            .children
            .first()
            .map(|t| t.value.clone())
            .unwrap_or_default();
        for (offset, term) in terms.split('\n').enumerate() {
            let line = para.opts.location + offset;
            let mut dt = Element::new(Kind::Dt).at(line);
            let mut term = term.to_owned();
            dt.opts.ial = self.take_item_ial(&mut term, line).map(Box::new);
            dt.opts.set_raw_text(term.clone());
            dt.children
                .push(Element::with_value(self.text_type, term).at(line));
            list.children.push(dt);
        }

        let definitions = self.definitions(src, first_as_para);
        let trailing_blank = self.parse_definitions(&mut list, definitions);

        // A definition list right after another (or a blank line after it) continues it.
        let count = tree.children.len();
        if count >= 1 && tree.children[count - 1].kind == Kind::Dl {
            tree.children[count - 1].children.append(&mut list.children);
        } else if count >= 2
            && tree.children[count - 1].kind == Kind::Blank
            && tree.children[count - 2].kind == Kind::Dl
        {
            tree.children.pop();
            tree.children[count - 2].children.append(&mut list.children);
        } else {
            tree.children.push(list);
        }
        if let Some(blank) = trailing_blank {
            tree.children.push(blank);
        }
        true
    }

    /// The definitions at `src`, each with its line, its text and whether its first paragraph
    /// keeps its `<p>` (after a blank line, as the first does when `first_as_para`).
    fn definitions(
        &mut self,
        src: &mut Scanner,
        mut first_as_para: bool,
    ) -> Vec<(usize, String, bool)> {
        let mut definitions: Vec<(usize, String, bool)> = Vec::new();
        let mut start = Re::cached(p::definition_list_start().source());
        let mut content_re: Option<std::sync::Arc<Re>> = None;
        let mut indent_re: Option<std::sync::Arc<Re>> = None;
        let mut indentation = 0;
        let mut last_is_blank = false;
        while !src.eos() {
            let line = src.current_line_number();
            if src.matches(&start) {
                let marker_len = src.group(1).map_or(0, str::len);
                let content = src.group(2).unwrap_or("").to_owned();
                src.advance(src.matched_size());
                let (value, item_indentation) = first_list_line(marker_len, content);
                indentation = item_indentation;
                let (content_src, indent_src) = p::list_item_patterns(indentation);
                content_re = Some(Re::cached(&content_src));
                indent_re = Some(Re::cached(&indent_src));
                definitions.push((line, value, first_as_para));
                start = Re::cached(&p::next_item(":", indentation));
                first_as_para = false;
                last_is_blank = false;
            } else if src.matches(p::eob_marker()) {
                break;
            } else if let Some(mut result) =
                continuation_line(src, content_re.as_deref(), indentation, last_is_blank)
            {
                let Some((_, value, _)) = definitions.last_mut() else {
                    break;
                };
                let tabs = result.len() - result.trim_start_matches('\t').len();
                if tabs > 0 {
                    result.replace_range(..tabs, &" ".repeat(4 * tabs));
                }
                if let Some(n) = indent_re
                    .as_ref()
                    .and_then(|re| re.match_len_at_start(&result))
                {
                    result.replace_range(..n, "");
                }
                value.push_str(&result);
                first_as_para = false;
                last_is_blank = false;
            } else if let Some(result) = src.scan(p::blank_line()) {
                let Some((_, value, _)) = definitions.last_mut() else {
                    break;
                };
                first_as_para = true;
                value.push_str(&result);
                last_is_blank = true;
            } else {
                break;
            }
        }

        definitions
    }

    /// Parses each definition into its blocks; one whose first paragraph does not keep its
    /// `<p>` is drawn without it. Returns the blank line after the last one.
    fn parse_definitions(
        &mut self,
        list: &mut Element,
        definitions: Vec<(usize, String, bool)>,
    ) -> Option<Element> {
        let mut trailing_blank = None;
        for (line, value, keeps_para) in definitions {
            let mut dd = Element::new(Kind::Dd).at(line);
            let mut text = value;
            dd.opts.ial = self.take_item_ial(&mut text, line).map(Box::new);
            self.parse_nested_blocks(&mut dd, text, line);
            trailing_blank = if dd.children.last().is_some_and(|c| c.kind == Kind::Blank) {
                dd.children.pop()
            } else {
                None
            };
            let many = dd.children.len() > 1;
            if let Some(first) = dd.children.first_mut()
                && first.kind == Kind::P
                && !keeps_para
            {
                if many && let Some(text) = first.children.first_mut() {
                    text.value.push('\n');
                }
                first.opts.transparent = true;
            }
            list.children.push(dd);
        }

        trailing_blank
    }
}
