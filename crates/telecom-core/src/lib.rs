//! Shared types for the telecom vendor API clients (`revio-client`, `iqmetrix-carrier`,
//! `traitel-am`, `vcare-rest`).
//!
//! This crate holds no HTTP types: value types, pure functions, and the attempt driver, which
//! needs only `tokio`'s timer.
//!
//! - [`Money`]: exact decimal amounts that keep the vendor's digits both ways.
//! - [`PhoneNumber`]: the number forms vendors use, normalised to E.164.
//! - [`dates`]: `serde_with` adapters for each vendor date and time format.
//! - [`Secret`]: redacted secrets.
//! - [`lenient`]: readers for response fields whose type the vendor does not keep.
//! - [`lists`]: readers for lists of models, sized to what they hold.
//! - [`open_enum!`]: enums that keep values the server adds later.
//! - [`RetryPolicy`], [`Timeouts`], [`RetryAfter`]: the retry and timeout values every
//!   client builder takes.
//! - [`call`]: [`CallKind`], the one resend rule, and the async attempt driver every
//!   client's send path runs on.
//! - [`redact`]: the [`Redactor`] that masks every secret a client holds or sent, by value
//!   and in each encoding, before text reaches an error or a log.
//!
//! ```
//! use telecom_core::{Money, PhoneNumber};
//!
//! let total: Money = ["0.1", "0.2"].iter().map(|s| s.parse::<Money>().unwrap()).sum();
//! assert_eq!(total.to_string(), "0.3");
//! assert_eq!(serde_json::to_string(&"499".parse::<Money>().unwrap()).unwrap(), "499");
//!
//! let n = PhoneNumber::parse("+1 (111) 555-0123").unwrap();
//! assert_eq!(n.e164().as_deref(), Some("+11115550123"));
//! assert_eq!(n.nanp_ten_digits(), Some("1115550123"));
//! ```
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod base_url;
pub mod body;
mod builder;
pub mod call;
pub mod dates;
mod http_date;
pub mod lenient;
pub mod lists;
pub mod money;
mod open_enum;
pub mod phone;
pub mod redact;
pub mod retry;
pub mod secret;
pub mod text;

pub use call::{CallKind, CallPlan, Failure, FailureClass};
pub use money::{Money, ParseMoneyError};
pub use phone::{PhoneNumber, PhoneNumberError};
pub use redact::{Redacted, Redactor};
pub use retry::{RetryAfter, RetryPolicy, Timeouts};
pub use secret::Secret;

/// Entry points for the cargo-fuzz targets in `fuzz/` and their regression tests; not part
/// of the API.
///
/// Compiled only with the `fuzzing` feature (the fuzz crate and the regression tests turn it
/// on), so no user builds it.
#[doc(hidden)]
#[cfg(feature = "fuzzing")]
pub mod fuzzing;

#[doc(hidden)]
pub mod __private {
    pub use serde;
}
