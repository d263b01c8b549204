//! Small text helpers shared by the vendor codecs.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};

/// How many characters of a body an error keeps by default.
pub const EXCERPT_CHARS: usize = 256;

/// A short, printable excerpt of a response body for error messages: at most `max_chars`
/// characters, invalid UTF-8 replaced, control characters other than new lines escaped,
/// and `…` appended when something was cut.
pub fn excerpt(body: &[u8], max_chars: usize) -> String {
    let text = String::from_utf8_lossy(body);
    let mut out = String::with_capacity(max_chars.min(text.len()) + 3);
    let mut chars = text.chars();
    for c in chars.by_ref().take(max_chars) {
        match c {
            '\n' | '\t' => out.push(c),
            '\r' => {}
            c if c.is_control() => out.extend(c.escape_default()),
            c => out.push(c),
        }
    }
    if chars.next().is_some() {
        out.push('…');
    }
    out
}

/// A value the vendor sends sometimes as a JSON string and sometimes as a number
/// (`"customer_id": "1234"` beside `"pending_id": 1234`), kept as its text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct StringOrNumber(pub String);

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
                // Shortest round-trip text: the digits the vendor wrote.
                Ok(StringOrNumber(v.to_string()))
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
/// and a missing field as `None`, and anything else through the inner adapter. Writes `None`
/// as `null`.
pub struct EmptyAsNone<Inner = serde_with::Same>(std::marker::PhantomData<Inner>);

impl<'de, T, Inner> serde_with::DeserializeAs<'de, Option<T>> for EmptyAsNone<Inner>
where
    Inner: serde_with::DeserializeAs<'de, T>,
{
    fn deserialize_as<D: Deserializer<'de>>(deserializer: D) -> Result<Option<T>, D::Error> {
        let text: Option<StringOrNumber> = Option::deserialize(deserializer)?;
        match text {
            None => Ok(None),
            Some(t) if t.0.trim().is_empty() => Ok(None),
            Some(t) => {
                let inner = serde::de::value::StringDeserializer::<D::Error>::new(t.0);
                Inner::deserialize_as(inner).map(Some)
            }
        }
    }
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
    use super::*;

    #[test]
    fn excerpt_cuts_on_characters_and_marks_the_cut() {
        assert_eq!(excerpt(b"hello", 10), "hello");
        assert_eq!(excerpt("héllo wörld".as_bytes(), 5), "héllo…");
        assert_eq!(excerpt(b"a\r\nb\x07", 10), "a\nb\\u{7}");
        assert_eq!(excerpt(&[0xff, b'a'], 10), "\u{fffd}a");
    }

    #[test]
    fn string_or_number_reads_both() {
        let v: Vec<StringOrNumber> = serde_json::from_str(r#"["12", 12, -3, 1.5]"#).unwrap();
        let texts: Vec<_> = v.into_iter().map(|s| s.0).collect();
        assert_eq!(texts, ["12", "12", "-3", "1.5"]);
        assert!(serde_json::from_str::<StringOrNumber>("null").is_err());
    }
}
