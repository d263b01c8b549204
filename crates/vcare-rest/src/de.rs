//! Lenient readers for response fields whose JSON type the vendor does not keep (a number
//! here, a string there, `""` for "none"). Requests never use these.

use serde::de::{DeserializeOwned, Error as _};
use serde::{Deserialize, Deserializer};
use serde_json::Value;
use telecom_core::{Money, Secret};

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
pub(crate) fn opt_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(text_of(Value::deserialize(d)?))
}

/// A whole number sent as a number or as digits; `null`, `""` or something else as `None`.
pub(crate) fn opt_u64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::Number(n) => n.as_u64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    })
}

/// An amount sent as a number or a decimal string; `null` or `""` as `None`.
pub(crate) fn opt_money<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Money>, D::Error> {
    match Value::deserialize(d)? {
        Value::Null => Ok(None),
        Value::String(s) if s.trim().is_empty() => Ok(None),
        Value::String(s) => s.parse().map(Some).map_err(D::Error::custom),
        Value::Number(n) => n.to_string().parse().map(Some).map_err(D::Error::custom),
        other => Err(D::Error::custom(format!(
            "expected an amount, found {other}"
        ))),
    }
}

/// A list of strings, a single string, or `null`.
pub(crate) fn string_list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::Array(items) => items.into_iter().filter_map(text_of).collect(),
        Value::String(s) if s.is_empty() => Vec::new(),
        other => text_of(other).into_iter().collect(),
    })
}

/// A list of `T`, a single `T` (an object where a list was documented), or `null`/`""`.
pub(crate) fn one_or_many<'de, D: Deserializer<'de>, T: DeserializeOwned>(
    d: D,
) -> Result<Vec<T>, D::Error> {
    match Value::deserialize(d)? {
        Value::Null => Ok(Vec::new()),
        Value::String(s) if s.is_empty() => Ok(Vec::new()),
        Value::Array(items) => items
            .into_iter()
            .map(|v| serde_json::from_value(v).map_err(D::Error::custom))
            .collect(),
        other => serde_json::from_value(other)
            .map(|v| vec![v])
            .map_err(D::Error::custom),
    }
}

/// Decodes an action's `data` into its typed form; `None` (absent) reads as `null`. Reads
/// from the borrowed tree, so the envelope keeps `data` for an error excerpt.
pub(crate) fn data<T: DeserializeOwned>(data: Option<&Value>) -> Result<T, serde_json::Error> {
    match data {
        Some(value) => T::deserialize(value),
        None => T::deserialize(&Value::Null),
    }
}

/// A secret sent as text (or, oddly, a number); `null` or missing as `None`.
pub(crate) fn opt_secret<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Secret>, D::Error> {
    Ok(text_of(Value::deserialize(d)?).map(Secret::new))
}

/// An object read as `T`; anything else (`""`, a message string, `null`) as `None`.
pub(crate) fn opt_object<'de, D: Deserializer<'de>, T: DeserializeOwned>(
    d: D,
) -> Result<Option<T>, D::Error> {
    match Value::deserialize(d)? {
        value @ Value::Object(_) => serde_json::from_value(value)
            .map(Some)
            .map_err(D::Error::custom),
        _ => Ok(None),
    }
}
