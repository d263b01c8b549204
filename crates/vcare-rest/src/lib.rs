//! Async client for the vcare / Telgoo5 REST API, with pooled single-use rotating tokens
//! and typed actions.
//!
//! # Quick start
//!
//! ```no_run
//! use vcare_rest::{Client, Credentials, Source};
//! use vcare_rest::models::customer::CreateHomephoneCustomer;
//!
//! # async fn run() -> Result<(), vcare_rest::Error> {
//! let client = Client::builder()
//!     .credentials(Credentials::new("VENDOR", "api-user", "api-password", "api-pin"))
//!     .agent_id("ewebsiteapi")
//!     .source(Source::Website)
//!     .build()?;
//!
//! let mut order = CreateHomephoneCustomer::new(
//!     "WN1597", "30901", vec!["1577".into(), "1680".into()], "262", "3437", "RAKESH", "ATTH",
//!     "4567890765",
//! );
//! order.state = Some("GA".into());
//! let created = client.with_external_transaction_id("ORDER42").create_homephone_customer(&order).await?;
//! println!("pending order {:?}", created.pending_id);
//! # Ok(())
//! # }
//! ```
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
//!
//! # Errors and retries
//!
//! An HTTP 200 with a failure `msg_code`, or any non-empty `errors` (even with RESTAPI000), is
//! [`Error::Vendor`], carrying the [`MsgCode`] and the flattened `errors`.
//!
//! Every call runs on telecom-core's attempt driver ([`telecom_core::call::drive`]) and its
//! one resend rule ([`CallKind::may_resend`]): reads and idempotent writes go again after any
//! transient failure, within the [`RetryPolicy`]; a write goes again only when no connection
//! was made or the vendor answered 429 (refused before processing, honouring `Retry-After`):
//! a timeout, a reset after sending, a 5xx or a truncated answer may all hide a write the
//! vendor did. Reads ([`CallKind::Read`]) are `plan_list`, `customer_info`, `query_portin`,
//! `get_usage`, `topup_list`, `check_service_availability` unless it opens an enrollment,
//! `/authenticate` and [`Client::call_idempotent`]; creates, payments, swaps, top-ups and
//! [`Client::call`] are writes ([`CallKind::Write`]). A token rejection is resent once with a
//! brand-new token whatever the kind. Each call is one `call` span with `vendor = "vcare"`.
//!
//! # Actions not typed here
//!
//! [`Client::call`] and [`Client::call_idempotent`] send any module and action with a JSON
//! body, with the same tokens, envelope and error handling.
#![cfg_attr(docsrs, feature(doc_cfg))]

mod auth;
mod client;
mod de;
mod error;
/// Entry points for the cargo-fuzz targets and their regression tests. **Not part of the
/// API**: no semver promise, may change or go away in any release.
#[doc(hidden)]
pub mod fuzzing;
pub mod models;
mod ops;
mod transport;
mod validate;
mod wire;

pub use auth::{Credentials, TokenStats};
pub use client::{Client, ClientBuilder, DEFAULT_BASE_URL, DEFAULT_TOKEN_MAX_AGE};
pub use error::Error;
pub use models::common::{CustomerId, MsgCode, OrderId, PendingId, Source, YesNo};
pub use ops::raw::RawResponse;
pub use telecom_core::{CallKind, Money, Redacted, RetryPolicy, Secret, Timeouts};
