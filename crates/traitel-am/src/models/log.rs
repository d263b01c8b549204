//! Activity logs: `logfaxin`, `logfaxout`, `logvoicein`, `logvoiceout`, `logsmsin`,
//! `logsmsout`. Their rows arrive as a stream (see [`crate::LogStream`]).

use std::collections::BTreeMap;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use telecom_core::dates::IsoDate;
use telecom_core::{Money, PhoneNumber};
use time::{Date, PrimitiveDateTime, Time};

use super::builder::request_builder;
use super::fax_code::FaxErrorCode;
use super::serde_fmt::{hms, seconds};
use super::sms::SmsMessage;
use crate::error::{Error, Result};
use crate::rows::BorrowedRow;
use crate::validate::optional;
use crate::wire::{CsvRow, Fields};
use telecom_core::dates::format_iso_date;

/// The period and filter of a log query ([`LogQuery::builder`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct LogQuery {
    /// `startdate`: the first day.
    #[serde(with = "serde_with::As::<IsoDate>")]
    pub start_date: Date,
    /// `enddate`: the last day, inclusive; not before `start_date`.
    #[serde(with = "serde_with::As::<IsoDate>")]
    pub end_date: Date,
    /// `limit`: the most rows to return (at least 1).
    #[serde(default)]
    pub limit: Option<u32>,
    /// `subid`: only this sub-account's activity.
    #[serde(default)]
    pub subid: Option<String>,
}

request_builder! {
    /// Builds a [`LogQuery`]; `start_date` and `end_date` are required.
    ///
    /// ```
    /// use time::macros::date;
    /// let query = traitel_am::LogQuery::builder()
    ///     .start_date(date!(2024 - 01 - 01))
    ///     .end_date(date!(2024 - 01 - 31))
    ///     .limit(500)
    ///     .build()?;
    /// # Ok::<(), traitel_am::Error>(())
    /// ```
    LogQuery => LogQueryBuilder {
        required {
            /// `startdate`: the first day.
            into start_date: Date => "startdate",
            /// `enddate`: the last day, inclusive; not before the start date.
            into end_date: Date => "enddate",
        }
        optional {
            /// `limit`: the most rows to return (at least 1).
            value limit: u32,
            /// `subid`: only this sub-account's activity.
            into subid: String,
        }
    }
}

impl LogQuery {
    pub(crate) fn form(&self) -> Result<LogForm<'_>> {
        if self.start_date > self.end_date {
            return Err(Error::invalid(
                "startdate",
                format!(
                    "{} is after the end date {}",
                    format_iso_date(self.start_date),
                    format_iso_date(self.end_date)
                ),
            ));
        }
        if self.limit == Some(0) {
            return Err(Error::invalid("limit", "must be at least 1"));
        }
        Ok(LogForm {
            start_date: self.start_date,
            end_date: self.end_date,
            limit: self.limit,
            subid: optional("subid", self.subid.as_ref())?,
        })
    }
}

/// The parameters of the log modes.
#[derive(Serialize)]
pub(crate) struct LogForm<'a> {
    #[serde(rename = "startdate")]
    #[serde(with = "serde_with::As::<IsoDate>")]
    start_date: Date,
    #[serde(rename = "enddate")]
    #[serde(with = "serde_with::As::<IsoDate>")]
    end_date: Date,
    #[serde(skip_serializing_if = "Option::is_none")]
    limit: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    subid: Option<&'a str>,
}

telecom_core::open_enum! {
    /// How a logged call ended (`Result`).
    pub enum CallResult {
        /// The call was answered.
        Answered => "answered",
        /// The call failed.
        Failed => "failed",
    }
}

/// The columns every log starts with: `ID,Sub-ID,Date,Time,From,To`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct LogEntry {
    /// `ID`.
    pub id: String,
    /// `Sub-ID`; `None` when empty.
    pub sub_id: Option<String>,
    /// `Date`.
    #[serde(with = "serde_with::As::<IsoDate>")]
    pub date: Date,
    /// `Time`, in the account's time zone (`settimezone`).
    #[serde(serialize_with = "hms")]
    pub time: Time,
    /// `From`, as logged (an SMS sender may be alphanumeric; see `PhoneNumber::original`).
    pub from: PhoneNumber,
    /// `To`, as logged.
    pub to: PhoneNumber,
}

impl LogEntry {
    /// Date and time together, in the account's time zone.
    pub fn datetime(&self) -> PrimitiveDateTime {
        PrimitiveDateTime::new(self.date, self.time)
    }

    const COLUMNS: [&'static str; 6] = ["ID", "Sub-ID", "Date", "Time", "From", "To"];
}

macro_rules! columns {
    ($($more:literal),*) => {
        &[
            LogEntry::COLUMNS[0], LogEntry::COLUMNS[1], LogEntry::COLUMNS[2],
            LogEntry::COLUMNS[3], LogEntry::COLUMNS[4], LogEntry::COLUMNS[5],
            $($more),*
        ]
    };
}

/// An inbound fax (`logfaxin`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct FaxIn {
    /// `ID`, `Sub-ID`, `Date`, `Time`, `From`, `To`.
    #[serde(flatten)]
    pub entry: LogEntry,
    /// `FaxStationID`: the sender's station identifier.
    pub fax_station_id: Option<String>,
    /// `Pages`.
    pub pages: u32,
    /// `Speed` in bit/s.
    pub speed: Option<u32>,
    /// `Duration`.
    #[serde(serialize_with = "seconds")]
    pub duration: Duration,
    /// Columns this version does not type, by header name, values as sent.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub extra: BTreeMap<String, String>,
}

impl CsvRow for FaxIn {
    const COLUMNS: &'static [&'static str] = columns!("FaxStationID", "Pages", "Speed", "Duration");
    fn from_fields(f: &Fields<'_>) -> Result<Self, String> {
        <Self as BorrowedRow>::read_ref(f).map(Self::from)
    }
}

/// An outbound fax (`logfaxout`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct FaxOut {
    /// `ID`, `Sub-ID`, `Date`, `Time`, `From`, `To`.
    #[serde(flatten)]
    pub entry: LogEntry,
    /// `Pages`.
    pub pages: u32,
    /// `Speed` in bit/s.
    pub speed: Option<u32>,
    /// `Duration`.
    #[serde(serialize_with = "seconds")]
    pub duration: Duration,
    /// `Cost`, pre-tax.
    pub cost: Option<Money>,
    /// `Attempt`: which delivery attempt this row is.
    pub attempt: Option<u32>,
    /// `ErrorCode`, decoded.
    pub error_code: FaxErrorCode,
    /// Columns this version does not type, by header name, values as sent.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub extra: BTreeMap<String, String>,
}

impl CsvRow for FaxOut {
    const COLUMNS: &'static [&'static str] =
        columns!("Pages", "Speed", "Duration", "Cost", "Attempt", "ErrorCode");
    fn from_fields(f: &Fields<'_>) -> Result<Self, String> {
        <Self as BorrowedRow>::read_ref(f).map(Self::from)
    }
}

/// A voice call (`logvoicein`, `logvoiceout`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct VoiceCall {
    /// `ID`, `Sub-ID`, `Date`, `Time`, `From`, `To`.
    #[serde(flatten)]
    pub entry: LogEntry,
    /// `Duration`: from answer to hang-up, or for a failed call from start to failure.
    #[serde(serialize_with = "seconds")]
    pub duration: Duration,
    /// `Result`.
    pub result: CallResult,
    /// `Cost`, pre-tax.
    pub cost: Option<Money>,
    /// `IVMLID`: the IVML configuration that handled the call, if any.
    pub ivml_id: Option<String>,
    /// Columns this version does not type, by header name, values as sent.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub extra: BTreeMap<String, String>,
}

impl CsvRow for VoiceCall {
    const COLUMNS: &'static [&'static str] = columns!("Duration", "Result", "Cost", "IVMLID");
    fn from_fields(f: &Fields<'_>) -> Result<Self, String> {
        <Self as BorrowedRow>::read_ref(f).map(Self::from)
    }
}

/// An inbound SMS (`logsmsin`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct SmsIn {
    /// `ID`, `Sub-ID`, `Date`, `Time`, `From`, `To`.
    #[serde(flatten)]
    pub entry: LogEntry,
    /// `MessageType` and `Message`, decoded.
    pub message: SmsMessage,
    /// Columns this version does not type, by header name, values as sent.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub extra: BTreeMap<String, String>,
}

impl CsvRow for SmsIn {
    const COLUMNS: &'static [&'static str] = columns!("MessageType", "Message");
    const ESCAPED_NEW_LINES: bool = true;
    const REST_COLUMN: Option<&'static str> = Some("Message");
    fn from_fields(f: &Fields<'_>) -> Result<Self, String> {
        <Self as BorrowedRow>::read_ref(f).map(Self::from)
    }
}

/// An outbound SMS (`logsmsout`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct SmsOut {
    /// `ID`, `Sub-ID`, `Date`, `Time`, `From`, `To`.
    #[serde(flatten)]
    pub entry: LogEntry,
    /// `Sent`, as logged (the spec does not describe its values).
    pub sent: Option<String>,
    /// `Tracking`, as logged (the delivery tracking result, when tracking was bought).
    pub tracking: Option<String>,
    /// `Cost`, pre-tax.
    pub cost: Option<Money>,
    /// `MessageType` and `Message`, when the gateway adds them (the spec's column list
    /// for this mode has neither).
    pub message: Option<SmsMessage>,
    /// Columns this version does not type, by header name, values as sent.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub extra: BTreeMap<String, String>,
}

impl CsvRow for SmsOut {
    const COLUMNS: &'static [&'static str] = columns!("Sent", "Tracking", "Cost");
    const OPTIONAL: &'static [&'static str] = &["MessageType", "Message"];
    const ESCAPED_NEW_LINES: bool = true;
    const REST_COLUMN: Option<&'static str> = Some("Message");
    fn from_fields(f: &Fields<'_>) -> Result<Self, String> {
        <Self as BorrowedRow>::read_ref(f).map(Self::from)
    }
}
