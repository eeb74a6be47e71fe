//! Posts' dates: read as Jekyll reads them (a post's file name, `2021-01-14-title.md`, or its
//! `date` with a time and time zone, which wins), kept in UTC as Jekyll's build machines keep
//! them, and written for a page's language.

use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

/// The date and the rest of a post's file name (`2021-01-14-for-authors.md` → 2021-01-14,
/// `for-authors`), if it is named as Jekyll wants posts named.
pub fn from_file_name(name: &str) -> Option<(Date, String)> {
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    let (date, slug) = (stem.get(..10)?, stem.get(10..)?);
    let slug = slug.strip_prefix('-')?;
    (!slug.is_empty()).then_some(())?;
    Some((parse_date(date)?, slug.to_owned()))
}

/// `2021-01-14`.
fn parse_date(text: &str) -> Option<Date> {
    let mut parts = text.splitn(3, '-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: u8 = parts.next()?.parse().ok()?;
    let day: u8 = parts.next()?.trim().parse().ok()?;
    Date::from_calendar_date(year, Month::try_from(month).ok()?, day).ok()
}

/// A `date` as front matter writes it, in UTC: `2021-01-14`, `2021-01-14 15:20:00 +0100`,
/// `2022-10-07 9:00:00 +0200`, `2021-01-14T15:20:00Z`, `2021-01-14 15:20 -07:00`.
pub fn parse(text: &str) -> Option<OffsetDateTime> {
    let text = text.trim();
    let (date, rest) = match text.find([' ', 'T']) {
        Some(i) => (&text[..i], text[i + 1..].trim()),
        None => (text, ""),
    };
    let date = parse_date(date)?;
    let (clock, zone) = match rest.find(['+', '-', 'Z', ' ']) {
        Some(i) => (&rest[..i], rest[i..].trim()),
        None => (rest, ""),
    };
    let time = if clock.is_empty() {
        Time::MIDNIGHT
    } else {
        let mut parts = clock.split(':');
        let hour: u8 = parts.next()?.parse().ok()?;
        let minute: u8 = parts.next().unwrap_or("0").parse().ok()?;
        let second: u8 = parts
            .next()
            .unwrap_or("0")
            .split('.')
            .next()?
            .parse()
            .ok()?;
        Time::from_hms(hour, minute, second).ok()?
    };
    let offset = match zone {
        "" | "Z" | "UTC" | "GMT" => UtcOffset::UTC,
        zone => {
            let sign: i8 = if zone.starts_with('-') { -1 } else { 1 };
            let digits: String = zone[1..].chars().filter(char::is_ascii_digit).collect();
            let (hours, minutes) = match digits.len() {
                2 => (digits.parse::<i8>().ok()?, 0),
                4 => (
                    digits[..2].parse::<i8>().ok()?,
                    digits[2..].parse::<i8>().ok()?,
                ),
                _ => return None,
            };
            UtcOffset::from_hms(sign * hours, sign * minutes, 0).ok()?
        }
    };
    Some(
        PrimitiveDateTime::new(date, time)
            .assume_offset(offset)
            .to_offset(UtcOffset::UTC),
    )
}

/// The date at midnight UTC.
pub fn at_midnight(date: Date) -> OffsetDateTime {
    PrimitiveDateTime::new(date, Time::MIDNIGHT).assume_utc()
}

/// As Jekyll writes a date for Liquid and feeds: `2021-01-14 14:20:00 +0000`.
pub fn liquid_text(date: OffsetDateTime) -> String {
    written_utc(date, ' ', " +0000")
}

/// RFC 3339, as Atom feeds write dates: `2021-01-14T14:20:00+00:00`.
pub fn rfc3339(date: OffsetDateTime) -> String {
    written_utc(date, 'T', "+00:00")
}

/// A date in UTC as year, month, day, `between`, hours, minutes, seconds and `zone`.
fn written_utc(date: OffsetDateTime, between: char, zone: &str) -> String {
    format!(
        "{:04}-{:02}-{:02}{between}{:02}:{:02}:{:02}{zone}",
        date.year(),
        u8::from(date.month()),
        date.day(),
        date.hour(),
        date.minute(),
        date.second()
    )
}

/// The date as a reader of `lang` writes it: `format` (`{day} {month} {year}`) with the
/// language's month names (twelve, separated by `|`).
pub fn written(date: OffsetDateTime, format: &str, months: &str) -> String {
    let month = months
        .split('|')
        .nth(usize::from(u8::from(date.month())) - 1)
        .map_or_else(
            || u8::from(date.month()).to_string(),
            |m| m.trim().to_owned(),
        );
    format
        .replace("{day}", &date.day().to_string())
        .replace("{month}", &month)
        .replace("{year}", &date.year().to_string())
}

/// Posts' order in lists and in `site.posts`: newest first, then by file (`(date, relative)`).
pub fn newest_first(
    (a_date, a_path): (Option<OffsetDateTime>, &str),
    (b_date, b_path): (Option<OffsetDateTime>, &str),
) -> std::cmp::Ordering {
    (b_date, b_path).cmp(&(a_date, a_path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn post_file_names_give_a_date_and_a_slug() {
        let (date, slug) = from_file_name("2021-01-14-for-authors.md").unwrap();
        assert_eq!(
            (date.year(), u8::from(date.month()), date.day()),
            (2021, 1, 14)
        );
        assert_eq!(slug, "for-authors");
        assert!(from_file_name("about.md").is_none());
        assert!(from_file_name("2021-13-01-x.md").is_none());
        assert!(from_file_name("2021-01-14.md").is_none());
    }

    #[test]
    fn dates_are_read_with_their_time_zone_into_utc() {
        let cases = [
            ("2021-01-14", "2021-01-14 00:00:00 +0000"),
            ("2021-01-14 15:20:00 +0100", "2021-01-14 14:20:00 +0000"),
            ("2022-10-07 9:00:00 +0200", "2022-10-07 07:00:00 +0000"),
            ("2022-01-18 10:00:00 -0700", "2022-01-18 17:00:00 +0000"),
            ("2021-01-14T23:30:00-02:00", "2021-01-15 01:30:00 +0000"),
            ("2021-01-14 15:20", "2021-01-14 15:20:00 +0000"),
            ("2021-12-31 23:00:00 -0100", "2022-01-01 00:00:00 +0000"),
        ];
        for (text, expected) in cases {
            assert_eq!(
                parse(text).map(liquid_text).as_deref(),
                Some(expected),
                "{text}"
            );
        }
        assert!(parse("soon").is_none());
        assert!(parse("2021-02-30").is_none());
    }

    #[test]
    fn dates_are_written_for_a_language() {
        let date = parse("2021-01-14").unwrap();
        let months =
            "January|February|March|April|May|June|July|August|September|October|November|December";
        assert_eq!(
            written(date, "{day} {month} {year}", months),
            "14 January 2021"
        );
        let meses = "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre";
        assert_eq!(
            written(date, "{day} de {month} de {year}", meses),
            "14 de enero de 2021"
        );
        assert_eq!(rfc3339(date), "2021-01-14T00:00:00+00:00");
    }
}
