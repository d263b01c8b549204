//! The client and its builder. The one send path every call goes through is in
//! `transport.rs`.

use std::sync::Arc;

use telecom_core::call::AttemptTimer;
use telecom_core::{Redactor, RetryPolicy, Timeouts};

use crate::auth::{AuthMode, Credentials, SessionSlot};
use crate::error::Error;

/// Where Rev.io serves the SOAP API (the old host `api.myh2o.com` serves it too).
pub const DEFAULT_BASE_URL: &str = "https://api.rev.io/v20/default.asmx";

/// A Rev.io SOAP API client. Cheap to clone; clones share the HTTP connection pool and the
/// session.
#[derive(Clone, Debug)]
pub struct Client {
    pub(crate) inner: Arc<Inner>,
}

#[derive(Debug)]
pub(crate) struct Inner {
    pub(crate) http: reqwest::Client,
    pub(crate) base_url: String,
    /// `base_url` parsed once: reqwest would parse a `&str` URL on every send.
    pub(crate) endpoint: reqwest::Url,
    pub(crate) credentials: Credentials,
    pub(crate) mode: AuthMode,
    pub(crate) retry: RetryPolicy,
    pub(crate) timeouts: Timeouts,
    pub(crate) timer: AttemptTimer,
    /// The longest answer body read ([`telecom_core::body`]).
    pub(crate) max_body_bytes: usize,
    pub(crate) debug: bool,
    pub(crate) session: SessionSlot,
    /// Masks every secret of the credentials; each call adds the ones it sends.
    pub(crate) redactor: Redactor,
}

/// Builds a [`Client`]: [`Client::builder`], the setters, then [`build`](Self::build).
#[derive(Debug)]
pub struct ClientBuilder {
    credentials: Credentials,
    base_url: String,
    timeouts: Timeouts,
    retry: RetryPolicy,
    http: Option<reqwest::Client>,
    mode: AuthMode,
    debug: bool,
    max_body_bytes: usize,
}

impl ClientBuilder {
    /// The SOAP endpoint every operation is posted to: [`DEFAULT_BASE_URL`] unless set, or
    /// a tenant's own host, or a local fake such as `telecom_sandbox::revio`.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = url.into();
        self
    }

    /// Connect and per-attempt timeouts (the connect timeout is ignored when you pass your
    /// own `reqwest::Client`, which keeps its own).
    pub fn timeouts(mut self, timeouts: Timeouts) -> Self {
        self.timeouts = timeouts;
        self
    }

    /// The retry policy. Reads are resent after any transient failure within it; writes
    /// only when no connection was made or the server answered 429 (see
    /// [`CallKind::may_resend`](crate::CallKind::may_resend)).
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// Uses this `reqwest::Client` (its pool, proxy, TLS and connect timeout settings); the
    /// client's request timeout still bounds each attempt. Build it with
    /// `.redirect(reqwest::redirect::Policy::none())`, as the default client is: a client that
    /// follows redirects resends a request's body, credentials included, and its headers but
    /// `Authorization` to wherever a `Location` points.
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http = Some(client);
        self
    }

    /// Credentials on every call, or a session (see [`AuthMode`]). Default: credentials.
    pub fn auth_mode(mut self, mode: AuthMode) -> Self {
        self.mode = mode;
        self
    }

    /// Sends `Debug=true`, so responses carry the server's echo of the request
    /// ([`Response::debug_echo`](crate::Response::debug_echo)).
    pub fn debug(mut self, on: bool) -> Self {
        self.debug = on;
        self
    }

    /// The longest answer body the client reads (default 64 MiB; a 10,000-record
    /// `CustomerProducts_Query` answer is about 4.6 MB): a longer one, declared or received,
    /// ends the call with [`Error::Decode`] and is not resent.
    pub fn max_body_bytes(mut self, limit: usize) -> Self {
        self.max_body_bytes = limit;
        self
    }

    /// Checks the settings and builds the client. A bad setting is an
    /// [`Error::InvalidInput`] naming it (`base_url`, `Credentials/Username`, ...).
    pub fn build(self) -> Result<Client, Error> {
        let endpoint = telecom_core::base_url::parse(&self.base_url)
            .map_err(|e| Error::invalid("base_url", e.to_string()))?;
        if self.credentials.username().is_empty() {
            return Err(Error::invalid("Credentials/Username", "is empty"));
        }
        if self.credentials.client().is_empty() {
            return Err(Error::invalid("Credentials/Client", "is empty"));
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
                .build()
                .map_err(|e| Error::invalid("http_client", e.to_string()))?,
        };
        let mut redactor = Redactor::new();
        self.credentials.register_secrets(&mut redactor);
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                base_url: self.base_url,
                endpoint,
                credentials: self.credentials,
                mode: self.mode,
                retry: self.retry,
                timeouts: self.timeouts,
                timer: AttemptTimer::new(),
                max_body_bytes: self.max_body_bytes,
                debug: self.debug,
                session: SessionSlot::default(),
                redactor,
            }),
        })
    }
}

impl Client {
    /// Starts a builder with the login every call (or the session) is made with.
    pub fn builder(credentials: Credentials) -> ClientBuilder {
        ClientBuilder {
            credentials,
            base_url: DEFAULT_BASE_URL.to_owned(),
            timeouts: Timeouts::default(),
            retry: RetryPolicy::default(),
            http: None,
            mode: AuthMode::default(),
            debug: false,
            max_body_bytes: telecom_core::body::DEFAULT_MAX_BODY_BYTES,
        }
    }

    /// A client with every default: production, credentials on every call, the default
    /// timeouts and retry policy. The same as `Client::builder(credentials).build()`.
    pub fn new(credentials: Credentials) -> Result<Client, Error> {
        Client::builder(credentials).build()
    }

    /// The SOAP endpoint in use.
    pub fn base_url(&self) -> &str {
        &self.inner.base_url
    }

    /// The authentication mode in use.
    pub fn auth_mode(&self) -> AuthMode {
        self.inner.mode
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn credentials() -> Credentials {
        Credentials::new("apiuser", "pw", "CLIENT1")
    }

    #[test]
    fn bad_settings_name_the_setting() {
        for (url, field) in [
            ("not a url", "base_url"),
            ("ftp://host/x", "base_url"),
            ("https://me:pw@host/v20/default.asmx", "base_url"),
        ] {
            match Client::builder(credentials()).base_url(url).build() {
                Err(Error::InvalidInput { field: f, .. }) => assert_eq!(f, field),
                other => panic!("{url}: {other:?}"),
            }
        }
        match Client::new(Credentials::new("", "pw", "C")) {
            Err(Error::InvalidInput { field, .. }) => assert_eq!(field, "Credentials/Username"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_base_url_reads_back() {
        let client = Client::new(credentials()).expect("defaults build");
        assert_eq!(client.base_url(), DEFAULT_BASE_URL);
        let client = Client::builder(credentials())
            .base_url("http://127.0.0.1:9/v20/default.asmx")
            .build()
            .expect("client");
        assert_eq!(client.base_url(), "http://127.0.0.1:9/v20/default.asmx");
    }
}
