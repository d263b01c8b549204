//! The shapes a `data` arrives in besides the one its action documents, read in the
//! envelope's one pass (no tree of `data` is built to look at its shape first).

use std::fmt;
use std::marker::PhantomData;

use serde::Deserialize;
use serde::de::value::{MapAccessDeserializer, MapDeserializer};
use serde::de::{self, DeserializeOwned, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

/// A list documented as an array (one entry per line) that may arrive as a single object,
/// or as `null` or `""` for none: [`telecom_core::lenient::one_or_many`].
pub(crate) struct Lines<T>(pub(crate) Vec<T>);

impl<'de, T: DeserializeOwned> Deserialize<'de> for Lines<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        telecom_core::lenient::one_or_many(d).map(Lines)
    }
}

/// A `data` that is an object on one answer and a bare message (or nothing) on another; an
/// object sent as a JSON string (`"{\"order_id\":5512}"`) is the object.
pub(crate) enum ObjectOr<O> {
    Object(O),
    /// A JSON string, `""` included.
    Text(String),
    /// `null`, a number, a boolean or a list.
    Other,
}

impl<'de, O: DeserializeOwned> Deserialize<'de> for ObjectOr<O> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ObjectOrVisitor(PhantomData))
    }
}

/// A `data` documented as an object. A success answer whose `data` is missing, `null`,
/// `""`, `[]`, a bare message (`"Payment successfully Done !"`) or any other scalar did
/// succeed: it reads as the object with none of its fields, rather than failing a call the
/// vendor acted on. Every field of such a model is optional. Read in the envelope's one
/// pass, as [`ObjectOr`].
pub(crate) struct Object<O>(pub(crate) O);

impl<'de, O: DeserializeOwned> Deserialize<'de> for Object<O> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match ObjectOr::<O>::deserialize(d)? {
            ObjectOr::Object(object) => Ok(Object(object)),
            ObjectOr::Text(_) | ObjectOr::Other => {
                let empty = MapDeserializer::<_, D::Error>::new(std::iter::empty::<((), ())>());
                O::deserialize(empty).map(Object)
            }
        }
    }
}

struct ObjectOrVisitor<O>(PhantomData<O>);

impl<'de, O: DeserializeOwned> Visitor<'de> for ObjectOrVisitor<O> {
    type Value = ObjectOr<O>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object, a message or nothing")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        O::deserialize(MapAccessDeserializer::new(map)).map(ObjectOr::Object)
    }

    // An object sent as a JSON string (PHP's `json_encode` run twice) is the object; any
    // other text is a message.
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        match telecom_core::lenient::embedded_json::<O>(v, b"{") {
            Some(read) => read.map(ObjectOr::Object).map_err(E::custom),
            None => Ok(ObjectOr::Text(v.to_owned())),
        }
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        match telecom_core::lenient::embedded_json::<O>(&v, b"{") {
            Some(read) => read.map(ObjectOr::Object).map_err(E::custom),
            None => Ok(ObjectOr::Text(v)),
        }
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(ObjectOr::Other)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(ObjectOr::Other)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(ObjectOr::Other)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(ObjectOr::Other)
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
        Ok(ObjectOr::Other)
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
        Ok(ObjectOr::Other)
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        Ok(ObjectOr::Other)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    type Shape = ObjectOr<BTreeMap<String, u32>>;

    fn shape(json: &str) -> Shape {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn an_object_a_message_and_anything_else_are_told_apart() {
        assert!(matches!(shape(r#"{"a":1}"#), ObjectOr::Object(m) if m["a"] == 1));
        assert!(matches!(shape(r#""done""#), ObjectOr::Text(t) if t == "done"));
        assert!(matches!(shape(r#""""#), ObjectOr::Text(t) if t.is_empty()));
        for other in ["null", "12", "-3", "1.5", "true", r#"[1,{"a":[2]},"x"]"#] {
            assert!(matches!(shape(other), ObjectOr::Other), "{other}");
        }
    }

    #[test]
    fn an_object_that_does_not_fit_is_an_error() {
        assert!(serde_json::from_str::<Shape>(r#"{"a":"x"}"#).is_err());
        assert!(serde_json::from_str::<Shape>(r#""{\"a\":\"x\"}""#).is_err());
    }

    #[test]
    fn an_object_sent_as_a_json_string_is_the_object() {
        assert!(matches!(shape(r#""{\"a\":1}""#), ObjectOr::Object(m) if m["a"] == 1));
        let read = serde_json::from_str::<Object<BTreeMap<String, u32>>>(r#"" {\"b\":2} ""#)
            .unwrap()
            .0;
        assert_eq!(read.get("b"), Some(&2));
        // Bracketed text that is not JSON, and a list sent as a string, stay messages.
        assert!(matches!(shape(r#""{see the portal}""#), ObjectOr::Text(_)));
        assert!(matches!(shape(r#""[1,2]""#), ObjectOr::Text(_)));
    }

    #[test]
    fn an_object_is_read_and_anything_else_is_the_empty_object() {
        #[derive(serde::Deserialize)]
        struct Model {
            #[serde(default)]
            id: Option<u32>,
            #[serde(flatten)]
            extra: BTreeMap<String, serde_json::Value>,
        }
        let object = |json: &str| serde_json::from_str::<Object<Model>>(json).map(|o| o.0);
        let read = object(r#"{"id":7,"new":true}"#).unwrap();
        assert_eq!((read.id, read.extra.len()), (Some(7), 1));
        for nothing in [
            "null",
            r#""""#,
            "[]",
            r#""Payment successfully Done !""#,
            "0",
            "false",
        ] {
            let read = object(nothing).unwrap_or_else(|e| panic!("{nothing}: {e}"));
            assert_eq!((read.id, read.extra.len()), (None, 0), "{nothing}");
        }
        // An object that does not fit is still an error.
        assert!(object(r#"{"id":"x"}"#).is_err());
    }

    #[test]
    fn lines_take_a_list_one_object_or_nothing() {
        let lines = |json: &str| serde_json::from_str::<Lines<BTreeMap<String, u32>>>(json);
        assert_eq!(lines(r#"[{"a":1},{"b":2}]"#).unwrap().0.len(), 2);
        assert_eq!(lines(r#"{"a":1}"#).unwrap().0.len(), 1);
        assert!(lines("null").unwrap().0.is_empty());
        assert!(lines(r#""""#).unwrap().0.is_empty());
    }
}
