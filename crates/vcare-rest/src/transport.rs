//! The one send path: every request of the crate, `/authenticate` included, is one HTTP
//! exchange made here, one attempt at a time, on [`telecom_core::call::drive`].
//!
//! An API attempt takes its own single-use token (from the pool, or from `/authenticate`
//! when the pool is empty or the last attempt's token was refused), sends the body encoded
//! once for the whole call, and classifies what happened for the driver:
//!
//! - a connect failure is [`FailureClass::NotConnected`] (nothing reached the vendor);
//! - a timeout, any other transport failure or a body cut short is [`FailureClass::Transient`];
//! - an answer that is not an envelope is classed by its status ([`FailureClass::from_status`],
//!   with the vendor's `Retry-After`, which the driver honours when it resends); an envelope
//!   with a failure `msg_code` likewise (vcare sends them with 200 or 400, both permanent);
//! - a token rejection (RESTAPI001 "Token expire", "Token already used", "Invalid Token") is
//!   [`FailureClass::Refused`]: the vendor did not act, so the driver sends the call once more
//!   and that attempt authenticates for a brand-new token; a second rejection is
//!   [`Error::TokenRejected`]. An HTTP 401 whose body is not an envelope is a token
//!   rejection too, counted with the others.
//!
//! The driver alone decides whether to send again ([`CallKind::may_resend`]). A token is
//! never sent twice: each attempt takes its own, and the token of a rejected attempt is
//! neither reused nor put back.

use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

use reqwest::header::{CONTENT_TYPE, HeaderValue, RETRY_AFTER};
use serde::de::DeserializeOwned;
use telecom_core::body::BodyTooLarge;
use telecom_core::call::{Attempt, AttemptTimer, CallPlan, drive, record_status};
use telecom_core::{
    CallKind, Failure, FailureClass, Redacted, Redactor, RetryAfter, RetryPolicy, Secret, Timeouts,
};

use crate::auth::{Credentials, Token, TokenPool, TokenStats, rejects_token};
use crate::error::Error;
use crate::models::MsgCode;
use crate::wire::{self, Envelope};

/// The `vendor` of every call span.
pub(crate) const VENDOR: &str = "vcare";

/// The operation name of `/authenticate` calls in spans and errors.
const AUTHENTICATE: &str = "authenticate";

/// The code of [`Error::TokenRejected`] when the vendor refused the token with a bare HTTP
/// 401 rather than an envelope: no `msg_code` came, and none is made up.
const HTTP_401: &str = "HTTP 401";

/// A typed action as `ops/` states it once: where it goes, its name, how it may be resent.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Operation<'a> {
    pub(crate) module: &'a str,
    pub(crate) action: &'a str,
    pub(crate) kind: CallKind,
    /// A create whose repeat for the same enrollment the vendor answers "Customer is already
    /// created": that answer is [`Error::AlreadyCreated`], not a plain vendor error.
    pub(crate) creates_customer: bool,
}

impl<'a> Operation<'a> {
    pub(crate) const fn new(module: &'a str, action: &'a str, kind: CallKind) -> Self {
        Operation {
            module,
            action,
            kind,
            creates_customer: false,
        }
    }

    /// The same operation, as a customer create.
    pub(crate) const fn creating_customers(mut self) -> Self {
        self.creates_customer = true;
        self
    }
}

/// One API call, encoded once for all its attempts.
pub(crate) struct Request<'a> {
    /// The vendor action: the span's `operation`.
    pub(crate) action: &'a str,
    pub(crate) kind: CallKind,
    /// See [`Operation::creates_customer`].
    pub(crate) creates_customer: bool,
    /// Parsed once, with the base URL ([`Transport::url_for`]).
    pub(crate) url: reqwest::Url,
    /// Shared, not copied, by every attempt.
    pub(crate) payload: bytes::Bytes,
    /// The secret fields of the body (an SSN, a card number), masked in what comes back.
    pub(crate) secrets: Vec<Secret>,
}

/// The HTTP side and the token machinery, shared by all clones of a client.
pub(crate) struct Transport {
    pub(crate) http: reqwest::Client,
    pub(crate) base_url: String,
    /// `base_url` parsed: each call's URL is this with the module appended, so no call
    /// parses a URL (reqwest would parse a `&str` URL on every send, its host included).
    base: reqwest::Url,
    pub(crate) timeouts: Timeouts,
    pub(crate) retry: RetryPolicy,
    /// Masks every secret the client holds: the API password and PIN, the agent password.
    pub(crate) redactor: Redactor,
    pub(crate) pool: TokenPool,
    /// The longest answer body read ([`telecom_core::body`]).
    pub(crate) max_body_bytes: usize,
    timer: AttemptTimer,
    /// The `/authenticate` body, encoded once.
    auth_payload: bytes::Bytes,
    auth_url: reqwest::Url,
}

/// What one exchange brought back.
struct Reply {
    status: u16,
    retry_after: Option<RetryAfter>,
    body: bytes::Bytes,
}

impl Transport {
    pub(crate) fn new(
        http: reqwest::Client,
        base_url: String,
        credentials: &Credentials,
        timeouts: Timeouts,
        retry: RetryPolicy,
        redactor: Redactor,
        pool: TokenPool,
    ) -> Result<Transport, Error> {
        let auth_payload = credentials
            .body()
            .map(bytes::Bytes::from)
            // Strings always encode; the reason is not kept, as it could quote a value.
            .map_err(|_| Error::invalid("credentials", "cannot be encoded as JSON"))?;
        let base = reqwest::Url::parse(&base_url)
            .map_err(|e| Error::invalid("base_url", e.to_string()))?;
        let mut transport = Transport {
            http,
            auth_url: base.clone(),
            base,
            base_url,
            timeouts,
            retry,
            redactor,
            pool,
            max_body_bytes: telecom_core::body::DEFAULT_MAX_BODY_BYTES,
            timer: AttemptTimer::new(),
            auth_payload,
        };
        transport.auth_url = transport.url_for(AUTHENTICATE);
        Ok(transport)
    }

    /// `{base_url}/{module}`; `module` is letters, digits and underscores (checked by the
    /// caller), so it needs no escaping.
    pub(crate) fn url_for(&self, module: &str) -> reqwest::Url {
        let mut url = self.base.clone();
        // An http(s) URL, as the builder checked, always has path segments.
        if let Ok(mut segments) = url.path_segments_mut() {
            segments.pop_if_empty().push(module);
        }
        url
    }

    pub(crate) fn stats(&self) -> TokenStats {
        self.pool.stats()
    }

    /// Sends an API call and returns its successful envelope, its `data` read as `D`.
    pub(crate) async fn call<D: DeserializeOwned>(
        &self,
        request: &Request<'_>,
    ) -> Result<Envelope<D>, Error> {
        let plan = CallPlan::new(VENDOR, request.action, request.kind, &self.retry);
        let rejections = AtomicU32::new(0);
        drive(plan, |attempt| self.attempt(request, &rejections, attempt)).await
    }

    /// `POST /authenticate`: a call of its own, a read (it changes nothing at the vendor).
    pub(crate) async fn authenticate(&self) -> Result<Token, Error> {
        let plan = CallPlan::new(VENDOR, AUTHENTICATE, CallKind::Read, &self.retry);
        drive(plan, |_| self.authenticate_once()).await
    }

    async fn authenticate_once(&self) -> Result<Token, Failure<Error>> {
        let reply = self
            .exchange(AUTHENTICATE, &self.auth_url, &self.auth_payload, None)
            .await?;
        let envelope = wire::decode(&self.redactor, AUTHENTICATE, reply.status, &reply.body)
            .map_err(|error| classified(error, reply.retry_after))?;
        if envelope.is_failure() {
            let redactor = envelope.redactor(&self.redactor);
            let error = Error::Auth {
                message: envelope.redacted_message(&redactor),
                code: envelope.msg_code,
            };
            // The same credentials would be refused again.
            return Err(Failure::permanent(error));
        }
        self.pool.note_authentication();
        let token = envelope.token.as_ref().and_then(|t| Token::new(t.expose()));
        token.ok_or_else(|| {
            Failure::permanent(Error::Decode {
                operation: AUTHENTICATE.to_owned(),
                status: reply.status,
                message: Redacted::fixed("the success answer carries no usable token"),
                // The body would hold the token if there were one; keep none of it.
                body: Redacted::default(),
            })
        })
    }

    /// The token for one attempt: after a refusal always a brand-new one.
    async fn token(&self, attempt: Attempt) -> Result<Token, Error> {
        if !attempt.renew_credentials
            && let Some(token) = self.pool.take()
        {
            return Ok(token);
        }
        // Boxed: `/authenticate` is a whole call of its own, whose state would otherwise
        // make every call's future several times larger.
        Box::pin(self.authenticate()).await
    }

    async fn attempt<D: DeserializeOwned>(
        &self,
        request: &Request<'_>,
        rejections: &AtomicU32,
        attempt: Attempt,
    ) -> Result<Envelope<D>, Failure<Error>> {
        // `/authenticate` has its own call and its own retries; if it failed, so does this.
        let token = self.token(attempt).await.map_err(Failure::permanent)?;
        let reply = self
            .exchange(request.action, &request.url, &request.payload, Some(&token))
            .await?;
        // The usual answer, a plain success, is read in one pass with `data` straight into
        // `D`; anything else is read whole, keeping `data`'s text for what it shows.
        if let Some(envelope) = wire::read_success::<D>(&reply.body, reply.status) {
            self.keep_next_token(envelope.token.as_ref());
            return Ok(envelope);
        }
        self.read_whole(request, rejections, &token, &reply)
            .map_err(|failure| *failure)?
            .typed(|| self.call_redactor(&token, request), request.action)
            .map_err(Failure::permanent)
    }

    /// Masks what the client holds, the attempt's token and the request's secret fields:
    /// built only when something failed, so the success path copies no secrets.
    fn call_redactor(&self, token: &Token, request: &Request<'_>) -> Redactor {
        let mut redactor = self.redactor.with(token.secret());
        for secret in &request.secrets {
            redactor.add_secret(secret);
        }
        redactor
    }

    /// The next token of the chain, when the answer carries a usable one, goes to the pool.
    fn keep_next_token(&self, next: Option<&Secret>) {
        if let Some(next) = next.and_then(|t| Token::new(t.expose())) {
            self.pool.put(next);
        }
    }

    /// An answer that is not a plain success read in one pass, read whole: the success
    /// envelope it is after all (its `data` did not fit), or the failure it says (boxed: it
    /// is the rare path, and keeps the success value small).
    fn read_whole(
        &self,
        request: &Request<'_>,
        rejections: &AtomicU32,
        token: &Token,
        reply: &Reply,
    ) -> Result<Envelope, Box<Failure<Error>>> {
        let redactor = || self.call_redactor(token, request);
        // Decoded first with the client's own secrets only. A body that does not decode, or
        // whose unknown `msg_code` had to be masked, is decoded once more with the call's
        // secrets added, so what it shows masks them too.
        let envelope = match wire::decode(&self.redactor, request.action, reply.status, &reply.body)
        {
            Ok(envelope) if !envelope.msg_code.is_unknown() => envelope,
            _ => match wire::decode(&redactor(), request.action, reply.status, &reply.body) {
                Ok(envelope) => envelope,
                // A bare HTTP 401 (a proxy's or the framework's "Unauthorized", no envelope)
                // refuses the token before the vendor acted, as RESTAPI001 "Invalid Token"
                // does, and is answered the same way.
                Err(error) if reply.status == 401 => {
                    let message = redactor().excerpt(&reply.body);
                    let code = MsgCode::from(HTTP_401);
                    return Err(Box::new(self.token_refused(
                        rejections,
                        request.action,
                        error,
                        code,
                        message,
                    )));
                }
                Err(error) => return Err(Box::new(classified(error, reply.retry_after))),
            },
        };
        if rejects_token(&envelope) {
            // The vendor refused the call before acting on it. Its answer may carry a
            // token, but the chain it belongs to is in doubt: it is dropped.
            let redactor = envelope.redactor(&redactor());
            let message = envelope.redacted_message(&redactor);
            let code = envelope.msg_code.clone();
            let first = envelope.vendor_error(&redactor, request.action);
            return Err(Box::new(self.token_refused(
                rejections,
                request.action,
                first,
                code,
                message,
            )));
        }
        self.keep_next_token(envelope.token.as_ref());
        if envelope.is_failure() {
            let error = if request.creates_customer {
                envelope.create_error(&redactor(), request.action)
            } else {
                envelope.vendor_error(&redactor(), request.action)
            };
            return Err(Box::new(classified(error, reply.retry_after)));
        }
        Ok(envelope)
    }

    /// A refused token, counted: the first refusal of a call is [`FailureClass::Refused`]
    /// (`first` is its error), so the driver sends once more with a brand-new token; the
    /// second is [`Error::TokenRejected`] with `code` and `message`.
    fn token_refused(
        &self,
        rejections: &AtomicU32,
        operation: &str,
        first: Error,
        code: MsgCode,
        message: Redacted,
    ) -> Failure<Error> {
        self.pool.note_rejection();
        if rejections.fetch_add(1, Ordering::Relaxed) == 0 {
            Failure::new(first, FailureClass::Refused)
        } else {
            Failure::permanent(Error::TokenRejected {
                operation: operation.to_owned(),
                message,
                code,
            })
        }
    }

    /// One HTTP exchange: `POST url` with a JSON body and, for API calls, the token, which
    /// is consumed here (whatever happens, it is never sent again).
    async fn exchange(
        &self,
        operation: &str,
        url: &reqwest::Url,
        payload: &bytes::Bytes,
        token: Option<&Token>,
    ) -> Result<Reply, Failure<Error>> {
        let mut builder = self
            .http
            .post(url.clone())
            .header(CONTENT_TYPE, "application/json")
            .body(payload.clone());
        if let Some(token) = token {
            builder = builder.header("token", token_header(token).map_err(Failure::permanent)?);
        }
        let started = Instant::now();
        let limit = self.timeouts.request;
        // One limit for the whole exchange, headers and body (reqwest's per-request timeout
        // would box a timer and wrap the body in it).
        self.timer
            .limit(limit, send(builder, self.max_body_bytes))
            .await
            .map_err(|_| classified(Error::timeout(operation, limit), None))?
            .map_err(|e| transport_failure(operation, started.elapsed(), e))?
            .map_err(|(status, too_large)| {
                // An answer came, too long to keep: the same one would come again.
                Failure::permanent(Error::Decode {
                    operation: operation.to_owned(),
                    status,
                    message: self.redactor.message(&too_large.to_string()),
                    body: Redacted::default(),
                })
            })
    }
}

/// Sends the request and reads the whole body, or the status of an answer whose body is
/// longer than `max_body_bytes`.
async fn send(
    builder: reqwest::RequestBuilder,
    max_body_bytes: usize,
) -> Result<Result<Reply, (u16, BodyTooLarge)>, reqwest::Error> {
    let response = builder.send().await?;
    let status = response.status().as_u16();
    record_status(status);
    let retry_after = response
        .headers()
        .get(RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(RetryAfter::parse);
    Ok(telecom_core::read_body!(response, max_body_bytes)
        .map(|body| Reply {
            status,
            retry_after,
            body,
        })
        .map_err(|too_large| (status, too_large)))
}

/// An error the vendor's answer led to, classed as [`Error::class`] says.
/// The vendor's `Retry-After` goes with it whatever the class, as in the other clients: the
/// driver reads it only when it resends (a 429, or a 503 to a read).
fn classified(error: Error, retry_after: Option<RetryAfter>) -> Failure<Error> {
    let class = error.class();
    Failure::new(error, class).with_retry_after(retry_after)
}

/// A failure before a whole answer arrived. Only a connect failure proves nothing reached
/// the vendor; a timeout, a reset or a truncated body may hide a request it acted on.
fn transport_failure(operation: &str, elapsed: Duration, source: reqwest::Error) -> Failure<Error> {
    // A connect timeout stays a connect failure: nothing was sent.
    let error = if source.is_timeout() && !source.is_connect() {
        Error::timeout(operation, elapsed)
    } else {
        Error::Transport {
            operation: operation.to_owned(),
            connect: source.is_connect(),
            source,
        }
    };
    let class = error.class();
    Failure::new(error, class)
}

fn token_header(token: &Token) -> Result<HeaderValue, Error> {
    let mut header = HeaderValue::from_str(token.expose())
        // Token::new admits only visible ASCII, always a valid header value; the reason never
        // repeats the token.
        .map_err(|_| Error::invalid("token", "the vendor's token cannot be sent as a header"))?;
    header.set_sensitive(true);
    Ok(header)
}
