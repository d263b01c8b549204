//! The redactor as a property: no piece of a planted secret survives in any excerpt. The
//! check is the one the `redactor` fuzz target runs (`telecom_core::fuzzing::redactor`);
//! here proptest feeds it structured cases on stable.

use proptest::prelude::*;

/// The byte layout `fuzzing::redactor` reads.
fn case(encoding: u8, limit: u16, cut: u8, secret: &str, before: &str, after: &str) -> Vec<u8> {
    let mut bytes = vec![encoding];
    bytes.extend_from_slice(&limit.to_be_bytes());
    bytes.push(cut);
    for (i, part) in [secret, "", before, after].iter().enumerate() {
        if i > 0 {
            bytes.push(0xFF);
        }
        bytes.extend_from_slice(part.as_bytes());
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn no_piece_of_a_planted_secret_survives(
        // Secrets from the characters encodings change; the filler from any text.
        secret in "[a-z0-9@&<>\"' %+/=é]{4,24}",
        before in "[A-Za-z0-9 <>&\"=\\n\\t]{0,300}",
        after in "[A-Za-z0-9 <>&\"=\\n\\t]{0,300}",
        encoding in 0u8..5,
        limit in 1u16..400,
        cut in any::<u8>(),
    ) {
        telecom_core::fuzzing::redactor(&case(encoding, limit, cut, &secret, &before, &after));
    }

    #[test]
    fn any_bytes_are_masked_without_panicking(body in proptest::collection::vec(any::<u8>(), 0..2000)) {
        let mut redactor = telecom_core::Redactor::new();
        redactor.add("p@ssw0rd");
        let _ = redactor.excerpt(&body);
    }
}
