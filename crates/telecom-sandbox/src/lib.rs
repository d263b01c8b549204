//! Stateful fakes of the vcare, iQmetrix, TraiTel and Rev.io APIs on localhost, for testing
//! an integration without the vendor, as stripe-mock and LocalStack are for theirs.
//!
//! Each fake keeps the vendor's real rules (vcare's single-use 15 s tokens, iQmetrix's
//! OAuth2 grants and HAL paging, TraiTel's two gateways and streamed CSV logs, Rev.io's
//! sessions and SOAP faults) and answers in the vendor's exact shapes, taken from the specs
//! and the project's conformance fixtures. It is written from the vendor's side on its own:
//! it shares no codec or model with the client crates, so a codec mistake cannot hide on
//! both sides.
//!
//! # Quick start
//!
//! ```no_run
//! # async fn run() -> std::io::Result<()> {
//! use telecom_sandbox::{Fault, FaultRule};
//!
//! let vcare = telecom_sandbox::vcare::start().await?;
//! // Point the client's base URL at the fake:
//! //   vcare_rest::Client::builder().base_url(vcare.base_url())...
//! vcare.preload_enrollment("WN1597", "30901");
//! vcare.inject(FaultRule::new("/customer", Fault::HtmlError { status: 502 }).times(1));
//! // ... run the code under test ...
//! for request in vcare.requests() {
//!     println!("{} {} token={:?}", request.method, request.path, request.header("token"));
//! }
//! vcare.expire_tokens();
//! # Ok(()) }
//! ```
//!
//! The other vendors start the same way, and every fake's `base_url()` is what the client's
//! `base_url(..)` setter takes: [`iqmetrix::start`] (one URL for the token service and the
//! carrier API), [`traitel::start`] (`base_url()` is the primary gateway, `alternate_url()`
//! the other), [`revio::start`] (the SOAP endpoint). Each `start` binds
//! 127.0.0.1 on a free port (a `*Config` chooses the port, seed and vendor settings), works
//! under `#[tokio::test]`, and the server stops when the handle is dropped.
//!
//! # What every fake shares
//!
//! - `requests()`: every request it saw (server, method, raw path, query, headers, body),
//!   `clear_requests()`.
//! - Faults on demand per route ([`FaultRule`]: a path or `"*"`, optionally a method, and a
//!   count), through `inject()` or over HTTP: `POST /__sandbox/faults` with the rule as
//!   JSON (`{"path": "/plan", "fault": {"kind": "too_many_requests", "retry_after_secs": 2},
//!   "times": 1}`), `DELETE /__sandbox/faults`; `GET /__sandbox/requests` lists the log.
//!   The kinds ([`Fault`]): latency, reset (TCP RST), close without answer, truncated body
//!   (the `Content-Length` promises more), any status, 429 with `Retry-After`, and an HTML
//!   error page.
//! - Deterministic state: tokens, keys, ids and generated logs come from the config's
//!   `seed`.
//!
//! # From a shell
//!
//! `cargo run -p telecom-sandbox -- --vendor all` prints one base URL per vendor and serves
//! until Ctrl-C; `--vendor NAME` (repeatable, or comma-separated), `--port N` (the first
//! port, then N+1, ...), `--seed S`. A port already taken is a clear error and exit code 1.
//!
//! # Why axum on hyper
//!
//! The fakes need routing and extractors (axum) but also control below HTTP: a reset, a
//! close without an answer, a body cut short. axum's `Router` is a plain `tower` service,
//! so the sandbox runs it on its own accept loop with hyper's HTTP/1.1 connection driver
//! over a socket wrapper that can drop or reset the connection on request, which
//! `axum::serve` alone would not allow; hyper directly would mean writing the routing by
//! hand. axum is built with no features at all (its `Router`, extractors and responses need
//! none; the sandbox does its own serving and JSON), and hyper and tokio are already in
//! every client's build through reqwest, so the extra build cost is axum itself.
//!
//! # Features
//!
//! One per vendor, all on by default: `vcare`, `iqmetrix`, `traitel`, `revio`.

mod core;

pub use crate::core::{ADMIN_PREFIX, Fault, FaultRule, RecordedRequest};

#[cfg(feature = "vcare")]
pub mod vcare;

#[cfg(feature = "iqmetrix")]
pub mod iqmetrix;

#[cfg(feature = "traitel")]
pub mod traitel;

#[cfg(feature = "revio")]
pub mod revio;
