//! The redactor as a property: no piece of a planted secret survives in any excerpt.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions
use proptest::prelude::*;
use telecom_core::Redactor;

/// The forms a server may echo `secret` in, written here independently of the redactor.
fn encode(secret: &str, form: u8) -> String {
    match form % 5 {
        0 => secret.to_owned(),
        1 => url_encode(secret),
        2 => {
            let json = serde_json::to_string(secret).unwrap();
            json[1..json.len() - 1].to_owned()
        }
        3 => secret
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
            .replace('\'', "&#39;"),
        // A PHP page printing the JSON request through htmlspecialchars.
        _ => encode(&encode(secret, 2), 3),
    }
}

fn url_encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
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

/// Every substring of at least four characters of `secret`.
fn pieces(secret: &str) -> Vec<String> {
    let chars: Vec<char> = secret.chars().collect();
    let mut out = Vec::new();
    for start in 0..chars.len() {
        for end in start + 4..=chars.len() {
            out.push(chars[start..end].iter().collect());
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn no_piece_of_a_planted_secret_survives(
        // Secrets from lower case, digits and the characters encodings change; the filler
        // from a disjoint alphabet, so any surviving piece can only come from the secret.
        secret in "[a-z0-9@&<>\"' %+/=é]{4,24}",
        before in "[A-Z\\n\\t]{0,300}",
        after in "[A-Z\\n\\t]{0,300}",
        form in 0u8..5,
        limit in 1usize..400,
    ) {
        let mut redactor = Redactor::new();
        redactor.add(&secret);
        let body = format!("{before}{}{after}", encode(&secret, form));
        let out = redactor.excerpt_chars(body.as_bytes(), limit);
        for piece in pieces(&secret) {
            prop_assert!(!out.as_str().contains(&piece), "{piece:?} survived in {out:?}");
        }
        // A body read only in part: the secret cut off by the end of what was read.
        let cut = body.len() - after.len() - encode(&secret, form).len() / 2;
        let partial = &body.as_bytes()[..cut];
        let out = redactor.excerpt_chars(partial, limit);
        for piece in pieces(&secret) {
            prop_assert!(!out.as_str().contains(&piece), "{piece:?} survived in {out:?}");
        }
    }

    #[test]
    fn any_bytes_are_masked_without_panicking(body in proptest::collection::vec(any::<u8>(), 0..2000)) {
        let mut redactor = Redactor::new();
        redactor.add("p@ssw0rd");
        let _ = redactor.excerpt(&body);
    }
}
