//! Entry points for the cargo-fuzz targets in `fuzz/` and for the regression tests that
//! keep what the fuzzer found. Not part of the API: no semver promise.
//!
//! Each function takes the fuzzer's bytes, reaches a decoder directly and panics only when a
//! property the crate promises is broken (a value that does not write back to itself, a
//! planted secret that survives an excerpt).

use crate::dates::{self, IsoDate, NaiveUtc, Rfc3339Utc, SqlDateTime, UsDate, XmlDateTime};
use crate::{Money, PhoneNumber, Redactor, RetryAfter, RetryPolicy};
use serde_with::de::DeserializeAsWrap;

/// Money, PhoneNumber, every date reader and adapter, and Retry-After, on the same text.
pub fn parsers(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(money) = text.parse::<Money>() {
        let again = money.to_string().parse::<Money>();
        assert_eq!(again.as_ref(), Ok(&money), "Money writes what it reads");
        // JSON numbers read back exactly up to 15 significant digits (no
        // `arbitrary_precision`: see docs/architecture.md); longer ones travel as strings.
        let digits = money
            .to_string()
            .trim_start_matches(['-', '0', '.'])
            .replace('.', "");
        if digits.trim_end_matches('0').len() <= 15
            && let Ok(json) = serde_json::to_string(&money)
        {
            let back = serde_json::from_str::<Money>(&json).ok();
            assert_eq!(back, Some(money), "Money reads its own JSON {json}");
        }
        let _ = money.checked_add(money);
        let _ = money.checked_sub(money);
    }
    let _ = serde_json::from_str::<Money>(text);

    if let Ok(number) = PhoneNumber::parse(text) {
        let _ = number.e164();
        let _ = number.nanp_ten_digits();
    }
    let _ = PhoneNumber::from_vendor(text).e164_digits();

    if let Ok(date) = dates::parse_iso_date(text) {
        assert_eq!(
            dates::parse_iso_date(&dates::format_iso_date(date)).ok(),
            Some(date),
            "an ISO date writes what it reads"
        );
    }
    let _ = dates::parse_us_date(text);
    let _ = dates::parse_datetime(text);
    if let Ok(xml) = text.parse::<XmlDateTime>() {
        assert_eq!(
            xml.to_string().parse::<XmlDateTime>().ok(),
            Some(xml),
            "an XML dateTime writes what it reads"
        );
    }
    if let Ok(quoted) = serde_json::to_string(text) {
        // What an instant adapter reads, it writes back as the same instant.
        for (read, write) in [
            (
                serde_json::from_str::<DeserializeAsWrap<time::OffsetDateTime, Rfc3339Utc>>(
                    &quoted,
                )
                .map(DeserializeAsWrap::into_inner),
                dates::format_rfc3339_utc as fn(time::OffsetDateTime) -> String,
            ),
            (
                serde_json::from_str::<DeserializeAsWrap<time::OffsetDateTime, NaiveUtc>>(&quoted)
                    .map(DeserializeAsWrap::into_inner),
                dates::format_naive_utc,
            ),
        ] {
            if let Ok(instant) = read {
                let again = serde_json::to_string(&write(instant)).ok().and_then(|q| {
                    serde_json::from_str::<DeserializeAsWrap<time::OffsetDateTime, Rfc3339Utc>>(&q)
                        .ok()
                });
                assert_eq!(
                    again.map(DeserializeAsWrap::into_inner),
                    Some(instant),
                    "an instant writes what it reads"
                );
            }
        }
        let _ =
            serde_json::from_str::<DeserializeAsWrap<time::OffsetDateTime, Rfc3339Utc>>(&quoted);
        let _ = serde_json::from_str::<DeserializeAsWrap<time::OffsetDateTime, NaiveUtc>>(&quoted);
        let _ = serde_json::from_str::<DeserializeAsWrap<time::Date, UsDate>>(&quoted);
        let _ = serde_json::from_str::<DeserializeAsWrap<time::Date, IsoDate>>(&quoted);
        let _ = serde_json::from_str::<DeserializeAsWrap<time::PrimitiveDateTime, SqlDateTime>>(
            &quoted,
        );
    }
    if let Some(after) = RetryAfter::parse(text) {
        let _ = RetryPolicy::default().delay_after(
            1,
            Some(&after),
            std::time::SystemTime::UNIX_EPOCH,
            7,
        );
    }
}

/// The redactor on a structured case read from the bytes: `[encoding, limit_hi, limit_lo,
/// cut]`, then the secret, a second secret, the text before and the text after, separated by
/// `0xFF` bytes. No panic on any body; no piece of four or more characters of the planted
/// secret survives in the excerpt of the whole body or of a read cut inside the secret.
pub fn redactor(data: &[u8]) {
    let [encoding, hi, lo, cut, rest @ ..] = data else {
        return;
    };
    let mut parts = rest.split(|&b| b == 0xFF);
    let secret = String::from_utf8_lossy(parts.next().unwrap_or_default()).into_owned();
    let other = String::from_utf8_lossy(parts.next().unwrap_or_default()).into_owned();
    let before = parts.next().unwrap_or_default();
    let after = parts.next().unwrap_or_default();
    let limit = usize::from(u16::from_be_bytes([*hi, *lo]));

    let mut redactor = Redactor::new();
    redactor.add(&secret);
    redactor.add(&other);
    let _ = redactor.excerpt_chars(rest, limit);

    let chars: Vec<char> = secret.chars().collect();
    if chars.len() < crate::redact::MIN_SECRET_CHARS || chars.iter().any(|c| c.is_control()) {
        return;
    }
    let encoded = encode(&secret, *encoding);
    let mut body = before.to_vec();
    body.extend_from_slice(encoded.as_bytes());
    body.extend_from_slice(after);
    let cut_at = before.len() + encoded.len() * usize::from(*cut) / 256;
    // The excerpt escapes control characters (`\u{1}`), so the text around the secret is
    // also looked for as the excerpt writes it: `\u{1}iii` holds `}iii` without any leak.
    let surroundings = [
        String::from_utf8_lossy(before).into_owned(),
        String::from_utf8_lossy(after).into_owned(),
        crate::text::excerpt(before, usize::MAX),
        crate::text::excerpt(after, usize::MAX),
        other.clone(),
        "[REDACTED]…\\u{}".to_owned(),
    ];
    for out in [
        redactor.excerpt_chars(&body, limit),
        redactor.excerpt_chars(&body[..cut_at], limit),
    ] {
        // The mask itself is no leak: a piece must not be read across it (`ED]` of the mask
        // and a `\u{fffd}` after it look like `ED]\u{fffd}` of a secret with a bad byte).
        let out = out.as_str().replace(crate::secret::REDACTED, "\u{1}");
        // Every longer piece holds a four-character one, so those are the ones to look for.
        for window in chars.windows(4) {
            let piece: String = window.iter().collect();
            // Only a piece the planted secret brought is a leak.
            if surroundings.iter().any(|s| s.contains(&piece)) {
                continue;
            }
            assert!(
                !out.contains(&piece),
                "{piece:?} of the secret survived in {out:?}"
            );
        }
    }
}

/// The echo forms, written independently of the redactor's own encoders.
fn encode(secret: &str, how: u8) -> String {
    let json = || {
        let quoted = serde_json::to_string(secret).unwrap_or_default();
        quoted
            .get(1..quoted.len().saturating_sub(1))
            .unwrap_or_default()
            .to_owned()
    };
    match how % 5 {
        0 => secret.to_owned(),
        1 => {
            let mut out = String::new();
            for b in secret.bytes() {
                if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                    out.push(char::from(b));
                } else if b == b' ' {
                    out.push('+');
                } else {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
            out
        }
        2 => json(),
        3 => html(secret),
        _ => html(&json()),
    }
}

fn html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// One vendor-target input, split as every vendor target reads it: `[selector, secret, 0xFF,
/// body]`, or `[selector, body]` when there is no `0xFF`. The secret is planted only when it
/// is at least eight characters without control characters (shorter ones match by chance).
#[derive(Debug)]
pub struct Case<'a> {
    /// Picks what the target exercises (a model, a status, an operation).
    pub selector: u8,
    /// The input's own secret, to register in the redactor.
    pub secret: Option<String>,
    /// The body handed to the decoder.
    pub body: &'a [u8],
}

impl<'a> Case<'a> {
    /// Splits `data`; `None` when it is empty.
    pub fn read(data: &'a [u8]) -> Option<Case<'a>> {
        let (&selector, rest) = data.split_first()?;
        let (secret, body) = match rest.iter().position(|&b| b == 0xFF) {
            Some(at) => (Some(&rest[..at]), &rest[at + 1..]),
            None => (None, rest),
        };
        let secret = secret
            .and_then(|s| std::str::from_utf8(s).ok())
            .map(str::trim)
            .filter(|s| s.chars().count() >= 8 && !s.chars().any(char::is_control))
            .map(str::to_owned);
        Some(Case {
            selector,
            secret,
            body,
        })
    }

    /// Panics when `shown` (the text of the errors the body became) holds one of `held` or
    /// the planted secret that the errors do not also show for the body with that secret
    /// taken out, raw and XML-escaped (`again` decodes such a body the same way): only a
    /// secret the body brought is a leak.
    pub fn no_leak(&self, held: &[&str], shown: &str, again: impl Fn(&[u8]) -> String) {
        for secret in held.iter().copied().chain(self.secret.as_deref()) {
            if !shown.contains(secret) {
                continue;
            }
            let mut body = remove(self.body, secret.as_bytes());
            let escaped = html(secret);
            if escaped != secret {
                body = remove(&body, escaped.as_bytes());
            }
            assert!(
                again(&body).contains(secret),
                "the secret {secret:?} leaked: {shown}"
            );
        }
    }
}

/// `body` with every occurrence of `needle` taken out: the baseline that tells a leak of a
/// planted secret from text that was in the body anyway.
pub fn remove(body: &[u8], needle: &[u8]) -> Vec<u8> {
    if needle.is_empty() {
        return body.to_vec();
    }
    let mut out = Vec::with_capacity(body.len());
    let mut i = 0;
    while i < body.len() {
        if body[i..].starts_with(needle) {
            i += needle.len();
        } else {
            out.push(body[i]);
            i += 1;
        }
    }
    out
}

/// Runs `check` on every file in `folder` (a crate's `tests/fuzz-regressions/<target>/`),
/// naming the file of the first input that panics; the regression tests of every crate call
/// this. Panics when the folder is missing or empty, so a test never passes on nothing.
pub fn replay(folder: &std::path::Path, check: fn(&[u8])) {
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(e) => panic!("cannot read {}: {e}", folder.display()),
    };
    let mut paths: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    assert!(!paths.is_empty(), "no input in {}", folder.display());
    for path in paths {
        let input = match std::fs::read(&path) {
            Ok(input) => input,
            Err(e) => panic!("cannot read {}: {e}", path.display()),
        };
        eprintln!("replaying {}", path.display());
        check(&input);
    }
}
