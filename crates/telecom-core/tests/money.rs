//! Money is exact: values that go wrong through f64 stay right, and JSON keeps its shape.

use proptest::prelude::*;
use rust_decimal::Decimal;
use telecom_core::Money;

fn m(text: &str) -> Money {
    text.parse().expect("test amounts are valid")
}

#[test]
fn reads_json_numbers_and_strings_exactly() {
    for (json, text) in [
        ("499", "499"),
        ("53.38", "53.38"),
        ("-100", "-100"),
        ("0.1", "0.1"),
        ("61.54", "61.54"),
        ("99999.99", "99999.99"),
        ("\"53.30\"", "53.30"),
        (
            "\"1234567890.123456789012345678\"",
            "1234567890.123456789012345678",
        ),
    ] {
        let value: Money = serde_json::from_str(json).unwrap();
        assert_eq!(value.to_string(), text, "from {json}");
    }
}

#[test]
fn writes_json_numbers_with_the_same_digits() {
    for text in [
        "499",
        "53.38",
        "-100",
        "0.1",
        "53.30",
        "1234567890.123456789012345678",
    ] {
        assert_eq!(serde_json::to_string(&m(text)).unwrap(), text);
    }
    let back: Money = serde_json::from_str(&serde_json::to_string(&m("499")).unwrap()).unwrap();
    assert_eq!(back, m("499"));
    assert_eq!(
        serde_json::to_value(m("499")).unwrap(),
        serde_json::json!(499)
    );
}

#[test]
fn arithmetic_that_f64_gets_wrong() {
    assert_eq!(m("0.1") + m("0.2"), m("0.3"));
    assert_eq!((m("0.1") + m("0.2")).to_string(), "0.3");
    assert_eq!(m("61.54") - m("0.54"), m("61"));
    let total: Money = std::iter::repeat_n(m("0.01"), 100).sum();
    assert_eq!(total, m("1"));
    assert_eq!(m("99999.99") + m("0.01"), m("100000"));
    // 28 significant digits survive arithmetic.
    let big = m("123456789012345.6789012345678");
    assert_eq!(
        (big + m("0.0000000000001")).to_string(),
        "123456789012345.6789012345679"
    );
    assert_eq!(-m("53.38"), m("-53.38"));
    assert!(m("-0.01").is_negative());
    assert!(!m("-0").is_negative());
    assert!(m("0.00").is_zero());
    assert!(m("2") > m("1.99"));
    assert_eq!(Money::from_minor(5338, 2), m("53.38"));
    assert_eq!(m("1.005").round_dp(2), m("1.01"));
}

#[test]
fn checked_arithmetic_reports_overflow() {
    let max = Money::new(Decimal::MAX);
    assert_eq!(max.checked_add(m("1")), None);
    assert_eq!(Money::new(Decimal::MIN).checked_sub(m("1")), None);
}

#[test]
fn rejects_what_is_not_a_plain_decimal() {
    for bad in [
        "", " ", "abc", "1,000.00", "$5", "1e3", "1.2.3", "--1", "-", ".", "NaN",
    ] {
        assert!(bad.parse::<Money>().is_err(), "{bad:?} should be rejected");
    }
    assert_eq!(m(" 7.50 "), m("7.50"));
    assert_eq!(m("+1.5"), m("1.5"));
    assert_eq!(m(".5"), m("0.5"));
    assert!(serde_json::from_str::<Money>("\"abc\"").is_err());
    assert!(serde_json::from_str::<Money>("null").is_err());
}

#[test]
fn reading_is_bounded_so_sums_cannot_overflow() {
    // 29 digits parsed once and then panicked on the first addition.
    for too_big in [
        "79228162514264337593543950335",
        "1000000000000000",
        "-1000000000000000",
    ] {
        assert!(too_big.parse::<Money>().is_err(), "{too_big}");
        assert!(serde_json::from_str::<Money>(&format!("\"{too_big}\"")).is_err());
        assert!(serde_json::from_str::<Money>(too_big).is_err(), "{too_big}");
    }
    let largest = m("999999999999999.9999999999999");
    // A .NET decimal's 28 fraction digits read, and sums round instead of failing.
    let third = m("0.0333333333333333333333333333");
    assert_eq!(
        Money::checked_sum([largest, third, third]).map(|t| t > largest),
        Some(true)
    );
    assert_eq!(m("-999999999999999"), -m("999999999999999"));
    let total: Money = std::iter::repeat_n(largest, 100_000).sum();
    assert_eq!(
        Money::checked_sum(std::iter::repeat_n(largest, 100_000)),
        Some(total)
    );
    assert!(total > largest);
}

#[test]
fn checked_sum_reports_overflow() {
    let max = Money::new(Decimal::MAX);
    assert_eq!(Money::checked_sum([max, m("1")]), None);
    assert_eq!(Money::checked_sum([m("1"), m("2.5")]), Some(m("3.5")));
}

proptest! {
    #[test]
    fn text_round_trips(units in -999_999_999_999_999i64..=999_999_999_999_999, scale in 0u32..=10) {
        let value = Money::from_minor(units, scale);
        let text = value.to_string();
        prop_assert_eq!(text.parse::<Money>().unwrap(), value);
        let json = serde_json::to_string(&value).unwrap();
        prop_assert_eq!(&json, &text);
        let back: Money = serde_json::from_str(&format!("\"{text}\"")).unwrap();
        prop_assert_eq!(back, value);
    }

    #[test]
    fn cents_round_trip_through_json_numbers(cents in -1_000_000_000_000i64..1_000_000_000_000) {
        let value = Money::from_minor(cents, 2);
        let back: Money = serde_json::from_str(&serde_json::to_string(&value).unwrap()).unwrap();
        prop_assert_eq!(back, value);
    }

    #[test]
    fn parsing_never_panics(text in "\\PC*") {
        let _ = text.parse::<Money>();
        let _ = serde_json::from_str::<Money>(&text);
    }
}

#[test]
fn nineteen_digits_do_not_overflow_the_short_reader() {
    // 19 digits overflow the fast path's i64 (a fuzz find); the general parser has the last
    // word, and it refuses more than 15 integer digits.
    for text in [
        "9999999999999999900",
        "1234567890123456789",
        "999999999999999999.9",
    ] {
        assert!(text.parse::<Money>().is_err(), "{text}");
    }
    for text in [
        "123456789012345.678",
        "0.000000000000000001",
        "1.000000000000000000",
    ] {
        let money = text.parse::<Money>().expect("reads");
        let exact = rust_decimal::Decimal::from_str_exact(text).expect("decimal");
        assert_eq!(money.as_decimal(), exact, "{text}");
        assert_eq!(money.as_decimal().scale(), exact.scale(), "{text}");
    }
}
