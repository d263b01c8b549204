//! Phone numbers: every vendor form in, E.164 and each vendor form out, garbage rejected with
//! a reason, vendor output never rejected.

use proptest::prelude::*;
use telecom_core::{PhoneNumber, PhoneNumberError};

#[test]
fn accepts_the_vendor_forms() {
    for (input, e164) in [
        ("1115550123", "+11115550123"),
        ("+1 (111) 555-0123", "+11115550123"),
        ("1-111-555-0123", "+11115550123"),
        ("11115550123", "+11115550123"),
        ("(111) 555.0123", "+11115550123"),
        ("+61 2 9876 5432", "+61298765432"),
        ("61298765432", "+61298765432"),
        ("+44 20 7946 0958", "+442079460958"),
    ] {
        let n = PhoneNumber::parse(input).unwrap();
        assert_eq!(n.e164().as_deref(), Some(e164), "{input}");
        assert_eq!(n.original(), input);
        assert_eq!(n.to_string(), e164);
    }
}

#[test]
fn renders_each_vendor_form() {
    let n = PhoneNumber::parse("+1 (111) 555-0123").unwrap();
    assert!(n.is_nanp());
    assert_eq!(n.nanp_ten_digits(), Some("1115550123"));
    assert_eq!(n.e164_digits(), Some("11115550123"));
    let au = PhoneNumber::parse("+61 2 9876 5432").unwrap();
    assert!(!au.is_nanp());
    assert_eq!(au.nanp_ten_digits(), None);
    assert_eq!(au.e164_digits(), Some("61298765432"));
    assert_eq!(serde_json::to_string(&n).unwrap(), "\"+1 (111) 555-0123\"");
}

#[test]
fn rejects_garbage_with_a_reason() {
    assert_eq!(PhoneNumber::parse("  "), Err(PhoneNumberError::Empty));
    assert_eq!(
        PhoneNumber::parse("555-CALL-NOW"),
        Err(PhoneNumberError::InvalidCharacter('C'))
    );
    assert_eq!(
        PhoneNumber::parse("1+2345678901"),
        Err(PhoneNumberError::MisplacedPlus)
    );
    assert!(matches!(
        PhoneNumber::parse("12345"),
        Err(PhoneNumberError::WrongLength { digits: 5, .. })
    ));
    assert!(matches!(
        PhoneNumber::parse("+1234567890123456"),
        Err(PhoneNumberError::WrongLength { digits: 16, .. })
    ));
    assert_eq!(
        PhoneNumber::parse("+0123456789"),
        Err(PhoneNumberError::LeadingZero)
    );
    let message = PhoneNumber::parse("12345").unwrap_err().to_string();
    assert!(message.contains("5 digits"), "{message}");
}

#[test]
fn vendor_numbers_are_never_rejected() {
    for raw in ["", "N/A", "555", "outbound", "0800 FLOWERS"] {
        let n: PhoneNumber = serde_json::from_str(&serde_json::to_string(raw).unwrap()).unwrap();
        assert_eq!(n.original(), raw);
        assert!(!n.is_normalised());
        assert_eq!(n.to_string(), raw);
    }
    let n: PhoneNumber = serde_json::from_str("1115550123").unwrap();
    assert_eq!(n.e164().as_deref(), Some("+11115550123"));
}

proptest! {
    #[test]
    fn nanp_forms_normalise_alike(area in 100u32..1000, exchange in 100u32..1000, line in 0u32..10000) {
        let plain = format!("{area}{exchange}{line:04}");
        let pretty = format!("+1 ({area}) {exchange}-{line:04}");
        let dashed = format!("1-{area}-{exchange}-{line:04}");
        let a = PhoneNumber::parse(&plain).unwrap();
        prop_assert_eq!(a.e164(), PhoneNumber::parse(&pretty).unwrap().e164());
        prop_assert_eq!(a.e164(), PhoneNumber::parse(&dashed).unwrap().e164());
        // E.164 text parses back to itself.
        let e164 = a.e164().unwrap();
        prop_assert_eq!(PhoneNumber::parse(&e164).unwrap().e164(), Some(e164));
    }

    #[test]
    fn parsing_never_panics(text in "\\PC*") {
        let _ = PhoneNumber::parse(&text);
        let lenient = PhoneNumber::from_vendor(text.clone());
        prop_assert_eq!(lenient.original(), text.as_str());
    }
}
