//! The codec only: JSON bodies in and out, and the error an answer that is not a success
//! stands for. Every text that goes into an error passes through the call's [`Redactor`].

use reqwest::header::HeaderMap;
use serde::Serialize;
use serde::de::DeserializeOwned;
use telecom_core::{Redacted, Redactor};

use crate::error::{Error, RateLimit, Result, classify_400};

pub(crate) const JSON: &str = "application/json";
pub(crate) const HAL_JSON: &str = "application/hal+json";
pub(crate) const FORM: &str = "application/x-www-form-urlencoded";

/// How many characters of a response body (or of a message picked from it) an error keeps.
pub(crate) const BODY_EXCERPT_CHARS: usize = 512;

/// A request body as JSON.
pub(crate) fn encode<T: Serialize + ?Sized>(body: &T) -> Result<Vec<u8>> {
    // The caller's own value: a serializer message quotes nothing from a server.
    serde_json::to_vec(body).map_err(|e| Error::invalid("body", e.to_string()))
}

/// An excerpt of a body for an error: masked whole, then cut.
pub(crate) fn excerpt(redactor: &Redactor, body: &[u8]) -> Redacted {
    redactor.excerpt_chars(body, BODY_EXCERPT_CHARS)
}

/// Reads a success body as `T`.
pub(crate) fn decode<T: DeserializeOwned>(
    redactor: &Redactor,
    operation: &'static str,
    body: &[u8],
) -> Result<T> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::decode(
            operation,
            Redacted::fixed("empty body where JSON was expected"),
            excerpt(redactor, body),
        ));
    }
    telecom_core::text::read_json(body).map_err(|e| {
        let reason = if telecom_core::text::strip_bom(body)
            .trim_ascii_start()
            .starts_with(b"<")
        {
            Redacted::fixed("HTML or XML where JSON was expected")
        } else {
            // serde quotes the value it could not read, which may be a secret.
            redactor.message(&e.to_string())
        };
        Error::decode(operation, reason, excerpt(redactor, body))
    })
}

/// The error for an answer that is not a success: its status, headers and body.
pub(crate) fn status_error(
    redactor: &Redactor,
    operation: &'static str,
    status: u16,
    headers: &HeaderMap,
    body: &[u8],
) -> Error {
    let excerpt = excerpt(redactor, body);
    let message = body_message(redactor, body);
    match status {
        400 => {
            let message = message.unwrap_or_else(|| excerpt.clone());
            let (code, subject) = classify_400(message.as_str());
            Error::Vendor {
                operation,
                status,
                code,
                // Cut from the masked message; masked again only to become `Redacted`.
                subject: subject.map(|s| redactor.message(&s)),
                message,
            }
        }
        401 => Error::Unauthorized {
            operation,
            reauthenticated: false,
            body: excerpt,
        },
        429 => Error::RateLimited {
            operation,
            rate_limit: RateLimit::from_headers(headers),
            body: excerpt,
        },
        403 => Error::Forbidden {
            operation,
            message,
            body: excerpt,
        },
        404 => Error::NotFound {
            operation,
            message,
            body: excerpt,
        },
        409 => Error::Conflict {
            operation,
            message,
            body: excerpt,
        },
        500..=599 => Error::Server {
            operation,
            status,
            message,
            body: excerpt,
        },
        _ => Error::HttpStatus {
            operation,
            status,
            message,
            body: excerpt,
        },
    }
}

/// The message of an error body: `Message`/`message`/`error_description` of a JSON object,
/// a JSON string, or the text itself. Picked from the body as sent (so JSON escapes are
/// undone first), then masked.
pub(crate) fn body_message(redactor: &Redactor, body: &[u8]) -> Option<Redacted> {
    let text = String::from_utf8_lossy(telecom_core::text::strip_bom(body));
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return None;
    }
    let picked = match telecom_core::text::read_json::<serde_json::Value>(trimmed.as_bytes()) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(serde_json::Value::Object(map)) => {
            ["Message", "message", "error_description", "ErrorMessage"]
                .iter()
                .find_map(|k| map.get(*k).and_then(|v| v.as_str()))?
                .to_owned()
        }
        Ok(_) => return None,
        Err(_) if trimmed.starts_with('<') => return None,
        Err(_) => trimmed.to_owned(),
    };
    Some(redactor.excerpt_chars(picked.as_bytes(), BODY_EXCERPT_CHARS))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_come_from_json_or_text() {
        let r = Redactor::new();
        let message = |body: &[u8]| body_message(&r, body).map(|m| m.as_str().to_owned());
        assert_eq!(
            message(br#"{"Message":"Carrier 9 not found"}"#).as_deref(),
            Some("Carrier 9 not found")
        );
        assert_eq!(
            message(br#""Carrier 9 not found""#).as_deref(),
            Some("Carrier 9 not found")
        );
        assert_eq!(
            message(b"Carrier 9 not found\n").as_deref(),
            Some("Carrier 9 not found")
        );
        // A byte order mark in front is not part of the message.
        assert_eq!(
            message(b"\xEF\xBB\xBF{\"Message\":\"Carrier 9 not found\"}").as_deref(),
            Some("Carrier 9 not found")
        );
        assert_eq!(message(b"<html>oops</html>"), None);
        assert_eq!(message(b""), None);
    }

    #[test]
    fn a_message_is_masked_after_its_json_escapes_are_undone() {
        let mut r = Redactor::new();
        r.add("pa\"ss-word");
        let body = br#"{"Message":"bad login pa\"ss-word"}"#;
        let message = body_message(&r, body).expect("a message");
        assert_eq!(message, "bad login [REDACTED]");
        let error = status_error(&r, "x", 400, &HeaderMap::new(), body);
        assert!(!format!("{error} {error:?}").contains("ss-w"), "{error:?}");
    }

    proptest::proptest! {
        #[test]
        fn ssn_fields_are_masked_in_excerpts(text in "\\PC*", ssn in "[0-9]{4,9}") {
            let body = format!(r#"{{"a":{text:?},"SSN":"{ssn}","b":1}}"#);
            let out = excerpt(&Redactor::new(), body.as_bytes());
            proptest::prop_assert!(out.as_str().contains(r#""SSN":"[REDACTED]""#), "{}", out);
            let error = decode::<Vec<u8>>(&Redactor::new(), "x", body.as_bytes())
                .err()
                .map(|e| format!("{e} {e:?}"))
                .unwrap_or_default();
            proptest::prop_assert!(!error.contains(&format!("\"{ssn}\"")), "{}", error);
        }
    }
}
