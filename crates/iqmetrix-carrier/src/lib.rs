//! Async client for the [iQmetrix Carrier Integration API v2]: activations, activation
//! lookup fields, carrier configurations and confirmed activations, authenticated with
//! OAuth2 tokens from the iQmetrix accounts service.
//!
//! - Every operation of the spec is a typed method on [`Client`]; [`Client::send_raw`] is
//!   the way out for anything else, with the same auth, retries and errors.
//! - Tokens: the password grant, refresh-token grant, early refresh before expiry, one
//!   token request in flight however many tasks share the client, and one
//!   re-authentication after a 401 (then [`Error::Unauthorized`]). A static bearer token
//!   works too ([`Credentials::bearer`]).
//! - Retries follow the one resend rule of telecom-core ([`CallKind::may_resend`]): reads
//!   and idempotent writes go again after any transient failure, within the
//!   [`RetryPolicy`]; a write goes again only when no connection was made or the vendor
//!   answered 429 (refused before processing, honouring `Retry-After` or iQmetrix's
//!   `X-RateLimit-*` headers): a timeout, a reset after sending, a 5xx or a truncated answer
//!   may all hide a write the vendor did. GET is a [`CallKind::Read`], PUT (by key) a
//!   [`CallKind::IdempotentWrite`], POST (configuration changes, token requests) a
//!   [`CallKind::Write`]. A 401 (credentials refused before the vendor acted) is resent once,
//!   after re-authenticating, whatever the kind.
//! - Secrets: the client masks every secret it holds or sent (password, client secret or
//!   static bearer, the access and refresh tokens of each call, an SSN in a request body) by
//!   value, raw, percent-encoded, JSON-, XML/HTML-escaped and base64, and secret-named fields
//!   (`SSN`, `password`, `access_token`, ...), JWTs, bearer values and card numbers by shape,
//!   before any excerpt is cut. Every server text an [`Error`] keeps is a [`Redacted`].
//! - Requests are checked before sending ([`Error::InvalidInput`] names the field);
//!   responses are read leniently (open enums, optional fields, the quirks of iQmetrix's
//!   own examples).
//!
//! [iQmetrix Carrier Integration API v2]: https://developers.iqmetrix.com/api/carrier-integration/
//!
//! # Quick start
//!
//! ```no_run
//! use iqmetrix_carrier::{ActivationPath, Client, Credentials, Environment, LookupKey};
//!
//! # async fn run() -> Result<(), iqmetrix_carrier::Error> {
//! let client = Client::builder(
//!     Environment::Demo,
//!     Credentials::password("user@example.com", "password", "client-id", "client-secret"),
//! )
//! .build()?;
//!
//! // The carrier's lookup fields say how activations are keyed.
//! let fields = client.get_activation_lookup_fields(123, 41).await?;
//! println!("look up by {:?}", fields.first().and_then(|f| f.field_name.as_deref()));
//!
//! let key: LookupKey = "6=1115550123".parse()?;
//! let activation = client.get_activation(&ActivationPath::new(123, 5678, 41, key)).await?;
//! println!("{:?}", activation.carrier_activation_details.and_then(|d| d.activation_state));
//! # Ok(()) }
//! ```
//!
//! # Errors
//!
//! Every method returns [`Error`]: invalid input (nothing sent), transport, timeout, the
//! recognised 400 messages ([`ErrorCode`]), 401 after re-authentication, token-service
//! errors ([`TokenErrorCode`]), 429 with the rate-limit headers ([`RateLimit`]), 403, 404,
//! 409, 5xx and other HTTP statuses, and undecodable bodies, each with a masked body
//! excerpt ([`Redacted`]).
#![cfg_attr(docsrs, feature(doc_cfg))]

mod auth;
mod client;
mod error;
/// Entry points for the fuzz targets in `fuzz/` and their regression tests.
///
/// **Not part of the API**: hidden from the documentation, exempt from semver, and may
/// change or disappear in any release. Do not use it.
#[doc(hidden)]
pub mod fuzzing;
pub mod models;
mod ops;
mod transport;
mod validate;
mod wire;

pub use auth::Credentials;
pub use client::{Client, ClientBuilder, Environment};
pub use error::{Error, ErrorCode, RateLimit, Result, TokenErrorCode};
pub use models::*;
pub use ops::activations::ActivationPath;
pub use ops::confirmed::{ConfirmedActivationsQuery, DEFAULT_TOP, MAX_TOP};
pub use reqwest::Method;
pub use telecom_core::CallKind;
pub use telecom_core::{Money, Redacted, RetryPolicy, Secret, Timeouts};
