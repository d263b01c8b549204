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

use serde::de::{
    self, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, SeqAccess, Visitor,
};

use super::tree::Element;

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
    element: &'a Element<'a>,
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

/// Pushes the descendants of `el` matching `rule` (not looking inside a match, nor inside
/// the children named in `skip`) onto `found`, and returns the children of `el` that hold
/// none, those of `skip` left out.
fn find<'a>(
    el: &'a Element<'a>,
    rule: &str,
    skip: &[&str],
    found: &mut Vec<&'a Element<'a>>,
) -> Vec<&'a Element<'a>> {
    let mut without = Vec::new();
    for child in el
        .children
        .iter()
        .filter(|c| !skip.contains(&c.name.as_ref()))
    {
        let hit = match rule.split_once(':') {
            Some(("child", name)) => child.child(name).is_some(),
            Some(("named", name)) => child.name == name,
            _ => false,
        };
        if hit {
            found.push(child);
            continue;
        }
        let before = found.len();
        find(child, rule, &[], found);
        if found.len() == before {
            without.push(child);
        }
    }
    without
}

/// Groups elements by local name, in order of first appearance.
fn groups<'a>(
    children: impl IntoIterator<Item = &'a Element<'a>>,
    skip: &[&str],
) -> Vec<(&'a str, Vec<&'a Element<'a>>)> {
    let mut out: Vec<(&'a str, Vec<&'a Element<'a>>)> = Vec::new();
    for child in children {
        if skip.contains(&child.name.as_ref()) {
            continue;
        }
        match out.iter_mut().find(|(name, _)| *name == child.name) {
            Some((_, members)) => members.push(child),
            None => out.push((child.name.as_ref(), vec![child])),
        }
    }
    out
}

/// The items of one element read as a list: a wrapper's children when every child has the
/// same name, else the element itself (a single bare item), or nothing when it is empty.
fn list_items<'a>(el: &'a Element<'a>) -> Vec<&'a Element<'a>> {
    if el.is_empty() {
        return Vec::new();
    }
    match el.children.first() {
        None => vec![el],
        Some(first) if el.children.iter().all(|c| c.name == first.name) => {
            el.children.iter().collect()
        }
        Some(_) => vec![el],
    }
}

fn parse_bool(text: &str) -> Result<bool, DeError> {
    match text.trim() {
        t if t.eq_ignore_ascii_case("true") || t == "1" => Ok(true),
        t if t.eq_ignore_ascii_case("false") || t == "0" => Ok(false),
        other => Err(DeError(format!("expected a boolean, found {other:?}"))),
    }
}

macro_rules! parse_number {
    ($($method:ident => $visit:ident : $ty:ty),* $(,)?) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
                let text = self.el.text.trim();
                let value: $ty = text.parse().map_err(|_| {
                    DeError(format!("<{}>: expected {}, found {:?}", self.el.name, stringify!($ty), text))
                })?;
                visitor.$visit(value)
            }
        )*
    };
}

/// One element.
#[derive(Clone, Copy)]
struct ElementDe<'de> {
    el: &'de Element<'de>,
    skip: &'static [&'static str],
}

impl<'de> Deserializer<'de> for ElementDe<'de> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        if self.el.is_empty() {
            visitor.visit_unit()
        } else if self.el.children.is_empty() {
            // Self-describing reads (decimals, open enums, JSON values) get trimmed text.
            visitor.visit_borrowed_str(self.el.text.trim())
        } else {
            visitor.visit_map(ChildrenAccess::new(self.el, self.skip, None))
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_bool(parse_bool(&self.el.text)?)
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
        visitor.visit_borrowed_str(&self.el.text)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_borrowed_bytes(self.el.text.as_bytes())
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
        visitor.visit_seq(ItemsAccess {
            items: list_items(self.el).into_iter(),
        })
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
        visitor.visit_map(ChildrenAccess::new(self.el, self.skip, None))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        if let Some(rule) = name.strip_prefix(FIND_PREFIX) {
            let mut found = Vec::new();
            let without = find(self.el, rule, self.skip, &mut found);
            let extra = groups(without, &[]);
            return visitor.visit_map(RecordsAccess {
                records: Some(found),
                extra: Some(extra),
            });
        }
        let known = fields.contains(&EXTRA_FIELD).then_some(fields);
        visitor.visit_map(ChildrenAccess::new(self.el, self.skip, known))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        visitor.visit_enum(self.el.text.trim().into_deserializer())
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_unit()
    }
}

/// The children of a struct that share one name: a list when read as one, else the first.
struct GroupDe<'de> {
    members: Vec<&'de Element<'de>>,
}

impl<'de> GroupDe<'de> {
    fn first(&self) -> ElementDe<'de> {
        static EMPTY: Element<'static> = Element {
            name: std::borrow::Cow::Borrowed(""),
            nil: true,
            text: std::borrow::Cow::Borrowed(""),
            children: Vec::new(),
            span: 0..0,
            inner: 0..0,
        };
        ElementDe {
            el: self.members.first().copied().unwrap_or(&EMPTY),
            skip: &[],
        }
    }
}

macro_rules! forward_to_first {
    ($($method:ident),* $(,)?) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
                self.first().$method(visitor)
            }
        )*
    };
}

impl<'de> Deserializer<'de> for GroupDe<'de> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        if self.members.len() > 1 {
            self.deserialize_seq(visitor)
        } else {
            self.first().deserialize_any(visitor)
        }
    }

    forward_to_first!(
        deserialize_bool,
        deserialize_i8,
        deserialize_i16,
        deserialize_i32,
        deserialize_i64,
        deserialize_i128,
        deserialize_u8,
        deserialize_u16,
        deserialize_u32,
        deserialize_u64,
        deserialize_u128,
        deserialize_f32,
        deserialize_f64,
        deserialize_char,
        deserialize_str,
        deserialize_string,
        deserialize_bytes,
        deserialize_byte_buf,
        deserialize_unit,
        deserialize_map,
        deserialize_identifier,
        deserialize_ignored_any,
    );

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        if self.members.len() <= 1 && self.first().el.is_empty() {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.first().deserialize_unit_struct(name, visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let items = match self.members.as_slice() {
            [single] => list_items(single),
            many => many.to_vec(),
        };
        visitor.visit_seq(ItemsAccess {
            items: items.into_iter(),
        })
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

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.first().deserialize_struct(name, fields, visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.first().deserialize_enum(name, variants, visitor)
    }
}

/// The unknown children of a struct, read as a map for its [`EXTRA_FIELD`].
struct ExtraDe<'de> {
    groups: Vec<(&'de str, Vec<&'de Element<'de>>)>,
}

impl<'de> Deserializer<'de> for ExtraDe<'de> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_map(ChildrenAccess {
            groups: self.groups.into_iter(),
            extra: None,
            pending: None,
        })
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

enum Pending<'de> {
    Group(Vec<&'de Element<'de>>),
    Extra(Vec<(&'de str, Vec<&'de Element<'de>>)>),
}

/// A struct's (or map's) children as map entries, one per distinct name.
struct ChildrenAccess<'de> {
    groups: std::vec::IntoIter<(&'de str, Vec<&'de Element<'de>>)>,
    extra: Option<Vec<(&'de str, Vec<&'de Element<'de>>)>>,
    pending: Option<Pending<'de>>,
}

impl<'de> ChildrenAccess<'de> {
    /// With `known` set, children it does not name are gathered under [`EXTRA_FIELD`].
    fn new(el: &'de Element<'de>, skip: &[&str], known: Option<&'static [&'static str]>) -> Self {
        let all = groups(&el.children, skip);
        match known {
            None => ChildrenAccess {
                groups: all.into_iter(),
                extra: None,
                pending: None,
            },
            Some(fields) => {
                // Element names vary in case between operations (`BIllProfileID`): a child
                // not named exactly takes the field it matches ignoring ASCII case.
                let all = all.into_iter().map(|(name, members)| {
                    if fields.contains(&name) {
                        (name, members)
                    } else {
                        match fields.iter().find(|f| f.eq_ignore_ascii_case(name)) {
                            Some(field) => (*field, members),
                            None => (name, members),
                        }
                    }
                });
                let (named, unknown): (Vec<_>, Vec<_>) =
                    all.partition(|(name, _)| fields.contains(name) && *name != EXTRA_FIELD);
                ChildrenAccess {
                    groups: named.into_iter(),
                    extra: Some(unknown),
                    pending: None,
                }
            }
        }
    }
}

impl<'de> MapAccess<'de> for ChildrenAccess<'de> {
    type Error = DeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DeError> {
        if let Some((name, members)) = self.groups.next() {
            self.pending = Some(Pending::Group(members));
            return seed
                .deserialize(de::value::BorrowedStrDeserializer::new(name))
                .map(Some);
        }
        if let Some(extra) = self.extra.take() {
            self.pending = Some(Pending::Extra(extra));
            return seed
                .deserialize(de::value::BorrowedStrDeserializer::new(EXTRA_FIELD))
                .map(Some);
        }
        Ok(None)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, DeError> {
        match self.pending.take() {
            Some(Pending::Group(members)) => seed.deserialize(GroupDe { members }),
            Some(Pending::Extra(groups)) => seed.deserialize(ExtraDe { groups }),
            None => Err(DeError("a value was asked for before its key".into())),
        }
    }
}

/// A [`FIND_PREFIX`] struct: its records, then the children that hold none.
struct RecordsAccess<'de> {
    records: Option<Vec<&'de Element<'de>>>,
    extra: Option<Vec<(&'de str, Vec<&'de Element<'de>>)>>,
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
            return seed.deserialize(RecordsDe { records });
        }
        match self.extra.take() {
            Some(groups) => seed.deserialize(ExtraDe { groups }),
            None => Err(DeError("a value was asked for before its key".into())),
        }
    }
}

/// The records of a [`FIND_PREFIX`] struct, read as a list.
struct RecordsDe<'de> {
    records: Vec<&'de Element<'de>>,
}

impl<'de> Deserializer<'de> for RecordsDe<'de> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_seq(ItemsAccess {
            items: self.records.into_iter(),
        })
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

/// List items.
struct ItemsAccess<'de> {
    items: std::vec::IntoIter<&'de Element<'de>>,
}

impl<'de> SeqAccess<'de> for ItemsAccess<'de> {
    type Error = DeError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, DeError> {
        match self.items.next() {
            Some(el) => seed.deserialize(ElementDe { el, skip: &[] }).map(Some),
            None => Ok(None),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
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
        let item: Item = from_element(&parse(doc).unwrap(), &[]).unwrap();
        assert_eq!(item.id, Some(7));
        assert_eq!(item.name, None);
        assert_eq!(item.flag, Some(true));
        assert_eq!(item.ids, vec![1, 2]);
        assert_eq!(item.extra["New"], serde_json::json!({"A": "x"}));

        let wrapped = r#"<R><Ids><int>3</int><int>4</int></Ids><Ids2/></R>"#;
        let item: Item = from_element(&parse(wrapped).unwrap(), &[]).unwrap();
        assert_eq!(item.ids, vec![3, 4]);
        let single = r#"<R><Ids>5</Ids></R>"#;
        let item: Item = from_element(&parse(single).unwrap(), &[]).unwrap();
        assert_eq!(item.ids, vec![5]);
        let empty = r#"<R><Ids/></R>"#;
        let item: Item = from_element(&parse(empty).unwrap(), &[]).unwrap();
        assert!(item.ids.is_empty());
    }

    #[test]
    fn bad_numbers_are_errors_not_panics() {
        let err = from_element::<Item>(&parse("<R><Id>seven</Id></R>").unwrap(), &[]).unwrap_err();
        assert!(err.0.contains("seven"), "{err}");
    }
}
