//! `deserialize_with` readers; each accepts any JSON type and decides what it means. The
//! readers of lists, objects and numbers visit the input directly (a list of a thousand
//! objects is read once, not built as a `serde_json::Value` first and read again); the text
//! reader visits scalars directly too, and keeps a list or an object as its JSON text.

use std::fmt;

use serde::de::value::{MapAccessDeserializer, StrDeserializer};
use serde::de::{DeserializeOwned, Error as _, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::Value;

use crate::{Money, Secret};

/// Reads and drops what is left of a list, so a reader may stop early.
fn drain_seq<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<(), A::Error> {
    while seq.next_element::<IgnoredAny>()?.is_some() {}
    Ok(())
}

/// Reads and drops what is left of an object.
fn drain_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<(), A::Error> {
    while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
    Ok(())
}

/// The text serde_json writes for a float (`31.5`), so a number reads the same whether it
/// came through a `Value` or straight from the input; `None` for NaN or infinity.
fn float_text(v: f64) -> Option<String> {
    serde_json::Number::from_f64(v).map(|n| n.to_string())
}

/// The text of a scalar; `null` as `None`. Objects and lists keep their JSON text.
fn text_of(value: Value) -> Result<Option<String>, &'static str> {
    Ok(match value {
        Value::Null => None,
        Value::String(s) => Some(s),
        Value::Number(n) => Some(number_text(&n)?),
        Value::Bool(b) => Some(b.to_string()),
        other => Some(other.to_string()),
    })
}

/// A number's text, unless it is a whole number too long to have been read exactly.
fn number_text(n: &serde_json::Number) -> Result<String, &'static str> {
    match n.as_f64() {
        Some(v) if n.is_f64() && super::inexact_whole_number(v) => {
            Err(super::WHOLE_NUMBER_TOO_LONG)
        }
        _ => Ok(n.to_string()),
    }
}

/// A whole number written as a float (`2048.0`, what PHP 7.1+ `json_encode` makes of a
/// division, or `1e3`) that a float holds exactly: its value; `None` for a fraction.
fn whole_float(v: f64) -> Option<i128> {
    // 2^53: past it a float no longer holds every whole number.
    const EXACT: f64 = 9_007_199_254_740_992.0;
    (v.is_finite() && v.fract() == 0.0 && v.abs() <= EXACT).then_some(v as i128)
}

/// A whole number written as text, as digits or as a float with no fraction (`"12"`,
/// `"12.0"`); `None` for anything else.
fn whole_text(v: &str) -> Option<i128> {
    let v = v.trim();
    v.parse::<i128>()
        .ok()
        .or_else(|| v.parse::<f64>().ok().and_then(whole_float))
}

/// An amount as PHP's `number_format` or a display writes it: a leading `$` (after or
/// before the sign), and commas between groups of three integer digits (`"1,044.00"`,
/// `"-$1,234,567.5"`). `None` when the text has neither, or groups that are not of three
/// (`"1,04"`, a decimal comma), which stay for Money's own reader to refuse.
fn formatted_amount(v: &str) -> Option<String> {
    let mut rest = v.trim();
    let mut sign = None;
    let mut dollar = false;
    // The sign and the `$` in either order: `-$5.00` and `$-5.00` are both written.
    loop {
        if let Some(after) = rest.strip_prefix('$').filter(|_| !dollar) {
            dollar = true;
            rest = after;
        } else if let Some(after) = rest.strip_prefix(['-', '+']).filter(|_| sign.is_none()) {
            sign = rest.chars().next();
            rest = after;
        } else {
            break;
        }
    }
    let (integer, fraction) = match rest.split_once('.') {
        Some((integer, fraction)) => (integer, Some(fraction)),
        None => (rest, None),
    };
    let grouped = integer.contains(',');
    if grouped {
        let mut groups = integer.split(',');
        let first = groups.next().unwrap_or_default();
        let well_grouped = (1..=3).contains(&first.len())
            && groups.all(|g| g.len() == 3)
            && integer.bytes().all(|b| b.is_ascii_digit() || b == b',');
        if !well_grouped {
            return None;
        }
    } else if !dollar {
        return None;
    }
    let mut plain = String::with_capacity(rest.len() + 1);
    plain.extend(sign);
    plain.extend(integer.chars().filter(|&c| c != ','));
    if let Some(fraction) = fraction {
        plain.push('.');
        plain.push_str(fraction);
    }
    Some(plain)
}

/// A JSON object or list sent as a string (PHP's `json_encode` run twice:
/// `"data":"{\"order_id\":5512}"`): `None` when the text is not JSON of that shape (a
/// message such as `"Payment successfully Done !"`), else `T` read from it. `opening` names
/// the shapes wanted: `b"{"` for an object, `b"{["` for either.
pub fn embedded_json<T: DeserializeOwned>(
    text: &str,
    opening: &[u8],
) -> Option<Result<T, serde_json::Error>> {
    let text = text.trim();
    let first = *text.as_bytes().first()?;
    let closing = match first {
        b'{' => b'}',
        b'[' => b']',
        _ => return None,
    };
    if !opening.contains(&first) || text.as_bytes().last() != Some(&closing) {
        return None;
    }
    match serde_json::from_str::<T>(text) {
        // Not JSON after all: a message that happens to be bracketed.
        Err(e) if e.is_syntax() || e.is_eof() => None,
        read => Some(read),
    }
}

/// The visitor methods the optional scalar readers share: `null`, `()` and a missing value
/// are `None`, an `Option` is looked into, and (`lists and objects refused`) a list or an
/// object is refused with the reader's message, which never quotes the value.
macro_rules! optional_scalar_visits {
    (lists and objects refused: $message:expr) => {
        optional_scalar_visits!(absent);
        fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<Self::Value, A::Error> {
            Err(A::Error::custom($message))
        }
        fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<Self::Value, A::Error> {
            Err(A::Error::custom($message))
        }
    };
    (absent) => {
        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(self)
        }
    };
}

/// A string, number or bool as text; `null` or missing as `None`; a list or an object as its
/// JSON text. A whole number of more than 19 digits is an error: read as a JSON number its
/// digits are already lost.
pub fn opt_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    // Visited directly rather than through a `Value`: text fields are most of a model's
    // fields, and the `Value` in between costs a match and a move for each.
    struct Text;
    impl<'de> Visitor<'de> for Text {
        type Value = Option<String>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("text, a number or a bool")
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(Some(v.to_owned()))
        }
        fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Self::Value, E> {
            Ok(Some(v))
        }
        fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Self::Value, E> {
            match serde_json::Number::from_f64(v) {
                Some(n) => number_text(&n).map(Some).map_err(E::custom),
                None => Ok(None),
            }
        }
        fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
            Value::deserialize(serde::de::value::SeqAccessDeserializer::new(seq))
                .and_then(|v| text_of(v).map_err(A::Error::custom))
        }
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
            Value::deserialize(MapAccessDeserializer::new(map))
                .and_then(|v| text_of(v).map_err(A::Error::custom))
        }
        optional_scalar_visits!(absent);
    }
    d.deserialize_any(Text)
}

/// A whole number sent as a number or as digits, or as a float with no fraction (`2048.0`,
/// `"12.0"`); `null`, `""` or anything else as `None`.
pub fn opt_u64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    d.deserialize_any(Whole::<u64>::new(false))
}

/// A whole number, negative or not, sent as a number or as digits (an id: `354` or
/// `"354"`), or as a float with no fraction (`354.0`); `null` or `""` as `None`. Anything
/// else (text that is not a whole number, a fraction, a bool, a list or an object) is an
/// error that does not quote the value.
pub fn opt_i64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    d.deserialize_any(Whole::<i64>::new(true))
}

/// What the whole-number readers refuse, without quoting it.
const NOT_WHOLE: &str = "expected a whole number";

/// The visitor of the whole-number readers: every shape is brought to an `i128` and then to
/// `T`. `strict` makes what is none (a fraction, a bool, text that is no number, a value out
/// of `T`'s range, a list or an object) an error; else it reads as `None`.
struct Whole<T> {
    strict: bool,
    target: std::marker::PhantomData<T>,
}

impl<T: TryFrom<i128>> Whole<T> {
    fn new(strict: bool) -> Self {
        Whole {
            strict,
            target: std::marker::PhantomData,
        }
    }

    fn fit<E: serde::de::Error>(&self, whole: Option<i128>) -> Result<Option<T>, E> {
        match whole.and_then(|v| T::try_from(v).ok()) {
            Some(v) => Ok(Some(v)),
            None if self.strict => Err(E::custom(NOT_WHOLE)),
            None => Ok(None),
        }
    }
}

impl<'de, T: TryFrom<i128>> Visitor<'de> for Whole<T> {
    type Value = Option<T>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a whole number")
    }
    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Self::Value, E> {
        self.fit(Some(v.into()))
    }
    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Self::Value, E> {
        self.fit(Some(v.into()))
    }
    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Self::Value, E> {
        self.fit(whole_float(v))
    }
    fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<Self::Value, E> {
        self.fit(None)
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
        if v.trim().is_empty() {
            return Ok(None);
        }
        self.fit(whole_text(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        if self.strict {
            return Err(A::Error::custom(NOT_WHOLE));
        }
        drain_seq(seq).map(|()| None)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        if self.strict {
            return Err(A::Error::custom(NOT_WHOLE));
        }
        drain_map(map).map(|()| None)
    }
    optional_scalar_visits!(absent);
}

/// An amount sent as a number or a decimal string; `null`, `""` or `false` as `None`. A
/// string may be written for display (`"$1,044.00"`: a dollar sign, commas between groups
/// of three). An amount [`Money`] refuses otherwise (an exponent in a string, too many
/// digits, a decimal comma) is an error.
pub fn opt_money<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Money>, D::Error> {
    struct Amount;
    const NOT_AN_AMOUNT: &str = "expected an amount, found a list or object";
    impl<'de> Visitor<'de> for Amount {
        type Value = Option<Money>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an amount")
        }
        // Whole numbers as Money's own reader reads them, with its bounds and without a copy
        // as text.
        fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Self::Value, E> {
            Money::deserialize(serde::de::value::U64Deserializer::<E>::new(v)).map(Some)
        }
        fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Self::Value, E> {
            Money::deserialize(serde::de::value::I64Deserializer::<E>::new(v)).map(Some)
        }
        // A float through the text serde_json writes for it, which keeps the vendor's scale
        // (`44.0` stays `44.0`); one that text spells with an exponent (`1e-7`), as Money's
        // own reader reads it.
        fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Self::Value, E> {
            match float_text(v).map(|text| text.parse::<Money>()) {
                Some(Ok(money)) => Ok(Some(money)),
                Some(Err(_)) => {
                    Money::deserialize(serde::de::value::F64Deserializer::<E>::new(v)).map(Some)
                }
                None => Ok(None),
            }
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
            if v.trim().is_empty() {
                return Ok(None);
            }
            match v.parse() {
                Ok(money) => Ok(Some(money)),
                Err(refused) => match formatted_amount(v) {
                    Some(plain) => plain.parse().map(Some).map_err(E::custom),
                    None => Err(E::custom(refused)),
                },
            }
        }
        // PHP's usual "no value" (`false`); `true` means nothing as an amount.
        fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<Self::Value, E> {
            if v {
                Err(E::custom("expected an amount, found true"))
            } else {
                Ok(None)
            }
        }
        optional_scalar_visits!(lists and objects refused: NOT_AN_AMOUNT);
    }
    d.deserialize_any(Amount)
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
        Some(Value::Number(n)) => number_text(&n)
            .map(|text| Some(Secret::new(text)))
            .map_err(D::Error::custom),
        Some(_) => Err(D::Error::custom(
            "a secret field is neither a string nor a number",
        )),
    }
}

/// A list of strings, a single string or number, or `null`/`""` as empty.
pub fn string_list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    let texts = match Value::deserialize(d)? {
        Value::Array(items) => items
            .into_iter()
            .filter_map(|item| text_of(item).transpose())
            .collect(),
        Value::String(s) if s.is_empty() => Ok(Vec::new()),
        other => text_of(other).map(|text| text.into_iter().collect()),
    };
    texts.map_err(D::Error::custom)
}

/// A list of `T`, a single `T` (an object where a list was documented), or `null`/`""` as
/// empty.
pub fn one_or_many<'de, D: Deserializer<'de>, T: DeserializeOwned>(
    d: D,
) -> Result<Vec<T>, D::Error> {
    struct OneOrMany<T>(std::marker::PhantomData<T>);
    impl<'de, T: DeserializeOwned> Visitor<'de> for OneOrMany<T> {
        type Value = Vec<T>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a list, one item, null or \"\"")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Vec<T>, A::Error> {
            crate::lists::collect(seq)
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Vec<T>, A::Error> {
            let Some(first) = map.next_key::<String>()? else {
                // `{}`: one item with none of its fields, as before this reader looked at keys.
                return T::deserialize(MapAccessDeserializer::new(map)).map(|item| vec![item]);
            };
            match list_index(&first) {
                Some(index) => indexed_list(index, map),
                None => T::deserialize(MapAccessDeserializer::new(Replay {
                    first: Some(first),
                    rest: map,
                }))
                .map(|item| vec![item]),
            }
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Vec<T>, E> {
            if v.is_empty() {
                return Ok(Vec::new());
            }
            match T::deserialize(StrDeserializer::<E>::new(v)) {
                Ok(item) => Ok(vec![item]),
                // A list or an object sent as a JSON string, read as if it were sent plainly.
                Err(e) => match embedded_json::<Value>(v, b"{[") {
                    Some(Ok(value)) => one_or_many(value).map_err(E::custom),
                    Some(Err(inner)) => Err(E::custom(inner)),
                    None => Err(e),
                },
            }
        }
        fn visit_unit<E: serde::de::Error>(self) -> Result<Vec<T>, E> {
            Ok(Vec::new())
        }
        fn visit_none<E: serde::de::Error>(self) -> Result<Vec<T>, E> {
            Ok(Vec::new())
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Vec<T>, D::Error> {
            d.deserialize_any(self)
        }
        fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<Vec<T>, E> {
            T::deserialize(serde::de::value::BoolDeserializer::<E>::new(v)).map(|item| vec![item])
        }
        fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Vec<T>, E> {
            T::deserialize(serde::de::value::U64Deserializer::<E>::new(v)).map(|item| vec![item])
        }
        fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Vec<T>, E> {
            T::deserialize(serde::de::value::I64Deserializer::<E>::new(v)).map(|item| vec![item])
        }
        fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Vec<T>, E> {
            T::deserialize(serde::de::value::F64Deserializer::<E>::new(v)).map(|item| vec![item])
        }
    }
    d.deserialize_any(OneOrMany(std::marker::PhantomData))
}

/// A key of a PHP array written as a JSON object: a list index (`"0"`, `"12"`).
fn list_index(key: &str) -> Option<u64> {
    if key.is_empty() || !key.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    key.parse().ok()
}

/// The rest of a list that PHP wrote as an object keyed by index (`{"0": {...}, "2": {...}}`,
/// what `json_encode` makes of an array once an entry was removed), its first value still to
/// read: every item, in index order. A key that is not an index is an error, not a field.
fn indexed_list<'de, A: MapAccess<'de>, T: DeserializeOwned>(
    first: u64,
    mut map: A,
) -> Result<Vec<T>, A::Error> {
    let mut items = vec![(first, map.next_value::<T>()?)];
    while let Some(key) = map.next_key::<String>()? {
        let index = list_index(&key).ok_or_else(|| {
            A::Error::custom(format_args!(
                "a list keyed by index has a key that is not an index: {key:?}"
            ))
        })?;
        items.push((index, map.next_value::<T>()?));
    }
    items.sort_by_key(|(index, _)| *index);
    Ok(items.into_iter().map(|(_, item)| item).collect())
}

/// An object whose first key was already read, to look at it: that key again, then the rest.
struct Replay<A> {
    first: Option<String>,
    rest: A,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Replay<A> {
    type Error = A::Error;

    fn next_key_seed<K: serde::de::DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        match self.first.take() {
            Some(first) => seed
                .deserialize(serde::de::value::StringDeserializer::<A::Error>::new(first))
                .map(Some),
            None => self.rest.next_key_seed(seed),
        }
    }

    fn next_value_seed<V: serde::de::DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, A::Error> {
        self.rest.next_value_seed(seed)
    }

    fn size_hint(&self) -> Option<usize> {
        self.rest
            .size_hint()
            .map(|rest| rest + usize::from(self.first.is_some()))
    }
}

/// An object read as `T`, also when sent as a JSON string (`"{\"id\":1}"`); anything else
/// (`""`, a message string, `null`) as `None`.
pub fn opt_object<'de, D: Deserializer<'de>, T: DeserializeOwned>(
    d: D,
) -> Result<Option<T>, D::Error> {
    struct Object<T>(std::marker::PhantomData<T>);
    impl<'de, T: DeserializeOwned> Visitor<'de> for Object<T> {
        type Value = Option<T>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Option<T>, A::Error> {
            T::deserialize(MapAccessDeserializer::new(map)).map(Some)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Option<T>, A::Error> {
            drain_seq(seq).map(|()| None)
        }
        // An object sent as a JSON string is read as the object; any other text is none.
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Option<T>, E> {
            embedded_json::<T>(v, b"{").transpose().map_err(E::custom)
        }
        fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<Option<T>, E> {
            Ok(None)
        }
        fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<Option<T>, E> {
            Ok(None)
        }
        fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<Option<T>, E> {
            Ok(None)
        }
        fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<Option<T>, E> {
            Ok(None)
        }
        fn visit_unit<E: serde::de::Error>(self) -> Result<Option<T>, E> {
            Ok(None)
        }
        fn visit_none<E: serde::de::Error>(self) -> Result<Option<T>, E> {
            Ok(None)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Option<T>, D::Error> {
            d.deserialize_any(self)
        }
    }
    d.deserialize_any(Object(std::marker::PhantomData))
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
    fn ids_as_numbers_digits_or_nothing() {
        #[derive(Deserialize)]
        struct Id {
            #[serde(default, deserialize_with = "opt_i64")]
            id: Option<i64>,
        }
        let id = |json: &str| serde_json::from_str::<Id>(json).expect("reads").id;
        assert_eq!(id(r#"{"id": 354}"#), Some(354));
        assert_eq!(id(r#"{"id": " 354 "}"#), Some(354));
        assert_eq!(id(r#"{"id": -2}"#), Some(-2));
        for none in ["\"\"", "\" \"", "null"] {
            assert_eq!(id(&format!(r#"{{"id": {none}}}"#)), None, "{none}");
        }
        assert_eq!(id("{}"), None);
        // Garbage is an error, not a silent `None`, and the value is not quoted.
        for bad in [
            "\"abc-77\"",
            "1.5",
            "true",
            "[1]",
            "{\"a\":1}",
            "18446744073709551615",
        ] {
            let err = serde_json::from_str::<Id>(&format!(r#"{{"id": {bad}}}"#))
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
            assert!(!err.is_empty() && !err.contains("abc-77"), "{bad}: {err}");
        }
    }

    #[test]
    fn whole_amounts_keep_the_bounds_of_money() {
        assert_eq!(
            read(r#"{"amount": 499}"#)
                .amount
                .map(|m| m.to_string())
                .as_deref(),
            Some("499")
        );
        assert_eq!(
            read(r#"{"amount": -5}"#)
                .amount
                .map(|m| m.to_string())
                .as_deref(),
            Some("-5")
        );
        // Past Money's 15 integer digits, as a number or as text.
        assert!(serde_json::from_str::<Fields>(r#"{"amount": 1234567890123456}"#).is_err());
        assert!(serde_json::from_str::<Fields>(r#"{"amount": "1234567890123456"}"#).is_err());
        // A float keeps the scale it was written with, and a tiny one still reads.
        assert_eq!(
            read(r#"{"amount": 44.0}"#)
                .amount
                .map(|m| m.to_string())
                .as_deref(),
            Some("44.0")
        );
        assert!(read(r#"{"amount": 0.0000001}"#).amount.is_some());
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
        let h: Holder =
            serde_json::from_str(r#"{"items": null, "item": [{"id": 4}, [5]]}"#).expect("reads");
        assert!(h.items.is_empty() && h.item.is_none());
    }

    #[test]
    fn lists_and_objects_sent_as_json_strings_are_read() {
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
        let read = |json: &str| serde_json::from_str::<Holder>(json);
        let h =
            read(r#"{"items": "[{\"id\":1},{\"id\":2}]", "item": " {\"id\":3} "}"#).expect("reads");
        assert_eq!(h.items, [Item { id: 1 }, Item { id: 2 }]);
        assert_eq!(h.item, Some(Item { id: 3 }));
        let h = read(r#"{"items": "{\"id\":4}"}"#).expect("reads");
        assert_eq!(h.items, [Item { id: 4 }]);
        // Bracketed text that is not JSON stays a message (none), as before.
        let h = read(r#"{"item": "{see the portal}", "items": ""}"#).expect("reads");
        assert!(h.item.is_none() && h.items.is_empty());
        assert!(read(r#"{"items": "[see the portal]"}"#).is_err());
        // JSON of the wrong shape is an error, as the same object sent plainly would be.
        assert!(read(r#"{"item": "{\"id\":\"x\"}"}"#).is_err());
        assert!(read(r#"{"items": "[{\"name\":1}]"}"#).is_err());
    }

    #[test]
    fn whole_numbers_written_as_floats_are_whole_numbers() {
        #[derive(Deserialize)]
        struct Id {
            #[serde(default, deserialize_with = "opt_i64")]
            id: Option<i64>,
        }
        let count = |json: &str| read(&format!(r#"{{"count": {json}}}"#)).count;
        assert_eq!(count("2048.0"), Some(2048));
        assert_eq!(count("1e3"), Some(1000));
        assert_eq!(count("\"12.0\""), Some(12));
        assert_eq!(count("2.5"), None);
        assert_eq!(count("-1.0"), None);
        assert_eq!(count("1e300"), None);
        let id = |json: &str| serde_json::from_str::<Id>(&format!(r#"{{"id": {json}}}"#));
        assert_eq!(id("354.0").expect("reads").id, Some(354));
        assert_eq!(id("\"-2.0\"").expect("reads").id, Some(-2));
        assert!(id("354.5").is_err() && id("1e300").is_err());
    }

    #[test]
    fn amounts_written_for_display_read_and_false_is_none() {
        let amount = |json: &str| {
            serde_json::from_str::<Fields>(&format!(r#"{{"amount": {json}}}"#))
                .map(|f| f.amount.map(|m| m.to_string()))
        };
        for (text, value) in [
            ("\"1,044.00\"", "1044.00"),
            ("\"$44.00\"", "44.00"),
            ("\" $1,234,567.5 \"", "1234567.5"),
            ("\"-$5\"", "-5"),
            ("\"$-5.10\"", "-5.10"),
            ("\"999\"", "999"),
        ] {
            assert_eq!(amount(text).expect(text).as_deref(), Some(value), "{text}");
        }
        assert_eq!(amount("false").expect("reads"), None);
        for bad in [
            "true",
            "\"1,04\"",
            "\"1.044,00\"",
            "\"12,34\"",
            "\",123\"",
            "\"1,2345\"",
            "\"$\"",
            "\"$$5\"",
            "\"USD 5\"",
            "\"$1,000,000,000,000,000\"",
        ] {
            assert!(amount(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_php_list_written_as_an_object_keyed_by_index_is_a_list() {
        #[derive(Deserialize, Debug, PartialEq)]
        struct Item {
            id: u32,
            #[serde(default)]
            name: Option<String>,
        }
        #[derive(Deserialize)]
        struct Holder {
            #[serde(default, deserialize_with = "one_or_many")]
            items: Vec<Item>,
        }
        let items = |json: &str| serde_json::from_str::<Holder>(json).map(|h| h.items);
        // json_encode of an array after an entry was removed: index order, not text order.
        let read =
            items(r#"{"items": {"2": {"id": 3}, "0": {"id": 1, "name": "a"}}}"#).expect("reads");
        assert_eq!(
            read,
            [
                Item {
                    id: 1,
                    name: Some("a".into())
                },
                Item { id: 3, name: None }
            ]
        );
        // One object stays one item, its first field included.
        let read = items(r#"{"items": {"name": "b", "id": 2}}"#).expect("reads");
        assert_eq!(
            read,
            [Item {
                id: 2,
                name: Some("b".into())
            }]
        );
        // An index next to a field name is neither shape.
        assert!(items(r#"{"items": {"0": {"id": 1}, "id": 2}}"#).is_err());
        // `{}` is still one item with no fields (here: missing `id`, an error as before).
        assert!(items(r#"{"items": {}}"#).is_err());
    }

    #[test]
    fn a_whole_number_too_long_to_read_exactly_is_refused_as_text() {
        #[derive(Deserialize, Debug)]
        struct Sim {
            #[serde(default, deserialize_with = "opt_text")]
            iccid: Option<String>,
            #[serde(default, deserialize_with = "string_list")]
            iccids: Vec<String>,
        }
        let sim = |json: &str| serde_json::from_str::<Sim>(json);
        // A 20-digit ICCID as a number: read as f64, its text would be other digits.
        for json in [
            r#"{"iccid": 89012608620123456789}"#,
            r#"{"iccids": [1, 89012608620123456789]}"#,
            r#"{"iccid": -9223372036854775809}"#,
        ] {
            let error = sim(json).expect_err(json).to_string();
            assert!(error.contains("more than 19 digits"), "{json}: {error}");
            assert!(!error.contains("8901260862"), "{error}");
        }
        let n: Result<crate::lenient::StringOrNumber, _> =
            serde_json::from_str("89012608620123456789");
        assert!(n.is_err());
        // Up to u64 and i64 the digits are exact; as text they read as sent.
        let read = sim(r#"{"iccid": 8901260862012345678, "iccids": [18446744073709551615, 2.5]}"#)
            .expect("reads");
        assert_eq!(read.iccid.as_deref(), Some("8901260862012345678"));
        assert_eq!(read.iccids, ["18446744073709551615", "2.5"]);
    }

    #[test]
    fn numbers_in_odd_shapes_are_read_past() {
        let f = read(r#"{"count": [1, {"a": 2}], "text": "after", "amount": 31.5}"#);
        assert_eq!(f.count, None);
        assert_eq!(f.text.as_deref(), Some("after"));
        assert_eq!(f.amount.map(|m| m.to_string()).as_deref(), Some("31.5"));
        let f = read(r#"{"count": {"n": 1}, "amount": -2}"#);
        assert_eq!(f.count, None);
        assert_eq!(f.amount.map(|m| m.to_string()).as_deref(), Some("-2"));
        assert_eq!(read(r#"{"count": -3}"#).count, None);
        assert!(serde_json::from_str::<Fields>(r#"{"amount": true}"#).is_err());
    }
}
