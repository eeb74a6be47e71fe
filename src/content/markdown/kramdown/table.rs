//! Tables: kramdown's `parse_table`, which splits rows at pipes outside code spans and `<code>`
//! elements, reads column alignment from the separator line under the header, and takes a
//! `=` line as the start of the footer.

use super::element::{Alignment, Element, Kind};
use super::parser::Parser;
use super::patterns as p;
use super::scanner::{Scanner, re};
use super::span_state::{SpanParser, Stop};

impl Parser {
    pub(super) fn parse_table(&mut self, tree: &mut Element, src: &mut Scanner) -> bool {
        if !self.after_block_boundary(tree) {
            return false;
        }
        let saved = src.pos();
        let line = src.current_line_number();
        let mut table = self.new_block_el(Kind::Table, line);
        let saved_ial = table.opts.ial.clone().map(|ial| *ial);
        let leading_pipe = src
            .check(p::table_line())
            .is_some_and(|_| re!(r"^\s*\|").is_match(src.matched()));
        src.scan(p::table_sep_line());

        let mut rows: Vec<Element> = Vec::new();
        let mut has_footer = false;
        let mut columns = 0;
        let mut alignment: Vec<Alignment> = Vec::new();
        let add_container = |table: &mut Element,
                             rows: &mut Vec<Element>,
                             kind: Kind,
                             force: bool,
                             has_footer: bool| {
            if !has_footer || kind != Kind::Tbody || force {
                let mut container = Element::new(kind);
                container.children = std::mem::take(rows);
                table.children.push(container);
            }
        };

        while !src.eos() {
            if !src.matches(p::table_line()) {
                break;
            }
            let row_line = src.current_line_number();
            if src.matches(p::table_sep_line()) {
                let separators = src.group(1).unwrap_or("").to_owned();
                src.advance(src.matched_size());
                if rows.is_empty() {
                    // Separator lines one after another count as one.
                } else if alignment.is_empty() && !has_footer {
                    add_container(&mut table, &mut rows, Kind::Thead, false, has_footer);
                    alignment = p::table_hsep_align()
                        .captures_all(&separators)
                        .iter()
                        .map(|c| match (c.get(1).unwrap_or(""), c.get(2).unwrap_or("")) {
                            ("", "") => Alignment::Default,
                            (_, "") => Alignment::Left,
                            ("", _) => Alignment::Right,
                            _ => Alignment::Center,
                        })
                        .collect();
                } else {
                    add_container(&mut table, &mut rows, Kind::Tbody, false, has_footer);
                }
            } else if src.scan(p::table_fsep_line()).is_some() {
                if !rows.is_empty() {
                    add_container(&mut table, &mut rows, Kind::Tbody, true, has_footer);
                }
                has_footer = true;
            } else if src.matches(p::table_row_line()) {
                let text = src.group(1).unwrap_or("").to_owned();
                src.advance(src.matched_size());
                let cells = self.split_row(&text, row_line, leading_pipe);
                let mut row = Element::new(Kind::Tr).at(row_line);
                columns = columns.max(cells.len());
                for cell in cells {
                    let mut td = Element::new(Kind::Td).at(row_line);
                    td.children
                        .push(Element::with_value(Kind::RawText, cell.trim()).at(row_line));
                    row.children.push(td);
                }
                rows.push(row);
            } else {
                break;
            }
        }

        if !p::at_block_boundary(src.rest()) || !self.has_pipe_on_every_line(src, saved, line) {
            src.set_pos(saved);
            self.block_ial = saved_ial;
            return false;
        }
        if !rows.is_empty() {
            let kind = if has_footer { Kind::Tfoot } else { Kind::Tbody };
            add_container(&mut table, &mut rows, kind, false, has_footer);
        }
        if !table.children.iter().any(|c| c.kind == Kind::Tbody) {
            src.set_pos(saved);
            self.block_ial = saved_ial;
            return false;
        }
        for container in &mut table.children {
            for row in &mut container.children {
                while row.children.len() < columns {
                    row.children
                        .push(Element::new(Kind::Td).at(row.opts.location));
                }
            }
        }
        alignment.resize(columns, Alignment::Default);
        table.opts.set_alignment(alignment);
        tree.children.push(table);
        true
    }

    /// The cells of a row: split at pipes that are not escaped and not inside code.
    fn split_row(&mut self, text: &str, line: usize, leading_pipe: bool) -> Vec<String> {
        let mut cells: Vec<String> = Vec::new();
        let push = |cells: &mut Vec<String>, text: &str| match cells.last_mut() {
            Some(last) => last.push_str(text),
            None => cells.push(text.to_owned()),
        };
        let mut last = 0;
        let mut pieces: Vec<(bool, &str)> = Vec::new();
        for caps in re!(r"<code.*?>.*?<\/code>").captures_all(text) {
            let r = caps.range(0);
            pieces.push((false, &text[last..r.start]));
            pieces.push((true, &text[r.clone()]));
            last = r.end;
        }
        pieces.push((false, &text[last..]));
        for (is_code, piece) in pieces {
            if is_code {
                push(&mut cells, piece);
                continue;
            }
            let mut root = Element::new(Kind::Root).at(line);
            let mut inner = Scanner::new(piece, line);
            self.parse_spans(
                &mut root,
                &mut inner,
                Stop::None,
                Some(&[SpanParser::Codespan]),
            );
            for child in root.children {
                if child.kind == Kind::Codespan {
                    let longest = re!(r"`+")
                        .captures_all(&child.value)
                        .iter()
                        .map(|c| c.range(0).len())
                        .max();
                    let delim = "`".repeat(longest.unwrap_or(0) + 1);
                    let pad = if delim.len() > 1 { " " } else { "" };
                    push(
                        &mut cells,
                        &format!("{delim}{pad}{}{pad}{delim}", child.value),
                    );
                } else {
                    let mut parts = split_unescaped_pipes(&child.value).into_iter();
                    if let Some(first) = parts.next() {
                        push(&mut cells, &first);
                    }
                    cells.extend(parts);
                }
            }
        }
        if leading_pipe && cells.first().is_some_and(|c| c.trim().is_empty()) {
            cells.remove(0);
        }
        if cells.last().is_some_and(|c| c.trim().is_empty()) {
            cells.pop();
        }
        cells
    }

    /// kramdown's check that every line of the table has a pipe outside code spans.
    fn has_pipe_on_every_line(&mut self, src: &Scanner, from: usize, line: usize) -> bool {
        let end = src.pos().saturating_sub(1).max(from);
        let text = src.text()[from..end].to_owned();
        let mut root = Element::new(Kind::Root).at(line);
        let mut inner = Scanner::new(text, line);
        self.parse_spans(
            &mut root,
            &mut inner,
            Stop::None,
            Some(&[SpanParser::Codespan, SpanParser::SpanHtml]),
        );
        let pipe_check = p::table_pipe_check_at_line_start();
        let mut pipe_on_line = false;
        for child in root.children {
            if child.value.is_empty() && child.kind != Kind::Codespan {
                continue;
            }
            let lines: Vec<&str> = child.value.split('\n').collect();
            let lines: Vec<&str> = {
                // Ruby's split drops trailing empty strings.
                let mut l = lines;
                while l.last().is_some_and(|s| s.is_empty()) {
                    l.pop();
                }
                l
            };
            if child.kind == Kind::Codespan {
                if lines.len() > 2 || (lines.len() == 2 && !pipe_on_line) {
                    break;
                } else if lines.len() == 2 && pipe_on_line {
                    pipe_on_line = false;
                }
            } else {
                let first = lines.first().copied().unwrap_or("");
                if lines.len() > 1 && !pipe_on_line && !pipe_check.find_at_start(first) {
                    break;
                }
                let last = lines.last().copied().unwrap_or("");
                pipe_on_line = (if lines.len() > 1 { false } else { pipe_on_line })
                    || pipe_check.find_at_start(last);
            }
        }
        pipe_on_line
    }
}

/// `text` split at `|` not preceded by a backslash, with `\|` made `|` in each part.
fn split_unescaped_pipes(text: &str) -> Vec<String> {
    if text.is_empty() {
        return Vec::new();
    }
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut previous = None;
    for c in text.chars() {
        if c == '|' && previous != Some('\\') {
            parts.push(std::mem::take(&mut current));
        } else {
            current.push(c);
        }
        previous = Some(c);
    }
    parts.push(current);
    parts
        .into_iter()
        .map(|part| part.replace("\\|", "|"))
        .collect()
}
