//! [`LogStream`]: the rows of a log mode, parsed as the body arrives.

use std::pin::Pin;
use std::task::{Context, Poll};

use futures::{Stream, StreamExt, TryStreamExt};
use telecom_core::Redactor;
use tokio::io::{AsyncBufRead, AsyncBufReadExt, AsyncRead, AsyncReadExt, BufReader};

use crate::error::{Error, Gateway, Result};
use crate::transport::io_error;
use crate::wire::{self, Columns, CsvRow, Fields, is_empty_header, record_text, resolve_columns};

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
    inner: Pin<Box<dyn Stream<Item = Result<T>> + Send>>,
}

impl<T> std::fmt::Debug for LogStream<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LogStream").finish_non_exhaustive()
    }
}

impl<T> Stream for LogStream<T> {
    type Item = Result<T>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.inner.as_mut().poll_next(cx)
    }
}

impl<T: LogRow> LogStream<T> {
    /// Reads every row; the first error ends it.
    pub async fn collect_all(self) -> Result<Vec<T>> {
        self.try_collect().await
    }

    /// Parses a whole log response from any reader (a saved body, a file): the `Ok` line,
    /// the header row, then the rows. `mode` names the log in errors. With no client and
    /// so no password known, error texts are masked by shape only (secret-named fields,
    /// tokens, card numbers).
    pub fn from_reader<R>(mode: &'static str, reader: R) -> Self
    where
        R: AsyncRead + Unpin + Send + 'static,
    {
        let reader = BufReader::with_capacity(64 * 1024, reader);
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
        R: AsyncBufRead + AsyncRead + Unpin + Send + 'static,
    {
        let state = State::Start {
            reader,
            status_line,
            redactor,
        };
        let ctx = Ctx { mode, gateway };
        let stream = futures::stream::unfold(state, move |state| next_row::<T, R>(ctx, state));
        LogStream {
            inner: stream.boxed(),
        }
    }
}

#[derive(Clone, Copy)]
struct Ctx {
    mode: &'static str,
    gateway: Option<Gateway>,
}

impl Ctx {
    fn csv_error(
        self,
        redactor: &Redactor,
        e: csv_async::Error,
        row: Option<u64>,
        excerpt: &str,
    ) -> Error {
        let reason = wire::csv_reason(&e.to_string());
        match e.into_kind() {
            csv_async::ErrorKind::Io(io) => io_error(self.gateway.unwrap_or(Gateway::Primary), io),
            _ => Error::decode_row(redactor, self.mode, row, &reason, excerpt.as_bytes()),
        }
    }
}

enum State<R: AsyncRead + Unpin + Send> {
    Start {
        reader: R,
        status_line: bool,
        redactor: Redactor,
    },
    // Boxed: the csv reader's state machine is large, and `unfold` moves the state on
    // every row.
    Rows(Box<Rows<R>>),
    Done,
}

struct Rows<R: AsyncRead + Unpin + Send> {
    csv: csv_async::AsyncReader<R>,
    cols: Columns,
    record: csv_async::StringRecord,
    row: u64,
    redactor: Redactor,
}

async fn next_row<T: CsvRow, R>(ctx: Ctx, state: State<R>) -> Option<(Result<T>, State<R>)>
where
    R: AsyncBufRead + AsyncRead + Unpin + Send,
{
    let mut rows = match state {
        State::Done => return None,
        State::Rows(rows) => rows,
        State::Start {
            mut reader,
            status_line,
            redactor,
        } => {
            if status_line && let Err(e) = read_status(ctx, &redactor, &mut reader).await {
                return Some((Err(e), State::Done));
            }
            match start_rows::<T, R>(ctx, reader, redactor).await {
                Ok(Some(rows)) => rows,
                Ok(None) => return None,
                Err(e) => return Some((Err(e), State::Done)),
            }
        }
    };
    match rows.csv.read_record(&mut rows.record).await {
        Ok(false) => None,
        Ok(true) => {
            rows.row += 1;
            let item = T::from_fields(&Fields::new(&rows.record, &rows.cols)).map_err(|reason| {
                let text = record_text(&rows.record);
                Error::decode_row(
                    &rows.redactor,
                    ctx.mode,
                    Some(rows.row),
                    &reason,
                    text.as_bytes(),
                )
            });
            Some((item, State::Rows(rows)))
        }
        Err(e) => {
            let excerpt = record_text(&rows.record);
            let error = ctx.csv_error(&rows.redactor, e, Some(rows.row + 1), &excerpt);
            Some((Err(error), State::Done))
        }
    }
}

async fn read_status<R: AsyncBufRead + AsyncRead + Unpin>(
    ctx: Ctx,
    redactor: &Redactor,
    reader: &mut R,
) -> Result<()> {
    let line = read_status_line(reader)
        .await
        .map_err(|e| io_error(ctx.gateway.unwrap_or(Gateway::Primary), e))?;
    wire::check_status_line(redactor, ctx.mode, &line, &line)
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

async fn start_rows<T: CsvRow, R>(
    ctx: Ctx,
    reader: R,
    redactor: Redactor,
) -> Result<Option<Box<Rows<R>>>>
where
    R: AsyncRead + Unpin + Send,
{
    let mut csv = csv_async::AsyncReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .buffer_capacity(64 * 1024)
        .create_reader(reader);
    let header = match csv.headers().await {
        Ok(h) => h.clone(),
        Err(e) => return Err(ctx.csv_error(&redactor, e, None, "")),
    };
    if is_empty_header(&header) {
        return Ok(None);
    }
    let cols = resolve_columns::<T>(&header).map_err(|reason| {
        let text = record_text(&header);
        Error::decode_row(&redactor, ctx.mode, None, &reason, text.as_bytes())
    })?;
    Ok(Some(Box::new(Rows {
        csv,
        cols,
        record: csv_async::StringRecord::new(),
        row: 0,
        redactor,
    })))
}
