//! Readers for the lists of models a vendor answers with, sized to what they hold.
//!
//! serde's own `Vec` reader knows no length for a JSON array, so its first growth makes room
//! for four items. Vendor lists are mostly of one or two models of 250 to 350 bytes each
//! (an iQmetrix fee, address or rate plan), so that first block is over a kilobyte: past the
//! allocator's per-thread cache of small blocks (glibc's ends at 1,032 bytes), taken and
//! given back under an arena lock the runtime's worker threads contend for. Measured over
//! the iQmetrix spec activation (`valgrind --tool=dhat` on `cargo xtask bench --only
//! iqmetrix --rounds 1`): two such blocks a decode, the hand-rolled structs' none.
//!
//! [`collect`] makes room for one large item first, then two while two fit in a small block,
//! then four, and from there grows as `Vec` does; a list of small items, or one whose length
//! the format tells ahead, is read exactly as serde reads it.
//!
//! ```
//! #[derive(serde::Deserialize)]
//! struct Order {
//!     #[serde(default, deserialize_with = "telecom_core::lists::opt_list")]
//!     lines: Option<Vec<String>>,
//! }
//! let order: Order = serde_json::from_str(r#"{"lines": ["a", "b"]}"#).unwrap();
//! assert_eq!(order.lines.as_deref(), Some(&["a".to_owned(), "b".to_owned()][..]));
//! let order: Order = serde_json::from_str(r#"{"lines": null}"#).unwrap();
//! assert_eq!(order.lines, None);
//! ```

use std::fmt;
use std::marker::PhantomData;
use std::mem::size_of;

use serde::de::{Deserialize, Deserializer, SeqAccess, Visitor};

/// The largest block glibc's per-thread cache serves, rounded down: four items bigger than a
/// quarter of it are the case [`collect`] grows gently.
const SMALL_BLOCK: usize = 1024;

/// At most this many bytes are reserved up front for a length the input claims (as serde
/// does), so a forged length cannot make a huge allocation.
const MAX_PREALLOCATED: usize = 1024 * 1024;

/// Reads the rest of `seq` into a `Vec`.
pub fn collect<'de, A: SeqAccess<'de>, T: Deserialize<'de>>(
    mut seq: A,
) -> Result<Vec<T>, A::Error> {
    let claimed = seq.size_hint().unwrap_or(0);
    let mut items = Vec::with_capacity(claimed.min(MAX_PREALLOCATED / size_of::<T>().max(1)));
    while let Some(item) = seq.next_element()? {
        push(&mut items, item);
    }
    Ok(items)
}

fn push<T>(items: &mut Vec<T>, item: T) {
    let len = items.len();
    if len == items.capacity() && len < 4 && size_of::<T>() * 4 > SMALL_BLOCK {
        // One item first, then two while two fit in a small block, then Vec's four: a list
        // of one or two large items stays in small blocks, a longer one costs one or two
        // small blocks more than Vec's way.
        let doubled = (2 * len).max(1);
        let next = if len == 0 || doubled * size_of::<T>() <= SMALL_BLOCK {
            doubled
        } else {
            4
        };
        items.reserve_exact(next - len);
    }
    items.push(item);
}

/// A `deserialize_with` reader for a `Vec<T>` field: a list, read by [`collect`].
pub fn list<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Vec<T>, D::Error> {
    d.deserialize_seq(List(PhantomData))
}

/// A `deserialize_with` reader for an `Option<Vec<T>>` field: `null` as `None`, a list as
/// [`list`] reads it. Give the field `#[serde(default)]` (or its struct), so that a missing
/// field is `None` too.
pub fn opt_list<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Option<Vec<T>>, D::Error> {
    d.deserialize_option(OptList(PhantomData))
}

struct List<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for List<T> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // serde's own `Vec` reader says the same, so errors read as they did.
        f.write_str("a sequence")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Vec<T>, A::Error> {
        collect(seq)
    }
}

struct OptList<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for OptList<T> {
    type Value = Option<Vec<T>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("option")
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        list(d).map(Some)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, serde::Deserialize)]
    struct Large {
        text: String,
        #[serde(default)]
        padding: Option<[u64; 32]>,
    }

    #[derive(Debug, serde::Deserialize)]
    struct Holder {
        #[serde(default, deserialize_with = "opt_list")]
        large: Option<Vec<Large>>,
        #[serde(default, deserialize_with = "list")]
        small: Vec<u8>,
    }

    fn array(n: usize) -> String {
        let items: Vec<String> = (0..n).map(|i| format!(r#"{{"text": "{i}"}}"#)).collect();
        format!("[{}]", items.join(","))
    }

    fn large(n: usize) -> String {
        format!(r#"{{"large": {}}}"#, array(n))
    }

    #[test]
    fn a_short_list_of_large_items_starts_with_one() {
        // Two of these fit in a small block, so the list grows one, two, four, then as Vec.
        assert!(size_of::<Large>() * 4 > SMALL_BLOCK && size_of::<Large>() * 2 <= SMALL_BLOCK);
        for (n, capacity) in [(1, 1), (2, 2), (3, 4), (4, 4), (5, 8), (9, 16)] {
            let holder: Holder = serde_json::from_str(&large(n)).unwrap();
            let items = holder.large.unwrap();
            assert_eq!(items.len(), n);
            assert_eq!(items.capacity(), capacity, "{n} items");
            assert!(
                items
                    .iter()
                    .enumerate()
                    .all(|(i, x)| x.text == i.to_string())
            );
        }
    }

    #[test]
    fn a_list_of_items_too_large_to_pair_goes_from_one_to_four() {
        #[derive(serde::Deserialize)]
        struct Huge {
            #[allow(dead_code)]
            text: String,
            #[serde(default)]
            #[allow(dead_code)]
            padding: Option<([u64; 32], [u64; 32])>,
        }
        assert!(size_of::<Huge>() * 2 > SMALL_BLOCK);
        for (n, capacity) in [(1, 1), (2, 4), (4, 4), (5, 8)] {
            let items: Vec<Huge> =
                list(&mut serde_json::Deserializer::from_str(&array(n))).unwrap();
            assert_eq!((items.len(), items.capacity()), (n, capacity));
        }
    }

    #[test]
    fn a_small_item_list_grows_as_vec_does() {
        for body in ["[1]", "[1, 2, 3, 4, 5]"] {
            let ours: Vec<u8> = list(&mut serde_json::Deserializer::from_str(body)).unwrap();
            let serde: Vec<u8> = serde_json::from_str(body).unwrap();
            assert_eq!((&ours, ours.capacity()), (&serde, serde.capacity()));
        }
    }

    #[test]
    fn null_missing_and_empty_read_as_serde_reads_them() {
        let holder: Holder = serde_json::from_str(r#"{"large": null}"#).unwrap();
        assert_eq!(holder.large, None);
        let holder: Holder = serde_json::from_str("{}").unwrap();
        assert_eq!((holder.large, holder.small), (None, Vec::new()));
        let holder: Holder = serde_json::from_str(r#"{"large": [], "small": [1, 2]}"#).unwrap();
        assert_eq!((holder.large, holder.small), (Some(Vec::new()), vec![1, 2]));
    }

    #[test]
    fn a_value_that_is_not_a_list_is_the_error_serde_gives() {
        #[derive(Debug, serde::Deserialize)]
        struct Plain {
            #[allow(dead_code)]
            large: Option<Vec<Large>>,
        }
        for body in [r#"{"large": {"text": "a"}}"#, r#"{"large": "a"}"#] {
            let ours = serde_json::from_str::<Holder>(body)
                .unwrap_err()
                .to_string();
            let serde = serde_json::from_str::<Plain>(body).unwrap_err().to_string();
            assert_eq!(ours, serde);
        }
    }
}
