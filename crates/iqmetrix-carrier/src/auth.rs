//! Credentials and the OAuth2 token provider of the iQmetrix accounts service.
//!
//! One provider is shared by every clone of a [`Client`](crate::Client). Ordinary calls read
//! the cached token without waiting on anything but a short, uncontended read lock; only a
//! fetch or refresh takes the async `refresh` mutex, so at most one token request is in
//! flight however many tasks find the token stale at the same moment. A task that waited on
//! the mutex finds the fresh token in the cache and does not fetch again.

use std::sync::{Arc, PoisonError, RwLock};
use std::time::{Duration, Instant};

use serde::Deserialize;
use telecom_core::Secret;
use telecom_core::text::StringOrNumber;

use crate::error::{Error, Result, TokenErrorCode};
use crate::wire::{Http, Idempotency, RawResponse};

/// How the client authenticates.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub enum Credentials {
    /// The OAuth2 password grant with the credentials from the iQmetrix onboarding package;
    /// tokens are fetched, refreshed and re-fetched as needed.
    Password {
        /// User name, usually an e-mail address.
        username: String,
        /// The user's password.
        password: Secret,
        /// Client id issued by iQmetrix.
        client_id: String,
        /// Client secret issued by iQmetrix.
        client_secret: Secret,
    },
    /// A bearer token obtained elsewhere, used as is. A 401 cannot be recovered from.
    Bearer(Secret),
}

impl Credentials {
    /// Password-grant credentials.
    pub fn password(
        username: impl Into<String>,
        password: impl Into<Secret>,
        client_id: impl Into<String>,
        client_secret: impl Into<Secret>,
    ) -> Credentials {
        Credentials::Password {
            username: username.into(),
            password: password.into(),
            client_id: client_id.into(),
            client_secret: client_secret.into(),
        }
    }

    /// A static bearer token.
    pub fn bearer(token: impl Into<Secret>) -> Credentials {
        Credentials::Bearer(token.into())
    }
}

/// An access token and what is needed to replace it.
pub(crate) struct Token {
    pub(crate) access: Secret,
    refresh: Option<Secret>,
    /// When the token is to be replaced (its expiry less the early-refresh margin);
    /// `None` for a static token.
    refresh_at: Option<Instant>,
}

impl Token {
    fn is_fresh(&self, now: Instant) -> bool {
        self.refresh_at.is_none_or(|at| now < at)
    }
}

/// The token endpoint's success body. `expires_in` is a number in every example but a
/// string in the old C# sample, so both are read.
#[derive(Deserialize)]
struct TokenResponse {
    access_token: Secret,
    #[serde(default)]
    expires_in: Option<StringOrNumber>,
    #[serde(default)]
    refresh_token: Option<Secret>,
}

/// The token endpoint's error body (RFC 6749 section 5.2), when it is JSON.
#[derive(Deserialize)]
struct TokenErrorBody {
    error: Option<String>,
    error_description: Option<String>,
}

pub(crate) struct TokenProvider {
    credentials: Credentials,
    token_url: String,
    margin: Duration,
    cache: RwLock<Option<Arc<Token>>>,
    refresh: tokio::sync::Mutex<()>,
}

impl std::fmt::Debug for TokenProvider {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenProvider")
            .field("credentials", &self.credentials)
            .field("token_url", &self.token_url)
            .field("margin", &self.margin)
            .finish_non_exhaustive()
    }
}

impl TokenProvider {
    pub(crate) fn new(
        credentials: Credentials,
        token_url: String,
        margin: Duration,
    ) -> TokenProvider {
        let cache = match &credentials {
            Credentials::Bearer(token) => Some(Arc::new(Token {
                access: token.clone(),
                refresh: None,
                refresh_at: None,
            })),
            Credentials::Password { .. } => None,
        };
        TokenProvider {
            credentials,
            token_url,
            margin,
            cache: RwLock::new(cache),
            refresh: tokio::sync::Mutex::new(()),
        }
    }

    /// True when a refused token can be replaced.
    pub(crate) fn can_reauthenticate(&self) -> bool {
        matches!(self.credentials, Credentials::Password { .. })
    }

    fn cached(&self) -> Option<Arc<Token>> {
        self.cache
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    fn store(&self, token: Arc<Token>) {
        *self.cache.write().unwrap_or_else(PoisonError::into_inner) = Some(token);
    }

    /// A token fresh enough to use, fetching or refreshing one when needed.
    pub(crate) async fn token(&self, http: &Http) -> Result<Arc<Token>> {
        if let Some(token) = self.cached().filter(|t| t.is_fresh(Instant::now())) {
            return Ok(token);
        }
        let _gate = self.refresh.lock().await;
        // Another task may have refreshed while this one waited.
        let current = self.cached();
        if let Some(token) = current.as_ref().filter(|t| t.is_fresh(Instant::now())) {
            return Ok(Arc::clone(token));
        }
        let token = self.replace(http, current.as_deref()).await?;
        self.store(Arc::clone(&token));
        Ok(token)
    }

    /// A new token after `rejected` was refused with 401. When another task already
    /// replaced it, that replacement is returned without a new fetch.
    pub(crate) async fn reauthenticate(
        &self,
        http: &Http,
        rejected: &Arc<Token>,
    ) -> Result<Arc<Token>> {
        let _gate = self.refresh.lock().await;
        let current = self.cached();
        if let Some(token) = current.as_ref().filter(|t| !Arc::ptr_eq(t, rejected)) {
            return Ok(Arc::clone(token));
        }
        let token = self.replace(http, current.as_deref()).await?;
        self.store(Arc::clone(&token));
        Ok(token)
    }

    /// Refresh grant when there is a refresh token, falling back to the password grant when
    /// the refresh token is refused (it lives 7 days, or until blacklisted).
    async fn replace(&self, http: &Http, current: Option<&Token>) -> Result<Arc<Token>> {
        let Credentials::Password {
            username,
            password,
            client_id,
            client_secret,
        } = &self.credentials
        else {
            // A static token is always "fresh"; nothing to replace it with.
            return Err(Error::Unauthorized {
                operation: "token",
                reauthenticated: false,
                body: "the static bearer token was refused and cannot be renewed".to_owned(),
            });
        };
        if let Some(refresh) = current.and_then(|t| t.refresh.as_ref()) {
            let form = [
                ("grant_type", "refresh_token"),
                ("client_id", client_id.as_str()),
                ("client_secret", client_secret.expose()),
                ("refresh_token", refresh.expose()),
            ];
            // A refresh revokes the old token once it reached the server: never resent.
            match self.request(http, &form, Idempotency::ConnectOnly).await {
                Ok(token) => return Ok(token),
                Err(Error::Token {
                    code: TokenErrorCode::InvalidGrant,
                    ..
                }) => {
                    tracing::debug!(
                        vendor = "iqmetrix",
                        "refresh token refused; using the password grant"
                    );
                }
                Err(other) => return Err(other),
            }
        }
        let form = [
            ("grant_type", "password"),
            ("username", username.as_str()),
            ("password", password.expose()),
            ("client_id", client_id.as_str()),
            ("client_secret", client_secret.expose()),
        ];
        // Each password grant just issues another token, so it may be retried.
        self.request(http, &form, Idempotency::Idempotent).await
    }

    async fn request(
        &self,
        http: &Http,
        form: &[(&str, &str)],
        idempotency: Idempotency,
    ) -> Result<Arc<Token>> {
        let body = serde_urlencoded::to_string(form)
            .map_err(|e| Error::invalid("token request", e.to_string()))?;
        let grant = form.first().map(|(_, v)| *v).unwrap_or_default();
        // Boxed: the request loop also calls back into the provider for API calls, and an
        // async cycle needs one indirection.
        let response =
            Box::pin(http.send_token_request(&self.token_url, body, grant, idempotency)).await?;
        let issued = Instant::now();
        self.parse(response, issued)
    }

    fn parse(&self, response: RawResponse, issued: Instant) -> Result<Arc<Token>> {
        let status = response.status;
        let body = &response.body[..];
        if (200..300).contains(&status) {
            // Neither the body nor serde's message (which can quote a value) goes into the
            // error: both may hold the token.
            let parsed: TokenResponse = serde_json::from_slice(body).map_err(|e| {
                Error::decode(
                    "token",
                    format!(
                        "not a token response (line {}, column {})",
                        e.line(),
                        e.column()
                    ),
                    b"(token response body withheld)",
                    None,
                )
            })?;
            if parsed.access_token.is_empty() {
                return Err(Error::decode("token", "empty access_token", b"", None));
            }
            let lifetime = match parsed.expires_in {
                Some(text) => text
                    .0
                    .trim()
                    .parse::<u64>()
                    .map(Duration::from_secs)
                    .map_err(|_| {
                        Error::decode(
                            "token",
                            "expires_in is not a whole number of seconds",
                            text.0.as_bytes(),
                            None,
                        )
                    })?,
                // Undocumented absence: assume the documented 12 hours.
                None => Duration::from_secs(43_199),
            };
            // Refresh early, but never sooner than half-way through a short lifetime.
            let margin = self.margin.min(lifetime / 2);
            return Ok(Arc::new(Token {
                access: parsed.access_token,
                refresh: parsed.refresh_token,
                refresh_at: Some(issued + lifetime - margin),
            }));
        }
        if status == 400 || status == 401 {
            let (code, description) = match serde_json::from_slice::<TokenErrorBody>(body) {
                Ok(parsed) => (
                    parsed
                        .error
                        .map(TokenErrorCode::from)
                        .unwrap_or(TokenErrorCode::Unspecified),
                    parsed.error_description,
                ),
                Err(_) => (
                    TokenErrorCode::Unspecified,
                    Some(crate::error::body_excerpt(body)).filter(|s| !s.trim().is_empty()),
                ),
            };
            return Err(Error::Token {
                status,
                code,
                description,
            });
        }
        Err(crate::wire::status_error("token", &response))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn provider(margin: Duration) -> TokenProvider {
        TokenProvider::new(
            Credentials::password("u", "p", "c", "s"),
            "http://127.0.0.1:9/v1/oauth2/token".into(),
            margin,
        )
    }

    fn answer(status: u16, body: &str) -> RawResponse {
        RawResponse {
            status,
            headers: reqwest::header::HeaderMap::new(),
            body: bytes::Bytes::copy_from_slice(body.as_bytes()),
        }
    }

    #[test]
    fn tokens_are_replaced_a_margin_before_expiry() {
        let issued = Instant::now();
        let token = provider(Duration::from_secs(300))
            .parse(
                answer(
                    200,
                    r#"{"access_token":"a","expires_in":43199,"refresh_token":"r"}"#,
                ),
                issued,
            )
            .unwrap();
        assert_eq!(
            token.refresh_at,
            Some(issued + Duration::from_secs(43199 - 300))
        );
        assert!(token.is_fresh(issued + Duration::from_secs(43199 - 301)));
        assert!(!token.is_fresh(issued + Duration::from_secs(43199 - 300)));
        // A short lifetime is used for at least half of it.
        let short = provider(Duration::from_secs(300))
            .parse(
                answer(200, r#"{"access_token":"a","expires_in":"60"}"#),
                issued,
            )
            .unwrap();
        assert_eq!(short.refresh_at, Some(issued + Duration::from_secs(30)));
        assert!(short.refresh.is_none());
    }

    #[test]
    fn token_errors_are_typed_and_never_quote_the_token() {
        let p = provider(Duration::ZERO);
        let err = p
            .parse(
                answer(
                    400,
                    r#"{"error":"invalid_client","error_description":"bad client"}"#,
                ),
                Instant::now(),
            )
            .err()
            .unwrap();
        assert!(
            matches!(
                err,
                Error::Token {
                    code: TokenErrorCode::InvalidClient,
                    ..
                }
            ),
            "{err}"
        );
        assert_eq!(
            err.to_string(),
            "token service error invalid_client (HTTP 400): bad client"
        );
        let err = p
            .parse(
                answer(200, r#"{"access_token":12345678,"expires_in":1}"#),
                Instant::now(),
            )
            .err()
            .unwrap();
        assert!(!format!("{err} {err:?}").contains("12345678"), "{err:?}");
        let err = p.parse(answer(503, "busy"), Instant::now()).err().unwrap();
        assert_eq!(err.status(), Some(503));
        assert!(err.is_retryable());
    }
}
