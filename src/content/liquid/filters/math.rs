//! Liquid's arithmetic, as Ruby's Liquid (Jekyll's) computes it, which the `liquid` crate does
//! not: any input is a number (a text that is not one, or nil, is 0), integer division and
//! modulo round down (`-7 | divided_by: 2` is -4), decimals are exact (`0.1 | times: 3` is
//! 0.3), and a whole number too large for 64 bits does not wrap or stop the build (Ruby's grow
//! without limit; here the result becomes a decimal number, and the page gets a warning).

use liquid::model::{Value, ValueView};
use liquid_core::{Error, Result};

use super::call::Call;
use crate::content::liquid::lax;

/// A number as Liquid reads one.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Number {
    Integer(i64),
    /// A decimal: digits and how many of them are after the point.
    Decimal(i128, u32),
    /// A decimal too long to be exact here.
    Float(f64),
}

/// Ruby Liquid's `Utils.to_integer`: a number rounded toward zero, 0 for what is not one.
pub fn to_integer(value: &dyn ValueView) -> i64 {
    match number(value) {
        Number::Integer(i) => i,
        other => other.as_f64().trunc() as i64,
    }
}

/// Ruby Liquid's `Utils.to_number`.
fn number(value: &dyn ValueView) -> Number {
    let Some(scalar) = value.as_scalar() else {
        return Number::Integer(0);
    };
    if let Some(i) = scalar.to_integer() {
        return Number::Integer(i);
    }
    let text = scalar.to_kstr();
    let text = text.trim();
    if let Some(decimal) = decimal(text) {
        return decimal;
    }
    if let Some(f) = scalar.to_float() {
        return decimal(&f.to_string()).unwrap_or(Number::Float(f));
    }
    // Ruby's `to_i`: the leading digits, else 0.
    let sign = usize::from(text.starts_with('-'));
    let digits = text[sign..].len()
        - text[sign..]
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .len();
    text[..sign + digits]
        .parse()
        .map_or(Number::Integer(0), Number::Integer)
}

/// `-12.5` as digits and scale, when it fits.
fn decimal(text: &str) -> Option<Number> {
    let (whole, fraction) = text.split_once('.')?;
    let negative = whole.starts_with('-');
    let whole = whole.strip_prefix('-').unwrap_or(whole);
    if whole.is_empty()
        || fraction.is_empty()
        || !whole
            .chars()
            .chain(fraction.chars())
            .all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let digits: i128 = format!("{whole}{fraction}").parse().ok()?;
    let scale = u32::try_from(fraction.len()).ok().filter(|s| *s <= 18)?;
    Some(Number::Decimal(
        if negative { -digits } else { digits },
        scale,
    ))
}

impl Number {
    fn as_f64(self) -> f64 {
        match self {
            Number::Integer(i) => i as f64,
            Number::Decimal(digits, scale) => {
                format!("{digits}e-{scale}").parse().unwrap_or(f64::NAN)
            }
            Number::Float(f) => f,
        }
    }

    /// Both as decimals of one scale, when they fit.
    fn aligned(self, other: Number) -> Option<(i128, i128, u32)> {
        let parts = |n: Number| match n {
            Number::Integer(i) => Some((i128::from(i), 0)),
            Number::Decimal(d, s) => Some((d, s)),
            Number::Float(_) => None,
        };
        let (a, sa) = parts(self)?;
        let (b, sb) = parts(other)?;
        let scale = sa.max(sb);
        Some((
            a.checked_mul(10i128.checked_pow(scale - sa)?)?,
            b.checked_mul(10i128.checked_pow(scale - sb)?)?,
            scale,
        ))
    }
}

/// A decimal result as Liquid writes it (a float).
fn decimal_value(digits: i128, scale: u32) -> Value {
    Value::scalar(Number::Decimal(digits, scale).as_f64())
}

/// An integer result, or, when it does not fit in 64 bits, a float with a note.
fn integer_or_float(result: Option<i64>, exact: f64, call: &Call) -> Value {
    match result {
        Some(i) => Value::scalar(i),
        None => {
            lax::assume(
                call.runtime,
                format!(
                    "`{}` gives a whole number too large for 64 bits, written as the decimal number nearest to it",
                    call.name
                ),
            );
            Value::scalar(exact)
        }
    }
}

/// `+`, `-` or `*` of two numbers, as Ruby computes it.
fn arithmetic(
    call: &Call,
    integers: fn(i64, i64) -> Option<i64>,
    decimals: fn(i128, i128) -> Option<i128>,
    floats: fn(f64, f64) -> f64,
    multiplies_scale: bool,
) -> Result<Value> {
    let (a, b) = (number(call.input), number(call.arg(0)));
    Ok(match (a, b) {
        (Number::Integer(x), Number::Integer(y)) => {
            integer_or_float(integers(x, y), floats(x as f64, y as f64), call)
        }
        _ => match a.aligned(b) {
            Some((x, y, scale)) if multiplies_scale => {
                // A product of two numbers of scale s has scale 2s.
                match decimals(x, y) {
                    Some(digits) if scale * 2 <= 36 => decimal_value(digits, scale * 2),
                    _ => Value::scalar(floats(a.as_f64(), b.as_f64())),
                }
            }
            Some((x, y, scale)) => match decimals(x, y) {
                Some(digits) => decimal_value(digits, scale),
                None => Value::scalar(floats(a.as_f64(), b.as_f64())),
            },
            None => Value::scalar(floats(a.as_f64(), b.as_f64())),
        },
    })
}

pub fn plus(call: &Call) -> Result<Value> {
    arithmetic(
        call,
        i64::checked_add,
        i128::checked_add,
        |x, y| x + y,
        false,
    )
}

pub fn minus(call: &Call) -> Result<Value> {
    arithmetic(
        call,
        i64::checked_sub,
        i128::checked_sub,
        |x, y| x - y,
        false,
    )
}

pub fn times(call: &Call) -> Result<Value> {
    arithmetic(
        call,
        i64::checked_mul,
        i128::checked_mul,
        |x, y| x * y,
        true,
    )
}

/// Ruby's integer division, which rounds down.
fn floor_div(a: i64, b: i64) -> Option<i64> {
    let quotient = a.checked_div(b)?;
    let exact = a.checked_rem(b)? == 0;
    Some(if !exact && ((a < 0) != (b < 0)) {
        quotient - 1
    } else {
        quotient
    })
}

/// Ruby's modulo, whose sign is the divisor's.
fn floor_mod(a: i64, b: i64) -> Option<i64> {
    // The one quotient that overflows, `MIN / -1`, leaves nothing over.
    let remainder = a.checked_rem(b).unwrap_or(0);
    Some(if remainder != 0 && ((remainder < 0) != (b < 0)) {
        remainder + b
    } else {
        remainder
    })
}

fn zero_division() -> Error {
    Error::with_msg("divided by 0")
}

pub fn divided_by(call: &Call) -> Result<Value> {
    match (number(call.input), number(call.arg(0))) {
        (_, Number::Integer(0)) => Err(zero_division()),
        (Number::Integer(x), Number::Integer(y)) => {
            Ok(integer_or_float(floor_div(x, y), x as f64 / y as f64, call))
        }
        (a, b) => Ok(Value::scalar(a.as_f64() / b.as_f64())),
    }
}

pub fn modulo(call: &Call) -> Result<Value> {
    match (number(call.input), number(call.arg(0))) {
        (_, Number::Integer(0)) => Err(zero_division()),
        (Number::Integer(x), Number::Integer(y)) => Ok(Value::scalar(floor_mod(x, y).unwrap_or(0))),
        (a, b) => {
            let (x, y) = (a.as_f64(), b.as_f64());
            Ok(Value::scalar(x - y * (x / y).floor()))
        }
    }
}

pub fn abs(call: &Call) -> Result<Value> {
    Ok(match number(call.input) {
        Number::Integer(i) => integer_or_float(i.checked_abs(), (i as f64).abs(), call),
        Number::Decimal(d, s) => decimal_value(d.abs(), s),
        Number::Float(f) => Value::scalar(f.abs()),
    })
}

/// A number as Liquid writes a result: a whole number as an integer.
fn written(n: f64) -> Value {
    if n.fract() == 0.0 && n.abs() < 9.0e15 {
        Value::scalar(n as i64)
    } else {
        Value::scalar(n)
    }
}

/// `round` (to `n` decimals, whole when none), `ceil` and `floor`: of any input, 0 for what is
/// not a number.
pub fn round(call: &Call) -> Result<Value> {
    let value = number(call.input).as_f64();
    let places = call
        .args
        .first()
        .map_or(0, |n| to_integer(n))
        .clamp(-15, 15);
    if places <= 0 {
        let factor = 10f64.powi(-places as i32);
        return Ok(written((value / factor).round() * factor));
    }
    let factor = 10f64.powi(places as i32);
    Ok(Value::scalar((value * factor).round() / factor))
}

pub fn ceil(call: &Call) -> Result<Value> {
    Ok(written(number(call.input).as_f64().ceil()))
}

pub fn floor(call: &Call) -> Result<Value> {
    Ok(written(number(call.input).as_f64().floor()))
}

/// `at_least` and `at_most`: the input, or the bound when it is past it.
fn bounded(call: &Call, keep: fn(f64, f64) -> bool) -> Value {
    let value = number(call.input);
    let bound = number(call.arg(0));
    let chosen = if keep(value.as_f64(), bound.as_f64()) {
        value
    } else {
        bound
    };
    match chosen {
        Number::Integer(i) => Value::scalar(i),
        Number::Decimal(d, s) => decimal_value(d, s),
        Number::Float(f) => Value::scalar(f),
    }
}

pub fn at_least(call: &Call) -> Result<Value> {
    Ok(bounded(call, |value, bound| value >= bound))
}

pub fn at_most(call: &Call) -> Result<Value> {
    Ok(bounded(call, |value, bound| value <= bound))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_read_as_ruby_reads_them() {
        let n = |v: Value| number(&v);
        assert_eq!(n(Value::scalar(7)), Number::Integer(7));
        assert_eq!(n(Value::scalar("12")), Number::Integer(12));
        assert_eq!(n(Value::scalar("-1.25")), Number::Decimal(-125, 2));
        assert_eq!(n(Value::scalar("3 apples")), Number::Integer(3));
        assert_eq!(n(Value::scalar("apples")), Number::Integer(0));
        assert_eq!(n(Value::Nil), Number::Integer(0));
    }

    #[test]
    fn division_and_modulo_round_down_and_never_overflow() {
        assert_eq!(floor_div(-7, 2), Some(-4));
        assert_eq!(floor_div(7, -2), Some(-4));
        assert_eq!(floor_div(7, 2), Some(3));
        assert_eq!(floor_div(i64::MIN, -1), None);
        assert_eq!(floor_mod(-7, 3), Some(2));
        assert_eq!(floor_mod(7, -3), Some(-2));
        assert_eq!(floor_mod(i64::MIN, -1), Some(0));
    }
}
