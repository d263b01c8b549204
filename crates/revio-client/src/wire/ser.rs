//! A serde `Serializer` that writes request fields as XML elements.
//!
//! The rules come from the vendor sheet: a field that is `None` is not written at all (the
//! server stores empty elements as real values), a struct whose fields are all unset is left
//! out too, a `Vec` is written as bare repeated elements, and a list marked with
//! [`wrapped`] is written inside its field's element with one child per item, named by the
//! item's type (`int`, `string`, or the struct's serde name such as `Field`).

use std::fmt::Write as _;

use serde::ser::{self, Impossible, Serialize};

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

/// Writes `value` as one element named `name` into `out` (nothing when it is unset).
pub(crate) fn write_element<T: Serialize + ?Sized>(
    out: &mut String,
    name: &str,
    value: &T,
) -> Result<(), SerError> {
    value.serialize(FieldSer {
        out,
        name: Some(name),
        wrapped: false,
        top: false,
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
    })
}

fn not_an_object() -> SerError {
    SerError("the request must be an object (a struct or a map of fields)".into())
}

fn escape_into(out: &mut String, text: &str) {
    out.push_str(&quick_xml::escape::escape(text));
}

/// Writes one element; `name: None` means "a wrapped list item, named by its type".
struct FieldSer<'o> {
    out: &'o mut String,
    name: Option<&'o str>,
    wrapped: bool,
    /// The `Request` element itself, which only takes objects.
    top: bool,
}

impl FieldSer<'_> {
    fn text(self, type_name: &str, text: &str) -> Result<(), SerError> {
        if self.top {
            return Err(not_an_object());
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
                write_element(self.out, variant, value)?;
                if self.out.len() == inner {
                    self.out.truncate(mark);
                } else {
                    let _ = write!(self.out, "</{outer}>");
                }
                Ok(())
            }
            None => write_element(self.out, variant, value),
        }
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<SeqSer<'o>, SerError> {
        if self.top {
            return Err(not_an_object());
        }
        let name = self.name.unwrap_or("item").to_owned();
        let mark = self.out.len();
        if self.wrapped {
            let _ = write!(self.out, "<{name}>");
        }
        Ok(SeqSer {
            out: self.out,
            name,
            wrapped: self.wrapped,
            mark,
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
        Ok(StructSer::open(self.out, self.name.unwrap_or("item")))
    }

    fn serialize_struct(self, name: &'static str, _len: usize) -> Result<StructSer<'o>, SerError> {
        Ok(StructSer::open(self.out, self.name.unwrap_or(name)))
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

/// A struct or map: an element whose fields are child elements. An element that ends up with
/// no child at all is taken back out, so an all-unset object is not sent as an empty one.
pub(crate) struct StructSer<'o> {
    out: &'o mut String,
    name: String,
    mark: usize,
    content: usize,
    key: Option<String>,
}

impl<'o> StructSer<'o> {
    fn open(out: &'o mut String, name: &str) -> Self {
        let mark = out.len();
        let _ = write!(out, "<{name}>");
        let content = out.len();
        StructSer {
            out,
            name: name.to_owned(),
            mark,
            content,
            key: None,
        }
    }

    fn close(self) -> Result<(), SerError> {
        if self.out.len() == self.content {
            self.out.truncate(self.mark);
        } else {
            let _ = write!(self.out, "</{}>", self.name);
        }
        Ok(())
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
        write_element(self.out, key, value)
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
        write_element(self.out, &key, value)
    }
    fn end(self) -> Result<(), SerError> {
        self.close()
    }
}

/// True for names safe to write as an element name.
fn is_xml_name(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
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
        write_element(&mut out, "Request", &req).unwrap();
        assert_eq!(
            out,
            "<Request><Id>5</Id><Bare>1</Bare><Bare>2</Bare><Ints><int>3</int></Ints>\
             <Fields><Field><Label>a&lt;b</Label></Field></Fields></Request>"
        );
    }
}
