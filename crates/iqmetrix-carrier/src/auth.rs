//! Credentials and the OAuth2 token provider of the iQmetrix accounts service.
//!
//! One provider is shared by every clone of a [`Client`](crate::Client). Ordinary calls read
//! the cached token without waiting on anything but a short, uncontended read lock; only a
//! fetch or refresh takes the async `refresh` mutex, so at most one token request is in
//! flight however many tasks find the token stale at the same moment. A task that waited on
//! the mutex finds the fresh token in the cache and does not fetch again.
//!
//! Each token request is a call of its own on the one send path (operation `token` for the
//! password grant, `token_refresh` for the refresh grant), and a write under the one resend
//! rule: it is sent again only when no connection was made or the service answered 429.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, PoisonError, RwLock};
use std::time::{Duration, Instant};

use reqwest::Method;
use reqwest::header::{HeaderMap, HeaderValue};
use serde::Deserialize;
use telecom_core::lenient::StringOrNumber;
use telecom_core::{CallKind, Redacted, Redactor, Secret};

use crate::error::{Error, Result, TokenErrorCode};
use crate::transport::{Bearer, Http, Operation, Request};
use crate::wire::{self, FORM, JSON};

/// The password grant changes nothing at the service but issue one more token, so sending
/// it again after a reset or a 5xx is safe: an idempotent write.
const PASSWORD_GRANT: Operation = Operation::new("token", CallKind::IdempotentWrite);
/// The refresh grant revokes the old token once it reached the service.
const REFRESH_GRANT: Operation = Operation::new("token_refresh", CallKind::Write);

/// The longest token lifetime believed: a larger `expires_in` is read as this (a year).
const MAX_TOKEN_LIFETIME: Duration = Duration::from_secs(365 * 24 * 60 * 60);

/// How the client authenticates: the OAuth2 password grant, its four values named, or a
/// bearer token obtained elsewhere.
///
/// ```
/// use iqmetrix_carrier::Credentials;
/// let credentials = Credentials::Password {
///     username: "user@example.com".into(),
///     password: "password".into(),
///     client_id: "client-id".into(),
///     client_secret: "client-secret".into(),
/// };
/// // Secrets never show in `Debug`.
/// assert!(!format!("{credentials:?}").contains("client-secret"));
/// let static_token = Credentials::bearer("an-access-token");
/// # let _ = static_token;
/// ```
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
    /// A static bearer token.
    pub fn bearer(token: impl Into<Secret>) -> Credentials {
        Credentials::Bearer(token.into())
    }

    /// Refuses an empty value, named as the builder setting it came from.
    pub(crate) fn validate(&self) -> Result<()> {
        let empty = match self {
            Credentials::Bearer(token) if token.is_empty() => Some("credentials.token"),
            Credentials::Password { username, .. } if username.is_empty() => {
                Some("credentials.username")
            }
            Credentials::Password { client_id, .. } if client_id.is_empty() => {
                Some("credentials.client_id")
            }
            _ => None,
        };
        match empty {
            Some(field) => Err(Error::invalid(field, "is empty")),
            None => Ok(()),
        }
    }

    /// Registers every secret the credentials hold with the client's redactor.
    pub(crate) fn register_secrets(&self, redactor: &mut Redactor) {
        match self {
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
    }
}

/// An access token and what is needed to replace it.
pub(crate) struct Token {
    refresh: Option<Secret>,
    /// Set once the token service refused `refresh`: a dead refresh token is never sent
    /// again, whatever became of the password grant that followed.
    refresh_refused: AtomicBool,
    /// When the token is to be replaced (its expiry less the early-refresh margin);
    /// `None` for a static token.
    refresh_at: Option<Instant>,
    /// `Bearer <access>`, made once for every call the token is sent with; `None` when the
    /// token holds characters a header cannot.
    authorization: Option<HeaderValue>,
    /// Masks the access and refresh token, its forms made once for every call.
    mask: Redactor,
}

impl Token {
    fn new(access: Secret, refresh: Option<Secret>, refresh_at: Option<Instant>) -> Token {
        let authorization = HeaderValue::from_str(&format!("Bearer {}", access.expose()))
            .ok()
            .map(|mut value| {
                value.set_sensitive(true);
                value
            });
        let mut mask = Redactor::new();
        mask.add_secret(&access);
        if let Some(refresh) = &refresh {
            mask.add_secret(refresh);
        }
        Token {
            refresh,
            refresh_refused: AtomicBool::new(false),
            refresh_at,
            authorization,
            mask,
        }
    }

    pub(crate) fn is_fresh(&self, now: Instant) -> bool {
        self.refresh_at.is_none_or(|at| now < at)
    }

    /// The refresh token, unless the token service already refused it.
    fn live_refresh(&self) -> Option<&Secret> {
        self.refresh
            .as_ref()
            .filter(|_| !self.refresh_refused.load(Ordering::Relaxed))
    }
}

/// Whether the token service answered a grant and refused it: an OAuth2 error (any code, a
/// plain-text body included) or another 4xx. A 429, a 5xx or a transport failure says
/// nothing about the grant itself.
fn is_refusal(error: &Error) -> bool {
    match error {
        Error::Token { .. } => true,
        other => other
            .status()
            .is_some_and(|status| (400..500).contains(&status) && status != 429),
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
    token_url: reqwest::Url,
    margin: Duration,
    cache: RwLock<Option<Arc<Token>>>,
    refresh: tokio::sync::Mutex<()>,
}

impl std::fmt::Debug for TokenProvider {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenProvider")
            .field("credentials", &self.credentials)
            .field("token_url", &self.token_url.as_str())
            .field("margin", &self.margin)
            .finish_non_exhaustive()
    }
}

impl TokenProvider {
    pub(crate) fn new(
        credentials: Credentials,
        token_url: reqwest::Url,
        margin: Duration,
    ) -> TokenProvider {
        let cache = match &credentials {
            Credentials::Bearer(token) => Some(Arc::new(Token::new(token.clone(), None, None))),
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

    fn cached(&self) -> Option<Arc<Token>> {
        self.cache
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    fn store(&self, token: Arc<Token>) {
        *self.cache.write().unwrap_or_else(PoisonError::into_inner) = Some(token);
    }

    /// `redactor` extended with the tokens held now, for text read outside a call.
    pub(crate) fn mask_current(&self, redactor: &Redactor) -> Redactor {
        match self.cached() {
            Some(token) => mask(&token, redactor),
            None => redactor.clone(),
        }
    }

    /// A token fresh enough to use, fetching or refreshing one when needed.
    async fn token(&self, http: &Http) -> Result<Arc<Token>> {
        if let Some(token) = self.fresh() {
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
    async fn reauthenticate(&self, http: &Http, rejected: &Arc<Token>) -> Result<Arc<Token>> {
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
    /// the token service refuses the refresh grant in any way (the refresh token lives 7
    /// days, or until blacklisted; the service's words for that are not documented). A
    /// refused refresh token is marked dead, so it is not sent again.
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
                operation: PASSWORD_GRANT.name,
                reauthenticated: false,
                body: Redacted::fixed("the static bearer token was refused and cannot be renewed"),
            });
        };
        let mut redactor = http.redactor.clone();
        if let Some(current) = current {
            redactor = mask(current, &redactor);
        }
        if let Some(current) = current
            && let Some(refresh) = current.live_refresh()
        {
            let form = [
                ("grant_type", "refresh_token"),
                ("client_id", client_id.as_str()),
                ("client_secret", client_secret.expose()),
                ("refresh_token", refresh.expose()),
            ];
            match self.request(http, REFRESH_GRANT, &form, &redactor).await {
                Ok(token) => return Ok(token),
                Err(refused) if is_refusal(&refused) => {
                    current.refresh_refused.store(true, Ordering::Relaxed);
                    tracing::debug!(
                        vendor = "iqmetrix",
                        status = refused.status(),
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
        self.request(http, PASSWORD_GRANT, &form, &redactor).await
    }

    async fn request(
        &self,
        http: &Http,
        operation: Operation,
        form: &[(&str, &str)],
        redactor: &Redactor,
    ) -> Result<Arc<Token>> {
        // Form pairs of plain strings always encode; the message would quote nothing.
        let body = serde_urlencoded::to_string(form)
            .map_err(|e| Error::invalid("token request", e.to_string()))?;
        let request = Request {
            operation,
            method: Method::POST,
            url: self.token_url.clone(),
            accept: JSON,
            body: Some((FORM, body.into())),
            redactor: redactor.clone(),
            on_error: token_error,
        };
        let answer = http.send_anonymous(&request).await?;
        // A service that answers a refused grant with a success status and an OAuth2 error
        // body has refused it all the same: read as a success, a dead refresh token would
        // fail every call instead of giving way to the password grant.
        if let Ok(TokenErrorBody {
            error: Some(code),
            error_description,
        }) = telecom_core::text::read_json::<TokenErrorBody>(&answer.body)
        {
            return Err(oauth_error(
                &answer.redactor,
                answer.status,
                Some(code),
                error_description,
            ));
        }
        self.parse(
            operation.name,
            &answer.redactor,
            &answer.body,
            Instant::now(),
        )
    }

    pub(crate) fn parse(
        &self,
        operation: &'static str,
        redactor: &Redactor,
        body: &[u8],
        issued: Instant,
    ) -> Result<Arc<Token>> {
        // Neither the body nor serde's message (which can quote a value) goes into the
        // error: both may hold the token, which no redactor knows yet.
        let parsed: TokenResponse = telecom_core::text::read_json(body).map_err(|e| {
            Error::decode(
                operation,
                redactor.message(&format!(
                    "not a token response (line {}, column {})",
                    e.line(),
                    e.column()
                )),
                Redacted::fixed("(token response body withheld)"),
            )
        })?;
        if parsed.access_token.is_empty() {
            return Err(Error::decode(
                operation,
                Redacted::fixed("empty access_token"),
                Redacted::fixed(""),
            ));
        }
        let lifetime = match parsed
            .expires_in
            .as_ref()
            .filter(|t| !t.0.trim().is_empty())
        {
            Some(text) => lifetime_of(&text.0).ok_or_else(|| {
                // The tokens of this very answer are not in any redactor yet.
                let mut redactor = redactor.with(&parsed.access_token);
                if let Some(refresh) = &parsed.refresh_token {
                    redactor.add_secret(refresh);
                }
                Error::decode(
                    operation,
                    Redacted::fixed("expires_in is not a number of seconds"),
                    wire::excerpt(&redactor, text.0.as_bytes()),
                )
            })?,
            // Undocumented absence (or `""`): assume the documented 12 hours.
            None => Duration::from_secs(43_199),
        };
        // A lifetime past any real one (`expires_in` up to u64::MAX) is held to a year, so
        // the instant to refresh at always exists.
        let lifetime = lifetime.min(MAX_TOKEN_LIFETIME);
        // Refresh early, but never sooner than half-way through a short lifetime.
        let margin = self.margin.min(lifetime / 2);
        // A clock that cannot add a year: refresh at once rather than never.
        let refresh_at = issued.checked_add(lifetime - margin).unwrap_or(issued);
        Ok(Arc::new(Token::new(
            parsed.access_token,
            parsed.refresh_token,
            Some(refresh_at),
        )))
    }
}

/// The lifetime an `expires_in` text stands for: whole seconds; a fraction rounded down, as
/// the token is not good for the part of a second; zero or less as expired already (the
/// token is used for the call that fetched it and replaced on the next). `None` for text
/// that is no number of seconds at all.
fn lifetime_of(text: &str) -> Option<Duration> {
    let text = text.trim();
    if let Ok(seconds) = text.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let seconds = text.parse::<f64>().ok().filter(|s| s.is_finite())?;
    // `as` saturates: a count past u64 is held to a year by the caller anyway.
    Some(Duration::from_secs(seconds.max(0.0).floor() as u64))
}

/// `redactor` extended with the access and refresh token of `token`.
fn mask(token: &Token, redactor: &Redactor) -> Redactor {
    redactor.joined(&token.mask)
}

/// The error of a token-service answer that is not a success: RFC 6749 errors for 400 and
/// 401 (a plain-text body is kept, masked, as the description), else the status error.
pub(crate) fn token_error(
    redactor: &Redactor,
    operation: &'static str,
    status: u16,
    headers: &HeaderMap,
    body: &[u8],
) -> Error {
    if status != 400 && status != 401 {
        return wire::status_error(redactor, operation, status, headers, body);
    }
    let (code, description) = match telecom_core::text::read_json::<TokenErrorBody>(body) {
        Ok(TokenErrorBody {
            error: None,
            error_description: None,
        }) => (
            // Not an OAuth2 error (an ASP.NET `{"Message", "ModelState"}`, say): what it
            // says, or the body itself, is all there is to tell the caller.
            TokenErrorCode::Unspecified,
            wire::body_message(redactor, body)
                .or_else(|| Some(wire::excerpt(redactor, body)))
                .filter(|s| !s.as_str().trim().is_empty()),
        ),
        Ok(parsed) => return oauth_error(redactor, status, parsed.error, parsed.error_description),
        Err(_) => (
            TokenErrorCode::Unspecified,
            Some(wire::excerpt(redactor, body)).filter(|s| !s.as_str().trim().is_empty()),
        ),
    };
    Error::Token {
        status,
        code,
        description,
    }
}

/// The error of an RFC 6749 error body's `error` and `error_description`, masked.
fn oauth_error(
    redactor: &Redactor,
    status: u16,
    code: Option<String>,
    description: Option<String>,
) -> Error {
    Error::Token {
        status,
        // An unknown code is kept as text, so it is masked like any other.
        code: code
            .map(|e| TokenErrorCode::from(redactor.message(&e).as_str().to_owned()))
            .unwrap_or(TokenErrorCode::Unspecified),
        description: description
            .map(|d| redactor.excerpt_chars(d.as_bytes(), wire::BODY_EXCERPT_CHARS)),
    }
}

impl Bearer for TokenProvider {
    type Token = Token;

    fn authorization(token: &Token) -> Option<&HeaderValue> {
        token.authorization.as_ref()
    }

    fn mask(token: &Token, redactor: &Redactor) -> Redactor {
        mask(token, redactor)
    }

    fn can_renew(&self) -> bool {
        matches!(self.credentials, Credentials::Password { .. })
    }

    fn fresh(&self) -> Option<Arc<Token>> {
        self.cached().filter(|t| t.is_fresh(Instant::now()))
    }

    async fn current(&self, http: &Http) -> Result<Arc<Token>> {
        self.token(http).await
    }

    async fn renew(&self, http: &Http, rejected: &Arc<Token>) -> Result<Arc<Token>> {
        self.reauthenticate(http, rejected).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn provider(margin: Duration) -> TokenProvider {
        TokenProvider::new(
            Credentials::Password {
                username: "u".into(),
                password: "p".into(),
                client_id: "c".into(),
                client_secret: "s".into(),
            },
            reqwest::Url::parse("http://127.0.0.1:9/v1/oauth2/token").expect("a URL"),
            margin,
        )
    }

    fn parse(p: &TokenProvider, body: &str, issued: Instant) -> Result<Arc<Token>> {
        p.parse("token", &Redactor::new(), body.as_bytes(), issued)
    }

    fn error(status: u16, body: &str) -> Error {
        token_error(
            &Redactor::new(),
            "token",
            status,
            &HeaderMap::new(),
            body.as_bytes(),
        )
    }

    #[test]
    fn tokens_are_replaced_a_margin_before_expiry() {
        let issued = Instant::now();
        let p = provider(Duration::from_secs(300));
        let token = parse(
            &p,
            r#"{"access_token":"a","expires_in":43199,"refresh_token":"r"}"#,
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
        let short = parse(&p, r#"{"access_token":"a","expires_in":"60"}"#, issued).unwrap();
        assert_eq!(short.refresh_at, Some(issued + Duration::from_secs(30)));
        assert!(short.refresh.is_none());
        // A lifetime no clock can add (a fuzz regression) is held to a year, not a panic.
        let long = parse(
            &p,
            r#"{"access_token":"a","expires_in":18446744073709551615}"#,
            issued,
        )
        .unwrap();
        assert_eq!(
            long.refresh_at,
            Some(issued + MAX_TOKEN_LIFETIME - Duration::from_secs(300))
        );
    }

    #[test]
    fn odd_lifetimes_still_give_a_token() {
        let issued = Instant::now();
        let p = provider(Duration::from_secs(300));
        let refresh_at = |expires_in: &str| {
            let body = format!(r#"{{"access_token":"a","expires_in":{expires_in}}}"#);
            parse(&p, &body, issued).map(|t| t.refresh_at)
        };
        let twelve_hours = Some(issued + Duration::from_secs(43_199 - 300));
        for absent in [r#""""#, r#"" ""#, "null"] {
            assert_eq!(refresh_at(absent).unwrap(), twelve_hours, "{absent}");
        }
        for fraction in ["43199.5", r#""43199.9""#] {
            assert_eq!(refresh_at(fraction).unwrap(), twelve_hours, "{fraction}");
        }
        // Zero or less: expired already. The call that fetched it uses it (the caller does
        // not ask whether it is fresh) and the next one replaces it.
        for expired in ["-1", r#""-5""#, "-0.5", "0"] {
            let at = refresh_at(expired).unwrap();
            assert_eq!(at, Some(issued), "{expired}");
            assert!(
                parse(
                    &p,
                    &format!(r#"{{"access_token":"a","expires_in":{expired}}}"#),
                    issued
                )
                .is_ok_and(|t| !t.is_fresh(issued))
            );
        }
        // Text that is no number of seconds is still an error, which quotes no token.
        let err = parse(
            &p,
            r#"{"access_token":"tok-12345","expires_in":"soon tok-12345"}"#,
            issued,
        )
        .err()
        .unwrap();
        assert!(matches!(err, Error::Decode { .. }), "{err:?}");
        assert!(!format!("{err} {err:?}").contains("tok-12345"), "{err:?}");
    }

    #[test]
    fn a_token_error_without_oauth_fields_keeps_what_the_body_says() {
        let err = error(
            400,
            r#"{"Message":"The request is invalid.","ModelState":{"username":["The username field is required."]}}"#,
        );
        assert_eq!(
            err.to_string(),
            "token service error unspecified (HTTP 400): The request is invalid. username: \
             The username field is required."
        );
        let err = error(400, r#"{"Code":17}"#);
        assert_eq!(
            err.to_string(),
            r#"token service error unspecified (HTTP 400): {"Code":17}"#
        );
        let err = error(400, "{}");
        assert!(err.to_string().ends_with("{}"), "{err}");
        let mut redactor = Redactor::new();
        redactor.add("hunter2-password");
        let err = token_error(
            &redactor,
            "token",
            400,
            &HeaderMap::new(),
            br#"{"Message":"bad password hunter2-password"}"#,
        );
        assert!(!format!("{err} {err:?}").contains("hunt"), "{err:?}");
    }

    #[test]
    fn token_errors_are_typed_and_never_quote_the_token() {
        let err = error(
            400,
            r#"{"error":"invalid_client","error_description":"bad client"}"#,
        );
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
        let p = provider(Duration::ZERO);
        let err = parse(
            &p,
            r#"{"access_token":12345678,"expires_in":1}"#,
            Instant::now(),
        )
        .err()
        .unwrap();
        assert!(!format!("{err} {err:?}").contains("12345678"), "{err:?}");
        let err = error(503, "busy");
        assert_eq!(err.status(), Some(503));
        assert!(err.is_retryable());
    }

    #[test]
    fn an_unknown_token_error_code_is_masked_too() {
        let mut redactor = Redactor::new();
        redactor.add("hunter2-password");
        let err = token_error(
            &redactor,
            "token",
            400,
            &HeaderMap::new(),
            br#"{"error":"bad password hunter2-password"}"#,
        );
        assert!(!format!("{err} {err:?}").contains("hunt"), "{err:?}");
    }
}
