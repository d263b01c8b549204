//! Async client for the TraiTel Account Management API (`accountmanager.pl`): all 27
//! modes typed, `Ok` / `Error NNN:` and CSV responses decoded, logs streamed row by row,
//! and failover to the alternate gateway.
//!
//! # Quick start
//!
//! ```no_run
//! use std::time::Duration;
//!
//! use futures::TryStreamExt;
//! use time::macros::date;
//! use traitel_am::{
//!     Client, Credentials, Error, ErrorCode, LogQuery, RetryPolicy, Service, SmsCostQuery,
//!     SmsCostType, Timeouts,
//! };
//!
//! # async fn demo() -> Result<(), traitel_am::Error> {
//! // `Client::new(credentials)` is the same with every default.
//! let client = Client::builder(Credentials::new("myuser", "mypassword"))
//!     .timeouts(Timeouts::new(Duration::from_secs(5), Duration::from_secs(30)))
//!     .retry_policy(RetryPolicy::default().with_max_attempts(3))
//!     .build()?;
//!
//! let balance = client.query_balance().await?;
//! println!("credit: {balance}");
//!
//! let query = SmsCostQuery::builder()
//!     .number("+61412345678")
//!     .kind(SmsCostType::Replies)
//!     .build()?;
//! match client.query_sms_cost(&query).await {
//!     Ok(price) => println!("one SMS: {price}"),
//!     Err(e) if e.error_code() == Some(&ErrorCode::InvalidDestinationNumber) => {
//!         println!("TraiTel refused the number: {e}")
//!     }
//!     Err(e) if e.is_retryable() => println!("try again later: {e}"),
//!     Err(e) => return Err(e),
//! }
//!
//! for country in client.query_did_countries(&Service::Voice).await? {
//!     println!("{}", country.country);
//! }
//!
//! // Logs arrive as a stream, parsed as the body comes in.
//! let query = LogQuery::builder()
//!     .start_date(date!(2024 - 01 - 01))
//!     .end_date(date!(2024 - 01 - 31))
//!     .build()?;
//! let mut rows = client.log_sms_in(&query).await?;
//! while let Some(sms) = rows.try_next().await? {
//!     println!("{}: {:?}", sms.entry.from, sms.message.text);
//! }
//! # let _: Option<Error> = None;
//! # Ok(()) }
//! ```
//!
//! Every request type is made the same way: `X::builder()`, a setter per field, `build()`,
//! which names a missing required field (`Error::InvalidInput { field: "startdate", .. }`).
//! Each operation takes its request by reference.
//!
//! In tests, point [`ClientBuilder::base_url`] and [`ClientBuilder::alternate_url`] at the
//! stateful TraiTel fake of `telecom-sandbox` (`telecom_sandbox::traitel::start()`, its
//! `base_url()` and `alternate_url()`), and pass your own `reqwest::Client` with
//! [`ClientBuilder::http_client`] for a proxy or custom TLS.
//!
//! # What the client does for you
//!
//! - **Gateways.** Calls go to `api.traitel.com` over HTTPS, with `api2.traitel.com` as
//!   the failover gateway: every call runs on `telecom_core::call::drive`, the two gateways
//!   its failover endpoints. Within a round the alternate is tried at once after a failure
//!   the resend rule allows resending; the [`RetryPolicy`] backoff comes between rounds,
//!   which start again at the primary. See [`ClientBuilder`].
//! - **Retries**, the one resend rule of [`CallKind::may_resend`]: reads and idempotent
//!   writes are resent after any transient failure within the [`RetryPolicy`]; a write is
//!   resent only when no connection was made or the vendor answered 429 (refused before
//!   processing, `Retry-After` honoured). A timeout, a reset after sending, a 5xx or a
//!   truncated answer never resends a write. `Error 001: Service Unavailable` is transient
//!   (so a read fails over); `Error 002` and the other codes are answers, never resent.
//!   Each mode states its [`CallKind`]: creates and deletes (`addsubaccount`,
//!   `subscribedid`, `addivml`, `delsubaccount`, `deleteivml`) are writes; `update*`,
//!   `assignnumber` and `settimezone` are idempotent writes.
//! - **Credentials** travel in a form-encoded POST body by default ([`RequestMethod`]).
//! - **Secrets.** The client masks the password by value, raw and in every encoding a
//!   gateway may echo it in (form- and percent-encoded, JSON-escaped, XML/HTML-escaped, cut
//!   off by the end of a partial read), before any text is cut, logged or kept in an error:
//!   every excerpt, vendor message and decode reason in an [`Error`] is a [`Redacted`] made
//!   by the client's `telecom_core::Redactor`, which also masks secret-named fields, tokens
//!   and card numbers by shape. `Debug` of the client and the credentials shows
//!   `[REDACTED]`; with GET no URL (which holds the password) reaches an error or a log.
//! - **Tracing**: one span `call` per call (`vendor="traitel"`, `operation` (the mode),
//!   `call_kind`, `attempt`, `endpoint` (the gateway), `status`, `elapsed_ms`), events
//!   under the target `telecom_core::call`.
//! - **Errors** are one type, [`Error`]; TraiTel's codes are [`ErrorCode`] with the
//!   spec's meaning of each.
//! - **Values**: money is [`Money`], numbers are
//!   [`PhoneNumber`], dates and times are `time` values,
//!   durations are [`std::time::Duration`]; server-controlled values are open enums that
//!   keep what this version does not know.
//! - **Inputs** are checked before sending (by `build()`, and again by the call); a
//!   rejected field is named in [`Error::InvalidInput`] as the gateway names it.
//! - **Unknown columns** are kept: every CSV row has an `extra` map of the columns this
//!   version does not type, by header name.
//! - Any mode by name: [`Client::call_raw`].
//!
//! # Borrowed log rows
//!
//! A [`LogStream`] hands out owned rows. For a long log where most rows are summed or
//! filtered and few kept, [`LogStream::into_rows`] gives [`LogRows`], which lends each row
//! from the read buffer instead: text fields are `&str`, dates, times and money are parsed,
//! and a row costs no allocation. The rows, errors (redacted the same way) and unknown
//! columns are the owned stream's; `.into()` makes a borrowed row owned.
//!
//! ```
//! use traitel_am::{LogRows, Money, SmsOut};
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), traitel_am::Error> {
//! let body = "Ok\nID,Sub-ID,Date,Time,From,To,Sent,Tracking,Cost,Region\n\
//!             1,,2024-01-09,08:00:00,ACME,61400000001,1,DELIVRD,0.05,AU\n\
//!             2,,2024-01-09,08:00:01,ACME,61400000002,1,,not-money,AU\n\
//!             3,,2024-01-09,08:00:02,61400000009,61400000003,1,,0.07,NZ\n";
//! // `client.log_sms_out(&query).await?.into_rows()` over the network.
//! let mut rows = LogRows::<SmsOut>::from_reader("logsmsout", body.as_bytes());
//! let (mut total, mut bad, mut kept) = (Money::ZERO, 0, Vec::new());
//! while let Some(row) = rows.next_row().await {
//!     let Ok(row) = row else {
//!         bad += 1; // a row that does not decode; the rows go on
//!         continue;
//!     };
//!     total += row.cost.unwrap_or(Money::ZERO);
//!     if row.extra.get("Region") == Some("NZ") {
//!         kept.push(SmsOut::from(row));
//!     }
//! }
//! assert_eq!(total.to_string(), "0.12");
//! assert_eq!((bad, kept.len()), (1, 1));
//! assert_eq!(kept[0].entry.from.original(), "61400000009");
//! # Ok(()) }
//! ```
#![cfg_attr(docsrs, feature(doc_cfg))]

mod auth;
mod client;
mod error;
/// Entry points for the cargo-fuzz targets in `fuzz/` and their regression tests; not part
/// of the API.
///
/// Compiled only with the `fuzzing` feature (the fuzz crate and the regression tests turn it
/// on), so no user builds it.
#[doc(hidden)]
#[cfg(feature = "fuzzing")]
pub mod fuzzing;
pub mod models;
mod ops;
mod records;
mod response_body;
mod row_reader;
mod rows;
mod stream;
mod transport;
mod validate;
mod wire;

pub use auth::{Credentials, RequestMethod};
pub use client::{Client, ClientBuilder, DEFAULT_ALTERNATE_URL, DEFAULT_BASE_URL};
pub use error::{Error, ErrorCode, Gateway, Result};
pub use models::Service;
pub use models::cost::{
    BillingType, FaxCost, SmsCostQuery, SmsCostQueryBuilder, SmsCostType, VoiceCost,
};
pub use models::did::{
    AssignNumber, AssignNumberBuilder, AssignedService, Assignment, CityQuery, CityQueryBuilder,
    DidCity, DidCountry, DidEntry, DidQuery, DidQueryBuilder, Number, NumberFilter,
    NumberFilterBuilder, OfferedDid, SubscribeDid, SubscribeDidBuilder, Target,
};
pub use models::fax_code::{FaxCallState, FaxError, FaxErrorCode};
pub use models::ivml::{
    IvmlConfig, IvmlType, IvmlUpdate, IvmlUpdateBuilder, IvrMenu, NewIvml, NewIvmlBuilder,
};
pub use models::log::{
    CallResult, FaxIn, FaxOut, LogEntry, LogQuery, LogQueryBuilder, SmsIn, SmsOut, VoiceCall,
};
pub use models::log_rows::{FaxInRef, FaxOutRef, LogEntryRef, SmsInRef, SmsOutRef, VoiceCallRef};
pub use models::sms::{MessageType, SmsMessage, SmsMessageRef};
pub use models::subaccount::{
    NewSubAccount, NewSubAccountBuilder, SubAccount, SubAccountUpdate, SubAccountUpdateBuilder,
};
pub use ops::RawResponse;
pub use ops::SMS_COST_MODE;
pub use rows::{BorrowedRow, ExtraColumns, LogRows};
pub use stream::{LogRow, LogStream};
pub use telecom_core::{CallKind, Money, PhoneNumber, Redacted, RetryPolicy, Secret, Timeouts};
