//! How an answer's bytes become an [`Envelope`] in one pass: the known fields typed as they
//! are met, `data` read as the envelope's `D` (the action's output type, or its raw JSON
//! text), every other field kept in `extra`.
//!
//! A derived reader with a flattened `extra` would buffer the whole answer, `data` included,
//! into serde's intermediate form first, then build a `serde_json::Value` of `data` that
//! the action's output is read from: three copies of the largest part of every answer.
//! Reading `data` as raw text first, then into the output, still scans and copies it twice.

use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde_json::Value;
use telecom_core::Secret;
use telecom_core::lenient::{opt_secret, opt_text};

use super::Envelope;
use crate::models::MsgCode;

/// A text field read as leniently as [`opt_text`] reads it.
struct Text(Option<String>);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        opt_text(d).map(Text)
    }
}

/// The next token, when the answer carries a usable one. A token of another JSON type is
/// no token (the chain is broken and the next call authenticates) rather than an answer
/// that cannot be read: the call itself may have succeeded.
struct NextToken(Option<Secret>);

impl<'de> Deserialize<'de> for NextToken {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(d)?;
        Ok(NextToken(opt_secret(value).unwrap_or(None)))
    }
}

/// `errors` arrives as an array of strings, a single string, nested arrays, or (seen in the
/// wild for field errors) an object of messages; every leaf becomes one string. What says
/// "no errors" in a PHP answer (`false`, `0`, `""`, `[]`, `{}`, `null`, at any depth) is
/// none: only error content makes a success envelope a failure.
struct Errors(Vec<String>);

impl<'de> Deserialize<'de> for Errors {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        fn flatten(value: Value, out: &mut Vec<String>) {
            match value {
                Value::Null => {}
                Value::String(s) => {
                    if !s.trim().is_empty() {
                        out.push(s);
                    }
                }
                Value::Array(items) => items.into_iter().for_each(|v| flatten(v, out)),
                Value::Object(map) => map.into_iter().for_each(|(_, v)| flatten(v, out)),
                Value::Bool(false) => {}
                Value::Number(n) if n.as_f64() == Some(0.0) => {}
                other => out.push(other.to_string()),
            }
        }
        let mut out = Vec::new();
        flatten(Value::deserialize(d)?, &mut out);
        Ok(Errors(out))
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Envelope<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(EnvelopeVisitor(PhantomData))
    }
}

struct EnvelopeVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for EnvelopeVisitor<T> {
    type Value = Envelope<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a vcare answer (a JSON object with a msg_code)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Envelope<T>, A::Error> {
        let mut msg = None;
        let mut msg_code = None;
        let mut data = None;
        let mut token = None;
        let mut errors = Vec::new();
        let mut external_transaction_id = None;
        let mut success = None;
        let mut extra = BTreeMap::new();
        // A field named twice keeps its last value, as a JSON object read whole would.
        while let Some(key) = map.next_key::<Key<'de>>()? {
            match key.as_str() {
                "msg" => msg = map.next_value::<Text>()?.0,
                "msg_code" => msg_code = Some(map.next_value::<MsgCode>()?),
                "data" => data = Some(map.next_value::<T>()?),
                "token" => token = map.next_value::<NextToken>()?.0,
                "errors" => errors = map.next_value::<Errors>()?.0,
                "external_transaction_id" => {
                    external_transaction_id = map.next_value::<Text>()?.0;
                }
                "success" => success = map.next_value::<Text>()?.0,
                _ => {
                    extra.insert(key.into_string(), map.next_value::<Value>()?);
                }
            }
        }
        let msg_code = msg_code.ok_or_else(|| de::Error::missing_field("msg_code"))?;
        // An answer without `data` reads as one with `data: null`.
        let data = match data {
            Some(data) => data,
            None => T::deserialize(Value::Null).map_err(de::Error::custom)?,
        };
        Ok(Envelope {
            msg,
            msg_code,
            data,
            token,
            errors,
            external_transaction_id,
            success,
            extra,
            status: 0,
        })
    }
}

/// A field name, borrowed from the body when it holds no escapes.
enum Key<'de> {
    Borrowed(&'de str),
    Owned(String),
}

impl Key<'_> {
    fn as_str(&self) -> &str {
        match self {
            Key::Borrowed(s) => s,
            Key::Owned(s) => s,
        }
    }

    fn into_string(self) -> String {
        match self {
            Key::Borrowed(s) => s.to_owned(),
            Key::Owned(s) => s,
        }
    }
}

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a field name")
            }

            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key::Borrowed(v))
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key::Owned(v.to_owned()))
            }

            fn visit_string<E: de::Error>(self, v: String) -> Result<Key<'de>, E> {
                Ok(Key::Owned(v))
            }
        }
        d.deserialize_str(KeyVisitor)
    }
}
