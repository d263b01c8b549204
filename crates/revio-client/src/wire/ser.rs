//! A serde `Serializer` that writes request fields as XML elements.
//!
//! The rules come from the vendor sheet: a field that is `None` is not written at all (the
//! server stores empty elements as real values), a struct whose fields are all unset is left
//! out too, a `Vec` is written as bare repeated elements, and a list marked with
//! [`wrapped`] is written inside its field's element with one child per item, named by the
//! item's type (`int`, `string`, or the struct's serde name such as `Field`).

use std::fmt::Write as _;

use serde::ser::{self, Impossible, Serialize};

use super::de::EXTRA_FIELD;

/// The newtype-struct name that marks a wrapped list.
const WRAPPED: &str = "$revio::wrapped";

/// Serde `serialize_with` helper: writes a list as `<Field><Item/>…</Field>`.
pub(crate) fn wrapped<S: ser::Serializer, T: Serialize>(
    items: &[T],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.serialize_newtype_struct(WRAPPED, items)
}

/// An encoding failure (a value this codec cannot express).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SerError(pub(crate) String);

impl std::fmt::Display for SerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SerError {}

impl ser::Error for SerError {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        SerError(msg.to_string())
    }
}

/// How lists are written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Lists {
    /// Bare repeated elements, unless the field is marked with [`wrapped`]: what the vendor
    /// expects in requests.
    AsDeclared,
    /// Every list of a typed field inside a wrapper, one child per item: the one form that
    /// reads back as the same list whatever its items (a bare single item whose children
    /// all share a name reads as a wrapper). Maps (unknown elements kept as JSON values)
    /// are written as declared, the form they were read from.
    Wrapped,
}

/// Writes `value` as one element with every list of a typed field wrapped, so that reading
/// it gives back the same value: how the fuzzing round trip writes a decoded response.
#[cfg(feature = "fuzzing")]
pub(crate) fn write_wrapped<T: Serialize + ?Sized>(
    out: &mut String,
    name: &str,
    value: &T,
) -> Result<(), SerError> {
    element(out, name, value, Lists::Wrapped)
}

/// Writes `value` as one element named `name` into `out` (nothing when it is unset).
fn element<T: Serialize + ?Sized>(
    out: &mut String,
    name: &str,
    value: &T,
    lists: Lists,
) -> Result<(), SerError> {
    value.serialize(FieldSer {
        out,
        name: Some(name),
        wrapped: false,
        top: false,
        in_place: false,
        lists,
    })
}

/// Writes the fields of a request object (a struct, a map, a one-of enum, or nothing) as
/// `<Request>…</Request>`. Anything else (a bare string, number or list) has no place
/// directly under `Request` and is refused.
pub(crate) fn write_request<T: Serialize + ?Sized>(
    out: &mut String,
    value: &T,
) -> Result<(), SerError> {
    value.serialize(FieldSer {
        out,
        name: Some("Request"),
        wrapped: false,
        top: true,
        in_place: false,
        lists: Lists::AsDeclared,
    })
}

fn not_a_map() -> SerError {
    SerError(format!("the {EXTRA_FIELD} field must be a map of elements"))
}

fn not_an_object() -> SerError {
    SerError("the request must be an object (a struct or a map of fields)".into())
}

fn escape_into(out: &mut String, text: &str) {
    out.push_str(&quick_xml::escape::escape(text));
}

/// The struct name `serde_json::value::RawValue` serializes under: how `Money` keeps its
/// exact digits. Here it is the text of one element.
const RAW_VALUE: &str = "$serde_json::private::RawValue";

/// Writes one element; `name: None` means "a wrapped list item, named by its type".
struct FieldSer<'o> {
    out: &'o mut String,
    name: Option<&'o str>,
    wrapped: bool,
    /// The `Request` element itself, which only takes objects.
    top: bool,
    /// The [`EXTRA_FIELD`] map, whose entries go in place, without an element of its own.
    in_place: bool,
    lists: Lists,
}

impl FieldSer<'_> {
    fn text(self, type_name: &str, text: &str) -> Result<(), SerError> {
        if self.top {
            return Err(not_an_object());
        }
        if self.in_place {
            return Err(not_a_map());
        }
        let name = self.name.unwrap_or(type_name);
        let _ = write!(self.out, "<{name}>");
        escape_into(self.out, text);
        let _ = write!(self.out, "</{name}>");
        Ok(())
    }
}

macro_rules! scalar {
    ($($method:ident: $ty:ty => $type_name:literal),* $(,)?) => {
        $(
            fn $method(self, v: $ty) -> Result<(), SerError> {
                self.text($type_name, &v.to_string())
            }
        )*
    };
}

impl<'o> ser::Serializer for FieldSer<'o> {
    type Ok = ();
    type Error = SerError;
    type SerializeSeq = SeqSer<'o>;
    type SerializeTuple = SeqSer<'o>;
    type SerializeTupleStruct = SeqSer<'o>;
    type SerializeTupleVariant = Impossible<(), SerError>;
    type SerializeMap = StructSer<'o>;
    type SerializeStruct = StructSer<'o>;
    type SerializeStructVariant = Impossible<(), SerError>;

    scalar! {
        serialize_bool: bool => "boolean",
        serialize_i8: i8 => "byte",
        serialize_i16: i16 => "short",
        serialize_i32: i32 => "int",
        serialize_i64: i64 => "int",
        serialize_u8: u8 => "unsignedByte",
        serialize_u16: u16 => "unsignedShort",
        serialize_u32: u32 => "unsignedInt",
        serialize_u64: u64 => "unsignedInt",
        serialize_f32: f32 => "float",
        serialize_f64: f64 => "double",
        serialize_char: char => "string",
    }

    fn serialize_str(self, v: &str) -> Result<(), SerError> {
        self.text("string", v)
    }

    fn serialize_bytes(self, _v: &[u8]) -> Result<(), SerError> {
        Err(SerError("raw bytes have no XML form here".into()))
    }

    fn serialize_none(self) -> Result<(), SerError> {
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), SerError> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), SerError> {
        Ok(())
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), SerError> {
        Ok(())
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), SerError> {
        self.text("string", variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<(), SerError> {
        if name == WRAPPED {
            value.serialize(FieldSer {
                wrapped: true,
                ..self
            })
        } else {
            value.serialize(self)
        }
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), SerError> {
        // An externally tagged "one of" choice: the variant names the element.
        match self.name {
            Some(outer) => {
                let mark = self.out.len();
                let _ = write!(self.out, "<{outer}>");
                let inner = self.out.len();
                element(self.out, variant, value, self.lists)?;
                if self.out.len() == inner {
                    self.out.truncate(mark);
                } else {
                    let _ = write!(self.out, "</{outer}>");
                }
                Ok(())
            }
            None => element(self.out, variant, value, self.lists),
        }
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<SeqSer<'o>, SerError> {
        if self.top {
            return Err(not_an_object());
        }
        if self.in_place {
            return Err(not_a_map());
        }
        let name = self.name.unwrap_or("item").to_owned();
        let wrapped = self.wrapped || self.lists == Lists::Wrapped;
        let mark = self.out.len();
        if wrapped {
            let _ = write!(self.out, "<{name}>");
        }
        Ok(SeqSer {
            out: self.out,
            name,
            wrapped,
            mark,
            lists: self.lists,
        })
    }

    fn serialize_tuple(self, len: usize) -> Result<SeqSer<'o>, SerError> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<SeqSer<'o>, SerError> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, SerError> {
        Err(SerError("tuple variants have no XML form here".into()))
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<StructSer<'o>, SerError> {
        // A map's values are JSON values (unknown elements as read, a caller's own fields):
        // their lists are written bare, as they were read.
        let name = if self.in_place {
            None
        } else {
            Some(self.name.unwrap_or("item"))
        };
        Ok(StructSer::open(
            self.out,
            name,
            Content::Fields(Lists::AsDeclared),
        ))
    }

    fn serialize_struct(self, name: &'static str, _len: usize) -> Result<StructSer<'o>, SerError> {
        let element = self.name.unwrap_or(name);
        if name == RAW_VALUE {
            if self.top {
                return Err(not_an_object());
            }
            if self.in_place {
                return Err(not_a_map());
            }
            return Ok(StructSer::open(self.out, Some(element), Content::Raw));
        }
        let element = (!self.in_place).then_some(element);
        Ok(StructSer::open(
            self.out,
            element,
            Content::Fields(self.lists),
        ))
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, SerError> {
        Err(SerError("struct variants have no XML form here".into()))
    }
}

/// A list: bare repeated elements, or items inside the wrapper already opened.
pub(crate) struct SeqSer<'o> {
    out: &'o mut String,
    name: String,
    wrapped: bool,
    mark: usize,
    lists: Lists,
}

impl SeqSer<'_> {
    fn item<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), SerError> {
        let name = if self.wrapped {
            None
        } else {
            Some(self.name.as_str())
        };
        value.serialize(FieldSer {
            out: self.out,
            name,
            wrapped: false,
            top: false,
            in_place: false,
            lists: self.lists,
        })
    }

    fn finish(self) -> Result<(), SerError> {
        if self.wrapped {
            let opened = self.mark + self.name.len() + 2;
            if self.out.len() == opened {
                // An empty wrapped list is not sent: an empty wrapper could clear data.
                self.out.truncate(self.mark);
            } else {
                let _ = write!(self.out, "</{}>", self.name);
            }
        }
        Ok(())
    }
}

impl ser::SerializeSeq for SeqSer<'_> {
    type Ok = ();
    type Error = SerError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), SerError> {
        self.item(value)
    }
    fn end(self) -> Result<(), SerError> {
        self.finish()
    }
}

impl ser::SerializeTuple for SeqSer<'_> {
    type Ok = ();
    type Error = SerError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), SerError> {
        self.item(value)
    }
    fn end(self) -> Result<(), SerError> {
        self.finish()
    }
}

impl ser::SerializeTupleStruct for SeqSer<'_> {
    type Ok = ();
    type Error = SerError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), SerError> {
        self.item(value)
    }
    fn end(self) -> Result<(), SerError> {
        self.finish()
    }
}

/// What a [`StructSer`] element holds.
#[derive(Clone, Copy)]
enum Content {
    /// Child elements, one per field or map entry.
    Fields(Lists),
    /// The text of a raw JSON token (an exact amount).
    Raw,
}

/// A struct or map: an element whose fields are child elements. An element that ends up with
/// no child at all is taken back out, so an all-unset object is not sent as an empty one.
/// With no name, the fields are written in place: the [`EXTRA_FIELD`] map of a type read
/// from a response and sent back, its unknown elements after the known ones.
pub(crate) struct StructSer<'o> {
    out: &'o mut String,
    name: Option<String>,
    mark: usize,
    content: usize,
    key: Option<String>,
    kind: Content,
}

impl<'o> StructSer<'o> {
    fn open(out: &'o mut String, name: Option<&str>, kind: Content) -> Self {
        let mark = out.len();
        if let Some(name) = name {
            let _ = write!(out, "<{name}>");
        }
        let content = out.len();
        StructSer {
            out,
            name: name.map(str::to_owned),
            mark,
            content,
            key: None,
            kind,
        }
    }

    fn close(self) -> Result<(), SerError> {
        let Some(name) = self.name else {
            return Ok(());
        };
        if self.out.len() == self.content {
            self.out.truncate(self.mark);
        } else {
            let _ = write!(self.out, "</{name}>");
        }
        Ok(())
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), SerError> {
        match self.kind {
            Content::Raw => {
                let json = value.serialize(KeySer)?;
                // A JSON string token is text in quotes; a number is its own text.
                let text = match serde_json::from_str::<String>(&json) {
                    Ok(text) => text,
                    Err(_) => json,
                };
                escape_into(self.out, &text);
                Ok(())
            }
            Content::Fields(_) if key == EXTRA_FIELD => value.serialize(FieldSer {
                out: self.out,
                name: None,
                wrapped: false,
                top: false,
                in_place: true,
                lists: Lists::AsDeclared,
            }),
            Content::Fields(lists) => element(self.out, key, value, lists),
        }
    }
}

impl ser::SerializeStruct for StructSer<'_> {
    type Ok = ();
    type Error = SerError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), SerError> {
        self.field(key, value)
    }
    fn end(self) -> Result<(), SerError> {
        self.close()
    }
}

impl ser::SerializeMap for StructSer<'_> {
    type Ok = ();
    type Error = SerError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), SerError> {
        self.key = Some(key.serialize(KeySer)?);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), SerError> {
        let key = self
            .key
            .take()
            .ok_or_else(|| SerError("a map value came without its key".into()))?;
        if !is_xml_name(&key) {
            return Err(SerError(format!("{key:?} is not a valid XML element name")));
        }
        self.field(&key, value)
    }
    fn end(self) -> Result<(), SerError> {
        self.close()
    }
}

/// True for names safe to write as an element name.
fn is_xml_name(name: &str) -> bool {
    // Letters and digits of any script: unknown elements read from a response may be sent
    // back; nothing that could end a tag or start an attribute gets through.
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_alphabetic() || c == '_')
        && chars.all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
}

/// Map keys must be strings.
struct KeySer;

impl ser::Serializer for KeySer {
    type Ok = String;
    type Error = SerError;
    type SerializeSeq = Impossible<String, SerError>;
    type SerializeTuple = Impossible<String, SerError>;
    type SerializeTupleStruct = Impossible<String, SerError>;
    type SerializeTupleVariant = Impossible<String, SerError>;
    type SerializeMap = Impossible<String, SerError>;
    type SerializeStruct = Impossible<String, SerError>;
    type SerializeStructVariant = Impossible<String, SerError>;

    fn serialize_str(self, v: &str) -> Result<String, SerError> {
        Ok(v.to_owned())
    }
    fn serialize_bool(self, _v: bool) -> Result<String, SerError> {
        Err(key_error())
    }
    fn serialize_i8(self, _v: i8) -> Result<String, SerError> {
        Err(key_error())
    }
    fn serialize_i16(self, _v: i16) -> Result<String, SerError> {
        Err(key_error())
    }
    fn serialize_i32(self, _v: i32) -> Result<String, SerError> {
        Err(key_error())
    }
    fn serialize_i64(self, _v: i64) -> Result<String, SerError> {
        Err(key_error())
    }
    fn serialize_u8(self, _v: u8) -> Result<String, SerError> {
        Err(key_error())
    }
    fn serialize_u16(self, _v: u16) -> Result<String, SerError> {
        Err(key_error())
    }
    fn serialize_u32(self, _v: u32) -> Result<String, SerError> {
        Err(key_error())
    }
    fn serialize_u64(self, _v: u64) -> Result<String, SerError> {
        Err(key_error())
    }
    fn serialize_f32(self, _v: f32) -> Result<String, SerError> {
        Err(key_error())
    }
    fn serialize_f64(self, _v: f64) -> Result<String, SerError> {
        Err(key_error())
    }
    fn serialize_char(self, v: char) -> Result<String, SerError> {
        Ok(v.to_string())
    }
    fn serialize_bytes(self, _v: &[u8]) -> Result<String, SerError> {
        Err(key_error())
    }
    fn serialize_none(self) -> Result<String, SerError> {
        Err(key_error())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<String, SerError> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<String, SerError> {
        Err(key_error())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<String, SerError> {
        Err(key_error())
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _i: u32,
        variant: &'static str,
    ) -> Result<String, SerError> {
        Ok(variant.to_owned())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<String, SerError> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _i: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<String, SerError> {
        Err(key_error())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, SerError> {
        Err(key_error())
    }
    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, SerError> {
        Err(key_error())
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct, SerError> {
        Err(key_error())
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _i: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, SerError> {
        Err(key_error())
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, SerError> {
        Err(key_error())
    }
    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStruct, SerError> {
        Err(key_error())
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _i: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, SerError> {
        Err(key_error())
    }
}

fn key_error() -> SerError {
    SerError("element names must be strings".into())
}

#[cfg(test)]
mod tests {
    use serde::Serialize;

    use super::*;

    #[derive(Serialize)]
    #[serde(rename = "Field")]
    struct Field {
        #[serde(rename = "Label")]
        label: &'static str,
    }

    #[derive(Serialize)]
    #[serde(rename_all = "PascalCase")]
    struct Req {
        id: Option<i64>,
        name: Option<&'static str>,
        bare: Vec<i64>,
        #[serde(serialize_with = "wrapped")]
        ints: Vec<i32>,
        #[serde(serialize_with = "wrapped")]
        fields: Vec<Field>,
        empty: Option<Inner>,
    }

    #[derive(Serialize)]
    struct Inner {
        a: Option<i32>,
    }

    #[test]
    fn unset_fields_vanish_and_lists_follow_their_encoding() {
        let req = Req {
            id: Some(5),
            name: None,
            bare: vec![1, 2],
            ints: vec![3],
            fields: vec![Field { label: "a<b" }],
            empty: Some(Inner { a: None }),
        };
        let mut out = String::new();
        element(&mut out, "Request", &req, Lists::AsDeclared).unwrap();
        assert_eq!(
            out,
            "<Request><Id>5</Id><Bare>1</Bare><Bare>2</Bare><Ints><int>3</int></Ints>\
             <Fields><Field><Label>a&lt;b</Label></Field></Fields></Request>"
        );
    }

    #[test]
    fn amounts_extra_maps_and_wrapped_lists() {
        use crate::models::{Agent, Extra};
        use telecom_core::Money;

        #[derive(Serialize)]
        struct Priced {
            #[serde(rename = "Rate")]
            rate: Option<Money>,
            #[serde(rename = "Lines")]
            lines: Vec<i64>,
            #[serde(rename = "$extra")]
            extra: Extra,
        }
        let mut extra = Extra::new();
        extra.insert("Region".into(), serde_json::json!("South"));
        extra.insert("Tags".into(), serde_json::json!({"Tag": ["a", "b"]}));
        let priced = Priced {
            rate: Some(Money::from_minor(-150, 2)),
            lines: vec![5],
            extra,
        };
        let mut out = String::new();
        element(&mut out, "R", &priced, Lists::AsDeclared).unwrap();
        // The amount is its exact text, the map's entries sit beside the known fields.
        assert_eq!(
            out,
            "<R><Rate>-1.50</Rate><Lines>5</Lines><Region>South</Region>\
             <Tags><Tag>a</Tag><Tag>b</Tag></Tags></R>"
        );
        let mut out = String::new();
        element(&mut out, "R", &priced, Lists::Wrapped).unwrap();
        // Typed lists are wrapped; the map's lists stay as they were read.
        assert!(
            out.starts_with("<R><Rate>-1.50</Rate><Lines><int>5</int></Lines><Region>"),
            "{out}"
        );
        assert!(
            out.contains("<Tags><Tag>a</Tag><Tag>b</Tag></Tags>"),
            "{out}"
        );

        let agent = Agent {
            name: Some("N".into()),
            ..Agent::default()
        };
        let mut out = String::new();
        element(&mut out, "Agent", &agent, Lists::AsDeclared).unwrap();
        assert_eq!(out, "<Agent><Name>N</Name></Agent>");

        let mut bad = Extra::new();
        bad.insert("a b".into(), serde_json::json!(1));
        let mut out = String::new();
        assert!(
            element(
                &mut out,
                "R",
                &Priced {
                    rate: None,
                    lines: vec![],
                    extra: bad
                },
                Lists::AsDeclared
            )
            .is_err()
        );
    }
}
