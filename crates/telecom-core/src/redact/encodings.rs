//! The forms in which a server may echo a secret back, matched a character at a time.
//!
//! Encoders differ in which characters they escape and how (`~` is `%7E` in a WHATWG form
//! and kept by RFC 3986 encoders, `'` is `&#39;`, `&#039;` or `&apos;`, `&` is `\u0026` in
//! Go and .NET JSON), so a value is not listed as a few whole encoded strings. Each of its
//! characters matches any form that character may take: as is, percent-encoded (either hex
//! case, `+` for a space), JSON-escaped (`\uXXXX` in either case, the short escapes), an
//! XML/HTML reference (named, decimal with or without leading zeros, hex), and the
//! compositions servers produce: HTML-escaped JSON (a PHP page printing a JSON request),
//! JSON with the `&` of an HTML reference escaped, and any of these percent-encoded. Mixed
//! forms in one echo (an encoder that escapes some characters and keeps others) match too.
//!
//! The cost on a body without the secret: one table look-up per byte per value (the bytes a
//! form of the value's first character may start with); only those positions are tried.

use std::ops::Range;

/// One registered value: every form of each of its characters, and the base64 cores of a
/// Basic header, matched whole.
pub(crate) struct Pattern {
    chars: Vec<CharForms>,
    /// The bytes a form of the first character may start with.
    first: [bool; 256],
    /// Forms matched as whole strings (the base64 cores).
    pub(crate) literals: Vec<String>,
}

/// The forms one character may take.
struct Forms {
    /// Its UTF-8 bytes, compared exactly.
    raw: Box<[u8]>,
    /// Escaped forms, compared without ASCII case (hex digits, `&#X`, `\U` are accepted in
    /// either case), by the byte they start with: one of [`ESCAPES`].
    escaped: [Vec<Box<[u8]>>; 4],
}

/// The forms of one character of a value: an ASCII character's come from a table built once
/// per process, since a token of a few hundred characters would otherwise build some thirty
/// strings per character each time a redactor takes it (an error's redactor takes the
/// token of the answer it masks).
enum CharForms {
    Ascii(&'static Forms),
    Other(Forms),
}

impl std::ops::Deref for CharForms {
    type Target = Forms;

    fn deref(&self) -> &Forms {
        match self {
            CharForms::Ascii(forms) => forms,
            CharForms::Other(forms) => forms,
        }
    }
}

impl CharForms {
    fn of(c: char) -> CharForms {
        static ASCII: std::sync::OnceLock<Box<[Forms]>> = std::sync::OnceLock::new();
        let table = ASCII.get_or_init(|| (0..128u8).map(|b| char_forms(char::from(b))).collect());
        match table.get(c as usize) {
            Some(forms) => CharForms::Ascii(forms),
            None => CharForms::Other(char_forms(c)),
        }
    }
}

/// The bytes every escaped form starts with.
const ESCAPES: [u8; 4] = [b'%', b'&', b'\\', b'+'];

/// Which of [`ESCAPES`] `b` is.
#[inline]
fn escape_index(b: u8) -> Option<usize> {
    match b {
        b'%' => Some(0),
        b'&' => Some(1),
        b'\\' => Some(2),
        b'+' => Some(3),
        _ => None,
    }
}

/// What matching from one start position found.
enum Outcome {
    /// The whole value, ending at the largest of these.
    Whole(usize),
    /// The text ended inside the value (a body read in part).
    CutOff,
    None,
}

impl Pattern {
    pub(crate) fn new(value: &str) -> Pattern {
        let chars: Vec<CharForms> = value.chars().map(CharForms::of).collect();
        let mut first = [false; 256];
        if let Some(forms) = chars.first() {
            if let Some(&b) = forms.raw.first() {
                first[usize::from(b)] = true;
            }
            for (i, bucket) in forms.escaped.iter().enumerate() {
                first[usize::from(ESCAPES[i])] |= !bucket.is_empty();
            }
        }
        Pattern {
            chars,
            first,
            literals: base64_cores(value.as_bytes()),
        }
    }

    /// Every place `text` holds the value in any mix of its forms, overlapping ones
    /// included, and the value cut off by the end of the text (at least `min_tail` bytes
    /// of it). Ranges are on character boundaries.
    pub(crate) fn find(&self, text: &str, min_tail: usize, out: &mut Vec<Range<usize>>) {
        let bytes = text.as_bytes();
        let mut cur = Vec::new();
        let mut next = Vec::new();
        for (start, &b) in bytes.iter().enumerate() {
            if !self.first[usize::from(b)] {
                continue;
            }
            match self.match_at(bytes, start, &mut cur, &mut next) {
                Outcome::Whole(end) => out.push(start..end),
                Outcome::CutOff if bytes.len() - start >= min_tail => out.push(start..bytes.len()),
                _ => {}
            }
        }
    }

    /// Every position reachable after each character, in step (no backtracking, so no
    /// text makes it slow): the positions set stays tiny.
    fn match_at(
        &self,
        text: &[u8],
        start: usize,
        cur: &mut Vec<usize>,
        next: &mut Vec<usize>,
    ) -> Outcome {
        cur.clear();
        cur.push(start);
        let mut cut_off = false;
        for forms in &self.chars {
            next.clear();
            for &at in cur.iter() {
                let rest = text.get(at..).unwrap_or_default();
                if rest.is_empty() {
                    cut_off = true;
                    continue;
                }
                if rest.starts_with(&forms.raw) {
                    next.push(at + forms.raw.len());
                } else if forms.raw.starts_with(rest) {
                    cut_off = true;
                }
                let Some(bucket) = rest.first().and_then(|&b| escape_index(b)) else {
                    continue;
                };
                for form in &forms.escaped[bucket] {
                    match rest.get(..form.len()) {
                        Some(head) if head.eq_ignore_ascii_case(form) => next.push(at + form.len()),
                        Some(_) => {}
                        None => cut_off |= form[..rest.len()].eq_ignore_ascii_case(rest),
                    }
                }
            }
            if next.is_empty() {
                return if cut_off {
                    Outcome::CutOff
                } else {
                    Outcome::None
                };
            }
            next.sort_unstable();
            next.dedup();
            std::mem::swap(cur, next);
        }
        cur.last().map_or(Outcome::None, |&end| Outcome::Whole(end))
    }
}

/// Every form of one character.
fn char_forms(c: char) -> Forms {
    let mut utf8 = [0u8; 4];
    let raw = c.encode_utf8(&mut utf8).as_bytes();
    let json = json_forms(c);
    let xml = xml_forms(c);
    let mut composed: Vec<String> = Vec::new();
    // HTML-escaped JSON: the `"` of `\"` as a reference.
    for j in json.iter().filter(|j| j.contains('"')) {
        for q in xml_forms('"') {
            composed.push(j.replace('"', &q));
        }
    }
    // JSON that escapes the `&` of a reference (Go, .NET), and a reference escaped once more
    // (an XML dump echoed inside an HTML page: `&amp;amp;`, `&amp;#39;`).
    for x in &xml {
        if let Some(rest) = x.strip_prefix('&') {
            composed.push(format!("\\u0026{rest}"));
            composed.push(format!("&amp;{rest}"));
        }
    }
    let mut escaped: Vec<String> = vec![percent(raw)];
    if c == ' ' {
        escaped.push("+".to_owned());
    }
    // Any escape, form-encoded in turn (every byte but letters and digits).
    for form in json.iter().chain(&xml).chain(&composed) {
        escaped.push(percent_non_alphanumeric(form.as_bytes()));
    }
    escaped.extend(json);
    escaped.extend(xml);
    escaped.extend(composed);
    let mut escaped: Vec<Box<[u8]>> = escaped
        .into_iter()
        .filter(|f| !f.is_empty() && !f.as_bytes().eq_ignore_ascii_case(raw))
        .map(|f| f.into_bytes().into_boxed_slice())
        .collect();
    escaped.sort_unstable_by_key(|f| f.to_ascii_lowercase());
    escaped.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
    let mut buckets: [Vec<Box<[u8]>>; 4] = Default::default();
    for form in escaped {
        if let Some(i) = form.first().and_then(|&b| escape_index(b)) {
            buckets[i].push(form);
        }
    }
    Forms {
        raw: raw.into(),
        escaped: buckets,
    }
}

/// Each UTF-8 byte as `%XX`.
fn percent(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("%{b:02X}")).collect()
}

/// Every byte but ASCII letters and digits as `%XX`.
fn percent_non_alphanumeric(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 3);
    for &b in bytes {
        if b.is_ascii_alphanumeric() {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `\uXXXX` (a surrogate pair beyond the BMP), and the short escape where JSON has one.
fn json_forms(c: char) -> Vec<String> {
    let mut units = [0u16; 2];
    let mut out = vec![
        c.encode_utf16(&mut units)
            .iter()
            .map(|u| format!("\\u{u:04x}"))
            .collect::<String>(),
    ];
    let short = match c {
        '"' => Some("\\\""),
        '\\' => Some("\\\\"),
        '/' => Some("\\/"),
        '\n' => Some("\\n"),
        '\r' => Some("\\r"),
        '\t' => Some("\\t"),
        '\u{8}' => Some("\\b"),
        '\u{c}' => Some("\\f"),
        _ => None,
    };
    out.extend(short.map(str::to_owned));
    out
}

/// The named reference where XML or HTML has one, decimal references with and without
/// leading zeros (`&#39;`, `&#039;`), and hex ones (`&#x27;`, `&#x0027;`).
fn xml_forms(c: char) -> Vec<String> {
    let n = u32::from(c);
    let mut out = Vec::new();
    let named = match c {
        '&' => Some("&amp;"),
        '<' => Some("&lt;"),
        '>' => Some("&gt;"),
        '"' => Some("&quot;"),
        '\'' => Some("&apos;"),
        _ => None,
    };
    out.extend(named.map(str::to_owned));
    for width in [0, 3, 4, 5] {
        out.push(format!("&#{n:0width$};"));
    }
    for width in [0, 2, 4] {
        out.push(format!("&#x{n:0width$x};"));
    }
    out.sort();
    out.dedup();
    out
}

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn base64(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        let chars = chunk.len() + 1;
        for i in 0..4 {
            if i < chars {
                out.push(char::from(BASE64[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The characters of the base64 of `value` that do not depend on the bytes around it, when
/// it starts at byte offset 0, 1 or 2 of a group of three: so it is found inside
/// `base64("user:" + value)`.
fn base64_cores(value: &[u8]) -> Vec<String> {
    let mut out = Vec::with_capacity(3);
    for offset in 0..3usize {
        let mut padded = vec![0u8; offset];
        padded.extend_from_slice(value);
        let encoded = base64(&padded);
        // Skip the characters that mix in the unknown leading bytes, and stop before the
        // ones that mix in the unknown trailing bytes (or padding).
        let start = if offset == 0 { 0 } else { 4 };
        let whole_bytes = (padded.len() / 3) * 3;
        let end = (whole_bytes / 3) * 4;
        if end > start + 3 {
            out.push(encoded[start..end].to_owned());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(value: &str, text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        Pattern::new(value).find(text, 4, &mut out);
        out.into_iter().map(|r| (r.start, r.end)).collect()
    }

    #[test]
    fn each_encoding_and_any_mix_of_them_is_found() {
        let value = "p@ss w&rd\"é/~*'";
        for echo in [
            "p@ss w&rd\"é/~*'",
            "p%40ss+w%26rd%22%C3%A9%2F%7E*%27",
            "p%40ss%20w%26rd%22%c3%a9%2f~%2a%27",
            "p@ss%20w%26rd\"%C3%A9/~*'",
            "p@ss w&amp;rd&quot;é/~*&#039;",
            "p@ss w&amp;rd&#34;&#233;/~*&#39;",
            "p@ss w&amp;rd&#x22;&#xE9;/~*&#x27;",
            "p@ss w\\u0026rd\\\"é/~*\\u0027",
            "p@ss w\\u0026rd\\\"\\u00E9\\/~*'",
            "p@ss w&amp;rd\\&quot;é/~*&#039;",
            "p@ss w\\u0026amp;rd\\u0026quot;é/~*\\u0026#39;",
            "p%40ss+w%5Cu0026rd%5C%22%C3%A9%2F%7E%2A%27",
            // An XML dump echoed inside an HTML page: every reference escaped once more.
            "p@ss w&amp;amp;rd&amp;quot;é/~*&amp;apos;",
            "p@ss w&amp;#38;rd&amp;#34;&amp;#233;/~*&amp;#39;",
        ] {
            let text = format!("before {echo} after");
            assert_eq!(found(value, &text), [(7, 7 + echo.len())], "{echo}");
        }
        assert!(found(value, "before p@ss w&rx after").is_empty());
        assert_eq!(found("secret-value", "ends in secret-v"), [(8, 16)]);
        assert_eq!(found("secret-value", "ends in secret%2"), [(8, 16)]);
        assert!(found("secret-value", "ends in sec").is_empty());
    }

    #[test]
    fn base64_cores_are_found_inside_a_basic_header() {
        let secret = "hunter22secret";
        let cores = base64_cores(secret.as_bytes());
        for user in ["", "a:", "ab:", "abc:", "client-id:"] {
            let header = base64(format!("{user}{secret}").as_bytes());
            assert!(
                cores.iter().any(|c| header.contains(c.as_str())),
                "{user}: {header} / {cores:?}"
            );
        }
        assert_eq!(base64(b"Man"), "TWFu");
        assert_eq!(base64(b"Ma"), "TWE=");
        assert_eq!(base64(b"M"), "TQ==");
    }
}
