//! The JSON codec: the request envelope and the response envelope, and the errors an answer
//! decodes to. No sending happens here (that is `transport.rs`).

use serde::Deserialize;
use serde_json::{Map, Value};
use telecom_core::{Redacted, Redactor, Secret};

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
    /// The next token; a secret, since its JWT payload holds the API credentials.
    #[serde(default, deserialize_with = "crate::de::opt_secret")]
    pub(crate) token: Option<Secret>,
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
/// `msg_code` is an HTTP status error on a non-2xx answer and a decode error otherwise; its
/// excerpt and the decode reason go through `redactor`.
pub(crate) fn decode(
    redactor: &Redactor,
    operation: &str,
    status: u16,
    body: &[u8],
) -> Result<Envelope, Error> {
    let fail = |message: Redacted| {
        if (200..300).contains(&status) {
            Error::Decode {
                operation: operation.to_owned(),
                status,
                message,
                body: redactor.excerpt(body),
            }
        } else {
            Error::HttpStatus {
                operation: operation.to_owned(),
                status,
                body: redactor.excerpt(body),
            }
        }
    };
    // serde_json's messages name a position, never the text, for syntax errors; the shape
    // errors below may quote a value, so they are masked like the body.
    let value: Value =
        serde_json::from_slice(body).map_err(|_| fail(Redacted::fixed("the body is not JSON")))?;
    if !value
        .as_object()
        .is_some_and(|o| o.contains_key("msg_code"))
    {
        return Err(fail(Redacted::fixed(
            "the body is not a vcare envelope (no msg_code)",
        )));
    }
    let mut envelope: Envelope = serde_json::from_value(value)
        .map_err(|e| fail(redactor.message(&format!("the envelope does not fit: {e}"))))?;
    envelope.status = status;
    // A code this version does not know is vendor text that every error's `Display` shows:
    // it is masked like `msg` (a server echoing a request may put anything there).
    if envelope.msg_code.is_unknown() {
        let masked = envelope
            .redactor(redactor)
            .message(envelope.msg_code.as_str());
        envelope.msg_code = MsgCode::from(masked.as_str());
    }
    Ok(envelope)
}

impl Envelope {
    /// The redactor for texts of this answer: `redactor` plus the token the answer carries
    /// (the next one in the chain), which the second net would catch only by its shape.
    pub(crate) fn redactor(&self, redactor: &Redactor) -> Redactor {
        match &self.token {
            Some(token) => redactor.with(token),
            None => redactor.clone(),
        }
    }

    /// The vendor's `msg`, masked.
    pub(crate) fn redacted_message(&self, redactor: &Redactor) -> Redacted {
        redactor.message(self.message())
    }

    /// The vendor's `errors`, masked.
    pub(crate) fn redacted_errors(&self, redactor: &Redactor) -> Vec<Redacted> {
        self.errors.iter().map(|e| redactor.message(e)).collect()
    }

    /// The error of an answer whose action failed ([`Envelope::is_failure`]).
    pub(crate) fn vendor_error(self, redactor: &Redactor, operation: &str) -> Error {
        let redactor = self.redactor(redactor);
        Error::Vendor {
            operation: operation.to_owned(),
            message: self.redacted_message(&redactor),
            errors: self.redacted_errors(&redactor),
            code: self.msg_code,
            status: self.status,
        }
    }

    /// The error of a success answer whose `data` does not fit the action's output: the
    /// serde reason and an excerpt of `data`, both masked. Built only on failure, so the
    /// success path never copies `data`.
    pub(crate) fn data_error(
        &self,
        redactor: &Redactor,
        operation: &str,
        reason: &serde_json::Error,
    ) -> Error {
        let redactor = self.redactor(redactor);
        let data = self
            .data
            .as_ref()
            .map_or_else(|| "null".to_owned(), Value::to_string);
        Error::Decode {
            operation: operation.to_owned(),
            status: self.status,
            message: redactor.message(&format!("data does not fit {operation}: {reason}")),
            body: redactor.excerpt(data.as_bytes()),
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
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
            let env = decode(&Redactor::new(), "x", 200, body.as_bytes()).unwrap();
            assert_eq!(env.errors, expected, "{body}");
        }
    }

    proptest::proptest! {
        #[test]
        fn decoding_any_bytes_never_panics(body in proptest::collection::vec(proptest::num::u8::ANY, 0..512), status in 100u16..600) {
            let _ = decode(&Redactor::new(), "x", status, &body);
        }
    }

    #[test]
    fn an_unknown_msg_code_is_masked() {
        let mut redactor = Redactor::new();
        redactor.add("hunter2-secret");
        let env = decode(
            &redactor,
            "x",
            200,
            br#"{"msg_code":"E-hunter2-secret","token":"tok-next-value"}"#,
        )
        .unwrap();
        assert!(
            !env.msg_code.as_str().contains("hunter2-secret"),
            "{}",
            env.msg_code
        );
        assert!(env.msg_code.as_str().starts_with("E-"));
        let env = decode(
            &redactor,
            "x",
            200,
            br#"{"msg_code":"tok-next-value","token":"tok-next-value"}"#,
        )
        .unwrap();
        assert!(
            !env.msg_code.as_str().contains("tok-next-value"),
            "{}",
            env.msg_code
        );
        let env = decode(&redactor, "x", 200, br#"{"msg_code":"RESTAPI999"}"#).unwrap();
        assert_eq!(env.msg_code.as_str(), "RESTAPI999");
    }

    #[test]
    fn success_with_errors_is_a_failure() {
        let env = decode(
            &Redactor::new(),
            "x",
            200,
            br#"{"msg_code":"RESTAPI000","errors":["no"]}"#,
        )
        .unwrap();
        assert!(env.is_failure());
    }

    #[test]
    fn html_is_a_decode_or_status_error() {
        assert!(matches!(
            decode(&Redactor::new(), "x", 200, b"<html>"),
            Err(Error::Decode { .. })
        ));
        assert!(matches!(
            decode(&Redactor::new(), "x", 502, b"<html>"),
            Err(Error::HttpStatus { status: 502, .. })
        ));
        assert!(matches!(
            decode(&Redactor::new(), "x", 200, b"{}"),
            Err(Error::Decode { .. })
        ));
        assert!(matches!(
            decode(&Redactor::new(), "x", 200, b"[1]"),
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

/// A request body under construction: the action's own fields, in the vendor's shapes, and
/// the secret values among them (an SSN, a card number, a password), so the call can mask
/// them in whatever the vendor answers.
#[derive(Default)]
pub(crate) struct Body {
    fields: Map<String, Value>,
    secrets: Vec<Secret>,
}

impl Body {
    pub(crate) fn new() -> Self {
        Body::default()
    }

    pub(crate) fn str(mut self, key: &str, value: &str) -> Self {
        self.fields.insert(key.to_owned(), Value::from(value));
        self
    }

    pub(crate) fn opt_str(self, key: &str, value: Option<&str>) -> Self {
        match value {
            Some(value) => self.str(key, value),
            None => self,
        }
    }

    pub(crate) fn secret(mut self, key: &str, value: &Secret) -> Self {
        self.secrets.push(value.clone());
        self.str(key, value.expose())
    }

    pub(crate) fn opt_secret(self, key: &str, value: Option<&Secret>) -> Self {
        match value {
            Some(value) => self.secret(key, value),
            None => self,
        }
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
        self.fields.insert(key.to_owned(), value);
        self
    }

    pub(crate) fn strings(self, key: &str, values: &[String]) -> Self {
        self.value(key, Value::from(values.to_vec()))
    }

    /// A list of objects, each with its own secrets.
    pub(crate) fn objects(mut self, key: &str, items: Vec<Body>) -> Self {
        let mut values = Vec::with_capacity(items.len());
        for item in items {
            self.secrets.extend(item.secrets);
            values.push(Value::Object(item.fields));
        }
        self.value(key, Value::from(values))
    }

    /// Secret values a raw body carries under the field names this vendor's typed requests
    /// use for secrets, at any depth: the typed requests mark theirs, a raw body cannot.
    pub(crate) fn from_raw(fields: Map<String, Value>) -> Self {
        fn collect(map: &Map<String, Value>, out: &mut Vec<Secret>) {
            for (key, value) in map {
                match value {
                    Value::String(s) if SECRET_FIELDS.contains(&key.as_str()) => {
                        out.push(Secret::new(s.as_str()));
                    }
                    Value::Object(inner) => collect(inner, out),
                    Value::Array(items) => items
                        .iter()
                        .filter_map(Value::as_object)
                        .for_each(|inner| collect(inner, out)),
                    _ => {}
                }
            }
        }
        let mut secrets = Vec::new();
        collect(&fields, &mut secrets);
        Body { fields, secrets }
    }

    pub(crate) fn into_parts(self) -> (Map<String, Value>, Vec<Secret>) {
        (self.fields, self.secrets)
    }
}

/// The request fields the typed requests send as secrets.
const SECRET_FIELDS: &[&str] = &[
    "ssnum",
    "ssn_last_four",
    "card_number",
    "cvv",
    "password",
    "pin",
    "port_account_password",
    "customer_token",
    "payment_token",
    "account_number",
    "agent_password",
];
