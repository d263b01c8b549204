//! The [`Client`] and its builder.

use std::fmt;
use std::sync::Arc;

use telecom_core::call::AttemptTimer;
use telecom_core::{Redactor, RetryPolicy, Timeouts};
use url::Url;

use crate::auth::{Credentials, RequestMethod};
use crate::error::{Error, Gateway, Result};

/// The primary gateway, the default [`ClientBuilder::base_url`] (the spec prints `http://`;
/// it says HTTPS works on both).
pub const DEFAULT_BASE_URL: &str = "https://api.traitel.com/accountmanager.pl";
/// The alternate gateway, used when the primary fails: the default
/// [`ClientBuilder::alternate_url`].
pub const DEFAULT_ALTERNATE_URL: &str = "https://api2.traitel.com/accountmanager.pl";

/// A TraiTel Account Management client. Cheap to clone (an `Arc` inside); share one per
/// account.
///
/// Every mode of the API is a method; [`Client::call_raw`] reaches a mode by name.
#[derive(Clone)]
pub struct Client {
    pub(crate) inner: Arc<Inner>,
}

pub(crate) struct Inner {
    pub(crate) http: reqwest::Client,
    pub(crate) credentials: Credentials,
    pub(crate) gateways: Vec<(Gateway, Url)>,
    pub(crate) method: RequestMethod,
    pub(crate) timeouts: Timeouts,
    pub(crate) timer: AttemptTimer,
    pub(crate) retry: RetryPolicy,
    /// The longest answer read whole ([`telecom_core::body`]); the logs stream.
    pub(crate) max_body_bytes: usize,
    /// Masks the password in every text a gateway sends back into an error.
    pub(crate) redactor: Redactor,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let i = &self.inner;
        f.debug_struct("Client")
            .field("credentials", &i.credentials)
            .field(
                "gateways",
                &i.gateways
                    .iter()
                    .map(|(_, u)| u.as_str())
                    .collect::<Vec<_>>(),
            )
            .field("method", &i.method)
            .field("timeouts", &i.timeouts)
            .field("retry", &i.retry)
            .finish_non_exhaustive()
    }
}

impl Client {
    /// A client for the two TraiTel gateways over HTTPS with default settings.
    pub fn new(credentials: Credentials) -> Result<Self> {
        Client::builder(credentials).build()
    }

    /// The primary gateway's URL (what [`ClientBuilder::base_url`] set, as parsed).
    pub fn base_url(&self) -> &str {
        self.inner
            .gateways
            .first()
            .map_or(DEFAULT_BASE_URL, |(_, url)| url.as_str())
    }

    /// The redactor every error text of this client goes through.
    pub(crate) fn redactor(&self) -> &Redactor {
        &self.inner.redactor
    }

    /// Starts a builder: both TraiTel gateways over HTTPS, a form-encoded POST, the default
    /// [`Timeouts`] and [`RetryPolicy`].
    pub fn builder(credentials: Credentials) -> ClientBuilder {
        ClientBuilder {
            credentials,
            primary: DEFAULT_BASE_URL.to_owned(),
            alternate: Some(DEFAULT_ALTERNATE_URL.to_owned()),
            method: RequestMethod::default(),
            timeouts: Timeouts::default(),
            retry: RetryPolicy::default(),
            http: None,
            max_body_bytes: telecom_core::body::DEFAULT_MAX_BODY_BYTES,
        }
    }
}

/// Builds a [`Client`].
#[derive(Debug)]
pub struct ClientBuilder {
    credentials: Credentials,
    primary: String,
    alternate: Option<String>,
    method: RequestMethod,
    timeouts: Timeouts,
    retry: RetryPolicy,
    http: Option<reqwest::Client>,
    max_body_bytes: usize,
}

impl ClientBuilder {
    /// The primary gateway's full URL, script path included (default [`DEFAULT_BASE_URL`]):
    /// a local fake such as `telecom_sandbox::traitel`, or a mock.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.primary = url.into();
        self
    }

    /// Connect and per-attempt timeouts. For the log modes the request timeout bounds
    /// reaching the first line, and then each wait for more of the body.
    pub fn timeouts(mut self, timeouts: Timeouts) -> Self {
        self.timeouts = timeouts;
        self
    }

    /// How often a whole round (primary, then alternate) is retried, and the backoff.
    pub fn retry_policy(mut self, retry: RetryPolicy) -> Self {
        self.retry = retry;
        self
    }

    /// Uses this `reqwest::Client` (its pool, proxy, TLS and connect timeout settings); the
    /// client's request timeout still bounds each attempt. Build it with
    /// `.redirect(reqwest::redirect::Policy::none())`, as the default client is: a client that
    /// follows redirects resends a request's body, credentials included, and its headers but
    /// `Authorization` to wherever a `Location` points.
    pub fn http_client(mut self, http: reqwest::Client) -> Self {
        self.http = Some(http);
        self
    }

    /// The alternate gateway's full URL (default [`DEFAULT_ALTERNATE_URL`]), tried when the
    /// primary fails.
    pub fn alternate_url(mut self, url: impl Into<String>) -> Self {
        self.alternate = Some(url.into());
        self
    }

    /// Uses the primary gateway only: no failover.
    pub fn without_alternate(mut self) -> Self {
        self.alternate = None;
        self
    }

    /// How parameters and credentials are sent (default: a form-encoded POST body).
    pub fn method(mut self, method: RequestMethod) -> Self {
        self.method = method;
        self
    }

    /// The longest answer the client reads whole (default 64 MiB; every mode but the logs
    /// returns a few lines, and the logs stream row by row without a limit): a longer one,
    /// declared or received, ends the call with [`Error::Decode`] and is not resent.
    pub fn max_body_bytes(mut self, limit: usize) -> Self {
        self.max_body_bytes = limit;
        self
    }

    /// Checks the URLs and builds the client, with the redactor that masks the password in
    /// every gateway text an error keeps.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] naming the setting: `base_url` or `alternate_url` not an
    /// http(s) URL or carrying a query or user info, or `http_client` when the default
    /// HTTP client cannot be built (no TLS backend).
    pub fn build(self) -> Result<Client> {
        let mut gateways = vec![(Gateway::Primary, gateway_url("base_url", &self.primary)?)];
        if let Some(alt) = &self.alternate {
            gateways.push((Gateway::Alternate, gateway_url("alternate_url", alt)?));
        }
        let http = match self.http {
            Some(http) => http,
            None => reqwest::Client::builder()
                .connect_timeout(self.timeouts.connect)
                // A redirect is answered as its status. Followed, a 307 or 308 resends the
                // body (credentials included) to wherever `Location` says, with every header
                // but `Authorization` and cookies, and a connect failure there would pass
                // for "nothing was sent".
                .redirect(reqwest::redirect::Policy::none())
                .user_agent(concat!("traitel-am/", env!("CARGO_PKG_VERSION")))
                .build()
                .map_err(|e| {
                    Error::invalid("http_client", format!("cannot build the default: {e}"))
                })?,
        };
        let mut redactor = Redactor::new();
        redactor.add_secret(self.credentials.pass());
        Ok(Client {
            inner: Arc::new(Inner {
                redactor,
                http,
                credentials: self.credentials,
                gateways,
                method: self.method,
                timeouts: self.timeouts,
                timer: AttemptTimer::new(),
                retry: self.retry,
                max_body_bytes: self.max_body_bytes,
            }),
        })
    }
}

fn gateway_url(field: &str, text: &str) -> Result<Url> {
    telecom_core::base_url::parse(text).map_err(|e| Error::invalid(field, e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn builder() -> ClientBuilder {
        Client::builder(Credentials::new("u", "secret-pw"))
    }

    #[test]
    fn client_and_streams_can_be_shared_across_tasks() {
        fn shareable<T: Clone + Send + Sync + 'static>() {}
        fn sendable<T: Send + Unpin + 'static>() {}
        shareable::<Client>();
        sendable::<crate::LogStream<crate::SmsOut>>();
    }

    #[test]
    fn defaults_to_both_gateways_over_https() {
        let client = builder().build().expect("client");
        let urls: Vec<_> = client
            .inner
            .gateways
            .iter()
            .map(|(g, u)| (*g, u.as_str()))
            .collect();
        assert_eq!(
            urls,
            [
                (Gateway::Primary, DEFAULT_BASE_URL),
                (Gateway::Alternate, DEFAULT_ALTERNATE_URL)
            ]
        );
        assert!(urls.iter().all(|(_, u)| u.starts_with("https://")));
        assert_eq!(client.base_url(), DEFAULT_BASE_URL);
        let local = builder()
            .base_url("http://127.0.0.1:8080/accountmanager.pl")
            .build()
            .expect("client");
        assert_eq!(local.base_url(), "http://127.0.0.1:8080/accountmanager.pl");
        assert_eq!(client.inner.method, RequestMethod::PostForm);
        let debug = format!("{client:?}");
        assert!(
            !debug.contains("secret-pw") && debug.contains("[REDACTED]"),
            "{debug}"
        );
    }

    #[test]
    fn refuses_urls_that_are_not_http_or_carry_credentials() {
        for (url, field) in [
            ("ftp://api.traitel.com/accountmanager.pl", "base_url"),
            ("not a url", "base_url"),
            (
                "https://me:pw@api.traitel.com/accountmanager.pl",
                "base_url",
            ),
            (
                "https://api.traitel.com/accountmanager.pl?user=me",
                "base_url",
            ),
        ] {
            match builder().base_url(url).build() {
                Err(Error::InvalidInput { field: f, reason }) => {
                    assert_eq!(f, field);
                    assert!(
                        !reason.contains("pw@") && !reason.contains("user=me"),
                        "{reason}"
                    );
                }
                other => panic!("{url}: {other:?}"),
            }
        }
        match builder().alternate_url("api2.traitel.com").build() {
            Err(Error::InvalidInput { field, .. }) => assert_eq!(field, "alternate_url"),
            other => panic!("{other:?}"),
        }
        let only_primary = builder().without_alternate().build().expect("client");
        assert_eq!(only_primary.inner.gateways.len(), 1);
    }
}
