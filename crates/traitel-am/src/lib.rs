//! Async client for the TraiTel Account Management API (`accountmanager.pl`): all 27
//! modes typed, `Ok` / `Error NNN:` and CSV responses decoded, logs streamed row by row,
//! and failover to the alternate gateway.
//!
//! # Quick start
//!
//! ```no_run
//! use traitel_am::{Client, Credentials, LogQuery, Service, SmsCostQuery, SmsCostType};
//! use futures::TryStreamExt;
//! use time::macros::date;
//!
//! # async fn demo() -> Result<(), traitel_am::Error> {
//! let client = Client::new(Credentials::new("myuser", "mypassword"))?;
//!
//! let balance = client.query_balance().await?;
//! println!("credit: {balance}");
//!
//! let price = client
//!     .query_sms_cost(&SmsCostQuery::new("+61412345678", SmsCostType::Replies))
//!     .await?;
//! println!("one SMS: {price}");
//!
//! for country in client.query_did_countries(&Service::Voice).await? {
//!     println!("{}", country.country);
//! }
//!
//! // Logs arrive as a stream, parsed as the body comes in.
//! let mut rows = client
//!     .log_sms_in(&LogQuery::new(date!(2024 - 01 - 01), date!(2024 - 01 - 31)))
//!     .await?;
//! while let Some(sms) = rows.try_next().await? {
//!     println!("{}: {:?}", sms.entry.from, sms.message.text);
//! }
//! # Ok(()) }
//! ```
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
//! - **Inputs** are checked before sending; a rejected field is named in
//!   [`Error::InvalidInput`].
//! - Any mode by name: [`Client::call_raw`].
#![cfg_attr(docsrs, feature(doc_cfg))]

mod auth;
mod client;
mod error;
pub mod models;
mod ops;
mod stream;
mod transport;
mod wire;

pub use auth::{Credentials, RequestMethod};
pub use client::{ALTERNATE_URL, Client, ClientBuilder, PRIMARY_URL};
pub use error::{Error, ErrorCode, Gateway, Result};
pub use models::Service;
pub use models::cost::{BillingType, FaxCost, SmsCostQuery, SmsCostType, VoiceCost};
pub use models::did::{
    AssignNumber, AssignedService, Assignment, CityQuery, DidCity, DidCountry, DidEntry, DidQuery,
    Number, NumberFilter, OfferedDid, SubscribeDid, Target,
};
pub use models::fax_code::{FaxCallState, FaxError, FaxErrorCode};
pub use models::ivml::{IvmlConfig, IvmlType, IvmlUpdate, IvrMenu, NewIvml};
pub use models::log::{CallResult, FaxIn, FaxOut, LogEntry, LogQuery, SmsIn, SmsOut, VoiceCall};
pub use models::sms::{MessageType, SmsMessage};
pub use models::subaccount::{NewSubAccount, SubAccount, SubAccountUpdate};
pub use ops::RawResponse;
pub use ops::SMS_COST_MODE;
pub use stream::{LogRow, LogStream};
pub use telecom_core::CallKind;
pub use telecom_core::{Money, PhoneNumber, Redacted, RetryPolicy, Secret, Timeouts};
