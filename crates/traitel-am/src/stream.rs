//! [`LogStream`]: the rows of a log mode, parsed as the body arrives.

use std::borrow::Cow;
use std::pin::Pin;
use std::task::{Context, Poll};

use futures_core::Stream;
use telecom_core::Redactor;
use tokio::io::{AsyncBufRead, AsyncBufReadExt, AsyncRead, AsyncReadExt};

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

/// The first line with its `\n`, or the first [`wire::MAX_STATUS_LINE`]` + 1` bytes when no
/// `\n` comes that soon: what [`wire::check_status_line`] takes, the same as
/// [`wire::split_body`] gives it for a whole body.
pub(crate) async fn read_status_line<R: AsyncBufRead + Unpin>(
    reader: &mut R,
) -> std::io::Result<Vec<u8>> {
    let mut line = Vec::new();
    (&mut *reader)
        .take(wire::MAX_STATUS_LINE as u64 + 1)
        .read_until(b'\n', &mut line)
        .await?;
    Ok(line)
}

/// Where the status line ends in the first bytes of a body, as [`read_status_line`] reads
/// it; `None` until enough has arrived (`eof`: nothing more will).
pub(crate) fn status_line_end(start: &[u8], eof: bool) -> Option<usize> {
    let limit = wire::MAX_STATUS_LINE + 1;
    let head = &start[..start.len().min(limit)];
    match head.iter().position(|&b| b == b'\n') {
        Some(at) => Some(at + 1),
        None if head.len() == limit || eof => Some(head.len()),
        None => None,
    }
}
