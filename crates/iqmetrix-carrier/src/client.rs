//! [`Client`], its builder, and the iQmetrix environments.

use std::sync::Arc;
use std::time::Duration;

use telecom_core::{Redactor, RetryPolicy, Timeouts};

use crate::auth::{Credentials, TokenProvider};
use crate::error::{Error, Result};
use crate::transport::Http;

/// Which iQmetrix environment to talk to. The accounts (token) host and the carrier-services
/// host always come from the same environment, as tokens work in one environment only.
///
/// Hosts follow iQmetrix's rule `https://{service}{environment word}.iqmetrix.net/v{n}`:
///
/// | environment | accounts base | carrier-services base |
/// |---|---|---|
/// | `Production` | `https://accounts.iqmetrix.net/v1` | `https://carrierservices.iqmetrix.net/v2` |
/// | `Demo` | `https://accountsdemo.iqmetrix.net/v1` | `https://carrierservicesdemo.iqmetrix.net/v2` |
/// | `Rc` | `https://accountsrc.iqmetrix.net/v1` | `https://carrierservicesrc.iqmetrix.net/v2` |
/// | `Int` | `https://accountsint.iqmetrix.net/v1` | `https://carrierservicesint.iqmetrix.net/v2` |
///
/// The `rc` and `int` carrier hosts are inferred from the rule; no iQmetrix page shows them.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Environment {
    /// Production (empty environment word).
    Production,
    /// The sandbox, word `demo`.
    Demo,
    /// The release-candidate sandbox, word `rc` (newer documentation's sandbox).
    Rc,
    /// The integration environment, word `int`.
    Int,
    /// Explicit base URLs, for a proxy or a local mock server.
    Custom {
        /// The accounts base, up to and including its version (`https://host/v1`).
        accounts_base: String,
        /// The carrier-services base, up to and including its version (`https://host/v2`).
        carrier_services_base: String,
    },
}

impl Environment {
    /// The environment word of a named environment (`""` for production).
    pub fn word(&self) -> Option<&'static str> {
        match self {
            Environment::Production => Some(""),
            Environment::Demo => Some("demo"),
            Environment::Rc => Some("rc"),
            Environment::Int => Some("int"),
            Environment::Custom { .. } => None,
        }
    }

    /// The accounts (OAuth2 token service) base URL.
    pub fn accounts_base(&self) -> String {
        match self {
            Environment::Custom { accounts_base, .. } => {
                accounts_base.trim_end_matches('/').to_owned()
            }
            named => format!(
                "https://accounts{}.iqmetrix.net/v1",
                named.word().unwrap_or_default()
            ),
        }
    }

    /// The carrier-services base URL.
    pub fn carrier_services_base(&self) -> String {
        match self {
            Environment::Custom {
                carrier_services_base,
                ..
            } => carrier_services_base.trim_end_matches('/').to_owned(),
            named => format!(
                "https://carrierservices{}.iqmetrix.net/v2",
                named.word().unwrap_or_default()
            ),
        }
    }
}

#[derive(Debug)]
pub(crate) struct Inner {
    pub(crate) http: Http,
    pub(crate) api_base: String,
    pub(crate) auth: TokenProvider,
}

/// The iQmetrix Carrier Integration API v2 client.
///
/// Cheap to clone (an `Arc` inside) and safe to share between tasks; clones share the HTTP
/// connection pool and the token, so a refresh by one serves all.
#[derive(Debug, Clone)]
pub struct Client {
    pub(crate) inner: Arc<Inner>,
}

impl Client {
    /// A builder for the environment and credentials.
    pub fn builder(environment: Environment, credentials: Credentials) -> ClientBuilder {
        ClientBuilder {
            environment,
            credentials,
            timeouts: Timeouts::default(),
            retry: RetryPolicy::default(),
            http: None,
            refresh_margin: Duration::from_secs(300),
        }
    }

    /// The carrier-services base URL in use.
    pub fn base_url(&self) -> &str {
        &self.inner.api_base
    }
}

/// Configures a [`Client`].
#[derive(Debug)]
#[must_use]
pub struct ClientBuilder {
    environment: Environment,
    credentials: Credentials,
    timeouts: Timeouts,
    retry: RetryPolicy,
    http: Option<reqwest::Client>,
    refresh_margin: Duration,
}

impl ClientBuilder {
    /// Connect and per-attempt timeouts (default 10 s and 60 s). With a client given to
    /// [`ClientBuilder::http_client`], only the per-attempt timeout applies.
    pub fn timeouts(mut self, timeouts: Timeouts) -> Self {
        self.timeouts = timeouts;
        self
    }

    /// The retry policy (default: 3 attempts, jittered backoff from 200 ms).
    pub fn retry_policy(mut self, retry: RetryPolicy) -> Self {
        self.retry = retry;
        self
    }

    /// Uses this `reqwest::Client` (its pool, proxy and TLS settings).
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http = Some(client);
        self
    }

    /// How long before its expiry a token is replaced (default 5 minutes; at most half the
    /// token's lifetime is used).
    pub fn token_refresh_margin(mut self, margin: Duration) -> Self {
        self.refresh_margin = margin;
        self
    }

    /// Builds the client. Fails when a base URL is not an `http(s)` URL or an empty
    /// credential is given.
    ///
    /// The client's redactor is built here from every secret the credentials hold (the
    /// password and client secret, or the static bearer token); each call adds the tokens
    /// it sends and any SSN in its body.
    pub fn build(self) -> Result<Client> {
        let api_base = checked_base(
            "carrier_services_base",
            self.environment.carrier_services_base(),
        )?;
        let accounts_base = checked_base("accounts_base", self.environment.accounts_base())?;
        match &self.credentials {
            Credentials::Bearer(token) if token.is_empty() => {
                return Err(Error::invalid("credentials.token", "is empty"));
            }
            Credentials::Password {
                username,
                client_id,
                ..
            } => {
                if username.is_empty() {
                    return Err(Error::invalid("credentials.username", "is empty"));
                }
                if client_id.is_empty() {
                    return Err(Error::invalid("credentials.client_id", "is empty"));
                }
            }
            Credentials::Bearer(_) => {}
        }
        let client = match self.http {
            Some(client) => client,
            None => reqwest::Client::builder()
                .connect_timeout(self.timeouts.connect)
                .user_agent(concat!("iqmetrix-carrier/", env!("CARGO_PKG_VERSION")))
                .build()
                .map_err(|e| Error::invalid("http_client", e.to_string()))?,
        };
        let mut redactor = Redactor::new();
        match &self.credentials {
            Credentials::Password {
                password,
                client_secret,
                ..
            } => {
                redactor.add_secret(password);
                redactor.add_secret(client_secret);
            }
            Credentials::Bearer(token) => redactor.add_secret(token),
        }
        let auth = TokenProvider::new(
            self.credentials,
            format!("{accounts_base}/oauth2/token"),
            self.refresh_margin,
        );
        Ok(Client {
            inner: Arc::new(Inner {
                http: Http {
                    client,
                    retry: self.retry,
                    timeouts: self.timeouts,
                    redactor,
                },
                api_base,
                auth,
            }),
        })
    }
}

fn checked_base(field: &str, base: String) -> Result<String> {
    let url = reqwest::Url::parse(&base)
        .map_err(|e| Error::invalid(field, format!("{base:?} is not a URL: {e}")))?;
    if !matches!(url.scheme(), "http" | "https") || url.cannot_be_a_base() {
        return Err(Error::invalid(
            field,
            format!("{base:?} is not an http(s) base URL"),
        ));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(Error::invalid(field, "must not have a query or fragment"));
    }
    Ok(base.trim_end_matches('/').to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn environments_pair_their_hosts() {
        assert_eq!(
            Environment::Production.accounts_base(),
            "https://accounts.iqmetrix.net/v1"
        );
        assert_eq!(
            Environment::Production.carrier_services_base(),
            "https://carrierservices.iqmetrix.net/v2"
        );
        assert_eq!(
            Environment::Demo.carrier_services_base(),
            "https://carrierservicesdemo.iqmetrix.net/v2"
        );
        assert_eq!(
            Environment::Rc.accounts_base(),
            "https://accountsrc.iqmetrix.net/v1"
        );
        assert_eq!(
            Environment::Int.carrier_services_base(),
            "https://carrierservicesint.iqmetrix.net/v2"
        );
        let custom = Environment::Custom {
            accounts_base: "http://127.0.0.1:1/v1/".into(),
            carrier_services_base: "http://127.0.0.1:2/v2".into(),
        };
        assert_eq!(custom.accounts_base(), "http://127.0.0.1:1/v1");
        assert_eq!(custom.word(), None);
    }

    #[test]
    fn bad_bases_and_empty_credentials_are_refused() {
        let custom = |base: &str| Environment::Custom {
            accounts_base: "http://127.0.0.1:1/v1".into(),
            carrier_services_base: base.into(),
        };
        for bad in ["ftp://x/v2", "not a url", "http://x/v2?a=1"] {
            let err = Client::builder(custom(bad), Credentials::bearer("t"))
                .build()
                .unwrap_err();
            assert!(matches!(err, Error::InvalidInput { .. }), "{bad}: {err}");
        }
        let err = Client::builder(Environment::Demo, Credentials::bearer(""))
            .build()
            .unwrap_err();
        assert!(err.to_string().contains("credentials.token"));
    }
}
