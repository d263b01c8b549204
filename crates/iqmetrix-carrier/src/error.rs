//! The one error type of the crate, and the vendor codes it carries.

use std::time::Duration;

use telecom_core::{FailureClass, Redacted};

telecom_core::open_enum! {
    /// What an HTTP 400 from carrier services says, recognised from its message text
    /// (iQmetrix sends no error codes; these names are this crate's).
    pub enum ErrorCode {
        /// `Invalid Request: The field {x} must be greater than or equal to 1`.
        CarrierIdMismatch => "carrier_id_mismatch"
            : "An id is below 1; the spec's fix is to make the body CarrierId match the URI CarrierId",
        /// `Carrier {x} not found`.
        CarrierNotFound => "carrier_not_found" : "The carrier in the URI does not exist",
        /// `Invalid Request: the {x} field is required`.
        RequiredFieldMissing => "required_field_missing" : "A required field was not provided",
        /// `Invalid Request: Type field must be one of the following values: {x}`.
        InvalidEnumValue => "invalid_enum_value" : "A value is not one of the allowed values (AddressType)",
        /// Any other 400 message.
        BadRequest => "bad_request" : "The request was rejected with a message this crate does not recognise",
    }
}

telecom_core::open_enum! {
    /// The `error` of an OAuth2 token-service failure (RFC 6749 section 5.2 names).
    pub enum TokenErrorCode {
        /// Wrong user credentials, or an expired, revoked or foreign refresh token.
        InvalidGrant => "invalid_grant" : "The credentials or the refresh token are wrong or expired",
        /// Wrong `client_id` or `client_secret`.
        InvalidClient => "invalid_client" : "The client id or client secret is wrong",
        /// `grant_type` missing or wrong, or the body was not form-encoded.
        UnsupportedGrantType => "unsupported_grant_type" : "The grant type is missing or not supported",
        /// A request the token service could not read.
        InvalidRequest => "invalid_request" : "The token request is malformed",
        /// The token service failed without an OAuth2 error code.
        Unspecified => "unspecified" : "The token service gave no error code",
    }
}

/// The rate-limit headers iQmetrix puts on every response.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct RateLimit {
    /// `X-RateLimit-Limit`: requests allowed in the current window.
    pub limit: Option<u64>,
    /// `X-RateLimit-Remaining`.
    pub remaining: Option<u64>,
    /// `X-RateLimit-Reset`: when the window resets, as sent (a UTC timestamp).
    pub reset: Option<String>,
    /// `X-RateLimit-ResetSeconds`: seconds until the window resets.
    pub reset_seconds: Option<u64>,
}

impl RateLimit {
    pub(crate) fn from_headers(headers: &reqwest::header::HeaderMap) -> RateLimit {
        let text = |name: &str| {
            headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(|v| v.trim().to_owned())
        };
        let number = |name: &str| text(name).and_then(|v| v.parse::<u64>().ok());
        RateLimit {
            limit: number("x-ratelimit-limit"),
            remaining: number("x-ratelimit-remaining"),
            reset: text("x-ratelimit-reset"),
            reset_seconds: number("x-ratelimit-resetseconds"),
        }
    }

    /// How long until the window resets, from `X-RateLimit-ResetSeconds` or else
    /// `X-RateLimit-Reset`.
    pub fn wait(&self) -> Option<Duration> {
        if let Some(seconds) = self.reset_seconds {
            return Some(Duration::from_secs(seconds));
        }
        let reset = self.reset.as_deref()?;
        let (local, offset) = telecom_core::dates::parse_datetime(reset).ok()?;
        let at = local.assume_offset(offset.unwrap_or(time::UtcOffset::UTC));
        let left = at - time::OffsetDateTime::now_utc();
        Some(Duration::try_from(left).unwrap_or(Duration::ZERO))
    }
}

/// Everything that can go wrong in a call.
///
/// `Display` names the vendor code and message where there is one. Every text taken from a
/// server (body excerpts, messages, decode reasons) is a [`Redacted`]: the client masked
/// each secret it holds or sent (password, client secret, the access and refresh tokens, an
/// SSN in the request) in every encoding, and secret-named fields, before cutting it.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The request was rejected before anything was sent.
    #[error("invalid input: {field}: {reason}")]
    InvalidInput {
        /// The field at fault, as the vendor names it (`CarrierActivationDetails.Subscriber.SSN`).
        field: String,
        /// What is wrong with it.
        reason: String,
    },

    /// The connection failed (refused, reset, closed, TLS).
    #[error("{operation}: transport error: {source}")]
    Transport {
        /// The operation that failed.
        operation: &'static str,
        /// True when the failure happened while connecting, so nothing reached the server.
        connect: bool,
        /// The underlying error.
        #[source]
        source: reqwest::Error,
    },

    /// No whole answer within the configured request timeout (or the time limit of a
    /// `reqwest::Client` the caller configured).
    #[error("{operation}: timed out after {after:?}")]
    Timeout {
        /// The operation that failed.
        operation: &'static str,
        /// How long the attempt ran before it was stopped.
        after: Duration,
    },

    /// Carrier services rejected the request with HTTP 400 and a message.
    #[error("{operation}: iQmetrix error {code} (HTTP {status}): {message}")]
    Vendor {
        /// The operation that failed.
        operation: &'static str,
        /// The HTTP status (400).
        status: u16,
        /// What the message was recognised as.
        code: ErrorCode,
        /// The message as sent, secrets masked.
        message: Redacted,
        /// The `{x}` of the message: the field, carrier or allowed values it names.
        subject: Option<Redacted>,
    },

    /// The bearer token was refused (HTTP 401), after one re-authentication where one was
    /// possible.
    #[error("{operation}: unauthorized (HTTP 401){}: {body}", if *.reauthenticated { " after re-authenticating" } else { "" })]
    Unauthorized {
        /// The operation that failed.
        operation: &'static str,
        /// True when a fresh token was fetched and refused too.
        reauthenticated: bool,
        /// An excerpt of the body (iQmetrix sends plain text here).
        body: Redacted,
    },

    /// The token service refused to issue a token.
    #[error("token service error {code} (HTTP {status}){}", .description.as_ref().map(|d| format!(": {d}")).unwrap_or_default())]
    Token {
        /// The HTTP status.
        status: u16,
        /// The OAuth2 `error`.
        code: TokenErrorCode,
        /// The `error_description`; the body text when it was not JSON; and when the JSON has
        /// neither `error` nor `error_description`, its `Message` and `ModelState` or else
        /// the body.
        description: Option<Redacted>,
    },

    /// HTTP 429: the per-service rate limit is spent (after the retries the policy allows).
    #[error("{operation}: rate limited (HTTP 429): {body}")]
    RateLimited {
        /// The operation that failed.
        operation: &'static str,
        /// The rate-limit headers of the answer.
        rate_limit: RateLimit,
        /// An excerpt of the body (`rate limit exceeded`).
        body: Redacted,
    },

    /// HTTP 403: a plain-http request, or missing permissions.
    #[error("{operation}: forbidden (HTTP 403): {body}")]
    Forbidden {
        /// The operation that failed.
        operation: &'static str,
        /// The message picked from the body (`Message` of JSON, or the text).
        message: Option<Redacted>,
        /// An excerpt of the body.
        body: Redacted,
    },

    /// HTTP 404: the resource (an activation by its key, a company, ...) does not exist.
    #[error("{operation}: not found (HTTP 404): {body}")]
    NotFound {
        /// The operation that failed.
        operation: &'static str,
        /// The message picked from the body.
        message: Option<Redacted>,
        /// An excerpt of the body.
        body: Redacted,
    },

    /// HTTP 409: a duplicate or a version conflict.
    #[error("{operation}: conflict (HTTP 409): {body}")]
    Conflict {
        /// The operation that failed.
        operation: &'static str,
        /// The message picked from the body.
        message: Option<Redacted>,
        /// An excerpt of the body.
        body: Redacted,
    },

    /// HTTP 5xx, after the retries the method allows.
    #[error("{operation}: server error (HTTP {status}): {body}")]
    Server {
        /// The operation that failed.
        operation: &'static str,
        /// The HTTP status.
        status: u16,
        /// The message picked from the body.
        message: Option<Redacted>,
        /// An excerpt of the body.
        body: Redacted,
    },

    /// Any other status that is not success.
    #[error("{operation}: unexpected HTTP {status}: {body}")]
    HttpStatus {
        /// The operation that failed.
        operation: &'static str,
        /// The HTTP status.
        status: u16,
        /// The message picked from the body.
        message: Option<Redacted>,
        /// An excerpt of the body.
        body: Redacted,
    },

    /// A success answer whose body could not be read as the documented resource.
    #[error("{operation}: undecodable response: {reason}; body: {body}")]
    Decode {
        /// The operation that failed.
        operation: &'static str,
        /// What did not fit. The parser's message is kept only masked, and not as a source,
        /// since it quotes the value it could not read.
        reason: Redacted,
        /// An excerpt of the body.
        body: Redacted,
    },
}

/// The crate's `Result`.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// True when trying again later may succeed: the failures the client's classifier
    /// calls transient (transport failures, timeouts, a truncated answer, 429, and HTTP 408,
    /// 500, 502, 503, 504). Whether the client itself resends also depends on the call's
    /// [`CallKind`](crate::CallKind): a write only after a connect failure or a 429.
    pub fn is_retryable(&self) -> bool {
        match self {
            Error::Transport { .. } | Error::Timeout { .. } => true,
            Error::Token { .. } | Error::Unauthorized { .. } => false,
            other => other
                .status()
                .is_some_and(|status| FailureClass::from_status(status).is_transient()),
        }
    }

    /// The code as text: for a 400 from carrier services the name this crate gives its
    /// message ([`ErrorCode`]; iQmetrix sends no codes), for a token-service error the OAuth2
    /// `error` as sent (`invalid_grant`).
    pub fn vendor_code(&self) -> Option<&str> {
        match self {
            Error::Vendor { code, .. } => Some(code.as_str()),
            Error::Token { code, .. } => Some(code.as_str()),
            _ => None,
        }
    }

    /// The typed code of a 400 from carrier services ([`Error::Vendor`]).
    pub fn error_code(&self) -> Option<&ErrorCode> {
        match self {
            Error::Vendor { code, .. } => Some(code),
            _ => None,
        }
    }

    /// The typed OAuth2 code of a token-service error ([`Error::Token`]).
    pub fn token_error_code(&self) -> Option<&TokenErrorCode> {
        match self {
            Error::Token { code, .. } => Some(code),
            _ => None,
        }
    }

    /// The masked server text the error kept: the body excerpt of a status or decode error,
    /// the message of a 400, the description of a token-service error.
    pub fn excerpt(&self) -> Option<&str> {
        match self {
            Error::Vendor { message, .. } => Some(message.as_str()),
            Error::Token { description, .. } => description.as_ref().map(Redacted::as_str),
            Error::Unauthorized { body, .. }
            | Error::RateLimited { body, .. }
            | Error::Forbidden { body, .. }
            | Error::NotFound { body, .. }
            | Error::Conflict { body, .. }
            | Error::Server { body, .. }
            | Error::HttpStatus { body, .. }
            | Error::Decode { body, .. } => Some(body.as_str()),
            Error::InvalidInput { .. } | Error::Transport { .. } | Error::Timeout { .. } => None,
        }
    }

    /// The HTTP status, when the error came with one.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Vendor { status, .. }
            | Error::Token { status, .. }
            | Error::Server { status, .. }
            | Error::HttpStatus { status, .. } => Some(*status),
            Error::Unauthorized { .. } => Some(401),
            Error::Forbidden { .. } => Some(403),
            Error::NotFound { .. } => Some(404),
            Error::Conflict { .. } => Some(409),
            Error::RateLimited { .. } => Some(429),
            _ => None,
        }
    }

    pub(crate) fn invalid(field: impl Into<String>, reason: impl Into<String>) -> Error {
        Error::InvalidInput {
            field: field.into(),
            reason: reason.into(),
        }
    }

    pub(crate) fn decode(operation: &'static str, reason: Redacted, body: Redacted) -> Error {
        Error::Decode {
            operation,
            reason,
            body,
        }
    }

    /// The attempt ran `after` without a whole answer.
    pub(crate) fn timeout(operation: &'static str, after: Duration) -> Error {
        Error::Timeout { operation, after }
    }

    /// `elapsed`: how long the attempt had run, the limit of a timeout the HTTP client itself
    /// enforced (a connect timeout stays a connect failure: nothing was sent).
    pub(crate) fn from_reqwest(
        operation: &'static str,
        elapsed: Duration,
        source: reqwest::Error,
    ) -> Error {
        if source.is_timeout() && !source.is_connect() {
            Error::timeout(operation, elapsed)
        } else {
            Error::Transport {
                operation,
                connect: source.is_connect(),
                source,
            }
        }
    }
}

/// Recognises the four documented 400 messages; the `{x}` is returned with the code.
pub(crate) fn classify_400(message: &str) -> (ErrorCode, Option<String>) {
    // The spec's texts carry doubled spaces and vary in case: compare normalised.
    let norm: String = message.split_whitespace().collect::<Vec<_>>().join(" ");
    let lower = norm.to_ascii_lowercase();
    let body = lower
        .strip_prefix("invalid request:")
        .map(str::trim_start)
        .unwrap_or(&lower);
    let offset = norm.len() - body.len();
    let original = |start: usize, end: usize| -> Option<String> {
        norm.get(offset + start..offset + end)
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
    };
    if let Some(rest) = body.strip_prefix("the field ")
        && let Some(end) = rest.find(" must be greater than or equal to")
    {
        return (ErrorCode::CarrierIdMismatch, original(10, 10 + end));
    }
    if let Some(rest) = body.strip_prefix("carrier ")
        && let Some(end) = rest.find(" not found")
    {
        return (ErrorCode::CarrierNotFound, original(8, 8 + end));
    }
    if let Some(rest) = body.strip_prefix("the ")
        && let Some(end) = rest.find(" field is required")
    {
        return (ErrorCode::RequiredFieldMissing, original(4, 4 + end));
    }
    if let Some(idx) = body.find("must be one of the following values:") {
        let start = idx + "must be one of the following values:".len();
        return (ErrorCode::InvalidEnumValue, original(start, body.len()));
    }
    (ErrorCode::BadRequest, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_four_spec_messages_are_recognised() {
        let cases = [
            (
                "Invalid Request: The field CarrierId must be greater than or equal to 1",
                ErrorCode::CarrierIdMismatch,
                Some("CarrierId"),
            ),
            (
                "Carrier 41 not found",
                ErrorCode::CarrierNotFound,
                Some("41"),
            ),
            (
                "Invalid Request: the Id  field is required",
                ErrorCode::RequiredFieldMissing,
                Some("Id"),
            ),
            (
                "Invalid Request: Type field must  be one of the following values: Business, Residential",
                ErrorCode::InvalidEnumValue,
                Some("Business, Residential"),
            ),
            ("Something else", ErrorCode::BadRequest, None),
        ];
        for (message, code, subject) in cases {
            let (c, s) = classify_400(message);
            assert_eq!(c, code, "{message}");
            assert_eq!(s.as_deref(), subject, "{message}");
        }
    }

    proptest::proptest! {
        #[test]
        fn classifying_never_panics(text in "\\PC*") {
            let _ = classify_400(&text);
        }
    }

    #[test]
    fn retryable_agrees_with_the_classifier() {
        let status = |status: u16| Error::HttpStatus {
            operation: "x",
            status,
            message: None,
            body: Redacted::fixed(""),
        };
        assert!(status(408).is_retryable());
        assert!(!status(418).is_retryable());
        let server = |status: u16| Error::Server {
            operation: "x",
            status,
            message: None,
            body: Redacted::fixed(""),
        };
        assert!(server(503).is_retryable());
        assert!(!server(501).is_retryable());
        let limited = Error::RateLimited {
            operation: "x",
            rate_limit: RateLimit::default(),
            body: Redacted::fixed(""),
        };
        assert!(limited.is_retryable());
    }

    #[test]
    fn the_helpers_read_every_variant_alike() {
        let vendor = Error::Vendor {
            operation: "x",
            status: 400,
            code: ErrorCode::CarrierNotFound,
            message: Redacted::fixed("Carrier 9 not found"),
            subject: None,
        };
        assert_eq!(vendor.vendor_code(), Some("carrier_not_found"));
        assert_eq!(vendor.error_code(), Some(&ErrorCode::CarrierNotFound));
        assert_eq!(vendor.token_error_code(), None);
        assert_eq!(vendor.excerpt(), Some("Carrier 9 not found"));
        assert_eq!(vendor.status(), Some(400));
        let token = Error::Token {
            status: 400,
            code: TokenErrorCode::InvalidGrant,
            description: None,
        };
        assert_eq!(token.vendor_code(), Some("invalid_grant"));
        assert_eq!(
            token.token_error_code(),
            Some(&TokenErrorCode::InvalidGrant)
        );
        assert_eq!(token.error_code(), None);
        assert_eq!(token.excerpt(), None);
        let missing = Error::NotFound {
            operation: "x",
            message: None,
            body: Redacted::fixed("Entity Not Found"),
        };
        assert_eq!(missing.excerpt(), Some("Entity Not Found"));
        assert_eq!(missing.vendor_code(), None);
        let invalid = Error::invalid("base_url", "is not a URL");
        assert_eq!((invalid.status(), invalid.excerpt()), (None, None));
        assert!(!invalid.is_retryable());
    }
}
