//! Masking secrets in text a server sent back, before it is cut, logged or kept in an error.
//!
//! Servers echo requests: a PHP error page prints the JSON it was given, a token service
//! repeats the form, a proxy quotes the query string. So every client builds one
//! [`Redactor`] from every secret it holds or sends, and the only way to make the text an
//! error keeps or a log line prints is through it: [`Redacted`] has no other constructor.
//!
//! A redactor masks, in this order over the whole text it is given:
//! 1. each registered value in every form a server may echo it in (as is, percent-encoded,
//!    JSON-escaped, XML/HTML-escaped, and any mix of these, character by character; base64
//!    inside a Basic header), wherever it starts, with overlapping hits merged;
//! 2. a registered value cut off by the end of the text (a body read only in part);
//! 3. shapes no client knows in advance: values of secret-named fields in forms, JSON and XML
//!    (`password`, `client_secret`, `pin`, `ssn`, `token`, ...), JWTs, `Bearer`/`Basic`
//!    credentials and card-like digit runs that pass the Luhn check.
//!
//! Only then is an excerpt cut to length, so a secret that straddles the cut is masked whole.
//! Values shorter than [`MIN_SECRET_CHARS`] are masked by the shapes of step 3 only; by value
//! they would hit ordinary text.
//!
//! ```
//! use telecom_core::{Redactor, Secret};
//!
//! let mut redactor = Redactor::new();
//! redactor.add_secret(&Secret::new("p@ss word"));
//! let page = b"<b>Warning</b>: bad login for pass=p%40ss+word in {\"pass\":\"p@ss word\"}";
//! let excerpt = redactor.excerpt(page);
//! assert!(!excerpt.as_str().contains("ss w") && !excerpt.as_str().contains("%40ss"));
//! assert!(excerpt.as_str().starts_with("<b>Warning</b>: bad login for pass=[REDACTED]"));
//! ```

mod encodings;
mod patterns;

use std::fmt;
use std::ops::Range;
use std::sync::Arc;

use crate::Secret;
use crate::secret::REDACTED;
use crate::text::{EXCERPT_CHARS, excerpt};

/// Values shorter than this many characters are not masked by value.
pub const MIN_SECRET_CHARS: usize = 4;

/// How many bytes of a body are looked at for an excerpt; the excerpt is far shorter.
pub const SCAN_BYTES: usize = 64 * 1024;

/// How many characters of a vendor message or an error reason are kept.
pub const MESSAGE_CHARS: usize = 1024;

/// Masks the secrets a client holds or sent, by value and by shape. Cheap to clone, and
/// cheap to extend: the forms of each value are computed once, when it is added, and a copy
/// with one more value (or joined with another redactor) shares every form already made.
///
/// `Debug` prints how many values it holds, never a value.
#[derive(Clone, Default)]
pub struct Redactor {
    /// The forms of the registered values, one shared layer per value.
    layers: Arc<Vec<Arc<encodings::Pattern>>>,
    /// The layers of one redactor joined to this one and not yet copied into `layers`: a
    /// call's redactor joined to its token's on every attempt shares both lists as they are.
    joined: Option<Arc<Vec<Arc<encodings::Pattern>>>>,
    values: usize,
}

impl fmt::Debug for Redactor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Redactor")
            .field("values", &self.values)
            .finish()
    }
}

impl Redactor {
    /// A redactor that masks by shape only.
    pub fn new() -> Self {
        Redactor::default()
    }

    /// Registers a value: it is masked in every form a server may echo it in.
    pub fn add(&mut self, value: &str) {
        if value.chars().count() < MIN_SECRET_CHARS {
            return;
        }
        self.flatten();
        Arc::make_mut(&mut self.layers).push(Arc::new(encodings::Pattern::new(value)));
        self.values += 1;
    }

    /// Registers a secret (see [`Redactor::add`]).
    pub fn add_secret(&mut self, secret: &Secret) {
        self.add(secret.expose());
    }

    /// A copy that also masks `secret`: for the token or session key one call sends.
    pub fn with(&self, secret: &Secret) -> Redactor {
        let mut copy = self.clone();
        copy.add_secret(secret);
        copy
    }

    /// A copy that also masks every value `other` masks, sharing their forms: a token's own
    /// redactor, built once when the token arrives, joined to a call's on every attempt.
    pub fn joined(&self, other: &Redactor) -> Redactor {
        if other.values == 0 {
            return self.clone();
        }
        if self.values == 0 {
            return other.clone();
        }
        let mut copy = self.clone();
        copy.values += other.values;
        match (&copy.joined, &other.joined) {
            (None, None) => copy.joined = Some(Arc::clone(&other.layers)),
            _ => {
                copy.flatten();
                Arc::make_mut(&mut copy.layers).extend(other.all_layers().cloned());
            }
        }
        copy
    }

    /// Copies the joined layers into `layers`, before this redactor is extended.
    fn flatten(&mut self) {
        if let Some(joined) = self.joined.take() {
            Arc::make_mut(&mut self.layers).extend(joined.iter().cloned());
        }
    }

    fn all_layers(&self) -> impl Iterator<Item = &Arc<encodings::Pattern>> {
        self.layers
            .iter()
            .chain(self.joined.iter().flat_map(|j| j.iter()))
    }

    /// An excerpt of a body for an error or a log line: the first [`SCAN_BYTES`] masked, then
    /// cut to [`EXCERPT_CHARS`] characters (see [`crate::text::excerpt`] for the form).
    pub fn excerpt(&self, body: &[u8]) -> Redacted {
        self.excerpt_chars(body, EXCERPT_CHARS)
    }

    /// As [`Redactor::excerpt`], cut to `max_chars` characters.
    pub fn excerpt_chars(&self, body: &[u8], max_chars: usize) -> Redacted {
        let head = without_cut_character(&body[..body.len().min(SCAN_BYTES)]);
        let text = String::from_utf8_lossy(head);
        let masked = self.mask(&text);
        Redacted(excerpt(masked.as_bytes(), max_chars))
    }

    /// A vendor message, or the reason of a decode error (which may quote what was sent),
    /// masked and cut to [`MESSAGE_CHARS`] characters.
    pub fn message(&self, text: &str) -> Redacted {
        self.excerpt_chars(text.as_bytes(), MESSAGE_CHARS)
    }

    /// The whole text with every secret replaced by [`REDACTED`].
    fn mask(&self, text: &str) -> String {
        let mut ranges = Vec::new();
        for pattern in self.all_layers() {
            pattern.find(text, MIN_SECRET_CHARS, &mut ranges);
            for form in &pattern.literals {
                find_overlapping(text, form, &mut ranges);
                cut_off_tail(text, form, &mut ranges);
            }
        }
        patterns::find(text, &mut ranges);
        if ranges.is_empty() {
            return text.to_owned();
        }
        ranges.sort_unstable_by_key(|r| (r.start, r.end));
        let mut out = String::with_capacity(text.len());
        let mut copied = 0;
        let mut current: Option<Range<usize>> = None;
        for range in ranges {
            match &mut current {
                Some(open) if range.start <= open.end => open.end = open.end.max(range.end),
                _ => {
                    if let Some(done) = current.take() {
                        out.push_str(&text[copied..done.start]);
                        out.push_str(REDACTED);
                        copied = done.end;
                    }
                    current = Some(range);
                }
            }
        }
        if let Some(done) = current {
            out.push_str(&text[copied..done.start]);
            out.push_str(REDACTED);
            copied = done.end;
        }
        out.push_str(&text[copied..]);
        out
    }
}

/// Every occurrence of `needle`, overlapping ones included.
fn find_overlapping(text: &str, needle: &str, out: &mut Vec<Range<usize>>) {
    let mut from = 0;
    while let Some(p) = text.get(from..).and_then(|rest| rest.find(needle)) {
        let start = from + p;
        out.push(start..start + needle.len());
        let step = text[start..].chars().next().map_or(1, char::len_utf8);
        from = start + step;
    }
}

/// The start of `form` where the text ends: a body read only in part.
/// `bytes` without a character cut short at its end (a read that stopped inside it), so
/// the tail still matches the start of a secret; invalid bytes earlier do not matter.
fn without_cut_character(bytes: &[u8]) -> &[u8] {
    // A UTF-8 character is at most 4 bytes: its lead byte is among the last 3 if it is cut.
    let from = bytes.len().saturating_sub(3);
    let lead = (from..bytes.len())
        .rev()
        .find(|&i| bytes[i] & 0b1100_0000 != 0b1000_0000);
    match lead {
        Some(i) if std::str::from_utf8(&bytes[i..]).is_err_and(|e| e.error_len().is_none()) => {
            &bytes[..i]
        }
        _ => bytes,
    }
}

fn cut_off_tail(text: &str, form: &str, out: &mut Vec<Range<usize>>) {
    let longest = form.len().saturating_sub(1).min(text.len());
    let first = text.len() - longest;
    for start in first..text.len() {
        let tail = &text.as_bytes()[start..];
        if tail.len() < MIN_SECRET_CHARS {
            break;
        }
        if text.is_char_boundary(start) && form.as_bytes().starts_with(tail) {
            out.push(start..text.len());
            break;
        }
    }
}

/// Text that went through a [`Redactor`]: an error excerpt, a vendor message, a logged body.
/// It has no constructor from a plain string, so unmasked server text cannot reach an error.
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct Redacted(String);

impl Redacted {
    /// Text the crate itself wrote (no server text in it).
    pub fn fixed(text: &'static str) -> Redacted {
        Redacted(text.to_owned())
    }

    /// The masked text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// True when there is no text.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Display for Redacted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Redacted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl AsRef<str> for Redacted {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for Redacted {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for Redacted {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl serde::Serialize for Redacted {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn redactor(values: &[&str]) -> Redactor {
        let mut r = Redactor::new();
        for v in values {
            r.add(v);
        }
        r
    }

    #[test]
    fn a_joined_redactor_masks_every_value_of_both_however_it_is_extended() {
        let call = redactor(&["call-secret-1"]);
        let token = redactor(&["token-value-2", "refresh-value-3"]);
        let text = "call-secret-1 token-value-2 refresh-value-3 later-value-4 other-value-5";
        let joined = call.joined(&token);
        assert_eq!(joined.values, 3);
        let masked = joined.message(text);
        assert!(!masked.as_str().contains("-value-2") && !masked.as_str().contains("-value-3"));
        assert!(!masked.as_str().contains("secret-1"));
        // Extended after the join, joined again, and joined to a joined one.
        let mut extended = joined.clone();
        extended.add("later-value-4");
        let twice = joined.joined(&redactor(&["other-value-5"]));
        let nested = redactor(&["other-value-5"]).joined(&joined);
        for (name, r) in [
            ("extended", &extended),
            ("twice", &twice),
            ("nested", &nested),
        ] {
            let masked = r.message(text);
            for value in ["secret-1", "value-2", "value-3"] {
                assert!(!masked.as_str().contains(value), "{name}: {masked:?}");
            }
        }
        assert!(!extended.message(text).as_str().contains("value-4"));
        assert!(!twice.message(text).as_str().contains("value-5"));
        assert_eq!((twice.values, nested.values), (4, 4));
        // The originals are unchanged.
        assert!(call.message(text).as_str().contains("token-value-2"));
        assert!(joined.message(text).as_str().contains("later-value-4"));
    }

    #[test]
    fn each_encoding_is_masked() {
        let r = redactor(&["p@ss w&rd\"é"]);
        for echo in [
            "p@ss w&rd\"é",
            "p%40ss+w%26rd%22%C3%A9",
            "p%40ss%20w%26rd%22%c3%a9",
            "p@ss w&rd\\\"é",
            "p@ss w&rd\\\"\\u00e9",
            "p@ss w&amp;rd&quot;é",
            "p@ss w&amp;rd&#34;é",
        ] {
            let text = format!("before {echo} after");
            assert_eq!(r.message(&text), "before [REDACTED] after", "{echo}");
        }
    }

    /// The echoes of `value` through the encoders servers and their frameworks use.
    fn echoes(value: &str) -> Vec<(&'static str, String)> {
        use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
        const PHP: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'.');
        const RFC3986: &AsciiSet = &PHP.remove(b'~');
        let lower_hex = |s: &str| {
            let mut out = String::new();
            let mut left = 0;
            for c in s.chars() {
                if c == '%' {
                    left = 2;
                    out.push(c);
                } else if left > 0 {
                    left -= 1;
                    out.push(c.to_ascii_lowercase());
                } else {
                    out.push(c);
                }
            }
            out
        };
        let whatwg: String = form_urlencoded::byte_serialize(value.as_bytes()).collect();
        let php = utf8_percent_encode(value, PHP)
            .to_string()
            .replace("%20", "+");
        let rfc = utf8_percent_encode(value, RFC3986).to_string();
        let json = serde_json::to_string(value).unwrap_or_default();
        let json = json.trim_matches('"').to_owned();
        let go = json
            .replace('&', "\\u0026")
            .replace('<', "\\u003c")
            .replace('>', "\\u003e")
            .replace('\'', "\\u0027")
            .replace('+', "\\u002b");
        let html = value
            .replace('&', "&amp;")
            .replace('"', "&quot;")
            .replace('\'', "&#039;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        let numeric = |hex: bool| -> String {
            value
                .chars()
                .map(|c| match (c.is_ascii_alphanumeric(), hex) {
                    (true, _) => c.to_string(),
                    (false, false) => format!("&#{};", u32::from(c)),
                    (false, true) => format!("&#x{:X};", u32::from(c)),
                })
                .collect()
        };
        vec![
            ("raw", value.to_owned()),
            ("whatwg form", whatwg.clone()),
            ("whatwg form, lower hex", lower_hex(&whatwg)),
            ("php urlencode", php),
            ("rfc 3986", lower_hex(&rfc)),
            (
                "percent-encoding",
                utf8_percent_encode(value, NON_ALPHANUMERIC).to_string(),
            ),
            ("json", json),
            ("json, go", go.clone()),
            (
                "json, upper hex",
                go.replace("\\u003c", "\\u003C")
                    .replace("\\u003e", "\\u003E")
                    .replace("\\u002b", "\\u002B"),
            ),
            ("htmlspecialchars", html),
            ("decimal references", numeric(false)),
            ("hex references", numeric(true)),
        ]
    }

    proptest::proptest! {
        #[test]
        fn a_secret_echoed_through_any_encoder_is_masked(value in "[a-zA-Z~*!'()/ <>&+\u{e9}]{4,16}") {
            let r = redactor(&[&value]);
            for (encoder, echo) in echoes(&value) {
                let body = format!("Error#{echo}#end");
                let masked = r.message(&body);
                proptest::prop_assert_eq!(
                    masked.as_str(),
                    "Error#[REDACTED]#end",
                    "{} of {:?}: {}", encoder, value, echo
                );
            }
        }
    }

    #[test]
    fn a_secret_straddling_the_cut_is_masked_whole() {
        let r = redactor(&["correct-horse-battery"]);
        let body = format!("{}correct-horse-battery tail", "x".repeat(250));
        let e = r.excerpt_chars(body.as_bytes(), 256);
        assert!(!e.as_str().contains("corr"), "{e}");
        assert!(e.as_str().ends_with("[REDAC…"), "{e}");
    }

    #[test]
    fn a_secret_cut_off_by_the_end_of_the_body_is_masked() {
        let r = redactor(&["correct-horse-battery"]);
        assert_eq!(r.message("error for correct-ho"), "error for [REDACTED]");
        assert_eq!(r.message("ends in cor"), "ends in cor");
    }

    #[test]
    fn overlapping_secrets_merge() {
        let r = redactor(&["abcdefgh", "efghijklmn"]);
        assert_eq!(r.message("xx abcdefghijklmn yy"), "xx [REDACTED] yy");
        let r = redactor(&["abcdabcd"]);
        assert_eq!(r.message("abcdabcdabcd!"), "[REDACTED]!");
    }

    #[test]
    fn short_values_are_not_masked_by_value() {
        let r = redactor(&["abc"]);
        assert_eq!(r.message("abcabc"), "abcabc");
        assert_eq!(format!("{r:?}"), "Redactor { values: 0 }");
    }

    #[test]
    fn a_basic_header_is_masked() {
        let r = redactor(&["client-secret-value"]);
        // base64("client-id:client-secret-value")
        let header = "Y2xpZW50LWlkOmNsaWVudC1zZWNyZXQtdmFsdWU=";
        let out = r.message(&format!("got {header}"));
        assert!(out.as_str().contains(REDACTED), "{out}");
    }
}
