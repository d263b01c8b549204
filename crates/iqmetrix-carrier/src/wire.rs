//! The codec and the request loop: JSON in and out, bearer auth, retries, error mapping and
//! the tracing span of every call.

use std::time::Instant;

use bytes::Bytes;
use reqwest::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE, HeaderMap, HeaderValue};
use reqwest::{Method, RequestBuilder};
use serde::de::DeserializeOwned;
use telecom_core::text::excerpt;
use telecom_core::{RetryAfter, RetryPolicy, Secret, Timeouts};
use tracing::Instrument;
use tracing::field::Empty;

use crate::auth::TokenProvider;
use crate::client::Client;
use crate::error::{
    BODY_EXCERPT_CHARS, Error, RateLimit, Result, body_excerpt, body_message, classify_400, redact,
};

pub(crate) const JSON: &str = "application/json";
pub(crate) const HAL_JSON: &str = "application/hal+json";

/// Whether a request may be sent again once it may have reached the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Idempotency {
    /// GET, and PUT (idempotent by key): transient failures are retried.
    Idempotent,
    /// POST: only failures that prove nothing was received (connect errors, 429) are retried.
    ConnectOnly,
}

/// An answer as received.
#[derive(Debug)]
pub(crate) struct RawResponse {
    pub(crate) status: u16,
    pub(crate) headers: HeaderMap,
    pub(crate) body: Bytes,
}

/// The HTTP side shared by the token provider and the API calls.
#[derive(Debug)]
pub(crate) struct Http {
    pub(crate) client: reqwest::Client,
    pub(crate) retry: RetryPolicy,
    pub(crate) timeouts: Timeouts,
}

/// One API request, before auth.
pub(crate) struct Call {
    pub(crate) operation: &'static str,
    pub(crate) method: Method,
    /// Relative to the carrier-services base, already percent-encoded, query included.
    pub(crate) path: String,
    pub(crate) body: Option<Vec<u8>>,
    pub(crate) accept: &'static str,
    pub(crate) idempotency: Idempotency,
}

impl Call {
    pub(crate) fn get(operation: &'static str, path: String) -> Call {
        Call {
            operation,
            method: Method::GET,
            path,
            body: None,
            accept: JSON,
            idempotency: Idempotency::Idempotent,
        }
    }

    pub(crate) fn with_json<T: serde::Serialize + ?Sized>(mut self, body: &T) -> Result<Call> {
        let bytes = serde_json::to_vec(body).map_err(|e| Error::invalid("body", e.to_string()))?;
        self.body = Some(bytes);
        Ok(self)
    }
}

fn bearer_header(token: &Secret) -> Result<HeaderValue> {
    let mut value = HeaderValue::from_str(&format!("Bearer {}", token.expose()))
        // The reason never repeats the token.
        .map_err(|_| {
            Error::invalid(
                "access_token",
                "contains characters not allowed in a header",
            )
        })?;
    value.set_sensitive(true);
    Ok(value)
}

fn retry_after(headers: &HeaderMap, status: u16) -> Option<RetryAfter> {
    let header = headers
        .get(reqwest::header::RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(RetryAfter::parse);
    if header.is_some() || status != 429 {
        return header;
    }
    // iQmetrix documents no Retry-After, only its X-RateLimit-* headers.
    RateLimit::from_headers(headers)
        .wait()
        .map(RetryAfter::Delay)
}

fn retryable_status(status: u16, idempotency: Idempotency) -> bool {
    // A 429 was refused before any processing, so even a POST may be resent.
    status == 429
        || (idempotency == Idempotency::Idempotent && matches!(status, 500 | 502 | 503 | 504))
}

impl Http {
    async fn once(
        &self,
        request: RequestBuilder,
    ) -> std::result::Result<RawResponse, reqwest::Error> {
        let response = request.timeout(self.timeouts.request).send().await?;
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let body = response.bytes().await?;
        Ok(RawResponse {
            status,
            headers,
            body,
        })
    }

    /// Sends with retries. With `auth`, a 401 leads to one re-authentication and one more
    /// try, then [`Error::Unauthorized`]; the answer returned is otherwise as received.
    async fn run(
        &self,
        operation: &'static str,
        idempotency: Idempotency,
        auth: Option<&TokenProvider>,
        make: impl Fn(Option<HeaderValue>) -> RequestBuilder,
    ) -> Result<RawResponse> {
        let span = tracing::info_span!(
            "iqmetrix.call",
            vendor = "iqmetrix",
            operation,
            attempt = Empty,
            status = Empty,
            elapsed_ms = Empty,
        );
        let started = Instant::now();
        let result = async {
            let mut token = match auth {
                Some(provider) => Some(provider.token(self).await?),
                None => None,
            };
            let mut attempt: u32 = 0;
            let mut reauthenticated = false;
            loop {
                attempt += 1;
                tracing::Span::current().record("attempt", attempt);
                let header = token
                    .as_ref()
                    .map(|t| bearer_header(&t.access))
                    .transpose()?;
                match self.once(make(header)).await {
                    Ok(response) => {
                        tracing::Span::current().record("status", response.status);
                        if response.status == 401
                            && let (Some(provider), Some(rejected)) = (auth, token.as_ref())
                        {
                            if reauthenticated || !provider.can_reauthenticate() {
                                return Err(Error::Unauthorized {
                                    operation,
                                    reauthenticated,
                                    body: body_excerpt(&response.body),
                                });
                            }
                            tracing::info!("token refused (401); re-authenticating once");
                            reauthenticated = true;
                            token = Some(provider.reauthenticate(self, rejected).await?);
                            continue;
                        }
                        if retryable_status(response.status, idempotency) {
                            let wait = retry_after(&response.headers, response.status);
                            if let Some(delay) = self.retry.next_delay(attempt, wait.as_ref()) {
                                let delay_ms = u64::try_from(delay.as_millis()).unwrap_or(u64::MAX);
                                tracing::info!(status = response.status, delay_ms, "retrying");
                                tokio::time::sleep(delay).await;
                                continue;
                            }
                        }
                        return Ok(response);
                    }
                    Err(source) => {
                        // A connect failure proves nothing was sent; anything later may have
                        // reached the server, so only idempotent calls go again.
                        let may_retry =
                            source.is_connect() || idempotency == Idempotency::Idempotent;
                        let error = Error::from_reqwest(operation, source);
                        if may_retry && let Some(delay) = self.retry.next_delay(attempt, None) {
                            let delay_ms = u64::try_from(delay.as_millis()).unwrap_or(u64::MAX);
                            tracing::info!(error = %error, delay_ms, "retrying");
                            tokio::time::sleep(delay).await;
                            continue;
                        }
                        return Err(error);
                    }
                }
            }
        }
        .instrument(span.clone())
        .await;
        let elapsed = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
        span.record("elapsed_ms", elapsed);
        span.in_scope(|| match &result {
            Ok(r) => tracing::debug!(status = r.status, elapsed_ms = elapsed, "call finished"),
            Err(e) => tracing::warn!(error = %e, elapsed_ms = elapsed, "call failed"),
        });
        result
    }

    pub(crate) async fn send_token_request(
        &self,
        url: &str,
        form: String,
        grant: &str,
        idempotency: Idempotency,
    ) -> Result<RawResponse> {
        let operation = if grant == "refresh_token" {
            "token_refresh"
        } else {
            "token"
        };
        self.run(operation, idempotency, None, |_| {
            self.client
                .post(url)
                .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
                .header(ACCEPT, JSON)
                .body(form.clone())
        })
        .await
    }
}

/// The error for an answer that is not a success.
pub(crate) fn status_error(operation: &'static str, response: &RawResponse) -> Error {
    let status = response.status;
    let redacted = redact(&response.body);
    let body = excerpt(redacted.as_bytes(), BODY_EXCERPT_CHARS);
    match status {
        400 => {
            let message = body_message(redacted.as_bytes()).unwrap_or_else(|| body.clone());
            let (code, subject) = classify_400(&message);
            Error::Vendor {
                operation,
                status,
                code,
                message,
                subject,
            }
        }
        401 => Error::Unauthorized {
            operation,
            reauthenticated: false,
            body,
        },
        429 => Error::RateLimited {
            operation,
            rate_limit: RateLimit::from_headers(&response.headers),
            body,
        },
        403 => Error::Forbidden {
            operation,
            message: body_message(redacted.as_bytes()),
            body,
        },
        404 => Error::NotFound {
            operation,
            message: body_message(redacted.as_bytes()),
            body,
        },
        409 => Error::Conflict {
            operation,
            message: body_message(redacted.as_bytes()),
            body,
        },
        500..=599 => Error::Server {
            operation,
            status,
            message: body_message(redacted.as_bytes()),
            body,
        },
        _ => Error::HttpStatus {
            operation,
            status,
            message: body_message(redacted.as_bytes()),
            body,
        },
    }
}

impl Client {
    /// Runs an API call with auth and retries; a success answer is returned, anything else
    /// becomes an error.
    pub(crate) async fn execute(&self, call: Call) -> Result<RawResponse> {
        let inner = &self.inner;
        let url = format!("{}/{}", inner.api_base, call.path.trim_start_matches('/'));
        let response = inner
            .http
            .run(
                call.operation,
                call.idempotency,
                Some(&inner.auth),
                |auth| {
                    let mut request = inner
                        .http
                        .client
                        .request(call.method.clone(), url.as_str())
                        .header(ACCEPT, call.accept);
                    if let Some(value) = auth {
                        request = request.header(AUTHORIZATION, value);
                    }
                    if let Some(body) = &call.body {
                        request = request.header(CONTENT_TYPE, JSON).body(body.clone());
                    }
                    request
                },
            )
            .await?;
        if (200..300).contains(&response.status) {
            Ok(response)
        } else {
            Err(status_error(call.operation, &response))
        }
    }

    /// [`Client::execute`], then the body read as JSON.
    pub(crate) async fn execute_json<T: DeserializeOwned>(&self, call: Call) -> Result<T> {
        let operation = call.operation;
        let response = self.execute(call).await?;
        decode(operation, &response.body)
    }
}

/// Reads a success body as `T`.
pub(crate) fn decode<T: DeserializeOwned>(operation: &'static str, body: &[u8]) -> Result<T> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::decode(
            operation,
            "empty body where JSON was expected",
            body,
            None,
        ));
    }
    serde_json::from_slice(body).map_err(|e| {
        let reason = if body.trim_ascii_start().starts_with(b"<") {
            "HTML or XML where JSON was expected".to_owned()
        } else {
            e.to_string()
        };
        Error::decode(operation, reason, body, Some(e))
    })
}
