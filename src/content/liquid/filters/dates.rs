//! Dates: Liquid's `date` and Jekyll's `date_to_xmlschema`, `date_to_rfc822`, `date_to_string`
//! and `date_to_long_string`. Any value Ruby's Liquid reads as a time is one here: a date value,
//! `now` or `today`, a number of seconds since 1970, and a text as front matter writes dates
//! (`2021-01-14`, `2022-10-07 9:00:00 +0200`) or as the `liquid` crate reads them; a value that is
//! not a time passes through unchanged.

use liquid::model::{DateTime, Value, ValueView};
use liquid_core::{Error, Result};
use time::OffsetDateTime;

use super::call::Call;
use crate::content::repository::dates;

/// The time a value is, if it is one (Ruby Liquid's `Utils.to_date`).
fn moment(value: &dyn ValueView) -> Option<OffsetDateTime> {
    let scalar = value.as_scalar()?;
    if let Some(date_time) = scalar.to_date_time() {
        return Some(*date_time);
    }
    if let Some(date) = scalar.to_date() {
        return Some(dates::at_midnight(*date));
    }
    dates::parse(&scalar.to_kstr())
}

/// `moment` written with a strftime `format`.
fn strftime(moment: OffsetDateTime, format: &str) -> Result<String> {
    let mut date_time = DateTime::now();
    *date_time = moment;
    date_time
        .format(format)
        .map_err(|_| Error::with_msg(format!("Invalid date-format string: {format}")))
}

pub fn date(call: &Call) -> Result<Value> {
    let format = call.arg(0).to_kstr().to_string();
    if format.is_empty() {
        return Ok(call.input.to_value());
    }
    match moment(call.input) {
        Some(moment) => Ok(Value::scalar(strftime(moment, &format)?)),
        None => Ok(call.input.to_value()),
    }
}

/// Runs a Jekyll date filter: an empty input passes through; one that is not a time is Jekyll's
/// error ("Invalid Date").
fn jekyll_date(call: &Call, write: impl Fn(OffsetDateTime) -> Result<String>) -> Result<Value> {
    if call.input.to_kstr().is_empty() {
        return Ok(call.input.to_value());
    }
    let moment = moment(call.input).ok_or_else(|| {
        Error::with_msg(format!(
            "Invalid Date: '{}' is not a valid datetime.",
            call.input.to_kstr()
        ))
    })?;
    Ok(Value::scalar(write(moment)?))
}

pub fn date_to_xmlschema(call: &Call) -> Result<Value> {
    jekyll_date(call, |m| strftime(m, "%Y-%m-%dT%H:%M:%S%:z"))
}

pub fn date_to_rfc822(call: &Call) -> Result<Value> {
    jekyll_date(call, |m| strftime(m, "%a, %d %b %Y %H:%M:%S %z"))
}

/// `date_to_string` and `date_to_long_string`: `07 Nov 2008`; with `"ordinal"`, `7th Nov 2008`,
/// and with `"ordinal", "US"`, `Nov 7th, 2008`.
fn stringify(call: &Call, month: &str) -> Result<Value> {
    let kind = call.args.first().map(|v| v.to_kstr().to_string());
    let style = call.args.get(1).map(|v| v.to_kstr().to_string());
    jekyll_date(call, |m| {
        if kind.as_deref() != Some("ordinal") {
            return strftime(m, &format!("%d {month} %Y"));
        }
        let day = m.day();
        let suffix = match (day % 10, day) {
            (_, 11..=13) => "th",
            (1, _) => "st",
            (2, _) => "nd",
            (3, _) => "rd",
            _ => "th",
        };
        if style.as_deref() == Some("US") {
            strftime(m, &format!("{month} {day}{suffix}, %Y"))
        } else {
            strftime(m, &format!("{day}{suffix} {month} %Y"))
        }
    })
}

pub fn date_to_string(call: &Call) -> Result<Value> {
    stringify(call, "%b")
}

pub fn date_to_long_string(call: &Call) -> Result<Value> {
    stringify(call, "%B")
}
