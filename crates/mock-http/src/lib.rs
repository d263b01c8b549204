//! A small HTTP/1.1 server bound to `127.0.0.1` for tests, benchmarks and the conformance runner.
//!
//! A handler turns each [`Request`] into a [`Reply`]: an answer, or a fault a real network
//! produces (a reset, a close without answer, a delay, a body cut short). The server keeps
//! every request it saw, and stops when the [`MockServer`] is dropped.
//!
//! ```no_run
//! # async fn demo() -> std::io::Result<()> {
//! use mock_http::{MockServer, Reply, Response};
//! let server = MockServer::start(|req| {
//!     if req.path == "/ping" {
//!         Response::new(200).body("pong").into()
//!     } else {
//!         Reply::Reset
//!     }
//! })
//! .await?;
//! println!("listening on {}", server.url());
//! # Ok(()) }
//! ```

mod request;
mod response;
mod server;
mod text;

pub use request::Request;
pub use response::{Reply, Response};
pub use server::{MockServer, refused_url};
pub use text::without_ports;
