//! Async client for the Rev.io legacy SOAP billing API ("H2O API v20"): credentials or
//! sessions, typed requests and responses, every enum and error code of the Standards page.
//!
//! # Quick start
//!
//! ```no_run
//! use std::time::Duration;
//!
//! use revio_client::{
//!     AuthMode, Client, Credentials, CustomersQuery, Error, ErrorCode, RetryPolicy, Timeouts,
//! };
//!
//! # async fn run() -> revio_client::Result<()> {
//! let client = Client::builder(Credentials::new("api-user", "secret", "CLIENTCODE"))
//!     .base_url("https://api.rev.io/v20/default.asmx") // the default; or a local fake
//!     .timeouts(Timeouts::new(Duration::from_secs(5), Duration::from_secs(30)))
//!     .retry_policy(RetryPolicy::default().with_max_attempts(3))
//!     .http_client(reqwest::Client::new()) // your own pool, proxy or TLS settings
//!     .auth_mode(AuthMode::Session) // Sessions_Create on first use, renewed on S2004
//!     .build()?;
//!
//! match client.customers_query(&CustomersQuery::CustomerId(1001)).await {
//!     Ok(found) => println!("{:?}", found.customer.as_ref().map(|c| &c.acct_num)),
//!     Err(Error::Vendor { code: Some(ErrorCode::CustomerNotFound), .. }) => println!("no such customer"),
//!     Err(e) if e.is_retryable() => println!("try again later: {e}"),
//!     Err(e) => return Err(e),
//! }
//! # Ok(())
//! # }
//! ```
//!
//! `Client::new(credentials)` is the same with every default. For tests, point
//! [`base_url`](ClientBuilder::base_url) at the Rev.io fake of the `telecom-sandbox` crate
//! (`telecom_sandbox::revio::start().await?.base_url()`), which serves every typed operation
//! on 127.0.0.1; `examples/offline.rs` runs against it.
//!
//! # What the client does for you
//!
//! - **SOAP 1.1**: the envelope, `SOAPAction: "http://api.myh2o.com/v20/<Op>"`,
//!   `<Op><Request>` out and `<OpResponse><OpResult>` in. Responses are read tolerantly:
//!   any namespace prefix, `xsi:nil`, empty or missing elements, unknown elements, and both
//!   list encodings (bare repeated elements, or a wrapper with `int`/`string`/object items).
//! - **Unset fields are never sent**: the server stores empty elements as real values. On
//!   updates, [`Update`] sends `{Updated, Value}` only for the fields you set.
//! - **Authentication**: [`AuthMode::Credentials`] on every call, or [`AuthMode::Session`]:
//!   one `Sessions_Create` shared by every clone and task, a new session and one more try
//!   when the server answers `S2004`. `S2005` (and a second `S2004`) is [`Error::Auth`].
//! - **Errors**: `Header/Success = false` is [`Error::Vendor`] with an [`ErrorCode`] (an open
//!   enum of the Standards page's whole table, with descriptions); a `soap:Fault`, an HTML
//!   page or a truncated body are typed errors with a redacted excerpt, never a panic.
//!   Every crate of the family has the same helpers: [`Error::is_retryable`],
//!   [`Error::vendor_code`] (`"S2004"`), [`Error::error_code`], [`Error::status`],
//!   [`Error::excerpt`]; invalid input, in a request or a builder setting, is
//!   [`Error::InvalidInput`] naming the field.
//! - **One resend rule** ([`CallKind::may_resend`]), the same in every telecom client: reads
//!   and idempotent writes are resent after any transient failure within the
//!   [`RetryPolicy`]; a write is resent only when it surely was not acted on: no connection
//!   was made, or the vendor answered 429 (refused before processing), honouring
//!   `Retry-After`. A timeout, a reset after sending, a 5xx or a truncated answer never
//!   resends a write. `*_Query`, `*_Search`, `Sessions_Create` and `Sessions_Validate` are
//!   reads; creates, updates, deletes, payments and transactions are writes. The attempts
//!   run on `telecom_core::call::drive`: one `call` span per call (`vendor="revio"`,
//!   `operation`, `call_kind`, `attempt`, `status`, `elapsed_ms`).
//! - **Secrets** (password, session and impersonation keys, card, CVV2, account and routing
//!   numbers) are [`Secret`]s: redacted in `Debug`, written only on the wire. Servers echo
//!   requests back (an HTML 500 or 403 page, a proxy), so the client builds one
//!   [`Redactor`](telecom_core::Redactor) from its credentials and adds, per call, the
//!   session key and the secret fields it sent: every excerpt, fault string, vendor message
//!   and decode reason in an [`Error`], and so every log line, is masked by value (raw,
//!   percent-, JSON- and XML/HTML-escaped, cut off by the end of a body) and by shape before
//!   it is cut to length.
//! - **Escape hatch**: [`Client::call_raw`] calls any operation by name with a serde value
//!   and a [`CallKind`] ([`call_kind`] gives the crate's choice for a name).
//!
//! Every operation returns a [`Response`] holding the typed result (it dereferences to it),
//! the [`Header`] (`Impersonated`, ...), the debug echo when the client was
//! built with `debug(true)`, and the raw result XML for fields this version does not model.

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
mod transport;
mod wire;

pub use auth::{AuthMode, Credentials};
pub use client::{Client, ClientBuilder, DEFAULT_BASE_URL};
pub use error::{Error, ErrorCode};
// Every request and response type, also at the root; `models` is where they are documented.
#[doc(no_inline)]
pub use models::*;
pub use ops::{OPERATIONS, call_kind};
pub use telecom_core::dates::XmlDateTime;
pub use telecom_core::{CallKind, Money, Redacted, RetryAfter, RetryPolicy, Secret, Timeouts};
pub use wire::NAMESPACE;

/// The crate's result type: [`Error`] unless said otherwise.
pub type Result<T, E = Error> = std::result::Result<T, E>;
