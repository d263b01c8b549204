//! The client and its builder. Calls go through `ops/` to the one send path in
//! `transport.rs`.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use telecom_core::{Redactor, RetryPolicy, Timeouts};

use crate::Result;
use crate::auth::{Credentials, TokenPool, TokenStats};
use crate::error::Error;
use crate::models::Source;
use crate::transport::Transport;

/// The host the vendor documents (its OpenAPI calls it the development environment; the
/// credentials choose the tenant).
pub const DEFAULT_BASE_URL: &str = "https://www.vcareapi.com:8080";

/// How old a pooled token may be and still be sent. The vendor allows at most 15 s from
/// issue; the margin covers the network time before the client saw it and clock drift.
pub const DEFAULT_TOKEN_MAX_AGE: Duration = Duration::from_secs(10);

/// The most pooled tokens kept by default.
const DEFAULT_TOKEN_POOL_CAPACITY: usize = 256;

/// A vcare / Telgoo5 REST client.
///
/// Cheap to clone (an `Arc` inside) and meant to be shared by every task: all clones share
/// one token pool. [`Client::with_external_transaction_id`] and [`Client::with_source`]
/// return a clone whose calls carry those values, still sharing the pool.
#[derive(Clone)]
pub struct Client {
    pub(crate) inner: Arc<Inner>,
    pub(crate) external_transaction_id: Option<Arc<str>>,
    source: Option<Source>,
}

pub(crate) struct Inner {
    pub(crate) transport: Transport,
    pub(crate) credentials: Credentials,
    source: Source,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.inner.transport.base_url)
            .field("credentials", &self.inner.credentials)
            .field("source", &self.effective_source())
            .field("external_transaction_id", &self.external_transaction_id)
            .field("timeouts", &self.inner.transport.timeouts)
            .field("retry", &self.inner.transport.retry)
            .field("tokens", &self.inner.transport.stats())
            .finish()
    }
}

/// Builds a [`Client`]: [`Client::builder`] takes the credentials, the setters the rest.
#[derive(Debug)]
#[must_use]
pub struct ClientBuilder {
    credentials: Credentials,
    base_url: String,
    timeouts: Timeouts,
    retry: RetryPolicy,
    http: Option<reqwest::Client>,
    source: Source,
    token_max_age: Duration,
    pool_capacity: usize,
    reuse_tokens: bool,
    max_body_bytes: usize,
}

impl ClientBuilder {
    fn new(credentials: Credentials) -> Self {
        ClientBuilder {
            credentials,
            base_url: DEFAULT_BASE_URL.to_owned(),
            timeouts: Timeouts::default(),
            retry: RetryPolicy::default(),
            http: None,
            source: Source::Api,
            token_max_age: DEFAULT_TOKEN_MAX_AGE,
            pool_capacity: DEFAULT_TOKEN_POOL_CAPACITY,
            reuse_tokens: true,
            max_body_bytes: telecom_core::body::DEFAULT_MAX_BODY_BYTES,
        }
    }

    /// The API root, such as `https://www.vcareapi.com:8080` (the default) or a local fake
    /// (`telecom_sandbox::vcare`).
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = url.into();
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

    /// Uses this `reqwest::Client` (its pool, proxy, TLS and connect timeout settings); the
    /// client's request timeout still bounds each attempt. Build it with
    /// `.redirect(reqwest::redirect::Policy::none())`, as the default client is: a client that
    /// follows redirects resends a request's body, credentials included, and its headers but
    /// `Authorization` to wherever a `Location` points.
    pub fn http_client(mut self, http: reqwest::Client) -> Self {
        self.http = Some(http);
        self
    }

    /// The default `source` of every call (default [`Source::Api`]).
    pub fn source(mut self, source: Source) -> Self {
        self.source = source;
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

    /// The longest answer body the client reads (default 64 MiB): a longer one, declared or
    /// received, ends the call with [`Error::Decode`] and is not resent.
    pub fn max_body_bytes(mut self, limit: usize) -> Self {
        self.max_body_bytes = limit;
        self
    }

    /// Builds the client, checking the settings: a bad one is [`Error::InvalidInput`]
    /// naming it (`base_url`, `token_max_age`, `agent_id`, ...).
    pub fn build(self) -> Result<Client> {
        self.credentials.validate()?;
        if self.token_max_age >= Duration::from_secs(15) {
            return Err(Error::invalid(
                "token_max_age",
                "must be under the vendor's 15 second token lifetime",
            ));
        }
        if self.pool_capacity == 0 {
            return Err(Error::invalid("token_pool_capacity", "must be at least 1"));
        }
        let base_url = self.base_url.trim_end_matches('/').to_owned();
        telecom_core::base_url::parse(&base_url)
            .map_err(|e| Error::invalid("base_url", e.to_string()))?;
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
        // Every secret the client holds; each call adds the token it sends and its secret
        // request fields.
        let mut redactor = Redactor::new();
        self.credentials.register(&mut redactor);
        let mut transport = Transport::new(
            http,
            base_url,
            &self.credentials,
            self.timeouts,
            self.retry,
            redactor,
            TokenPool::new(self.token_max_age, self.pool_capacity, self.reuse_tokens),
        )?;
        transport.max_body_bytes = self.max_body_bytes;
        Ok(Client {
            inner: Arc::new(Inner {
                transport,
                credentials: self.credentials,
                source: self.source,
            }),
            external_transaction_id: None,
            source: None,
        })
    }
}

impl Client {
    /// A builder for a client with these credentials; every other setting has a default.
    pub fn builder(credentials: Credentials) -> ClientBuilder {
        ClientBuilder::new(credentials)
    }

    /// A client with these credentials and the defaults everywhere else (the vendor's host,
    /// [`Timeouts::default`], [`RetryPolicy::default`], source `API`).
    pub fn new(credentials: Credentials) -> Result<Client> {
        Client::builder(credentials).build()
    }

    /// The API root calls go to, as set on the builder (without a trailing `/`).
    pub fn base_url(&self) -> &str {
        &self.inner.transport.base_url
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
        self.inner.transport.stats()
    }

    /// Authenticates now and keeps the token for the next call (when token reuse is on): a
    /// start-up check of the credentials. Calls authenticate by themselves when they need to.
    pub async fn authenticate(&self) -> Result<()> {
        let token = self.inner.transport.authenticate().await?;
        self.inner.transport.pool.put(token);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn credentials() -> Credentials {
        Credentials {
            vendor_id: "V1".into(),
            username: "apiuser".into(),
            password: "api-pass".into(),
            pin: "1234".into(),
            agent_id: "ewebsiteapi".into(),
            agent_password: None,
        }
    }

    fn setting(result: Result<Client>) -> String {
        match result {
            Err(Error::InvalidInput { field, .. }) => field,
            other => panic!("expected invalid input, got {other:?}"),
        }
    }

    #[test]
    fn call_urls_append_the_module_to_the_base_url() {
        for (base, expected) in [
            ("http://127.0.0.1:9", "http://127.0.0.1:9/plan"),
            ("http://127.0.0.1:9/", "http://127.0.0.1:9/plan"),
            ("https://host/api/v1", "https://host/api/v1/plan"),
            ("https://host/api/v1/", "https://host/api/v1/plan"),
        ] {
            let client = Client::builder(credentials())
                .base_url(base)
                .build()
                .expect("builds");
            assert_eq!(client.inner.transport.url_for("plan").as_str(), expected);
        }
    }

    #[test]
    fn settings_are_checked_by_name() {
        let client = Client::new(credentials()).expect("defaults build");
        assert_eq!(client.base_url(), DEFAULT_BASE_URL);
        let client = Client::builder(credentials())
            .base_url("http://127.0.0.1:9/")
            .build()
            .expect("builds");
        assert_eq!(client.base_url(), "http://127.0.0.1:9");
        for bad in [
            "ftp://host",
            "https://me:pw@host/api",
            "https://host/api?key=k",
        ] {
            assert_eq!(
                setting(Client::builder(credentials()).base_url(bad).build()),
                "base_url",
                "{bad}"
            );
        }
        assert_eq!(
            setting(
                Client::builder(credentials())
                    .token_max_age(Duration::from_secs(15))
                    .build()
            ),
            "token_max_age"
        );
        assert_eq!(
            setting(
                Client::builder(credentials())
                    .token_pool_capacity(0)
                    .build()
            ),
            "token_pool_capacity"
        );
        let mut blank = credentials();
        blank.agent_id = " ".into();
        assert_eq!(setting(Client::new(blank)), "agent_id");
    }
}
