//! The one error type of the crate, and the vendor codes it carries.

use std::time::Duration;

use telecom_core::text::excerpt;

/// How many characters of a response body an error keeps.
pub(crate) const BODY_EXCERPT_CHARS: usize = 512;

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
/// `Display` names the vendor code and message where there is one, and never contains a
/// secret (bodies are excerpts of what the server sent; tokens are never in them).
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

    /// No answer within the configured time.
    #[error("{operation}: timed out")]
    Timeout {
        /// The operation that failed.
        operation: &'static str,
        /// The underlying error.
        #[source]
        source: reqwest::Error,
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
        /// The message as sent.
        message: String,
        /// The `{x}` of the message: the field, carrier or allowed values it names.
        subject: Option<String>,
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
        body: String,
    },

    /// The token service refused to issue a token.
    #[error("token service error {code} (HTTP {status}){}", .description.as_deref().map(|d| format!(": {d}")).unwrap_or_default())]
    Token {
        /// The HTTP status.
        status: u16,
        /// The OAuth2 `error`.
        code: TokenErrorCode,
        /// The `error_description`, or the body text when it was not JSON.
        description: Option<String>,
    },

    /// HTTP 429: the per-service rate limit is spent (after the retries the policy allows).
    #[error("{operation}: rate limited (HTTP 429): {body}")]
    RateLimited {
        /// The operation that failed.
        operation: &'static str,
        /// The rate-limit headers of the answer.
        rate_limit: RateLimit,
        /// An excerpt of the body (`rate limit exceeded`).
        body: String,
    },

    /// HTTP 403: a plain-http request, or missing permissions.
    #[error("{operation}: forbidden (HTTP 403): {body}")]
    Forbidden {
        /// The operation that failed.
        operation: &'static str,
        /// The message picked from the body (`Message` of JSON, or the text).
        message: Option<String>,
        /// An excerpt of the body.
        body: String,
    },

    /// HTTP 404: the resource (an activation by its key, a company, ...) does not exist.
    #[error("{operation}: not found (HTTP 404): {body}")]
    NotFound {
        /// The operation that failed.
        operation: &'static str,
        /// The message picked from the body.
        message: Option<String>,
        /// An excerpt of the body.
        body: String,
    },

    /// HTTP 409: a duplicate or a version conflict.
    #[error("{operation}: conflict (HTTP 409): {body}")]
    Conflict {
        /// The operation that failed.
        operation: &'static str,
        /// The message picked from the body.
        message: Option<String>,
        /// An excerpt of the body.
        body: String,
    },

    /// HTTP 5xx, after the retries the method allows.
    #[error("{operation}: server error (HTTP {status}): {body}")]
    Server {
        /// The operation that failed.
        operation: &'static str,
        /// The HTTP status.
        status: u16,
        /// The message picked from the body.
        message: Option<String>,
        /// An excerpt of the body.
        body: String,
    },

    /// Any other status that is not success.
    #[error("{operation}: unexpected HTTP {status}: {body}")]
    HttpStatus {
        /// The operation that failed.
        operation: &'static str,
        /// The HTTP status.
        status: u16,
        /// The message picked from the body.
        message: Option<String>,
        /// An excerpt of the body.
        body: String,
    },

    /// A success answer whose body could not be read as the documented resource.
    #[error("{operation}: undecodable response: {reason}; body: {body}")]
    Decode {
        /// The operation that failed.
        operation: &'static str,
        /// What did not fit.
        reason: String,
        /// An excerpt of the body.
        body: String,
        /// The parser's error, when there was one.
        #[source]
        source: Option<serde_json::Error>,
    },
}

/// The crate's `Result`.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// True when trying again later may succeed: transport failures, timeouts, 429 and
    /// 500/502/503/504. Whether the client itself retries also depends on the method.
    pub fn is_retryable(&self) -> bool {
        match self {
            Error::Transport { .. } | Error::Timeout { .. } | Error::RateLimited { .. } => true,
            Error::Server { status, .. } => matches!(status, 500 | 502 | 503 | 504),
            _ => false,
        }
    }

    /// The vendor's code, for a recognised 400 or a token-service error.
    pub fn vendor_code(&self) -> Option<&str> {
        match self {
            Error::Vendor { code, .. } => Some(code.as_str()),
            Error::Token { code, .. } => Some(code.as_str()),
            _ => None,
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

    pub(crate) fn decode(
        operation: &'static str,
        reason: impl Into<String>,
        body: &[u8],
        source: Option<serde_json::Error>,
    ) -> Error {
        Error::Decode {
            operation,
            reason: reason.into(),
            body: body_excerpt(body),
            source,
        }
    }

    pub(crate) fn from_reqwest(operation: &'static str, source: reqwest::Error) -> Error {
        if source.is_timeout() {
            Error::Timeout { operation, source }
        } else {
            Error::Transport {
                operation,
                connect: source.is_connect(),
                source,
            }
        }
    }
}

/// JSON keys whose values are secrets; their values are masked in every body excerpt.
const SECRET_KEYS: [&str; 5] = [
    "ssn",
    "access_token",
    "refresh_token",
    "password",
    "client_secret",
];

/// The body as text with the values of [`SECRET_KEYS`] replaced by `[REDACTED]`, so an
/// excerpt in an error never carries an SSN or a token, whatever the server sent.
///
/// A small scanner, not a parser: it follows JSON strings (escapes included) so a quote
/// inside a value cannot shift what it takes for keys, and it works on bodies that are cut
/// short or not JSON at all.
pub(crate) fn redact(body: &[u8]) -> String {
    const MASK: &str = "\"[REDACTED]\"";
    let text = String::from_utf8_lossy(body);
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    // A secret key was just read; waiting for its `:`.
    let mut key_seen = false;
    // The `:` after a secret key was read; the next value is masked.
    let mut value_next = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'"' {
            let end = string_end(bytes, i);
            let token = text.get(i..end).unwrap_or_default();
            if value_next {
                out.push_str(MASK);
                value_next = false;
            } else {
                out.push_str(token);
                let inner = token
                    .strip_prefix('"')
                    .map(|t| t.strip_suffix('"').unwrap_or(t))
                    .unwrap_or(token);
                key_seen = SECRET_KEYS.iter().any(|k| inner.eq_ignore_ascii_case(k));
            }
            i = end;
            continue;
        }
        if b.is_ascii_whitespace() {
            out.push(char::from(b));
            i += 1;
            continue;
        }
        if key_seen && b == b':' {
            out.push(':');
            key_seen = false;
            value_next = true;
            i += 1;
            continue;
        }
        key_seen = false;
        if value_next {
            // A number, literal or nested value: masked up to where the value ends.
            let end = bytes
                .iter()
                .skip(i)
                .position(|c| matches!(c, b',' | b'}' | b']' | b'\n'))
                .map_or(bytes.len(), |n| i + n);
            out.push_str(MASK);
            value_next = false;
            i = end;
            continue;
        }
        let width = text
            .get(i..)
            .and_then(|t| t.chars().next())
            .map_or(1, char::len_utf8);
        out.push_str(text.get(i..i + width).unwrap_or_default());
        i += width;
    }
    out
}

/// The index just past the JSON string starting at `start` (a `"`), or the end of the text.
fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut j = start + 1;
    while j < bytes.len() {
        match bytes[j] {
            b'\\' => j += 2,
            b'"' => return j + 1,
            _ => j += 1,
        }
    }
    bytes.len()
}

/// An excerpt of a body for an error, secrets masked.
pub(crate) fn body_excerpt(body: &[u8]) -> String {
    excerpt(redact(body).as_bytes(), BODY_EXCERPT_CHARS)
}

/// The message of an error body: `Message`/`message`/`error_description` of a JSON object,
/// a JSON string, or the text itself.
pub(crate) fn body_message(body: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(body);
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return None;
    }
    match serde_json::from_str::<serde_json::Value>(trimmed) {
        Ok(serde_json::Value::String(s)) => Some(excerpt(s.as_bytes(), BODY_EXCERPT_CHARS)),
        Ok(serde_json::Value::Object(map)) => {
            ["Message", "message", "error_description", "ErrorMessage"]
                .iter()
                .find_map(|k| map.get(*k).and_then(|v| v.as_str()))
                .map(|m| excerpt(m.as_bytes(), BODY_EXCERPT_CHARS))
        }
        Ok(_) => None,
        Err(_) if trimmed.starts_with('<') => None,
        Err(_) => Some(excerpt(trimmed.as_bytes(), BODY_EXCERPT_CHARS)),
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
        fn redaction_never_panics_and_masks_ssn_values(text in "\\PC*", ssn in "[0-9A-Za-z]{1,12}") {
            let _ = redact(text.as_bytes());
            let _ = classify_400(&text);
            let body = format!(r#"{{"a":{text:?},"SSN":"{ssn}","b":1}}"#);
            let out = redact(body.as_bytes());
            proptest::prop_assert!(out.contains(r#""SSN":"[REDACTED]""#), "{}", out);
        }
    }

    #[test]
    fn secrets_are_masked_in_excerpts() {
        let body = br#"{"SSN":"6789","Name":"x","access_token" : "abc\"def","n":{"ssn":1234},"refresh_token":"r"#;
        let out = redact(body);
        assert_eq!(
            out,
            r#"{"SSN":"[REDACTED]","Name":"x","access_token" : "[REDACTED]","n":{"ssn":"[REDACTED]"},"refresh_token":"[REDACTED]""#
        );
        assert_eq!(redact(b"plain text, no json"), "plain text, no json");
        // A quote escaped inside a value does not shift what is taken for a key.
        assert_eq!(
            redact(r#"{"a":"x\",\"SSN\":","SSN":"1234","é":"ü"}"#.as_bytes()),
            r#"{"a":"x\",\"SSN\":","SSN":"[REDACTED]","é":"ü"}"#
        );
        assert_eq!(redact(br#"{"password""#), r#"{"password""#);
        assert_eq!(redact(br#"{"a":"unterminated"#), r#"{"a":"unterminated"#);
    }

    #[test]
    fn messages_come_from_json_or_text() {
        assert_eq!(
            body_message(br#"{"Message":"Carrier 9 not found"}"#).as_deref(),
            Some("Carrier 9 not found")
        );
        assert_eq!(
            body_message(br#""Carrier 9 not found""#).as_deref(),
            Some("Carrier 9 not found")
        );
        assert_eq!(
            body_message(b"Carrier 9 not found\n").as_deref(),
            Some("Carrier 9 not found")
        );
        assert_eq!(body_message(b"<html>oops</html>"), None);
        assert_eq!(body_message(b""), None);
    }
}
