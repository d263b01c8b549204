//! Async client for the Rev.io legacy SOAP billing API ("H2O API v20"): credentials or
//! sessions, typed requests and responses, every enum and error code of the Standards page.
//!
//! # Quick start
//!
//! ```no_run
//! use revio_client::{AuthMode, Client, Credentials};
//! use revio_client::models::CustomersQuery;
//!
//! # async fn run() -> Result<(), revio_client::Error> {
//! let client = Client::builder(Credentials::new("api-user", "secret", "CLIENTCODE"))
//!     .auth_mode(AuthMode::Session) // Sessions_Create on first use, renewed on S2004
//!     .build()?;
//!
//! let found = client.customers_query(&CustomersQuery::CustomerId(1001)).await?;
//! if let Some(customer) = &found.customer {
//!     println!("{:?} {:?}", customer.id, customer.acct_num);
//! }
//! # Ok(())
//! # }
//! ```
//!
//! # What the client does for you
//!
//! - **SOAP 1.1**: the envelope, `SOAPAction: "http://api.myh2o.com/v20/<Op>"`,
//!   `<Op><Request>` out and `<OpResponse><OpResult>` in. Responses are read tolerantly:
//!   any namespace prefix, `xsi:nil`, empty or missing elements, unknown elements, and both
//!   list encodings (bare repeated elements, or a wrapper with `int`/`string`/object items).
//! - **Unset fields are never sent**: the server stores empty elements as real values. On
//!   updates, [`models::Update`] sends `{Updated, Value}` only for the fields you set.
//! - **Authentication**: [`AuthMode::Credentials`] on every call, or [`AuthMode::Session`]:
//!   one `Sessions_Create` shared by every clone and task, a new session and one more try
//!   when the server answers `S2004`. `S2005` (and a second `S2004`) is [`Error::Auth`].
//! - **Errors**: `Header/Success = false` is [`Error::Vendor`] with an [`ErrorCode`] (an open
//!   enum of the Standards page's whole table, with descriptions); a `soap:Fault`, an HTML
//!   page or a truncated body are typed errors with a redacted excerpt, never a panic.
//! - **Retries**: `*_Query`, `*_Search` and session reads retry transient failures under the
//!   [`RetryPolicy`](telecom_core::RetryPolicy); creates, updates, payments and transactions
//!   are never resent once they may have reached the server.
//! - **Secrets** (password, session and impersonation keys, card, CVV2, account and routing
//!   numbers) are [`Secret`](telecom_core::Secret)s: redacted in `Debug`, errors and logs.
//! - **Escape hatch**: [`Client::call_raw`] calls any operation by name with a serde value.
//!
//! Every operation returns a [`Response`] holding the typed result (it dereferences to it),
//! the [`Header`](models::Header) (`Impersonated`, ...), the debug echo when the client was
//! built with `debug(true)`, and the raw result XML for fields this version does not model.

mod auth;
mod client;
mod error;
pub mod models;
mod ops;
mod wire;

pub use auth::{AuthMode, Credentials};
pub use client::{CallKind, Client, ClientBuilder, DEFAULT_ENDPOINT};
pub use error::{Error, ErrorCode, VendorError};
pub use models::Response;
pub use ops::OPERATIONS;
pub use wire::NAMESPACE;
