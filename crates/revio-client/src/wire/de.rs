//! A type-driven serde `Deserializer` over the element tree.
//!
//! It is deliberately tolerant, because the vendor's XML varies by operation and by release:
//! unknown elements are skipped, missing ones are `None`/default, empty and `xsi:nil` elements
//! read as `None`, and a list field accepts both encodings the vendor uses: bare repeated
//! elements (`<ID>1</ID><ID>2</ID>`) and a wrapper with item children
//! (`<IDs><int>1</int><int>2</int></IDs>`, `<Contacts><ContactItem>…</ContactItem></Contacts>`).
//!
//! A struct that declares a field renamed to [`EXTRA_FIELD`] receives every child element it
//! does not name there, as a map: the way parts of the vendor's types that the sheet could not
//! show stay reachable without guessing at them.

use std::borrow::Cow;

use serde::de::{self, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, Visitor};

use super::access::{ChildrenAccess, Items, ItemsAccess, Mode, Set};
use super::tree::{Element, trim};

/// The serde field name that collects child elements a struct does not otherwise name.
pub(crate) const EXTRA_FIELD: &str = "$extra";

/// A decoding failure; turned into the crate error with an excerpt by the caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DeError(pub(crate) String);

impl std::fmt::Display for DeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DeError {}

impl de::Error for DeError {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        DeError(msg.to_string())
    }
}

/// Deserializes `T` from an element's children, leaving out the children named in `skip`
/// (the response `Header`, which is read on its own).
pub(crate) fn from_element<'a, T: de::Deserialize<'a>>(
    element: Element<'a>,
    skip: &'static [&'static str],
) -> Result<T, DeError> {
    T::deserialize(ElementDe { el: element, skip })
}

/// Struct names starting with this ask for every descendant element matching a rule, for
/// results whose record and wrapper names the sheet could not show: `child:Name` finds
/// elements with a child `Name`, `named:Name` elements called `Name`. The struct receives
/// the records under [`RECORDS_FIELD`] and, under [`EXTRA_FIELD`], the children that hold
/// none of them.
pub(crate) const FIND_PREFIX: &str = "$revio::find:";

/// The serde field name that receives the records a [`FIND_PREFIX`] struct asks for.
pub(crate) const RECORDS_FIELD: &str = "$records";

/// Reads the records of a [`FIND_PREFIX`] struct into a `Vec` sized once: the decoder
/// counted them (serde's own `Vec` stops trusting a count at 1 MiB, and a large answer's
/// records would be moved two or three times as it grows).
pub(crate) fn records<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: de::Deserialize<'de>,
{
    struct Records<T>(std::marker::PhantomData<T>);

    impl<'de, T: de::Deserialize<'de>> Visitor<'de> for Records<T> {
        type Value = Vec<T>;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a list of records")
        }

        fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            // This decoder's count is of elements already parsed; another format's may be
            // anything, so what is reserved on its word is bounded (16 MiB).
            let most = (16 << 20) / std::mem::size_of::<T>().max(1);
            let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(most));
            while let Some(item) = seq.next_element()? {
                out.push(item);
            }
            Ok(out)
        }
    }

    deserializer.deserialize_seq(Records(std::marker::PhantomData))
}

#[derive(Clone, Copy)]
enum Rule<'r> {
    Child(&'r str),
    Named(&'r str),
    Nothing,
}

impl<'r> Rule<'r> {
    fn parse(rule: &'r str) -> Self {
        match rule.split_once(':') {
            Some(("child", name)) => Rule::Child(name),
            Some(("named", name)) => Rule::Named(name),
            _ => Rule::Nothing,
        }
    }

    fn matches(self, el: Element<'_>) -> bool {
        match self {
            Rule::Child(name) => el.child(name).is_some(),
            Rule::Named(name) => el.name() == name,
            Rule::Nothing => false,
        }
    }
}

/// Pushes the descendants of `el` matching `rule` (not looking inside a match) onto `found`.
fn collect<'a>(el: Element<'a>, rule: Rule<'_>, found: &mut Vec<Element<'a>>) {
    for child in el.children() {
        if rule.matches(child) {
            found.push(child);
        } else {
            collect(child, rule, found);
        }
    }
}

/// Like [`collect`], leaving out the children named in `skip`; returns the children of `el`
/// that hold no match.
fn find<'a>(
    el: Element<'a>,
    rule: Rule<'_>,
    skip: &[&str],
    found: &mut Vec<Element<'a>>,
) -> Vec<Element<'a>> {
    let mut without = Vec::new();
    for child in el.children().filter(|c| !skip.contains(&c.name())) {
        if rule.matches(child) {
            found.push(child);
            continue;
        }
        let before = found.len();
        collect(child, rule, found);
        if found.len() == before {
            without.push(child);
        }
    }
    without
}

fn parse_bool(text: &str) -> Result<bool, DeError> {
    match trim(text) {
        t if t.eq_ignore_ascii_case("true") || t == "1" => Ok(true),
        t if t.eq_ignore_ascii_case("false") || t == "0" => Ok(false),
        other => Err(DeError(format!("expected a boolean, found {other:?}"))),
    }
}

fn visit_text<'de, V: Visitor<'de>>(text: Cow<'de, str>, visitor: V) -> Result<V::Value, DeError> {
    match text {
        Cow::Borrowed(text) => visitor.visit_borrowed_str(text),
        Cow::Owned(text) => visitor.visit_string(text),
    }
}

fn trimmed(text: Cow<'_, str>) -> Cow<'_, str> {
    match text {
        Cow::Borrowed(text) => Cow::Borrowed(trim(text)),
        Cow::Owned(text) if trim(&text).len() == text.len() => Cow::Owned(text),
        Cow::Owned(text) => Cow::Owned(trim(&text).to_owned()),
    }
}

/// The struct's fields when it collects unknown children under [`EXTRA_FIELD`].
fn with_extra(fields: &'static [&'static str]) -> Option<&'static [&'static str]> {
    // Declared last in every model, so found at once.
    fields
        .iter()
        .rev()
        .any(|f| *f == EXTRA_FIELD)
        .then_some(fields)
}

macro_rules! parse_number {
    ($($method:ident => $visit:ident : $ty:ty),* $(,)?) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
                let text = self.el.text();
                let text = trim(&text);
                let value: $ty = text.parse().map_err(|_| {
                    DeError(format!("<{}>: expected {}, found {:?}", self.el.name(), stringify!($ty), text))
                })?;
                visitor.$visit(value)
            }
        )*
    };
}

/// One element.
#[derive(Clone, Copy)]
pub(crate) struct ElementDe<'de> {
    pub(crate) el: Element<'de>,
    pub(crate) skip: &'static [&'static str],
}

impl<'de> Deserializer<'de> for ElementDe<'de> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        if self.el.is_empty() {
            visitor.visit_unit()
        } else if !self.el.has_children() {
            // Self-describing reads (decimals, open enums, JSON values) get trimmed text.
            visit_text(trimmed(self.el.text()), visitor)
        } else {
            visitor.visit_map(ChildrenAccess::new(
                Set::children(self.el),
                self.skip,
                Mode::All,
            ))
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_bool(parse_bool(&self.el.text())?)
    }

    parse_number! {
        deserialize_i8 => visit_i8: i8,
        deserialize_i16 => visit_i16: i16,
        deserialize_i32 => visit_i32: i32,
        deserialize_i64 => visit_i64: i64,
        deserialize_i128 => visit_i128: i128,
        deserialize_u8 => visit_u8: u8,
        deserialize_u16 => visit_u16: u16,
        deserialize_u32 => visit_u32: u32,
        deserialize_u64 => visit_u64: u64,
        deserialize_u128 => visit_u128: u128,
        deserialize_f32 => visit_f32: f32,
        deserialize_f64 => visit_f64: f64,
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visit_text(self.el.text(), visitor)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.el.text() {
            Cow::Borrowed(text) => visitor.visit_borrowed_bytes(text.as_bytes()),
            Cow::Owned(text) => visitor.visit_byte_buf(text.into_bytes()),
        }
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_bytes(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        if self.el.is_empty() {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_unit()
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        visitor.visit_unit()
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_seq(ItemsAccess::new(Items::list(self.el)))
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_map(ChildrenAccess::new(
            Set::children(self.el),
            self.skip,
            Mode::All,
        ))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        if let Some(rule) = name.strip_prefix(FIND_PREFIX) {
            let mut found = Vec::new();
            let without = find(self.el, Rule::parse(rule), self.skip, &mut found);
            return visitor.visit_map(RecordsAccess {
                records: Some(found),
                extra: Some(ChildrenAccess::new(Set::list(without), &[], Mode::All)),
            });
        }
        let mode = match with_extra(fields) {
            Some(fields) => Mode::Known(fields),
            None => Mode::All,
        };
        visitor.visit_map(ChildrenAccess::new(Set::children(self.el), self.skip, mode))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        match trimmed(self.el.text()) {
            Cow::Borrowed(text) => visitor.visit_enum(text.into_deserializer()),
            Cow::Owned(text) => visitor.visit_enum(text.into_deserializer()),
        }
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_unit()
    }
}

/// A [`FIND_PREFIX`] struct: its records, then the children that hold none.
struct RecordsAccess<'de> {
    records: Option<Vec<Element<'de>>>,
    extra: Option<ChildrenAccess<'de>>,
}

impl<'de> MapAccess<'de> for RecordsAccess<'de> {
    type Error = DeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DeError> {
        let key = if self.records.is_some() {
            RECORDS_FIELD
        } else if self.extra.is_some() {
            EXTRA_FIELD
        } else {
            return Ok(None);
        };
        seed.deserialize(de::value::BorrowedStrDeserializer::new(key))
            .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, DeError> {
        if let Some(records) = self.records.take() {
            return seed.deserialize(SeqDe(Items::records(records)));
        }
        match self.extra.take() {
            Some(access) => seed.deserialize(MapDe(access)),
            None => Err(DeError("a value was asked for before its key".into())),
        }
    }
}

/// A list, whatever is asked for.
pub(crate) struct SeqDe<'de>(pub(crate) Items<'de>);

impl<'de> Deserializer<'de> for SeqDe<'de> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_seq(ItemsAccess::new(self.0))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

/// Elements as a map, whatever is asked for (the unknown children of a struct).
pub(crate) struct MapDe<'de>(pub(crate) ChildrenAccess<'de>);

impl<'de> Deserializer<'de> for MapDe<'de> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_map(self.0)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::Deserialize;

    use super::*;
    use crate::wire::tree::parse;

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(rename_all = "PascalCase")]
    struct Item {
        id: Option<i64>,
        name: Option<String>,
        flag: Option<bool>,
        #[serde(default)]
        ids: Vec<i64>,
        #[serde(rename = "$extra", default)]
        extra: BTreeMap<String, serde_json::Value>,
    }

    #[test]
    fn bare_and_wrapped_lists_nil_and_extras() {
        let doc = r#"<R><Id>7</Id><Name i:nil="true" xmlns:i="x"/><Flag>1</Flag>
            <Ids>1</Ids><Ids>2</Ids><New><A>x</A></New></R>"#;
        let item: Item = from_element(parse(doc).unwrap().root(), &[]).unwrap();
        assert_eq!(item.id, Some(7));
        assert_eq!(item.name, None);
        assert_eq!(item.flag, Some(true));
        assert_eq!(item.ids, vec![1, 2]);
        assert_eq!(item.extra["New"], serde_json::json!({"A": "x"}));

        let wrapped = r#"<R><Ids><int>3</int><int>4</int></Ids><Ids2/></R>"#;
        let item: Item = from_element(parse(wrapped).unwrap().root(), &[]).unwrap();
        assert_eq!(item.ids, vec![3, 4]);
        let single = r#"<R><Ids>5</Ids></R>"#;
        let item: Item = from_element(parse(single).unwrap().root(), &[]).unwrap();
        assert_eq!(item.ids, vec![5]);
        let empty = r#"<R><Ids/></R>"#;
        let item: Item = from_element(parse(empty).unwrap().root(), &[]).unwrap();
        assert!(item.ids.is_empty());
    }

    #[test]
    fn bad_numbers_are_errors_not_panics() {
        let err =
            from_element::<Item>(parse("<R><Id>seven</Id></R>").unwrap().root(), &[]).unwrap_err();
        assert!(err.0.contains("seven"), "{err}");
    }
}
