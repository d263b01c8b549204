//! The SOAP 1.1 codec: request envelopes out, response envelopes in.
//!
//! Requests: `soap:Envelope/soap:Body/<Op xmlns="http://api.myh2o.com/v20">/<Request>`, with
//! `Credentials` or `Session` and `Debug` first, in the vendor's sample order, then the
//! operation's own fields. Responses: `<OpResponse>/<OpResult>` with a `Header`; a
//! `soap:Fault` instead is reported as such.

mod access;
pub(crate) mod de;
mod scan;
pub(crate) mod ser;
pub(crate) mod tree;

use std::borrow::Cow;
use std::fmt::Write as _;

use serde::Serialize;
use telecom_core::{Redactor, Secret};

pub(crate) use de::from_element;
pub(crate) use ser::{SerError, wrapped};
pub(crate) use tree::{Document, Element};

/// The service namespace of every operation element (also on host `api.rev.io`).
pub const NAMESPACE: &str = "http://api.myh2o.com/v20";

const SOAP_ENV: &str = "http://schemas.xmlsoap.org/soap/envelope/";

/// The `SOAPAction` header value for an operation, double quotes included.
pub(crate) fn soap_action(operation: &str) -> String {
    format!("\"{NAMESPACE}/{operation}\"")
}

/// How one request authenticates.
pub(crate) enum AuthBlock<'a> {
    /// `Credentials`, with an optional impersonation key.
    Credentials {
        username: &'a str,
        password: &'a Secret,
        client: &'a str,
        impersonation_key: Option<&'a Secret>,
    },
    /// `Session/SessionKey`.
    Session(&'a Secret),
}

/// Registers a secret this codec sends with `redactor`: its value, and the text the
/// envelope carries (XML-escaped, `'` as `&apos;`), so a page that echoes the envelope,
/// HTML-escaped once more, JSON- or percent-encoded, is masked too.
pub(crate) fn register_secret(redactor: &mut Redactor, secret: &Secret) {
    redactor.add_secret(secret);
    let escaped = quick_xml::escape::escape(secret.expose());
    if escaped != secret.expose() {
        redactor.add(&escaped);
    }
}

fn text_element(out: &mut String, name: &str, text: &str) {
    let _ = write!(out, "<{name}>{}</{name}>", quick_xml::escape::escape(text));
}

/// A request document, and the secrets its operation fields carry.
pub(crate) struct Encoded {
    /// The whole envelope.
    pub(crate) body: String,
    /// The text of every secret-bearing element among the operation's fields (a card
    /// number, an account number, a session key to destroy), for the call's redactor.
    pub(crate) secrets: Vec<Secret>,
}

/// Builds the whole request document.
pub(crate) fn envelope<I: Serialize + ?Sized>(
    operation: &str,
    auth: &AuthBlock<'_>,
    debug: bool,
    input: &I,
) -> Result<Encoded, SerError> {
    let mut request = String::new();
    ser::write_request(&mut request, input)?;
    let secrets = secret_fields(&request);
    let fields = request
        .strip_prefix("<Request>")
        .and_then(|rest| rest.strip_suffix("</Request>"))
        .unwrap_or("");

    let mut out = String::with_capacity(512 + fields.len());
    let _ = write!(
        out,
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\
         <soap:Envelope xmlns:soap=\"{SOAP_ENV}\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\">\
         <soap:Body><{operation} xmlns=\"{NAMESPACE}\"><Request>"
    );
    match auth {
        AuthBlock::Credentials {
            username,
            password,
            client,
            impersonation_key,
        } => {
            out.push_str("<Credentials>");
            text_element(&mut out, "Username", username);
            text_element(&mut out, "Password", password.expose());
            text_element(&mut out, "Client", client);
            if let Some(key) = impersonation_key {
                text_element(&mut out, "ImpersonationKey", key.expose());
            }
            out.push_str("</Credentials>");
        }
        AuthBlock::Session(key) => {
            out.push_str("<Session>");
            text_element(&mut out, "SessionKey", key.expose());
            out.push_str("</Session>");
        }
    }
    if debug {
        out.push_str("<Debug>true</Debug>");
    }
    out.push_str(fields);
    let _ = write!(out, "</Request></{operation}></soap:Body></soap:Envelope>");
    Ok(Encoded { body: out, secrets })
}

/// The text of the secret-bearing elements of an encoded `<Request>…</Request>`.
fn secret_fields(request: &str) -> Vec<Secret> {
    let mut secrets = Vec::new();
    // Most requests carry none: skip the parse unless a secret element is written at all.
    let any = SECRET_ELEMENTS.iter().any(|name| {
        request
            .match_indices(name)
            .any(|(at, _)| at > 0 && request.as_bytes()[at - 1] == b'<')
    });
    if !any {
        return secrets;
    }
    if let Ok(doc) = tree::parse(request) {
        collect_secrets(doc.root(), &mut secrets);
    }
    secrets
}

fn collect_secrets(element: Element<'_>, out: &mut Vec<Secret>) {
    for child in element.children() {
        if SECRET_ELEMENTS.contains(&child.name()) {
            let text = child.text();
            let text = text.trim();
            if !text.is_empty() {
                out.push(Secret::new(text));
            }
        }
        collect_secrets(child, out);
    }
}

/// A `soap:Fault`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Fault {
    pub(crate) code: String,
    pub(crate) message: String,
}

/// What a response envelope holds.
#[derive(Debug)]
pub(crate) enum Body<'a> {
    /// A fault instead of a result.
    Fault(Fault),
    /// `<OpResult>` (or an empty element when the vendor sent none).
    Result {
        /// The whole document.
        doc: Document<'a>,
        /// The id in `doc` of the result element, with its `Header` and `Debug` children
        /// still in it.
        result: u32,
        /// The raw XML of the result (not redacted).
        raw: &'a str,
    },
}

/// Reads a response document: the envelope, then a fault or the operation's result.
pub(crate) fn read_body<'a>(text: &'a str, operation: &str) -> Result<Body<'a>, String> {
    let mut doc = tree::parse(text).map_err(|e| e.0)?;
    let wanted = format!("{operation}Result");
    let found = {
        let root = doc.root();
        if root.name() != "Envelope" {
            return Err(format!("expected a SOAP Envelope, found <{}>", root.name()));
        }
        let body = root
            .children()
            .find(|c| c.name() == "Body")
            .ok_or_else(|| "the SOAP envelope has no Body".to_owned())?;
        let first = body
            .children()
            .next()
            .ok_or_else(|| "the SOAP Body is empty".to_owned())?;
        if first.name() == "Fault" {
            return Ok(Body::Fault(read_fault(first)));
        }
        if !first.name().ends_with("Response") {
            return Err(format!(
                "expected <{operation}Response>, found <{}>",
                first.name()
            ));
        }
        first
            .children()
            .find(|c| c.name() == wanted)
            .or_else(|| first.children().find(|c| c.name().ends_with("Result")))
            .map(Element::id)
    };
    let result = match found {
        Some(id) => id,
        None => doc.add_empty(wanted),
    };
    let raw = text.get(doc.element(result).span()).unwrap_or_default();
    Ok(Body::Result { doc, result, raw })
}

fn read_fault(fault: Element<'_>) -> Fault {
    // SOAP 1.1 uses faultcode/faultstring; SOAP 1.2 Code/Value and Reason/Text.
    let code = fault
        .child_text("faultcode")
        .or_else(|| fault.child("Code").and_then(|c| c.child_text("Value")))
        .unwrap_or_default();
    let message = fault
        .child_text("faultstring")
        .or_else(|| fault.child("Reason").and_then(|c| c.child_text("Text")))
        .unwrap_or_default();
    // Kept as sent: the send path masks both with the call's redactor.
    Fault { code, message }
}

/// The raw XML of the debug echo (`Debug/Request`), searched in the result and its header,
/// with the text of secret-bearing elements masked.
pub(crate) fn debug_echo(raw_document: &str, result: Element<'_>) -> Option<String> {
    let debug = result
        .child("Debug")
        .or_else(|| result.child("Header").and_then(|h| h.child("Debug")))?;
    Some(masked(raw_document, debug))
}

/// Element names whose text is a secret: registered with a call's redactor when a request
/// carries them, and masked in the XML a successful response hands the caller.
pub(crate) const SECRET_ELEMENTS: &[&str] = &[
    "Password",
    "SessionKey",
    "SessionKey_Encoded",
    "ImpersonationKey",
    "CreditCardNumber",
    "CVV2",
    "AccountNumber",
    "RoutingNumber",
    "SSNTaxId",
    "PINPassword",
    "SecurityPIN",
];

/// `body` with the content of every secret-bearing element masked, for an error excerpt,
/// when it parses and names one; otherwise as it is (the redactor's field patterns, which
/// know every name of [`SECRET_ELEMENTS`], still mask `<Name>value</Name>` in text that
/// does not parse). Only on error paths: a body that names no secret element is not parsed.
pub(crate) fn mask_secret_elements_in_body(body: &[u8]) -> Cow<'_, [u8]> {
    let text = String::from_utf8_lossy(body);
    if !names_secret_element(&text) {
        return Cow::Borrowed(body);
    }
    let Ok(doc) = tree::parse(&text) else {
        return Cow::Borrowed(body);
    };
    let root = doc.root();
    let span = root.span();
    let mut out = String::with_capacity(text.len());
    out.push_str(text.get(..span.start).unwrap_or_default());
    out.push_str(&masked(&text, root));
    out.push_str(text.get(span.end..).unwrap_or_default());
    Cow::Owned(out.into_bytes())
}

/// True when `text` has an element of a [`SECRET_ELEMENTS`] name (any prefix) in it.
fn names_secret_element(text: &str) -> bool {
    SECRET_ELEMENTS.iter().any(|name| {
        text.match_indices(name).any(|(at, _)| {
            let before = text.as_bytes().get(at.wrapping_sub(1)).copied();
            let after = text.as_bytes().get(at + name.len()).copied();
            matches!(before, Some(b'<' | b':'))
                && after.is_some_and(|b| b == b'>' || b == b'/' || b.is_ascii_whitespace())
        })
    })
}

/// Replaces what a secret-bearing element holds with `[REDACTED]`, for the XML of a
/// successful response that the caller asks for ([`Response::raw_xml`], the debug echo).
/// That is the caller's own data, so it is masked by element only, and only when asked;
/// text that goes into an error or a log goes through the client's `Redactor` instead.
///
/// The masking follows the parsed tree, so text the XML splits up (`CDATA`, comments,
/// entities, `xsi:nil` with text) is masked as a whole. Text that does not parse is
/// masked entirely.
///
/// [`Response::raw_xml`]: crate::Response::raw_xml
pub(crate) fn mask_secret_elements(text: &str) -> String {
    if text.trim().is_empty() {
        return text.to_owned();
    }
    match tree::parse(text) {
        Ok(doc) => masked(text, doc.root()),
        Err(_) => telecom_core::secret::REDACTED.to_owned(),
    }
}

/// The XML of `element` (read from `document`) with the content of every secret-bearing
/// element replaced.
fn masked(document: &str, element: Element<'_>) -> String {
    let mut secrets = Vec::new();
    secret_contents(document, element, &mut secrets);
    let span = element.span();
    let mut out = String::with_capacity(span.len());
    let mut at = span.start;
    for range in secrets {
        out.push_str(document.get(at..range.start).unwrap_or_default());
        out.push_str(telecom_core::secret::REDACTED);
        at = range.end;
    }
    out.push_str(document.get(at..span.end).unwrap_or_default());
    out
}

/// The content ranges of the secret-bearing elements at or under `element` that hold
/// anything, in document order (an element inside a secret one is masked with it).
fn secret_contents(document: &str, element: Element<'_>, out: &mut Vec<std::ops::Range<usize>>) {
    if SECRET_ELEMENTS.contains(&element.name()) {
        let inner = element.inner();
        let content = document.get(inner.clone()).unwrap_or_default();
        if !content.trim().is_empty() {
            out.push(inner);
        }
        return;
    }
    for child in element.children() {
        secret_contents(document, child, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The element name of every model field typed `Secret`, read from the sources.
    fn secret_model_elements() -> Vec<String> {
        let sources = [
            include_str!("../models/agent.rs"),
            include_str!("../models/bill.rs"),
            include_str!("../models/common.rs"),
            include_str!("../models/contact.rs"),
            include_str!("../models/customer.rs"),
            include_str!("../models/customer_product.rs"),
            include_str!("../models/inventory.rs"),
            include_str!("../models/line.rs"),
            include_str!("../models/order.rs"),
            include_str!("../models/payment.rs"),
            include_str!("../models/product.rs"),
            include_str!("../models/service.rs"),
            include_str!("../models/session.rs"),
            include_str!("../models/task.rs"),
            include_str!("../models/transaction.rs"),
        ];
        let mut names = Vec::new();
        for source in sources {
            let mut rename: Option<&str> = None;
            for line in source.lines() {
                if let Some(at) = line.find("rename = \"") {
                    let rest = &line[at + 10..];
                    rename = rest.split('"').next();
                }
                let line = line.trim();
                if line.starts_with("pub ") && line.ends_with(',') {
                    if line.contains("Secret") {
                        names.extend(rename.map(str::to_owned));
                    }
                    rename = None;
                }
            }
        }
        names
    }

    #[test]
    fn every_secret_model_field_is_masked_by_element_and_by_the_shared_patterns() {
        let names = secret_model_elements();
        assert!(names.len() >= 10, "{names:?}");
        for name in &names {
            assert!(
                SECRET_ELEMENTS.contains(&name.as_str()),
                "{name} is no SECRET_ELEMENTS name"
            );
        }
        for name in SECRET_ELEMENTS {
            let xml = format!("<R><{name}>Zq7-value-91</{name}></R>");
            assert_eq!(
                mask_secret_elements(&xml),
                format!("<R><{name}>[REDACTED]</{name}></R>")
            );
            // The same names are telecom-core's secret fields, so text that does not parse
            // is masked too.
            let shown = Redactor::new().message(&format!("<{name}>Zq7-value-91</{name}"));
            assert!(!shown.as_str().contains("Zq7"), "{name}: {shown}");
        }
        let body = b"<?xml version=\"1.0\"?><E><SessionKey_Encoded>abc-123</SessionKey_Encoded><SessionKey/></E>";
        assert_eq!(
            &*mask_secret_elements_in_body(body),
            &b"<?xml version=\"1.0\"?><E><SessionKey_Encoded>[REDACTED]</SessionKey_Encoded><SessionKey/></E>"[..]
        );
        assert!(matches!(
            mask_secret_elements_in_body(b"<E><ID>1</ID></E>"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn envelope_puts_auth_first_and_skips_unset_fields() {
        #[derive(Serialize)]
        struct Input {
            #[serde(rename = "CustomerID")]
            customer_id: Option<i64>,
            #[serde(rename = "TN")]
            tn: Option<String>,
        }
        let password = Secret::new("p&w");
        let auth = AuthBlock::Credentials {
            username: "u",
            password: &password,
            client: "c",
            impersonation_key: None,
        };
        let encoded = envelope(
            "Customers_Query",
            &auth,
            false,
            &Input {
                customer_id: Some(5),
                tn: None,
            },
        )
        .unwrap();
        assert!(encoded.secrets.is_empty());
        let xml = encoded.body;
        assert!(xml.contains(
            "<Customers_Query xmlns=\"http://api.myh2o.com/v20\"><Request><Credentials><Username>u</Username>\
             <Password>p&amp;w</Password><Client>c</Client></Credentials><CustomerID>5</CustomerID></Request>"
        ));
    }

    #[test]
    fn secret_request_fields_are_reported_for_the_call() {
        let auth_key = Secret::new("key-1");
        let auth = AuthBlock::Session(&auth_key);
        let input = serde_json::json!({
            "CreditCard": {"CreditCardNumber": "4111 1111", "CVV2": "9&13", "Name": "Al"},
            "SessionKey": "other-key",
        });
        let encoded = envelope("Payments_Create", &auth, false, &input).unwrap();
        let mut found: Vec<&str> = encoded.secrets.iter().map(Secret::expose).collect();
        found.sort_unstable();
        assert_eq!(found, ["4111 1111", "9&13", "other-key"]);
    }

    #[test]
    fn only_objects_go_under_request() {
        let auth_key = Secret::new("k");
        let auth = AuthBlock::Session(&auth_key);
        assert!(envelope("X", &auth, false, &vec![1, 2]).is_err());
        assert!(envelope("X", &auth, false, "text").is_err());
        assert!(envelope("X", &auth, false, &()).is_ok());
        let map = serde_json::json!({"A": [1, 2], "B": null});
        let xml = envelope("X", &auth, false, &map).unwrap().body;
        assert!(xml.contains(
            "<Request><Session><SessionKey>k</SessionKey></Session><A>1</A><A>2</A></Request>"
        ));
        let bad = serde_json::json!({"A B": 1});
        assert!(envelope("X", &auth, false, &bad).is_err());
    }

    #[test]
    fn element_masking_covers_prefixes_split_text_and_broken_xml() {
        let red = mask_secret_elements(
            "<R><a:Password>x</a:Password><SessionKey/><CVV2>123</CVV2><Name>n</Name>\
             <CreditCardNumber><![CDATA[4111]]>1111<!-- -->2222</CreditCardNumber>\
             <SSNTaxId i:nil=\"true\">123-45</SSNTaxId><AccountNumber><x>98</x></AccountNumber></R>",
        );
        assert_eq!(
            red,
            "<R><a:Password>[REDACTED]</a:Password><SessionKey/><CVV2>[REDACTED]</CVV2><Name>n</Name>\
             <CreditCardNumber>[REDACTED]</CreditCardNumber>\
             <SSNTaxId i:nil=\"true\">[REDACTED]</SSNTaxId><AccountNumber>[REDACTED]</AccountNumber></R>"
        );
        assert_eq!(mask_secret_elements("<R><RoutingNumber>12"), "[REDACTED]");
        assert_eq!(mask_secret_elements(""), "");
    }

    #[test]
    fn faults_and_foreign_documents() {
        let fault = r#"<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault><faultcode>soap:Server</faultcode><faultstring>boom</faultstring></soap:Fault></soap:Body></soap:Envelope>"#;
        match read_body(fault, "X").unwrap() {
            Body::Fault(f) => assert_eq!(
                (f.code.as_str(), f.message.as_str()),
                ("soap:Server", "boom")
            ),
            Body::Result { .. } => panic!("expected a fault"),
        }
        assert!(read_body("<html><body>503</body></html>", "X").is_err());
    }

    mod fuzz {
        use proptest::prelude::*;

        use super::super::*;
        use crate::models::{CustomersQueryResult, Extra, Header};

        const SAMPLE: &str = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>\
            <Customers_QueryResponse xmlns=\"http://api.myh2o.com/v20\"><Customers_QueryResult><Header><Success>true</Success>\
            </Header><Customer><ID>1</ID><Rate>-1.5</Rate><ContractStart>2024-01-01T00:00:00</ContractStart>\
            <PhysicalAddress><City>X</City></PhysicalAddress></Customer></Customers_QueryResult></Customers_QueryResponse>\
            </soap:Body></soap:Envelope>";

        fn decode_everything(text: &str) {
            if let Ok(Body::Result { doc, result, .. }) = read_body(text, "Customers_Query") {
                let result = doc.element(result);
                if let Some(header) = result.child("Header") {
                    let _ = from_element::<Header>(header, &[]);
                }
                let _ = from_element::<CustomersQueryResult>(result, &["Header"]);
                let _ = from_element::<Extra>(result, &["Header"]);
                let _ = debug_echo(text, result);
            }
            let _ = mask_secret_elements(text);
        }

        proptest! {
            #[test]
            fn any_text_decodes_or_errors_without_panicking(text in "\\PC{0,400}") {
                decode_everything(&text);
            }

            #[test]
            fn every_cut_of_a_real_response_is_handled(cut in 0usize..SAMPLE.len()) {
                let text = SAMPLE.get(..cut).unwrap_or(SAMPLE);
                decode_everything(text);
                if cut < SAMPLE.len() - 1 {
                    prop_assert!(read_body(text, "Customers_Query").is_err());
                }
            }

            #[test]
            fn mangled_xml_is_handled(bytes in proptest::collection::vec(any::<u8>(), 0..64), at in 0usize..400) {
                let mut text = SAMPLE.as_bytes().to_vec();
                let at = at.min(text.len());
                text.splice(at..at, bytes);
                decode_everything(&String::from_utf8_lossy(&text));
            }
        }
    }
}
