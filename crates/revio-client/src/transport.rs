//! The one send path every call goes through, on `telecom_core::call::drive`: the
//! authentication of each attempt (credentials, or the client's session, renewed once after
//! `S2004`), the envelope encoded once per authentication, the HTTP exchange, the classifier,
//! and the decoding of the answer, once, inside the attempt that received it.

use std::sync::{Arc, Mutex, OnceLock, PoisonError};
use std::time::Instant;

use bytes::Bytes;
use serde::Serialize;
use serde::de::DeserializeOwned;
use telecom_core::body::BodyTooLarge;
use telecom_core::call::{Attempt, CallPlan, drive, record_status};
use telecom_core::{CallKind, Failure, FailureClass, Redactor, RetryAfter, Secret};

use crate::auth::{AuthChoice, AuthMode};
use crate::client::Client;
use crate::error::{Error, ErrorCode};
use crate::models::common::RawXml;
use crate::models::{Header, Response};
use crate::wire::{self, AuthBlock, Body, Fault};

/// The vendor name on the call span.
const VENDOR: &str = "revio";

/// One call's request as its attempts send it: encoded once for the authentication it
/// carries, and again only after a refused session was renewed.
struct Prepared {
    body: Bytes,
    /// The generation of the client's own session key the body carries: the only key the
    /// send path renews when the server refuses it.
    session: Option<u64>,
    /// What this request sends beyond the credentials: the session key, secret fields.
    secrets: Vec<Secret>,
    /// The client's redactor with `secrets` added, built the first time an error needs it,
    /// so a call that succeeds pays nothing for it.
    redactor: OnceLock<Redactor>,
}

impl Prepared {
    fn redactor(&self, base: &Redactor) -> &Redactor {
        self.redactor.get_or_init(|| {
            let mut redactor = base.clone();
            for secret in &self.secrets {
                wire::register_secret(&mut redactor, secret);
            }
            redactor
        })
    }
}

/// A failed attempt as the driver sees it; the class comes from [`Error::class`], so
/// `Error::is_retryable` always agrees with what the send path did.
fn failure(error: Error) -> Failure<Error> {
    let class = error.class();
    Failure::new(error, class)
}

impl Client {
    /// Runs one operation: every attempt, the resend rule and the backoff are the driver's;
    /// this supplies the attempt.
    pub(crate) async fn execute<I, O>(
        &self,
        operation: &str,
        input: &I,
        kind: CallKind,
        choice: AuthChoice,
    ) -> Result<Response<O>, Error>
    where
        I: Serialize + ?Sized,
        O: DeserializeOwned,
    {
        let action = wire::soap_action(operation);
        let prepared: Mutex<Option<Arc<Prepared>>> = Mutex::new(None);
        let plan = CallPlan::new(VENDOR, operation, kind, &self.inner.retry);
        drive(plan, |attempt: Attempt| {
            let (prepared, action, choice) = (&prepared, action.as_str(), &choice);
            async move {
                let call = self
                    .prepare(prepared, attempt, operation, input, choice)
                    .await?;
                let body = self.post(operation, action, &call).await?;
                read_answer(operation, &body, || call.redactor(&self.inner.redactor))
                    .map_err(|error| Self::answer_failure(&call, error))
            }
        })
        .await
    }

    /// The request for this attempt: the one already encoded, or (on the first attempt, and
    /// after the server refused the client's session key) a new one, with the refused key
    /// forgotten and a fresh session created first.
    async fn prepare<I: Serialize + ?Sized>(
        &self,
        slot: &Mutex<Option<Arc<Prepared>>>,
        attempt: Attempt,
        operation: &str,
        input: &I,
        choice: &AuthChoice,
    ) -> Result<Arc<Prepared>, Failure<Error>> {
        let previous = slot.lock().unwrap_or_else(PoisonError::into_inner).clone();
        if let Some(previous) = previous {
            if !attempt.renew_credentials {
                return Ok(previous);
            }
            if let Some(generation) = previous.session {
                // Only if it is still the refused key: tasks refused together renew once.
                self.inner.session.forget(generation).await;
            }
        }
        let (key, session) = match choice {
            AuthChoice::Credentials => (None, None),
            AuthChoice::Session(key) => (Some(key.clone()), None),
            AuthChoice::Client => match self.inner.mode {
                AuthMode::Credentials => (None, None),
                AuthMode::Session => {
                    // Sessions_Create already had its own attempts: its failure ends this call.
                    let (key, generation) = self.session_key().await.map_err(Failure::permanent)?;
                    (Some(key), Some(generation))
                }
            },
        };
        let block = match &key {
            Some(key) => AuthBlock::Session(key),
            None => self.inner.credentials.block(),
        };
        let encoded = wire::envelope(operation, &block, self.inner.debug, input)
            .map_err(|e| Failure::permanent(Error::invalid("Request", e.0)))?;
        let mut secrets = encoded.secrets;
        secrets.extend(key);
        let prepared = Arc::new(Prepared {
            body: Bytes::from(encoded.body),
            session,
            secrets,
            redactor: OnceLock::new(),
        });
        *slot.lock().unwrap_or_else(PoisonError::into_inner) = Some(Arc::clone(&prepared));
        Ok(prepared)
    }

    /// The client's session key, from a `Sessions_Create` when there is none. That call
    /// runs through this same path, with credentials.
    async fn session_key(&self) -> Result<(Secret, u64), Error> {
        self.inner
            .session
            .get_or_create(|| async {
                // Boxed: the create is a call of this path inside a call of this path.
                let created = Box::pin(self.sessions_create()).await?;
                created
                    .result
                    .session_key
                    .clone()
                    .or_else(|| created.header.session_key.clone())
                    .ok_or_else(|| {
                        Error::decode(
                            &self.inner.redactor,
                            "Sessions_Create",
                            200,
                            "the response has no SessionKey",
                            created.raw_xml().as_bytes(),
                        )
                    })
            })
            .await
    }

    /// One HTTP exchange. A 200 body is handed on whole; anything else is classified here.
    async fn post(
        &self,
        operation: &str,
        action: &str,
        call: &Prepared,
    ) -> Result<Bytes, Failure<Error>> {
        let inner = &self.inner;
        let request = inner
            .http
            .post(inner.endpoint.clone())
            .header(reqwest::header::CONTENT_TYPE, "text/xml; charset=utf-8")
            .header("SOAPAction", action)
            .body(call.body.clone());
        let started = Instant::now();
        let limit = inner.timeouts.request;
        // One limit for the whole exchange, headers and body (reqwest's per-request timeout
        // would box a timer and wrap the body in it).
        let (status, retry_after, bytes) = inner
            .timer
            .limit(limit, exchange(request, inner.max_body_bytes))
            .await
            .map_err(|_| failure(Error::timeout(operation, limit)))?
            .map_err(|e| failure(Error::from_reqwest(operation, started.elapsed(), e)))?
            .map_err(|(status, too_large)| {
                // An answer came, too long to keep: the same one would come again.
                let reason = too_large.to_string();
                failure(Error::decode(
                    &inner.redactor,
                    operation,
                    status,
                    &reason,
                    b"",
                ))
            })?;
        if status == 200 {
            return Ok(bytes);
        }
        let redactor = call.redactor(&inner.redactor);
        let error = status_error(redactor, operation, status, &bytes, retry_after);
        Err(failure(error).with_retry_after(retry_after))
    }

    /// The failure a 200 answer's error is to the driver. The server refused the client's
    /// own session key before doing anything, so the driver's one resend with a fresh
    /// session is safe even for writes; a key the caller gave is not ours to renew.
    fn answer_failure(call: &Prepared, error: Error) -> Failure<Error> {
        match error {
            Error::Auth {
                code: Some(ErrorCode::InvalidSessionKey),
                ..
            } if call.session.is_some() => Failure::new(error, FailureClass::Refused),
            error => failure(error),
        }
    }
}

/// Sends the request and reads the whole body, with the status and the wait the server asked
/// for.
async fn exchange(
    request: reqwest::RequestBuilder,
    max_body_bytes: usize,
) -> Result<Result<(u16, Option<RetryAfter>, Bytes), (u16, BodyTooLarge)>, reqwest::Error> {
    let response = request.send().await?;
    let status = response.status().as_u16();
    record_status(status);
    let retry_after = response
        .headers()
        .get(reqwest::header::RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(RetryAfter::parse);
    Ok(telecom_core::read_body!(response, max_body_bytes)
        .map(|body| (status, retry_after, body))
        .map_err(|too_large| (status, too_large)))
}

/// The error of an answer other than 200: the SOAP fault it holds, else the status with a
/// masked excerpt of the body.
pub(crate) fn status_error(
    redactor: &Redactor,
    operation: &str,
    status: u16,
    body: &[u8],
    retry_after: Option<RetryAfter>,
) -> Error {
    let text = String::from_utf8_lossy(body);
    match wire::read_body(&text, operation) {
        Ok(Body::Fault(fault)) => fault_error(redactor, operation, status, &fault),
        _ => Error::HttpStatus {
            operation: operation.to_owned(),
            status,
            excerpt: crate::error::excerpt(redactor, body),
            retry_after,
        },
    }
}

fn fault_error(redactor: &Redactor, operation: &str, status: u16, fault: &Fault) -> Error {
    Error::Fault {
        operation: operation.to_owned(),
        status,
        code: redactor.message(&fault.code),
        message: redactor.message(&fault.message),
    }
}

/// Decodes a 200 answer, once (names and text are borrowed from `bytes`): the typed result
/// with its header, or the fault, the undecodable body, or the failure the header reports.
/// `redactor` is asked for only when an error needs one, so a success pays nothing for it.
pub(crate) fn read_answer<'r, O: DeserializeOwned>(
    operation: &str,
    body: &Bytes,
    redactor: impl Fn() -> &'r Redactor,
) -> Result<Response<O>, Error> {
    let bytes: &[u8] = body;
    let decode_error = |reason: &str| Error::decode(redactor(), operation, 200, reason, bytes);
    // Answers are valid UTF-8, and the strict check is much faster than the lossy one.
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(bytes),
    };
    let (doc, result, raw) =
        match wire::read_body(&text, operation).map_err(|e| decode_error(&e))? {
            Body::Fault(fault) => return Err(fault_error(redactor(), operation, 200, &fault)),
            Body::Result { doc, result, raw } => (doc, result, raw),
        };
    let result = doc.element(result);
    let header = match result.child("Header") {
        Some(header) => wire::from_element::<Header>(header, &[])
            .map_err(|e| decode_error(&format!("Header: {}", e.0)))?,
        None => Header::default(),
    };
    if header.is_failure() {
        return Err(Error::from_header(operation, &header, redactor()));
    }
    let typed =
        wire::from_element::<O>(result, &["Header", "Debug"]).map_err(|e| decode_error(&e.0))?;
    let debug_echo = wire::debug_echo(&text, result);
    let raw = match &text {
        // `raw` is a slice of `text`, which is `body` itself: share it rather than copy.
        std::borrow::Cow::Borrowed(whole) => match wire::tree::offset_in(whole, raw.as_bytes()) {
            Some(start) => RawXml::Shared(body.slice(start..start + raw.len())),
            None => RawXml::Text(raw.to_owned()),
        },
        std::borrow::Cow::Owned(_) => RawXml::Text(raw.to_owned()),
    };
    Ok(Response::new(header, typed, debug_echo, raw))
}
