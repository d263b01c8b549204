//! The response codec: the `Ok` / `Error NNN: message` status line, single values, and CSV
//! tables read by column name.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::time::Duration;

use serde::Serialize;
use telecom_core::{Money, Redactor};
use time::{Date, Time};

use crate::error::{Error, Result};
use crate::row_reader::read_table;
use crate::stream::Ctx;

/// The longest status line accepted (without its `\n`); a body whose first line is longer
/// is not TraiTel's. Both the whole-body and the streamed reader hold to it.
pub(crate) const MAX_STATUS_LINE: usize = 4096;

/// The request's parameters, form-encoded once for every attempt: `user`, `pass` and `mode`
/// first, then the mode's own (any `serde` value serde_urlencoded takes: a struct, a map, a
/// list of pairs). The same text is a POST body or a GET query string.
pub(crate) fn encode_form<P: Serialize + ?Sized>(
    user: &str,
    pass: &str,
    mode: &str,
    params: &P,
) -> Result<String> {
    #[derive(Serialize)]
    struct Auth<'a> {
        user: &'a str,
        pass: &'a str,
        mode: &'a str,
    }
    // The error names no value: the pairs hold the password.
    let mut form = serde_urlencoded::to_string(Auth { user, pass, mode })
        .map_err(|_| Error::invalid("params", "cannot be form-encoded"))?;
    let own = serde_urlencoded::to_string(params)
        .map_err(|e| Error::invalid("params", format!("not flat key/value pairs: {e}")))?;
    if !own.is_empty() {
        form.push('&');
        form.push_str(&own);
    }
    Ok(form)
}

/// Checks the first line of a body: `Ok` passes, `Error NNN: message` becomes
/// [`Error::Vendor`], anything else (HTML, nothing at all, a line longer than
/// [`MAX_STATUS_LINE`]) is [`Error::Decode`]. `line` is the status line as [`status_line`]
/// finds it (with its `\n`, or cut at `MAX_STATUS_LINE + 1` bytes); `body_start` is what the
/// error excerpt shows. Every text of the error goes through `redactor`.
pub(crate) fn check_status_line(
    redactor: &Redactor,
    mode: &str,
    line: &[u8],
    body_start: &[u8],
) -> Result<()> {
    let content = line.strip_suffix(b"\n").unwrap_or(line);
    if content.len() > MAX_STATUS_LINE {
        return Err(Error::decode(
            redactor,
            mode,
            "first line is longer than any `Ok` or `Error NNN: message` line",
            body_start,
        ));
    }
    // A byte-order mark before it was skipped by `status_line`, where every line comes from.
    let content = content.trim_ascii();
    if content.eq_ignore_ascii_case(b"ok") {
        return Ok(());
    }
    if let Some((code, message)) = parse_error_line(content) {
        return Err(Error::vendor(redactor, code, message));
    }
    let reason = if body_start.trim_ascii().is_empty() {
        "empty body, expected `Ok` or `Error NNN: message`"
    } else {
        "first line is neither `Ok` nor `Error NNN: message`"
    };
    Err(Error::decode(redactor, mode, reason, body_start))
}

/// The code and message of a body whose status line is `Error NNN: message`, read as
/// [`check_status_line`] reads a status line (a byte-order mark, blank lines before it and
/// surrounding whitespace ignored): for answers other than 2xx, whose status decides the
/// class.
pub(crate) fn error_in_body(body: &[u8]) -> Option<(&str, &str)> {
    let (start, end) = status_line(body, true)?;
    parse_error_line(body.get(start..end)?.trim_ascii())
}

/// Where the status line is in the first bytes of a body: `(start, end)`, `end` after its
/// `\n`, or `MAX_STATUS_LINE + 1` bytes on when no `\n` comes that soon, or the end of the
/// body. `None` until enough has arrived (`eof`: nothing more will; then never `None`).
///
/// A byte-order mark and blank lines (ASCII whitespace up to a `\n`) before the status
/// line are skipped: a CGI script that prints an extra new line after its headers puts one
/// there. Only the blank lines that end within the first `MAX_STATUS_LINE + 1` bytes after
/// the mark count, so a body of endless new lines is decided in bounded bytes; its status
/// line is then blank, and so refused. Every reader of a status line (whole bodies,
/// non-2xx bodies, streamed logs) goes through here, so they agree on where the payload
/// starts.
pub(crate) fn status_line(head: &[u8], eof: bool) -> Option<(usize, usize)> {
    const BOM: &[u8] = b"\xEF\xBB\xBF";
    if !eof && head.len() < BOM.len() && BOM.starts_with(head) {
        return None;
    }
    let mark = if head.starts_with(BOM) { BOM.len() } else { 0 };
    let window = head
        .get(mark..head.len().min(mark + MAX_STATUS_LINE + 1))
        .unwrap_or_default();
    let mut start = mark;
    let mut decided = window.len() == MAX_STATUS_LINE + 1 || eof;
    for (i, &b) in window.iter().enumerate() {
        if b == b'\n' {
            start = mark + i + 1;
        } else if !b.is_ascii_whitespace() {
            decided = true;
            break;
        }
    }
    if !decided {
        return None;
    }
    let line = head.get(start..).unwrap_or_default();
    let line = line
        .get(..line.len().min(MAX_STATUS_LINE + 1))
        .unwrap_or(line);
    match line.iter().position(|&b| b == b'\n') {
        Some(at) => Some((start, start + at + 1)),
        None if line.len() == MAX_STATUS_LINE + 1 || eof => Some((start, start + line.len())),
        None => None,
    }
}

/// The most bytes [`status_line`] looks at before it decides: a byte-order mark, the blank
/// lines, the status line.
pub(crate) const STATUS_HEAD_MAX: usize = 3 + 2 * (MAX_STATUS_LINE + 1);

/// `Error 012: Human-Readable Error Message` (the colon and message are optional): the
/// code and the message.
pub(crate) fn parse_error_line(line: &[u8]) -> Option<(&str, &str)> {
    let text = std::str::from_utf8(line).ok()?;
    let rest = text
        .get(..6)
        .filter(|p| p.eq_ignore_ascii_case("error "))
        .and_then(|_| text.get(6..))?;
    let digits_end = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    if digits_end == 0 {
        return None;
    }
    let (code, message) = rest.split_at(digits_end);
    Some((code, message.trim_start_matches(':').trim()))
}

/// Splits a whole body into its status line and the payload after it.
pub(crate) fn split_body<'a>(redactor: &Redactor, mode: &str, body: &'a [u8]) -> Result<&'a [u8]> {
    // At the end of the body `status_line` always decides; the fallback is never taken.
    let (start, end) = status_line(body, true).unwrap_or((0, body.len()));
    let line = body.get(start..end).unwrap_or_default();
    check_status_line(redactor, mode, line, body)?;
    Ok(body.get(end..).unwrap_or_default())
}

/// The single value after `Ok` (balance, new ID, time zone, cost).
pub(crate) fn single_value(redactor: &Redactor, mode: &str, payload: &[u8]) -> Result<String> {
    let text = std::str::from_utf8(payload)
        .map_err(|_| Error::decode(redactor, mode, "value is not UTF-8", payload))?;
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .map(str::to_owned)
        .ok_or_else(|| Error::decode(redactor, mode, "`Ok` is not followed by the value", payload))
}

/// The single value after `Ok` as money (`what` names it in an error).
pub(crate) fn money_value(
    redactor: &Redactor,
    mode: &str,
    what: &str,
    payload: &[u8],
) -> Result<Money> {
    let value = single_value(redactor, mode, payload)?;
    // The parse error quotes the value, which may be anything the gateway sent.
    value
        .parse::<Money>()
        .map_err(|e| Error::decode(redactor, mode, &format!("{what}: {e}"), payload))
}

/// One CSV record as the splitter gives it (see [`crate::records`]).
pub(crate) trait Record {
    fn field(&self, i: usize) -> Option<&str>;
    fn count(&self) -> usize;
}

#[allow(unreachable_pub)] // sealed: public in name so public bounds may use it
pub(crate) mod sealed {
    /// A typed CSV row; the columns are found by name in the header row.
    pub trait CsvRow: Sized {
        /// The columns this mode always returns, as the spec writes them.
        const COLUMNS: &'static [&'static str];
        /// Columns read when present (after `COLUMNS` in [`super::Fields`] numbering).
        const OPTIONAL: &'static [&'static str] = &[];
        /// True for the SMS logs, whose ASCII messages escape a new line with a backslash:
        /// a new line after an odd run of backslashes does not end the record (see
        /// `crate::records`).
        const ESCAPED_NEW_LINES: bool = false;
        /// A column written raw, commas and all (the SMS logs' `Message`): when it is the
        /// header's last, a row with more fields than the header is read with the fields
        /// from it on joined back by commas, where any other row of the wrong width is an
        /// error.
        const REST_COLUMN: Option<&'static str> = None;
        /// Builds the row; the error says which column was wrong.
        fn from_fields(fields: &super::Fields<'_>) -> Result<Self, String>;
    }
}

pub(crate) use sealed::CsvRow;

/// Header names compared without case, spaces or punctuation (`Sub-ID` is `SubID`).
pub(crate) fn normalise(name: &str) -> String {
    name.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Where each column of a row type is in one header row, and the columns it does not type.
pub(crate) struct Columns {
    /// For each of `COLUMNS` then `OPTIONAL`, its index in the header, when there.
    at: Vec<Option<usize>>,
    /// The header's other columns: index and name (trimmed), first of a name only.
    extra: Vec<(usize, String)>,
    /// The header's last column is the row type's `REST_COLUMN`.
    rest: bool,
}

impl Columns {
    /// True when a row wider than the header belongs to its last column (`REST_COLUMN`).
    #[inline]
    pub(crate) fn last_takes_rest(&self) -> bool {
        self.rest
    }
}

/// True for the one field of a record that makes the record a blank line: nothing but
/// ASCII whitespace (` `, `\t`, the `\r` of ` \r\n`). The gateway pads bodies with such
/// lines (before the header, after the rows, or as all there is after `Ok` when a result is
/// empty); every table and log reader skips a one-field record whose field is blank,
/// before the header and among the rows, where the `csv` crate would read it as a record.
/// The fuzz reference check (`fuzzing.rs`) holds the same rule.
#[inline]
pub(crate) fn is_blank_field(field: &[u8]) -> bool {
    field.trim_ascii().is_empty()
}

/// Where each wanted column is in this header row; the error names the missing ones.
pub(crate) fn resolve_columns<T: CsvRow>(header: &dyn Record) -> Result<Columns, String> {
    let names: Vec<String> = (0..header.count())
        .map(|i| normalise(header.field(i).unwrap_or_default()))
        .collect();
    let find = |want: &str| {
        let want = normalise(want);
        names.iter().position(|n| *n == want)
    };
    let mut at = Vec::with_capacity(T::COLUMNS.len() + T::OPTIONAL.len());
    let mut missing = Vec::new();
    for want in T::COLUMNS {
        let found = find(want);
        if found.is_none() {
            missing.push(*want);
        }
        at.push(found);
    }
    if !missing.is_empty() {
        return Err(format!(
            "header row lacks column(s) {}; expected {}",
            missing.join(", "),
            T::COLUMNS.join(",")
        ));
    }
    at.extend(T::OPTIONAL.iter().map(|w| find(w)));
    // The column the row type reads under that name (a repeated name's first).
    let rest = T::REST_COLUMN
        .and_then(find)
        .is_some_and(|i| i + 1 == names.len());
    let mut extra: Vec<(usize, String)> = Vec::new();
    for i in 0..header.count() {
        let name = header.field(i).unwrap_or_default().trim();
        // A repeated name keeps its first column, so no value is silently replaced.
        if !at.contains(&Some(i)) && !extra.iter().any(|(_, n)| n == name) {
            extra.push((i, name.to_owned()));
        }
    }
    Ok(Columns { at, extra, rest })
}

/// The text of a record, for an error excerpt (masked and cut by [`Error::decode_row`]).
pub(crate) fn record_text(record: &dyn Record) -> String {
    (0..record.count())
        .filter_map(|i| record.field(i))
        .collect::<Vec<_>>()
        .join(",")
}

/// One data row, its fields addressed by the row type's column numbers.
///
/// The row is its text and the byte range of each field in it (no call through a trait
/// object per field: a log row has a dozen field reads).
#[derive(Clone, Copy)]
pub struct Fields<'a> {
    text: &'a str,
    bounds: &'a [(usize, usize)],
    cols: &'a [Option<usize>],
    extra: &'a [(usize, String)],
}

impl<'a> Fields<'a> {
    pub(crate) fn new(text: &'a str, bounds: &'a [(usize, usize)], columns: &'a Columns) -> Self {
        Fields {
            text,
            bounds,
            cols: &columns.at,
            extra: &columns.extra,
        }
    }

    #[inline]
    fn field(&self, i: usize) -> Option<&'a str> {
        let &(a, b) = self.bounds.get(i)?;
        self.text.get(a..b)
    }

    /// The columns the row type does not type, by header name, values as sent (an empty
    /// map, without allocating, when the header has no such column).
    pub(crate) fn extra(&self) -> BTreeMap<String, String> {
        self.extra_columns().to_map()
    }

    /// The columns the row type does not type, borrowed.
    #[inline]
    pub(crate) fn extra_columns(&self) -> crate::ExtraColumns<'a> {
        crate::ExtraColumns::new(self.text, self.bounds, self.extra)
    }

    /// The trimmed text of column `c`; `None` when empty or absent.
    #[inline]
    pub(crate) fn opt_str(&self, c: usize) -> Option<&'a str> {
        Some(self.raw(c)).filter(|s| !s.is_empty())
    }

    /// The trimmed text of column `c`; empty when the column is absent.
    #[inline]
    pub(crate) fn raw(&self, c: usize) -> &'a str {
        self.cols
            .get(c)
            .copied()
            .flatten()
            .and_then(|i| self.field(i))
            .map(trim)
            .unwrap_or_default()
    }

    /// The text of column `c` as sent, spaces kept.
    #[inline]
    pub(crate) fn untrimmed(&self, c: usize) -> &'a str {
        self.cols
            .get(c)
            .copied()
            .flatten()
            .and_then(|i| self.field(i))
            .unwrap_or_default()
    }

    pub(crate) fn text(&self, c: usize) -> String {
        self.raw(c).to_owned()
    }

    /// `None` for an empty or absent column.
    pub(crate) fn opt(&self, c: usize) -> Option<String> {
        Some(self.raw(c))
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    }

    /// True when the header row has column `c`.
    #[inline]
    pub(crate) fn has(&self, c: usize) -> bool {
        self.cols.get(c).copied().flatten().is_some()
    }

    #[inline]
    pub(crate) fn money(&self, c: usize, name: &str) -> Result<Money, String> {
        parse_money(self.raw(c)).map_err(|e| format!("{name}: {e}"))
    }

    #[inline]
    pub(crate) fn opt_money(&self, c: usize, name: &str) -> Result<Option<Money>, String> {
        match self.raw(c) {
            "" => Ok(None),
            s => parse_money(s).map(Some).map_err(|e| format!("{name}: {e}")),
        }
    }

    #[inline]
    pub(crate) fn date(&self, c: usize, name: &str) -> Result<Date, String> {
        parse_log_date(self.raw(c)).map_err(|e| format!("{name}: {e}"))
    }

    #[inline]
    pub(crate) fn time(&self, c: usize, name: &str) -> Result<Time, String> {
        parse_log_time(self.raw(c)).map_err(|e| format!("{name}: {e}"))
    }

    #[inline]
    pub(crate) fn duration(&self, c: usize, name: &str) -> Result<Duration, String> {
        parse_duration(self.raw(c)).map_err(|e| format!("{name}: {e}"))
    }

    #[inline]
    pub(crate) fn number(&self, c: usize, name: &str) -> Result<u32, String> {
        let s = self.raw(c);
        s.parse::<u32>()
            .map_err(|_| format!("{name}: {s:?} is not a whole number"))
    }

    #[inline]
    pub(crate) fn opt_number(&self, c: usize, name: &str) -> Result<Option<u32>, String> {
        match self.raw(c) {
            "" => Ok(None),
            _ => self.number(c, name).map(Some),
        }
    }
}

/// `str::trim`, with no scan for the usual field that starts and ends with a visible ASCII
/// character.
#[inline]
fn trim(s: &str) -> &str {
    let visible = |b: Option<&u8>| b.is_some_and(|&b| b > b' ' && b < 0x7F);
    let bytes = s.as_bytes();
    if visible(bytes.first()) && visible(bytes.last()) {
        s
    } else {
        s.trim()
    }
}

fn parse_money(s: &str) -> Result<Money, String> {
    s.parse::<Money>().map_err(|e| e.to_string())
}

/// Log dates: the spec's own `yyyy-mm-dd`, with `m/d/yyyy` accepted too.
#[inline]
pub(crate) fn parse_log_date(s: &str) -> Result<Date, String> {
    if let Some(date) = iso_date_digits(s.as_bytes()) {
        return Ok(date);
    }
    telecom_core::dates::parse_iso_date(s)
        .or_else(|_| telecom_core::dates::parse_us_date(s))
        .map_err(|e| e.to_string())
}

/// Log times: `HH:MM:SS` (or `HH:MM`), 24-hour, as the account's time zone shows them.
#[inline]
pub(crate) fn parse_log_time(s: &str) -> Result<Time, String> {
    if let Some(time) = hms_digits(s.as_bytes()) {
        return Ok(time);
    }
    let err = || format!("{s:?} is not a time like 13:05:09");
    let mut parts = s.split(':');
    let mut next = |required: bool| -> Result<u8, String> {
        match parts.next() {
            Some(p) if (1..=2).contains(&p.len()) => p.parse::<u8>().map_err(|_| err()),
            Some(_) => Err(err()),
            None if required => Err(err()),
            None => Ok(0),
        }
    };
    let (h, m, sec) = (next(true)?, next(true)?, next(false)?);
    if parts.next().is_some() {
        return Err(err());
    }
    Time::from_hms(h, m, sec).map_err(|_| err())
}

/// Two ASCII digits as a number.
fn two_digits(pair: &[u8]) -> Option<u8> {
    match pair {
        [a @ b'0'..=b'9', b @ b'0'..=b'9'] => Some((a - b'0') * 10 + (b - b'0')),
        _ => None,
    }
}

/// `yyyy-mm-dd` exactly, the form every log row has; `None` sends any other text (and an
/// impossible date) to the general readers, which give the error.
fn iso_date_digits(s: &[u8]) -> Option<Date> {
    let [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = *s else {
        return None;
    };
    let year = i32::from(two_digits(&[y0, y1])?) * 100 + i32::from(two_digits(&[y2, y3])?);
    let month = time::Month::try_from(two_digits(&[m0, m1])?).ok()?;
    Date::from_calendar_date(year, month, two_digits(&[d0, d1])?).ok()
}

/// `HH:MM:SS` exactly; as [`iso_date_digits`], anything else goes to the general reader.
fn hms_digits(s: &[u8]) -> Option<Time> {
    let [h0, h1, b':', m0, m1, b':', s0, s1] = *s else {
        return None;
    };
    Time::from_hms(
        two_digits(&[h0, h1])?,
        two_digits(&[m0, m1])?,
        two_digits(&[s0, s1])?,
    )
    .ok()
}

/// Durations: whole or decimal seconds (`75`, `12.5`), or `H:MM:SS`.
pub(crate) fn parse_duration(s: &str) -> Result<Duration, String> {
    let err = || format!("{s:?} is not a duration in seconds");
    if s.contains(':') {
        let mut total: u64 = 0;
        for part in s.split(':') {
            let n: u64 = part.parse().map_err(|_| err())?;
            total = total
                .checked_mul(60)
                .and_then(|t| t.checked_add(n))
                .ok_or_else(err)?;
        }
        return Ok(Duration::from_secs(total));
    }
    if let Ok(secs) = s.parse::<u64>() {
        return Ok(Duration::from_secs(secs));
    }
    let (whole, frac) = s.split_once('.').ok_or_else(err)?;
    if frac.is_empty() || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return Err(err());
    }
    let secs: u64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| err())?
    };
    let digits = &frac[..frac.len().min(9)];
    let nanos: u32 = format!("{digits:0<9}").parse().map_err(|_| err())?;
    Ok(Duration::new(secs, nanos))
}

/// Parses a whole CSV payload (the modes that return small tables).
pub(crate) fn parse_table<T: CsvRow>(
    redactor: &Redactor,
    mode: &'static str,
    payload: &[u8],
) -> Result<Vec<T>> {
    let ctx = Ctx {
        mode: Cow::Borrowed(mode),
        gateway: None,
    };
    read_table(ctx, payload, redactor.clone())
}

/// A csv error in words (the unequal-lengths case is how a cut-off body shows).
pub(crate) fn csv_reason(e: &str) -> String {
    format!("malformed or truncated CSV: {e}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;

    fn r() -> Redactor {
        Redactor::new()
    }

    #[test]
    fn status_lines() {
        assert!(check_status_line(&r(), "m", b"Ok", b"Ok").is_ok());
        assert!(check_status_line(&r(), "m", b"OK\r", b"OK").is_ok());
        let e = check_status_line(&r(), "m", b"Error 112: Invalid city.", b"").unwrap_err();
        assert_eq!(e.error_code(), Some(&ErrorCode::InvalidCity));
        assert_eq!(e.to_string(), "TraiTel error 112: Invalid city.");
        let e = check_status_line(&r(), "m", b"Error 999", b"").unwrap_err();
        assert_eq!(e.error_code(), Some(&ErrorCode::Unknown("999".into())));
        let html = b"<html><body>502 Bad Gateway</body></html>";
        assert!(matches!(
            check_status_line(&r(), "m", html, html),
            Err(Error::Decode { .. })
        ));
        assert!(matches!(
            check_status_line(&r(), "m", b"", b""),
            Err(Error::Decode { .. })
        ));
        assert!(matches!(
            check_status_line(&r(), "m", b"Error: x", b""),
            Err(Error::Decode { .. })
        ));
    }

    #[test]
    fn a_status_line_longer_than_the_limit_is_no_status_line() {
        let padded = |n: usize| format!("Ok{}\n12.50\n", " ".repeat(n));
        let fits = padded(MAX_STATUS_LINE - 2);
        assert_eq!(
            split_body(&r(), "m", fits.as_bytes()).ok(),
            Some(&b"12.50\n"[..])
        );
        let long = padded(MAX_STATUS_LINE - 1);
        assert!(matches!(
            split_body(&r(), "m", long.as_bytes()),
            Err(Error::Decode { .. })
        ));
        assert_eq!(split_body(&r(), "m", b"Ok").ok(), Some(&b""[..]));
    }

    #[test]
    fn blank_lines_before_the_status_line_are_skipped_everywhere() {
        assert_eq!(
            split_body(&r(), "m", b"\nOk\n12.50\n").ok(),
            Some(&b"12.50\n"[..])
        );
        assert_eq!(
            split_body(&r(), "m", b"\xEF\xBB\xBF \r\n\t\r\nOK\r\n1\r\n").ok(),
            Some(&b"1\r\n"[..])
        );
        let e = split_body(&r(), "m", b"\nError 001: Service Unavailable.\n").unwrap_err();
        assert_eq!(e.vendor_code(), Some("001"));
        assert!(e.is_retryable());
        assert_eq!(
            error_in_body(b"\r\n\r\nError 002: Authentication failed.\r\n"),
            Some(("002", "Authentication failed."))
        );
        // Undecided until the first byte that is not blank, or the end of the body.
        assert_eq!(status_line(b"\n \r\n", false), None);
        assert_eq!(status_line(b"\xEF\xBB", false), None);
        assert_eq!(status_line(b"\n \r\nO", false), None);
        assert_eq!(status_line(b"\n \r\nOk\nx", false), Some((4, 7)));
        assert_eq!(status_line(b"\n \r\n", true), Some((4, 4)));
        // New lines past the limit leave a blank status line: refused, not looped over.
        let endless = vec![b'\n'; 3 * MAX_STATUS_LINE];
        let (start, end) = status_line(&endless, false).expect("decided");
        assert_eq!((start, end), (MAX_STATUS_LINE + 1, MAX_STATUS_LINE + 2));
        assert!(end <= STATUS_HEAD_MAX);
        let mut body = endless.clone();
        body.extend_from_slice(b"Ok\n1\n");
        assert!(matches!(
            split_body(&r(), "m", &body),
            Err(Error::Decode { .. })
        ));
        assert_eq!(error_in_body(&body), None);
    }

    #[test]
    fn columns_beyond_the_known_ones_are_kept_by_name() {
        use crate::models::did::DidCountry;
        let rows = parse_table::<DidCountry>(
            &r(),
            "m",
            b"CountryName, Region ,CountryName\nAustralia,Oceania,AU\n",
        )
        .expect("rows");
        let extra: Vec<_> = rows[0].extra.iter().collect();
        assert_eq!(rows[0].country, "Australia");
        assert_eq!(
            extra,
            [
                (&"CountryName".to_owned(), &"AU".to_owned()),
                (&"Region".to_owned(), &"Oceania".to_owned())
            ]
        );
        assert!(
            parse_table::<DidCountry>(&r(), "m", b" \n")
                .expect("empty")
                .is_empty()
        );
        let countries = |body: &[u8]| -> Vec<String> {
            parse_table::<DidCountry>(&r(), "m", body)
                .expect("rows")
                .into_iter()
                .map(|c| c.country)
                .collect()
        };
        assert_eq!(countries(b" \nCountryName\nAustralia\n"), ["Australia"]);
        assert_eq!(
            countries(b"\t\r\n\r\nCountryName\nAustralia\n \t\n"),
            ["Australia"]
        );
        assert_eq!(
            countries(b"CountryName\nAustralia\n \nPeru\n"),
            ["Australia", "Peru"]
        );
    }

    #[test]
    fn durations_and_times() {
        assert_eq!(parse_duration("75"), Ok(Duration::from_secs(75)));
        assert_eq!(parse_duration("1.5"), Ok(Duration::from_millis(1500)));
        assert_eq!(parse_duration("0:01:05"), Ok(Duration::from_secs(65)));
        assert!(parse_duration("-3").is_err());
        assert!(parse_duration("").is_err());
        assert_eq!(
            parse_log_time("13:05:09").map(|t| t.to_string()),
            Ok("13:05:09.0".into())
        );
        assert!(parse_log_time("25:00:00").is_err());
        assert!(parse_log_time("1:2:3:4").is_err());
    }

    proptest::proptest! {
        #[test]
        fn any_body_decodes_or_errors_without_panicking(body in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..400)) {
            if let Ok(payload) = split_body(&r(), "m", &body) {
                let _ = single_value(&r(), "m", payload);
                let _ = parse_table::<crate::models::log::FaxOut>(&r(), "m", payload);
                let _ = parse_table::<crate::models::cost::VoiceCost>(&r(), "m", payload);
            }
        }

        #[test]
        fn csv_like_bodies_never_panic(rows in proptest::collection::vec("[0-9a-zA-Z:., \"-]{0,12}(,[0-9a-zA-Z:., \"-]{0,12}){0,11}", 0..6)) {
            let body = format!("Ok\nID,Sub-ID,Date,Time,From,To,Pages,Speed,Duration,Cost,Attempt,ErrorCode\n{}", rows.join("\n"));
            let payload = split_body(&r(), "m", body.as_bytes()).map_err(|e| proptest::test_runner::TestCaseError::fail(e.to_string()))?;
            let _ = parse_table::<crate::models::log::FaxOut>(&r(), "m", payload);
        }

        #[test]
        fn u16_hex_round_trips(text in "\\PC{0,40}") {
            let hex: String = text.encode_utf16().map(|u| format!("{u:04X}")).collect();
            proptest::prop_assert_eq!(crate::models::sms::decode_u16_hex(&hex), Ok(text));
        }
    }
}
