//! The HTTP date of a `Retry-After` header (RFC 9110 section 5.6.7), read by hand so that
//! the `time` crate is needed without its format-description machinery.
//!
//! A recipient must accept all three forms; the first is what servers send today:
//! - IMF-fixdate: `Sun, 06 Nov 1994 08:49:37 GMT`
//! - RFC 850: `Sunday, 06-Nov-94 08:49:37 GMT`
//! - asctime: `Sun Nov  6 08:49:37 1994`
//!
//! Proxies that write RFC 2822 dates are read too: a numeric offset (`+0000`, `-0500`) or
//! `UT` / `UTC` / `Z` in place of `GMT`, a one-digit day, no seconds. The weekday is not
//! checked against the date: a wrong weekday says nothing about when to retry.

use std::time::SystemTime;

use time::{PrimitiveDateTime, Time, UtcOffset};

use crate::dates::{make_date, number, parse_offset, to_u8};

/// The instant an HTTP date names; `None` for anything else.
pub(crate) fn parse(text: &str) -> Option<SystemTime> {
    let mut words = text.split_ascii_whitespace();
    let first = words.next()?;
    let instant = if let Some(weekday) = first.strip_suffix(',') {
        weekday_name(weekday)?;
        let date = words.next()?;
        if date.contains('-') {
            // RFC 850: `06-Nov-94`.
            let mut parts = date.split('-');
            let (day, month, year) = (parts.next()?, parts.next()?, parts.next()?);
            if parts.next().is_some() {
                return None;
            }
            at(year, month, day, words.next()?, words.next()?)?
        } else {
            let (month, year) = (words.next()?, words.next()?);
            at(year, month, date, words.next()?, words.next()?)?
        }
    } else {
        // asctime: `Sun Nov  6 08:49:37 1994`, always GMT.
        weekday_name(first)?;
        let (month, day, clock, year) =
            (words.next()?, words.next()?, words.next()?, words.next()?);
        at(year, month, day, clock, "GMT")?
    };
    words.next().is_none().then_some(instant)
}

fn weekday_name(word: &str) -> Option<()> {
    (word.len() >= 3 && word.bytes().all(|b| b.is_ascii_alphabetic())).then_some(())
}

fn at(year: &str, month: &str, day: &str, clock: &str, zone: &str) -> Option<SystemTime> {
    let date = make_date(year_of(year), month_of(month), digits(day, 1, 2))?;
    let mut hms = clock.split(':');
    let hour = digits(hms.next()?, 2, 2)?;
    let minute = digits(hms.next()?, 2, 2)?;
    let second = match hms.next() {
        Some(second) => digits(second, 2, 2)?,
        None => 0,
    };
    if hms.next().is_some() {
        return None;
    }
    // RFC 9110 allows a leap second on the wire; one second later is as good a time to retry.
    let time = Time::from_hms(to_u8(hour)?, to_u8(minute)?, to_u8(second.min(59))?).ok()?;
    let offset = if ["GMT", "UTC", "UT", "Z"]
        .iter()
        .any(|z| z.eq_ignore_ascii_case(zone))
    {
        UtcOffset::UTC
    } else {
        parse_offset(zone)?
    };
    Some(
        PrimitiveDateTime::new(date, time)
            .assume_offset(offset)
            .into(),
    )
}

/// Four digits, or two as RFC 2822 reads them (00-49: 2000s, 50-99: 1900s).
fn year_of(text: &str) -> Option<u32> {
    let year = number(text)?;
    match text.len() {
        2 if year < 50 => Some(2000 + year),
        2 => Some(1900 + year),
        4 => Some(year),
        _ => None,
    }
}

fn month_of(text: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let index = MONTHS.iter().position(|m| m.eq_ignore_ascii_case(text))?;
    u32::try_from(index + 1).ok()
}

/// `min` to `max` ASCII digits.
fn digits(text: &str, min: usize, max: usize) -> Option<u32> {
    (min..=max)
        .contains(&text.len())
        .then(|| number(text))
        .flatten()
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::parse;

    /// 1994-11-06 08:49:37 UTC, the RFC's example.
    fn example() -> Option<std::time::SystemTime> {
        Some(std::time::UNIX_EPOCH + Duration::from_secs(784_111_777))
    }

    #[test]
    fn the_three_forms_of_rfc_9110() {
        assert_eq!(parse("Sun, 06 Nov 1994 08:49:37 GMT"), example());
        assert_eq!(parse("Sunday, 06-Nov-94 08:49:37 GMT"), example());
        assert_eq!(parse("Sun Nov  6 08:49:37 1994"), example());
    }

    #[test]
    fn rfc_2822_variants_proxies_write() {
        assert_eq!(parse("Sun, 6 Nov 1994 08:49:37 +0000"), example());
        assert_eq!(parse("Sun, 06 Nov 1994 03:49:37 -0500"), example());
        assert_eq!(parse("sun, 06 nov 1994 08:49:37 utc"), example());
        assert_eq!(
            parse("Sun, 06 Nov 1994 08:49 GMT"),
            example().map(|t| t - Duration::from_secs(37))
        );
    }

    #[test]
    fn anything_else_is_not_a_date() {
        for text in [
            "",
            "soon",
            "Sun, 06 Nov 1994 08:49:37",
            "Sun, 06 Nov 1994 08:49:37 GMT extra",
            "Sun, 31 Feb 1994 08:49:37 GMT",
            "Sun, 06 Foo 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 25:49:37 GMT",
            "Sun, 06 Nov 1994 08:49:37 +25000",
            "Sun, 06 Nov 19945 08:49:37 GMT",
            "Sun, 06-Nov-94-1 08:49:37 GMT",
            "1, 06 Nov 1994 08:49:37 GMT",
            "Sun, +6 Nov 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 08:49:37 +08é0",
            "Sun, 06 Nov 1994 08:49:37 +0é0",
        ] {
            assert_eq!(parse(text), None, "{text:?}");
        }
    }
}
