//! The client and its builder. Calls go through `ops/` to the one send path in
//! `transport.rs`.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use telecom_core::{Redactor, RetryPolicy, Secret, Timeouts};

use crate::auth::{Credentials, TokenPool, TokenStats};
use crate::error::Error;
use crate::models::common::Source;
use crate::transport::Transport;

/// The host the vendor documents (its OpenAPI calls it the development environment; the
/// credentials choose the tenant).
pub const DEFAULT_BASE_URL: &str = "https://www.vcareapi.com:8080";

/// How old a pooled token may be and still be sent. The vendor allows at most 15 s from
/// issue; the margin covers the network time before the client saw it and clock drift.
pub const DEFAULT_TOKEN_MAX_AGE: Duration = Duration::from_secs(10);

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
    credentials: Credentials,
    pub(crate) agent_id: String,
    pub(crate) agent_password: Option<Secret>,
    source: Source,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.inner.transport.base_url)
            .field("credentials", &self.inner.credentials)
            .field("agent_id", &self.inner.agent_id)
            .field("agent_password", &self.inner.agent_password)
            .field("source", &self.source.unwrap_or(self.inner.source))
            .field("external_transaction_id", &self.external_transaction_id)
            .field("timeouts", &self.inner.transport.timeouts)
            .field("retry", &self.inner.transport.retry)
            .field("tokens", &self.inner.transport.stats())
            .finish()
    }
}

/// Builds a [`Client`].
#[derive(Debug)]
pub struct ClientBuilder {
    base_url: String,
    credentials: Option<Credentials>,
    agent_id: Option<String>,
    agent_password: Option<Secret>,
    source: Source,
    timeouts: Timeouts,
    retry: RetryPolicy,
    http: Option<reqwest::Client>,
    token_max_age: Duration,
    pool_capacity: usize,
    reuse_tokens: bool,
}

impl Default for ClientBuilder {
    fn default() -> Self {
        ClientBuilder {
            base_url: DEFAULT_BASE_URL.to_owned(),
            credentials: None,
            agent_id: None,
            agent_password: None,
            source: Source::Api,
            timeouts: Timeouts::default(),
            retry: RetryPolicy::default(),
            http: None,
            token_max_age: DEFAULT_TOKEN_MAX_AGE,
            pool_capacity: 256,
            reuse_tokens: true,
        }
    }
}

impl ClientBuilder {
    /// The API root, such as `https://www.vcareapi.com:8080` (the default) or a local mock.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = url.into();
        self
    }

    /// The `/authenticate` credentials (required).
    pub fn credentials(mut self, credentials: Credentials) -> Self {
        self.credentials = Some(credentials);
        self
    }

    /// The Telgoo5 agent (user id) every call is made as: `agent_id` (required).
    pub fn agent_id(mut self, agent_id: impl Into<String>) -> Self {
        self.agent_id = Some(agent_id.into());
        self
    }

    /// The agent's password, for agents configured to need one in API calls.
    pub fn agent_password(mut self, password: impl Into<Secret>) -> Self {
        self.agent_password = Some(password.into());
        self
    }

    /// The default `source` of every call (default [`Source::Api`]).
    pub fn source(mut self, source: Source) -> Self {
        self.source = source;
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

    /// Uses this `reqwest::Client` (for proxies, TLS roots, connection pool settings).
    pub fn http_client(mut self, http: reqwest::Client) -> Self {
        self.http = Some(http);
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

    /// Builds the client, checking the settings.
    pub fn build(self) -> Result<Client, Error> {
        let credentials = self
            .credentials
            .ok_or_else(|| Error::invalid("credentials", "are required"))?;
        credentials.validate()?;
        let agent_id = self
            .agent_id
            .ok_or_else(|| Error::invalid("agent_id", "is required"))?;
        if agent_id.trim().is_empty() {
            return Err(Error::invalid("agent_id", "must not be empty"));
        }
        if self.token_max_age >= Duration::from_secs(15) {
            return Err(Error::invalid(
                "token_max_age",
                "must be under the vendor's 15 second token lifetime",
            ));
        }
        let base_url = self.base_url.trim_end_matches('/').to_owned();
        let parsed = reqwest::Url::parse(&base_url)
            .map_err(|e| Error::invalid("base_url", e.to_string()))?;
        if !matches!(parsed.scheme(), "http" | "https") {
            return Err(Error::invalid("base_url", "must be an http or https URL"));
        }
        let http = match self.http {
            Some(http) => http,
            None => reqwest::Client::builder()
                .connect_timeout(self.timeouts.connect)
                .build()
                .map_err(|e| Error::invalid("http_client", e.to_string()))?,
        };
        // Every secret the client holds; each call adds the token it sends and its secret
        // request fields.
        let mut redactor = Redactor::new();
        credentials.register(&mut redactor);
        if let Some(password) = &self.agent_password {
            crate::auth::register(&mut redactor, password);
        }
        let transport = Transport::new(
            http,
            base_url,
            &credentials,
            self.timeouts,
            self.retry,
            redactor,
            TokenPool::new(self.token_max_age, self.pool_capacity, self.reuse_tokens),
        )?;
        Ok(Client {
            inner: Arc::new(Inner {
                transport,
                credentials,
                agent_id,
                agent_password: self.agent_password,
                source: self.source,
            }),
            external_transaction_id: None,
            source: None,
        })
    }
}

impl Client {
    /// A builder with the defaults.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
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
    pub async fn authenticate(&self) -> Result<(), Error> {
        let token = self.inner.transport.authenticate().await?;
        self.inner.transport.pool.put(token);
        Ok(())
    }
}
