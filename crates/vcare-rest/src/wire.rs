//! The JSON codec: the request envelope and the response envelope.

use serde::Deserialize;
use serde_json::{Map, Value};
use telecom_core::Secret;
use telecom_core::text::{EXCERPT_CHARS, excerpt};

use crate::Error;
use crate::models::common::{MsgCode, Source};

/// The fields every call carries besides its own.
#[derive(Debug, Clone)]
pub(crate) struct EnvelopeFields<'a> {
    pub(crate) agent_id: &'a str,
    pub(crate) agent_password: Option<&'a Secret>,
    pub(crate) source: Source,
    pub(crate) external_transaction_id: Option<&'a str>,
}

/// Names the client writes itself; a body that sets them is refused rather than overridden.
const ENVELOPE_KEYS: [&str; 5] = [
    "action",
    "agent_id",
    "agent_password",
    "source",
    "external_transaction_id",
];

/// Checks an `external_transaction_id`: letters and digits only, as the vendor documents.
pub(crate) fn validate_external_transaction_id(id: &str) -> Result<(), Error> {
    if id.is_empty() || !id.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(Error::invalid(
            "external_transaction_id",
            "must be one or more ASCII letters and digits",
        ));
    }
    Ok(())
}

/// The request body: the action's own fields plus the envelope.
pub(crate) fn request_body(
    action: &str,
    mut body: Map<String, Value>,
    env: &EnvelopeFields<'_>,
) -> Result<Vec<u8>, Error> {
    if let Some(key) = ENVELOPE_KEYS.iter().find(|k| body.contains_key(**k)) {
        return Err(Error::invalid(
            key,
            "is written by the client; set it on the builder or with Client::with_external_transaction_id",
        ));
    }
    if env.agent_id.trim().is_empty() {
        return Err(Error::invalid("agent_id", "must not be empty"));
    }
    body.insert("action".into(), Value::from(action));
    body.insert("agent_id".into(), Value::from(env.agent_id));
    if let Some(password) = env.agent_password {
        body.insert("agent_password".into(), Value::from(password.expose()));
    }
    body.insert("source".into(), Value::from(env.source.as_str()));
    if let Some(id) = env.external_transaction_id {
        validate_external_transaction_id(id)?;
        body.insert("external_transaction_id".into(), Value::from(id));
    }
    serde_json::to_vec(&Value::Object(body)).map_err(|e| Error::invalid("body", e.to_string()))
}

/// A decoded response envelope.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct Envelope {
    #[serde(default, deserialize_with = "crate::de::opt_text")]
    pub(crate) msg: Option<String>,
    pub(crate) msg_code: MsgCode,
    #[serde(default)]
    pub(crate) data: Option<Value>,
    #[serde(default, deserialize_with = "crate::de::opt_text")]
    pub(crate) token: Option<String>,
    #[serde(default, deserialize_with = "errors_list")]
    pub(crate) errors: Vec<String>,
    #[serde(default, deserialize_with = "crate::de::opt_text")]
    pub(crate) external_transaction_id: Option<String>,
    #[serde(default, deserialize_with = "crate::de::opt_text")]
    pub(crate) success: Option<String>,
    /// The HTTP status it came with (set after decoding).
    #[serde(skip)]
    pub(crate) status: u16,
}

impl Envelope {
    pub(crate) fn message(&self) -> &str {
        self.msg.as_deref().unwrap_or("")
    }

    /// A failure code, or a success code with errors attached, is a failure.
    pub(crate) fn is_failure(&self) -> bool {
        !self.msg_code.is_success() || !self.errors.is_empty()
    }
}

/// `errors` arrives as an array of strings, a single string, nested arrays, or (seen in the
/// wild for field errors) an object of messages; every leaf becomes one string.
fn errors_list<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    fn flatten(value: Value, out: &mut Vec<String>) {
        match value {
            Value::Null => {}
            Value::String(s) => {
                if !s.trim().is_empty() {
                    out.push(s);
                }
            }
            Value::Array(items) => items.into_iter().for_each(|v| flatten(v, out)),
            Value::Object(map) => map.into_iter().for_each(|(_, v)| flatten(v, out)),
            other => out.push(other.to_string()),
        }
    }
    let mut out = Vec::new();
    flatten(Value::deserialize(d)?, &mut out);
    Ok(out)
}

/// Reads a body as an envelope. A body that is not JSON, not an object, or has no
/// `msg_code` is an HTTP status error on a non-2xx answer and a decode error otherwise.
pub(crate) fn decode(operation: &str, status: u16, body: &[u8]) -> Result<Envelope, Error> {
    let fail = |message: String, source: Option<serde_json::Error>| {
        if (200..300).contains(&status) {
            Error::Decode {
                operation: operation.to_owned(),
                status,
                message,
                body: safe_excerpt(body),
                source,
            }
        } else {
            Error::HttpStatus {
                operation: operation.to_owned(),
                status,
                body: safe_excerpt(body),
            }
        }
    };
    let value: Value =
        serde_json::from_slice(body).map_err(|e| fail("the body is not JSON".into(), Some(e)))?;
    if !value
        .as_object()
        .is_some_and(|o| o.contains_key("msg_code"))
    {
        return Err(fail(
            "the body is not a vcare envelope (no msg_code)".into(),
            None,
        ));
    }
    let mut envelope: Envelope = serde_json::from_value(value)
        .map_err(|e| fail("the envelope does not fit".into(), Some(e)))?;
    envelope.status = status;
    Ok(envelope)
}

/// A body excerpt for an error message, with every token taken out: the JWT payload holds
/// the API credentials in clear.
pub(crate) fn safe_excerpt(body: &[u8]) -> String {
    fn scrub(value: &mut Value) {
        match value {
            Value::Object(map) => {
                for (key, v) in map.iter_mut() {
                    if key.eq_ignore_ascii_case("token") && !v.is_null() {
                        *v = Value::from(REDACTED);
                    } else {
                        scrub(v);
                    }
                }
            }
            Value::Array(items) => items.iter_mut().for_each(scrub),
            _ => {}
        }
    }
    let text = match serde_json::from_slice::<Value>(body) {
        Ok(mut value) => {
            scrub(&mut value);
            value.to_string()
        }
        // Not JSON (a truncated or malformed body): blank `"token": "..."` values by hand.
        // Only the head matters for an excerpt; bounding it keeps a huge page cheap.
        Err(_) => cut_token_values(&String::from_utf8_lossy(&body[..body.len().min(16 * 1024)])),
    };
    // Whatever is left that is shaped like a JWT goes too (a token in a message, in HTML).
    excerpt(cut_jwts(&text).as_bytes(), EXCERPT_CHARS)
}

const REDACTED: &str = telecom_core::secret::REDACTED;

/// Replaces the string value after every `"token"` key (any case) in text that may not parse.
fn cut_token_values(text: &str) -> String {
    const KEY: &str = "\"token\"";
    // ASCII lower-casing keeps every byte offset, so offsets found in `lower` fit `text`.
    let lower = text.to_ascii_lowercase();
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    while let Some(found) = lower.get(pos..).and_then(|l| l.find(KEY)) {
        let after_key = pos + found + KEY.len();
        out.push_str(&text[pos..after_key]);
        let tail = &text[after_key..];
        let value = tail
            .trim_start()
            .strip_prefix(':')
            .map(str::trim_start)
            .and_then(|v| v.strip_prefix('"'));
        match value {
            Some(value) => {
                out.push_str(&tail[..tail.len() - value.len()]);
                out.push_str(REDACTED);
                // The value ends at the next quote, or runs to the end of a cut-short body.
                let end = value.find('"').unwrap_or(value.len());
                pos = text.len() - (value.len() - end);
            }
            None => pos = after_key,
        }
    }
    out.push_str(&text[pos..]);
    out
}

/// Replaces every run that starts like a JWT (`eyJ`, base64 of `{"`) with the redaction mark.
fn cut_jwts(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("eyJ") {
        out.push_str(&rest[..at]);
        out.push_str(REDACTED);
        let tail = &rest[at..];
        let end = tail
            .find(|c: char| {
                !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '=' | '+' | '/'))
            })
            .unwrap_or(tail.len());
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    #[test]
    fn excerpts_never_carry_tokens() {
        let json = br#"{"msg":"x","token":"eyJhbGciOi.eyJkYXRh.sig","data":{"token":"abc"}}"#;
        let text = safe_excerpt(json);
        assert!(!text.contains("eyJ") && !text.contains("abc"), "{text}");
        let broken = br#"{"errors":["x"] "token": "eyJhbGciOi.eyJkYXRh.sig" }"#;
        let text = safe_excerpt(broken);
        assert!(
            !text.contains("eyJ") && text.contains("[REDACTED]"),
            "{text}"
        );
    }

    use super::*;

    #[test]
    fn errors_in_every_shape() {
        let cases = [
            (r#"{"msg_code":"RESTAPI110","errors":"one"}"#, vec!["one"]),
            (
                r#"{"msg_code":"RESTAPI110","errors":["a",["b",["c"]]]}"#,
                vec!["a", "b", "c"],
            ),
            (
                r#"{"msg_code":"RESTAPI110","errors":{"zip":"bad"}}"#,
                vec!["bad"],
            ),
            (r#"{"msg_code":"RESTAPI000","errors":[]}"#, vec![]),
            (r#"{"msg_code":"RESTAPI000","errors":""}"#, vec![]),
            (r#"{"msg_code":"RESTAPI000"}"#, vec![]),
        ];
        for (body, expected) in cases {
            let env = decode("x", 200, body.as_bytes()).unwrap();
            assert_eq!(env.errors, expected, "{body}");
        }
    }

    proptest::proptest! {
        #[test]
        fn decoding_any_bytes_never_panics(body in proptest::collection::vec(proptest::num::u8::ANY, 0..512), status in 100u16..600) {
            let _ = decode("x", status, &body);
            let _ = safe_excerpt(&body);
        }

        #[test]
        fn a_jwt_never_survives_an_excerpt(
            before in "[ -~]{0,40}",
            payload in "[A-Za-z0-9_-]{1,40}",
            after in "[ -~]{0,40}",
        ) {
            let jwt = format!("eyJhbGciOiJIUzI1NiJ9.eyJ{payload}.sig");
            for body in [
                format!("{before}{jwt}{after}"),
                format!("{{\"token\":\"{jwt}\",\"msg\":\"{}\"}}", before.replace(['"', '\\'], "")),
                format!("{{\"msg\":\"x\" \"token\": \"{jwt}\" {after}"),
            ] {
                let text = safe_excerpt(body.as_bytes());
                proptest::prop_assert!(!text.contains(&jwt), "{body} -> {text}");
            }
        }
    }

    #[test]
    fn success_with_errors_is_a_failure() {
        let env = decode("x", 200, br#"{"msg_code":"RESTAPI000","errors":["no"]}"#).unwrap();
        assert!(env.is_failure());
    }

    #[test]
    fn html_is_a_decode_or_status_error() {
        assert!(matches!(
            decode("x", 200, b"<html>"),
            Err(Error::Decode { .. })
        ));
        assert!(matches!(
            decode("x", 502, b"<html>"),
            Err(Error::HttpStatus { status: 502, .. })
        ));
        assert!(matches!(decode("x", 200, b"{}"), Err(Error::Decode { .. })));
        assert!(matches!(
            decode("x", 200, b"[1]"),
            Err(Error::Decode { .. })
        ));
    }

    #[test]
    fn envelope_keys_cannot_be_smuggled() {
        let env = EnvelopeFields {
            agent_id: "a",
            agent_password: None,
            source: Source::Api,
            external_transaction_id: None,
        };
        let mut body = Map::new();
        body.insert("source".into(), "X".into());
        assert!(matches!(
            request_body("x", body, &env),
            Err(Error::InvalidInput {
                field: "source",
                ..
            })
        ));
    }
}

/// A request body under construction: the action's own fields, in the vendor's shapes.
#[derive(Default)]
pub(crate) struct Body(Map<String, Value>);

impl Body {
    pub(crate) fn new() -> Self {
        Body::default()
    }

    pub(crate) fn str(mut self, key: &str, value: &str) -> Self {
        self.0.insert(key.to_owned(), Value::from(value));
        self
    }

    pub(crate) fn opt_str(self, key: &str, value: Option<&str>) -> Self {
        match value {
            Some(value) => self.str(key, value),
            None => self,
        }
    }

    pub(crate) fn secret(self, key: &str, value: &Secret) -> Self {
        self.str(key, value.expose())
    }

    pub(crate) fn opt_secret(self, key: &str, value: Option<&Secret>) -> Self {
        self.opt_str(key, value.map(Secret::expose))
    }

    /// `"Y"` or `"N"`.
    pub(crate) fn yn(self, key: &str, value: bool) -> Self {
        self.str(key, if value { "Y" } else { "N" })
    }

    pub(crate) fn opt_yn(self, key: &str, value: Option<bool>) -> Self {
        match value {
            Some(value) => self.yn(key, value),
            None => self,
        }
    }

    pub(crate) fn value(mut self, key: &str, value: Value) -> Self {
        self.0.insert(key.to_owned(), value);
        self
    }

    pub(crate) fn strings(self, key: &str, values: &[String]) -> Self {
        self.value(key, Value::from(values.to_vec()))
    }

    pub(crate) fn into_map(self) -> Map<String, Value> {
        self.0
    }
}
