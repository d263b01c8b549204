//! The JSON codec: the request envelope and the response envelope, and the errors an answer
//! decodes to. No sending happens here (that is `transport.rs`).

mod envelope_de;
mod shapes;

use std::collections::BTreeMap;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::{Map, Value};
use telecom_core::text::read_json;
use telecom_core::{Redacted, Redactor, Secret};

use crate::Error;
use crate::models::{CustomerId, MsgCode, Source};

pub(crate) use shapes::{Lines, Object, ObjectOr};

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

/// The envelope fields of a request body, written after the action's own.
#[derive(Serialize)]
struct Outgoing<'a> {
    action: &'a str,
    agent_id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    agent_password: Option<&'a str>,
    source: Source,
    #[serde(skip_serializing_if = "Option::is_none")]
    external_transaction_id: Option<&'a str>,
}

/// The request body: the action's own fields (a JSON object) plus the envelope, written
/// into one object without reading the fields back.
pub(crate) fn request_body(
    action: &str,
    body: &Body,
    env: &EnvelopeFields<'_>,
) -> Result<Vec<u8>, Error> {
    if env.agent_id.trim().is_empty() {
        return Err(Error::invalid("agent_id", "must not be empty"));
    }
    if let Some(id) = env.external_transaction_id {
        validate_external_transaction_id(id)?;
    }
    let outgoing = Outgoing {
        action,
        agent_id: env.agent_id,
        agent_password: env.agent_password.map(Secret::expose),
        source: env.source,
        external_transaction_id: env.external_transaction_id,
    };
    let fields = body.json.as_slice();
    // Body makes sure `fields` is `{...}`; `{}` has nothing to keep.
    let inner = fields
        .get(1..fields.len().saturating_sub(1))
        .unwrap_or_default();
    let mut out = Vec::with_capacity(fields.len() + 128);
    out.push(b'{');
    out.extend_from_slice(inner);
    if !inner.is_empty() {
        out.push(b',');
    }
    let envelope_at = out.len();
    // A serde reason could quote a value (a secret among them); it is not kept.
    serde_json::to_writer(&mut out, &outgoing)
        .map_err(|_| Error::invalid("body", "cannot be encoded as JSON"))?;
    // The envelope was written as an object of its own: its `{` goes, its `}` closes both.
    out.remove(envelope_at);
    Ok(out)
}

/// `"Y"` or `"N"`, the vendor's request flags.
pub(crate) fn yes_no(flag: bool) -> &'static str {
    if flag { "Y" } else { "N" }
}

/// `data` as the vendor wrote it, kept as its JSON text; `None` when absent or `null`. What
/// an envelope holds when its `data` was not read into an action's output in the same pass.
pub(crate) type RawData = Option<Box<RawValue>>;

/// Decodes an action's `data` into its typed form, straight from its JSON text; `None`
/// (absent or `null`) reads as `null`.
pub(crate) fn data<T: DeserializeOwned>(data: Option<&RawValue>) -> Result<T, serde_json::Error> {
    serde_json::from_str(data.map_or("null", RawValue::get))
}

/// A decoded response envelope (read by `envelope_de.rs`), its `data` read as `D`: the
/// action's own output type on the usual path, [`RawData`] when the answer is looked at
/// whole (a failure, or a `data` that did not fit), `()` once `data` has been taken out.
#[derive(Debug, Clone)]
pub(crate) struct Envelope<D = RawData> {
    pub(crate) msg: Option<String>,
    pub(crate) msg_code: MsgCode,
    pub(crate) data: D,
    /// The next token; a secret, since its JWT payload holds the API credentials.
    pub(crate) token: Option<Secret>,
    pub(crate) errors: Vec<String>,
    pub(crate) external_transaction_id: Option<String>,
    pub(crate) success: Option<String>,
    /// Top-level fields this version does not type.
    pub(crate) extra: BTreeMap<String, Value>,
    /// The HTTP status it came with (set after decoding).
    pub(crate) status: u16,
}

/// The customer id a failed create's `data` names (`customer_id`, else `cust_id`; in the
/// object or the first line of a list), when it reads as one.
fn named_customer(data: &Value) -> Option<CustomerId> {
    let object = match data {
        Value::Array(items) => items.first()?,
        other => other,
    };
    ["customer_id", "cust_id"]
        .iter()
        .filter_map(|key| object.get(*key))
        .find_map(|id| CustomerId::deserialize(id).ok())
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
    // The usual answer reads straight into the envelope, without a tree of the whole body
    // first; anything else takes the path below, which tells why it does not fit.
    if let Ok(envelope) = read_json::<Envelope>(body) {
        return Ok(settle(redactor, envelope, status));
    }
    // serde_json's messages name a position, never the text, for syntax errors; the shape
    // errors below may quote a value, so they are masked like the body.
    let value: Value =
        read_json(body).map_err(|_| fail(Redacted::fixed("the body is not JSON")))?;
    if !value
        .as_object()
        .is_some_and(|o| o.contains_key("msg_code"))
    {
        return Err(fail(Redacted::fixed(
            "the body is not a vcare envelope (no msg_code)",
        )));
    }
    let envelope: Envelope = serde_json::from_value(value)
        .map_err(|e| fail(redactor.message(&format!("the envelope does not fit: {e}"))))?;
    Ok(settle(redactor, envelope, status))
}

/// A plain success answer read in one pass, its `data` straight into `D`: no copy of `data`'s
/// text is made first. `None` for anything else (a failure, a token rejection among them, a
/// body that is not an envelope, a `data` that does not fit `D`): the caller then reads the
/// body through [`decode`], which keeps `data`'s text for the error and says why the answer
/// does not fit.
pub(crate) fn read_success<D: DeserializeOwned>(body: &[u8], status: u16) -> Option<Envelope<D>> {
    let mut envelope = read_json::<Envelope<D>>(body).ok()?;
    if envelope.is_failure() {
        return None;
    }
    envelope.status = status;
    Some(envelope)
}

/// The envelope with its status, and an unknown `msg_code` masked: a code this version does
/// not know is vendor text that every error's `Display` shows, masked like `msg` (a server
/// echoing a request may put anything there).
fn settle(redactor: &Redactor, mut envelope: Envelope, status: u16) -> Envelope {
    envelope.status = status;
    if envelope.msg_code.is_unknown() {
        let masked = envelope
            .redactor(redactor)
            .message(envelope.msg_code.as_str());
        envelope.msg_code = MsgCode::from(masked.as_str());
    }
    envelope
}

impl<D> Envelope<D> {
    pub(crate) fn message(&self) -> &str {
        self.msg.as_deref().unwrap_or("")
    }

    /// A failure code, or a success code with errors attached, is a failure.
    pub(crate) fn is_failure(&self) -> bool {
        !self.msg_code.is_success() || !self.errors.is_empty()
    }

    /// `data`, and the rest of the answer.
    pub(crate) fn split(self) -> (D, Envelope<()>) {
        self.replace_data(())
    }

    /// `data`, and the same answer holding `data` instead.
    fn replace_data<E>(self, data: E) -> (D, Envelope<E>) {
        let Envelope {
            msg,
            msg_code,
            data: taken,
            token,
            errors,
            external_transaction_id,
            success,
            extra,
            status,
        } = self;
        let answer = Envelope {
            msg,
            msg_code,
            data,
            token,
            errors,
            external_transaction_id,
            success,
            extra,
            status,
        };
        (taken, answer)
    }

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
}

impl Envelope {
    /// The JSON text of `data`, when there is one.
    pub(crate) fn data_text(&self) -> Option<&str> {
        self.data.as_deref().map(RawValue::get)
    }

    /// `data` as a JSON tree, for the few readers that look at its shape.
    pub(crate) fn data_value(&self) -> Result<Option<Value>, serde_json::Error> {
        self.data_text().map(serde_json::from_str).transpose()
    }

    /// The same answer with `data` read as `D` from its text; when it does not fit, the
    /// error [`Envelope::data_error`] makes of it (`redactor` is built only then).
    pub(crate) fn typed<D: DeserializeOwned>(
        self,
        redactor: impl FnOnce() -> Redactor,
        operation: &str,
    ) -> Result<Envelope<D>, Error> {
        match data::<D>(self.data.as_deref()) {
            Ok(typed) => Ok(self.replace_data(typed).1),
            Err(reason) => Err(self.data_error(&redactor(), operation, &reason)),
        }
    }

    /// The error of a failed create: [`Error::AlreadyCreated`] when the vendor's words say
    /// the enrollment already has its customer (with the customer id, when the answer's
    /// `data` names one), else the vendor error. The enrollment ids are the request's: the
    /// operation fills them in.
    pub(crate) fn create_error(self, redactor: &Redactor, operation: &str) -> Error {
        let said = self
            .errors
            .iter()
            .map(String::as_str)
            .chain(self.msg.as_deref())
            .find(|text| crate::models::says_already_created(text))
            .map(str::to_owned);
        let Some(said) = said else {
            return self.vendor_error(redactor, operation);
        };
        let redactor = self.redactor(redactor);
        Error::AlreadyCreated {
            operation: operation.to_owned(),
            enrollment_ids: Vec::new(),
            customer_id: self
                .data_value()
                .ok()
                .flatten()
                .as_ref()
                .and_then(named_customer),
            message: redactor.message(&said),
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
        let data = self.data_text().unwrap_or("null");
        Error::Decode {
            operation: operation.to_owned(),
            status: self.status,
            message: redactor.message(&format!("data does not fit {operation}: {reason}")),
            body: redactor.excerpt(data.as_bytes()),
        }
    }
}

/// A request body: the action's own fields as one JSON object, and the secret values among
/// them (an SSN, a card number, a password), so the call can mask them in whatever the
/// vendor answers.
pub(crate) struct Body {
    json: Vec<u8>,
    secrets: Vec<Secret>,
}

impl Body {
    /// The fields of a typed action's wire struct (which must write a JSON object). The
    /// struct is written once; it is read back for its secrets only when it names a field
    /// that holds one.
    pub(crate) fn typed<T: Serialize>(fields: &T) -> Result<Self, Error> {
        // Every wire struct is a struct of strings, numbers and lists; the reason is not
        // kept, as it could quote a value.
        let refused = || Error::invalid("body", "cannot be encoded as a JSON object");
        let json = serde_json::to_vec(fields).map_err(|_| refused())?;
        if !(json.starts_with(b"{") && json.ends_with(b"}")) {
            return Err(refused());
        }
        if !names_a_secret_field(&json) {
            return Ok(Body {
                json,
                secrets: Vec::new(),
            });
        }
        match serde_json::from_slice(&json) {
            Ok(Value::Object(map)) => Body::from_fields(map),
            _ => Err(refused()),
        }
    }

    /// The fields of a body, with the secret values under the field names this vendor's
    /// requests use for secrets ([`SECRET_FIELDS`]), at any depth. Typed and raw bodies
    /// are told apart by nothing: the names are the one list of what is secret. A body that
    /// sets a field the client writes itself is refused rather than overridden.
    pub(crate) fn from_fields(fields: Map<String, Value>) -> Result<Self, Error> {
        /// Every text and number under a secret field: security answers come as a list.
        fn leaves(value: &Value, out: &mut Vec<Secret>) {
            match value {
                Value::String(s) if !s.is_empty() => out.push(Secret::new(s.as_str())),
                Value::Number(n) => out.push(Secret::new(n.to_string())),
                Value::Array(items) => items.iter().for_each(|v| leaves(v, out)),
                Value::Object(inner) => inner.values().for_each(|v| leaves(v, out)),
                _ => {}
            }
        }
        fn collect(map: &Map<String, Value>, out: &mut Vec<Secret>) {
            for (key, value) in map {
                match value {
                    _ if SECRET_FIELDS.contains(&key.as_str()) => leaves(value, out),
                    Value::Object(inner) => collect(inner, out),
                    Value::Array(items) => items
                        .iter()
                        .filter_map(Value::as_object)
                        .for_each(|inner| collect(inner, out)),
                    _ => {}
                }
            }
        }
        if let Some(key) = ENVELOPE_KEYS.iter().find(|k| fields.contains_key(**k)) {
            return Err(Error::invalid(
                *key,
                "is written by the client; set it in the credentials, on the builder or with Client::with_external_transaction_id",
            ));
        }
        let mut secrets = Vec::new();
        collect(&fields, &mut secrets);
        let json = serde_json::to_vec(&fields)
            .map_err(|_| Error::invalid("body", "cannot be encoded as JSON"))?;
        Ok(Body { json, secrets })
    }

    /// The secret values of the body.
    pub(crate) fn into_secrets(self) -> Vec<Secret> {
        self.secrets
    }
}

/// True when the JSON names one of [`SECRET_FIELDS`] as a field (`"name":`), at any depth.
fn names_a_secret_field(json: &[u8]) -> bool {
    // One pass over the body, looking only after each quote: sliding a window per name over
    // every byte cost more than writing the body did.
    json.iter().enumerate().any(|(at, &byte)| {
        byte == b'"'
            && SECRET_FIELDS.iter().any(|name| {
                json[at + 1..]
                    .strip_prefix(name.as_bytes())
                    .is_some_and(|after| after.starts_with(b"\":"))
            })
    })
}

/// The request fields that hold secrets, in the typed requests and in raw bodies alike.
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
    "password_pin",
    "port_ssn",
    "ssn",
    "security_questions_answers",
];

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_secret_field_is_found_by_its_name_and_colon_only() {
        for json in [
            r#"{"pin":"1"}"#,
            r#"{"a":{"b":[{"card_number":"4111"}]}}"#,
            r#"{"zip":"07502","agent_password":"x"}"#,
        ] {
            assert!(names_a_secret_field(json.as_bytes()), "{json}");
        }
        for json in [
            r#"{"zip":"pin"}"#,
            r#"{"pin_code":"1"}"#,
            r#"{"x":"\"pin\" "}"#,
            r#"{"spin":"1"}"#,
            r#"{"x":"pin"#,
            "",
        ] {
            assert!(!names_a_secret_field(json.as_bytes()), "{json}");
        }
    }

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
    fn errors_without_content_are_no_failure() {
        for errors in [
            "false",
            "0",
            "0.0",
            r#""""#,
            r#"" ""#,
            "[]",
            "{}",
            "null",
            r#"[false,0,"",[]]"#,
            r#"{"zip":""}"#,
        ] {
            let body = format!(r#"{{"msg_code":"RESTAPI000","errors":{errors},"data":{{"a":1}}}}"#);
            let env = decode(&Redactor::new(), "x", 200, body.as_bytes()).unwrap();
            assert!(!env.is_failure(), "{errors}: {:?}", env.errors);
            // The one-pass reader of the usual answer agrees.
            assert!(
                read_success::<Value>(body.as_bytes(), 200).is_some(),
                "{errors}"
            );
        }
        // Content, of whatever type, is an error.
        for errors in ["true", "7", r#"["no"]"#, r#"{"zip":"bad"}"#] {
            let body = format!(r#"{{"msg_code":"RESTAPI000","errors":{errors}}}"#);
            let env = decode(&Redactor::new(), "x", 200, body.as_bytes()).unwrap();
            assert!(env.is_failure(), "{errors}");
        }
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
            Body::from_fields(body),
            Err(Error::InvalidInput { field, .. }) if field == "source"
        ));
        let written = |body: Body| -> Value {
            serde_json::from_slice(&request_body("act", &body, &env).unwrap()).unwrap()
        };
        let mut body = Map::new();
        body.insert("zip_code".into(), "07502".into());
        assert_eq!(
            written(Body::from_fields(body).unwrap()),
            serde_json::json!({"zip_code": "07502", "action": "act", "agent_id": "a", "source": "API"})
        );
        assert_eq!(
            written(Body::from_fields(Map::new()).unwrap()),
            serde_json::json!({"action": "act", "agent_id": "a", "source": "API"})
        );
    }

    #[test]
    fn secrets_are_found_by_field_name_at_any_depth() {
        let fields = serde_json::json!({
            "ssnum": "3437",
            "zip_code": "30901",
            "lines": [{"pin": "9911", "first_name": "Ana"}],
            "nested": {"card_number": "4111111111111111", "cvv": 123},
            "password": ""
        });
        let Value::Object(fields) = fields else {
            panic!("an object");
        };
        let secrets = Body::from_fields(fields).unwrap().into_secrets();
        let mut found: Vec<&str> = secrets.iter().map(Secret::expose).collect();
        found.sort_unstable();
        assert_eq!(found, ["123", "3437", "4111111111111111", "9911"]);
    }

    #[test]
    fn a_create_told_already_created_keeps_the_customer_id() {
        let body = br#"{"msg_code":"RESTAPI000","msg":"Success","errors":["Customer is already created"],"data":{"pending_id":439,"customer_id":"432"}}"#;
        let env = decode(&Redactor::new(), "x", 200, body).unwrap();
        let error = env.create_error(&Redactor::new(), "create_homephone_customer");
        let Error::AlreadyCreated {
            customer_id,
            code,
            message,
            status,
            ..
        } = &error
        else {
            panic!("not AlreadyCreated: {error}");
        };
        assert_eq!(customer_id.as_ref().map(CustomerId::as_str), Some("432"));
        assert_eq!((code.as_str(), *status), ("RESTAPI000", 200));
        assert!(message.as_str().contains("already created"));
        assert!(!error.is_retryable());

        let body = br#"{"msg_code":"RESTAPI110","msg":"Error occurred","errors":["Please enter valid 5 digit Zip Code"]}"#;
        let env = decode(&Redactor::new(), "x", 200, body).unwrap();
        let error = env.create_error(&Redactor::new(), "create_homephone_customer");
        assert!(matches!(error, Error::Vendor { .. }), "{error}");
    }

    #[test]
    fn a_token_of_another_type_is_no_token() {
        let env = decode(
            &Redactor::new(),
            "x",
            200,
            br#"{"msg_code":"RESTAPI000","token":{"odd":1},"data":"","later":7}"#,
        )
        .unwrap();
        assert!(env.token.is_none());
        assert_eq!(env.extra.get("later"), Some(&Value::from(7)));
    }

    #[test]
    fn only_a_plain_success_is_read_in_one_pass() {
        #[derive(Debug, Deserialize, PartialEq)]
        struct Plan {
            plan_id: String,
        }
        type Plans = Lines<Plan>;
        let success = br#"{"msg":"Success","data":[{"plan_id":"1"},{"plan_id":"2"}],"msg_code":"RESTAPI000","token":"next","later":1}"#;
        let env = read_success::<Plans>(success, 201).unwrap();
        assert_eq!(env.data.0.len(), 2);
        assert_eq!((env.status, env.message()), (201, "Success"));
        assert_eq!(env.token.as_ref().map(Secret::expose), Some("next"));
        assert_eq!(env.extra.get("later"), Some(&Value::from(1)));
        // No `data` reads as `data: null`.
        let bare = br#"{"msg_code":"RESTAPI000"}"#;
        assert!(read_success::<Plans>(bare, 200).unwrap().data.0.is_empty());

        for other in [
            &br#"{"msg_code":"RESTAPI110","msg":"Error occurred","data":[]}"#[..],
            br#"{"msg_code":"RESTAPI000","errors":["Please enter valid 5 digit Zip Code"]}"#,
            br#"{"msg_code":"RESTAPI001","msg":"Token expire"}"#,
            br#"{"msg_code":"RESTAPI000","data":[{"plan":"no id"}]}"#,
            br#"{"msg_code":"RESTAPI000","data":[{"plan_id":"1"}"#,
            b"<html>502</html>",
            b"{\"msg_code\":\"RESTAPI000\",\"msg\":\"\xff\"}",
        ] {
            assert!(read_success::<Plans>(other, 200).is_none(), "{other:?}");
        }
    }

    #[test]
    fn a_data_that_does_not_fit_is_a_decode_error_with_its_excerpt() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct Plan {
            plan_id: String,
        }
        let body = br#"{"msg_code":"RESTAPI000","data":[{"plan":"no id"}]}"#;
        let env = decode(&Redactor::new(), "x", 200, body).unwrap();
        let error = env
            .typed::<Lines<Plan>>(Redactor::new, "plan_list")
            .map(|_| ())
            .unwrap_err();
        let Error::Decode { message, body, .. } = &error else {
            panic!("not Decode: {error}");
        };
        assert!(message.as_str().contains("plan_id"), "{message}");
        assert!(body.as_str().contains("no id"), "{body}");
    }
}
