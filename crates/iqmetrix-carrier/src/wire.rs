//! The codec only: JSON bodies in and out, and the error an answer that is not a success
//! stands for. Every text that goes into an error passes through the call's [`Redactor`].

use reqwest::header::HeaderMap;
use serde::Serialize;
use serde::de::DeserializeOwned;
use telecom_core::{Redacted, Redactor};

use crate::error::{Error, ErrorCode, RateLimit, Result, classify_400};

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
    let text = ErrorText::of(body);
    let message = text.as_ref().map(|t| t.masked(redactor));
    match status {
        400 => {
            let message = message.unwrap_or_else(|| excerpt.clone());
            // The spec's 400 texts are ASP.NET validation messages, so in a `ModelState`
            // they are the field errors: the message and then each of those is looked at
            // alone (the joined text would read as one long, wrong subject). Each is masked
            // before it is cut into a subject.
            let candidates: Vec<Redacted> = match &text {
                Some(t) if !t.field_errors.is_empty() => t
                    .message
                    .iter()
                    .chain(t.field_errors.iter().map(|(_, text)| text))
                    .map(|text| redactor.message(text))
                    .collect(),
                _ => vec![message.clone()],
            };
            let (code, subject) = candidates
                .iter()
                .map(|text| classify_400(text.as_str()))
                .find(|(code, _)| *code != ErrorCode::BadRequest)
                .unwrap_or((ErrorCode::BadRequest, None));
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
/// followed by the field errors of an ASP.NET `ModelState` (`field: text; ...`), or its
/// `ErrorCode` when it has nothing else; a JSON string, or the text itself. Picked from the
/// body as sent (so JSON escapes are undone first), then masked.
pub(crate) fn body_message(redactor: &Redactor, body: &[u8]) -> Option<Redacted> {
    ErrorText::of(body).map(|text| text.masked(redactor))
}

/// What an error body says, before masking.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct ErrorText {
    /// `Message` or its kin, the body's own text, or the `ErrorCode`.
    pub(crate) message: Option<String>,
    /// ASP.NET validation errors: the field (`""` for the model itself) and one text each.
    pub(crate) field_errors: Vec<(String, String)>,
}

impl ErrorText {
    pub(crate) fn of(body: &[u8]) -> Option<ErrorText> {
        let text = String::from_utf8_lossy(telecom_core::text::strip_bom(body));
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return None;
        }
        let read = match telecom_core::text::read_json::<serde_json::Value>(trimmed.as_bytes()) {
            Ok(serde_json::Value::String(s)) => ErrorText {
                message: Some(s),
                field_errors: Vec::new(),
            },
            Ok(serde_json::Value::Object(map)) => Self::of_object(&map),
            Ok(_) => return None,
            Err(_) if trimmed.starts_with('<') => return None,
            Err(_) => ErrorText {
                message: Some(trimmed.to_owned()),
                field_errors: Vec::new(),
            },
        };
        (read.message.is_some() || !read.field_errors.is_empty()).then_some(read)
    }

    fn of_object(map: &serde_json::Map<String, serde_json::Value>) -> ErrorText {
        let text = |keys: &[&str]| {
            keys.iter()
                .find_map(|k| map.get(*k).and_then(|v| v.as_str()))
                .filter(|s| !s.trim().is_empty())
                .map(str::to_owned)
        };
        let mut field_errors = Vec::new();
        // ASP.NET Web API writes `ModelState`; ASP.NET Core's problem details `errors`.
        let states = ["ModelState", "modelState", "errors"]
            .iter()
            .find_map(|k| map.get(*k).and_then(|v| v.as_object()));
        for (field, texts) in states.into_iter().flatten() {
            let texts = match texts {
                serde_json::Value::Array(items) => items.iter().collect(),
                one => vec![one],
            };
            for text in texts {
                let text = match text {
                    serde_json::Value::String(s) => s.trim().to_owned(),
                    serde_json::Value::Null => continue,
                    other => other.to_string(),
                };
                if !text.is_empty() {
                    field_errors.push((field.clone(), text));
                }
            }
        }
        let message =
            text(&["Message", "message", "error_description", "ErrorMessage"]).or_else(|| {
                if field_errors.is_empty() {
                    text(&["ErrorCode", "title"])
                } else {
                    text(&["title"])
                }
            });
        ErrorText {
            message,
            field_errors,
        }
    }

    /// [`ErrorText::joined`], masked and cut.
    pub(crate) fn masked(&self, redactor: &Redactor) -> Redacted {
        redactor.excerpt_chars(self.joined().as_bytes(), BODY_EXCERPT_CHARS)
    }

    /// The message, then `field: text` for each field error, `; ` between them.
    pub(crate) fn joined(&self) -> String {
        let mut out = self.message.clone().unwrap_or_default();
        for (i, (field, text)) in self.field_errors.iter().enumerate() {
            out.push_str(match (i, out.is_empty()) {
                (_, true) => "",
                (0, false) => " ",
                _ => "; ",
            });
            if !field.is_empty() {
                out.push_str(field);
                out.push_str(": ");
            }
            out.push_str(text);
        }
        out
    }
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

    #[test]
    fn model_state_field_errors_are_kept_and_classified() {
        let mut r = Redactor::new();
        r.add("Sx9q-secret");
        let body = br#"{"Message":"The request is invalid.","ModelState":{"activation.CarrierActivationDetails.Subscriber.FirstName":["The FirstName field is required."],"activation.Notes":["Sx9q-secret is too long.","Second."]}}"#;
        let error = status_error(&r, "x", 400, &HeaderMap::new(), body);
        let Error::Vendor {
            code,
            message,
            subject,
            ..
        } = &error
        else {
            panic!("{error:?}");
        };
        assert_eq!(*code, ErrorCode::RequiredFieldMissing);
        assert_eq!(subject.as_ref().map(Redacted::as_str), Some("FirstName"));
        assert_eq!(
            message.as_str(),
            "The request is invalid. activation.CarrierActivationDetails.Subscriber.FirstName: \
             The FirstName field is required.; activation.Notes: [REDACTED] is too long.; \
             activation.Notes: Second."
        );
        assert!(!format!("{error} {error:?}").contains("Sx9q"), "{error:?}");
        // A ModelState alone, an `ErrorCode` alone, and ASP.NET Core's `errors`.
        let message = |body: &[u8]| body_message(&r, body).map(|m| m.as_str().to_owned());
        assert_eq!(
            message(br#"{"ModelState":{"":["Body is empty."]}}"#).as_deref(),
            Some("Body is empty.")
        );
        assert_eq!(
            message(br#"{"ErrorCode":"EntityNotFound","CorrelationId":"c1"}"#).as_deref(),
            Some("EntityNotFound")
        );
        assert_eq!(
            message(br#"{"title":"One or more validation errors occurred.","errors":{"Id":["The Id field is required."]}}"#)
                .as_deref(),
            Some("One or more validation errors occurred. Id: The Id field is required.")
        );
        // The spec's texts, as the Message itself, are still what is classified first.
        let error = status_error(
            &r,
            "x",
            400,
            &HeaderMap::new(),
            br#"{"Message":"Carrier 9 not found","ModelState":{"Id":["The Id field is required."]}}"#,
        );
        assert_eq!(error.error_code(), Some(&ErrorCode::CarrierNotFound));
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
