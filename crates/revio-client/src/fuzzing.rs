//! Entry points for the cargo-fuzz targets in `fuzz/` (`revio_*`) and for the regression
//! tests that keep what the fuzzer found (`tests/fuzz_regressions.rs`).
//!
//! **Not part of the API**: hidden from the documentation, no semver promise, may change or
//! go away in any release. Each function takes the fuzzer's bytes, reaches the SOAP reader
//! directly (no client, no server) and panics only when the reader panics or a property the
//! crate promises is broken.
//!
//! Both take `[selector, secret, 0xFF, body]` (without a `0xFF`, everything after the
//! selector is the body and no secret is planted). The redactor holds what a client holds
//! during a call (the password and impersonation key of its credentials, a session key, a
//! card number it sent; all listed in `fuzz/dicts/revio.dict` so the fuzzer plants them)
//! plus the input's own secret when it has at least eight characters.
//!
//! - `soap`: the body as the answer to the operation the selector picks (each typed
//!   operation, and the raw tree `call_raw` returns), with the HTTP status it also picks. A
//!   200 goes through the send path's own reader (envelope, `soap:Fault`, `Header`, error
//!   code, typed result); any other status through its status classifier. A typed result
//!   fails only where the raw tree fails (with the same error) or with a decode error; a
//!   header failure is a vendor or an authentication error that names its code; a decoded
//!   value written back as XML reads back as itself; the raw XML and the debug echo handed
//!   to the caller hold no secret element unmasked; no error shows a secret the redactor
//!   holds. The body's element tree is the one quick-xml's reader builds
//!   ([`tree_agrees`]).
//! - `tree`: any text through the crate's markup scanner and through quick-xml's reader:
//!   the same element tree, or both refuse it ([`tree_agrees`]).
//! - `models`: the body as one element read as the response model the selector picks
//!   (every result and every type nested in one, the `Header`, the unknown-elements map):
//!   the same write-back and masking properties; a misfit is a decode error that shows no
//!   secret.
//!
//! The vendor's element names are in `fuzz/dicts/revio.dict`, for libFuzzer's `-dict=`.

use std::any::type_name;
use std::fmt::Debug;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use telecom_core::fuzzing::Case;
use telecom_core::{Redactor, Secret};

use crate::auth::Credentials;
use crate::error::{Error, ErrorCode};
use crate::models::{
    Address, Agent, AgentCreated, AgentsQueryResult, BillCreated, BillDownload, ContactCreated,
    ContactItem, ContactsQueryResult, CustomField, Customer, CustomerProduct,
    CustomerProductsQueryResult, CustomersQueryResult, Extra, Header, ImpersonationGrant,
    Inventory, NewCustomerCreated, PaymentAccountCreated, Product, Service, ServiceItem,
    SessionCreated, SessionInfo, TransactionRecord, TransactionsQueryResult, Wireless,
};
use crate::transport::{read_answer, status_error};
use crate::wire::{self, SECRET_ELEMENTS, from_element, ser, tree};

/// The password of the credentials the fuzzing redactor holds.
pub const PASSWORD: &str = "fuzz-Pa55<w>&rd'9";
/// The impersonation key of the credentials the fuzzing redactor holds.
pub const IMPERSONATION_KEY: &str = "Imp3rs-Key-7dG2xQ9v";
/// A session key the call sent, held by the fuzzing redactor.
pub const SESSION_KEY: &str = "Sess-K3y-9fXq2LpW";
/// A card number the call sent, held by the fuzzing redactor.
pub const CARD: &str = "4556737586899855";

/// The operation `call_raw` is fuzzed with: a name this crate does not type.
const RAW_OPERATION: &str = "Tickets_Search";

/// The statuses the selector picks from: mostly Rev.io's 200, then ASMX's 500 (faults) and
/// what proxies send.
const STATUSES: [u16; 8] = [200, 200, 200, 500, 200, 503, 400, 429];

/// One operation's answer read as its typed result: how the entry points reach every
/// result type by the operation's name (each resource's `operations!` lists its own).
#[derive(Clone, Copy)]
pub(crate) struct Reader {
    pub(crate) operation: &'static str,
    read: fn(&Redactor, &str, &[u8]) -> Result<(), Error>,
}

impl Reader {
    pub(crate) const fn of<O: Model>(operation: &'static str) -> Reader {
        Reader {
            operation,
            read: answer::<O>,
        }
    }
}

/// What the properties need of a decoded value.
pub(crate) trait Model: DeserializeOwned + Serialize + PartialEq + Debug {}

impl<T: DeserializeOwned + Serialize + PartialEq + Debug> Model for T {}

/// The SOAP reader on a whole answer: every operation's result, the raw tree, faults,
/// headers and error codes.
pub fn soap(data: &[u8]) {
    let Some(case) = Case::read(data) else {
        return;
    };
    if let Ok(text) = std::str::from_utf8(case.body) {
        tree_agrees(text);
    }
    let readers: Vec<Reader> = crate::ops::READERS
        .iter()
        .flat_map(|r| r.iter().copied())
        .collect();
    let choices = readers.len() + 1;
    let selector = usize::from(case.selector);
    let reader = readers.get(selector % choices).copied();
    let status = STATUSES[(selector / choices) % STATUSES.len()];
    let redactor = client_redactor(&case);
    let shown = soap_errors(&redactor, reader, status, case.body);
    case.no_leak(
        &[PASSWORD, IMPERSONATION_KEY, SESSION_KEY, CARD],
        &shown,
        |body| soap_errors(&redactor, reader, status, body),
    );
}

/// Any text as an XML document ([`tree_agrees`]); bytes that are not UTF-8 never reach the
/// tree (the send path refuses them first).
pub fn tree(data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data) {
        tree_agrees(text);
    }
}

/// The crate's markup scanner reads `body` as quick-xml's reader does: the same tree node
/// for node (names, text, `nil`, emptiness, repeats, spans), or both refuse it.
///
/// One difference is by design: after a byte-order mark, quick-xml drops a second one
/// (and its positions then stop being the body's); the scanner reads it as text before the
/// root, which the tree ignores. Such bodies are left out.
pub fn tree_agrees(body: &str) {
    let mark = '\u{feff}';
    if body
        .strip_prefix(mark)
        .is_some_and(|rest| rest.starts_with(mark))
    {
        return;
    }
    match (tree::parse(body), tree::parse_with_quick_xml(body)) {
        (Ok(scanned), Ok(reference)) => {
            if let Some(difference) = tree::difference(&scanned, &reference) {
                panic!("the scanner's tree differs from quick-xml's: {difference}");
            }
        }
        (Err(_), Err(_)) => {}
        (Ok(_), Err(e)) => panic!("the scanner reads what quick-xml refuses: {}", e.0),
        (Err(e), Ok(_)) => panic!("the scanner refuses what quick-xml reads: {}", e.0),
    }
}

/// Every response model, the selector picking which, read from one element.
pub fn models(data: &[u8]) {
    let Some(case) = Case::read(data) else {
        return;
    };
    let model = MODELS[usize::from(case.selector) % MODELS.len()];
    let redactor = client_redactor(&case);
    let shown = model_errors(&redactor, model, case.body);
    case.no_leak(
        &[PASSWORD, IMPERSONATION_KEY, SESSION_KEY, CARD],
        &shown,
        |body| model_errors(&redactor, model, body),
    );
}

/// What a client's redactor holds during a call, plus the planted secret.
fn client_redactor(case: &Case<'_>) -> Redactor {
    let mut redactor = Redactor::new();
    Credentials::new("apiuser", PASSWORD, "CLIENT1")
        .with_impersonation_key(IMPERSONATION_KEY)
        .register_secrets(&mut redactor);
    for sent in [SESSION_KEY, CARD] {
        wire::register_secret(&mut redactor, &Secret::new(sent));
    }
    if let Some(secret) = &case.secret {
        wire::register_secret(&mut redactor, &Secret::new(secret.as_str()));
    }
    redactor
}

/// The text of every error the answer becomes, checking what holds of each.
fn soap_errors(redactor: &Redactor, reader: Option<Reader>, status: u16, body: &[u8]) -> String {
    let operation = reader.map_or(RAW_OPERATION, |r| r.operation);
    if status != 200 {
        let error = status_error(redactor, operation, status, body, None);
        assert!(
            matches!(error, Error::Fault { .. } | Error::HttpStatus { .. }),
            "an answer other than 200 is a fault or a status error, not {error:?}"
        );
        assert_eq!(error.status(), Some(status), "{error:?}");
        assert_eq!(
            error.excerpt().is_some(),
            matches!(error, Error::HttpStatus { .. }),
            "{error:?}"
        );
        return shown(&error);
    }
    let raw = answer::<Map<String, Value>>(redactor, operation, body);
    let Some(reader) = reader else {
        return raw.err().map(|e| checked(&e)).unwrap_or_default();
    };
    let typed = (reader.read)(redactor, operation, body);
    match (&raw, &typed) {
        // The raw tree reads any result; only the typed read of the result comes after it.
        (Err(raw), Err(typed)) => assert_eq!(
            raw.to_string(),
            typed.to_string(),
            "a typed result fails as the raw tree does"
        ),
        (Err(raw), Ok(())) => panic!("the raw tree failed where the typed result read: {raw:?}"),
        (Ok(()), Err(typed)) => assert!(
            matches!(typed, Error::Decode { .. }),
            "a typed result adds only decode errors to the raw tree's: {typed:?}"
        ),
        (Ok(()), Ok(())) => {}
    }
    [raw.err(), typed.err()]
        .iter()
        .flatten()
        .map(checked)
        .collect()
}

/// What holds of every error a 200 answer becomes; its text.
fn checked(error: &Error) -> String {
    assert_eq!(error.status(), Some(200), "{error:?}");
    assert_eq!(
        error.vendor_code(),
        error.error_code().map(ErrorCode::as_str),
        "{error:?}"
    );
    match error {
        Error::Decode { .. } => assert!(error.excerpt().is_some(), "{error:?}"),
        Error::Fault { .. } => {}
        Error::Vendor { code, .. } | Error::Auth { code, .. } => {
            let auth = code.as_ref().is_some_and(ErrorCode::is_auth_failure);
            assert_eq!(
                matches!(error, Error::Auth { .. }),
                auth,
                "S2004 and S2005 are authentication errors, every other code a vendor error: {error:?}"
            );
            assert_eq!(
                error.is_retryable(),
                matches!(code, Some(ErrorCode::ProviderDown)),
                "{error:?}"
            );
            if let Some(code) = code {
                assert!(
                    error.to_string().contains(code.as_str()),
                    "an error names its code: {error}"
                );
                let _ = code.family();
                let _ = code.description();
            }
        }
        other => {
            panic!("a 200 answer is a decode error, a fault or a header failure, not {other:?}")
        }
    }
    shown(error)
}

fn shown(error: &Error) -> String {
    format!(" {error} {error:?}")
}

/// Reads a 200 answer as `O`; a success is written back and read again as itself, and the
/// XML it hands the caller has its secret elements masked.
fn answer<O: Model>(redactor: &Redactor, operation: &str, body: &[u8]) -> Result<(), Error> {
    let response = read_answer::<O>(operation, &bytes::Bytes::copy_from_slice(body), || redactor)?;
    round_trip(&response.result);
    round_trip(&response.header);
    assert_masked(&response.raw_xml());
    if let Some(echo) = &response.debug_echo {
        assert_masked(echo);
    }
    Ok(())
}

/// Reads one model from the root element of a body.
type ModelCheck = fn(&str) -> Result<(), String>;

/// Every response model: each result and each type a result holds.
const MODELS: &[ModelCheck] = &[
    model::<SessionCreated>,
    model::<SessionInfo>,
    model::<ImpersonationGrant>,
    model::<CustomersQueryResult>,
    model::<Customer>,
    model::<Address>,
    model::<NewCustomerCreated>,
    model::<ContactCreated>,
    model::<ContactsQueryResult>,
    model::<ContactItem>,
    model::<AgentCreated>,
    model::<AgentsQueryResult>,
    model::<Agent>,
    model::<CustomerProductsQueryResult>,
    model::<CustomerProduct>,
    model::<TransactionsQueryResult>,
    model::<TransactionRecord>,
    model::<BillCreated>,
    model::<BillDownload>,
    model::<PaymentAccountCreated>,
    model::<ServiceItem>,
    model::<Service>,
    model::<Product>,
    model::<Inventory>,
    model::<Wireless>,
    model::<CustomField>,
    model::<Header>,
    model::<Extra>,
    model::<Map<String, Value>>,
];

fn model<T: Model>(text: &str) -> Result<(), String> {
    assert_masked(&wire::mask_secret_elements(text));
    let doc = tree::parse(text).map_err(|e| e.0)?;
    let value = from_element::<T>(doc.root(), &[]).map_err(|e| e.0)?;
    round_trip(&value);
    Ok(())
}

fn model_errors(redactor: &Redactor, model: ModelCheck, body: &[u8]) -> String {
    match model(&String::from_utf8_lossy(body)) {
        Ok(()) => String::new(),
        Err(reason) => shown(&Error::decode(redactor, "fuzz", 200, &reason, body)),
    }
}

/// `value` written as XML (every list wrapped, the one form that reads back unambiguously)
/// reads back as a value that writes and reads back as itself. The first read may differ
/// from `value`: secrets are written masked, and empty elements are not written at all.
fn round_trip<T: Model>(value: &T) {
    let Some(written) = write(value) else {
        // An unknown element's name this writer refuses to write (`a:b`, `$x`).
        return;
    };
    let first: T = match read(&written) {
        Ok(first) => first,
        // Written lists add a level: a value read from the deepest nesting allowed may
        // not fit in it once written.
        Err(reason) if reason.contains("nest more than") => return,
        Err(reason) => panic!(
            "{} does not read what it wrote: {reason}: {written}",
            type_name::<T>()
        ),
    };
    let again = write(&first)
        .unwrap_or_else(|| panic!("{} cannot write what it read: {written}", type_name::<T>()));
    let second: T = read(&again).unwrap_or_else(|reason| {
        panic!(
            "{} does not read what it wrote: {reason}: {again}",
            type_name::<T>()
        )
    });
    assert_eq!(
        second,
        first,
        "{} reads back what it wrote: {again}",
        type_name::<T>()
    );
}

fn write<T: Serialize>(value: &T) -> Option<String> {
    let mut out = String::new();
    ser::write_wrapped(&mut out, "R", value).ok()?;
    if out.is_empty() {
        out.push_str("<R/>");
    }
    Some(out)
}

fn read<T: Model>(xml: &str) -> Result<T, String> {
    let doc = tree::parse(xml).map_err(|e| e.0)?;
    from_element(doc.root(), &[]).map_err(|e| e.0)
}

/// Every secret-bearing element of XML handed to the caller holds nothing or the mask.
fn assert_masked(xml: &str) {
    if xml.trim().is_empty() || xml == telecom_core::secret::REDACTED {
        return;
    }
    let doc = match tree::parse(xml) {
        Ok(doc) => doc,
        Err(e) => panic!("masked XML does not parse: {}: {xml}", e.0),
    };
    let mut stack = vec![doc.root()];
    while let Some(element) = stack.pop() {
        if SECRET_ELEMENTS.contains(&element.name()) {
            let text = element.text();
            let text = text.trim();
            assert!(
                !element.has_children()
                    && (text.is_empty() || text == telecom_core::secret::REDACTED),
                "a secret element is not masked: {xml}"
            );
        }
        stack.extend(element.children());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_planted_secret_is_split_off() {
        let case = Case::read(b"\x01secret-value\xFF<R/>").expect("a case");
        assert_eq!(case.secret.as_deref(), Some("secret-value"));
        assert_eq!(case.body, b"<R/>");
        assert!(Case::read(b"\x01<R/>").is_some_and(|c| c.secret.is_none() && c.body == b"<R/>"));
        assert!(Case::read(b"").is_none());
    }

    #[test]
    fn a_spec_answer_reads_and_writes_back() {
        let body = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>\
            <CustomerProducts_QueryResponse xmlns=\"http://api.myh2o.com/v20\"><CustomerProducts_QueryResult>\
            <Header><Success>true</Success><SessionKey>Sess-K3y-9fXq2LpW</SessionKey></Header>\
            <CustomerProducts><CustomerProduct><Customer_Product_ID>5</Customer_Product_ID>\
            <Rate>-5.00</Rate><Status>ACTIVE</Status><New>x</New></CustomerProduct></CustomerProducts>\
            <Count>1</Count></CustomerProducts_QueryResult></CustomerProducts_QueryResponse></soap:Body></soap:Envelope>";
        let case = Case::read(b"\x00").expect("a case");
        let redactor = client_redactor(&case);
        answer::<CustomerProductsQueryResult>(&redactor, "CustomerProducts_Query", body.as_bytes())
            .expect("the answer reads");
        answer::<Map<String, Value>>(&redactor, "CustomerProducts_Query", body.as_bytes())
            .expect("the raw tree reads");
        let failed = body.replace(
            "<Success>true</Success>",
            "<Success>false</Success><Error_Code>CA2020</Error_Code>",
        );
        let error = answer::<Extra>(&redactor, "CustomerProducts_Query", failed.as_bytes())
            .expect_err("a header failure");
        assert!(error.is_retryable(), "{error:?}");
        checked(&error);
    }

    #[test]
    fn readers_come_in_the_order_of_operations() {
        // The regression inputs pick an operation by its place in `OPERATIONS`.
        let readers: Vec<&str> = crate::ops::READERS
            .iter()
            .flat_map(|r| r.iter().map(|r| r.operation))
            .collect();
        assert_eq!(readers, crate::ops::OPERATIONS);
    }

    #[test]
    fn every_selector_reaches_a_reader_or_the_raw_tree() {
        for selector in 0..=u8::MAX {
            soap(&[selector]);
            models(&[selector]);
        }
    }
}
