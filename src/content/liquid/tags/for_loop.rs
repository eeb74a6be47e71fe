//! `{% for %}` and `{% tablerow %}`, as Ruby's Liquid 4 (Jekyll's) runs them: over a list, the
//! `[key, value]` pairs of an object, a non-empty text (once) or a range `(1..n)`, sliced by
//! `offset:` and `limit:`, `reversed`, with `forloop` (or `tablerowloop`), `{% else %}` for
//! nothing to loop over, and `{% break %}`/`{% continue %}`.
//!
//! The `liquid` crate's own tags make a list of every value of a range before the first step
//! (`(1..100000000)` took 5.7 GB) and divide by `cols:` unchecked; these step through a range
//! without making it, charge the render's budget for every step, and let each step's missing
//! fields be nil (`lax::Lax`).

use std::collections::HashMap;
use std::io::Write;

use liquid_core::model::{KString, KStringRef, Value, ValueCow, ValueView};
use liquid_core::parser::{BlockElement, TryMatchToken};
use liquid_core::runtime::{Interrupt, InterruptRegister, StackFrame};
use liquid_core::{
    BlockReflection, Error, Expression, Language, ObjectView, ParseBlock, Renderable, Result,
    Runtime, TagBlock, TagTokenIter, Template, ValueView as DeriveValueView,
};

use crate::content::liquid::budget;
use crate::content::liquid::lax::Lax;
use crate::content::liquid::written_order::KeyOrders;

/// What a loop goes over, as written.
#[derive(Debug)]
enum Collection {
    Value(Expression),
    Range(Expression, Expression),
}

/// A loop's head: `item in collection`, and its `limit:`, `offset:`, `cols:` and `reversed`.
#[derive(Debug)]
struct Head {
    item: KString,
    collection: Collection,
    limit: Option<Expression>,
    offset: Option<Expression>,
    cols: Option<Expression>,
    reversed: bool,
}

/// Reads `item in collection ...`; `cols` is allowed for `tablerow`.
fn head(mut arguments: TagTokenIter<'_>, allows_cols: bool) -> Result<Head> {
    let item = arguments
        .expect_next("Identifier expected.")?
        .expect_identifier()
        .into_result()?;
    arguments
        .expect_next("\"in\" expected.")?
        .expect_str("in")
        .into_result_custom_msg("\"in\" expected.")?;
    let collection = match arguments
        .expect_next("Array or range expected.")?
        .expect_value()
    {
        TryMatchToken::Matches(value) => Collection::Value(value),
        TryMatchToken::Fails(token) => match token.expect_range() {
            TryMatchToken::Matches((start, end)) => Collection::Range(start, end),
            TryMatchToken::Fails(token) => return token.raise_error().into_err(),
        },
    };
    let mut head = Head {
        item: KString::from_ref(item),
        collection,
        limit: None,
        offset: None,
        cols: None,
        reversed: false,
    };
    while let Some(token) = arguments.next() {
        let slot = match token.as_str() {
            "limit" => &mut head.limit,
            "offset" => &mut head.offset,
            "cols" if allows_cols => &mut head.cols,
            "reversed" => {
                head.reversed = true;
                continue;
            }
            // Ruby's lax parser passes over what it does not know, as `,` between options.
            _ => continue,
        };
        arguments
            .expect_next("\":\" expected.")?
            .expect_str(":")
            .into_result_custom_msg("\":\" expected.")?;
        *slot = Some(
            arguments
                .expect_next("Value expected.")?
                .expect_value()
                .into_result()?,
        );
    }
    Ok(head)
}

/// The items a loop goes over: a list's values (borrowed), values made for it (an object's
/// pairs, a text), or a range's numbers, made one at a time.
enum Items<'v> {
    Borrowed(Vec<&'v dyn ValueView>),
    Made(Vec<Value>),
    Range { first: i64, last: i64 },
}

impl Items<'_> {
    fn len(&self) -> usize {
        match self {
            Items::Borrowed(values) => values.len(),
            Items::Made(values) => values.len(),
            Items::Range { first, last } => {
                usize::try_from(last.saturating_sub(*first).saturating_add(1)).unwrap_or(0)
            }
        }
    }

    fn get(&self, i: usize, reversed: bool) -> ValueCow<'_> {
        let i = if reversed { self.len() - 1 - i } else { i };
        match self {
            Items::Borrowed(values) => ValueCow::Borrowed(values[i]),
            Items::Made(values) => ValueCow::Borrowed(&values[i]),
            Items::Range { first, .. } => ValueCow::Owned(Value::scalar(first + i as i64)),
        }
    }

    /// Keeps the items from `offset`, at most `limit` of them.
    fn slice(self, offset: usize, limit: Option<usize>) -> Self {
        fn cut<T>(mut values: Vec<T>, offset: usize, limit: Option<usize>) -> Vec<T> {
            values.drain(..offset.min(values.len()));
            if let Some(limit) = limit {
                values.truncate(limit);
            }
            values
        }
        match self {
            Items::Borrowed(values) => Items::Borrowed(cut(values, offset, limit)),
            Items::Made(values) => Items::Made(cut(values, offset, limit)),
            Items::Range { first, last } => {
                let first = first.saturating_add(i64::try_from(offset).unwrap_or(i64::MAX));
                let last = match limit {
                    Some(limit) => last.min(
                        first
                            .saturating_add(i64::try_from(limit).unwrap_or(i64::MAX))
                            .saturating_sub(1),
                    ),
                    None => last,
                };
                Items::Range { first, last }
            }
        }
    }
}

/// A whole number from an option or a range's end, as Ruby's `to_i` reads it.
fn whole(expression: &Expression, runtime: &dyn Runtime) -> Result<i64> {
    let value = expression.evaluate(runtime)?;
    let Some(scalar) = value.as_scalar() else {
        return Ok(0);
    };
    Ok(scalar
        .to_integer()
        .or_else(|| scalar.to_float().map(|f| f as i64))
        .unwrap_or(0))
}

/// A count from an option: a whole number, not below 0.
fn count(option: &Option<Expression>, runtime: &dyn Runtime) -> Result<Option<usize>> {
    option
        .as_ref()
        .map(|expression| whole(expression, runtime).map(|n| usize::try_from(n).unwrap_or(0)))
        .transpose()
}

impl Head {
    /// What the loop goes over, evaluated (a range's ends are read in [`Head::items`]).
    fn source<'r>(&'r self, runtime: &'r dyn Runtime) -> Result<Option<ValueCow<'r>>> {
        match &self.collection {
            Collection::Value(expression) => expression.evaluate(runtime).map(Some),
            Collection::Range(..) => Ok(None),
        }
    }

    /// The items of the loop over `source`, sliced by `offset:` and `limit:`.
    fn items<'v>(
        &self,
        source: Option<&'v ValueCow<'_>>,
        runtime: &dyn Runtime,
    ) -> Result<Items<'v>> {
        let items = match (&self.collection, source) {
            (Collection::Range(start, end), _) => Items::Range {
                first: whole(start, runtime)?,
                last: whole(end, runtime)?,
            },
            (Collection::Value(_), Some(value)) => items_of(value.as_view(), runtime),
            (Collection::Value(_), None) => Items::Made(Vec::new()),
        };
        let offset = count(&self.offset, runtime)?.unwrap_or(0);
        Ok(items.slice(offset, count(&self.limit, runtime)?))
    }
}

/// What a loop goes over in a value: a list's values, an object's `[key, value]` pairs, a
/// non-empty text once; nothing for anything else.
fn items_of<'v>(value: &'v dyn ValueView, runtime: &dyn Runtime) -> Items<'v> {
    if let Some(array) = value.as_array() {
        return Items::Borrowed(array.values().collect());
    }
    if let Some(object) = value.as_object() {
        // In the order the keys were written when it is known (a CSV row's header), else
        // sorted: liquid's objects are hash maps, whose order changes from run to run.
        let keys: Vec<String> = object.keys().map(|k| k.to_string()).collect();
        let keys = runtime.registers().get_mut::<KeyOrders>().arrange(keys);
        return Items::Made(
            keys.into_iter()
                .map(|k| {
                    let v = object.get(&k).map_or(Value::Nil, |v| v.to_value());
                    Value::Array(vec![Value::scalar(k), v])
                })
                .collect(),
        );
    }
    match value.as_scalar() {
        Some(scalar) if !scalar.to_kstr().is_empty() && scalar.to_bool().is_none() => {
            Items::Made(vec![value.to_value()])
        }
        _ => Items::Made(Vec::new()),
    }
}

/// The body and the `{% else %}` part of a block.
fn bodies(
    mut tokens: TagBlock<'_, '_>,
    options: &Language,
) -> Result<(Template, Option<Template>)> {
    let mut body = Vec::new();
    let mut otherwise = None;
    while let Some(element) = tokens.next()? {
        match element {
            BlockElement::Tag(mut tag) if tag.name() == "else" => {
                tag.tokens().expect_nothing()?;
                otherwise = Some(Template::new(tokens.parse_all(options)?));
                break;
            }
            BlockElement::Tag(tag) => body.push(tag.parse(&mut tokens, options)?),
            element => body.push(element.parse(&mut tokens, options)?),
        }
    }
    tokens.assert_empty();
    Ok((Template::new(body), otherwise))
}

/// `forloop`, as Ruby's Liquid gives it.
#[derive(Debug, Clone, DeriveValueView, ObjectView)]
struct Forloop<'p> {
    name: KString,
    length: i64,
    index: i64,
    index0: i64,
    rindex: i64,
    rindex0: i64,
    first: bool,
    last: bool,
    parentloop: Option<&'p dyn ValueView>,
}

/// The `for` block.
#[derive(Clone, Copy, Debug, Default)]
pub struct ForBlock;

impl BlockReflection for ForBlock {
    fn start_tag(&self) -> &str {
        "for"
    }

    fn end_tag(&self) -> &str {
        "endfor"
    }

    fn description(&self) -> &str {
        "a loop"
    }
}

impl ParseBlock for ForBlock {
    fn parse(
        &self,
        arguments: TagTokenIter<'_>,
        tokens: TagBlock<'_, '_>,
        options: &Language,
    ) -> Result<Box<dyn Renderable>> {
        let head = head(arguments, false)?;
        let (body, otherwise) = bodies(tokens, options)?;
        Ok(Box::new(For {
            head,
            body,
            otherwise,
        }))
    }

    fn reflection(&self) -> &dyn BlockReflection {
        self
    }
}

#[derive(Debug)]
struct For {
    head: Head,
    body: Template,
    otherwise: Option<Template>,
}

impl Renderable for For {
    fn render_to(&self, writer: &mut dyn Write, runtime: &dyn Runtime) -> Result<()> {
        let source = self.head.source(runtime)?;
        let items = self.head.items(source.as_ref(), runtime)?;
        let length = items.len();
        if length == 0 {
            if let Some(otherwise) = &self.otherwise {
                otherwise.render_to(writer, runtime)?;
            }
            return Ok(());
        }
        let parent = runtime.try_get(&[liquid_core::model::Scalar::new("forloop")]);
        let name = KString::from_string(format!("{}-loop", self.head.item));
        for i in 0..length {
            budget::spend(1)?;
            let item = items.get(i, self.head.reversed);
            let forloop = Forloop {
                name: name.clone(),
                length: length as i64,
                index: i as i64 + 1,
                index0: i as i64,
                rindex: (length - i) as i64,
                rindex0: (length - i - 1) as i64,
                first: i == 0,
                last: i + 1 == length,
                parentloop: parent.as_ref().map(|p| p.as_view()),
            };
            let mut frame = HashMap::<KStringRef<'_>, &dyn ValueView>::new();
            frame.insert("forloop".into(), &forloop);
            frame.insert(self.head.item.as_ref(), item.as_view());
            let scope = Lax::new(StackFrame::new(runtime, &frame));
            self.body.render_to(writer, &scope)?;
            let interrupt = scope.registers().get_mut::<InterruptRegister>().reset();
            if let Some(Interrupt::Break) = interrupt {
                break;
            }
        }
        Ok(())
    }
}

/// `tablerowloop`, as Ruby's Liquid gives it.
#[derive(Debug, Clone, DeriveValueView, ObjectView)]
struct Tablerowloop {
    length: i64,
    index: i64,
    index0: i64,
    rindex: i64,
    rindex0: i64,
    first: bool,
    last: bool,
    col: i64,
    col0: i64,
    col_first: bool,
    col_last: bool,
    row: i64,
}

/// The `tablerow` block: the items as the cells of table rows of `cols:` cells (one row when
/// `cols:` is not given, or is 0, as in Ruby's Liquid).
#[derive(Clone, Copy, Debug, Default)]
pub struct TableRowBlock;

impl BlockReflection for TableRowBlock {
    fn start_tag(&self) -> &str {
        "tablerow"
    }

    fn end_tag(&self) -> &str {
        "endtablerow"
    }

    fn description(&self) -> &str {
        "table rows"
    }
}

impl ParseBlock for TableRowBlock {
    fn parse(
        &self,
        arguments: TagTokenIter<'_>,
        tokens: TagBlock<'_, '_>,
        options: &Language,
    ) -> Result<Box<dyn Renderable>> {
        let head = head(arguments, true)?;
        let (body, otherwise) = bodies(tokens, options)?;
        if otherwise.is_some() {
            return Err(Error::with_msg("`tablerow` has no `else`"));
        }
        Ok(Box::new(TableRow { head, body }))
    }

    fn reflection(&self) -> &dyn BlockReflection {
        self
    }
}

#[derive(Debug)]
struct TableRow {
    head: Head,
    body: Template,
}

impl Renderable for TableRow {
    fn render_to(&self, writer: &mut dyn Write, runtime: &dyn Runtime) -> Result<()> {
        let source = self.head.source(runtime)?;
        let items = self.head.items(source.as_ref(), runtime)?;
        let length = items.len();
        let cols = match &self.head.cols {
            Some(cols) => whole(cols, runtime)?.max(0),
            None => 0,
        };
        let io = |e: std::io::Error| Error::with_msg(e.to_string());
        writeln!(writer, "<tr class=\"row1\">").map_err(io)?;
        let (mut col, mut row) = (1, 1);
        for i in 0..length {
            budget::spend(1)?;
            let item = items.get(i, self.head.reversed);
            let loop_state = Tablerowloop {
                length: length as i64,
                index: i as i64 + 1,
                index0: i as i64,
                rindex: (length - i) as i64,
                rindex0: (length - i - 1) as i64,
                first: i == 0,
                last: i + 1 == length,
                col,
                col0: col - 1,
                col_first: col == 1,
                col_last: col == cols,
                row,
            };
            let mut frame = HashMap::<KStringRef<'_>, &dyn ValueView>::new();
            frame.insert("tablerowloop".into(), &loop_state);
            frame.insert(self.head.item.as_ref(), item.as_view());
            let scope = Lax::new(StackFrame::new(runtime, &frame));
            write!(writer, "<td class=\"col{col}\">").map_err(io)?;
            self.body.render_to(writer, &scope)?;
            write!(writer, "</td>").map_err(io)?;
            if loop_state.col_last && !loop_state.last {
                write!(writer, "</tr>\n<tr class=\"row{}\">", row + 1).map_err(io)?;
            }
            if col == cols {
                col = 1;
                row += 1;
            } else {
                col += 1;
            }
        }
        writeln!(writer, "</tr>").map_err(io)
    }
}
