//! Lenient readers for response fields whose type the vendor does not keep: a number here
//! and a string there, `""` for "none", `1` or `"true"` for a bool, one object where a list
//! was documented. Every vendor crate reads such fields through these, so a quirk handled
//! for one vendor is handled the same way for all.
//!
//! The [`serde_with`] adapters ([`EmptyAsNone`]) compose with the date adapters in
//! [`crate::dates`]; the functions are `deserialize_with` readers for self-describing
//! formats (JSON):
//!
//! ```
//! #[derive(serde::Deserialize)]
//! struct Balance {
//!     #[serde(default, deserialize_with = "telecom_core::lenient::opt_money")]
//!     amount: Option<telecom_core::Money>,
//!     #[serde(default, deserialize_with = "telecom_core::lenient::opt_bool")]
//!     active: Option<bool>,
//! }
//! let b: Balance = serde_json::from_str(r#"{"amount": "", "active": "1"}"#).unwrap();
//! assert_eq!((b.amount, b.active), (None, Some(true)));
//! ```
//!
//! Requests never use these: what a client sends has one type.

mod readers;

pub use readers::{
    embedded_json, one_or_many, opt_bool, opt_i64, opt_money, opt_object, opt_secret, opt_text,
    opt_u64, string_list,
};

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};

/// A value the vendor sends sometimes as a JSON string and sometimes as a number
/// (`"customer_id": "1234"` beside `"pending_id": 1234`), kept as its text. A JSON bool is
/// kept as `"true"` or `"false"` (`"is_compatible": true` where `"Y"` was documented), so
/// the open enums and ids read through this never fail on one.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct StringOrNumber(pub String);

/// Why a text field sent as a JSON number of more than 19 digits is refused.
pub(crate) const WHOLE_NUMBER_TOO_LONG: &str = "a whole number of more than 19 digits (a 20-digit ICCID, say) cannot be read \
     exactly from JSON, and its text would have other digits; the vendor must send it as text";

/// True for a whole number a JSON reader could not keep exactly: beyond `i64`/`u64`,
/// serde_json reads an integer as the nearest `f64`, whose text has other digits than the
/// vendor wrote (a 20-digit ICCID comes back rounded). A text field refuses it rather than
/// hand on another identifier.
pub(crate) fn inexact_whole_number(v: f64) -> bool {
    v.is_finite() && v.fract() == 0.0 && v.abs() >= 9_223_372_036_854_775_808.0
}

impl<'de> Deserialize<'de> for StringOrNumber {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl Visitor<'_> for TextVisitor {
            type Value = StringOrNumber;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string or a number")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(StringOrNumber(v.to_owned()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(StringOrNumber(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
                Ok(StringOrNumber(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
                Ok(StringOrNumber(v.to_string()))
            }
            fn visit_u128<E: de::Error>(self, v: u128) -> Result<Self::Value, E> {
                Ok(StringOrNumber(v.to_string()))
            }
            fn visit_i128<E: de::Error>(self, v: i128) -> Result<Self::Value, E> {
                Ok(StringOrNumber(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
                if inexact_whole_number(v) {
                    return Err(E::custom(WHOLE_NUMBER_TOO_LONG));
                }
                // Shortest round-trip text: the digits the vendor wrote.
                Ok(StringOrNumber(v.to_string()))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
                Ok(StringOrNumber(if v { "true" } else { "false" }.to_owned()))
            }
        }
        deserializer.deserialize_any(TextVisitor)
    }
}

impl serde::Serialize for StringOrNumber {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

/// A `serde_with` adapter for vendors that send `""` (or only spaces) where they mean "no
/// value": `#[serde_as(as = "EmptyAsNone<UsDate>")]` on an `Option<Date>` reads `""`, `null`
/// and a missing field as `None`, and anything else through the inner adapter. A zero date
/// (`0000-00-00 00:00:00`, `0000-00-00`, `00/00/0000`: what MySQL and the PHP code over it
/// write for a date never set) is `None` too, as no such date exists. Writes `None` as
/// `null`.
pub struct EmptyAsNone<Inner = serde_with::Same>(std::marker::PhantomData<Inner>);

impl<'de, T, Inner> serde_with::DeserializeAs<'de, Option<T>> for EmptyAsNone<Inner>
where
    Inner: serde_with::DeserializeAs<'de, T>,
{
    fn deserialize_as<D: Deserializer<'de>>(deserializer: D) -> Result<Option<T>, D::Error> {
        let text: Option<StringOrNumber> = Option::deserialize(deserializer)?;
        match text {
            None => Ok(None),
            Some(t) if t.0.trim().is_empty() || is_zero_date(&t.0) => Ok(None),
            Some(t) => {
                let inner = serde::de::value::StringDeserializer::<D::Error>::new(t.0);
                Inner::deserialize_as(inner).map(Some)
            }
        }
    }
}

/// Only zeros and date punctuation, with at least one zero.
fn is_zero_date(text: &str) -> bool {
    let text = text.trim();
    text.contains('0')
        && text
            .bytes()
            .all(|b| matches!(b, b'0' | b'-' | b'/' | b':' | b' ' | b'T' | b'.'))
}

impl<T, Inner> serde_with::SerializeAs<Option<T>> for EmptyAsNone<Inner>
where
    Inner: serde_with::SerializeAs<T>,
{
    fn serialize_as<S: serde::Serializer>(
        source: &Option<T>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match source {
            Some(value) => {
                serializer.serialize_some(&serde_with::ser::SerializeAsWrap::<T, Inner>::new(value))
            }
            None => serializer.serialize_none(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::StringOrNumber;

    #[test]
    fn string_or_number_reads_both() {
        let v: Vec<StringOrNumber> = serde_json::from_str(r#"["12", 12, -3, 1.5]"#).unwrap();
        let texts: Vec<_> = v.into_iter().map(|s| s.0).collect();
        assert_eq!(texts, ["12", "12", "-3", "1.5"]);
        assert!(serde_json::from_str::<StringOrNumber>("null").is_err());
    }

    #[test]
    fn string_or_number_keeps_a_bool_as_its_text() {
        let v: Vec<StringOrNumber> = serde_json::from_str("[true, false]").unwrap();
        let texts: Vec<_> = v.into_iter().map(|s| s.0).collect();
        assert_eq!(texts, ["true", "false"]);
    }
}
