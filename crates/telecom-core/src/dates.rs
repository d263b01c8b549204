//! The date and time formats the vendors use, as `serde_with` adapters on [`time`] types.
//!
//! | adapter | Rust type | example on the wire |
//! |---|---|---|
//! | [`Rfc3339Utc`] | [`OffsetDateTime`] | `2015-06-19T05:44:39.7163989Z` |
//! | [`NaiveUtc`] | [`OffsetDateTime`] | `2015-07-21T15:25:45.323` (no offset: UTC) |
//! | [`UsDate`] / [`UsDatePadded`] | [`Date`] | `5/16/1980`, `05/16/1980` |
//! | [`UsDateOrIso`] | [`Date`] | writes `5/16/1980`; also reads `1980-05-16`, `1980-05-16T00:00:00` |
//! | [`IsoDate`] | [`Date`] | `2024-07-17` |
//! | [`SqlDateTime`] | [`PrimitiveDateTime`] | `2024-06-06 10:35:53` (vendor local time) |
//! | [`XmlDateTime`] (a type) | itself | `2024-06-06T10:35:53`, `2024-06-06T10:35:53-05:00`; a date alone `2024-06-01`, `2024-06-01-05:00` |
//!
//! Every reader is lenient in the same way: the date-time readers accept `T` or a space
//! between date and time, 0 to 9 fractional digits, and an offset or none; the US date reader
//! accepts one- or two-digit month and day. Writers produce the vendor's own form.
//!
//! ```
//! use serde_with::serde_as;
//! use telecom_core::dates::{NaiveUtc, UsDate};
//!
//! #[serde_as]
//! #[derive(serde::Deserialize)]
//! struct Subscriber {
//!     #[serde_as(as = "UsDate")]
//!     birth_date: time::Date,
//!     #[serde_as(as = "Option<NaiveUtc>")]
//!     created: Option<time::OffsetDateTime>,
//! }
//! let s: Subscriber = serde_json::from_str(
//!     r#"{"birth_date":"5/16/1980","created":"2015-07-21T15:25:45.323"}"#,
//! ).unwrap();
//! assert_eq!(s.birth_date.to_string(), "1980-05-16");
//! ```

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_with::{DeserializeAs, SerializeAs};
use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

/// A text that is not in the date or time format that was expected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{input:?} is not a {format}")]
pub struct DateFormatError {
    format: &'static str,
    input: String,
}

impl DateFormatError {
    fn new(format: &'static str, input: &str) -> Self {
        DateFormatError {
            format,
            input: input.chars().take(64).collect(),
        }
    }
}

/// Parses `YYYY-MM-DD`.
pub fn parse_iso_date(text: &str) -> Result<Date, DateFormatError> {
    let err = || DateFormatError::new("date like 2024-07-17", text);
    let mut parts = text.trim().splitn(3, '-');
    let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
        return Err(err());
    };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return Err(err());
    }
    make_date(number(y), number(m), number(d)).ok_or_else(err)
}

/// Parses `M/D/YYYY` with one- or two-digit month and day.
pub fn parse_us_date(text: &str) -> Result<Date, DateFormatError> {
    let err = || DateFormatError::new("date like 5/16/1980", text);
    let mut parts = text.trim().splitn(3, '/');
    let (Some(m), Some(d), Some(y)) = (parts.next(), parts.next(), parts.next()) else {
        return Err(err());
    };
    if !(1..=2).contains(&m.len()) || !(1..=2).contains(&d.len()) || y.len() != 4 {
        return Err(err());
    }
    make_date(number(y), number(m), number(d)).ok_or_else(err)
}

/// Parses `YYYY-MM-DD[T or space]HH:MM:SS[.fraction][Z or ±HH:MM or ±HHMM]`, returning the
/// local date-time and the offset when one was written.
pub fn parse_datetime(
    text: &str,
) -> Result<(PrimitiveDateTime, Option<UtcOffset>), DateFormatError> {
    // Nearly every date-time a vendor sends starts with the 19 plain bytes: read those
    // directly and only the fraction and offset after them; anything else takes the general
    // path, which reads the same values (the tests hold the two paths to that).
    let trimmed = text.trim();
    if let Some(local) = trimmed.get(..19).and_then(parse_plain_datetime)
        && let Some((nanos, offset)) = trimmed.get(19..).and_then(fraction_and_offset)
        && let Ok(local) = local.replace_nanosecond(nanos)
    {
        return Ok((local, offset));
    }
    parse_datetime_split(text)
}

/// The fraction (`.7163989`, as nanoseconds) and the offset (`Z`, `±HH:MM`, `±HHMM`, `±HH`)
/// that may follow `HH:MM:SS`; `None` when `rest` is neither.
fn fraction_and_offset(mut rest: &str) -> Option<(u32, Option<UtcOffset>)> {
    let mut nanos = 0u32;
    if let Some(frac) = rest.strip_prefix('.') {
        let digits = frac.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 9 {
            return None;
        }
        nanos = number(&frac[..digits])? * 10u32.pow(9 - digits as u32);
        rest = &frac[digits..];
    }
    let offset = match rest {
        "" => None,
        "Z" | "z" => Some(UtcOffset::UTC),
        _ => Some(parse_offset(rest)?),
    };
    Some((nanos, offset))
}

/// [`parse_datetime`] without its shortcut: splits the text into its parts.
fn parse_datetime_split(
    text: &str,
) -> Result<(PrimitiveDateTime, Option<UtcOffset>), DateFormatError> {
    let err = || DateFormatError::new("date-time like 2015-07-21T15:25:45.323", text);
    let text_trimmed = text.trim();
    if text_trimmed.len() < 19
        || !text_trimmed.is_char_boundary(10)
        || !text_trimmed.is_char_boundary(19)
    {
        return Err(err());
    }
    let (date_part, rest) = text_trimmed.split_at(10);
    let date = parse_iso_date(date_part).map_err(|_| err())?;
    let rest = rest.strip_prefix(['T', 't', ' ']).ok_or_else(err)?;
    let (clock, rest) = rest.split_at_checked(8).ok_or_else(err)?;
    let hms: Vec<&str> = clock.split(':').collect();
    let [h, m, s] = hms.as_slice() else {
        return Err(err());
    };
    if h.len() != 2 || m.len() != 2 || s.len() != 2 {
        return Err(err());
    }
    let (nanos, offset) = fraction_and_offset(rest).ok_or_else(err)?;
    let time = match (number(h), number(m), number(s)) {
        (Some(h), Some(m), Some(s)) => Time::from_hms_nano(
            to_u8(h).ok_or_else(err)?,
            to_u8(m).ok_or_else(err)?,
            to_u8(s).ok_or_else(err)?,
            nanos,
        )
        .map_err(|_| err())?,
        _ => return Err(err()),
    };
    Ok((PrimitiveDateTime::new(date, time), offset))
}

/// `±HH:MM`, `±HHMM` or `±HH`.
pub(crate) fn parse_offset(text: &str) -> Option<UtcOffset> {
    // The slices below count bytes: a multi-byte character would put one inside it.
    if !text.is_ascii() {
        return None;
    }
    let (sign, body) = match text.as_bytes().first()? {
        b'+' => (1i8, &text[1..]),
        b'-' => (-1i8, &text[1..]),
        _ => return None,
    };
    let (h, m) = match body.len() {
        5 if body.as_bytes()[2] == b':' => (&body[..2], &body[3..]),
        4 => (&body[..2], &body[2..]),
        2 => (body, "00"),
        _ => return None,
    };
    let h = i8::try_from(number(h)?).ok()?;
    let m = i8::try_from(number(m)?).ok()?;
    // XML Schema and RFC 3339 offsets in use stay within ±14:00.
    if h > 14 || m > 59 || (h == 14 && m > 0) {
        return None;
    }
    UtcOffset::from_hms(sign * h, sign * m, 0).ok()
}

/// Only ASCII digits (at least one), as a number.
pub(crate) fn number(text: &str) -> Option<u32> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

pub(crate) fn to_u8(value: u32) -> Option<u8> {
    u8::try_from(value).ok()
}

pub(crate) fn make_date(year: Option<u32>, month: Option<u32>, day: Option<u32>) -> Option<Date> {
    let year = i32::try_from(year?).ok()?;
    let month = Month::try_from(to_u8(month?)?).ok()?;
    Date::from_calendar_date(year, month, to_u8(day?)?).ok()
}

/// Writes `YYYY-MM-DDTHH:MM:SS` plus as many fractional digits as the value needs (none for
/// whole seconds, up to nine).
fn write_local(out: &mut String, value: PrimitiveDateTime) {
    use std::fmt::Write;
    let (d, t) = (value.date(), value.time());
    let _ = write!(
        out,
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
        d.year(),
        u8::from(d.month()),
        d.day(),
        t.hour(),
        t.minute(),
        t.second()
    );
    let nanos = t.nanosecond();
    if nanos != 0 {
        let digits = format!("{nanos:09}");
        out.push('.');
        out.push_str(digits.trim_end_matches('0'));
    }
}

fn write_offset(out: &mut String, offset: UtcOffset) {
    if offset.is_utc() {
        out.push('Z');
    } else {
        let (h, m, _) = offset.as_hms();
        let sign = if offset.is_negative() { '-' } else { '+' };
        out.push_str(&format!(
            "{sign}{:02}:{:02}",
            h.unsigned_abs(),
            m.unsigned_abs()
        ));
    }
}

/// Formats a calendar date as `2024-07-17`.
pub fn format_iso_date(date: Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

/// Formats an instant as `2015-06-19T05:44:39.7163989Z`.
///
/// An instant whose UTC form is beyond year 9999 is written with its own offset instead.
pub fn format_rfc3339_utc(value: OffsetDateTime) -> String {
    let mut out = String::with_capacity(36);
    match in_utc(value) {
        Some(utc) => {
            write_local(&mut out, utc);
            out.push('Z');
        }
        None => {
            write_local(&mut out, PrimitiveDateTime::new(value.date(), value.time()));
            write_offset(&mut out, value.offset());
        }
    }
    out
}

/// Formats an instant in UTC with no offset: `2015-07-21T15:25:45.323`.
///
/// An instant whose UTC form is beyond year 9999 is written as its local time (there is no
/// offset to say so in this form); no such instant is ever read.
pub fn format_naive_utc(value: OffsetDateTime) -> String {
    let mut out = String::with_capacity(30);
    let local = in_utc(value).unwrap_or(PrimitiveDateTime::new(value.date(), value.time()));
    write_local(&mut out, local);
    out
}

fn parse_instant(text: &str) -> Result<OffsetDateTime, DateFormatError> {
    let (local, offset) = parse_datetime(text)?;
    let instant = local.assume_offset(offset.unwrap_or(UtcOffset::UTC));
    // `9999-12-31T23:59:59-05:00` is in year 10000 in UTC, and `0000-01-01T00:00:00+01:00`
    // in year -1: neither can be written back as `YYYY` in UTC, so neither is read.
    match instant.checked_to_offset(UtcOffset::UTC) {
        Some(utc) if (0..=9999).contains(&utc.year()) => Ok(instant),
        _ => Err(DateFormatError::new(
            "an instant between the years 0 and 9999 in UTC",
            text,
        )),
    }
}

/// The instant in UTC, or `None` when UTC is beyond `time`'s range (only a value a caller
/// built, never one read).
fn in_utc(value: OffsetDateTime) -> Option<PrimitiveDateTime> {
    let utc = value.checked_to_offset(UtcOffset::UTC)?;
    Some(PrimitiveDateTime::new(utc.date(), utc.time()))
}

fn read_string<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<std::borrow::Cow<'de, str>, D::Error> {
    <std::borrow::Cow<'de, str>>::deserialize(deserializer)
}

macro_rules! text_adapter {
    ($(#[$doc:meta])* $name:ident, $ty:ty, $parse:expr, $format:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy)]
        pub struct $name;

        impl SerializeAs<$ty> for $name {
            fn serialize_as<S: Serializer>(source: &$ty, serializer: S) -> Result<S::Ok, S::Error> {
                let format: fn(&$ty) -> String = $format;
                serializer.serialize_str(&format(source))
            }
        }

        impl<'de> DeserializeAs<'de, $ty> for $name {
            fn deserialize_as<D: Deserializer<'de>>(deserializer: D) -> Result<$ty, D::Error> {
                let text = read_string(deserializer)?;
                let parse: fn(&str) -> Result<$ty, DateFormatError> = $parse;
                parse(&text).map_err(serde::de::Error::custom)
            }
        }
    };
}

text_adapter!(
    /// An instant written in UTC with `Z` and the fractional digits it needs
    /// (`2015-06-19T05:44:39.7163989Z`); reads any offset, or none as UTC.
    Rfc3339Utc,
    OffsetDateTime,
    parse_instant,
    |v| format_rfc3339_utc(*v)
);

text_adapter!(
    /// An instant written in UTC without an offset (`2015-07-21T15:25:45.323`), as iQmetrix
    /// does; reads any offset, or none as UTC.
    NaiveUtc,
    OffsetDateTime,
    parse_instant,
    |v| format_naive_utc(*v)
);

text_adapter!(
    /// A calendar date as `M/D/YYYY` (`5/16/1980`); reads padded or unpadded.
    UsDate,
    Date,
    parse_us_date,
    |d| format!("{}/{}/{:04}", u8::from(d.month()), d.day(), d.year())
);

text_adapter!(
    /// A calendar date as `MM/DD/YYYY` (`05/16/1980`); reads padded or unpadded.
    UsDatePadded,
    Date,
    parse_us_date,
    |d| format!("{:02}/{:02}/{:04}", u8::from(d.month()), d.day(), d.year())
);

text_adapter!(
    /// A calendar date written `M/D/YYYY` (`5/16/1980`) for a field the vendor documents in
    /// that form but declares a `DateTime` (iQmetrix's `BirthDate`): reads `M/D/YYYY`, a
    /// `YYYY-MM-DD` date, or a date-time, whose date is kept whatever its time or offset.
    /// Wrap it in [`EmptyAsNone`](crate::lenient::EmptyAsNone) where `""` means none.
    UsDateOrIso,
    Date,
    |text| parse_us_date(text)
        .or_else(|_| parse_iso_date(text))
        .or_else(|_| parse_datetime(text).map(|(local, _)| local.date()))
        .map_err(|_| DateFormatError::new("date like 5/16/1980 or 1980-05-16", text)),
    |d| format!("{}/{}/{:04}", u8::from(d.month()), d.day(), d.year())
);

text_adapter!(
    /// A calendar date as `YYYY-MM-DD` (`2024-07-17`).
    IsoDate,
    Date,
    parse_iso_date,
    |d| format_iso_date(*d)
);

text_adapter!(
    /// A local date-time without offset as `YYYY-MM-DD HH:MM:SS` (`2024-06-06 10:35:53`);
    /// the vendor's time zone is not stated, so no offset is assumed.
    SqlDateTime,
    PrimitiveDateTime,
    |text| match parse_datetime(text)? {
        (local, None) => Ok(local),
        (_, Some(_)) => Err(DateFormatError::new("local date-time like 2024-06-06 10:35:53", text)),
    },
    |v| {
        let mut out = String::with_capacity(26);
        write_local(&mut out, *v);
        out.replace('T', " ")
    }
);

/// An XML Schema `dateTime`: a local date-time with an offset when one was written.
///
/// Rev.io writes both `2024-06-06T10:35:53` and `2024-06-06T10:35:53-05:00`, and its "As
/// Date" fields may carry an XML Schema `date` alone (`2024-06-01`, `2024-06-01-05:00`),
/// read as midnight; this type keeps which form it was, so a value read is written back in
/// the same form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct XmlDateTime {
    /// The date and time as written (midnight for a date alone).
    pub local: PrimitiveDateTime,
    /// The offset, when the text had one.
    pub offset: Option<UtcOffset>,
    /// True when the text was a date alone: it is written back without a time.
    pub date_only: bool,
}

impl XmlDateTime {
    /// A date-time as written `2024-06-06T10:35:53`, with the offset when there is one.
    pub fn new(local: PrimitiveDateTime, offset: Option<UtcOffset>) -> Self {
        XmlDateTime {
            local,
            offset,
            date_only: false,
        }
    }

    /// A date alone, as written `2024-06-01` (or `2024-06-01-05:00` with an offset): midnight.
    pub fn date(date: Date, offset: Option<UtcOffset>) -> Self {
        XmlDateTime {
            local: date.midnight(),
            offset,
            date_only: true,
        }
    }

    /// The instant, taking a missing offset as `assumed`.
    pub fn to_offset_datetime(&self, assumed: UtcOffset) -> OffsetDateTime {
        self.local.assume_offset(self.offset.unwrap_or(assumed))
    }
}

impl From<OffsetDateTime> for XmlDateTime {
    fn from(value: OffsetDateTime) -> Self {
        XmlDateTime::new(
            PrimitiveDateTime::new(value.date(), value.time()),
            Some(value.offset()),
        )
    }
}

impl FromStr for XmlDateTime {
    type Err = DateFormatError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if let Some(local) = parse_plain_datetime(s) {
            return Ok(XmlDateTime::new(local, None));
        }
        match parse_datetime(s) {
            Ok((local, offset)) => Ok(XmlDateTime::new(local, offset)),
            // Only after the date-time forms failed: no cost on the common path.
            Err(e) => parse_xml_date(s)
                .map(|(date, offset)| XmlDateTime::date(date, offset))
                .ok_or(e),
        }
    }
}

/// An XML Schema `date`: `YYYY-MM-DD` then `Z`, `±HH:MM`, `±HHMM`, `±HH` or nothing.
fn parse_xml_date(text: &str) -> Option<(Date, Option<UtcOffset>)> {
    let text = text.trim();
    let (date, rest) = (text.get(..10)?, text.get(10..)?);
    let date = parse_iso_date(date).ok()?;
    let offset = match rest {
        "" => None,
        "Z" | "z" => Some(UtcOffset::UTC),
        _ => Some(parse_offset(rest)?),
    };
    Some((date, offset))
}

/// `YYYY-MM-DDTHH:MM:SS` exactly (what Rev.io writes in nearly every record), read without
/// the general parser's splitting; `None` for anything else, which [`parse_datetime`] reads
/// or refuses. Whatever this reads, [`parse_datetime`] reads the same.
fn parse_plain_datetime(text: &str) -> Option<PrimitiveDateTime> {
    let bytes: &[u8; 19] = text.as_bytes().try_into().ok()?;
    let [
        y1,
        y2,
        y3,
        y4,
        b'-',
        mo1,
        mo2,
        b'-',
        d1,
        d2,
        b'T' | b't' | b' ',
        h1,
        h2,
        b':',
        mi1,
        mi2,
        b':',
        s1,
        s2,
    ] = *bytes
    else {
        return None;
    };
    let digit = |b: u8| {
        let value = b.wrapping_sub(b'0');
        (value < 10).then_some(value)
    };
    let two = |a: u8, b: u8| Some(digit(a)? * 10 + digit(b)?);
    let year = i32::from(two(y1, y2)?) * 100 + i32::from(two(y3, y4)?);
    let month = Month::try_from(two(mo1, mo2)?).ok()?;
    let date = Date::from_calendar_date(year, month, two(d1, d2)?).ok()?;
    let time = Time::from_hms(two(h1, h2)?, two(mi1, mi2)?, two(s1, s2)?).ok()?;
    Some(PrimitiveDateTime::new(date, time))
}

impl fmt::Display for XmlDateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::with_capacity(32);
        if self.date_only {
            out.push_str(&format_iso_date(self.local.date()));
        } else {
            write_local(&mut out, self.local);
        }
        if let Some(offset) = self.offset {
            write_offset(&mut out, offset);
        }
        f.write_str(&out)
    }
}

impl Serialize for XmlDateTime {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for XmlDateTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Parsed where the text is, rather than copied into a `String` first: a large answer
        // holds tens of thousands of these.
        struct Text;

        impl serde::de::Visitor<'_> for Text {
            type Value = XmlDateTime;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }

            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<XmlDateTime, E> {
                text.parse().map_err(E::custom)
            }

            fn visit_bytes<E: serde::de::Error>(self, bytes: &[u8]) -> Result<XmlDateTime, E> {
                match std::str::from_utf8(bytes) {
                    Ok(text) => self.visit_str(text),
                    Err(_) => Err(E::invalid_value(serde::de::Unexpected::Bytes(bytes), &self)),
                }
            }
        }

        deserializer.deserialize_str(Text)
    }
}

#[cfg(test)]
mod tests {
    use serde_with::serde_as;

    use super::*;
    use crate::lenient::EmptyAsNone;

    #[serde_as]
    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Person {
        #[serde_as(as = "EmptyAsNone<UsDateOrIso>")]
        #[serde(default)]
        born: Option<Date>,
    }

    fn read(json: &str) -> Result<Person, serde_json::Error> {
        serde_json::from_str(json)
    }

    #[test]
    fn us_date_or_iso_reads_every_documented_shape_and_writes_the_us_form() {
        let may_16 = Date::from_calendar_date(1980, Month::May, 16).ok();
        for text in [
            "5/16/1980",
            "05/16/1980",
            "1980-05-16",
            "1980-05-16T00:00:00",
            "1980-05-16T23:30:00-05:00",
        ] {
            let person = read(&format!(r#"{{"born":"{text}"}}"#)).expect(text);
            assert_eq!(person.born, may_16, "{text}");
            assert_eq!(
                serde_json::to_string(&person).ok().as_deref(),
                Some(r#"{"born":"5/16/1980"}"#),
                "{text}"
            );
        }
        for empty in [
            r#"{"born":""}"#,
            r#"{"born":null}"#,
            "{}",
            // A zero date: what MySQL and PHP write for a date never set.
            r#"{"born":"0000-00-00"}"#,
            r#"{"born":"0000-00-00 00:00:00"}"#,
            r#"{"born":"00/00/0000"}"#,
        ] {
            assert_eq!(read(empty).ok(), Some(Person { born: None }), "{empty}");
        }
        for bad in ["16/5/1980", "1980-13-01", "soon", "0000-00-01", "-"] {
            assert!(read(&format!(r#"{{"born":"{bad}"}}"#)).is_err(), "{bad}");
        }
    }
    fn agrees_with_the_general_parser(text: &str) {
        let split = parse_datetime_split(text);
        assert_eq!(parse_datetime(text), split, "{text:?}");
        let general = split.map(|(local, offset)| XmlDateTime::new(local, offset));
        let date_only = parse_xml_date(text).map(|(date, offset)| XmlDateTime::date(date, offset));
        match date_only {
            Some(date) => assert_eq!(text.parse::<XmlDateTime>(), Ok(date), "{text:?}"),
            None => assert_eq!(text.parse::<XmlDateTime>(), general, "{text:?}"),
        }
        if let Some(fast) = parse_plain_datetime(text) {
            assert_eq!(general.map(|v| v.local).ok(), Some(fast), "{text:?}");
        }
    }

    #[test]
    fn the_plain_xml_datetime_path_reads_what_the_general_parser_reads() {
        for text in [
            "2024-05-31T00:00:00",
            "2024-05-31t23:59:59",
            "2024-05-31 10:35:53",
            "0000-01-01T00:00:00",
            "9999-12-31T23:59:59",
            "2024-02-29T12:00:00",
            "2023-02-29T12:00:00",
            "2024-13-01T00:00:00",
            "2024-00-10T00:00:00",
            "2024-05-00T00:00:00",
            "2024-05-31T24:00:00",
            "2024-05-31T23:60:00",
            "2024-05-31T23:59:60",
            "2024-05-31X00:00:00",
            "2024/05/31T00:00:00",
            "2024-05-31T00-00-00",
            "2024-05-3aT00:00:00",
            "+024-05-31T00:00:00",
            " 2024-05-31T00:00:0",
            "2024-05-31T00:00:00Z",
            "2024-05-31T00:00:00.5",
            "2024-05-31T00:00:00-05:00",
            " 2024-05-31T00:00:00 ",
            "2015-06-19T05:44:39.7163989Z",
            "2015-06-19T05:44:39.1234567891Z",
            "2015-06-19T05:44:39.Z",
            "2015-06-19T05:44:39+14:00",
            "2015-06-19T05:44:39+14:01",
            "2015-06-19T05:44:39-0530",
            "2015-06-19T05:44:39+05",
            "2015-06-19T05:44:39+5",
            "2015-06-19T05:44:39é",
        ] {
            agrees_with_the_general_parser(text);
        }
        assert!(parse_plain_datetime("2024-05-31T00:00:00").is_some());
        assert!(parse_plain_datetime("2024-05-31T00:00:00Z").is_none());
    }

    proptest::proptest! {
        #[test]
        fn the_plain_path_agrees_on_near_misses(text in "[0-9]{4}[-/][0-9]{2}-[0-9 ]{2}[Tt X][0-9]{2}[:-][0-9]{2}:[0-9]{2}") {
            agrees_with_the_general_parser(&text);
        }

        #[test]
        fn the_plain_path_agrees_on_any_nineteen_characters(text in "\\PC{19}") {
            agrees_with_the_general_parser(&text);
        }

        #[test]
        fn the_shortcut_agrees_on_fractions_and_offsets(
            text in "[ ]?[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{0,10})?(Z|z|[+-][0-9]{2}(:?[0-9]{2})?|[+-][0-9]{3}|x)?[ ]?"
        ) {
            agrees_with_the_general_parser(&text);
        }
    }
}
