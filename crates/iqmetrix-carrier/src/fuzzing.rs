//! Entry points for the cargo-fuzz targets in `fuzz/` (`iqmetrix_*`) and for the regression
//! tests that keep what the fuzzer found (`tests/fuzz_regressions.rs`).
//!
//! **Not part of the API**: hidden from the documentation, no semver promise, may change or
//! go away in any release. Each function takes the fuzzer's bytes, reaches a decoder of the
//! crate directly (no client, no server) and panics only when the decoder panics or a
//! property the crate promises is broken:
//!
//! - `models`: every response model read from JSON (`Activation`, its details, lookup
//!   fields, configurations, confirmed activations as items, bare arrays and HAL pages)
//!   writes back to JSON that reads as the same value; a `LookupKey` parsed from text (or
//!   from an `Id` or lookup fields) displays as text that parses to the same key.
//! - `pages`: a HAL page's `next`/`prev`/`self` links, and the input itself as an href,
//!   resolve to a path under the API base (no other host, no `..` segment, however encoded)
//!   carrying `$filter`, `$skip` and `$top`, with the `$skip` returned; resolving it again
//!   gives the same path.
//! - `errors`: token responses, token error bodies, every status error (the 400 message
//!   classifier, the message picked from JSON or text) and the `X-RateLimit-*` headers; a
//!   secret the redactor holds never appears in an error's `Display` or `Debug`.
//!
//! The field names of the models are in `fuzz/dicts/iqmetrix.dict`, for libFuzzer's `-dict=`.

use std::fmt::Debug;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use serde::Serialize;
use serde::de::DeserializeOwned;
use telecom_core::Redactor;

use crate::auth::{TokenProvider, token_error};
use crate::error::{RateLimit, classify_400};
use crate::models::{
    ActivatedProduct, Activation, ActivationLookupField, CarrierActivationDetails,
    ConfigurationDetails, ConfirmedActivation, ConfirmedActivationsPage, LookupKey, RatePlan,
    Subscriber,
};
use crate::transport::Bearer;
use crate::{Client, ConfirmedActivationsQuery, Credentials};

/// Every response model on the same bytes, each checked to write back to itself; lookup keys
/// from the text, the `Id` and the lookup fields checked to display and parse back.
pub fn models(data: &[u8]) {
    if let Some(activation) = round_trip::<Activation>(data, true, |_| {})
        && let Some(id) = activation.id.as_deref()
    {
        lookup_key(id);
    }
    let _ = round_trip::<CarrierActivationDetails>(data, false, |_| {});
    let _ = round_trip::<Subscriber>(data, false, |_| {});
    let _ = round_trip::<ActivatedProduct>(data, false, |_| {});
    let _ = round_trip::<Vec<RatePlan>>(data, false, |_| {});
    if let Some(fields) = round_trip::<Vec<ActivationLookupField>>(data, false, |_| {})
        && let Ok(key) = LookupKey::from_fields(&fields)
    {
        lookup_key(&key.to_string());
    }
    let _ = round_trip::<ConfigurationDetails>(data, false, |_| {});
    // The item's own `_links.self` is read but not written (a HAL detail of the page).
    let _ = round_trip::<ConfirmedActivation>(data, false, |c| c.self_link = None);
    if let Ok(text) = std::str::from_utf8(data) {
        lookup_key(text);
    }
}

/// A HAL page (or the bare array the swagger declares) and the links it carries, then the
/// input itself as a `next` href.
pub fn pages(data: &[u8]) {
    let client = fuzz_client();
    let query = fuzz_query();
    if let Some(page) = decode_page(data) {
        for item in &page.items {
            let mut item = item.clone();
            item.self_link = None;
            let json = serde_json::to_vec(&item).expect("a decoded item writes as JSON");
            let again: ConfirmedActivation =
                serde_json::from_slice(&json).expect("a written item reads back");
            if numbers_are_exact(&json) {
                assert_eq!(again, item, "an item of a page writes back to itself");
            }
        }
        for link in [&page.next, &page.prev, &page.self_link]
            .into_iter()
            .flatten()
        {
            assert!(!link.href.trim().is_empty(), "a link is never empty");
            next_link(client, &query, &link.href, page.following_skip());
        }
    }
    if let Ok(href) = std::str::from_utf8(data) {
        next_link(client, &query, href, 7);
    }
}

/// The error paths: `[selector, header lines (name: value), 0xFF, body]`. The selector picks
/// the status and whether the token service or carrier services answered; a header
/// `x-fuzz-secret` is a secret the redactor holds (and must mask wherever it appears). The
/// body is also read as a token response.
pub fn errors(data: &[u8]) {
    let [selector, rest @ ..] = data else {
        return;
    };
    let (head, body) = match rest.iter().position(|&b| b == 0xFF) {
        Some(at) => (&rest[..at], &rest[at + 1..]),
        None => (&[][..], rest),
    };
    let headers = header_map(head);
    const STATUSES: [u16; 10] = [400, 401, 403, 404, 409, 429, 500, 503, 418, 302];
    let status = STATUSES[usize::from(*selector) % STATUSES.len()];
    let token_service = selector & 0x80 != 0;

    let mut redactor = Redactor::new();
    let secret = headers
        .get("x-fuzz-secret")
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|s| s.chars().count() >= 8 && !s.chars().any(char::is_control))
        .map(str::to_owned);
    if let Some(secret) = &secret {
        redactor.add(secret);
    }

    let error = |body: &[u8]| {
        if token_service {
            token_error(&redactor, "token", status, &headers, body)
        } else {
            crate::wire::status_error(&redactor, "fuzz", status, &headers, body)
        }
    };
    let err = error(body);
    let shown = format!("{err} {err:?}");
    if let Some(secret) = &secret {
        // A secret the error's own words happen to contain is not a leak.
        let baseline = error(&telecom_core::fuzzing::remove(body, secret.as_bytes()));
        if !format!("{baseline} {baseline:?}").contains(secret.as_str()) {
            assert!(
                !shown.contains(secret.as_str()),
                "the secret leaked: {shown}"
            );
        }
    }
    if let crate::Error::Vendor {
        code,
        message,
        subject,
        ..
    } = &err
    {
        // An ASP.NET body's code comes from its `Message` or one of its field errors, each
        // read alone; the message joins them, so it may read as another code as a whole.
        let field_errors =
            crate::wire::ErrorText::of(body).is_some_and(|t| !t.field_errors.is_empty());
        assert!(
            field_errors || *code == classify_400(message.as_str()).0,
            "a 400 carries the code its message is recognised as"
        );
        assert!(
            subject.as_ref().is_none_or(|s| !s.as_str().is_empty()),
            "a subject is never empty"
        );
    }
    let _ = err.is_retryable();
    let _ = err.vendor_code();

    let text = String::from_utf8_lossy(body);
    let (_, subject) = classify_400(&text);
    if let Some(subject) = subject {
        let norm: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            norm.contains(&subject),
            "the subject {subject:?} is a part of the message"
        );
    }

    let limit = RateLimit::from_headers(&headers);
    let wait = limit.wait();
    if let Some(seconds) = limit.reset_seconds {
        assert_eq!(wait, Some(Duration::from_secs(seconds)));
    }

    let provider = TokenProvider::new(
        Credentials::Password {
            username: "u".into(),
            password: "p".into(),
            client_id: "c".into(),
            client_secret: "s".into(),
        },
        reqwest::Url::parse("http://127.0.0.1:9/v1/oauth2/token").expect("a URL"),
        Duration::from_secs(u64::from(*selector)),
    );
    let issued = Instant::now();
    if let Ok(token) = provider.parse("token", &redactor, body, issued) {
        let header = <TokenProvider as Bearer>::authorization(&token);
        assert!(
            header.is_none_or(|value| value.len() > "Bearer ".len()),
            "a token is never empty"
        );
        let _ = token.is_fresh(issued);
    }
}

/// Reads `T` as the client does, writes it back and reads that again: the same value (after
/// `normalise`, for what is read but not written). Amounts of more than 15 significant digits
/// cannot cross a JSON number exactly (see `telecom_core::Money`); for those, the value
/// written the second time reads back as itself.
fn round_trip<T>(data: &[u8], checked_path: bool, normalise: impl Fn(&mut T)) -> Option<T>
where
    T: Serialize + DeserializeOwned + PartialEq + Debug,
{
    // The client's reader for the first model (its error path masks the body); serde's
    // reader, which it calls, for the others.
    let mut first: T = if checked_path {
        crate::wire::decode(&Redactor::new(), "fuzz", data).ok()?
    } else {
        serde_json::from_slice(data).ok()?
    };
    normalise(&mut first);
    let json = serde_json::to_vec(&first).expect("a decoded model writes as JSON");
    let again: T = serde_json::from_slice(&json).unwrap_or_else(|e| {
        panic!(
            "{} does not read what it wrote: {e}: {}",
            std::any::type_name::<T>(),
            String::from_utf8_lossy(&json)
        )
    });
    if numbers_are_exact(&json) {
        assert_eq!(again, first, "{}", String::from_utf8_lossy(&json));
    } else {
        let json2 = serde_json::to_vec(&again).expect("a model writes as JSON");
        let third: T = serde_json::from_slice(&json2).expect("a model reads what it wrote");
        assert_eq!(third, again, "{}", String::from_utf8_lossy(&json2));
    }
    Some(first)
}

fn lookup_key(text: &str) {
    if let Ok(key) = text.parse::<LookupKey>() {
        let shown = key.to_string();
        let again = shown.parse::<LookupKey>();
        assert_eq!(
            again.ok().as_ref(),
            Some(&key),
            "a key parses from {shown:?}"
        );
        let segment = key.to_path_segment();
        assert!(
            !segment.contains(['/', '?', '#', '(', ')', ' ']),
            "a path segment stays one segment: {segment:?}"
        );
    }
}

fn decode_page(data: &[u8]) -> Option<ConfirmedActivationsPage> {
    let path = "Companies(1)/Carriers(2)/ConfirmedActivations?$skip=0&$top=2";
    crate::ops::confirmed::read_page(&Redactor::new(), data, path, 0).ok()
}

fn next_link(client: &Client, query: &ConfirmedActivationsQuery, href: &str, following: u64) {
    let Ok((path, skip)) = client.resolve_next(href, query, following) else {
        return;
    };
    assert!(
        !path.contains("://"),
        "a next link stays on the base: {path}"
    );
    assert!(!path.starts_with('/'), "a next path is relative: {path}");
    let (route, query_part) = path.split_once('?').expect("a next path has a query");
    for segment in route.split('/') {
        let decoded = percent_encoding::percent_decode_str(segment).decode_utf8_lossy();
        assert!(
            decoded != ".." && decoded != ".",
            "a next path never climbs: {path}"
        );
    }
    let names: Vec<&str> = query_part
        .split('&')
        .map(|p| p.split_once('=').map_or(p, |(k, _)| k))
        .collect();
    for name in ["$filter", "$skip", "$top"] {
        assert!(names.contains(&name), "{name} is in {path}");
    }
    // A path still starting with the version (`v2/v2/...` in the link) loses it again.
    if path.starts_with("v2/") {
        return;
    }
    let again = client.resolve_next(&path, query, following);
    assert_eq!(
        again.as_ref().ok(),
        Some(&(path.clone(), skip)),
        "a resolved link resolves to itself"
    );
}

fn fuzz_client() -> &'static Client {
    static CLIENT: OnceLock<Client> = OnceLock::new();
    CLIENT.get_or_init(|| {
        Client::builder(Credentials::bearer("fuzz-token"))
            .base_url("http://127.0.0.1:9")
            .build()
            .expect("a client on a fixed URL builds")
    })
}

fn fuzz_query() -> ConfirmedActivationsQuery {
    ConfirmedActivationsQuery::builder()
        .company_id(123)
        .carrier_id(41)
        .since(time::macros::datetime!(2015-07-16 21:29:31 UTC))
        .build()
        .expect("a fixed query builds")
}

/// `name: value` lines; lines that are not a valid header are left out.
fn header_map(head: &[u8]) -> HeaderMap {
    let mut headers = HeaderMap::new();
    for line in head.split(|&b| b == b'\n') {
        let Some(colon) = line.iter().position(|&b| b == b':') else {
            continue;
        };
        let (name, value) = (&line[..colon], line[colon + 1..].trim_ascii());
        if let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(name.trim_ascii()),
            HeaderValue::from_bytes(value),
        ) {
            headers.append(name, value);
        }
    }
    headers
}

/// True when every number in `json` (as written by this crate) reads back exactly: an
/// integer that fits 64 bits, or a decimal of at most 15 significant digits.
fn numbers_are_exact(json: &[u8]) -> bool {
    let mut in_string = false;
    let mut escaped = false;
    let mut i = 0;
    while i < json.len() {
        let b = json[i];
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            i += 1;
            continue;
        }
        if b == b'"' {
            in_string = true;
            i += 1;
            continue;
        }
        if b == b'-' || b.is_ascii_digit() {
            let start = i;
            while i < json.len()
                && matches!(json[i], b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')
            {
                i += 1;
            }
            let token = std::str::from_utf8(&json[start..i]).unwrap_or_default();
            let exact = if token.contains(['.', 'e', 'E']) {
                let mantissa = token.split(['e', 'E']).next().unwrap_or_default();
                let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
                let significant = digits.trim_start_matches('0').trim_end_matches('0');
                significant.len() <= 15 && !token.contains(['e', 'E'])
            } else {
                token.parse::<i64>().is_ok() || token.parse::<u64>().is_ok()
            };
            if !exact {
                return false;
            }
            continue;
        }
        i += 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_numbers_are_told_apart() {
        assert!(numbers_are_exact(
            br#"{"a":499,"b":"1.2345678901234567890","c":53.30}"#
        ));
        assert!(!numbers_are_exact(br#"{"a":0.1234567890123456789}"#));
        assert!(!numbers_are_exact(br#"{"a":123456789012345678901234}"#));
    }
}
