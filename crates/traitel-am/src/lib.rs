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
//! - **Gateways.** Calls go to `api.traitel.com` over HTTPS. A read moves to
//!   `api2.traitel.com` when the primary refuses the connection, times out, answers 5xx
//!   or `Error 001: Service Unavailable`; a call that creates or deletes moves only when
//!   the primary could not be connected to. Whole rounds are retried per the
//!   [`RetryPolicy`]. See [`ClientBuilder`].
//! - **Credentials** travel in a form-encoded POST body by default ([`RequestMethod`]);
//!   the password is redacted in `Debug` and kept out of errors and `tracing` output.
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
mod operations;
mod stream;
mod transport;
mod wire;

pub use auth::{Credentials, RequestMethod};
pub use client::{ALTERNATE_URL, Client, ClientBuilder, Gateway, PRIMARY_URL};
pub use error::{Error, ErrorCode, Result};
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
pub use operations::RawResponse;
pub use operations::SMS_COST_MODE;
pub use stream::{LogRow, LogStream};
pub use telecom_core::{Money, PhoneNumber, RetryPolicy, Secret, Timeouts};
pub use transport::CallKind;
