//! The client, its builder, and the one path every call takes: token, envelope, send,
//! decode, token rotation and retries.

use std::fmt;
use std::sync::Arc;
use std::time::{Duration, Instant};

use reqwest::header::{CONTENT_TYPE, HeaderValue, RETRY_AFTER};
use serde_json::{Map, Value};
use telecom_core::{RetryAfter, RetryPolicy, Secret, Timeouts};
use tracing::Instrument;

use crate::auth::{Credentials, Token, TokenPool, TokenStats, is_token_rejection};
use crate::error::Error;
use crate::models::common::{MsgCode, Source};
use crate::wire::{self, Envelope, EnvelopeFields};

/// The host the vendor documents (its OpenAPI calls it the development environment; the
/// credentials choose the tenant).
pub const DEFAULT_BASE_URL: &str = "https://www.vcareapi.com:8080";

/// How old a pooled token may be and still be sent. The vendor allows at most 15 s from
/// issue; the margin covers the network time before the client saw it and clock drift.
pub const DEFAULT_TOKEN_MAX_AGE: Duration = Duration::from_secs(10);

/// Whether a call may be sent again after a failure that leaves its fate unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CallKind {
    /// A read or an idempotent write: transient failures are retried.
    Idempotent,
    /// A create, payment or other change: resent only when it surely never reached the
    /// vendor (connect failure) or the vendor refused its token before acting.
    NonIdempotent,
}

/// What the vendor answered to a low-level [`Client::call`]: the envelope, with the token
/// taken out (it went back into the pool).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[non_exhaustive]
pub struct RawResponse {
    /// `msg`.
    pub msg: Option<String>,
    /// `msg_code` (always a success code here; failures are errors).
    pub msg_code: MsgCode,
    /// `data`: an object, an array, a string, or `None` when absent.
    pub data: Option<Value>,
    /// `external_transaction_id`, when the vendor echoed it at the top level.
    pub external_transaction_id: Option<String>,
    /// The top-level `success` text a few actions add.
    pub success: Option<String>,
}

/// A vcare / Telgoo5 REST client.
///
/// Cheap to clone (an `Arc` inside) and meant to be shared by every task: all clones share
/// one token pool. [`Client::with_external_transaction_id`] and [`Client::with_source`]
/// return a clone whose calls carry those values, still sharing the pool.
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
    external_transaction_id: Option<Arc<str>>,
    source: Option<Source>,
}

struct Inner {
    http: reqwest::Client,
    base_url: String,
    credentials: Credentials,
    agent_id: String,
    agent_password: Option<Secret>,
    source: Source,
    timeouts: Timeouts,
    retry: RetryPolicy,
    pool: TokenPool,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.inner.base_url)
            .field("credentials", &self.inner.credentials)
            .field("agent_id", &self.inner.agent_id)
            .field("agent_password", &self.inner.agent_password)
            .field("source", &self.source.unwrap_or(self.inner.source))
            .field("external_transaction_id", &self.external_transaction_id)
            .field("timeouts", &self.inner.timeouts)
            .field("retry", &self.inner.retry)
            .field("tokens", &self.inner.pool.stats())
            .finish()
    }
}

/// Builds a [`Client`].
#[derive(Debug)]
pub struct ClientBuilder {
    base_url: String,
    credentials: Option<Credentials>,
    agent_id: Option<String>,
    agent_password: Option<Secret>,
    source: Source,
    timeouts: Timeouts,
    retry: RetryPolicy,
    http: Option<reqwest::Client>,
    token_max_age: Duration,
    pool_capacity: usize,
    reuse_tokens: bool,
}

impl Default for ClientBuilder {
    fn default() -> Self {
        ClientBuilder {
            base_url: DEFAULT_BASE_URL.to_owned(),
            credentials: None,
            agent_id: None,
            agent_password: None,
            source: Source::Api,
            timeouts: Timeouts::default(),
            retry: RetryPolicy::default(),
            http: None,
            token_max_age: DEFAULT_TOKEN_MAX_AGE,
            pool_capacity: 256,
            reuse_tokens: true,
        }
    }
}

impl ClientBuilder {
    /// The API root, such as `https://www.vcareapi.com:8080` (the default) or a local mock.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = url.into();
        self
    }

    /// The `/authenticate` credentials (required).
    pub fn credentials(mut self, credentials: Credentials) -> Self {
        self.credentials = Some(credentials);
        self
    }

    /// The Telgoo5 agent (user id) every call is made as: `agent_id` (required).
    pub fn agent_id(mut self, agent_id: impl Into<String>) -> Self {
        self.agent_id = Some(agent_id.into());
        self
    }

    /// The agent's password, for agents configured to need one in API calls.
    pub fn agent_password(mut self, password: impl Into<Secret>) -> Self {
        self.agent_password = Some(password.into());
        self
    }

    /// The default `source` of every call (default [`Source::Api`]).
    pub fn source(mut self, source: Source) -> Self {
        self.source = source;
        self
    }

    /// Connect and per-attempt timeouts. The connect timeout applies only to the HTTP client
    /// this builder makes, not to one given with [`ClientBuilder::http_client`].
    pub fn timeouts(mut self, timeouts: Timeouts) -> Self {
        self.timeouts = timeouts;
        self
    }

    /// The retry policy for transient failures (see the crate docs for what is retried).
    pub fn retry_policy(mut self, retry: RetryPolicy) -> Self {
        self.retry = retry;
        self
    }

    /// Uses this `reqwest::Client` (for proxies, TLS roots, connection pool settings).
    pub fn http_client(mut self, http: reqwest::Client) -> Self {
        self.http = Some(http);
        self
    }

    /// The age beyond which a pooled token is dropped unsent (default 10 s; must be under
    /// the vendor's 15 s).
    pub fn token_max_age(mut self, age: Duration) -> Self {
        self.token_max_age = age;
        self
    }

    /// The most tokens kept ready (default 256); the oldest go first.
    pub fn token_pool_capacity(mut self, capacity: usize) -> Self {
        self.pool_capacity = capacity;
        self
    }

    /// Whether tokens handed back by responses are kept for later calls (default `true`).
    /// With `false` the client authenticates before every call, as the vendor's demo does:
    /// twice the requests, but no state kept.
    pub fn reuse_tokens(mut self, reuse: bool) -> Self {
        self.reuse_tokens = reuse;
        self
    }

    /// Builds the client, checking the settings.
    pub fn build(self) -> Result<Client, Error> {
        let credentials = self
            .credentials
            .ok_or_else(|| Error::invalid("credentials", "are required"))?;
        credentials.validate()?;
        let agent_id = self
            .agent_id
            .ok_or_else(|| Error::invalid("agent_id", "is required"))?;
        if agent_id.trim().is_empty() {
            return Err(Error::invalid("agent_id", "must not be empty"));
        }
        if self.token_max_age >= Duration::from_secs(15) {
            return Err(Error::invalid(
                "token_max_age",
                "must be under the vendor's 15 second token lifetime",
            ));
        }
        let base_url = self.base_url.trim_end_matches('/').to_owned();
        let parsed = reqwest::Url::parse(&base_url)
            .map_err(|e| Error::invalid("base_url", e.to_string()))?;
        if !matches!(parsed.scheme(), "http" | "https") {
            return Err(Error::invalid("base_url", "must be an http or https URL"));
        }
        let http = match self.http {
            Some(http) => http,
            None => reqwest::Client::builder()
                .connect_timeout(self.timeouts.connect)
                .build()
                .map_err(|e| Error::invalid("http_client", e.to_string()))?,
        };
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                base_url,
                credentials,
                agent_id,
                agent_password: self.agent_password,
                source: self.source,
                timeouts: self.timeouts,
                retry: self.retry,
                pool: TokenPool::new(self.token_max_age, self.pool_capacity, self.reuse_tokens),
            }),
            external_transaction_id: None,
            source: None,
        })
    }
}

enum Attempt {
    Answered {
        status: u16,
        retry_after: Option<RetryAfter>,
        body: Vec<u8>,
    },
    Failed(Error),
}

impl Client {
    /// A builder with the defaults.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// A clone (sharing the token pool) whose calls carry this `external_transaction_id`.
    /// It must be letters and digits; a call with anything else fails as invalid input.
    pub fn with_external_transaction_id(&self, id: impl Into<String>) -> Client {
        Client {
            external_transaction_id: Some(Arc::from(id.into())),
            ..self.clone()
        }
    }

    /// A clone (sharing the token pool) whose calls carry this `source`.
    pub fn with_source(&self, source: Source) -> Client {
        Client {
            source: Some(source),
            ..self.clone()
        }
    }

    /// The `source` this handle's calls carry.
    pub fn effective_source(&self) -> Source {
        self.source.unwrap_or(self.inner.source)
    }

    /// The token counters: authentications, pooled tokens used, expired tokens dropped,
    /// rejections.
    pub fn token_stats(&self) -> TokenStats {
        self.inner.pool.stats()
    }

    /// Authenticates now and keeps the token for the next call (when token reuse is on): a
    /// start-up check of the credentials. Calls authenticate by themselves when they need to.
    pub async fn authenticate(&self) -> Result<(), Error> {
        let span = tracing::info_span!("vcare.call", vendor = "vcare", operation = "authenticate");
        let token = self.fetch_token().instrument(span).await?;
        self.inner.pool.put(token);
        Ok(())
    }

    /// The low-level call for actions this crate has not typed: `POST {base}/{module}` with
    /// `body` (a JSON object of the action's own fields) plus the envelope (`action`,
    /// `agent_id`, `agent_password`, `source`, `external_transaction_id`). Tokens, the
    /// envelope and vendor errors are handled as for typed calls.
    ///
    /// The call is treated as not idempotent: it is sent again only when it surely never
    /// reached the vendor. Use [`Client::call_idempotent`] for reads.
    pub async fn call(
        &self,
        module: &str,
        action: &str,
        body: Value,
    ) -> Result<RawResponse, Error> {
        self.raw(module, action, body, CallKind::NonIdempotent)
            .await
    }

    /// As [`Client::call`], for reads and idempotent actions: timeouts, resets and 5xx/429
    /// answers are retried under the retry policy.
    pub async fn call_idempotent(
        &self,
        module: &str,
        action: &str,
        body: Value,
    ) -> Result<RawResponse, Error> {
        self.raw(module, action, body, CallKind::Idempotent).await
    }

    async fn raw(
        &self,
        module: &str,
        action: &str,
        body: Value,
        kind: CallKind,
    ) -> Result<RawResponse, Error> {
        let Value::Object(body) = body else {
            return Err(Error::invalid("body", "must be a JSON object"));
        };
        let env = self.execute(module, action, body, kind).await?;
        Ok(RawResponse {
            msg: env.msg,
            msg_code: env.msg_code,
            data: env.data,
            external_transaction_id: env.external_transaction_id,
            success: env.success,
        })
    }

    /// Sends one action and returns its successful envelope.
    pub(crate) async fn execute(
        &self,
        module: &str,
        action: &str,
        body: Map<String, Value>,
        kind: CallKind,
    ) -> Result<Envelope, Error> {
        let name_ok =
            |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        if !name_ok(module) {
            return Err(Error::invalid(
                "module",
                "must be letters, digits and underscores",
            ));
        }
        if !name_ok(action) {
            return Err(Error::invalid(
                "action",
                "must be letters, digits and underscores",
            ));
        }
        let fields = EnvelopeFields {
            agent_id: &self.inner.agent_id,
            agent_password: self.inner.agent_password.as_ref(),
            source: self.effective_source(),
            external_transaction_id: self.external_transaction_id.as_deref(),
        };
        let payload = wire::request_body(action, body, &fields)?;
        let url = format!("{}/{}", self.inner.base_url, module);
        let span = tracing::info_span!(
            "vcare.call",
            vendor = "vcare",
            module,
            operation = action,
            attempt = tracing::field::Empty,
            status = tracing::field::Empty,
            elapsed_ms = tracing::field::Empty,
        );
        self.run(action, &url, payload, kind).instrument(span).await
    }

    async fn run(
        &self,
        action: &str,
        url: &str,
        payload: Vec<u8>,
        kind: CallKind,
    ) -> Result<Envelope, Error> {
        let span = tracing::Span::current();
        let started = Instant::now();
        let mut attempt: u32 = 0;
        let mut failed_attempts: u32 = 0;
        let mut token_retried = false;
        loop {
            attempt += 1;
            span.record("attempt", attempt);
            // After a token rejection the retry always gets a brand-new token.
            let token = match (token_retried, self.inner.pool.take()) {
                (false, Some(token)) => token,
                (true, Some(unused)) => {
                    self.inner.pool.put(unused);
                    self.fetch_token().await?
                }
                (_, None) => self.fetch_token().await?,
            };
            let outcome = self.send(action, url, &payload, token).await;
            span.record("elapsed_ms", started.elapsed().as_millis() as u64);
            let (status, retry_after, body) = match outcome {
                Attempt::Answered {
                    status,
                    retry_after,
                    body,
                } => (status, retry_after, body),
                Attempt::Failed(error) => {
                    let resend = error.is_connect()
                        || (kind == CallKind::Idempotent && error.is_retryable());
                    if self
                        .back_off(&mut failed_attempts, resend, None, &error)
                        .await
                    {
                        continue;
                    }
                    return Err(error);
                }
            };
            span.record("status", status);
            let envelope = match wire::decode(action, status, &body) {
                Ok(envelope) => envelope,
                Err(error) => {
                    let resend = kind == CallKind::Idempotent && error.is_retryable();
                    if self
                        .back_off(&mut failed_attempts, resend, retry_after.as_ref(), &error)
                        .await
                    {
                        continue;
                    }
                    return Err(error);
                }
            };
            if is_token_rejection(&envelope.msg_code, envelope.message()) {
                // The vendor refused the call before acting on it. Its reply may carry a
                // token, but the chain it belongs to is in doubt: drop it.
                self.inner.pool.note_rejection();
                tracing::warn!(
                    msg = envelope.message(),
                    retried = token_retried,
                    "vcare rejected the token"
                );
                if token_retried {
                    return Err(Error::TokenRejected {
                        operation: action.to_owned(),
                        message: envelope.message().to_owned(),
                        code: envelope.msg_code,
                    });
                }
                token_retried = true;
                continue;
            }
            if let Some(token) = envelope.token.as_deref().and_then(Token::new) {
                self.inner.pool.put(token);
            }
            if envelope.is_failure() {
                return Err(Error::Vendor {
                    operation: action.to_owned(),
                    message: envelope.message().to_owned(),
                    code: envelope.msg_code,
                    errors: envelope.errors,
                    status,
                });
            }
            return Ok(envelope);
        }
    }

    /// Counts a failed attempt and, when the call may be resent and the retry policy has an
    /// attempt left, waits out the backoff and returns `true` (send again).
    async fn back_off(
        &self,
        failed_attempts: &mut u32,
        may_resend: bool,
        retry_after: Option<&RetryAfter>,
        error: &Error,
    ) -> bool {
        *failed_attempts += 1;
        if !may_resend {
            return false;
        }
        match self.inner.retry.next_delay(*failed_attempts, retry_after) {
            Some(delay) => {
                tracing::debug!(error = %error, ?delay, "vcare attempt failed; retrying");
                tokio::time::sleep(delay).await;
                true
            }
            None => false,
        }
    }

    /// One HTTP exchange. The token is consumed: whatever happens, it is never sent again.
    async fn send(&self, operation: &str, url: &str, payload: &[u8], token: Token) -> Attempt {
        let mut header = match HeaderValue::from_str(token.expose()) {
            Ok(header) => header,
            // Token::new only admits visible ASCII, which is always a valid header value.
            Err(_) => {
                return Attempt::Failed(Error::invalid(
                    "token",
                    "the vendor's token cannot be sent as a header",
                ));
            }
        };
        header.set_sensitive(true);
        let request = self
            .inner
            .http
            .post(url)
            .header(CONTENT_TYPE, "application/json")
            .header("token", header)
            .body(payload.to_vec());
        self.exchange(operation, request).await
    }

    async fn exchange(&self, operation: &str, request: reqwest::RequestBuilder) -> Attempt {
        let started = Instant::now();
        let result = async {
            let response = request.timeout(self.inner.timeouts.request).send().await?;
            let status = response.status().as_u16();
            let retry_after = response
                .headers()
                .get(RETRY_AFTER)
                .and_then(|v| v.to_str().ok())
                .and_then(RetryAfter::parse);
            let body = response.bytes().await?;
            Ok::<_, reqwest::Error>((status, retry_after, body.to_vec()))
        }
        .await;
        match result {
            Ok((status, retry_after, body)) => Attempt::Answered {
                status,
                retry_after,
                body,
            },
            Err(source) if source.is_timeout() => Attempt::Failed(Error::Timeout {
                operation: operation.to_owned(),
                elapsed: started.elapsed(),
                source,
            }),
            Err(source) => Attempt::Failed(Error::Transport {
                operation: operation.to_owned(),
                connect: source.is_connect(),
                source,
            }),
        }
    }

    /// `POST /authenticate`, retried on transient failures (it changes nothing at the vendor).
    async fn fetch_token(&self) -> Result<Token, Error> {
        const OPERATION: &str = "authenticate";
        let url = format!("{}/authenticate", self.inner.base_url);
        let payload = serde_json::to_vec(&self.inner.credentials.body())
            .map_err(|e| Error::invalid("credentials", e.to_string()))?;
        let mut failed_attempts = 0;
        loop {
            let request = self
                .inner
                .http
                .post(&url)
                .header(CONTENT_TYPE, "application/json")
                .body(payload.clone());
            let (status, retry_after, body) = match self.exchange(OPERATION, request).await {
                Attempt::Answered {
                    status,
                    retry_after,
                    body,
                } => (status, retry_after, body),
                Attempt::Failed(error) => {
                    let resend = error.is_retryable();
                    if self
                        .back_off(&mut failed_attempts, resend, None, &error)
                        .await
                    {
                        continue;
                    }
                    return Err(error);
                }
            };
            let envelope = match wire::decode(OPERATION, status, &body) {
                Ok(envelope) => envelope,
                Err(error) => {
                    let resend = error.is_retryable();
                    if self
                        .back_off(&mut failed_attempts, resend, retry_after.as_ref(), &error)
                        .await
                    {
                        continue;
                    }
                    return Err(error);
                }
            };
            if envelope.is_failure() {
                return Err(Error::Auth {
                    message: envelope.message().to_owned(),
                    code: envelope.msg_code,
                });
            }
            self.inner.pool.note_authentication();
            return envelope
                .token
                .as_deref()
                .and_then(Token::new)
                .ok_or_else(|| Error::Decode {
                    operation: OPERATION.to_owned(),
                    status,
                    message: "the success answer carries no usable token".into(),
                    // The body would hold the token if there were one; keep none of it.
                    body: String::new(),
                    source: None,
                });
        }
    }
}
