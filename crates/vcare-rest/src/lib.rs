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
//! The token's JWT payload holds the API credentials in clear: tokens are never logged,
//! never in `Debug` or `Display` output or error excerpts, and their header is marked
//! sensitive.
//!
//! # Errors and retries
//!
//! An HTTP 200 with a failure `msg_code`, or any non-empty `errors` (even with RESTAPI000), is
//! [`Error::Vendor`], carrying the [`MsgCode`] and the flattened `errors`. Reads
//! (`plan_list`, `customer_info`, `query_portin`, `get_usage`, `topup_list`, and
//! `check_service_availability` unless it opens an enrollment) retry timeouts,
//! resets and 5xx/429 answers under the [`telecom_core::RetryPolicy`]; creates, payments and
//! swaps are sent again only after a connect failure (they never reached the vendor) or a
//! token rejection.
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
pub mod models;
mod ops;
mod validate;
mod wire;

pub use auth::{Credentials, TokenStats};
pub use client::{Client, ClientBuilder, DEFAULT_BASE_URL, DEFAULT_TOKEN_MAX_AGE, RawResponse};
pub use error::Error;
pub use models::common::{CustomerId, MsgCode, OrderId, PendingId, Source, YesNo};
pub use telecom_core::{Money, RetryPolicy, Secret, Timeouts};
