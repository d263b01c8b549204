//! The second net: shapes of secrets no client knows in advance (a token the vendor issued
//! in the body being quoted, a card number a user typed), found by form rather than value.

use std::ops::Range;

/// Field names whose values are masked wherever they appear as `name=value` (forms,
/// queries), `"name": "value"` (JSON) or `<name>value</name>` (XML), compared without case
/// and without `_`/`-`. A name ending in `password` is secret too ([`SECRET_SUFFIXES`]).
const SECRET_FIELDS: &[&str] = &[
    "password",
    "pass",
    "passwd",
    "pwd",
    "pin",
    "passwordpin",
    "agentpassword",
    "clientsecret",
    "token",
    "accesstoken",
    "refreshtoken",
    "idtoken",
    "sessionkey",
    "sessionkeyencoded",
    "impersonationkey",
    "apikey",
    "secret",
    "ssn",
    "ssntaxid",
    "securitypin",
    "pinpassword",
    "ssnum",
    "portssn",
    "ssnlastfour",
    "securityquestionsanswers",
    "securityanswer",
    "customertoken",
    "paymenttoken",
    "socialsecuritynumber",
    "cardnumber",
    "creditcardnumber",
    "ccnumber",
    "cvv",
    "cvv2",
    "securitycode",
    "accountnumber",
    "routingnumber",
    "authorization",
];

fn is_secret_field(name: &str) -> bool {
    let mut folded = String::with_capacity(name.len());
    for c in name.chars() {
        if c != '_' && c != '-' {
            folded.extend(c.to_lowercase());
        }
    }
    // `ns:Password` in XML.
    let local = folded.rsplit(':').next().unwrap_or(&folded);
    SECRET_FIELDS.contains(&local) || SECRET_SUFFIXES.iter().any(|s| local.ends_with(s))
}

/// Endings that make any field name secret (`port_account_password`, `new_password`).
const SECRET_SUFFIXES: &[&str] = &["password", "passwd"];

fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b':')
}

/// Byte ranges of `text` to mask by shape.
pub(crate) fn find(text: &str, out: &mut Vec<Range<usize>>) {
    field_values(text, out);
    jwts(text, out);
    bearer_values(text, out);
    card_numbers(text, out);
}

/// The name ending at `end` (exclusive), if any.
fn name_before(bytes: &[u8], end: usize) -> &[u8] {
    let mut start = end;
    // Names longer than this are not field names; the bound keeps the scan linear.
    while start > 0 && end - start < 64 && is_name_byte(bytes[start - 1]) {
        start -= 1;
    }
    &bytes[start..end]
}

fn field_values(text: &str, out: &mut Vec<Range<usize>>) {
    let bytes = text.as_bytes();
    let mut last_open: Option<usize> = None;
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'<' => last_open = Some(i),
            // form / query: name=value
            b'=' => {
                let name = name_before(bytes, i);
                if name.is_empty() || !is_secret_field(&String::from_utf8_lossy(name)) {
                    continue;
                }
                let start = i + 1;
                let end = bytes[start..]
                    .iter()
                    .position(|&c| matches!(c, b'&' | b' ' | b'\n' | b'\r' | b'"' | b'<' | b'\''))
                    .map_or(bytes.len(), |p| start + p);
                if end > start {
                    out.push(start..end);
                }
            }
            // JSON: "name" : "value"  (also a number or bare word)
            b':' => {
                let mut j = i;
                while j > 0 && bytes[j - 1] == b' ' {
                    j -= 1;
                }
                if j == 0 || !matches!(bytes[j - 1], b'"' | b'\'') {
                    continue;
                }
                let name = name_before(bytes, j - 1);
                if name.is_empty() || !is_secret_field(&String::from_utf8_lossy(name)) {
                    continue;
                }
                let mut start = i + 1;
                while start < bytes.len() && matches!(bytes[start], b' ' | b'\t') {
                    start += 1;
                }
                if start >= bytes.len() {
                    continue;
                }
                if let b @ (b'"' | b'\'') = bytes[start] {
                    let value = start + 1;
                    let mut end = value;
                    while end < bytes.len() && bytes[end] != b {
                        end += if bytes[end] == b'\\' { 2 } else { 1 };
                    }
                    let end = end.min(bytes.len());
                    if end > value {
                        out.push(value..end);
                    }
                } else {
                    let end = bytes[start..]
                        .iter()
                        .position(|&c| matches!(c, b',' | b'}' | b']' | b' ' | b'\n'))
                        .map_or(bytes.len(), |p| start + p);
                    if end > start && bytes[start..end] != *b"null" {
                        out.push(start..end);
                    }
                }
            }
            // XML: <name ...>value</
            b'>' => {
                let Some(open) = last_open.take() else {
                    continue;
                };
                let tag = &bytes[open + 1..i];
                if tag
                    .first()
                    .is_some_and(|&c| matches!(c, b'/' | b'?' | b'!'))
                    || tag.last() == Some(&b'/')
                {
                    continue;
                }
                let name_len = tag
                    .iter()
                    .position(|&c| !is_name_byte(c))
                    .unwrap_or(tag.len());
                if name_len == 0 || !is_secret_field(&String::from_utf8_lossy(&tag[..name_len])) {
                    continue;
                }
                let start = i + 1;
                let end = bytes[start..]
                    .iter()
                    .position(|&c| c == b'<')
                    .map_or(bytes.len(), |p| start + p);
                if end > start {
                    out.push(start..end);
                }
            }
            _ => {}
        }
    }
}

fn is_b64url(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_')
}

/// `eyJ…` header, payload and optional signature of a JWT.
fn jwts(text: &str, out: &mut Vec<Range<usize>>) {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(p) = text[from..].find("eyJ") {
        let start = from + p;
        let mut end = start;
        let mut dots = 0;
        while end < bytes.len() && (is_b64url(bytes[end]) || (bytes[end] == b'.' && dots < 2)) {
            if bytes[end] == b'.' {
                dots += 1;
            }
            end += 1;
        }
        if dots >= 1 && end - start >= 16 {
            out.push(start..end);
        }
        from = end.max(start + 3);
    }
}

/// The credential after `Bearer ` or `Basic `.
fn bearer_values(text: &str, out: &mut Vec<Range<usize>>) {
    let bytes = text.as_bytes();
    for scheme in ["Bearer ", "bearer ", "BEARER ", "Basic ", "basic "] {
        let mut from = 0;
        while let Some(p) = text[from..].find(scheme) {
            let start = from + p + scheme.len();
            let end = bytes[start..]
                .iter()
                .position(|&c| !(c.is_ascii_graphic()) || matches!(c, b'"' | b'\'' | b'<' | b','))
                .map_or(bytes.len(), |q| start + q);
            if end > start {
                out.push(start..end);
            }
            from = end.max(start);
        }
    }
}

/// Runs of 13 to 19 digits (spaces or dashes between groups allowed) that pass the Luhn
/// check and start like a card number (2 to 6).
fn card_numbers(text: &str, out: &mut Vec<Range<usize>>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() || (i > 0 && bytes[i - 1].is_ascii_digit()) {
            i += 1;
            continue;
        }
        let start = i;
        let mut digits = Vec::with_capacity(19);
        let mut end = i;
        let mut j = i;
        while j < bytes.len() && digits.len() <= 19 {
            let b = bytes[j];
            if b.is_ascii_digit() {
                digits.push(b - b'0');
                end = j + 1;
            } else if !(matches!(b, b' ' | b'-')
                && j + 1 < bytes.len()
                && bytes[j + 1].is_ascii_digit())
            {
                break;
            }
            j += 1;
        }
        if (13..=19).contains(&digits.len())
            && (2..=6).contains(&digits[0])
            && (end >= bytes.len() || !bytes[end].is_ascii_digit())
            && luhn(&digits)
        {
            out.push(start..end);
        }
        i = end.max(i + 1);
    }
}

fn luhn(digits: &[u8]) -> bool {
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            let d = u32::from(d);
            if i % 2 == 1 {
                let x = d * 2;
                if x > 9 { x - 9 } else { x }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn masked(text: &str) -> Vec<&str> {
        let mut ranges = Vec::new();
        find(text, &mut ranges);
        ranges.iter().map(|r| &text[r.clone()]).collect()
    }

    #[test]
    fn fields_in_forms_json_and_xml() {
        assert_eq!(
            masked("grant_type=password&username=u&password=s3cr%40t&client_secret=abc"),
            ["s3cr%40t", "abc"]
        );
        assert_eq!(
            masked(r#"{"agent_password": "x\"y", "pin":1234}"#),
            [r#"x\"y"#, "1234"]
        );
        assert_eq!(masked("<rev:Password>hunter2</rev:Password>"), ["hunter2"]);
        assert_eq!(
            masked(r#"{"token":null,"ssnum":"123-45-6789"}"#),
            ["123-45-6789"]
        );
        assert!(masked("user=bob&mode=x").is_empty());
    }

    #[test]
    fn vcare_port_in_and_security_fields() {
        assert_eq!(
            masked(
                r#"{"password_pin":"73","port_ssn":"6789","ssn":"1234","ssn_last_four":"4321"}"#
            ),
            ["73", "6789", "1234", "4321"]
        );
        assert_eq!(
            masked("passwordPin=55&port-account-password=x9&security_questions_answers=Rex"),
            ["55", "x9", "Rex"]
        );
        assert_eq!(
            masked(r#"{"customer_token":"ct","payment_token":"pt","zip":"07502"}"#),
            ["ct", "pt"]
        );
    }

    #[test]
    fn jwts_bearers_and_cards() {
        assert_eq!(
            masked("tok eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig_x done"),
            ["eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig_x"]
        );
        assert_eq!(masked("Authorization: Bearer abc.def"), ["abc.def"]);
        assert_eq!(
            masked("card 4111 1111 1111 1111 ok"),
            ["4111 1111 1111 1111"]
        );
        assert_eq!(masked("card 4111-1111-1111-1111"), ["4111-1111-1111-1111"]);
        // A phone number, an ICCID (starts with 89) and a non-Luhn run stay.
        assert!(masked("call 5555550123 sim 8901260882211111117 id 4111111111111112").is_empty());
    }
}
