//! The one send path: the request with the credentials, one attempt on one gateway, the
//! classifier, and the call into `telecom_core::call::drive`, whose failover endpoints are
//! the two gateways.

use std::future::Future;
use std::io;

use bytes::Bytes;
use serde::Serialize;
use telecom_core::call::{Attempt, CallPlan, drive, record_endpoint, record_status};
use telecom_core::{CallKind, Failure, RetryAfter};
use tokio::io::{AsyncReadExt, BufReader};
use url::Url;

use crate::auth::RequestMethod;
use crate::client::Client;
use crate::error::{Error, Gateway, Result};
use crate::response_body::{IdleTimeout, ResponseBody};
use crate::stream::read_status_line;
use crate::wire;

/// The vendor name on the call span.
const VENDOR: &str = "traitel";
/// How much of an unexpected body is read for an error. The excerpt kept is far shorter,
/// but the redactor sees all of it before the cut, and a password cut off by the end of
/// this read is masked too.
const ERROR_BODY_BYTES: usize = 8 * 1024;

/// A mode as an operation in `ops/` states it once: the `mode` value and its [`CallKind`].
#[derive(Clone, Copy, Debug)]
pub(crate) struct Op<'a> {
    pub(crate) mode: &'a str,
    pub(crate) kind: CallKind,
}

impl<'a> Op<'a> {
    pub(crate) const fn new(mode: &'a str, kind: CallKind) -> Self {
        Op { mode, kind }
    }
}

/// A log body after its `Ok` line.
pub(crate) type BodyReader = BufReader<ResponseBody>;

/// A failed attempt as the driver sees it; the class comes from [`Error::class`], so
/// `Error::is_retryable` always agrees with what the send path did.
fn failure(error: Error) -> Failure<Error> {
    let class = error.class();
    Failure::new(error, class)
}

impl Client {
    /// Sends a mode with its parameters (a form struct of `models/`) and returns the
    /// payload after `Ok`.
    pub(crate) async fn call<P: Serialize + ?Sized>(
        &self,
        op: Op<'_>,
        params: &P,
    ) -> Result<Bytes> {
        let form = self.encode(op, params)?;
        self.call_form(op, &form).await
    }

    /// Sends a log mode and returns the body positioned after `Ok`; from there the rows
    /// are streamed and no longer resent.
    pub(crate) async fn open<P: Serialize + ?Sized>(
        &self,
        op: Op<'_>,
        params: &P,
    ) -> Result<(BodyReader, Gateway)> {
        let form = self.encode(op, params)?;
        self.open_form(op, &form).await
    }

    // The send paths take the encoded form, so only the encoding is generic over the
    // parameters' type.
    async fn call_form(&self, op: Op<'_>, form: &str) -> Result<Bytes> {
        self.run(op, |gateway, url| {
            self.attempt_whole(op.mode, gateway, url, form)
        })
        .await
    }

    async fn open_form(&self, op: Op<'_>, form: &str) -> Result<(BodyReader, Gateway)> {
        self.run(op, |gateway, url| async move {
            let reader = self.attempt_stream(op.mode, gateway, url, form).await?;
            Ok((reader, gateway))
        })
        .await
    }

    /// Runs `attempt` on the core driver, the gateways as its failover endpoints.
    async fn run<'a, T, F, Fut>(&'a self, op: Op<'_>, mut attempt: F) -> Result<T>
    where
        F: FnMut(Gateway, &'a Url) -> Fut,
        Fut: Future<Output = Result<T, Failure<Error>>>,
    {
        let inner = &self.inner;
        let plan = CallPlan::new(VENDOR, op.mode, op.kind, &inner.retry)
            .with_endpoints(inner.gateways.len());
        drive(plan, |a: Attempt| {
            let next = inner
                .gateways
                .get(a.endpoint)
                .map(|(gateway, url)| (*gateway, attempt(*gateway, url)));
            async move {
                let Some((gateway, sent)) = next else {
                    return Err(Failure::permanent(Error::invalid(
                        "gateways",
                        "no gateway configured",
                    )));
                };
                record_endpoint(gateway.as_str());
                sent.await
            }
        })
        .await
    }

    /// The parameters with the credentials, encoded once so every attempt sends the same.
    fn encode<P: Serialize + ?Sized>(&self, op: Op<'_>, params: &P) -> Result<String> {
        let credentials = &self.inner.credentials;
        wire::encode_form(
            credentials.user(),
            credentials.pass().expose(),
            op.mode,
            params,
        )
    }

    fn request(&self, url: &Url, form: &str) -> reqwest::RequestBuilder {
        let http = &self.inner.http;
        match self.inner.method {
            RequestMethod::PostForm => http
                .post(url.clone())
                .header(
                    reqwest::header::CONTENT_TYPE,
                    "application/x-www-form-urlencoded",
                )
                .body(form.to_owned()),
            RequestMethod::GetQuery => {
                // The builder refused base URLs with a query, so this is the whole query.
                let mut url = url.clone();
                url.set_query(Some(form));
                http.get(url)
            }
        }
    }

    /// The reqwest half of the classifier: a connect failure means nothing was sent.
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
        gateway: Gateway,
        url: &Url,
        form: &str,
    ) -> Result<reqwest::Response, Failure<Error>> {
        let mut response = self
            .request(url, form)
            .send()
            .await
            .map_err(|e| failure(self.map_reqwest(gateway, e)))?;
        let status = response.status();
        record_status(status.as_u16());
        if status.is_success() {
            return Ok(response);
        }
        let retry_after = response
            .headers()
            .get(reqwest::header::RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(RetryAfter::parse);
        let mut body = Vec::new();
        while body.len() < ERROR_BODY_BYTES {
            match response.chunk().await {
                Ok(Some(chunk)) => body.extend_from_slice(&chunk),
                _ => break,
            }
        }
        let error = Error::http_status(&self.inner.redactor, gateway, status.as_u16(), &body);
        Err(failure(error).with_retry_after(retry_after))
    }

    async fn attempt_whole(
        &self,
        mode: &str,
        gateway: Gateway,
        url: &Url,
        form: &str,
    ) -> Result<Bytes, Failure<Error>> {
        let redactor = &self.inner.redactor;
        let limit = self.inner.timeouts.request;
        let whole = async {
            let response = self.send(gateway, url, form).await?;
            let body = telecom_core::read_body!(response, self.inner.max_body_bytes, |e| {
                failure(self.map_reqwest(gateway, e))
            });
            // An answer came, too long to keep: the same one would come again.
            body.map_err(|too_large| {
                failure(Error::decode(redactor, mode, &too_large.to_string(), b""))
            })
        };
        // One limit for the whole exchange, headers and body (reqwest's per-request timeout
        // would box a timer and wrap the body in it).
        let body = self.inner.timer.limit(limit, whole).await.map_err(|_| {
            failure(Error::Timeout {
                gateway,
                after: limit,
            })
        })??;
        let payload_len = wire::split_body(redactor, mode, &body)
            .map_err(failure)?
            .len();
        Ok(body.slice(body.len() - payload_len..))
    }

    async fn attempt_stream(
        &self,
        mode: &str,
        gateway: Gateway,
        url: &Url,
        form: &str,
    ) -> Result<BodyReader, Failure<Error>> {
        let redactor = &self.inner.redactor;
        let limit = self.inner.timeouts.request;
        let first_line = async {
            let response = self.send(gateway, url, form).await?;
            let body = ResponseBody::new(response, limit);
            let mut reader = BufReader::with_capacity(64 * 1024, body);
            let (_, mut line) = read_status_line(&mut reader)
                .await
                .map_err(|e| failure(io_error(gateway, e)))?;
            let first_len = line.len();
            match wire::check_status_line(redactor, mode, &line, &line) {
                Ok(()) => Ok(reader),
                Err(e @ Error::Decode { .. }) => {
                    // A longer excerpt of what came instead (an HTML page, say), so the
                    // redactor sees a password the page echoes past the first line.
                    let _ = (&mut reader)
                        .take(ERROR_BODY_BYTES as u64)
                        .read_to_end(&mut line)
                        .await;
                    let longer = wire::check_status_line(redactor, mode, &line[..first_len], &line);
                    Err(failure(longer.err().unwrap_or(e)))
                }
                Err(e) => Err(failure(e)),
            }
        };
        match self.inner.timer.limit(limit, first_line).await {
            Ok(result) => result,
            Err(_) => Err(failure(Error::Timeout {
                gateway,
                after: limit,
            })),
        }
    }
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
