//! The client, its builder, and the call pipeline every operation goes through:
//! authentication (credentials or session), the SOAP envelope, HTTP with honest retries,
//! and the response header check.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use bytes::Bytes;

use serde::Serialize;
use serde::de::DeserializeOwned;
use telecom_core::{RetryAfter, RetryPolicy, Secret, Timeouts};
use tracing::Instrument;

use crate::auth::{AuthMode, Credentials, SessionSlot};
use crate::error::{Error, ErrorCode, VendorError};
use crate::models::{Header, Response};
use crate::wire::{self, AuthBlock, Body};

/// Where Rev.io serves the SOAP API (the old host `api.myh2o.com` serves it too).
pub const DEFAULT_ENDPOINT: &str = "https://api.rev.io/v20/default.asmx";

/// Whether a call may be sent again after it may have reached the server.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum CallKind {
    /// Reads (`*_Query`, `*_Search`, `Sessions_Validate`, `Sessions_Create`): transient
    /// failures are retried under the client's retry policy.
    Read,
    /// Creates, updates, payments, transactions: retried only when the connection could
    /// not be opened, never once the request may have reached the server.
    Write,
}

impl CallKind {
    /// The kind this crate gives an operation by its name: `*_Query`, `*_Search`,
    /// `Sessions_Validate` and `Sessions_Create` read, everything else writes.
    pub fn for_operation(operation: &str) -> CallKind {
        if operation.ends_with("_Query")
            || operation.ends_with("_Search")
            || operation == "Sessions_Validate"
            || operation == "Sessions_Create"
        {
            CallKind::Read
        } else {
            CallKind::Write
        }
    }
}

/// A Rev.io SOAP API client. Cheap to clone; clones share the HTTP connection pool and the
/// session.
#[derive(Clone, Debug)]
pub struct Client {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    http: reqwest::Client,
    endpoint: String,
    credentials: Credentials,
    mode: AuthMode,
    retry: RetryPolicy,
    timeouts: Timeouts,
    debug: bool,
    session: SessionSlot,
    generation: AtomicU64,
}

/// Builds a [`Client`].
#[derive(Debug)]
pub struct ClientBuilder {
    credentials: Credentials,
    mode: AuthMode,
    endpoint: String,
    retry: RetryPolicy,
    timeouts: Timeouts,
    http: Option<reqwest::Client>,
    debug: bool,
}

impl ClientBuilder {
    /// Credentials on every call, or a session (see [`AuthMode`]). Default: credentials.
    pub fn auth_mode(mut self, mode: AuthMode) -> Self {
        self.mode = mode;
        self
    }

    /// The SOAP endpoint, such as `https://api.rev.io/v20/default.asmx` (the default) or a
    /// local mock.
    pub fn endpoint(mut self, url: impl Into<String>) -> Self {
        self.endpoint = url.into();
        self
    }

    /// Connect and per-attempt timeouts (ignored for connect when you pass your own
    /// `reqwest::Client`, which keeps its own).
    pub fn timeouts(mut self, timeouts: Timeouts) -> Self {
        self.timeouts = timeouts;
        self
    }

    /// Retry policy for reads; writes are only retried when no connection was made.
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// Uses your own HTTP client (proxies, TLS settings, shared pool).
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http = Some(client);
        self
    }

    /// Sends `Debug=true`, so responses carry the server's echo of the request
    /// ([`Response::debug_echo`]).
    pub fn debug(mut self, on: bool) -> Self {
        self.debug = on;
        self
    }

    /// Checks the settings and builds the client.
    pub fn build(self) -> Result<Client, Error> {
        let url = reqwest::Url::parse(&self.endpoint).map_err(|e| {
            Error::Config(format!("endpoint {:?} is not a URL: {e}", self.endpoint))
        })?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err(Error::Config(format!(
                "endpoint scheme must be http or https, not {}",
                url.scheme()
            )));
        }
        if self.credentials.username().is_empty() {
            return Err(Error::Config("Credentials/Username is empty".into()));
        }
        if self.credentials.client().is_empty() {
            return Err(Error::Config("Credentials/Client is empty".into()));
        }
        let http = match self.http {
            Some(http) => http,
            None => reqwest::Client::builder()
                .connect_timeout(self.timeouts.connect)
                .build()
                .map_err(|e| Error::Config(format!("HTTP client: {e}")))?,
        };
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                endpoint: self.endpoint,
                credentials: self.credentials,
                mode: self.mode,
                retry: self.retry,
                timeouts: self.timeouts,
                debug: self.debug,
                session: SessionSlot::default(),
                generation: AtomicU64::new(0),
            }),
        })
    }
}

/// Which authentication one call uses.
pub(crate) enum AuthChoice {
    /// The client's mode.
    Client,
    /// Credentials, whatever the mode (`Sessions_Create`).
    Credentials,
    /// This session key, with no renewal (`Sessions_Validate` of a given key).
    Session(Secret),
}

enum AuthUse {
    Credentials,
    Session(Secret, Option<u64>),
}

/// A failed attempt, and whether the request may have reached the server.
struct Failed {
    error: Error,
    sent: bool,
}

impl Client {
    /// Starts a builder with the login every call (or the session) is made with.
    pub fn builder(credentials: Credentials) -> ClientBuilder {
        ClientBuilder {
            credentials,
            mode: AuthMode::default(),
            endpoint: DEFAULT_ENDPOINT.to_owned(),
            retry: RetryPolicy::default(),
            timeouts: Timeouts::default(),
            http: None,
            debug: false,
        }
    }

    /// The SOAP endpoint in use.
    pub fn endpoint(&self) -> &str {
        &self.inner.endpoint
    }

    /// The authentication mode in use.
    pub fn auth_mode(&self) -> AuthMode {
        self.inner.mode
    }

    /// Calls any operation by name with the fields of `input` (a JSON object, or any
    /// `Serialize` struct) written under `<Request>` after the authentication elements.
    ///
    /// The escape hatch for operations this crate does not type: it still does the
    /// envelope, `SOAPAction`, authentication (and session renewal), retries by `kind`,
    /// faults and header errors. The result is every element of `<OpResult>` but the
    /// header, as JSON (repeated elements become arrays, text stays text); the raw XML is in
    /// [`Response::raw_xml`].
    ///
    /// Unset (`null`) fields are not sent. JSON arrays are written as bare repeated
    /// elements.
    pub async fn call_raw<I: Serialize + ?Sized>(
        &self,
        operation: &str,
        input: &I,
        kind: CallKind,
    ) -> Result<Response<serde_json::Map<String, serde_json::Value>>, Error> {
        if !operation
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_')
            || operation.is_empty()
        {
            return Err(Error::invalid(
                operation,
                "operation",
                "must be an operation name such as Customers_Query",
            ));
        }
        self.execute(operation, input, kind, AuthChoice::Client)
            .await
    }

    pub(crate) async fn execute<I: Serialize + ?Sized, O: DeserializeOwned>(
        &self,
        operation: &str,
        input: &I,
        kind: CallKind,
        choice: AuthChoice,
    ) -> Result<Response<O>, Error> {
        let mut renewed = false;
        loop {
            let auth = match &choice {
                AuthChoice::Credentials => AuthUse::Credentials,
                AuthChoice::Session(key) => AuthUse::Session(key.clone(), None),
                AuthChoice::Client => match self.inner.mode {
                    AuthMode::Credentials => AuthUse::Credentials,
                    AuthMode::Session => {
                        let (key, generation) = self.session_key().await?;
                        AuthUse::Session(key, Some(generation))
                    }
                },
            };
            let block = match &auth {
                AuthUse::Credentials => self.inner.credentials.block(),
                AuthUse::Session(key, _) => AuthBlock::Session(key),
            };
            let body = wire::envelope(operation, &block, self.inner.debug, input)
                .map_err(|e| Error::invalid(operation, "Request", e.0))?;
            let bytes = self.send(operation, body, kind).await?;
            let text = String::from_utf8_lossy(&bytes);
            let decode_error = |reason: String| Error::Decode {
                operation: operation.to_owned(),
                status: 200,
                reason,
                excerpt: excerpt(&text),
            };
            let (result, raw) = match wire::read_body(&text, operation).map_err(decode_error)? {
                Body::Fault(fault) => {
                    return Err(Error::Fault {
                        operation: operation.to_owned(),
                        status: 200,
                        code: fault.code,
                        message: fault.message,
                    });
                }
                Body::Result { result, raw } => (result, raw),
            };
            let header = match result.child("Header") {
                Some(header) => wire::from_element::<Header>(header, &[])
                    .map_err(|e| decode_error(format!("Header: {}", e.0)))?,
                None => Header::default(),
            };
            if header.is_failure() {
                let error = VendorError::from_header(operation, header);
                let session_refused = matches!(error.code, Some(ErrorCode::InvalidSessionKey));
                if let (true, AuthUse::Session(_, Some(generation)), false) =
                    (session_refused, &auth, renewed)
                {
                    // The server refused the key before doing anything, so sending the call
                    // again with a fresh session is safe even for writes.
                    tracing::info!(
                        operation,
                        "session key refused (S2004); creating a new session"
                    );
                    self.forget_session(*generation).await;
                    renewed = true;
                    continue;
                }
                if error.code.as_ref().is_some_and(ErrorCode::is_auth_failure) {
                    return Err(Error::Auth(Box::new(error)));
                }
                return Err(Error::Vendor(Box::new(error)));
            }
            let typed = wire::from_element::<O>(&result, &["Header", "Debug"])
                .map_err(|e| decode_error(e.0))?;
            let debug_echo = wire::debug_echo(&text, &result);
            return Ok(Response::new(header, typed, debug_echo, raw.to_owned()));
        }
    }

    /// The current session key, creating a session first when there is none. The lock is
    /// held while `Sessions_Create` runs, so tasks sharing the client wait for one session
    /// instead of each creating their own.
    async fn session_key(&self) -> Result<(Secret, u64), Error> {
        let mut slot = self.inner.session.current.lock().await;
        if let Some((key, generation)) = slot.as_ref() {
            return Ok((key.clone(), *generation));
        }
        // Boxed: Sessions_Create goes through `execute` too (with credentials, so no deeper).
        let created = Box::pin(self.sessions_create()).await?;
        let excerpt = telecom_core::text::excerpt(
            created.raw_xml().as_bytes(),
            telecom_core::text::EXCERPT_CHARS,
        );
        let key = created
            .result
            .session_key
            .clone()
            .or_else(|| created.header.session_key.clone())
            .ok_or_else(|| Error::Decode {
                operation: "Sessions_Create".into(),
                status: 200,
                reason: "the response has no SessionKey".into(),
                excerpt,
            })?;
        let generation = self.inner.generation.fetch_add(1, Ordering::Relaxed) + 1;
        *slot = Some((key.clone(), generation));
        Ok((key, generation))
    }

    /// Drops the session key if it is still the one that was refused.
    async fn forget_session(&self, generation: u64) {
        let mut slot = self.inner.session.current.lock().await;
        if slot.as_ref().is_some_and(|(_, g)| *g == generation) {
            *slot = None;
        }
    }

    /// Forgets the client's session key (after `Sessions_Destroy`), if any.
    pub(crate) async fn clear_session(&self) {
        *self.inner.session.current.lock().await = None;
    }

    /// The client's current session key, if a session is open.
    pub(crate) async fn current_session(&self) -> Option<Secret> {
        self.inner
            .session
            .current
            .lock()
            .await
            .as_ref()
            .map(|(k, _)| k.clone())
    }

    async fn send(&self, operation: &str, body: String, kind: CallKind) -> Result<Bytes, Error> {
        let action = wire::soap_action(operation);
        let mut attempt: u32 = 0;
        loop {
            attempt = attempt.saturating_add(1);
            let span = tracing::info_span!(
                "revio.call",
                vendor = "revio",
                operation,
                attempt,
                status = tracing::field::Empty,
                elapsed_ms = tracing::field::Empty,
            );
            let started = Instant::now();
            let outcome = self
                .attempt(operation, &action, &body)
                .instrument(span.clone())
                .await;
            let elapsed_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
            span.record("elapsed_ms", elapsed_ms);
            let failed = match outcome {
                Ok(bytes) => {
                    tracing::debug!(parent: &span, elapsed_ms, "revio call answered");
                    return Ok(bytes);
                }
                Err(failed) => failed,
            };
            tracing::warn!(parent: &span, elapsed_ms, error = %failed.error, "revio call failed");
            let may_resend = !failed.sent || kind == CallKind::Read;
            if !(may_resend && failed.error.is_retryable()) {
                return Err(failed.error);
            }
            let retry_after = match &failed.error {
                Error::HttpStatus { retry_after, .. } => *retry_after,
                _ => None,
            };
            match self.inner.retry.next_delay(attempt, retry_after.as_ref()) {
                Some(delay) => tokio::time::sleep(delay).await,
                None => return Err(failed.error),
            }
        }
    }

    async fn attempt(&self, operation: &str, action: &str, body: &str) -> Result<Bytes, Failed> {
        let transport = |e: reqwest::Error, sent: bool| Failed {
            sent: sent && !e.is_connect(),
            error: if e.is_timeout() {
                Error::Timeout {
                    operation: operation.to_owned(),
                    source: e.without_url(),
                }
            } else {
                Error::Transport {
                    operation: operation.to_owned(),
                    source: e.without_url(),
                }
            },
        };
        let response = self
            .inner
            .http
            .post(&self.inner.endpoint)
            .header(reqwest::header::CONTENT_TYPE, "text/xml; charset=utf-8")
            .header("SOAPAction", action)
            .timeout(self.inner.timeouts.request)
            .body(body.to_owned())
            .send()
            .await
            .map_err(|e| transport(e, true))?;
        let status = response.status().as_u16();
        tracing::Span::current().record("status", status);
        let retry_after = response
            .headers()
            .get(reqwest::header::RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(RetryAfter::parse);
        let bytes = response.bytes().await.map_err(|e| transport(e, true))?;
        if status == 200 {
            // Decoded by the caller, which borrows names and text from these bytes.
            return Ok(bytes);
        }
        let text = String::from_utf8_lossy(&bytes);
        let error = match wire::read_body(&text, operation) {
            Ok(Body::Fault(fault)) => Error::Fault {
                operation: operation.to_owned(),
                status,
                code: fault.code,
                message: fault.message,
            },
            _ => Error::HttpStatus {
                operation: operation.to_owned(),
                status,
                excerpt: excerpt(&text),
                retry_after,
            },
        };
        Err(Failed { error, sent: true })
    }
}

/// A short, redacted excerpt of a body for an error message.
fn excerpt(text: &str) -> String {
    // Only the start is shown, so only the start is redacted.
    let head = match text
        .char_indices()
        .nth(4 * telecom_core::text::EXCERPT_CHARS)
    {
        Some((end, _)) => text.get(..end).unwrap_or(text),
        None => text,
    };
    telecom_core::text::excerpt(
        wire::redact_xml(head).as_bytes(),
        telecom_core::text::EXCERPT_CHARS,
    )
}
