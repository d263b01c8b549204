//! Entry points for the cargo-fuzz targets in `fuzz/` (`traitel_*`) and for the regression
//! tests that keep what the fuzzer found (`tests/fuzz_regressions.rs`).
//!
//! **Not part of the API**: hidden from the documentation, no semver promise, may change or
//! go away in any release. Each function takes the fuzzer's bytes, reaches a decoder of the
//! crate directly (no client, no server) and panics only when a decoder panics or a property
//! the crate promises is broken.
//!
//! `lines` and `rows` take `[selector, secret, 0xFF, body]` (without a `0xFF`, everything
//! after the selector is the body and no secret is planted). The redactor holds what a client
//! holds (its password, [`PASSWORD`], listed in `fuzz/dicts/traitel.dict` so the fuzzer plants
//! it) plus the input's own secret when it has at least eight characters.
//!
//! - `lines`: the body as a whole answer: the `Ok` / `Error NNN: message` status line read
//!   whole and as the log stream reads it (both agree on the outcome and where the payload
//!   starts), then, the selector picking, the single value, the money value or the raw CSV
//!   table after `Ok`. An `Error NNN` line re-encodes to the same code and message; no error
//!   shows a secret the redactor holds.
//! - `rows`: the body as the answer of the CSV mode the selector picks (every log row type,
//!   the cost rows, sub-accounts, DIDs, IVR and IVML lists): decoded whole (as the table
//!   modes do) and streamed row by row from an in-memory reader (as the log modes do). The
//!   two agree: the rows the table reads are the rows the stream yields, and a table that
//!   fails is a stream with an error in it. Every row writes as JSON; no error shows a
//!   secret.
//! - `codes`: the text through every small decoder: UTF-16 hex SMS text (decodes what the
//!   encoder wrote, and re-encodes what it decoded), the ASCII escapes, fax error codes
//!   (state and error add up to the code), log dates, times and durations, `DIDs` lists and
//!   the open enums: each value writes back to itself.

use std::fmt::Debug;
use std::future::Future;
use std::io::Cursor;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};
use std::time::Duration;

use futures_core::Stream;
use serde::Serialize;
use telecom_core::fuzzing::Case;
use telecom_core::{Money, Redactor};
use tokio::io::BufReader;

use crate::error::{Error, ErrorCode};
use crate::models::Service;
use crate::models::cost::{BillingType, FaxCost, VoiceCost};
use crate::models::did::{
    AssignedService, DidCity, DidCountry, DidEntry, Number, OfferedDid, did_list,
};
use crate::models::fax_code::FaxErrorCode;
use crate::models::ivml::{IvmlConfig, IvmlType, IvrMenu};
use crate::models::log::{CallResult, FaxIn, FaxOut, SmsIn, SmsOut, VoiceCall};
use crate::models::sms::{MessageType, SmsMessage, decode_u16_hex, unescape_ascii};
use crate::models::subaccount::SubAccount;
use crate::ops::RawResponse;
use crate::stream::{LogRow, LogStream, read_status_line};
use crate::wire::{self, CsvRow};

/// The password the fuzzing redactor holds, as a client holds its own.
pub const PASSWORD: &str = "fuzz-Pass&traitel=9";

/// The mode errors name.
const MODE: &str = "fuzz";

/// The status line, read whole and streamed, then the value after `Ok`.
pub fn lines(data: &[u8]) {
    let Some(case) = Case::read(data) else {
        return;
    };
    let redactor = client_redactor(&case);
    let shown = line_errors(&redactor, case.selector, case.body);
    case.no_leak(&[PASSWORD], &shown, |body| {
        line_errors(&redactor, case.selector, body)
    });
}

/// Every CSV row type, decoded whole and streamed.
pub fn rows(data: &[u8]) {
    let Some(case) = Case::read(data) else {
        return;
    };
    let redactor = client_redactor(&case);
    let pick = case.selector % ROW_TYPES;
    let shown = row_errors(&redactor, pick, case.body);
    case.no_leak(&[PASSWORD], &shown, |body| {
        row_errors(&redactor, pick, body)
    });
}

/// The SMS text, fax code, date, time, duration, `DIDs` and enum decoders on the same text.
pub fn codes(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    u16_text(text);
    ascii_text(text);
    sms_message(text);
    fax_code(text);
    log_values(text);
    dids(text);
    enums(text);
}

/// What a client's redactor holds, plus the planted secret.
fn client_redactor(case: &Case<'_>) -> Redactor {
    let mut redactor = Redactor::new();
    redactor.add(PASSWORD);
    if let Some(secret) = &case.secret {
        redactor.add(secret);
    }
    redactor
}

/// Runs a future that never waits: every reader here is in memory.
fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = std::pin::pin!(future);
    let mut cx = Context::from_waker(Waker::noop());
    for _ in 0..64 {
        if let Poll::Ready(output) = future.as_mut().poll(&mut cx) {
            return output;
        }
    }
    panic!("a decoder waited on an in-memory body");
}

/// Every item of `stream`, errors included.
async fn every_item<S: Stream + Unpin>(mut stream: S) -> Vec<S::Item> {
    let mut items = Vec::new();
    while let Some(item) = std::future::poll_fn(|cx| Pin::new(&mut stream).poll_next(cx)).await {
        items.push(item);
    }
    items
}

/// The texts an error shows: `Display` and `Debug`.
fn shown(error: &Error) -> String {
    let _ = error.is_retryable();
    format!(" {error} {error:?}")
}

fn line_errors(redactor: &Redactor, selector: u8, body: &[u8]) -> String {
    let whole = wire::split_body(redactor, MODE, body);
    let mut reader = BufReader::new(Cursor::new(body));
    let (lead, line) = block_on(read_status_line(&mut reader))
        .unwrap_or_else(|e| panic!("an in-memory read failed: {e}"));
    let streamed = wire::check_status_line(redactor, MODE, &line, &line);
    let mut out = String::new();
    match (&whole, &streamed) {
        (Ok(payload), Ok(())) => assert_eq!(
            body.len() - payload.len(),
            lead + line.len(),
            "the payload starts where the streamed status line ends"
        ),
        (Err(a), Err(b)) => {
            assert_eq!(
                std::mem::discriminant(a),
                std::mem::discriminant(b),
                "the same status line fails the same way: {a} / {b}"
            );
            assert_eq!(a.vendor_code(), b.vendor_code());
            out.push_str(&shown(b));
        }
        _ => panic!("whole {whole:?} and streamed {streamed:?} status lines disagree"),
    }
    let payload = match whole {
        Ok(payload) => payload,
        Err(error) => {
            if let Error::Vendor { code, .. } = &error {
                vendor_line(&line, code, &error);
            }
            out.push_str(&shown(&error));
            return out;
        }
    };
    let error = match selector % 3 {
        0 => match wire::single_value(redactor, MODE, payload) {
            Ok(value) => {
                assert!(
                    !value.is_empty() && value.trim() == value && !value.contains('\n'),
                    "a value is one trimmed line: {value:?}"
                );
                None
            }
            Err(e) => Some(e),
        },
        1 => match wire::money_value(redactor, MODE, "value", payload) {
            Ok(money) => {
                assert_eq!(
                    money.to_string().parse::<Money>().ok(),
                    Some(money),
                    "money writes what it reads"
                );
                None
            }
            Err(e) => Some(e),
        },
        _ => {
            let text = String::from_utf8_lossy(payload).into_owned();
            match RawResponse::new(MODE, text, redactor.clone()).table() {
                Ok(rows) => {
                    assert!(
                        rows.iter()
                            .flat_map(|row| row.keys())
                            .all(|k| k.trim() == k),
                        "a raw table is keyed by the trimmed header names"
                    );
                    None
                }
                Err(e) => Some(e),
            }
        }
    };
    if let Some(error) = error {
        assert!(
            matches!(error, Error::Decode { .. }),
            "a payload that does not fit is a decode error: {error:?}"
        );
        out.push_str(&shown(&error));
    }
    out
}

/// `Error NNN: message` re-encodes to the same code and message.
fn vendor_line(line: &[u8], code: &ErrorCode, error: &Error) {
    let content = line.strip_suffix(b"\n").unwrap_or(line);
    let content = content.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(content);
    let Some((sent, message)) = wire::parse_error_line(content.trim_ascii()) else {
        panic!("a vendor error comes from an `Error NNN` line: {error:?}");
    };
    assert_eq!(code.as_str(), sent, "the code is kept as sent");
    assert!(
        !sent.is_empty() && sent.bytes().all(|b| b.is_ascii_digit()),
        "a code is digits: {sent:?}"
    );
    assert_eq!(error.vendor_code(), Some(sent));
    assert!(error.to_string().contains(sent), "Display names the code");
    assert_eq!(
        error.is_retryable(),
        *code == ErrorCode::ServiceUnavailable,
        "only 001 is transient"
    );
    let again = format!("Error {sent}: {message}");
    assert_eq!(
        wire::parse_error_line(again.as_bytes()),
        Some((sent, message)),
        "an error line writes what it reads"
    );
}

/// How many CSV row types `rows` picks from.
const ROW_TYPES: u8 = 14;

fn row_errors(redactor: &Redactor, pick: u8, body: &[u8]) -> String {
    match pick {
        0 => table_and_stream::<SmsOut>(redactor, body),
        1 => table_and_stream::<SmsIn>(redactor, body),
        2 => table_and_stream::<FaxIn>(redactor, body),
        3 => table_and_stream::<FaxOut>(redactor, body),
        4 => table_and_stream::<VoiceCall>(redactor, body),
        5 => table_and_stream::<SubAccount>(redactor, body),
        6 => table_and_stream::<Number>(redactor, body),
        7 => table_and_stream::<DidCountry>(redactor, body),
        8 => table_and_stream::<DidCity>(redactor, body),
        9 => table_and_stream::<OfferedDid>(redactor, body),
        10 => table_and_stream::<IvrMenu>(redactor, body),
        11 => table_and_stream::<IvmlConfig>(redactor, body),
        12 => table_and_stream::<VoiceCost>(redactor, body),
        _ => table_and_stream::<FaxCost>(redactor, body),
    }
}

/// The whole-body decoder and the streamed one on the same answer: they agree.
fn table_and_stream<T>(redactor: &Redactor, body: &[u8]) -> String
where
    T: CsvRow + LogRow + PartialEq + Debug + Serialize,
{
    let payload = wire::split_body(redactor, MODE, body);
    let csv_payload = payload.as_ref().ok().copied();
    let table = payload.and_then(|payload| wire::parse_table::<T>(redactor, MODE, payload));
    if let Some(payload) = csv_payload {
        match (&table, csv_table::<T>(payload)) {
            (Ok(rows), Ok(expected)) => assert_eq!(rows, &expected, "the csv crate reads the rows"),
            (Err(_), Err(_)) => {}
            (Ok(rows), Err(e)) => panic!("the table reads {rows:?} where the csv crate fails: {e}"),
            (Err(e), Ok(rows)) => {
                panic!("the table fails ({e}) where the csv crate reads {rows:?}")
            }
        }
    }
    let reader = BufReader::new(Cursor::new(body.to_vec()));
    let stream = LogStream::<T>::build(MODE, reader, None, true, redactor.clone());
    let streamed = block_on(every_item(stream));
    let mut out = String::new();
    for error in streamed.iter().filter_map(|r| r.as_ref().err()) {
        assert!(
            matches!(error, Error::Decode { .. } | Error::Vendor { .. }),
            "an in-memory body fails to decode, or is a vendor error: {error:?}"
        );
        out.push_str(&shown(error));
    }
    match &table {
        Ok(rows) => {
            let read: Vec<&T> = streamed
                .iter()
                .map(|r| {
                    r.as_ref().unwrap_or_else(|e| {
                        panic!("the stream fails ({e}) where the table reads {rows:?}")
                    })
                })
                .collect();
            assert_eq!(
                read,
                rows.iter().collect::<Vec<_>>(),
                "the stream yields the rows the table reads"
            );
            let header = wire::split_body(redactor, MODE, body)
                .ok()
                .and_then(header_names::<T>);
            for row in rows {
                let json = serde_json::to_value(row)
                    .unwrap_or_else(|e| panic!("a row writes as JSON: {e}: {row:?}"));
                if let Some(names) = &header {
                    unknown_columns_kept::<T>(names, &json);
                }
            }
        }
        Err(error) => {
            assert!(
                streamed.iter().any(Result::is_err),
                "the table fails ({error}) where the stream reads {streamed:?}"
            );
            out.push_str(&shown(error));
        }
    }
    out
}

/// A record as the `csv` crate gives it.
impl wire::Record for csv::StringRecord {
    fn field(&self, i: usize) -> Option<&str> {
        self.get(i)
    }
    fn count(&self) -> usize {
        self.len()
    }
}

/// The table as the `csv` crate reads it, through the same column resolution and row
/// readers: the reference the crate's own splitter is held to.
///
/// Two deliberate differences from `csv`, the vendor's rules:
/// - (`wire::is_blank_field`) a record that is one blank field (` `, `\t`, ` \r\n`) is a
///   blank line and skipped, before the header and among the rows, where `csv` reads it as
///   a record (and then fails it for its field count). So `csv` reads here without headers
///   and flexibly, the blank records are dropped, and the first record left is the header
///   whose width every row must have.
/// - (`CsvRow::ESCAPED_NEW_LINES`, the SMS logs) a `\n` or `\r\n` after an odd run of
///   backslashes is part of its field, quoted or not, where `csv` ends an unquoted record
///   there. So each such new line is swapped for a character the payload does not hold
///   before `csv` reads, and swapped back in the fields it gives.
/// - (a body cut inside a row) a body that ends inside a quoted field is an error, where
///   `csv` hands the open field back as if closed. Told apart without a quote scan of our
///   own: `csv` reads the last record again with a comma after it, which opens a new field
///   unless quoting is still open (or the record had ended, which a second record shows).
/// - (`CsvRow::REST_COLUMN`, the SMS logs' raw `Message`) when the header's last column is
///   that column (the first of its name), a row with more fields than the header has them
///   joined back by commas from that column on, where `csv` gives a record of the wrong
///   width.
fn csv_table<T: CsvRow>(payload: &[u8]) -> Result<Vec<T>, String> {
    let mut records = reference_records::<T>(payload)?.into_iter();
    let Some(header) = records.next() else {
        return Ok(Vec::new());
    };
    let cols = wire::resolve_columns::<T>(&header)?;
    let width = header.len();
    let rest = T::REST_COLUMN.is_some_and(|name| {
        let name = wire::normalise(name);
        header.iter().position(|h| wire::normalise(h) == name) == Some(width.saturating_sub(1))
    });
    let mut rows = Vec::new();
    let mut bounds = Vec::new();
    for mut record in records {
        if rest && record.len() > width {
            let keep = width.saturating_sub(1);
            let tail: Vec<&str> = record.iter().skip(keep).collect();
            let mut joined: Vec<String> = record.iter().take(keep).map(str::to_owned).collect();
            joined.push(tail.join(","));
            record = csv::StringRecord::from(joined);
        }
        if record.len() != header.len() {
            return Err(format!(
                "found record with {} fields, but the header has {}",
                record.len(),
                header.len()
            ));
        }
        bounds.clear();
        bounds.extend((0..record.len()).filter_map(|i| record.range(i).map(|r| (r.start, r.end))));
        rows.push(T::from_fields(&wire::Fields::new(
            record.as_slice(),
            &bounds,
            &cols,
        ))?);
    }
    Ok(rows)
}

/// Every record the `csv` crate reads from `payload`, flexibly and without headers, with the
/// vendor's escaped new lines kept in their fields and the blank lines dropped (see
/// [`csv_table`]): the header first, then the rows.
fn reference_records<T: CsvRow>(payload: &[u8]) -> Result<Vec<csv::StringRecord>, String> {
    let escaped = EscapedNewLines::new(payload, T::ESCAPED_NEW_LINES);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(escaped.payload.as_slice());
    let mut records = Vec::new();
    let mut record = csv::StringRecord::new();
    let mut last = None;
    while reader.read_record(&mut record).map_err(|e| e.to_string())? {
        last = record.position().map(|p| (p.byte(), record.len()));
        escaped.restore(&mut record);
        if !is_blank_line(&record) {
            records.push(record.clone());
        }
    }
    if let Some((start, fields)) = last {
        let start = usize::try_from(start).unwrap_or(usize::MAX);
        let raw = escaped.payload.get(start..).unwrap_or_default();
        if still_quoted(raw, fields) {
            return Err("the body ends inside a quoted field".to_owned());
        }
    }
    Ok(records)
}

/// Whether `raw`, the last record `csv` read (`fields` wide) and all after it, ends inside a
/// quoted field: with a comma after it, the record is no wider and nothing follows it.
fn still_quoted(raw: &[u8], fields: usize) -> bool {
    let mut probe = raw.to_vec();
    probe.push(b',');
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(probe.as_slice());
    let mut record = csv::StringRecord::new();
    let first = matches!(reader.read_record(&mut record), Ok(true)) && record.len() == fields;
    first && !matches!(reader.read_record(&mut record), Ok(true))
}

/// A payload with each escaped new line (a `\n` or `\r\n` after an odd run of backslashes)
/// swapped for a private-use character it does not otherwise hold, and the way back.
struct EscapedNewLines {
    payload: Vec<u8>,
    /// The stand-ins for `\n` and `\r\n`, when any was swapped.
    marks: Option<(String, String)>,
}

impl EscapedNewLines {
    fn new(payload: &[u8], enabled: bool) -> Self {
        let unused = |skip: Option<char>| {
            ('\u{E000}'..='\u{F8FF}').find(|&c| {
                let mut buf = [0; 4];
                let bytes = c.encode_utf8(&mut buf).as_bytes();
                Some(c) != skip && !payload.windows(bytes.len()).any(|w| w == bytes)
            })
        };
        let lf = if enabled { unused(None) } else { None };
        let crlf = lf.and_then(|lf| unused(Some(lf)));
        let (Some(lf), Some(crlf)) = (lf, crlf) else {
            return EscapedNewLines {
                payload: payload.to_vec(),
                marks: None,
            };
        };
        let mut out = Vec::with_capacity(payload.len());
        let mut backslashes = 0usize;
        let mut i = 0;
        while let Some(&b) = payload.get(i) {
            let odd = backslashes % 2 == 1;
            if odd && b == b'\n' {
                out.extend_from_slice(lf.to_string().as_bytes());
            } else if odd && b == b'\r' && payload.get(i + 1) == Some(&b'\n') {
                out.extend_from_slice(crlf.to_string().as_bytes());
                i += 1;
            } else {
                out.push(b);
            }
            backslashes = if b == b'\\' { backslashes + 1 } else { 0 };
            i += 1;
        }
        EscapedNewLines {
            payload: out,
            marks: Some((lf.to_string(), crlf.to_string())),
        }
    }

    /// The record's fields with the new lines swapped back.
    fn restore(&self, record: &mut csv::StringRecord) {
        let Some((lf, crlf)) = &self.marks else {
            return;
        };
        if !record
            .iter()
            .any(|f| f.contains(lf.as_str()) || f.contains(crlf.as_str()))
        {
            return;
        }
        let fields: Vec<String> = record
            .iter()
            .map(|f| f.replace(lf.as_str(), "\n").replace(crlf.as_str(), "\r\n"))
            .collect();
        *record = csv::StringRecord::from(fields);
    }
}

/// A record `csv` read that the crate's readers skip as a blank line.
fn is_blank_line(record: &csv::StringRecord) -> bool {
    record.len() == 1
        && record
            .get(0)
            .is_some_and(|f| wire::is_blank_field(f.as_bytes()))
}

/// The header row's names, trimmed, as the table reader sees them (blank lines before it
/// skipped).
fn header_names<T: CsvRow>(payload: &[u8]) -> Option<Vec<String>> {
    let records = reference_records::<T>(payload).ok()?;
    let header = records.first()?;
    Some(header.iter().map(|h| h.trim().to_owned()).collect())
}

/// Every column whose name is none of the row type's is in the row's `extra`, and nothing
/// else is: each key there is a header name.
fn unknown_columns_kept<T: CsvRow>(names: &[String], json: &serde_json::Value) {
    let extra = json.get("extra").and_then(serde_json::Value::as_object);
    let known: Vec<String> = T::COLUMNS
        .iter()
        .chain(T::OPTIONAL)
        .map(|c| wire::normalise(c))
        .collect();
    for name in names {
        if !known.contains(&wire::normalise(name)) {
            assert!(
                extra.is_some_and(|e| e.contains_key(name)),
                "the unknown column {name:?} is kept: {json}"
            );
        }
    }
    for key in extra.into_iter().flat_map(|e| e.keys()) {
        assert!(names.contains(key), "{key:?} is a header name: {json}");
    }
}

/// UTF-16BE hex, the way the sibling SMS gateway writes it.
fn encode_u16_hex(text: &str) -> String {
    text.encode_utf16().map(|u| format!("{u:04X}")).collect()
}

fn u16_text(text: &str) {
    let written = encode_u16_hex(text);
    assert_eq!(
        decode_u16_hex(&written).as_deref(),
        Ok(text),
        "U16 decodes what was written: {written}"
    );
    if let Ok(decoded) = decode_u16_hex(text) {
        let sent: String = text
            .chars()
            .filter(|c| !c.is_ascii_whitespace())
            .map(|c| c.to_ascii_uppercase())
            .collect();
        assert_eq!(encode_u16_hex(&decoded), sent, "U16 writes what it read");
    }
}

/// The log's escaping, undone by `unescape_ascii`: a backslash doubled, a new line as `\n`.
fn escape_ascii(text: &str) -> String {
    text.replace('\\', "\\\\").replace('\n', "\\n")
}

fn ascii_text(text: &str) {
    let _ = unescape_ascii(text);
    let written = escape_ascii(text);
    assert_eq!(
        unescape_ascii(&written),
        text,
        "ASCII unescapes what was escaped: {written:?}"
    );
}

fn sms_message(text: &str) {
    for kind in ["ASCII", "U16", "UCS2"] {
        let kind = MessageType::from(kind);
        match SmsMessage::decode(kind.clone(), text.to_owned()) {
            Ok(message) => {
                assert_eq!(message.raw, text, "the raw text is kept");
                assert_eq!(message.kind, kind);
                assert_eq!(message.text.is_none(), kind.is_unknown());
            }
            Err(_) => assert_eq!(kind, MessageType::U16, "only U16 text can be malformed"),
        }
    }
}

fn fax_code(text: &str) {
    let code = FaxErrorCode::parse(text);
    assert_eq!(code.raw, text.trim(), "the code is kept as sent, trimmed");
    assert_eq!(
        FaxErrorCode::parse(&code.raw),
        code,
        "a code reads as itself"
    );
    match code.raw.parse::<u32>() {
        Ok(0) => assert!(code.is_success()),
        Err(_) if code.raw.is_empty() => assert!(code.is_success()),
        Ok(n) => {
            let (Some(state), Some(error)) = (&code.state, &code.error) else {
                panic!("a failure code has a state and an error: {code:?}");
            };
            let state: u32 = state.as_str().parse().unwrap_or(u32::MAX);
            let error: u32 = error.as_str().parse().unwrap_or(u32::MAX);
            assert!(state.is_multiple_of(100) && error < 100, "{code:?}");
            assert_eq!(state + error, n, "state and error add up to the code");
        }
        Err(_) => {
            assert!(!code.is_success() && code.state.as_ref().is_some_and(|s| s.is_unknown()))
        }
    }
}

fn log_values(text: &str) {
    if let Ok(date) = wire::parse_log_date(text) {
        let written = telecom_core::dates::format_iso_date(date);
        assert_eq!(wire::parse_log_date(&written), Ok(date), "{written}");
    }
    if let Ok(time) = wire::parse_log_time(text) {
        let written = format!(
            "{:02}:{:02}:{:02}",
            time.hour(),
            time.minute(),
            time.second()
        );
        assert_eq!(wire::parse_log_time(&written), Ok(time), "{written}");
    }
    if let Ok(duration) = wire::parse_duration(text) {
        let written = write_duration(duration);
        assert_eq!(wire::parse_duration(&written), Ok(duration), "{written}");
        let json = serde_json::to_string(&duration.as_secs_f64()).ok();
        assert!(json.is_some(), "a duration writes as a JSON number");
    }
}

fn write_duration(d: Duration) -> String {
    match d.subsec_nanos() {
        0 => d.as_secs().to_string(),
        nanos => format!("{}.{nanos:09}", d.as_secs()),
    }
}

fn dids(text: &str) {
    let list = did_list(text);
    let written: Vec<&str> = list
        .iter()
        .map(|entry| match entry {
            DidEntry::Number(n) => n.original(),
            DidEntry::Outbound => "outbound",
        })
        .collect();
    let written = written.join(" ");
    let again = did_list(&written);
    assert_eq!(again.len(), list.len(), "{written:?}");
    for (a, b) in again.iter().zip(&list) {
        match (a, b) {
            (DidEntry::Number(a), DidEntry::Number(b)) => assert_eq!(a.original(), b.original()),
            (DidEntry::Outbound, DidEntry::Outbound) => {}
            _ => panic!("a DIDs list writes what it reads: {written:?}"),
        }
    }
}

fn enums(text: &str) {
    fn again<E: From<String> + PartialEq + Debug>(value: E, wire: &str) {
        assert_eq!(E::from(wire.to_owned()), value, "{wire:?}");
    }
    let v = ErrorCode::from(text);
    again(v.clone(), v.as_str());
    let v = Service::from(text);
    again(v.clone(), v.as_str());
    let v = AssignedService::from(text);
    again(v.clone(), v.as_str());
    let v = IvmlType::from(text);
    again(v.clone(), v.as_str());
    let v = CallResult::from(text);
    again(v.clone(), v.as_str());
    let v = BillingType::from(text);
    again(v.clone(), v.as_str());
    let v = MessageType::from(text);
    again(v.clone(), v.as_str());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_planted_secret_is_split_off() {
        let case = Case::read(b"\x01secret-value\xFFOk\n").expect("a case");
        assert_eq!(case.secret.as_deref(), Some("secret-value"));
        assert_eq!(case.body, b"Ok\n");
        assert!(Case::read(b"\x01Ok\n").is_some_and(|c| c.secret.is_none() && c.body == b"Ok\n"));
    }

    #[test]
    fn spec_answers_pass_every_property() {
        lines(b"\x01Ok\n125.50\n");
        lines(b"\x00Error 002: Authentication failed.\n");
        rows(b"\x00Ok\nID,Sub-ID,Date,Time,From,To,Sent,Tracking,Cost\n1,,2024-01-10,12:00:00,ACME,61412345678,1,,0.05\n");
        codes(b"204");
        codes(b"00480069");
    }

    proptest::proptest! {
        /// The SMS logs' escaped new lines, quoted and not, against the `csv` reference
        /// with the same rule: the table, the stream and the reference agree.
        #[test]
        fn sms_logs_with_backslashes_agree_with_the_reference(
            rows in proptest::collection::vec("[0-9a-z, \"\r\n\\\\]{0,12}", 0..6),
            selector in 0u8..2,
        ) {
            let header = if selector == 0 {
                "ID,Sub-ID,Date,Time,From,To,Sent,Tracking,Cost,MessageType,Message"
            } else {
                "ID,Sub-ID,Date,Time,From,To,MessageType,Message"
            };
            let sent = if selector == 0 { "1,,0.05," } else { "" };
            let body: String = rows
                .iter()
                .map(|r| format!("1,,2024-01-09,08:00:00,1,2,{sent}ASCII,{r}\n"))
                .collect();
            let mut data = vec![selector];
            data.extend_from_slice(format!("Ok\n{header}\n{body}").as_bytes());
            rows_check(&data);
        }
    }

    proptest::proptest! {
        /// Blank lines and marks before the status line: the whole-body and the streamed
        /// readers skip the same bytes and read the same status line.
        #[test]
        fn blank_lines_before_the_status_line_agree(
            lead in proptest::collection::vec(proptest::sample::select(&b" \t\r\n\n\xEF\xBB\xBF"[..]), 0..40),
            rest in proptest::sample::select(&["Ok\n12.50\n", "OK\r\n1\r\n", "Error 001: Service Unavailable.\n", "x\n", "", "Ok"][..]),
            selector in 0u8..3,
        ) {
            let mut data = vec![selector];
            data.extend_from_slice(&lead);
            data.extend_from_slice(rest.as_bytes());
            lines(&data);
            let mut data = vec![1];
            data.extend_from_slice(&lead);
            data.extend_from_slice(b"Ok\nID,Sub-ID,Date,Time,From,To,MessageType,Message\n1,,2024-01-09,08:00:00,1,2,ASCII,a, b\n");
            rows(&data);
        }
    }

    fn rows_check(data: &[u8]) {
        rows(data);
    }

    #[test]
    fn an_escaped_new_line_agrees_with_the_reference() {
        for body in [
            &b"\x01Ok\nID,Sub-ID,Date,Time,From,To,MessageType,Message\n1,,2024-01-09,08:00:00,1,2,ASCII,a\\\nb\n2,,2024-01-09,08:00:00,\"x\",2,ASCII,c\\\r\nd\n"[..],
            b"\x01Ok\nID,Sub-ID,Date,Time,From,To,MessageType,Message\n1,,2024-01-09,08:00:00,1,2,ASCII,a\\\\\nb\n",
        ] {
            rows(body);
        }
    }

    #[test]
    #[should_panic(expected = "leaked")]
    fn a_leak_is_caught() {
        let case = Case::read(b"\x00planted-secret\xFFbody").expect("a case");
        case.no_leak(&[PASSWORD], "shows planted-secret", |_| String::new());
    }
}
