//! Credentials, single-use tokens and the pool that keeps them.
//!
//! vcare tokens are good for one request and about 15 seconds, and every response carries the
//! next one. The pool holds the tokens responses hand back; a request takes exactly one
//! (so no token is ever sent twice), tokens older than the configured age are dropped
//! unsent, and an empty pool means the caller authenticates. The pool's lock is a plain
//! `std::sync::Mutex` held only to push or pop: never across a network call.
//!
//! Nothing here sends: `/authenticate` is its own call on the one send path in
//! `transport.rs`, which also renews the token after a rejection.

use std::collections::VecDeque;
use std::fmt;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use telecom_core::{Redactor, Secret};

/// Who the client is: the `/authenticate` credentials the vcare account manager issued, and
/// the Telgoo5 agent every call is made as. Built with named fields, so no two same-typed
/// values can be swapped unnoticed:
///
/// ```
/// use vcare_rest::Credentials;
///
/// let credentials = Credentials {
///     vendor_id: "VENDOR".into(),
///     username: "api-user".into(),
///     password: "api-password".into(),
///     pin: "api-pin".into(),
///     agent_id: "ewebsiteapi".into(),
///     agent_password: None,
/// };
/// assert!(!format!("{credentials:?}").contains("api-password"));
/// ```
///
/// `Debug` shows the vendor id, user name and agent id only; the password, PIN and agent
/// password are redacted.
#[derive(Clone, Deserialize)]
pub struct Credentials {
    /// `vendor_id` of `/authenticate`.
    pub vendor_id: String,
    /// `username` of `/authenticate`.
    pub username: String,
    /// `password` of `/authenticate`.
    pub password: Secret,
    /// `pin` of `/authenticate`.
    pub pin: Secret,
    /// The Telgoo5 agent (user id) every call is made as: the envelope's `agent_id`.
    pub agent_id: String,
    /// The agent's password, for agents configured to need one in API calls: the
    /// envelope's `agent_password`.
    #[serde(default)]
    pub agent_password: Option<Secret>,
}

/// The `/authenticate` body. The only place the password and PIN are exposed.
#[derive(Serialize)]
struct AuthenticateBody<'a> {
    vendor_id: &'a str,
    username: &'a str,
    password: &'a str,
    pin: &'a str,
}

impl Credentials {
    pub(crate) fn validate(&self) -> Result<(), crate::Error> {
        let agent_password = self.agent_password.as_ref().map(Secret::expose);
        let checks: [(&'static str, Option<&str>); 6] = [
            ("vendor_id", Some(&self.vendor_id)),
            ("username", Some(&self.username)),
            ("password", Some(self.password.expose())),
            ("pin", Some(self.pin.expose())),
            ("agent_id", Some(&self.agent_id)),
            ("agent_password", agent_password),
        ];
        for (field, value) in checks {
            if value.is_some_and(|v| v.trim().is_empty()) {
                return Err(crate::Error::invalid(field, "must not be empty"));
            }
        }
        Ok(())
    }

    /// Registers the password, PIN and agent password with the client's redactor.
    pub(crate) fn register(&self, redactor: &mut Redactor) {
        redactor.add_secret(&self.password);
        redactor.add_secret(&self.pin);
        if let Some(password) = &self.agent_password {
            redactor.add_secret(password);
        }
    }

    /// The `/authenticate` body, encoded.
    pub(crate) fn body(&self) -> Result<Vec<u8>, serde_json::Error> {
        serde_json::to_vec(&AuthenticateBody {
            vendor_id: &self.vendor_id,
            username: &self.username,
            password: self.password.expose(),
            pin: self.pin.expose(),
        })
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("vendor_id", &self.vendor_id)
            .field("username", &self.username)
            .field("password", &self.password)
            .field("pin", &self.pin)
            .field("agent_id", &self.agent_id)
            .field("agent_password", &self.agent_password)
            .finish()
    }
}

/// One single-use token and when this client received it.
///
/// The JWT's payload carries the API credentials in clear base64, so the value is a
/// [`Secret`] and `Debug` shows only its age.
pub(crate) struct Token {
    value: Secret,
    received: Instant,
}

impl Token {
    /// A token, or `None` when it is empty or could not go in an HTTP header.
    pub(crate) fn new(value: &str) -> Option<Token> {
        let value = value.trim();
        let header_safe = !value.is_empty() && value.bytes().all(|b| b.is_ascii_graphic());
        header_safe.then(|| Token {
            value: Secret::new(value),
            received: Instant::now(),
        })
    }

    pub(crate) fn expose(&self) -> &str {
        self.value.expose()
    }

    pub(crate) fn secret(&self) -> &Secret {
        &self.value
    }

    fn age(&self) -> Duration {
        self.received.elapsed()
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Token")
            .field("value", &self.value)
            .field("age", &self.age())
            .finish()
    }
}

/// Counters of the token machinery, for metrics and the benchmark.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct TokenStats {
    /// Successful `/authenticate` calls.
    pub authentications: u64,
    /// Calls whose token a response handed back and a later call used.
    pub reused: u64,
    /// Tokens dropped unsent because they were older than the allowed age.
    pub expired_dropped: u64,
    /// Token rejections (RESTAPI001 "Token expire", "Token already used", "Invalid Token").
    pub rejections: u64,
    /// Tokens in the pool right now.
    pub pooled: usize,
}

#[derive(Debug)]
pub(crate) struct TokenPool {
    tokens: Mutex<VecDeque<Token>>,
    max_age: Duration,
    capacity: usize,
    reuse: bool,
    authentications: AtomicU64,
    reused: AtomicU64,
    expired_dropped: AtomicU64,
    rejections: AtomicU64,
}

impl TokenPool {
    pub(crate) fn new(max_age: Duration, capacity: usize, reuse: bool) -> Self {
        TokenPool {
            tokens: Mutex::new(VecDeque::new()),
            max_age,
            capacity: capacity.max(1),
            reuse,
            authentications: AtomicU64::new(0),
            reused: AtomicU64::new(0),
            expired_dropped: AtomicU64::new(0),
            rejections: AtomicU64::new(0),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, VecDeque<Token>> {
        // A panic elsewhere while holding the lock cannot leave the queue half-changed
        // (every change is one push or pop), so a poisoned lock is still usable.
        self.tokens
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Takes the freshest token young enough to trust, dropping the stale ones.
    /// The token leaves the pool for good: whoever takes it is its only user.
    pub(crate) fn take(&self) -> Option<Token> {
        let mut dropped = 0;
        let taken = {
            let mut tokens = self.lock();
            // Tokens are pushed at the back, so the oldest are at the front.
            while tokens.front().is_some_and(|t| t.age() >= self.max_age) {
                tokens.pop_front();
                dropped += 1;
            }
            tokens.pop_back()
        };
        if dropped > 0 {
            self.expired_dropped.fetch_add(dropped, Ordering::Relaxed);
        }
        if taken.is_some() {
            self.reused.fetch_add(1, Ordering::Relaxed);
        }
        taken
    }

    /// Gives back a token a response carried.
    pub(crate) fn put(&self, token: Token) {
        if !self.reuse || token.age() >= self.max_age {
            return;
        }
        let mut tokens = self.lock();
        tokens.push_back(token);
        while tokens.len() > self.capacity {
            tokens.pop_front();
        }
    }

    pub(crate) fn note_authentication(&self) {
        self.authentications.fetch_add(1, Ordering::Relaxed);
    }

    pub(crate) fn note_rejection(&self) {
        self.rejections.fetch_add(1, Ordering::Relaxed);
    }

    pub(crate) fn stats(&self) -> TokenStats {
        TokenStats {
            authentications: self.authentications.load(Ordering::Relaxed),
            reused: self.reused.load(Ordering::Relaxed),
            expired_dropped: self.expired_dropped.load(Ordering::Relaxed),
            rejections: self.rejections.load(Ordering::Relaxed),
            pooled: self.lock().len(),
        }
    }
}

/// True for the RESTAPI001 answers that mean "this token is no good": the vendor refused the
/// call before acting on it, so sending it once more with a fresh token is safe.
/// "Invalid Access!!" (wrong HTTP method) and "Invalid credentials!!" are not among them.
pub(crate) fn is_token_rejection(code: &crate::models::MsgCode, msg: &str) -> bool {
    *code == crate::models::MsgCode::AuthFailure && msg.to_ascii_lowercase().contains("token")
}

/// [`is_token_rejection`] of an answer: its `msg`, or one of its `errors` when the `msg` is a
/// generic one ("Error occured") and the reason is listed there.
pub(crate) fn rejects_token<D>(envelope: &crate::wire::Envelope<D>) -> bool {
    let code = &envelope.msg_code;
    is_token_rejection(code, envelope.message())
        || envelope.errors.iter().any(|e| is_token_rejection(code, e))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::models::MsgCode;

    #[test]
    fn a_token_is_taken_once() {
        let pool = TokenPool::new(Duration::from_secs(10), 8, true);
        pool.put(Token::new("a").unwrap());
        assert!(pool.take().is_some_and(|t| t.expose() == "a"));
        assert!(pool.take().is_none());
    }

    #[test]
    fn freshest_first_and_capacity_drops_the_oldest() {
        let pool = TokenPool::new(Duration::from_secs(10), 2, true);
        for v in ["a", "b", "c"] {
            pool.put(Token::new(v).unwrap());
        }
        assert_eq!(
            pool.take().map(|t| t.expose().to_owned()).as_deref(),
            Some("c")
        );
        assert_eq!(
            pool.take().map(|t| t.expose().to_owned()).as_deref(),
            Some("b")
        );
        assert!(pool.take().is_none());
    }

    #[test]
    fn stale_tokens_are_dropped_unsent() {
        let pool = TokenPool::new(Duration::ZERO, 8, true);
        pool.put(Token::new("a").unwrap());
        assert!(pool.take().is_none());
        let pool = TokenPool::new(Duration::from_millis(1), 8, true);
        pool.put(Token::new("a").unwrap());
        std::thread::sleep(Duration::from_millis(5));
        assert!(pool.take().is_none());
        assert_eq!(pool.stats().expired_dropped, 1);
    }

    #[test]
    fn no_reuse_keeps_nothing() {
        let pool = TokenPool::new(Duration::from_secs(10), 8, false);
        pool.put(Token::new("a").unwrap());
        assert!(pool.take().is_none());
    }

    #[test]
    fn tokens_that_cannot_be_headers_are_refused() {
        assert!(Token::new("").is_none());
        assert!(Token::new("a b").is_none());
        assert!(Token::new("a\nb").is_none());
        assert!(format!("{:?}", Token::new("eyJsecret").unwrap()).contains("REDACTED"));
    }

    #[test]
    fn which_rejections_are_token_rejections() {
        for msg in ["Token expire", "Token already used", "Invalid Token"] {
            assert!(is_token_rejection(&MsgCode::AuthFailure, msg), "{msg}");
        }
        assert!(!is_token_rejection(
            &MsgCode::AuthFailure,
            "Invalid Access!!"
        ));
        assert!(!is_token_rejection(
            &MsgCode::AuthFailure,
            "Invalid credentials!!"
        ));
        assert!(!is_token_rejection(
            &MsgCode::ValidationError,
            "Invalid Token"
        ));
    }

    fn credentials(agent_password: Option<&str>) -> Credentials {
        Credentials {
            vendor_id: "V1".into(),
            username: "user".into(),
            password: "pw-secret".into(),
            pin: "pin-secret".into(),
            agent_id: "agent".into(),
            agent_password: agent_password.map(Secret::from),
        }
    }

    #[test]
    fn credentials_are_checked() {
        assert!(credentials(None).validate().is_ok());
        let mut blank = credentials(Some(" "));
        assert!(matches!(
            blank.validate(),
            Err(crate::Error::InvalidInput { field, .. }) if field == "agent_password"
        ));
        blank.agent_password = None;
        blank.agent_id = String::new();
        assert!(matches!(
            blank.validate(),
            Err(crate::Error::InvalidInput { field, .. }) if field == "agent_id"
        ));
    }

    #[test]
    fn credentials_debug_hides_password_and_pin() {
        let c = credentials(Some("agent-pw-secret"));
        let text = format!("{c:?}");
        assert!(
            !text.contains("pw-secret") && !text.contains("pin-secret"),
            "{text}"
        );
        assert!(!text.contains("agent-pw-secret"), "{text}");
        assert!(text.contains("V1"));
    }
}
