//! `{% if %}` (with `{% elsif %}` and `{% else %}`) and `{% unless %}` as Ruby's Liquid 4 reads
//! their conditions: `a`, `a == b`, `!=`/`<>`, `<`, `>`, `<=`, `>=`, `contains`, joined by `and`
//! and `or` from the right (`a and b or c` is `a and (b or c)`); only nil and false are false.
//! Where the `liquid` crate stops the page with an error, Ruby gives false: `contains` on nil
//! (an empty CSV field), and comparing what cannot be compared (`nil > 3`).

use std::cmp::Ordering;
use std::io::Write;

use liquid_core::model::{State, Value, ValueCow, ValueView, ValueViewCmp};
use liquid_core::parser::{BlockElement, TryMatchToken};
use liquid_core::{
    BlockReflection, Error, Expression, Language, ParseBlock, Renderable, Result, Runtime,
    TagBlock, TagTokenIter, Template,
};

/// A comparison's operator.
#[derive(Clone, Copy, Debug)]
enum Operator {
    Equals,
    Differs,
    Less,
    Greater,
    AtMost,
    AtLeast,
    Contains,
}

/// A condition as written.
#[derive(Debug)]
enum Condition {
    /// A value, true unless nil or false.
    Value(Expression),
    Compare(Expression, Operator, Expression),
    And(Box<Condition>, Box<Condition>),
    Or(Box<Condition>, Box<Condition>),
}

/// Reads a condition: comparisons joined by `and` and `or`, grouped from the right.
fn condition(mut arguments: TagTokenIter<'_>) -> Result<Condition> {
    let mut parts: Vec<Condition> = Vec::new();
    let mut joins: Vec<bool> = Vec::new();
    loop {
        let left = match arguments.expect_next("Value expected.")?.expect_value() {
            TryMatchToken::Matches(value) => value,
            TryMatchToken::Fails(token) => return token.raise_error().into_err(),
        };
        let Some(token) = arguments.next() else {
            parts.push(Condition::Value(left));
            break;
        };
        let operator = match token.as_str() {
            "==" => Some(Operator::Equals),
            "!=" | "<>" => Some(Operator::Differs),
            "<" => Some(Operator::Less),
            ">" => Some(Operator::Greater),
            "<=" => Some(Operator::AtMost),
            ">=" => Some(Operator::AtLeast),
            "contains" => Some(Operator::Contains),
            _ => None,
        };
        let join = match operator {
            Some(operator) => {
                let right = match arguments.expect_next("Value expected.")?.expect_value() {
                    TryMatchToken::Matches(value) => value,
                    TryMatchToken::Fails(token) => return token.raise_error().into_err(),
                };
                parts.push(Condition::Compare(left, operator, right));
                arguments.next()
            }
            None => {
                parts.push(Condition::Value(left));
                Some(token)
            }
        };
        match join.as_ref().map(|t| t.as_str()) {
            None => break,
            Some("and") => joins.push(true),
            Some("or") => joins.push(false),
            Some(other) => {
                return Err(Error::with_msg(format!(
                    "`{other}` is not a comparison: expected ==, !=, <, >, <=, >=, contains, and, or"
                )));
            }
        }
    }
    // From the right: the last two parts join first.
    let mut joined = parts.pop().expect("a condition has a part");
    while let Some(left) = parts.pop() {
        joined = if joins.pop().unwrap_or(true) {
            Condition::And(Box::new(left), Box::new(joined))
        } else {
            Condition::Or(Box::new(left), Box::new(joined))
        };
    }
    Ok(joined)
}

/// Liquid's truth: everything but nil and false.
fn truthy(value: &dyn ValueView) -> bool {
    !value.is_nil() && value.as_scalar().and_then(|s| s.to_bool()) != Some(false)
}

/// Ruby's `include?` as `contains` uses it: a text holds a text, a list an item, an object a
/// key; anything else (nil) holds nothing.
fn contains(left: &dyn ValueView, right: &dyn ValueView) -> bool {
    if right.is_nil() {
        return false;
    }
    if let Some(array) = left.as_array() {
        return array
            .values()
            .any(|item| ValueViewCmp::new(item) == ValueViewCmp::new(right));
    }
    if let Some(object) = left.as_object() {
        return object.contains_key(right.to_kstr().as_str());
    }
    match left.as_scalar() {
        Some(text) if !left.is_nil() => text.to_kstr().contains(right.to_kstr().as_str()),
        _ => false,
    }
}

/// A value, nil when it is not there (a condition asks whether it is, so says nothing of it).
fn value_of<'r>(expression: &'r Expression, runtime: &'r dyn Runtime) -> ValueCow<'r> {
    expression
        .try_evaluate(runtime)
        .unwrap_or(ValueCow::Owned(Value::Nil))
}

/// `x == empty` and `x == blank` as Ruby's Liquid 4 answers them: nil is not empty (it has no
/// `empty?`) but is blank; a text, list or object is empty when it holds nothing.
fn is_state(value: &dyn ValueView, state: State) -> bool {
    match state {
        State::Empty => !value.is_nil() && value.query_state(State::Empty),
        State::Blank => value.is_nil() || value.query_state(State::Empty) || !truthy(value),
        other => value.query_state(other),
    }
}

impl Condition {
    fn evaluate(&self, runtime: &dyn Runtime) -> Result<bool> {
        Ok(match self {
            Condition::Value(value) => truthy(value_of(value, runtime).as_view()),
            Condition::And(a, b) => a.evaluate(runtime)? && b.evaluate(runtime)?,
            Condition::Or(a, b) => a.evaluate(runtime)? || b.evaluate(runtime)?,
            Condition::Compare(left, operator, right) => {
                let left = value_of(left, runtime);
                let right = value_of(right, runtime);
                let state = |v: &dyn ValueView| v.as_state();
                let equal = match (state(left.as_view()), state(right.as_view())) {
                    (_, Some(s)) => Some(is_state(left.as_view(), s)),
                    (Some(s), _) => Some(is_state(right.as_view(), s)),
                    _ => None,
                };
                if let Some(equal) = equal {
                    return Ok(match operator {
                        Operator::Equals => equal,
                        Operator::Differs => !equal,
                        _ => false,
                    });
                }
                let (a, b) = (
                    ValueViewCmp::new(left.as_view()),
                    ValueViewCmp::new(right.as_view()),
                );
                let order = || a.partial_cmp(&b);
                match operator {
                    Operator::Equals => a == b,
                    Operator::Differs => a != b,
                    Operator::Contains => contains(left.as_view(), right.as_view()),
                    // What cannot be compared is not less, nor greater (Ruby gives nil).
                    Operator::Less => order() == Some(Ordering::Less),
                    Operator::Greater => order() == Some(Ordering::Greater),
                    Operator::AtMost => matches!(order(), Some(Ordering::Less | Ordering::Equal)),
                    Operator::AtLeast => {
                        matches!(order(), Some(Ordering::Greater | Ordering::Equal))
                    }
                }
            }
        })
    }
}

/// A branch: its condition (negated for `unless`), what it renders, and what follows it.
#[derive(Debug)]
struct Branch {
    condition: Condition,
    negated: bool,
    then: Template,
    otherwise: Option<Box<dyn Renderable>>,
}

impl Renderable for Branch {
    fn render_to(&self, writer: &mut dyn Write, runtime: &dyn Runtime) -> Result<()> {
        if self.condition.evaluate(runtime)? != self.negated {
            self.then.render_to(writer, runtime)
        } else if let Some(otherwise) = &self.otherwise {
            otherwise.render_to(writer, runtime)
        } else {
            Ok(())
        }
    }
}

/// Reads a branch from its condition to its `elsif`, `else` or end.
fn branch(
    arguments: TagTokenIter<'_>,
    negated: bool,
    tokens: &mut TagBlock<'_, '_>,
    options: &Language,
) -> Result<Branch> {
    let condition = condition(arguments)?;
    let mut then = Vec::new();
    let mut otherwise: Option<Box<dyn Renderable>> = None;
    while let Some(element) = tokens.next()? {
        match element {
            BlockElement::Tag(tag) if tag.name() == "else" => {
                otherwise = Some(Box::new(Template::new(tokens.parse_all(options)?)));
                break;
            }
            BlockElement::Tag(tag) if tag.name() == "elsif" => {
                otherwise = Some(Box::new(branch(tag.into_tokens(), false, tokens, options)?));
                break;
            }
            element => then.push(element.parse(tokens, options)?),
        }
    }
    Ok(Branch {
        condition,
        negated,
        then: Template::new(then),
        otherwise,
    })
}

/// The `if` block, or with `negated` the `unless` block.
#[derive(Clone, Copy, Debug)]
pub struct IfBlock {
    pub negated: bool,
}

impl BlockReflection for IfBlock {
    fn start_tag(&self) -> &str {
        if self.negated { "unless" } else { "if" }
    }

    fn end_tag(&self) -> &str {
        if self.negated { "endunless" } else { "endif" }
    }

    fn description(&self) -> &str {
        "what renders when a condition holds"
    }
}

impl ParseBlock for IfBlock {
    fn parse(
        &self,
        arguments: TagTokenIter<'_>,
        mut tokens: TagBlock<'_, '_>,
        options: &Language,
    ) -> Result<Box<dyn Renderable>> {
        let branch = branch(arguments, self.negated, &mut tokens, options)?;
        tokens.assert_empty();
        Ok(Box::new(branch))
    }

    fn reflection(&self) -> &dyn BlockReflection {
        self
    }
}
