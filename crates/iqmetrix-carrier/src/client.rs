//! [`Client`], its builder, and the iQmetrix environments.

use std::sync::Arc;
use std::time::Duration;

use telecom_core::call::AttemptTimer;
use telecom_core::{Redactor, RetryPolicy, Timeouts};

use crate::auth::{Credentials, TokenProvider};
use crate::error::{Error, Result};
use crate::transport::Http;

/// Which iQmetrix environment to talk to (default [`Environment::Production`]). The accounts
/// (token) host and the carrier-services host always come from the same environment, as
/// tokens work in one environment only.
///
/// Hosts follow iQmetrix's rule `https://{service}{environment word}.iqmetrix.net`; the client
/// adds `/v1` (accounts) and `/v2` (carrier services):
///
/// | environment | accounts host | carrier-services host |
/// |---|---|---|
/// | `Production` | `https://accounts.iqmetrix.net` | `https://carrierservices.iqmetrix.net` |
/// | `Demo` | `https://accountsdemo.iqmetrix.net` | `https://carrierservicesdemo.iqmetrix.net` |
/// | `Rc` | `https://accountsrc.iqmetrix.net` | `https://carrierservicesrc.iqmetrix.net` |
/// | `Int` | `https://accountsint.iqmetrix.net` | `https://carrierservicesint.iqmetrix.net` |
///
/// The `rc` and `int` carrier hosts are inferred from the rule; no iQmetrix page shows them.
/// For a proxy or a local fake, [`ClientBuilder::base_url`] replaces both hosts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Environment {
    /// Production (empty environment word).
    #[default]
    Production,
    /// The sandbox, word `demo`.
    Demo,
    /// The release-candidate sandbox, word `rc` (newer documentation's sandbox).
    Rc,
    /// The integration environment, word `int`.
    Int,
}

impl Environment {
    /// The environment word (`""` for production).
    pub fn word(self) -> &'static str {
        match self {
            Environment::Production => "",
            Environment::Demo => "demo",
            Environment::Rc => "rc",
            Environment::Int => "int",
        }
    }

    /// The accounts (OAuth2 token service) host, without its `/v1`.
    pub fn accounts_url(self) -> &'static str {
        match self {
            Environment::Production => "https://accounts.iqmetrix.net",
            Environment::Demo => "https://accountsdemo.iqmetrix.net",
            Environment::Rc => "https://accountsrc.iqmetrix.net",
            Environment::Int => "https://accountsint.iqmetrix.net",
        }
    }

    /// The carrier-services host, without its `/v2`.
    pub fn base_url(self) -> &'static str {
        match self {
            Environment::Production => "https://carrierservices.iqmetrix.net",
            Environment::Demo => "https://carrierservicesdemo.iqmetrix.net",
            Environment::Rc => "https://carrierservicesrc.iqmetrix.net",
            Environment::Int => "https://carrierservicesint.iqmetrix.net",
        }
    }
}

/// The version part of the accounts service's paths.
const ACCOUNTS_VERSION: &str = "v1";
/// The version part of carrier services' paths.
const CARRIER_SERVICES_VERSION: &str = "v2";

#[derive(Debug)]
pub(crate) struct Inner {
    pub(crate) http: Http,
    /// The carrier-services root as configured, without `/v2`.
    pub(crate) base_url: String,
    /// `{base_url}/v2`: every carrier-services path is relative to it.
    pub(crate) api_base: String,
    /// `{api_base}/` parsed: each call's URL is joined to it, so no call parses a host
    /// (reqwest would parse a `&str` URL on every send, its host through IDNA included).
    pub(crate) api_root: reqwest::Url,
    pub(crate) auth: TokenProvider,
}

impl Inner {
    /// `{api_base}/{path}`, `path` relative to it whatever slashes it starts with, and with
    /// any query it carries (a paging `$skip`).
    pub(crate) fn url_for(&self, path: &str) -> Result<reqwest::Url> {
        // `./` first: a first segment with a colon in it is a path, never a scheme.
        let relative = format!("./{}", path.trim_start_matches('/'));
        self.api_root
            .join(&relative)
            .map_err(|e| Error::invalid("path", format!("{path:?} is not a URL path: {e}")))
    }
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
    /// A builder for a client with these credentials, in production unless
    /// [`ClientBuilder::environment`] or [`ClientBuilder::base_url`] says otherwise.
    pub fn builder(credentials: Credentials) -> ClientBuilder {
        ClientBuilder {
            credentials,
            base_url: None,
            timeouts: Timeouts::default(),
            retry: RetryPolicy::default(),
            http: None,
            environment: Environment::default(),
            accounts_url: None,
            refresh_margin: Duration::from_secs(300),
            max_body_bytes: telecom_core::body::DEFAULT_MAX_BODY_BYTES,
        }
    }

    /// A production client with every default: `Client::builder(credentials).build()`.
    pub fn new(credentials: Credentials) -> Result<Client> {
        Client::builder(credentials).build()
    }

    /// The carrier-services root in use, without `/v2` (what
    /// [`ClientBuilder::base_url`] was given, or the environment's host).
    pub fn base_url(&self) -> &str {
        &self.inner.base_url
    }

    /// `{base_url}/v2`, the base of every carrier-services path and of the paging links.
    pub(crate) fn api_base(&self) -> &str {
        &self.inner.api_base
    }
}

/// Configures a [`Client`]: [`Client::builder`], the setters that apply, then
/// [`ClientBuilder::build`].
#[derive(Debug)]
#[must_use]
pub struct ClientBuilder {
    credentials: Credentials,
    base_url: Option<String>,
    timeouts: Timeouts,
    retry: RetryPolicy,
    http: Option<reqwest::Client>,
    environment: Environment,
    accounts_url: Option<String>,
    refresh_margin: Duration,
    max_body_bytes: usize,
}

impl ClientBuilder {
    /// One host root for both services, given without `/v1` or `/v2` (a proxy, or a local
    /// fake such as `telecom_sandbox::iqmetrix`): tokens come from `{url}/v1/oauth2/token`,
    /// carrier services are at `{url}/v2`. Replaces the [`environment`](Self::environment)'s
    /// hosts; [`accounts_url`](Self::accounts_url) may still move the token service.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = Some(url.into());
        self
    }

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

    /// Uses this `reqwest::Client` (its pool, proxy, TLS and connect timeout settings); the
    /// client's request timeout still bounds each attempt. Build it with
    /// `.redirect(reqwest::redirect::Policy::none())`, as the default client is: a client that
    /// follows redirects resends a request's body, credentials included, and its headers but
    /// `Authorization` to wherever a `Location` points.
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http = Some(client);
        self
    }

    /// The iQmetrix environment whose hosts to use (default [`Environment::Production`]),
    /// when no [`base_url`](Self::base_url) is given.
    pub fn environment(mut self, environment: Environment) -> Self {
        self.environment = environment;
        self
    }

    /// The accounts (token service) host root, without `/v1`, when it is not where
    /// [`base_url`](Self::base_url) or the environment puts it.
    pub fn accounts_url(mut self, url: impl Into<String>) -> Self {
        self.accounts_url = Some(url.into());
        self
    }

    /// How long before its expiry a token is replaced (default 5 minutes; at most half the
    /// token's lifetime is used).
    pub fn token_refresh_margin(mut self, margin: Duration) -> Self {
        self.refresh_margin = margin;
        self
    }

    /// The longest answer body the client reads, the token service's included (default 64
    /// MiB): a longer one, declared or received, ends the call with [`Error::Decode`] and is
    /// not resent.
    pub fn max_body_bytes(mut self, limit: usize) -> Self {
        self.max_body_bytes = limit;
        self
    }

    /// Builds the client. Fails ([`Error::InvalidInput`] naming the setting) when a URL is
    /// not an `http(s)` host root (a query, a fragment, or a trailing `/v1`/`/v2` is
    /// refused: the client adds those) or a credential is empty.
    ///
    /// The client's redactor is built here from every secret the credentials hold (the
    /// password and client secret, or the static bearer token); each call adds the tokens
    /// it sends and any SSN in its body.
    pub fn build(self) -> Result<Client> {
        let base_url = match &self.base_url {
            Some(url) => checked_root("base_url", url)?,
            None => self.environment.base_url().to_owned(),
        };
        let accounts_url = match (&self.accounts_url, &self.base_url) {
            (Some(url), _) => checked_root("accounts_url", url)?,
            (None, Some(_)) => base_url.clone(),
            (None, None) => self.environment.accounts_url().to_owned(),
        };
        self.credentials.validate()?;
        let client = match self.http {
            Some(client) => client,
            None => reqwest::Client::builder()
                .connect_timeout(self.timeouts.connect)
                // A redirect is answered as its status. Followed, a 307 or 308 resends the
                // body (credentials included) to wherever `Location` says, with every header
                // but `Authorization` and cookies, and a connect failure there would pass
                // for "nothing was sent".
                .redirect(reqwest::redirect::Policy::none())
                .user_agent(concat!("iqmetrix-carrier/", env!("CARGO_PKG_VERSION")))
                .build()
                .map_err(|e| Error::invalid("http_client", e.to_string()))?,
        };
        let mut redactor = Redactor::new();
        self.credentials.register_secrets(&mut redactor);
        let auth = TokenProvider::new(
            self.credentials,
            parsed(
                "accounts_url",
                &format!("{accounts_url}/{ACCOUNTS_VERSION}/oauth2/token"),
            )?,
            self.refresh_margin,
        );
        let api_base = format!("{base_url}/{CARRIER_SERVICES_VERSION}");
        let api_root = parsed("base_url", &format!("{api_base}/"))?;
        Ok(Client {
            inner: Arc::new(Inner {
                http: Http {
                    client,
                    retry: self.retry,
                    timeouts: self.timeouts,
                    timer: AttemptTimer::new(),
                    redactor,
                    max_body_bytes: self.max_body_bytes,
                },
                api_base,
                api_root,
                base_url,
                auth,
            }),
        })
    }
}

/// A URL built from a checked root.
fn parsed(field: &str, url: &str) -> Result<reqwest::Url> {
    reqwest::Url::parse(url).map_err(|e| Error::invalid(field, format!("is not a URL: {e}")))
}

/// A host root (with an optional path prefix, for a proxy), its trailing `/` removed.
fn checked_root(field: &str, root: &str) -> Result<String> {
    telecom_core::base_url::parse(root).map_err(|e| Error::invalid(field, e.to_string()))?;
    let root = root.trim_end_matches('/');
    // The old way was to give each base with its version; sent on, every path would be
    // `/v2/v2/...` and answered 404 far from the mistake.
    if let Some(version) = root
        .rsplit('/')
        .next()
        .filter(|last| [ACCOUNTS_VERSION, CARRIER_SERVICES_VERSION].contains(last))
    {
        return Err(Error::invalid(
            field,
            format!("give the host root without /{version}: the client adds /v1 and /v2"),
        ));
    }
    Ok(root.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build(builder: ClientBuilder) -> Client {
        builder.build().expect("the client builds")
    }

    fn token_url(client: &Client) -> String {
        format!("{:?}", client.inner.auth)
    }

    #[test]
    fn environments_pair_their_hosts_and_production_is_the_default() {
        let client = build(Client::builder(Credentials::bearer("t")));
        assert_eq!(client.base_url(), "https://carrierservices.iqmetrix.net");
        assert_eq!(client.api_base(), "https://carrierservices.iqmetrix.net/v2");
        assert!(token_url(&client).contains("https://accounts.iqmetrix.net/v1/oauth2/token"));
        let demo = build(Client::builder(Credentials::bearer("t")).environment(Environment::Demo));
        assert_eq!(
            demo.api_base(),
            "https://carrierservicesdemo.iqmetrix.net/v2"
        );
        assert!(token_url(&demo).contains("https://accountsdemo.iqmetrix.net/v1/oauth2/token"));
        assert_eq!(
            Environment::Rc.accounts_url(),
            "https://accountsrc.iqmetrix.net"
        );
        assert_eq!(
            Environment::Int.base_url(),
            "https://carrierservicesint.iqmetrix.net"
        );
        assert_eq!(Environment::Production.word(), "");
    }

    #[test]
    fn call_urls_read_as_the_api_base_and_the_path_written_out() {
        for base in ["http://127.0.0.1:9", "http://127.0.0.1:9/proxy/"] {
            let client = Client::builder(Credentials::bearer("t"))
                .base_url(base)
                .build()
                .expect("builds");
            for path in [
                "Companies(123)/Locations(5678)/Carriers(41)/Activations(6=1115550123)",
                "/Companies(1)/CarrierIntegrations(2)/ConfirmedActivations?$skip=50&$top=50",
                "Carriers(41):x/with space/%41",
                "Companies(1)/../Companies(2)",
            ] {
                let written_out = format!("{}/{}", client.api_base(), path.trim_start_matches('/'));
                let expected = reqwest::Url::parse(&written_out).expect("parses");
                let url = client.inner.url_for(path).expect("joins");
                assert_eq!(url, expected, "{path}");
            }
        }
    }

    #[test]
    fn one_base_url_points_both_services_at_one_host() {
        let client = build(
            Client::builder(Credentials::bearer("t"))
                .environment(Environment::Demo)
                .base_url("http://127.0.0.1:9/"),
        );
        assert_eq!(client.base_url(), "http://127.0.0.1:9");
        assert_eq!(client.api_base(), "http://127.0.0.1:9/v2");
        assert!(token_url(&client).contains("http://127.0.0.1:9/v1/oauth2/token"));
        let split = build(
            Client::builder(Credentials::bearer("t"))
                .base_url("http://127.0.0.1:9/proxy")
                .accounts_url("http://127.0.0.1:8"),
        );
        assert_eq!(split.api_base(), "http://127.0.0.1:9/proxy/v2");
        assert!(token_url(&split).contains("http://127.0.0.1:8/v1/oauth2/token"));
    }

    #[test]
    fn bad_urls_and_empty_credentials_are_refused_by_setting_name() {
        let field = |builder: ClientBuilder| match builder.build() {
            Err(Error::InvalidInput { field, .. }) => field,
            other => format!("built: {other:?}"),
        };
        for bad in [
            "ftp://x",
            "not a url",
            "http://x?a=1",
            "https://me:pw@x",
            "http://x/v2",
            "http://x/v1/",
        ] {
            assert_eq!(
                field(Client::builder(Credentials::bearer("t")).base_url(bad)),
                "base_url",
                "{bad}"
            );
        }
        assert_eq!(
            field(Client::builder(Credentials::bearer("t")).accounts_url("http://x/v1")),
            "accounts_url"
        );
        assert_eq!(
            field(Client::builder(Credentials::bearer(""))),
            "credentials.token"
        );
    }
}
