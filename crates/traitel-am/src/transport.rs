//! One call: the attempts on each gateway, failover, retries and the tracing span.

use std::future::Future;
use std::io;
use std::pin::Pin;
use std::time::{Duration, Instant};

use bytes::{Bytes, BytesMut};
use futures::{Stream, StreamExt};
use telecom_core::RetryAfter;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, BufReader};
use tokio_util::io::StreamReader;
use tracing::Instrument;
use url::Url;

use crate::auth::RequestMethod;
use crate::client::{Client, Gateway};
use crate::error::{Error, Result};
use crate::wire;

/// The largest body read whole (every mode but the logs returns a few lines).
const MAX_BODY: usize = 16 * 1024 * 1024;
/// How much of an unexpected body an error keeps.
const EXCERPT_BYTES: usize = 512;

/// Whether a call may be sent again after it may have reached a gateway.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CallKind {
    /// Reads: resent on any transient failure, and fail over.
    Read,
    /// Writes whose repetition changes nothing (`update*`, `assignnumber`,
    /// `settimezone`): treated as reads.
    Idempotent,
    /// Writes that create or delete (`addsubaccount`, `subscribedid`, `addivml`,
    /// `delsubaccount`, `deleteivml`): resent only when no connection was made.
    Unsafe,
}

impl CallKind {
    fn may_resend(self, error: &Error) -> bool {
        match self {
            CallKind::Read | CallKind::Idempotent => error.is_retryable(),
            CallKind::Unsafe => matches!(error, Error::Transport { connect: true, .. }),
        }
    }
}

/// A failed attempt and the wait the gateway asked for.
pub(crate) struct Failure {
    error: Error,
    retry_after: Option<RetryAfter>,
}

impl From<Error> for Failure {
    fn from(error: Error) -> Self {
        Failure {
            error,
            retry_after: None,
        }
    }
}

type ByteStream = Pin<Box<dyn Stream<Item = io::Result<Bytes>> + Send>>;

/// A log body after its `Ok` line.
pub(crate) type BodyReader = BufReader<StreamReader<ByteStream, Bytes>>;

/// The marker of the idle timeout inside a log stream's I/O errors.
#[derive(Debug, thiserror::Error)]
#[error("no data for {0:?}")]
pub(crate) struct IdleTimeout(pub(crate) Duration);

impl Client {
    /// Sends a mode and returns the payload after `Ok`.
    pub(crate) async fn call(
        &self,
        mode: &str,
        kind: CallKind,
        params: &[(&str, String)],
    ) -> Result<Bytes> {
        self.with_failover(mode, kind, |gateway, url| {
            self.attempt_whole(mode, gateway, url, params)
        })
        .await
    }

    /// Sends a log mode and returns the body positioned after `Ok`.
    pub(crate) async fn open(
        &self,
        mode: &str,
        params: &[(&str, String)],
    ) -> Result<(BodyReader, Gateway)> {
        self.with_failover(mode, CallKind::Read, |gateway, url| async move {
            let reader = self.attempt_stream(mode, gateway, url, params).await?;
            Ok((reader, gateway))
        })
        .await
    }

    async fn with_failover<'a, T, F, Fut>(
        &'a self,
        mode: &str,
        kind: CallKind,
        mut attempt: F,
    ) -> Result<T>
    where
        F: FnMut(Gateway, &'a Url) -> Fut,
        Fut: Future<Output = Result<T, Failure>>,
    {
        let span = tracing::info_span!(
            "traitel.call",
            vendor = "traitel",
            operation = %mode,
            attempt = tracing::field::Empty,
            gateway = tracing::field::Empty,
            status = tracing::field::Empty,
            elapsed_ms = tracing::field::Empty,
        );
        let inner = &self.inner;
        let started = Instant::now();
        let outcome = async {
            let mut round: u32 = 1;
            let mut attempts: u32 = 0;
            loop {
                let mut last: Option<Failure> = None;
                for (gateway, url) in &inner.gateways {
                    attempts += 1;
                    let span = tracing::Span::current();
                    span.record("attempt", attempts);
                    span.record("gateway", gateway.as_str());
                    match attempt(*gateway, url).await {
                        Ok(value) => return Ok(value),
                        Err(mut failure) => {
                            failure.error = self.redact(failure.error);
                            let resend = kind.may_resend(&failure.error);
                            if resend {
                                tracing::warn!(error = %failure.error, "attempt failed with a transient error");
                            } else {
                                tracing::debug!(error = %failure.error, "attempt failed");
                            }
                            if !resend {
                                return Err(failure.error);
                            }
                            last = Some(failure);
                        }
                    }
                }
                let Some(failure) = last else {
                    return Err(Error::invalid("gateways", "no gateway configured"));
                };
                match inner.retry.next_delay(round, failure.retry_after.as_ref()) {
                    Some(wait) => {
                        tracing::debug!(?wait, "retrying from the primary gateway");
                        tokio::time::sleep(wait).await;
                        round += 1;
                    }
                    None => return Err(failure.error),
                }
            }
        }
        .instrument(span.clone())
        .await;
        let elapsed = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
        span.record("elapsed_ms", elapsed);
        let _entered = span.enter();
        match &outcome {
            Ok(_) => tracing::debug!("call succeeded"),
            Err(e) => tracing::info!(error = %e, "call failed"),
        }
        outcome
    }

    /// Removes the password from text a gateway sent back: a CGI error page may echo the
    /// request's parameters. Passwords shorter than 4 characters are left alone (they would
    /// match ordinary text).
    fn redact(&self, error: Error) -> Error {
        let pass = self.inner.credentials.pass().expose();
        if pass.chars().count() < 4 {
            return error;
        }
        let encoded: String = url::form_urlencoded::byte_serialize(pass.as_bytes()).collect();
        let clean = |text: String| {
            if text.contains(pass) || text.contains(&encoded) {
                text.replace(pass, telecom_core::secret::REDACTED)
                    .replace(&encoded, telecom_core::secret::REDACTED)
            } else {
                text
            }
        };
        match error {
            Error::HttpStatus {
                gateway,
                status,
                excerpt,
            } => Error::HttpStatus {
                gateway,
                status,
                excerpt: clean(excerpt),
            },
            Error::Decode {
                mode,
                row,
                reason,
                excerpt,
            } => Error::Decode {
                mode,
                row,
                reason,
                excerpt: clean(excerpt),
            },
            Error::Vendor { code, message } => Error::Vendor {
                code,
                message: clean(message),
            },
            other => other,
        }
    }

    fn request(&self, url: &Url, mode: &str, params: &[(&str, String)]) -> reqwest::RequestBuilder {
        let inner = &self.inner;
        let mut pairs: Vec<(&str, &str)> = Vec::with_capacity(params.len() + 3);
        pairs.push(("user", inner.credentials.user()));
        pairs.push(("pass", inner.credentials.pass().expose()));
        pairs.push(("mode", mode));
        pairs.extend(params.iter().map(|(k, v)| (*k, v.as_str())));
        match inner.method {
            RequestMethod::PostForm => inner.http.post(url.clone()).form(&pairs),
            RequestMethod::GetQuery => inner.http.get(url.clone()).query(&pairs),
        }
    }

    fn map_reqwest(&self, gateway: Gateway, e: reqwest::Error) -> Error {
        // `without_url`: with GET the URL holds the password.
        let e = e.without_url();
        if e.is_connect() {
            Error::Transport {
                gateway,
                connect: true,
                source: Box::new(e),
            }
        } else if e.is_timeout() {
            Error::Timeout {
                gateway,
                after: self.inner.timeouts.request,
            }
        } else {
            Error::Transport {
                gateway,
                connect: false,
                source: Box::new(e),
            }
        }
    }

    /// Sends the request and turns a non-2xx answer into a failure.
    async fn send(
        &self,
        mode: &str,
        gateway: Gateway,
        url: &Url,
        params: &[(&str, String)],
        whole_timeout: bool,
    ) -> Result<reqwest::Response, Failure> {
        let mut request = self.request(url, mode, params);
        if whole_timeout {
            request = request.timeout(self.inner.timeouts.request);
        }
        let mut response = request
            .send()
            .await
            .map_err(|e| self.map_reqwest(gateway, e))?;
        let status = response.status();
        tracing::Span::current().record("status", status.as_u16());
        if status.is_success() {
            return Ok(response);
        }
        let retry_after = response
            .headers()
            .get(reqwest::header::RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(RetryAfter::parse);
        let mut body = Vec::new();
        while body.len() < EXCERPT_BYTES {
            match response.chunk().await {
                Ok(Some(chunk)) => body.extend_from_slice(&chunk),
                _ => break,
            }
        }
        Err(Failure {
            error: Error::HttpStatus {
                gateway,
                status: status.as_u16(),
                excerpt: telecom_core::text::excerpt(&body, 200),
            },
            retry_after,
        })
    }

    async fn attempt_whole(
        &self,
        mode: &str,
        gateway: Gateway,
        url: &Url,
        params: &[(&str, String)],
    ) -> Result<Bytes, Failure> {
        let mut response = self.send(mode, gateway, url, params, true).await?;
        let mut body = BytesMut::new();
        while let Some(chunk) = response
            .chunk()
            .await
            .map_err(|e| self.map_reqwest(gateway, e))?
        {
            if body.len() + chunk.len() > MAX_BODY {
                return Err(Error::decode(mode, "body larger than 16 MiB", &body).into());
            }
            body.extend_from_slice(&chunk);
        }
        let body = body.freeze();
        let payload_len = wire::split_body(mode, &body)?.len();
        Ok(body.slice(body.len() - payload_len..))
    }

    async fn attempt_stream(
        &self,
        mode: &str,
        gateway: Gateway,
        url: &Url,
        params: &[(&str, String)],
    ) -> Result<BodyReader, Failure> {
        let limit = self.inner.timeouts.request;
        let first_line = async {
            let response = self.send(mode, gateway, url, params, false).await?;
            let body = response
                .bytes_stream()
                .map(|r| r.map_err(|e| io::Error::other(e.without_url())));
            let body: ByteStream = Box::pin(idle_timeout(Box::pin(body), limit));
            let mut reader = BufReader::with_capacity(64 * 1024, StreamReader::new(body));
            let mut line = Vec::new();
            (&mut reader)
                .take(wire::MAX_STATUS_LINE)
                .read_until(b'\n', &mut line)
                .await
                .map_err(|e| io_error(gateway, e))?;
            if let Err(e) = wire::check_status_line(mode, &line, &line) {
                if let Error::Decode { .. } = e {
                    // A longer excerpt of what came instead (an HTML page, say).
                    let _ = (&mut reader)
                        .take(EXCERPT_BYTES as u64)
                        .read_to_end(&mut line)
                        .await;
                    return Err(wire::check_status_line(mode, &line, &line)
                        .err()
                        .unwrap_or(e)
                        .into());
                }
                return Err(e.into());
            }
            Ok(reader)
        };
        match tokio::time::timeout(limit, first_line).await {
            Ok(result) => result,
            Err(_) => Err(Error::Timeout {
                gateway,
                after: limit,
            }
            .into()),
        }
    }
}

/// Ends a body stream with a `TimedOut` error when no data comes for `idle`.
fn idle_timeout(
    stream: ByteStream,
    idle: Duration,
) -> impl Stream<Item = io::Result<Bytes>> + Send {
    futures::stream::unfold(Some(stream), move |state| async move {
        let mut stream = state?;
        match tokio::time::timeout(idle, stream.next()).await {
            Ok(Some(item)) => Some((item, Some(stream))),
            Ok(None) => None,
            Err(_) => Some((
                Err(io::Error::new(io::ErrorKind::TimedOut, IdleTimeout(idle))),
                None,
            )),
        }
    })
}

/// An I/O error while reading a log body, as the crate's error.
pub(crate) fn io_error(gateway: Gateway, e: io::Error) -> Error {
    if let Some(IdleTimeout(after)) = e.get_ref().and_then(|r| r.downcast_ref::<IdleTimeout>()) {
        return Error::Timeout {
            gateway,
            after: *after,
        };
    }
    Error::Transport {
        gateway,
        connect: false,
        source: Box::new(e),
    }
}
