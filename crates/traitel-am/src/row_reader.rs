//! The state machine behind [`crate::LogStream`] and [`crate::LogRows`]: one buffer filled
//! from the body, rows decoded from it synchronously, the reader awaited only when the
//! buffer runs dry.
//!
//! Finding a record ([`RowReader::poll_record`]) and decoding it ([`RowReader::decode`])
//! are two steps, so a decoded row may borrow the buffer until the next record is asked for.

use std::cell::Cell;
use std::marker::PhantomData;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

use futures_core::Stream;
use telecom_core::Redactor;
use tokio::io::{AsyncRead, ReadBuf};

use crate::error::{Error, Gateway, Result};
use crate::records::{NotUtf8, Records, Split};
use crate::stream::Ctx;
use crate::transport::io_error;
use crate::wire::{self, Columns, CsvRow, Fields, record_text, resolve_columns};

/// The buffer's first size: many rows a read. It doubles only for a record longer than it.
const BUFFER: usize = 128 * 1024;

enum Phase {
    Status,
    Header,
    Rows { cols: Columns, width: usize },
    Done,
}

/// What one step over the buffer gives.
enum Step {
    /// A record of the header's width is ready for [`RowReader::decode`].
    Row,
    Failed(Error),
    End,
    /// Go on with what the buffer holds.
    Again,
    /// The buffer holds no whole record: read more.
    Fill,
}

pub(crate) struct RowReader<T, R> {
    ctx: Ctx,
    reader: R,
    buf: Vec<u8>,
    /// The buffer's bytes not yet read are `pos..filled`.
    pos: usize,
    filled: usize,
    eof: bool,
    phase: Phase,
    records: Records,
    /// Data rows read so far (the header is row 0).
    row: u64,
    /// Body bytes before `pos`, for error positions.
    offset: u64,
    redactor: Redactor,
    /// Bytes of the record handed to `decode`, consumed when the next one is asked for.
    lent: usize,
    /// The line that record starts on, for its errors.
    lent_line: u64,
    /// Set by `decode` (which only borrows) when the record is not UTF-8: the stream ends.
    failed: Cell<bool>,
    _row: PhantomData<fn() -> T>,
}

impl<T: CsvRow, R: AsyncRead + Unpin> RowReader<T, R> {
    pub(crate) fn new(ctx: Ctx, reader: R, status_line: bool, redactor: Redactor) -> Self {
        Self::with_buffer(ctx, reader, status_line, redactor, BUFFER)
    }

    fn with_buffer(
        ctx: Ctx,
        reader: R,
        status_line: bool,
        redactor: Redactor,
        buffer: usize,
    ) -> Self {
        RowReader {
            ctx,
            reader,
            buf: vec![0; buffer.max(1)],
            pos: 0,
            filled: 0,
            eof: false,
            phase: if status_line {
                Phase::Status
            } else {
                Phase::Header
            },
            records: Records::new(T::ESCAPED_NEW_LINES),
            row: 0,
            offset: 0,
            redactor,
            lent: 0,
            lent_line: 0,
            failed: Cell::new(false),
            _row: PhantomData,
        }
    }

    fn consume(&mut self, n: usize) {
        self.pos += n;
        self.offset += n as u64;
    }

    /// Ends the read with a decode error of `row` (`None`: the header row), whose text the
    /// error keeps masked, after reading past `consumed` bytes.
    fn fail_row(&mut self, row: Option<u64>, reason: &str, text: &str, consumed: usize) -> Step {
        let e = Error::decode_row(&self.redactor, &self.ctx.mode, row, reason, text.as_bytes());
        self.consume(consumed);
        self.phase = Phase::Done;
        Step::Failed(e)
    }

    fn step(&mut self) -> Step {
        let input = &self.buf[self.pos..self.filled];
        match &self.phase {
            Phase::Done => Step::End,
            Phase::Status => {
                let Some((start, end)) = wire::status_line(input, self.eof) else {
                    return Step::Fill;
                };
                let line = input.get(start..end).unwrap_or_default();
                if let Err(e) = wire::check_status_line(&self.redactor, &self.ctx.mode, line, line)
                {
                    self.phase = Phase::Done;
                    return Step::Failed(e);
                }
                self.consume(end);
                // Error positions count from the CSV, as the whole-body reader's do.
                self.offset = 0;
                self.phase = Phase::Header;
                Step::Again
            }
            Phase::Header => match self.records.split(input, self.eof) {
                Split::NeedMore { consumed } => {
                    self.consume(consumed);
                    Step::Fill
                }
                Split::End => Step::End,
                Split::Cut { consumed } => {
                    let text = self.records.lossy_text(input);
                    let reason =
                        wire::csv_reason("the body ends inside a quoted field of the header row");
                    self.fail_row(None, &reason, &text, consumed)
                }
                Split::Record { consumed } => {
                    if self.records.is_blank(input) {
                        // A blank line before the header (`wire::is_blank_field`).
                        self.consume(consumed);
                        return Step::Again;
                    }
                    let width = self.records.count();
                    let header = match self.records.view(input) {
                        Ok(view) => resolve_columns::<T>(&view).map_err(|reason| {
                            let text = record_text(&view);
                            Error::decode_row(
                                &self.redactor,
                                &self.ctx.mode,
                                None,
                                &reason,
                                text.as_bytes(),
                            )
                        }),
                        Err(bad) => Err(self.not_utf8(None, 0, &bad, "")),
                    };
                    self.consume(consumed);
                    match header {
                        Ok(cols) => {
                            self.phase = Phase::Rows { cols, width };
                            Step::Again
                        }
                        Err(e) => {
                            self.phase = Phase::Done;
                            Step::Failed(e)
                        }
                    }
                }
            },
            Phase::Rows { width, cols } => {
                let width = *width;
                let takes_rest = cols.last_takes_rest();
                let line = self.records.line();
                match self.records.split(input, self.eof) {
                    Split::NeedMore { consumed } => {
                        self.consume(consumed);
                        Step::Fill
                    }
                    Split::End => Step::End,
                    Split::Cut { consumed } => {
                        let row = self.row + 1;
                        self.row = row;
                        let reason = wire::csv_reason(&format!(
                            "record {row} (line: {line}, byte: {}): the body ends inside a \
                             quoted field",
                            self.offset
                        ));
                        let text = self.records.lossy_text(input);
                        self.fail_row(Some(row), &reason, &text, consumed)
                    }
                    Split::Record { consumed } => {
                        let count = self.records.count();
                        if count == 1 && self.records.is_blank(input) {
                            // A blank line among or after the rows (`wire::is_blank_field`):
                            // no row, whatever the header's width.
                            self.consume(consumed);
                            return Step::Again;
                        }
                        let row = self.row + 1;
                        self.row = row;
                        if count > width && takes_rest {
                            // The SMS logs write a message raw, so its commas split it;
                            // it is the last column, so the fields past it are its rest.
                            self.records.join_from(width.saturating_sub(1));
                        } else if count != width {
                            let reason = wire::csv_reason(&format!(
                                "CSV error: record {row} (line: {line}, byte: {}): found record \
                                 with {count} fields, but the previous record has {width} fields",
                                self.offset
                            ));
                            let text = self.records.lossy_text(input);
                            // A row that is no CSV of the header's shape ends the stream,
                            // as it ends the whole-body table.
                            return self.fail_row(Some(row), &reason, &text, 0);
                        }
                        self.lent = consumed;
                        self.lent_line = line;
                        Step::Row
                    }
                }
            }
        }
    }

    fn not_utf8(&self, row: Option<u64>, line: u64, bad: &NotUtf8, excerpt: &str) -> Error {
        let reason = wire::csv_reason(&format!(
            "CSV parse error: record {} (line {line}, field: {}, byte: {}): invalid utf-8: \
             invalid UTF-8 in field {} near byte index {}",
            row.unwrap_or(0),
            bad.field + 1,
            self.offset,
            bad.field,
            bad.valid_up_to
        ));
        Error::decode_row(
            &self.redactor,
            &self.ctx.mode,
            row,
            &reason,
            excerpt.as_bytes(),
        )
    }

    /// Reads more of the body after what is left in the buffer.
    fn fill(&mut self, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        if self.eof {
            return Poll::Ready(Ok(()));
        }
        if self.pos > 0 {
            self.buf.copy_within(self.pos..self.filled, 0);
            self.filled -= self.pos;
            self.pos = 0;
        }
        if self.filled == self.buf.len() {
            // One record longer than the buffer: the buffer grows to hold it, as the
            // `csv` record would.
            let len = self.buf.len() * 2;
            self.buf.resize(len, 0);
        }
        let mut read = ReadBuf::new(&mut self.buf[self.filled..]);
        match Pin::new(&mut self.reader).poll_read(cx, &mut read) {
            Poll::Pending => Poll::Pending,
            Poll::Ready(Err(e)) => Poll::Ready(Err(e)),
            Poll::Ready(Ok(())) => {
                let n = read.filled().len();
                if n == 0 {
                    self.eof = true;
                } else {
                    self.filled += n;
                }
                Poll::Ready(Ok(()))
            }
        }
    }
}

impl<T, R: AsyncRead + Unpin> RowReader<T, R>
where
    T: CsvRow,
{
    /// Finds the next record of the header's shape: `Ok(())` when one is ready for
    /// [`RowReader::decode`], `None` at the end of the body. The record handed out before
    /// is consumed first, so what `decode` lent must be dropped by now.
    pub(crate) fn poll_record(&mut self, cx: &mut Context<'_>) -> Poll<Option<Result<()>>> {
        if self.lent > 0 {
            let n = std::mem::take(&mut self.lent);
            self.consume(n);
        }
        if self.failed.get() {
            self.phase = Phase::Done;
        }
        loop {
            match self.step() {
                Step::Row => return Poll::Ready(Some(Ok(()))),
                Step::Failed(e) => return Poll::Ready(Some(Err(e))),
                Step::End => {
                    self.phase = Phase::Done;
                    return Poll::Ready(None);
                }
                Step::Again => {}
                Step::Fill => match self.fill(cx) {
                    Poll::Pending => return Poll::Pending,
                    Poll::Ready(Ok(())) => {}
                    Poll::Ready(Err(e)) => {
                        self.phase = Phase::Done;
                        let gateway = self.ctx.gateway.unwrap_or(Gateway::Primary);
                        return Poll::Ready(Some(Err(io_error(gateway, e))));
                    }
                },
            }
        }
    }

    /// Decodes the record [`RowReader::poll_record`] found; `read` may borrow its text.
    /// A record that is not UTF-8 ends the stream, as it ends the whole-body table; a
    /// record that is CSV but does not decode is one bad item and the stream goes on.
    pub(crate) fn decode<'a, O>(
        &'a self,
        read: impl FnOnce(&Fields<'a>) -> Result<O, String>,
    ) -> Result<O> {
        let input = self.buf.get(self.pos..self.filled).unwrap_or_default();
        let row = self.row;
        let Phase::Rows { cols, .. } = &self.phase else {
            // Only reached when no record was found first.
            return Err(Error::decode_row(
                &self.redactor,
                &self.ctx.mode,
                Some(row),
                "no row to decode",
                b"",
            ));
        };
        let view = match self.records.view(input) {
            Ok(view) => view,
            Err(bad) => {
                let text = self.records.lossy_text(input);
                self.failed.set(true);
                return Err(self.not_utf8(Some(row), self.lent_line, &bad, &text));
            }
        };
        read(&Fields::new(view.text, view.bounds, cols)).map_err(|reason| {
            let text = record_text(&view);
            Error::decode_row(
                &self.redactor,
                &self.ctx.mode,
                Some(row),
                &reason,
                text.as_bytes(),
            )
        })
    }
}

/// Reads every row of a CSV payload held whole in memory (the modes that answer with a
/// short table): the reader of the streams, so a table and a log read the same bytes the
/// same way. The first error ends it, as one bad row fails the call.
pub(crate) fn read_table<T: CsvRow>(
    ctx: Ctx,
    payload: &[u8],
    redactor: Redactor,
) -> Result<Vec<T>> {
    // Room for the whole payload in one read, and one byte more to see its end.
    let buffer = payload.len().saturating_add(1).min(BUFFER);
    let mut rows = RowReader::<T, &[u8]>::with_buffer(ctx, payload, false, redactor, buffer);
    let mut cx = Context::from_waker(Waker::noop());
    let mut out = Vec::new();
    loop {
        match rows.poll_record(&mut cx) {
            Poll::Ready(None) => return Ok(out),
            Poll::Ready(Some(Err(e))) => return Err(e),
            Poll::Ready(Some(Ok(()))) => out.push(rows.decode(T::from_fields)?),
            // A slice never waits; should one ever, the table ends with an error, not a hang.
            Poll::Pending => {
                return Err(Error::decode_row(
                    &rows.redactor,
                    &rows.ctx.mode,
                    Some(rows.row),
                    "the in-memory payload was not read at once",
                    b"",
                ));
            }
        }
    }
}

impl<T: CsvRow, R: AsyncRead + Unpin> Stream for RowReader<T, R> {
    type Item = Result<T>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        match this.poll_record(cx) {
            Poll::Pending => Poll::Pending,
            Poll::Ready(None) => Poll::Ready(None),
            Poll::Ready(Some(Err(e))) => Poll::Ready(Some(Err(e))),
            Poll::Ready(Some(Ok(()))) => Poll::Ready(Some(this.decode(T::from_fields))),
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use futures::StreamExt;

    use super::*;
    use crate::models::log::{SmsIn, SmsOut};

    /// Hands out at most `step` bytes a read, so records straddle every read.
    pub(crate) struct Trickle {
        pub(crate) body: Vec<u8>,
        pub(crate) at: usize,
        pub(crate) step: usize,
    }

    impl AsyncRead for Trickle {
        fn poll_read(
            mut self: Pin<&mut Self>,
            _: &mut Context<'_>,
            out: &mut ReadBuf<'_>,
        ) -> Poll<std::io::Result<()>> {
            let n = self
                .step
                .min(out.remaining())
                .min(self.body.len() - self.at);
            let at = self.at;
            out.put_slice(&self.body[at..at + n]);
            self.at += n;
            Poll::Ready(Ok(()))
        }
    }

    fn collect<T: CsvRow>(reader: impl AsyncRead + Unpin) -> Vec<Result<T>> {
        let ctx = Ctx {
            mode: "m".into(),
            gateway: None,
        };
        let mut stream = RowReader::<T, _>::new(ctx, reader, true, Redactor::new());
        let mut cx = Context::from_waker(Waker::noop());
        let mut out = Vec::new();
        loop {
            match stream.poll_next_unpin(&mut cx) {
                Poll::Ready(Some(item)) => out.push(item),
                Poll::Ready(None) => return out,
                Poll::Pending => panic!("an in-memory reader waited"),
            }
        }
    }

    fn agree<T: CsvRow + PartialEq + std::fmt::Debug>(body: &[u8], step: usize) {
        let whole = collect::<T>(std::io::Cursor::new(body.to_vec()));
        let trickled = collect::<T>(Trickle {
            body: body.to_vec(),
            at: 0,
            step,
        });
        fn oks<T>(v: &[Result<T>]) -> Vec<Option<&T>> {
            v.iter().map(|r| r.as_ref().ok()).collect()
        }
        assert_eq!(oks(&whole), oks(&trickled), "{body:?} in reads of {step}");
        let table = wire::split_body(&Redactor::new(), "m", body)
            .and_then(|p| wire::parse_table::<T>(&Redactor::new(), "m", p));
        match table {
            Ok(rows) => assert_eq!(
                whole.iter().map(|r| r.as_ref().ok()).collect::<Vec<_>>(),
                rows.iter().map(Some).collect::<Vec<_>>(),
                "{body:?}"
            ),
            Err(_) => assert!(whole.iter().any(Result::is_err), "{body:?}"),
        }
    }

    #[test]
    fn quoted_records_blank_lines_and_marks_across_reads() {
        let bodies: [&[u8]; 6] = [
            b"Ok\n\xEF\xBB\xBFID,Sub-ID,Date,Time,From,To,MessageType,Message\r\n\r\n7,,2024-01-09,08:00:00,1,2,ASCII,\"x, \"\"y\"\"\r\nz\"\r\n8,,2024-01-09,08:00:00,1,2,ASCII,plain\n",
            b"Ok\n\"ID\",Sub-ID,Date,Time,From,To,MessageType,Message\n1,,2024-01-09,08:00:00,+61 2,ACME,U16,0048\n\n\r\n",
            b"Ok\nID,Sub-ID,Date,Time,From,To,MessageType,Message\n1,,2024-01-09,08:00:00,1,2,ASCII,\"\xC3\",\"\xA9\"\n",
            b"Ok\nID,Sub-ID,Date,Time,From,To,MessageType,Message\n1,,2024-01-09,08:00:00,1,2,ASCII,caf\xC3\xA9\n2,,x,08:00:00,1,2,ASCII,a\n3,,2024-01-09,08:00:00,1,2,ASCII,\xFF\n",
            b"Ok\nID,Sub-ID,Date,Time,From,To,MessageType,Message\n1,,2024-01-09,08:00:00,1,2,ASCII,a,extra\n",
            b"Ok\nID,Sub-ID,Date,Time,From,To,MessageType,Message\n1,,2024-01-09,08:00:00,1,2,ASCII,\"unterminated",
        ];
        for body in bodies {
            for step in [1, 2, 3, 5, 7, 64, 100_000] {
                agree::<SmsIn>(body, step);
            }
        }
    }

    #[test]
    fn whitespace_only_lines_are_skipped_before_the_header_and_among_the_rows() {
        let body: &[u8] = b"Ok\n \t\r\n\nID,Sub-ID,Date,Time,From,To,MessageType,Message\n \n1,,2024-01-09,08:00:00,1,2,ASCII,a\n\t\n2,,2024-01-09,08:00:00,1,2,ASCII,b\n \t\n \r\n";
        for step in [1, 2, 3, 5, 7, 64, 100_000] {
            agree::<SmsIn>(body, step);
            let rows = collect::<SmsIn>(Trickle {
                body: body.to_vec(),
                at: 0,
                step,
            });
            let ids: Vec<_> = rows
                .iter()
                .map(|r| {
                    r.as_ref()
                        .map(|r| r.entry.id.clone())
                        .map_err(|e| e.to_string())
                })
                .collect();
            assert_eq!(
                ids,
                [Ok("1".to_owned()), Ok("2".to_owned())],
                "reads of {step}"
            );
        }
    }

    #[test]
    fn an_escaped_new_line_stays_in_an_sms_message_across_reads() {
        const HEAD: &str = "Ok\nID,Sub-ID,Date,Time,From,To,MessageType,Message\n";
        let row = |id: &str, from: &str, message: &str| {
            format!("{id},,2024-01-09,08:00:00,{from},2,ASCII,{message}")
        };
        let cases: [(String, [&str; 2]); 6] = [
            (
                format!(
                    "{HEAD}{}\n{}\n",
                    row("1", "1", "one\\\ntwo"),
                    row("2", "1", "b")
                ),
                ["one\ntwo", "b"],
            ),
            (
                format!(
                    "{HEAD}{}\r\n{}\r\n",
                    row("1", "1", "one\\\r\ntwo"),
                    row("2", "1", "b")
                ),
                ["one\ntwo", "b"],
            ),
            // A quoted field before the message: the `csv_core` path.
            (
                format!(
                    "{HEAD}{}\n{}",
                    row("1", "\"A, B\"", "x\\\ny\\\r\nz"),
                    row("2", "1", "end\\\n")
                ),
                ["x\ny\nz", "end\n"],
            ),
            // An escaped backslash before a new line: the new line ends the record.
            (
                format!(
                    "{HEAD}{}\n{}\n",
                    row("1", "1", "tail\\\\"),
                    row("2", "1", "b")
                ),
                ["tail\\", "b"],
            ),
            (
                format!(
                    "{HEAD}{}\n{}\n",
                    row("1", "\"q\"", "tail\\\\"),
                    row("2", "1", "b\\\n\\\nc")
                ),
                ["tail\\", "b\n\nc"],
            ),
            // A lone `\r` after a backslash ends the record, as any `\r` does.
            (
                format!("{HEAD}{}\r{}", row("1", "1", "a\\"), row("2", "1", "b")),
                ["a\\", "b"],
            ),
        ];
        for (body, texts) in &cases {
            for step in [1, 2, 3, 5, 7, 64, 100_000] {
                agree::<SmsIn>(body.as_bytes(), step);
                let rows = collect::<SmsIn>(Trickle {
                    body: body.as_bytes().to_vec(),
                    at: 0,
                    step,
                });
                let read: Vec<_> = rows
                    .iter()
                    .map(|r| {
                        r.as_ref()
                            .map(|r| r.message.text.clone().unwrap_or_default())
                            .map_err(|e| e.to_string())
                    })
                    .collect();
                let want: Vec<Result<String, String>> =
                    texts.iter().map(|t| Ok((*t).to_owned())).collect();
                assert_eq!(read, want, "{body:?} in reads of {step}");
            }
        }
        // The other tables keep `csv`'s reading: a backslash does not hold the line.
        let table = wire::parse_table::<crate::models::did::DidCountry>(
            &Redactor::new(),
            "m",
            b"CountryName\nA\\\nB\n",
        )
        .expect("two rows");
        assert_eq!(table.len(), 2);
    }

    /// Each item of `body` read in reads of every size (the three readings agree): the
    /// message text of a row, or the error's text.
    fn messages<T: CsvRow + PartialEq + std::fmt::Debug>(
        body: &[u8],
        text: impl Fn(&T) -> String,
    ) -> Vec<Result<String, String>> {
        let mut first = None;
        for step in [1, 2, 3, 5, 7, 64, 100_000] {
            agree::<T>(body, step);
            let read: Vec<_> = collect::<T>(Trickle {
                body: body.to_vec(),
                at: 0,
                step,
            })
            .iter()
            .map(|r| r.as_ref().map(&text).map_err(|e| e.to_string()))
            .collect();
            match &first {
                None => first = Some(read),
                Some(before) => assert_eq!(before, &read, "{body:?} in reads of {step}"),
            }
        }
        first.unwrap_or_default()
    }

    fn sms_text(row: &SmsIn) -> String {
        row.message.text.clone().unwrap_or_default()
    }

    const SMS_HEAD: &str = "ID,Sub-ID,Date,Time,From,To,MessageType,Message";

    #[test]
    fn blank_lines_and_a_mark_before_the_status_line_are_skipped() {
        let row = "1,,2024-01-09,08:00:00,1,2,ASCII,a";
        for body in [
            format!("\nOk\n{SMS_HEAD}\n{row}\n"),
            format!("\r\nOk\r\n{SMS_HEAD}\r\n{row}\r\n"),
            format!("\u{feff} \t\r\n\n\nOk\n{SMS_HEAD}\n{row}\n"),
            format!(
                "{}Ok\n{SMS_HEAD}\n{row}\n",
                "\n".repeat(wire::MAX_STATUS_LINE)
            ),
        ] {
            assert_eq!(
                messages::<SmsIn>(body.as_bytes(), sms_text),
                [Ok("a".to_owned())],
                "{body:?}"
            );
        }
        // The vendor's error after a blank line: code 001, transient.
        for step in [1, 3, 100_000] {
            let body = b"\r\n\nError 001: Service Unavailable.\r\n".to_vec();
            let items = collect::<SmsIn>(Trickle { body, at: 0, step });
            assert!(
                matches!(&items[..], [Err(e)] if e.vendor_code() == Some("001") && e.is_retryable()),
                "{items:?}"
            );
        }
        // An endless run of new lines is decided in bounded bytes: no status line.
        let body = format!("{}Ok\n{SMS_HEAD}\n{row}\n", "\n".repeat(100_000));
        for step in [7, 100_000] {
            let items = collect::<SmsIn>(Trickle {
                body: body.clone().into_bytes(),
                at: 0,
                step,
            });
            assert!(
                matches!(&items[..], [Err(Error::Decode { .. })]),
                "{items:?}"
            );
        }
        assert!(matches!(
            wire::split_body(&Redactor::new(), "m", body.as_bytes()),
            Err(Error::Decode { .. })
        ));
    }

    #[test]
    fn a_body_that_ends_inside_a_quoted_field_is_a_cut_row() {
        let row =
            |id: &str, message: &str| format!("{id},,2024-01-09,08:00:00,1,2,ASCII,{message}");
        let cut = |body: String| {
            let read = messages::<SmsIn>(body.as_bytes(), sms_text);
            let (last, rows) = read.split_last().expect("an item");
            assert!(
                last.as_ref()
                    .is_err_and(|e| e.contains("inside a quoted field")),
                "{body:?}: {read:?}"
            );
            rows.to_vec()
        };
        assert_eq!(
            cut(format!(
                "Ok\n{SMS_HEAD}\n{}",
                row("1", "\"Meet at 5, bring")
            )),
            []
        );
        assert_eq!(
            cut(format!(
                "Ok\n{SMS_HEAD}\n{}\n{}",
                row("1", "a"),
                row("2", "\"say \"\"hi\"\"")
            )),
            [Ok("a".to_owned())]
        );
        assert_eq!(
            cut(format!("Ok\n{SMS_HEAD}\n{}", row("1", "\"two\nlines\n"))),
            []
        );
        // A quote that closes, or one that never opened, leaves a whole row.
        for (message, text) in [
            ("\"done\"", "done"),
            ("\"say \"\"hi\"\"\"", "say \"hi\""),
            ("5\" screen", "5\" screen"),
            ("\"a\"b\"", "ab\""),
        ] {
            let body = format!("Ok\n{SMS_HEAD}\n{}", row("1", message));
            assert_eq!(
                messages::<SmsIn>(body.as_bytes(), sms_text),
                [Ok(text.to_owned())],
                "{body:?}"
            );
        }
        // The other tables, and a header row, hold to the same rule.
        use crate::models::did::DidCountry;
        for payload in [&b"CountryName\nAcme\n\"Urgent"[..], b"\"CountryName"] {
            assert!(
                matches!(
                    wire::parse_table::<DidCountry>(&Redactor::new(), "m", payload),
                    Err(Error::Decode { .. })
                ),
                "{payload:?}"
            );
        }
    }

    #[test]
    fn a_raw_message_keeps_its_commas() {
        let row = |id: &str, from: &str, message: &str| {
            format!("{id},,2024-01-09,08:03:00,{from},61290004444,ASCII,{message}")
        };
        let body = format!(
            "Ok\n{SMS_HEAD}\n{}\n{}\r\n{}\n{}\n",
            row("1", "61412345678", "Hi, how are you?"),
            row("2", "\"ACME, Inc\"", "a,\"b, c\", d\\\nnext ,, line"),
            row("3", "1", ",lead,"),
            row("4", "1", "plain"),
        );
        assert_eq!(
            messages::<SmsIn>(body.as_bytes(), sms_text),
            [
                Ok("Hi, how are you?".to_owned()),
                Ok("a,b, c, d\nnext ,, line".to_owned()),
                Ok(",lead,".to_owned()),
                Ok("plain".to_owned()),
            ]
        );
        // `logsmsout` with the message columns last reads the same way.
        let out = "Ok\nID,Sub-ID,Date,Time,From,To,Sent,Tracking,Cost,MessageType,Message\n\
                   1,,2024-01-09,08:00:00,1,2,1,,0.05,ASCII,Hi, you\n";
        let text = |row: &SmsOut| {
            row.message
                .as_ref()
                .and_then(|m| m.text.clone())
                .unwrap_or_default()
        };
        assert_eq!(
            messages::<SmsOut>(out.as_bytes(), text),
            [Ok("Hi, you".to_owned())]
        );
        // Where the message is not the last column, or there is none, a wider row is
        // still an error (and ends the rows, as the whole-body table ends).
        let wider = |body: String, items: Vec<Result<String, String>>| {
            assert!(
                matches!(&items[..], [Err(e)] if e.contains("fields")),
                "{body:?}: {items:?}"
            );
        };
        for body in [
            format!("Ok\n{SMS_HEAD},Note\n{},n\n", row("1", "1", "Hi, you")),
            format!("Ok\n{SMS_HEAD},Message\n{}\n", row("1", "1", "a,b,c")),
        ] {
            let items = messages::<SmsIn>(body.as_bytes(), sms_text);
            wider(body, items);
        }
        let body = "Ok\nID,Sub-ID,Date,Time,From,To,Sent,Tracking,Cost\n\
                    1,,2024-01-09,08:00:00,1,2,1,,0.05,x\n2,,2024-01-09,08:00:00,1,2,1,,0.05\n";
        let items = messages::<SmsOut>(body.as_bytes(), text);
        wider(body.to_owned(), items);
    }

    proptest::proptest! {
        #[test]
        fn any_split_of_a_body_reads_the_same_rows(
            rows in proptest::collection::vec("[0-9a-zA-Z:., \"\r\n\\\\-]{0,14}(,[0-9a-zA-Z:., \"\r\n\u{e9}\\\\-]{0,10}){0,10}", 0..6),
            step in 1usize..20,
        ) {
            let body = format!("Ok\nID,Sub-ID,Date,Time,From,To,Sent,Tracking,Cost\n{}", rows.join("\n"));
            agree::<SmsOut>(body.as_bytes(), step);
            let ok = format!("Ok\nID,Sub-ID,Date,Time,From,To,Sent,Tracking,Cost\n{}", rows.iter().map(|r| format!("1,2,2024-01-02,03:04:05,{r}")).collect::<Vec<_>>().join("\r\n"));
            agree::<SmsOut>(ok.as_bytes(), step);
        }
    }
}
