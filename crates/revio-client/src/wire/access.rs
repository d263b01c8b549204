//! How the deserializer walks elements: a struct's children as map entries (one per
//! distinct name, repeated elements grouped), and lists, read in one pass over the flat
//! tree with nothing allocated per element.

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::de::{DeError, EXTRA_FIELD, ElementDe, MapDe};
use super::tree::{Children, Element};

/// Sibling elements: an element's children, or a list picked out of them.
#[derive(Clone)]
pub(crate) enum Set<'de> {
    Children(Children<'de>),
    List(std::vec::IntoIter<Element<'de>>),
}

impl<'de> Set<'de> {
    pub(crate) fn children(el: Element<'de>) -> Self {
        Set::Children(el.children())
    }

    pub(crate) fn list(items: Vec<Element<'de>>) -> Self {
        Set::List(items.into_iter())
    }

    fn empty() -> Self {
        Set::List(Vec::new().into_iter())
    }

    fn len(&self) -> Option<usize> {
        match self {
            Set::Children(_) => None,
            Set::List(items) => Some(items.len()),
        }
    }
}

impl<'de> Iterator for Set<'de> {
    type Item = Element<'de>;

    fn next(&mut self) -> Option<Element<'de>> {
        match self {
            Set::Children(children) => children.next(),
            Set::List(items) => items.next(),
        }
    }
}

/// The two elements have the same name.
fn same_name(a: Element<'_>, b: Element<'_>) -> bool {
    a.name_hash() == b.name_hash() && a.name() == b.name()
}

/// Which children become entries.
#[derive(Clone, Copy)]
pub(crate) enum Mode {
    /// Every child, under its own name.
    All,
    /// A struct with an [`EXTRA_FIELD`]: the children its fields name (exactly, else
    /// ignoring ASCII case: element names vary in case between operations, `BIllProfileID`),
    /// under the field's name, then the others under [`EXTRA_FIELD`].
    Known(&'static [&'static str]),
    /// The children none of these fields name, under their own names.
    Unknown(&'static [&'static str]),
}

/// The field of `fields` that names the element `name`; `cursor` is where the last match
/// was, since elements mostly come in the order of the fields.
fn field(fields: &'static [&'static str], cursor: &mut usize, name: &str) -> Option<&'static str> {
    let at = (*cursor).min(fields.len());
    // Most often the very next field; then a later one, then an earlier one.
    let exact = match fields.get(at) {
        Some(f) if *f == name => Some(at),
        _ => {
            let (before, after) = fields.split_at(at);
            after
                .iter()
                .position(|f| *f == name)
                .map(|i| i + at)
                .or_else(|| before.iter().position(|f| *f == name))
        }
    };
    let found = match exact {
        Some(i) => {
            *cursor = i + 1;
            fields.get(i).copied()
        }
        None => fields
            .iter()
            .find(|f| f.eq_ignore_ascii_case(name))
            .copied(),
    };
    found.filter(|f| *f != EXTRA_FIELD)
}

/// A struct's (or map's) children as map entries, one per distinct name.
pub(crate) struct ChildrenAccess<'de> {
    /// The children not yet looked at.
    rest: Set<'de>,
    /// All of them, to look back at.
    all: Set<'de>,
    skip: &'static [&'static str],
    mode: Mode,
    cursor: usize,
    /// A child no field names was passed over.
    unknown: bool,
    extra_sent: bool,
    pending: Option<Pending<'de>>,
}

enum Pending<'de> {
    Group(GroupDe<'de>),
    /// The children none of these fields name.
    Extra(&'static [&'static str]),
}

impl<'de> ChildrenAccess<'de> {
    pub(crate) fn new(set: Set<'de>, skip: &'static [&'static str], mode: Mode) -> Self {
        ChildrenAccess {
            all: set.clone(),
            rest: set,
            skip,
            mode,
            cursor: 0,
            unknown: false,
            extra_sent: false,
            pending: None,
        }
    }

    /// True when a child before `el` has its name (its group was an entry already).
    #[inline]
    fn seen_before(&self, el: Element<'de>) -> bool {
        match &self.all {
            // The parse marked it.
            Set::Children(_) => el.repeats(),
            // Some siblings are left out of a list: look.
            Set::List(_) => self
                .all
                .clone()
                .take_while(|c| c.id() != el.id())
                .any(|c| same_name(c, el)),
        }
    }

    /// True when a child after `el` has its name.
    #[inline]
    fn seen_after(&self, el: Element<'de>) -> bool {
        match &self.rest {
            Set::Children(_) => el.repeated(),
            Set::List(_) => self.rest.clone().any(|c| same_name(c, el)),
        }
    }

    /// The key `el` is an entry under, if it is one.
    fn key(&mut self, el: Element<'de>) -> Option<&'de str> {
        let name = el.name();
        match self.mode {
            Mode::All => Some(name),
            Mode::Known(fields) => {
                let found = field(fields, &mut self.cursor, name);
                self.unknown |= found.is_none();
                found
            }
            Mode::Unknown(fields) => field(fields, &mut self.cursor, name)
                .is_none()
                .then_some(name),
        }
    }
}

impl<'de> MapAccess<'de> for ChildrenAccess<'de> {
    type Error = DeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DeError> {
        while let Some(el) = self.rest.next() {
            if !self.skip.is_empty() && self.skip.contains(&el.name()) {
                continue;
            }
            if self.seen_before(el) {
                continue;
            }
            let Some(key) = self.key(el) else {
                continue;
            };
            self.pending = Some(Pending::Group(GroupDe {
                first: el,
                rest: self.rest.clone(),
                several: self.seen_after(el),
            }));
            return seed
                .deserialize(de::value::BorrowedStrDeserializer::new(key))
                .map(Some);
        }
        match self.mode {
            Mode::Known(fields) if !self.extra_sent => {
                self.extra_sent = true;
                self.pending = Some(Pending::Extra(fields));
                seed.deserialize(de::value::BorrowedStrDeserializer::new(EXTRA_FIELD))
                    .map(Some)
            }
            _ => Ok(None),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, DeError> {
        match self.pending.take() {
            Some(Pending::Group(group)) => seed.deserialize(group),
            Some(Pending::Extra(fields)) => {
                let set = if self.unknown {
                    self.all.clone()
                } else {
                    Set::empty()
                };
                let extra = ChildrenAccess::new(set, self.skip, Mode::Unknown(fields));
                seed.deserialize(MapDe(extra))
            }
            None => Err(DeError("a value was asked for before its key".into())),
        }
    }
}

/// List items.
pub(crate) struct Items<'de> {
    first: Option<Element<'de>>,
    rest: Set<'de>,
    /// Only the elements of `rest` with the name of this one.
    name: Option<Element<'de>>,
}

impl<'de> Items<'de> {
    /// The items of one element read as a list: a wrapper's children when every child has
    /// the same name, else the element itself (a single bare item), or nothing when it is
    /// empty.
    pub(crate) fn list(el: Element<'de>) -> Self {
        let mut items = Items {
            first: None,
            rest: Set::empty(),
            name: None,
        };
        if el.is_empty() {
            return items;
        }
        let mut children = el.children();
        match children.next() {
            Some(first) if children.all(|c| same_name(c, first)) => {
                items.rest = Set::children(el);
            }
            _ => items.first = Some(el),
        }
        items
    }

    pub(crate) fn records(records: Vec<Element<'de>>) -> Self {
        Items {
            first: None,
            rest: Set::list(records),
            name: None,
        }
    }
}

impl<'de> Iterator for Items<'de> {
    type Item = Element<'de>;

    fn next(&mut self) -> Option<Element<'de>> {
        if let Some(first) = self.first.take() {
            return Some(first);
        }
        match self.name {
            None => self.rest.next(),
            Some(named) => self.rest.find(|c| same_name(*c, named)),
        }
    }
}

pub(crate) struct ItemsAccess<'de> {
    items: Items<'de>,
}

impl<'de> ItemsAccess<'de> {
    pub(crate) fn new(items: Items<'de>) -> Self {
        ItemsAccess { items }
    }
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
        match (self.items.name, self.items.rest.len()) {
            (None, Some(len)) => Some(len + usize::from(self.items.first.is_some())),
            _ => None,
        }
    }
}

/// The children of a struct that share one name: a list when read as one, else the first.
pub(crate) struct GroupDe<'de> {
    first: Element<'de>,
    /// The siblings after `first`, where the others are.
    rest: Set<'de>,
    /// A later sibling has the name.
    several: bool,
}

impl<'de> GroupDe<'de> {
    fn one(&self) -> ElementDe<'de> {
        ElementDe {
            el: self.first,
            skip: &[],
        }
    }

    fn several(&self) -> bool {
        self.several
    }
}

macro_rules! forward_to_first {
    ($($method:ident),* $(,)?) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
                self.one().$method(visitor)
            }
        )*
    };
}

impl<'de> Deserializer<'de> for GroupDe<'de> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        if self.several() {
            self.deserialize_seq(visitor)
        } else {
            self.one().deserialize_any(visitor)
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
        if self.first.is_empty() && !self.several() {
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
        self.one().deserialize_unit_struct(name, visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let items = if self.several() {
            Items {
                first: Some(self.first),
                rest: self.rest,
                name: Some(self.first),
            }
        } else {
            Items::list(self.first)
        };
        visitor.visit_seq(ItemsAccess::new(items))
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
        self.one().deserialize_struct(name, fields, visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.one().deserialize_enum(name, variants, visitor)
    }
}
