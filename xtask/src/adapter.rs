//! The contract between the conformance runner and one vendor client.
//!
//! Each vendor module in `vendors/` implements [`VendorAdapter`]: it names the vendor's
//! operations, builds a real client pointed at the runner's local servers, and turns an
//! operation name plus JSON input into a real typed call whose outcome is rendered as JSON.

use std::collections::BTreeMap;

use async_trait::async_trait;
use serde_json::Value;

/// What a case gives the adapter to build its client with.
#[derive(Debug, Clone)]
pub struct CaseContext {
    /// Base URL of each local server the case runs, by the names of
    /// [`VendorAdapter::servers`] (for example `http://127.0.0.1:41234`, no trailing slash).
    /// A server the case marks as down gets the URL of a port nobody listens on.
    pub servers: BTreeMap<String, String>,
    /// The case's `client` object (vendor-specific settings such as the auth mode, a
    /// timeout or retry count); `Value::Null` when the case has none.
    pub client: Value,
}

impl CaseContext {
    /// The base URL of the named server.
    pub fn server(&self, name: &str) -> Result<&str, String> {
        self.servers
            .get(name)
            .map(String::as_str)
            .ok_or_else(|| format!("the runner started no server named {name:?}"))
    }

    /// A `client` setting, when the case gives one.
    pub fn setting(&self, key: &str) -> Option<&Value> {
        self.client.get(key)
    }

    /// The case's timeouts: `connect_timeout_ms` (default 1 s) and `timeout_ms` (default 2 s).
    pub fn timeouts(&self) -> telecom_core::Timeouts {
        telecom_core::Timeouts {
            connect: self
                .millis("connect_timeout_ms")
                .unwrap_or(std::time::Duration::from_secs(1)),
            request: self
                .millis("timeout_ms")
                .unwrap_or(std::time::Duration::from_secs(2)),
        }
    }

    /// The case's retry policy: `max_attempts` (else `default_attempts`), with a 1 to 5 ms
    /// backoff so that retry cases run fast.
    pub fn retry_policy(&self, default_attempts: u32) -> telecom_core::RetryPolicy {
        let attempts = self
            .setting("max_attempts")
            .and_then(Value::as_u64)
            .and_then(|n| u32::try_from(n).ok())
            .unwrap_or(default_attempts);
        telecom_core::RetryPolicy::default()
            .with_max_attempts(attempts)
            .with_backoff(
                std::time::Duration::from_millis(1),
                std::time::Duration::from_millis(5),
            )
    }

    /// A `client` setting in milliseconds, as a `Duration`.
    pub fn millis(&self, key: &str) -> Option<std::time::Duration> {
        self.setting(key)
            .and_then(Value::as_u64)
            .map(std::time::Duration::from_millis)
    }
}

/// A failed call, as the fixtures describe it.
#[derive(Debug, Clone, PartialEq)]
pub struct ErrorOutcome {
    /// The error kind: one of `invalid_input`, `transport`, `timeout`, `http_status`,
    /// `decode`, `vendor`, `auth`, or a vendor-specific kind documented in its adapter.
    pub kind: String,
    /// The vendor's error code, when the vendor gave one.
    pub code: Option<String>,
    /// The HTTP status, when the error came with one.
    pub status: Option<u16>,
    /// The error's `Display` text.
    pub message: String,
}

/// How a vendor crate's error reads in a fixture. Each adapter implements it for its
/// crate's error type, in one place.
pub trait FixtureError: std::fmt::Display {
    /// One of the kinds in `docs/conformance.md`, or one the adapter documents.
    fn kind(&self) -> &'static str;
    /// The vendor's error code, when the vendor gave one.
    fn code(&self) -> Option<String>;
    /// The HTTP status, when the error came with one.
    fn status(&self) -> Option<u16>;
}

impl ErrorOutcome {
    /// The fixture view of a vendor crate's error.
    pub fn from_error<E: FixtureError>(error: &E) -> Self {
        ErrorOutcome {
            kind: error.kind().to_owned(),
            code: error.code(),
            status: error.status(),
            message: error.to_string(),
        }
    }
}

/// What one call did.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// The call succeeded; its typed result rendered as JSON.
    Ok(Value),
    /// The call failed with a typed error.
    Err(ErrorOutcome),
    /// The adapter does not know the operation name: a fixture error.
    UnknownOperation,
    /// The case's `input` does not fit the operation's typed input: a fixture error.
    BadInput(String),
}

impl Outcome {
    /// Renders a typed result, or reports that it could not be rendered.
    pub fn from_result<T: serde::Serialize>(value: &T) -> Outcome {
        match serde_json::to_value(value) {
            Ok(v) => Outcome::Ok(v),
            Err(e) => Outcome::BadInput(format!("the result could not be rendered as JSON: {e}")),
        }
    }
}

/// The outcome of a typed call: its result rendered as JSON, or its error.
pub fn outcome<T: serde::Serialize, E: FixtureError>(result: Result<T, E>) -> Outcome {
    match result {
        Ok(value) => Outcome::from_result(&value),
        Err(error) => Outcome::Err(ErrorOutcome::from_error(&error)),
    }
}

// Unused only when every vendor feature is off.
#[allow(unused_macros)]
/// `typed!(client, input, RequestType, method)`: decodes the case's input as the request
/// type, calls `client.method(&request)` and renders the outcome.
macro_rules! typed {
    ($client:expr, $input:expr, $ty:ty, $method:ident) => {
        match $crate::adapter::input::<$ty>($input) {
            Ok(request) => $crate::adapter::outcome($client.$method(&request).await),
            Err(bad) => bad,
        }
    };
}
// Unused only when every vendor feature is off.
#[allow(unused_imports)]
pub(crate) use typed;

/// Decodes a case's input into the operation's typed input, or says why not.
pub fn input<T: serde::de::DeserializeOwned>(value: &Value) -> Result<T, Outcome> {
    serde_json::from_value(value.clone()).map_err(|e| Outcome::BadInput(e.to_string()))
}

/// One vendor's client, seen by the runner.
#[async_trait]
pub trait VendorAdapter: Send + Sync {
    /// The vendor's name: the folder under `fixtures/` and the `--vendor` value.
    fn name(&self) -> &'static str;

    /// Every operation of the vendor's spec, by the names fixtures use. The coverage
    /// table counts these.
    fn operations(&self) -> &'static [&'static str];

    /// The names of the local servers a client of this vendor talks to. The first is where
    /// an exchange without a `server` goes.
    fn servers(&self) -> &'static [&'static str] {
        &["api"]
    }

    /// Builds a real client for one case.
    async fn connect(&self, ctx: &CaseContext) -> Result<Box<dyn VendorSession>, String>;
}

/// A client built for one case; every call of the case goes through the same session.
#[async_trait]
pub trait VendorSession: Send + Sync {
    /// Runs one operation.
    async fn call(&self, operation: &str, input: &Value) -> Outcome;
}
