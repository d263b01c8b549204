//! `deserialize_with` readers; each reads through `serde_json::Value`, so it accepts any
//! JSON type and decides what it means.

use serde::de::{DeserializeOwned, Error as _};
use serde::{Deserialize, Deserializer};
use serde_json::Value;

use crate::{Money, Secret};

/// The text of a scalar; `null` as `None`. Objects and lists keep their JSON text.
fn text_of(value: Value) -> Option<String> {
    match value {
        Value::Null => None,
        Value::String(s) => Some(s),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        other => Some(other.to_string()),
    }
}

/// A string, number or bool as text; `null` or missing as `None`.
pub fn opt_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(text_of(Value::deserialize(d)?))
}

/// A whole number sent as a number or as digits; `null`, `""` or anything else as `None`.
pub fn opt_u64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::Number(n) => n.as_u64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    })
}

/// An amount sent as a number or a decimal string; `null` or `""` as `None`. An amount
/// [`Money`] refuses (an exponent, too many digits) is an error that does not quote it.
pub fn opt_money<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Money>, D::Error> {
    let text = match Value::deserialize(d)? {
        Value::Null => return Ok(None),
        Value::String(s) if s.trim().is_empty() => return Ok(None),
        Value::String(s) => s,
        Value::Number(n) => n.to_string(),
        _ => {
            return Err(D::Error::custom(
                "expected an amount, found a list or object",
            ));
        }
    };
    text.parse().map(Some).map_err(D::Error::custom)
}

/// A bool sent as `true`, `"true"`, `"True"`, `"yes"`, `"Y"`, `1` or `"1"` (and their
/// opposites); `""`, `null` or missing as `None`; any other text is an error.
pub fn opt_bool<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    match Option::<Value>::deserialize(d)? {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(b)),
        Some(Value::Number(n)) => Ok(Some(n.as_f64() != Some(0.0))),
        Some(Value::String(s)) => match s.trim().to_ascii_lowercase().as_str() {
            "" => Ok(None),
            "true" | "1" | "yes" | "y" => Ok(Some(true)),
            "false" | "0" | "no" | "n" => Ok(Some(false)),
            _ => Err(D::Error::custom("expected a boolean")),
        },
        Some(_) => Err(D::Error::custom(
            "expected a boolean, found a list or object",
        )),
    }
}

/// A secret sent as a string or a number (an SSN's last four may come as `6789`); `""` or
/// `null` as `None`. The error for any other shape never quotes the value.
pub fn opt_secret<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Secret>, D::Error> {
    match Option::<Value>::deserialize(d)? {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.is_empty() => Ok(None),
        Some(Value::String(s)) => Ok(Some(Secret::new(s))),
        Some(Value::Number(n)) => Ok(Some(Secret::new(n.to_string()))),
        Some(_) => Err(D::Error::custom(
            "a secret field is neither a string nor a number",
        )),
    }
}

/// A list of strings, a single string or number, or `null`/`""` as empty.
pub fn string_list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::Array(items) => items.into_iter().filter_map(text_of).collect(),
        Value::String(s) if s.is_empty() => Vec::new(),
        other => text_of(other).into_iter().collect(),
    })
}

/// A list of `T`, a single `T` (an object where a list was documented), or `null`/`""` as
/// empty.
pub fn one_or_many<'de, D: Deserializer<'de>, T: DeserializeOwned>(
    d: D,
) -> Result<Vec<T>, D::Error> {
    match Value::deserialize(d)? {
        Value::Null => Ok(Vec::new()),
        Value::String(s) if s.is_empty() => Ok(Vec::new()),
        Value::Array(items) => items
            .into_iter()
            .map(|v| T::deserialize(v).map_err(D::Error::custom))
            .collect(),
        other => T::deserialize(other)
            .map(|v| vec![v])
            .map_err(D::Error::custom),
    }
}

/// An object read as `T`; anything else (`""`, a message string, `null`) as `None`.
pub fn opt_object<'de, D: Deserializer<'de>, T: DeserializeOwned>(
    d: D,
) -> Result<Option<T>, D::Error> {
    match Value::deserialize(d)? {
        value @ Value::Object(_) => T::deserialize(value).map(Some).map_err(D::Error::custom),
        _ => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::*;

    #[derive(Deserialize)]
    struct Fields {
        #[serde(default, deserialize_with = "opt_text")]
        text: Option<String>,
        #[serde(default, deserialize_with = "opt_u64")]
        count: Option<u64>,
        #[serde(default, deserialize_with = "opt_money")]
        amount: Option<Money>,
        #[serde(default, deserialize_with = "opt_bool")]
        flag: Option<bool>,
        #[serde(default, deserialize_with = "opt_secret")]
        ssn: Option<Secret>,
        #[serde(default, deserialize_with = "string_list")]
        list: Vec<String>,
    }

    fn read(json: &str) -> Fields {
        serde_json::from_str(json).expect("reads")
    }

    #[test]
    fn numbers_and_strings_read_alike() {
        let a = read(r#"{"text": 12, "count": "7", "amount": 1.5, "ssn": 6789}"#);
        let b = read(r#"{"text": "12", "count": 7, "amount": "1.5", "ssn": "6789"}"#);
        for f in [a, b] {
            assert_eq!(f.text.as_deref(), Some("12"));
            assert_eq!(f.count, Some(7));
            assert_eq!(f.amount.map(|m| m.to_string()).as_deref(), Some("1.5"));
            assert_eq!(f.ssn.as_ref().map(Secret::expose), Some("6789"));
        }
    }

    #[test]
    fn empty_and_null_are_none() {
        let f =
            read(r#"{"text": null, "count": "", "amount": "", "flag": "", "ssn": "", "list": ""}"#);
        assert!(f.text.is_none() && f.count.is_none() && f.amount.is_none());
        assert!(f.flag.is_none() && f.ssn.is_none() && f.list.is_empty());
        let f = read("{}");
        assert!(f.text.is_none() && f.flag.is_none() && f.list.is_empty());
    }

    #[test]
    fn bools_in_every_spelling() {
        for (json, want) in [
            ("true", true),
            ("\"True\"", true),
            ("1", true),
            ("\"Y\"", true),
        ]
        .into_iter()
        .chain([
            ("false", false),
            ("\"0\"", false),
            ("0", false),
            ("\"no\"", false),
        ]) {
            assert_eq!(
                read(&format!(r#"{{"flag": {json}}}"#)).flag,
                Some(want),
                "{json}"
            );
        }
        assert!(serde_json::from_str::<Fields>(r#"{"flag": "maybe"}"#).is_err());
    }

    #[test]
    fn a_bad_secret_or_amount_is_not_quoted() {
        let err = serde_json::from_str::<Fields>(r#"{"ssn": ["Sx9q-secret"]}"#)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(!err.is_empty() && !err.contains("Sx9q"), "{err}");
        assert!(serde_json::from_str::<Fields>(r#"{"amount": "1e400"}"#).is_err());
    }

    #[test]
    fn one_or_many_and_objects() {
        #[derive(Deserialize, Debug, PartialEq)]
        struct Item {
            id: u32,
        }
        #[derive(Deserialize)]
        struct Holder {
            #[serde(default, deserialize_with = "one_or_many")]
            items: Vec<Item>,
            #[serde(default, deserialize_with = "opt_object")]
            item: Option<Item>,
        }
        let h: Holder = serde_json::from_str(r#"{"items": {"id": 1}, "item": ""}"#).expect("reads");
        assert_eq!(h.items, [Item { id: 1 }]);
        assert!(h.item.is_none());
        let h: Holder =
            serde_json::from_str(r#"{"items": [{"id": 1}, {"id": 2}], "item": {"id": 3}}"#)
                .expect("reads");
        assert_eq!(h.items.len(), 2);
        assert_eq!(h.item, Some(Item { id: 3 }));
    }
}
