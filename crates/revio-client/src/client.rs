//! The client and its builder. The one send path every call goes through is in
//! `transport.rs`.

use std::sync::Arc;

use telecom_core::{Redactor, RetryPolicy, Timeouts};

use crate::auth::{AuthMode, Credentials, SessionSlot};
use crate::error::Error;

/// Where Rev.io serves the SOAP API (the old host `api.myh2o.com` serves it too).
pub const DEFAULT_ENDPOINT: &str = "https://api.rev.io/v20/default.asmx";

/// A Rev.io SOAP API client. Cheap to clone; clones share the HTTP connection pool and the
/// session.
#[derive(Clone, Debug)]
pub struct Client {
    pub(crate) inner: Arc<Inner>,
}

#[derive(Debug)]
pub(crate) struct Inner {
    pub(crate) http: reqwest::Client,
    pub(crate) endpoint: String,
    pub(crate) credentials: Credentials,
    pub(crate) mode: AuthMode,
    pub(crate) retry: RetryPolicy,
    pub(crate) timeouts: Timeouts,
    pub(crate) debug: bool,
    pub(crate) session: SessionSlot,
    /// Masks every secret of the credentials; each call adds the ones it sends.
    pub(crate) redactor: Redactor,
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

    /// The retry policy. Reads are resent after any transient failure within it; writes
    /// only when no connection was made or the server answered 429 (see
    /// [`CallKind::may_resend`](crate::CallKind::may_resend)).
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
    /// ([`Response::debug_echo`](crate::Response::debug_echo)).
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
        let mut redactor = Redactor::new();
        self.credentials.register_secrets(&mut redactor);
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
}
