//! [`LogStream`]: the rows of a log mode, parsed as the body arrives.

use std::borrow::Cow;
use std::pin::Pin;
use std::task::{Context, Poll};

use futures_core::Stream;
use telecom_core::Redactor;
use tokio::io::{AsyncBufRead, AsyncBufReadExt, AsyncRead};

use crate::error::{Gateway, Result};
use crate::row_reader::RowReader;
use crate::wire::{self, CsvRow};

/// A row type of a log mode: [`FaxIn`](crate::FaxIn), [`FaxOut`](crate::FaxOut),
/// [`VoiceCall`](crate::VoiceCall), [`SmsIn`](crate::SmsIn), [`SmsOut`](crate::SmsOut).
/// Sealed: implemented by this crate only.
pub trait LogRow: CsvRow + Send + 'static {}

impl<T: CsvRow + Send + 'static> LogRow for T {}

/// The rows of a log, parsed one by one as the body arrives: memory stays constant
/// however long the log is.
///
/// A row that does not decode (a bad date, a `U16` message that is not hex) is an `Err`
/// item and the stream goes on; a body that stops being CSV, or a failed connection,
/// ends the stream after its `Err` item.
///
/// ```no_run
/// # async fn demo(client: traitel_am::Client) -> Result<(), traitel_am::Error> {
/// use futures::TryStreamExt;
/// use time::macros::date;
///
/// let query = traitel_am::LogQuery::builder()
///     .start_date(date!(2024 - 01 - 01))
///     .end_date(date!(2024 - 01 - 31))
///     .build()?;
/// let mut rows = client.log_sms_out(&query).await?;
/// while let Some(row) = rows.try_next().await? {
///     println!("{} -> {}: {:?}", row.entry.from, row.entry.to, row.cost);
/// }
/// # Ok(()) }
/// ```
pub struct LogStream<T> {
    inner: Box<Rows<T>>,
}

/// The body, whatever reader it comes from: one call through it per buffer fill, not per
/// row.
pub(crate) type Body = Pin<Box<dyn AsyncRead + Send>>;

/// The reader behind both [`LogStream`] and [`LogRows`](crate::LogRows).
pub(crate) type Rows<T> = RowReader<T, Body>;

impl<T> std::fmt::Debug for LogStream<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LogStream").finish_non_exhaustive()
    }
}

impl<T: LogRow> Stream for LogStream<T> {
    type Item = Result<T>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        Pin::new(&mut *self.inner).poll_next(cx)
    }
}

impl<T: LogRow> LogStream<T> {
    /// Reads every row; the first error ends it.
    pub async fn collect_all(mut self) -> Result<Vec<T>> {
        let mut rows = Vec::new();
        while let Some(row) = std::future::poll_fn(|cx| Pin::new(&mut self).poll_next(cx)).await {
            rows.push(row?);
        }
        Ok(rows)
    }

    /// Parses a whole log response from any reader (a saved body, a file): the `Ok` line,
    /// the header row, then the rows. `mode` names the log in errors. With no client and
    /// so no password known, error texts are masked by shape only (secret-named fields,
    /// tokens, card numbers).
    pub fn from_reader<R>(mode: &'static str, reader: R) -> Self
    where
        R: AsyncRead + Unpin + Send + 'static,
    {
        LogStream::build(mode, reader, None, true, Redactor::new())
    }

    /// `redactor` builds every error text; it is only used once a row fails, so the rows
    /// that decode never pay for it.
    pub(crate) fn build<R>(
        mode: &'static str,
        reader: R,
        gateway: Option<Gateway>,
        status_line: bool,
        redactor: Redactor,
    ) -> Self
    where
        R: AsyncRead + Unpin + Send + 'static,
    {
        let body: Body = Box::pin(reader);
        let ctx = Ctx {
            mode: Cow::Borrowed(mode),
            gateway,
        };
        let rows = RowReader::new(ctx, body, status_line, redactor);
        LogStream {
            inner: Box::new(rows),
        }
    }

    pub(crate) fn from_rows(inner: Box<Rows<T>>) -> Self {
        LogStream { inner }
    }

    /// The same rows read one at a time, each borrowing the stream's buffer instead of
    /// being copied out: see [`LogRows`](crate::LogRows). Rows this stream has already
    /// given are not read again.
    pub fn into_rows(self) -> crate::LogRows<T>
    where
        T: crate::BorrowedRow,
    {
        crate::LogRows::new(self.inner)
    }
}

/// What a row reader's errors name: a log stream's, or a table's.
pub(crate) struct Ctx {
    /// A mode of this crate's, or the one a caller named in a raw call.
    pub(crate) mode: Cow<'static, str>,
    pub(crate) gateway: Option<Gateway>,
}

/// The status line as [`wire::status_line`] finds it: how many bytes come before it (a
/// byte-order mark, blank lines), and the line, with its `\n` or cut at
/// [`wire::MAX_STATUS_LINE`]` + 1` bytes: what [`wire::check_status_line`] takes, the same
/// as [`wire::split_body`] gives it for a whole body. Nothing after the line is consumed.
pub(crate) async fn read_status_line<R: AsyncBufRead + Unpin>(
    reader: &mut R,
) -> std::io::Result<(usize, Vec<u8>)> {
    let mut head = Vec::new();
    loop {
        let buf = reader.fill_buf().await?;
        let eof = buf.is_empty();
        let had = head.len();
        // Bounded: at `STATUS_HEAD_MAX` bytes `status_line` always decides.
        let look = buf.len().min(wire::STATUS_HEAD_MAX.saturating_sub(had));
        head.extend_from_slice(buf.get(..look).unwrap_or_default());
        match wire::status_line(&head, eof) {
            Some((start, end)) => {
                // Undecided before, so the line ends in what this read added.
                reader.consume(end.saturating_sub(had).min(look));
                head.truncate(end);
                return Ok((start, head.split_off(start.min(end))));
            }
            None => reader.consume(look),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::future::Future;

    use tokio::io::{AsyncReadExt, BufReader};

    use super::*;
    use crate::row_reader::tests::Trickle;

    fn now<F: Future>(future: F) -> F::Output {
        let mut future = std::pin::pin!(future);
        let mut cx = Context::from_waker(std::task::Waker::noop());
        match future.as_mut().poll(&mut cx) {
            Poll::Ready(out) => out,
            Poll::Pending => panic!("an in-memory read waited"),
        }
    }

    /// The lead, the status line and the rest, read in reads of `step` bytes.
    fn read(body: &[u8], step: usize) -> (usize, Vec<u8>, Vec<u8>) {
        let trickle = Trickle {
            body: body.to_vec(),
            at: 0,
            step,
        };
        let mut reader = BufReader::with_capacity(16, trickle);
        let (lead, line) = now(read_status_line(&mut reader)).expect("in memory");
        let mut rest = Vec::new();
        now(reader.read_to_end(&mut rest)).expect("in memory");
        (lead, line, rest)
    }

    #[test]
    fn the_streamed_status_line_is_where_the_whole_body_has_it() {
        let endless = format!("{}Ok\n1\n", "\n".repeat(3 * wire::MAX_STATUS_LINE));
        let long = format!("\n{}\nx", "y".repeat(2 * wire::MAX_STATUS_LINE));
        let bodies: [&[u8]; 7] = [
            b"\nOk\n12.50\n",
            b"\xEF\xBB\xBF\r\n \t\r\nError 001: Service Unavailable.\r\nrest",
            b"Ok",
            b"",
            b" \n\t",
            endless.as_bytes(),
            long.as_bytes(),
        ];
        for body in bodies {
            let (start, end) = wire::status_line(body, true).expect("decided at the end");
            for step in [1, 2, 5, 64, 100_000] {
                let (lead, line, rest) = read(body, step);
                assert_eq!(
                    (lead, &line[..], &rest[..]),
                    (start, &body[start..end], &body[end..]),
                    "{body:?} in reads of {step}"
                );
            }
        }
    }
}
