//! [`LogRows`]: the rows of a log, each lent from the read buffer instead of copied out.

use std::collections::BTreeMap;
use std::fmt;

use telecom_core::Redactor;
use tokio::io::AsyncRead;

use crate::error::Result;
use crate::stream::{LogRow, LogStream, Rows};
use crate::wire::Fields;

/// A log row type that can also be read borrowed: [`FaxIn`](crate::FaxIn),
/// [`FaxOut`](crate::FaxOut), [`VoiceCall`](crate::VoiceCall), [`SmsIn`](crate::SmsIn),
/// [`SmsOut`](crate::SmsOut). Sealed: implemented by this crate only.
pub trait BorrowedRow: LogRow {
    /// The row with its text fields borrowed (`SmsOutRef<'a>` for `SmsOut`); `into()`
    /// makes the owned row.
    type Ref<'a>: Into<Self> + fmt::Debug;

    /// Decodes one row; the error says which column was wrong.
    #[doc(hidden)]
    fn read_ref<'a>(fields: &Fields<'a>) -> std::result::Result<Self::Ref<'a>, String>;
}

/// The rows of a log read one at a time, each borrowing the reader's buffer: text fields
/// are `&str` into the body as it arrived, dates, times, numbers and money are parsed, and
/// nothing is allocated for a row (only for an unknown `MessageType` name, or an error).
/// A row lives until the next one is asked for; [`Into::into`] keeps one as the owned row.
///
/// The same rows, errors and redaction as [`LogStream`]: a row that does not decode is an
/// `Err` item and reading goes on; a body that stops being CSV, or a failed connection,
/// ends the rows after its `Err` item. Unknown columns are in each row's `extra`.
///
/// ```no_run
/// # async fn demo(client: traitel_am::Client) -> Result<(), traitel_am::Error> {
/// use time::macros::date;
/// use traitel_am::{Money, SmsOut};
///
/// let query = traitel_am::LogQuery::builder()
///     .start_date(date!(2024 - 01 - 01))
///     .end_date(date!(2024 - 01 - 31))
///     .build()?;
/// let mut rows = client.log_sms_out(&query).await?.into_rows();
/// let mut total = Money::ZERO;
/// while let Some(row) = rows.next_row().await {
///     let row = row?;
///     total += row.cost.unwrap_or(Money::ZERO);
///     if row.entry.from == "ACME" {
///         let kept: SmsOut = row.into();
///         println!("{kept:?}");
///     }
/// }
/// println!("spent {total}");
/// # Ok(()) }
/// ```
pub struct LogRows<T> {
    inner: Box<Rows<T>>,
}

impl<T> fmt::Debug for LogRows<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LogRows").finish_non_exhaustive()
    }
}

impl<T: BorrowedRow> LogRows<T> {
    pub(crate) fn new(inner: Box<Rows<T>>) -> Self {
        LogRows { inner }
    }

    /// Parses a whole log response from any reader, as [`LogStream::from_reader`] does.
    pub fn from_reader<R>(mode: &'static str, reader: R) -> Self
    where
        R: AsyncRead + Unpin + Send + 'static,
    {
        LogStream::<T>::build(mode, reader, None, true, Redactor::new()).into_rows()
    }

    /// The next row, `None` after the last; the row borrows `self` until it is dropped.
    pub async fn next_row(&mut self) -> Option<Result<T::Ref<'_>>> {
        let inner = &mut *self.inner;
        match std::future::poll_fn(|cx| inner.poll_record(cx)).await? {
            Ok(()) => Some(inner.decode(T::read_ref)),
            Err(e) => Some(Err(e)),
        }
    }

    /// The rest of the rows as owned values.
    pub fn into_stream(self) -> LogStream<T> {
        LogStream::from_rows(self.inner)
    }
}

/// The columns of a borrowed row that this version does not type: header name (trimmed)
/// and value as sent, in header order; a repeated name keeps its first column.
#[derive(Clone, Copy)]
pub struct ExtraColumns<'a> {
    text: &'a str,
    bounds: &'a [(usize, usize)],
    /// Index in the row and header name of each such column.
    names: &'a [(usize, String)],
}

impl<'a> ExtraColumns<'a> {
    pub(crate) fn new(
        text: &'a str,
        bounds: &'a [(usize, usize)],
        names: &'a [(usize, String)],
    ) -> Self {
        ExtraColumns {
            text,
            bounds,
            names,
        }
    }

    /// The value of the column named `name` (as the header writes it, trimmed).
    pub fn get(&self, name: &str) -> Option<&'a str> {
        self.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }

    /// Every column: name and value.
    pub fn iter(&self) -> impl Iterator<Item = (&'a str, &'a str)> + 'a {
        let (text, bounds) = (self.text, self.bounds);
        self.names.iter().map(move |(i, name)| {
            let value = bounds.get(*i).and_then(|&(a, b)| text.get(a..b));
            (name.as_str(), value.unwrap_or_default())
        })
    }

    /// True when the header has no column beyond the typed ones.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The columns as the owned rows' `extra` map (empty, without allocating, when there
    /// are none).
    pub fn to_map(&self) -> BTreeMap<String, String> {
        if self.names.is_empty() {
            return BTreeMap::new();
        }
        self.iter()
            .map(|(name, value)| (name.to_owned(), value.to_owned()))
            .collect()
    }
}

impl fmt::Debug for ExtraColumns<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl PartialEq for ExtraColumns<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.iter().eq(other.iter())
    }
}

impl Eq for ExtraColumns<'_> {}
