//! Entry points for the cargo-fuzz targets in `fuzz/` (`vcare_*`) and for the regression
//! tests that keep what the fuzzer found (`tests/fuzz_regressions.rs`).
//!
//! **Not part of the API**: hidden from the documentation, no semver promise, may change or
//! go away in any release. Each function takes the fuzzer's bytes, reaches a decoder of the
//! crate directly (no client, no server) and panics only when the decoder panics or a
//! property the crate promises is broken.
//!
//! Both take `[selector, secret, 0xFF, body]` (without a `0xFF`, everything after the
//! selector is the body and no secret is planted). The redactor holds what a client holds
//! (an API password, a PIN and an agent password, listed in `fuzz/dicts/vcare.dict` so the
//! fuzzer plants them) plus the input's own secret when it has at least eight characters.
//!
//! - `envelope`: the body, with the HTTP status the selector picks, read as a vcare envelope
//!   (every `errors` shape, every `msg_code`), then every error an answer can become (a
//!   decode or status error, the vendor error, an authentication error, a token rejection,
//!   the error of `data` that fits no action): none shows a secret the redactor holds, a
//!   failure is a failure code or a non-empty `errors`, and each names its `msg_code`.
//! - `models`: the body as the `data` of a success envelope, read as the output of the
//!   action the selector picks: a value writes back to `data` that reads as the same value;
//!   a `data` that does not fit is an error that shows no secret.
//!
//! The vendor's field names are in `fuzz/dicts/vcare.dict`, for libFuzzer's `-dict=`.

use std::fmt::Debug;

use serde_json::Value;
use telecom_core::fuzzing::Case;
use telecom_core::{Redactor, Secret};

use crate::auth::{Credentials, rejects_token};
use crate::models::{
    AddTopup, CheckDeviceCompatibility, CheckServiceAvailability, CreateCustomerV2,
    CreateHomephoneCustomer, CustomerInfoRequest, GetUsage, MakePayment, PlanList, QueryPortin,
    SimSwap, SimSwapResult, TopupList, Usage,
};
use crate::ops::{Action, FromData};
use crate::wire::{self, Envelope};
use crate::{Error, MsgCode};

/// The API password the fuzzing redactor holds.
pub const API_PASSWORD: &str = "fuzz-Api-Pass!9";
/// The API PIN the fuzzing redactor holds.
pub const API_PIN: &str = "7391";
/// The agent password the fuzzing redactor holds (XML-escaped too, as the client does).
pub const AGENT_PASSWORD: &str = "agent<&>Pw\"42";

/// The statuses the selector picks from: vcare's 200 and 400, and what proxies send.
const STATUSES: [u16; 12] = [200, 400, 201, 204, 401, 403, 404, 429, 500, 502, 503, 302];

/// The envelope decoder and every error built from what it reads.
pub fn envelope(data: &[u8]) {
    let Some(case) = Case::read(data) else {
        return;
    };
    let status = STATUSES[usize::from(case.selector) % STATUSES.len()];
    let redactor = client_redactor(&case);
    let shown = envelope_errors(&redactor, status, case.body);
    case.no_leak(&[API_PASSWORD, API_PIN, AGENT_PASSWORD], &shown, |body| {
        envelope_errors(&redactor, status, body)
    });
}

/// Every typed `data` the actions return, the selector picking which.
pub fn models(data: &[u8]) {
    let Some(case) = Case::read(data) else {
        return;
    };
    let redactor = client_redactor(&case);
    let pick = case.selector % MODELS;
    let shown = model_errors(&redactor, pick, case.body);
    case.no_leak(&[API_PASSWORD, API_PIN, AGENT_PASSWORD], &shown, |body| {
        model_errors(&redactor, pick, body)
    });
}

/// What a client's redactor holds, plus the planted secret.
fn client_redactor(case: &Case<'_>) -> Redactor {
    let mut redactor = Redactor::new();
    Credentials {
        vendor_id: "V1".into(),
        username: "apiuser".into(),
        password: API_PASSWORD.into(),
        pin: API_PIN.into(),
        agent_id: "ewebsiteapi".into(),
        agent_password: Some(Secret::new(AGENT_PASSWORD)),
    }
    .register(&mut redactor);
    if let Some(secret) = &case.secret {
        redactor.add(secret);
    }
    redactor
}

/// The text of every error the answer can become, checking what holds of each.
fn envelope_errors(redactor: &Redactor, status: u16, body: &[u8]) -> String {
    let envelope = match wire::decode(redactor, "fuzz", status, body) {
        Ok(envelope) => envelope,
        Err(error) => {
            match &error {
                Error::Decode { status: s, .. } => {
                    assert!((200..300).contains(s), "a decode error is a 2xx: {error}");
                }
                Error::HttpStatus { status: s, .. } => {
                    assert!(
                        !(200..300).contains(s),
                        "a status error is not a 2xx: {error}"
                    );
                }
                other => panic!("decode returns a decode or status error, not {other:?}"),
            }
            assert_eq!(error.status(), Some(status));
            let _ = error.is_retryable();
            return format!("{error} {error:?}");
        }
    };
    assert_eq!(envelope.status, status, "the envelope keeps its status");
    assert!(
        envelope.errors.iter().all(|e| !e.trim().is_empty()),
        "no blank entry in errors: {:?}",
        envelope.errors
    );
    assert_eq!(
        envelope.is_failure(),
        !envelope.msg_code.is_success() || !envelope.errors.is_empty(),
        "a failure is a failure code or an error listed"
    );
    let mut shown = String::new();
    let code = envelope.msg_code.clone();
    let answer = envelope.redactor(redactor);
    if rejects_token(&envelope) {
        let error = Error::TokenRejected {
            operation: "fuzz".to_owned(),
            message: envelope.redacted_message(&answer),
            code: code.clone(),
        };
        shown.push_str(&shown_error(&error, &code));
    }
    let auth = Error::Auth {
        message: envelope.redacted_message(&answer),
        code: code.clone(),
    };
    shown.push_str(&shown_error(&auth, &code));
    if !envelope.is_failure() {
        for pick in 0..MODELS {
            if let Some(error) = output(redactor, pick, status, body) {
                shown.push_str(&format!(" {error} {error:?}"));
            }
        }
    }
    // A create's answer read as "already created" when it says so, and kept as the vendor
    // error otherwise: either way it names the code.
    let repeat = envelope
        .clone()
        .create_error(redactor, "fuzz")
        .for_enrollments(&["WN1597"]);
    if let Error::AlreadyCreated { message, .. } = &repeat {
        assert!(
            crate::models::says_already_created(message.as_str()),
            "only the vendor's words make a repeat: {repeat}"
        );
    }
    shown.push_str(&shown_error(&repeat, &code));
    let vendor = envelope.vendor_error(redactor, "fuzz");
    assert_eq!(vendor.status(), Some(status));
    shown.push_str(&shown_error(&vendor, &code));
    shown
}

fn shown_error(error: &Error, code: &MsgCode) -> String {
    let text = format!(" {error} {error:?}");
    assert!(
        error.to_string().contains(code.as_str()),
        "an error names its msg_code {code}: {error}"
    );
    assert_eq!(error.error_code(), Some(code));
    assert_eq!(error.vendor_code(), Some(code.as_str()));
    let _ = error.is_retryable();
    let _ = error.vendor_errors();
    text
}

/// How many models `models` picks from.
const MODELS: u8 = 12;

/// The success envelope a model's `data` arrives in.
fn wrap(data: &[u8]) -> Vec<u8> {
    let mut body = br#"{"msg":"Success","msg_code":"RESTAPI000","external_transaction_id":"EXT1","token":"eyJhbGciOiJIUzI1NiJ9.eyJ2IjoiZnV6eiJ9.c2lnbmF0dXJl","data":"#.to_vec();
    body.extend_from_slice(data);
    body.push(b'}');
    body
}

fn model_errors(redactor: &Redactor, pick: u8, data: &[u8]) -> String {
    // Leading bytes that close the object early are the fuzzer's own envelope fields.
    output(redactor, pick, 200, &wrap(data))
        .map(|error| format!("{error} {error:?}"))
        .unwrap_or_default()
}

/// The action `pick` names reads the answer; its error, when it is not a success whose
/// `data` fits.
fn output(redactor: &Redactor, pick: u8, status: u16, body: &[u8]) -> Option<Error> {
    let answer = (redactor, status, body);
    match pick {
        0 => read::<CreateHomephoneCustomer>(answer, |v| Some(json(v))),
        1 => read::<CustomerInfoRequest>(answer, |v| Some(json(v))),
        2 => read::<CreateCustomerV2>(answer, |v| Some(json(&v.lines))),
        3 => read::<CheckServiceAvailability>(answer, |v| Some(json(v))),
        4 => read::<SimSwap>(answer, |v| match v {
            SimSwapResult::Esim(profile) => Some(json(profile)),
            // A physical swap reads from anything that is not an object.
            SimSwapResult::Swapped => None,
        }),
        5 => read::<MakePayment>(answer, |v| Some(json(v))),
        6 => read::<PlanList>(answer, |v| Some(json(v))),
        7 => read::<QueryPortin>(answer, |v| Some(json(v))),
        8 => read::<TopupList>(answer, |v| Some(json(v))),
        9 => read::<AddTopup>(answer, |v| {
            // A receipt made from a message has no object to write back to.
            let mut written = json(v);
            let object = written.as_object_mut()?;
            object.remove("message")?.is_null().then_some(written)
        }),
        10 => read::<GetUsage>(answer, |v| match v {
            Usage::Summary(lines) => Some(json(lines)),
            Usage::Detail(detail) => Some(json(detail)),
        }),
        _ => read::<CheckDeviceCompatibility>(answer, |v| Some(json(v))),
    }
}

fn json<T: serde::Serialize>(value: &T) -> Value {
    let bytes = serde_json::to_vec(value).expect("a decoded model writes as JSON");
    serde_json::from_slice(&bytes).expect("a model's JSON reads as JSON")
}

/// Reads `A`'s output from the answer; a value is written back (`rewrite` gives its `data`,
/// or `None` when that form has none) and read again as the same value; a misfit is the
/// client's error.
fn read<A: Action>(
    (redactor, status, body): (&Redactor, u16, &[u8]),
    rewrite: impl Fn(&A::Output) -> Option<Value>,
) -> Option<Error>
where
    A::Output: PartialEq + Debug,
{
    let first = match answer::<A>(redactor, status, body) {
        Ok(first) => first,
        Err(error) => return Some(error),
    };
    let again = |value: &A::Output| {
        let data = rewrite(value)?;
        let written = data.to_string();
        let mut envelope =
            wire::decode(redactor, "fuzz", status, body).expect("the answer decoded once");
        envelope.data = (!data.is_null())
            .then(|| serde_json::value::RawValue::from_string(written.clone()))
            .transpose()
            .expect("a written value is JSON");
        let read = read_whole::<A>(redactor, envelope).unwrap_or_else(|e| {
            panic!(
                "{} does not read what it wrote: {e}: {written}",
                std::any::type_name::<A::Output>()
            )
        });
        Some((read, written))
    };
    let (second, written) = again(&first)?;
    if long_numbers(&written) {
        // Amounts of more than 15 digits cross a JSON number through f64 (no
        // `arbitrary_precision`); what was written once reads back as itself.
        if let Some((third, written)) = again(&second) {
            assert_eq!(third, second, "{written}");
        }
    } else {
        assert_eq!(second, first, "a model reads back what it wrote: {written}");
    }
    None
}

/// What a client makes of the answer for `A`, both ways it can read one: a plain success in
/// one pass, with `data` straight into `A`'s data, and the whole answer, then `data` from its
/// text. An answer the first way reads, the second reads the same.
fn answer<A: Action>(redactor: &Redactor, status: u16, body: &[u8]) -> Result<A::Output, Error>
where
    A::Output: PartialEq + Debug,
{
    let whole = wire::decode(redactor, "fuzz", status, body).and_then(|envelope| {
        if envelope.is_failure() {
            Err(envelope.vendor_error(redactor, "fuzz"))
        } else {
            read_whole::<A>(redactor, envelope)
        }
    });
    if let Some(envelope) = wire::read_success::<A::Data>(body, status) {
        let one_pass = output_of::<A>(envelope);
        match &whole {
            Ok(whole) => assert_eq!(&one_pass, whole, "one pass and whole differ"),
            Err(error) => panic!("an answer read in one pass does not read whole: {error}"),
        }
    }
    whole
}

fn read_whole<A: Action>(redactor: &Redactor, envelope: Envelope) -> Result<A::Output, Error> {
    envelope
        .typed::<A::Data>(|| redactor.clone(), "fuzz")
        .map(output_of::<A>)
}

fn output_of<A: Action>(envelope: Envelope<A::Data>) -> A::Output {
    let (data, rest) = envelope.split();
    A::Output::from_data(data, &rest)
}

/// True when the JSON has a run of more than 15 digits, or an exponent, in a number.
fn long_numbers(json: &str) -> bool {
    let mut digits = 0;
    let mut previous = ' ';
    for c in json.chars() {
        if c.is_ascii_digit() {
            digits += 1;
        } else if c != '.' {
            if (c == 'e' || c == 'E') && previous.is_ascii_digit() {
                return true;
            }
            digits = 0;
        }
        if digits > 15 {
            return true;
        }
        previous = c;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_numbers_are_told_apart() {
        assert!(!long_numbers(r#"{"a":499,"b":"12.5","c":53.30}"#));
        assert!(long_numbers(r#"{"a":0.1234567890123456789}"#));
        assert!(long_numbers(r#"{"a":1e30}"#));
    }

    #[test]
    fn a_planted_secret_is_split_off() {
        let case = Case::read(b"\x01secret-value\xFF{}").expect("a case");
        assert_eq!(case.secret.as_deref(), Some("secret-value"));
        assert_eq!(case.body, b"{}");
        assert!(Case::read(b"\x01{}").is_some_and(|c| c.secret.is_none() && c.body == b"{}"));
    }
}
