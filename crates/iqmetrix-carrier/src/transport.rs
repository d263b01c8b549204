//! The one send path: every request of the crate, token requests included, is sent here,
//! one attempt at a time, on [`telecom_core::call::drive`].
//!
//! An attempt takes the bearer (renewed first when the last one was refused), sends with the
//! per-attempt timeout, and classifies what happened for the driver: a connect failure is
//! [`FailureClass::NotConnected`]; a timeout, any other transport failure or a truncated body
//! is [`FailureClass::Transient`]; a status goes through [`FailureClass::from_status`], with
//! the wait of a 429 taken from `Retry-After` or iQmetrix's `X-RateLimit-*` headers; a 401
//! with a token the provider can renew is [`FailureClass::Refused`]. The driver alone decides
//! whether to send again.

use std::future::Future;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use bytes::Bytes;
use reqwest::Method;
use reqwest::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE, HeaderMap, HeaderValue, RETRY_AFTER};
use telecom_core::body::BodyTooLarge;
use telecom_core::call::{Attempt, AttemptTimer, CallPlan, drive, record_status};
use telecom_core::{
    CallKind, Failure, FailureClass, Redacted, Redactor, RetryAfter, RetryPolicy, Timeouts,
};

use crate::error::{Error, RateLimit, Result};
use crate::wire;

/// The `vendor` of every call span.
pub(crate) const VENDOR: &str = "iqmetrix";

/// An operation as `ops/` states it once: its name in spans and errors, and how it may be
/// resent.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Operation {
    pub(crate) name: &'static str,
    pub(crate) kind: CallKind,
}

impl Operation {
    pub(crate) const fn new(name: &'static str, kind: CallKind) -> Operation {
        Operation { name, kind }
    }
}

/// Builds the error of an answer that is not a success from its status, headers and body.
pub(crate) type ErrorDecoder = fn(&Redactor, &'static str, u16, &HeaderMap, &[u8]) -> Error;

/// One request, encoded once for all its attempts.
pub(crate) struct Request {
    pub(crate) operation: Operation,
    pub(crate) method: Method,
    pub(crate) url: reqwest::Url,
    pub(crate) accept: &'static str,
    /// The content type and the bytes.
    pub(crate) body: Option<(&'static str, Bytes)>,
    /// Masks every secret the client holds and this call sends, but the bearer, which each
    /// attempt adds.
    pub(crate) redactor: Redactor,
    pub(crate) on_error: ErrorDecoder,
}

/// A success answer, and the redactor of the attempt that got it, for decoding the body.
pub(crate) struct Answer {
    pub(crate) status: u16,
    pub(crate) body: Bytes,
    pub(crate) redactor: Redactor,
}

/// Where the bearer of a call comes from: the token provider in `auth.rs`.
pub(crate) trait Bearer: Sync {
    type Token: Send + Sync;

    /// The `Authorization` header to send, when the access token can be sent in one.
    fn authorization(token: &Self::Token) -> Option<&HeaderValue>;

    /// `redactor` extended with every secret of `token`.
    fn mask(token: &Self::Token, redactor: &Redactor) -> Redactor;

    /// True when a refused token can be replaced.
    fn can_renew(&self) -> bool;

    /// The token held, when it is fresh enough to send: the usual case, with nothing to
    /// wait for.
    fn fresh(&self) -> Option<Arc<Self::Token>>;

    /// A token fresh enough to send, fetched when the one held is not.
    fn current(&self, http: &Http) -> impl Future<Output = Result<Arc<Self::Token>>> + Send;

    /// A token that replaces `rejected`, which the server refused.
    fn renew(
        &self,
        http: &Http,
        rejected: &Arc<Self::Token>,
    ) -> impl Future<Output = Result<Arc<Self::Token>>> + Send;
}

/// The bearer of a request sent without one (a token request).
pub(crate) enum Anonymous {}

impl Bearer for Anonymous {
    type Token = Anonymous;

    fn authorization(token: &Anonymous) -> Option<&HeaderValue> {
        match *token {}
    }

    fn mask(token: &Anonymous, _: &Redactor) -> Redactor {
        match *token {}
    }

    fn can_renew(&self) -> bool {
        match *self {}
    }

    fn fresh(&self) -> Option<Arc<Anonymous>> {
        match *self {}
    }

    async fn current(&self, _: &Http) -> Result<Arc<Anonymous>> {
        match *self {}
    }

    async fn renew(&self, _: &Http, _: &Arc<Anonymous>) -> Result<Arc<Anonymous>> {
        match *self {}
    }
}

/// The HTTP side shared by the token provider and the API calls.
#[derive(Debug)]
pub(crate) struct Http {
    pub(crate) client: reqwest::Client,
    pub(crate) retry: RetryPolicy,
    pub(crate) timeouts: Timeouts,
    pub(crate) timer: AttemptTimer,
    /// Masks every secret the client holds: password, client secret, a static bearer.
    pub(crate) redactor: Redactor,
    /// The longest answer body read ([`telecom_core::body`]).
    pub(crate) max_body_bytes: usize,
}

impl Http {
    /// Sends `request` with the bearer of `auth`; a success answer is returned, anything
    /// else becomes the request's error.
    pub(crate) async fn send<B: Bearer>(&self, request: &Request, auth: &B) -> Result<Answer> {
        self.run(request, Some(auth)).await
    }

    /// Sends `request` without a bearer.
    pub(crate) async fn send_anonymous(&self, request: &Request) -> Result<Answer> {
        self.run::<Anonymous>(request, None).await
    }

    async fn run<B: Bearer>(&self, request: &Request, auth: Option<&B>) -> Result<Answer> {
        let operation = request.operation;
        let plan = CallPlan::new(VENDOR, operation.name, operation.kind, &self.retry);
        // The token the last attempt sent: the one a renewal replaces.
        let sent: Mutex<Option<Arc<B::Token>>> = Mutex::new(None);
        drive(plan, |attempt| self.attempt(request, auth, &sent, attempt)).await
    }

    async fn attempt<B: Bearer>(
        &self,
        request: &Request,
        auth: Option<&B>,
        sent: &Mutex<Option<Arc<B::Token>>>,
        attempt: Attempt,
    ) -> Result<Answer, Failure<Error>> {
        let operation = request.operation.name;
        let mut builder = self
            .client
            .request(request.method.clone(), request.url.clone())
            .header(ACCEPT, request.accept);
        if let Some((content_type, body)) = &request.body {
            builder = builder
                .header(CONTENT_TYPE, *content_type)
                .body(body.clone());
        }
        let mut redactor = request.redactor.clone();
        if let Some(source) = auth {
            let previous = sent.lock().unwrap_or_else(PoisonError::into_inner).take();
            // A token request has its own call and its own retries; if it failed, this call
            // ends with its error.
            // A fetch is boxed: it is rare, and its state (a whole token call) would
            // otherwise make every call's future several times larger.
            let token = match (previous, source.fresh()) {
                (Some(rejected), _) if attempt.renew_credentials => {
                    Box::pin(source.renew(self, &rejected)).await
                }
                (_, Some(fresh)) => Ok(fresh),
                _ => Box::pin(source.current(self)).await,
            }
            .map_err(Failure::permanent)?;
            redactor = B::mask(&token, &redactor);
            let authorization = B::authorization(&token).cloned().ok_or_else(|| {
                // The reason never repeats the token.
                Failure::permanent(Error::invalid(
                    "access_token",
                    "contains characters not allowed in a header",
                ))
            })?;
            builder = builder.header(AUTHORIZATION, authorization);
            *sent.lock().unwrap_or_else(PoisonError::into_inner) = Some(token);
        }
        let started = Instant::now();
        let limit = self.timeouts.request;
        // One limit for the whole exchange, headers and body (reqwest's per-request timeout
        // would box a timer and wrap the body in it).
        let (status, headers, body) = self
            .timer
            .limit(limit, exchange(builder, self.max_body_bytes))
            .await
            .map_err(|_| Failure::new(Error::timeout(operation, limit), FailureClass::Transient))?
            .map_err(|e| transport_failure(operation, started.elapsed(), e))?
            .map_err(|too_large| {
                // An answer came, too long to keep: the same one would come again.
                let reason = redactor.message(&too_large.to_string());
                Failure::permanent(Error::decode(operation, reason, Redacted::default()))
            })?;
        let Some(headers) = headers else {
            return Ok(Answer {
                status,
                body,
                redactor,
            });
        };
        if status == 401
            && let Some(source) = auth
        {
            let error = Error::Unauthorized {
                operation,
                reauthenticated: attempt.renew_credentials,
                body: wire::excerpt(&redactor, &body),
            };
            let class = if source.can_renew() && !attempt.renew_credentials {
                FailureClass::Refused
            } else {
                FailureClass::Permanent
            };
            return Err(Failure::new(error, class));
        }
        let error = (request.on_error)(&redactor, operation, status, &headers, &body);
        Err(Failure::new(error, FailureClass::from_status(status))
            .with_retry_after(retry_after(&headers, status)))
    }
}

/// Sends the request and reads the whole body, unless it is longer than `max_body_bytes`;
/// the headers are kept only for an answer that is not a success, the one that needs them
/// (rate limits, waits).
async fn exchange(
    builder: reqwest::RequestBuilder,
    max_body_bytes: usize,
) -> Result<Result<(u16, Option<HeaderMap>, Bytes), BodyTooLarge>, reqwest::Error> {
    let response = builder.send().await?;
    let status = response.status().as_u16();
    record_status(status);
    let headers = (!response.status().is_success()).then(|| response.headers().clone());
    Ok(telecom_core::read_body!(response, max_body_bytes).map(|body| (status, headers, body)))
}

/// A failure before a whole answer arrived. Only a connect failure proves nothing reached
/// the server; a timeout, a reset or a truncated body may hide a request it acted on.
fn transport_failure(
    operation: &'static str,
    elapsed: Duration,
    source: reqwest::Error,
) -> Failure<Error> {
    let class = if source.is_connect() {
        FailureClass::NotConnected
    } else {
        FailureClass::Transient
    };
    Failure::new(Error::from_reqwest(operation, elapsed, source), class)
}

/// The wait the server asked for: `Retry-After`, else (on a 429) the `X-RateLimit-*`
/// headers, since iQmetrix documents no `Retry-After`.
fn retry_after(headers: &HeaderMap, status: u16) -> Option<RetryAfter> {
    let header = headers
        .get(RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(RetryAfter::parse);
    if header.is_some() || status != 429 {
        return header;
    }
    RateLimit::from_headers(headers)
        .wait()
        .map(RetryAfter::Delay)
}
