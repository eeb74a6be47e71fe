//! Posts' dates: read as Jekyll reads them (a post's file name, `2021-01-14-title.md`, or its
//! `date` with a time and time zone, which wins), kept in UTC as Jekyll's build machines keep
//! them, and written for a page's language.

use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

/// The date and the rest of a document's file name, as Jekyll reads names
/// (`(\d{2,4}-\d{1,2}-\d{1,2})-(.*)` before the extension): `2021-01-14-for-authors.md` is
/// `2021-01-14` and `for-authors`, `2025-2-3-launch.md` is `2025-2-3` and `launch`. The date is
/// as written: it is read only when the front matter gives none (see [`file_date`]).
pub fn file_name_parts(name: &str) -> Option<(&str, &str)> {
    let stem = name.rsplit_once('.').map(|(stem, _)| stem)?;
    let mut end = 0;
    for (index, (min, max)) in [(2, 4), (1, 2), (1, 2)].into_iter().enumerate() {
        if index > 0 {
            end += stem[end..].starts_with('-').then_some(1)?;
        }
        let digits = stem[end..].bytes().take_while(u8::is_ascii_digit).count();
        (min..=max).contains(&digits).then_some(())?;
        end += digits;
    }
    let slug = stem[end..].strip_prefix('-')?;
    Some((&stem[..end], slug))
}

/// The date a file name gives (`2021-01-14`, `2025-2-3`), if it is a date.
pub fn file_date(text: &str) -> Option<Date> {
    parse_date(text)
}

/// `2021-01-14`, `2025-2-3`.
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
    fn file_names_give_a_date_and_a_slug_as_jekyll_reads_them() {
        assert_eq!(
            file_name_parts("2021-01-14-for-authors.md"),
            Some(("2021-01-14", "for-authors"))
        );
        assert_eq!(
            file_name_parts("2025-2-3-launch.MD"),
            Some(("2025-2-3", "launch"))
        );
        assert_eq!(
            file_name_parts("2024-03-10-Ross Stewart.md"),
            Some(("2024-03-10", "Ross Stewart"))
        );
        assert_eq!(
            file_name_parts("2023-15-03-Impact-Use.md"),
            Some(("2023-15-03", "Impact-Use"))
        );
        assert_eq!(file_name_parts("about.md"), None);
        assert_eq!(file_name_parts("2021-01-14.md"), None);
        assert_eq!(file_name_parts("2021-01-14-x"), None, "no extension");
        assert_eq!(file_name_parts("20211-01-14-x.md"), None);
        let date = file_date("2025-2-3").unwrap();
        assert_eq!(
            (date.year(), u8::from(date.month()), date.day()),
            (2025, 2, 3)
        );
        assert!(file_date("2023-15-03").is_none());
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
