//! The forms in which a server may echo a secret back.

/// Every distinct form of `value` a server may send back: as is, percent-encoded (upper and
/// lower case hex, `+` or `%20` for a space, and with only the form-reserved characters
/// encoded), JSON-escaped, XML/HTML-escaped (named, decimal and hex references), HTML-escaped
/// JSON (a PHP page printing a JSON request), and the stable middle of its base64 at the three
/// byte offsets (a `user:password` Basic header).
pub(crate) fn variants(value: &str) -> Vec<String> {
    let mut out = vec![value.to_owned()];
    let json = json_escaped(value);
    let forms = [
        percent(value, Space::Plus, Case::Upper, Set::AllButUnreserved),
        percent(value, Space::Plus, Case::Lower, Set::AllButUnreserved),
        percent(value, Space::Percent, Case::Upper, Set::AllButUnreserved),
        percent(value, Space::Percent, Case::Lower, Set::AllButUnreserved),
        percent(value, Space::Percent, Case::Upper, Set::Reserved),
        percent(value, Space::Plus, Case::Upper, Set::Reserved),
        xml_escaped(value, Quote::Named),
        xml_escaped(value, Quote::Decimal),
        xml_escaped(value, Quote::Hex),
        xml_escaped(&json, Quote::Named),
        xml_escaped(&json, Quote::Decimal),
        json_escaped_ascii(value),
        json.replace('/', "\\/"),
        json,
    ];
    out.extend(forms);
    out.extend(base64_cores(value.as_bytes()));
    out.retain(|v| !v.is_empty());
    out.sort();
    out.dedup();
    out
}

#[derive(Clone, Copy)]
enum Space {
    Plus,
    Percent,
}

#[derive(Clone, Copy)]
enum Case {
    Upper,
    Lower,
}

#[derive(Clone, Copy)]
enum Set {
    /// Everything but `A-Z a-z 0-9 - . _ ~` (RFC 3986 unreserved), as form encoders do.
    AllButUnreserved,
    /// Only what breaks a query or form (`% & + = # ?` and space, and non-ASCII), as lax
    /// encoders do.
    Reserved,
}

fn percent(value: &str, space: Space, case: Case, set: Set) -> String {
    let mut out = String::with_capacity(value.len() * 3);
    for &byte in value.as_bytes() {
        let keep = match set {
            Set::AllButUnreserved => {
                byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~')
            }
            Set::Reserved => {
                byte.is_ascii_graphic() && !matches!(byte, b'%' | b'&' | b'+' | b'=' | b'#' | b'?')
            }
        };
        if keep {
            out.push(char::from(byte));
        } else if byte == b' ' && matches!(space, Space::Plus) {
            out.push('+');
        } else {
            let hex = match case {
                Case::Upper => format!("%{byte:02X}"),
                Case::Lower => format!("%{byte:02x}"),
            };
            out.push_str(&hex);
        }
    }
    out
}

fn json_escaped(value: &str) -> String {
    let quoted = serde_json::to_string(value).unwrap_or_default();
    quoted
        .strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .unwrap_or(&quoted)
        .to_owned()
}

/// JSON with every non-ASCII character as `\uXXXX` (PHP's `json_encode` default).
fn json_escaped_ascii(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in json_escaped(value).chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        }
    }
    out
}

#[derive(Clone, Copy)]
enum Quote {
    Named,
    Decimal,
    Hex,
}

fn xml_escaped(value: &str, quote: Quote) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match (c, quote) {
            ('&', _) => out.push_str("&amp;"),
            ('<', _) => out.push_str("&lt;"),
            ('>', _) => out.push_str("&gt;"),
            ('"', Quote::Named) => out.push_str("&quot;"),
            ('\'', Quote::Named) => out.push_str("&#39;"),
            ('"', Quote::Decimal) => out.push_str("&#34;"),
            ('\'', Quote::Decimal) => out.push_str("&#39;"),
            ('"', Quote::Hex) => out.push_str("&#x22;"),
            ('\'', Quote::Hex) => out.push_str("&#x27;"),
            (c, _) => out.push(c),
        }
    }
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

    #[test]
    fn each_encoding_is_produced() {
        let v = variants("p@ss w&rd\"é/");
        for expected in [
            "p@ss w&rd\"é/",
            "p%40ss+w%26rd%22%C3%A9%2F",
            "p%40ss%20w%26rd%22%c3%a9%2f",
            "p@ss%20w%26rd\"%C3%A9/",
            "p@ss w&amp;rd&quot;é/",
            "p@ss w&amp;rd&#34;é/",
            "p@ss w&amp;rd&#x22;é/",
            "p@ss w&rd\\\"é/",
            "p@ss w&rd\\\"\\u00e9/",
            "p@ss w&rd\\\"é\\/",
            "p@ss w&amp;rd\\&quot;é/",
        ] {
            assert!(
                v.iter().any(|x| x == expected),
                "{expected} missing from {v:?}"
            );
        }
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
