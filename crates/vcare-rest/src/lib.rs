//! Async client for the vcare / Telgoo5 REST API, with pooled single-use rotating tokens
//! and typed actions.
//!
//! # Quick start
//!
//! The same shape as every client of this workspace: [`Client::builder`] takes the
//! credentials, the setters (`base_url`, `timeouts`, `retry_policy`, `http_client`, then the
//! vendor's own) have defaults, requests are built by name and passed by reference.
//!
//! ```no_run
//! use std::time::Duration;
//!
//! use vcare_rest::{
//!     Client, CreateHomephoneCustomer, Credentials, Error, RetryPolicy, Source, Timeouts,
//! };
//!
//! # async fn run() -> Result<(), Error> {
//! let credentials = Credentials {
//!     vendor_id: "VENDOR".into(),
//!     username: "api-user".into(),
//!     password: "api-password".into(),
//!     pin: "api-pin".into(),
//!     agent_id: "ewebsiteapi".into(),
//!     agent_password: None,
//! };
//! let client = Client::builder(credentials)
//!     // A local fake for tests: `telecom_sandbox::vcare::start()` gives its URL.
//!     .base_url("https://www.vcareapi.com:8080")
//!     .timeouts(Timeouts::new(Duration::from_secs(5), Duration::from_secs(30)))
//!     .retry_policy(RetryPolicy::default().with_max_attempts(3))
//!     .http_client(reqwest::Client::new())
//!     .source(Source::Website)
//!     .build()?;
//!
//! let order = CreateHomephoneCustomer::builder()
//!     .enrollment_id("WN1597")
//!     .zip_code("30901")
//!     .features(["1577", "1680"])
//!     .plan_id("262")
//!     .ssnum("3437")
//!     .f_name("RAKESH")
//!     .carrier("ATTH")
//!     .phone_number("4567890765")
//!     .state("GA")
//!     .build()?;
//! match client.with_external_transaction_id("ORDER42").create_homephone_customer(&order).await {
//!     Ok(created) => println!("pending order {:?}", created.pending_id),
//!     // A create sent again after a timeout finds the first one's work done.
//!     Err(Error::AlreadyCreated { enrollment_ids, .. }) => println!("done: {enrollment_ids:?}"),
//!     Err(error) if error.is_retryable() => println!("try again later: {error}"),
//!     Err(error) => println!("{:?}: {error}", error.vendor_code()),
//! }
//! # Ok(())
//! # }
//! ```
//!
//! `Client::new(credentials)` is the one-line form, with every default. Every request and
//! response type is in [`models`] and re-exported here.
//!
//! # Tokens
//!
//! `POST /authenticate` gives a token that is good for **one** request and about 15 seconds,
//! and every response carries the next one. The client keeps a pool of ready tokens shared
//! by all clones: a response's token goes back into the pool, each request takes its own
//! token out (so no token is ever sent twice), tokens older than
//! [`ClientBuilder::token_max_age`] (10 s by default) are dropped unsent, and an empty pool
//! means the request authenticates first. No lock is held across a network call, so many
//! tasks can share one client.
//!
//! When the vendor answers RESTAPI001 "Token expire", "Token already used" or "Invalid Token",
//! it refused the call before acting, so the client authenticates and sends the call once
//! more; a second rejection is [`Error::TokenRejected`]. "Invalid credentials!!" is
//! [`Error::Auth`] and is not retried.
//!
//! # Secrets
//!
//! The token's JWT payload holds the API credentials in clear: tokens are never logged, never
//! in `Debug` or `Display` output, and their header is marked sensitive. Servers echo
//! requests back (a PHP 500 page printing the JSON it got, a proxy quoting the body), so the
//! client builds a [`telecom_core::Redactor`] from every secret it holds (the API password and
//! PIN, the agent password) and, per call, the token it sent, the token the answer carries
//! and the request's secret fields (SSN digits, card number, CVV, passwords and PINs of new
//! lines, saved-card tokens). It masks each by value, raw, percent-encoded, JSON-,
//! XML/HTML-escaped and base64, plus secret-named fields, JWTs, bearer values and card
//! numbers by shape, before any excerpt is cut. Every vendor text an [`Error`] keeps (body
//! excerpts, `msg`, `errors`, decode reasons) is a [`Redacted`] made by that redactor.
//! Request types hold secrets as [`Secret`] and do not implement `Serialize`, so they cannot
//! be written out with a secret in clear by mistake.
//!
//! # Errors and retries
//!
//! An HTTP 200 with a failure `msg_code`, or any non-empty `errors` (even with RESTAPI000), is
//! [`Error::Vendor`], carrying the [`MsgCode`] and the flattened `errors`; the vendor's
//! "Customer is already created…" answer to a repeated create is [`Error::AlreadyCreated`].
//! Every error has [`Error::is_retryable`], [`Error::vendor_code`] (the code as sent),
//! [`Error::error_code`] (as a [`MsgCode`]), [`Error::status`] and [`Error::excerpt`].
//!
//! Every call runs on telecom-core's attempt driver ([`telecom_core::call::drive`]) and its
//! one resend rule ([`CallKind::may_resend`]): reads and idempotent writes go again after any
//! transient failure, within the [`RetryPolicy`]; a write goes again only when no connection
//! was made or the vendor answered 429 (refused before processing, honouring `Retry-After`):
//! a timeout, a reset after sending, a 5xx or a truncated answer may all hide a write the
//! vendor did. Reads ([`CallKind::Read`]) are `plan_list`, `customer_info`, `query_portin`,
//! `get_usage`, `topup_list`, `check_device_compatibility`, `check_service_availability`
//! unless it opens an enrollment, `/authenticate` and [`Client::call_raw`]; creates,
//! payments, swaps, top-ups and [`Client::call_raw`] are writes ([`CallKind::Write`]). A token
//! rejection is resent once with a brand-new token whatever the kind. Each call is one `call`
//! span with `vendor = "vcare"` (`RUST_LOG=telecom_core::call=debug` shows them).
//!
//! # Actions not typed here
//!
//! [`Client::call_raw`] and [`Client::call_raw`] send any module and action with a JSON
//! body, with the same tokens, envelope and error handling.
#![cfg_attr(docsrs, feature(doc_cfg))]

mod auth;
mod client;
mod error;
/// Entry points for the cargo-fuzz targets and their regression tests. **Not part of the
/// API**: no semver promise, may change or go away in any release.
///
/// Compiled only with the `fuzzing` feature (the fuzz crate and the regression tests turn it
/// on), so no user builds it.
#[doc(hidden)]
#[cfg(feature = "fuzzing")]
pub mod fuzzing;
pub mod models;
mod ops;
mod transport;
mod validate;
mod wire;

pub use auth::{Credentials, TokenStats};
pub use client::{Client, ClientBuilder, DEFAULT_BASE_URL, DEFAULT_TOKEN_MAX_AGE};
pub use error::Error;
pub use models::*;
pub use ops::raw::RawResponse;
pub use telecom_core::{CallKind, Money, Redacted, RetryPolicy, Secret, Timeouts};

/// The crate's result type: [`Error`] unless said otherwise.
pub type Result<T, E = Error> = std::result::Result<T, E>;
