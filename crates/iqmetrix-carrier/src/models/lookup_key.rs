//! [`LookupKey`]: the `{fieldId}={value}[,{fieldId}={value}...]` key of an activation.

use std::fmt::{self, Write as _};
use std::str::FromStr;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

use crate::error::Error;
use crate::models::ActivationLookupField;

/// Everything but the RFC 3986 unreserved characters is encoded inside a value, so a value
/// can never add a path segment, a key part (`(`, `)`) or a pair (`,`, `=`).
const VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// The key that identifies an activation: one or more `fieldId=value` pairs, the field ids
/// coming from [`Client::get_activation_lookup_fields`](crate::Client::get_activation_lookup_fields).
///
/// ```
/// use iqmetrix_carrier::LookupKey;
/// let key: LookupKey = "6=1115550123".parse().unwrap();
/// assert_eq!(key.to_string(), "6=1115550123");
/// let key = LookupKey::new(6, "111 555").unwrap().and(1, "35854205829867").unwrap();
/// assert_eq!(key.to_string(), "6=111 555,1=35854205829867");
/// assert_eq!(key.to_path_segment(), "6=111%20555,1=35854205829867");
/// assert!("6".parse::<LookupKey>().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LookupKey {
    pairs: Vec<(i64, String)>,
}

impl LookupKey {
    /// A key of one pair. The value must be non-empty and contain no `,` or `=`, which
    /// the key format cannot carry.
    pub fn new(field_id: i64, value: impl Into<String>) -> Result<LookupKey, Error> {
        let mut key = LookupKey { pairs: Vec::new() };
        key.push(field_id, value.into())?;
        Ok(key)
    }

    /// Adds a pair.
    pub fn and(mut self, field_id: i64, value: impl Into<String>) -> Result<LookupKey, Error> {
        self.push(field_id, value.into())?;
        Ok(self)
    }

    /// A key from lookup fields that carry a `Value`: fields without one, or with an empty
    /// one (the service's lookup-field list sends `"Value": ""`), are skipped.
    pub fn from_fields<'a>(
        fields: impl IntoIterator<Item = &'a ActivationLookupField>,
    ) -> Result<LookupKey, Error> {
        let mut key = LookupKey { pairs: Vec::new() };
        for field in fields {
            if let (Some(id), Some(value)) = (field.id, field.value.as_deref())
                && !value.trim().is_empty()
            {
                key.push(id, value.to_owned())?;
            }
        }
        if key.pairs.is_empty() {
            return Err(Error::invalid(
                "ActivationId",
                "no lookup field has both an Id and a Value",
            ));
        }
        Ok(key)
    }

    /// The `(fieldId, value)` pairs.
    pub fn pairs(&self) -> &[(i64, String)] {
        &self.pairs
    }

    /// The key as it goes inside `Activations(...)`: `=` and `,` literal, everything in a
    /// value other than unreserved characters percent-encoded.
    pub fn to_path_segment(&self) -> String {
        let mut out = String::new();
        self.write_path_segment(&mut out);
        out
    }

    /// [`LookupKey::to_path_segment`], written at the end of `out`: a request path is built
    /// in one string.
    pub(crate) fn write_path_segment(&self, out: &mut String) {
        for (i, (id, value)) in self.pairs.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            // Writing to a String cannot fail.
            let _ = write!(out, "{id}=");
            out.extend(utf8_percent_encode(value, VALUE));
        }
    }

    fn push(&mut self, field_id: i64, value: String) -> Result<(), Error> {
        if field_id < 0 {
            return Err(Error::invalid(
                "ActivationId",
                format!("field id {field_id} is negative"),
            ));
        }
        if value.is_empty() {
            return Err(Error::invalid(
                "ActivationId",
                format!("the value of field {field_id} is empty"),
            ));
        }
        if value.contains([',', '=']) {
            return Err(Error::invalid(
                "ActivationId",
                format!(
                    "the value of field {field_id} contains ',' or '=', which the key format cannot carry"
                ),
            ));
        }
        self.pairs.push((field_id, value));
        Ok(())
    }
}

impl fmt::Display for LookupKey {
    /// The plain form, as in the body's `Id`: `6=1115550123,1=35854205829867`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, (id, value)) in self.pairs.iter().enumerate() {
            if i > 0 {
                f.write_str(",")?;
            }
            write!(f, "{id}={value}")?;
        }
        Ok(())
    }
}

impl FromStr for LookupKey {
    type Err = Error;

    /// Parses `6=1115550123[,1=...]`.
    fn from_str(text: &str) -> Result<LookupKey, Error> {
        let mut key = LookupKey { pairs: Vec::new() };
        for pair in text.split(',') {
            let (id, value) = pair.split_once('=').ok_or_else(|| {
                Error::invalid("ActivationId", format!("{pair:?} is not fieldId=value"))
            })?;
            let id: i64 = id.trim().parse().map_err(|_| {
                Error::invalid("ActivationId", format!("field id {id:?} is not a number"))
            })?;
            key.push(id, value.to_owned())?;
        }
        Ok(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoding_keeps_separators_and_escapes_the_rest() {
        let key = LookupKey::new(6, "a/b(c)?#'é").unwrap();
        assert_eq!(key.to_path_segment(), "6=a%2Fb%28c%29%3F%23%27%C3%A9");
        assert!(LookupKey::new(1, "a,b").is_err());
        assert!(LookupKey::new(1, "").is_err());
        assert!("x=1".parse::<LookupKey>().is_err());
        assert!("".parse::<LookupKey>().is_err());
        let parsed: LookupKey = "6=1115550123,1=35854205829867".parse().unwrap();
        assert_eq!(parsed.pairs().len(), 2);
        assert_eq!(parsed.to_string(), "6=1115550123,1=35854205829867");
    }

    proptest::proptest! {
        #[test]
        fn parse_and_display_round_trip(pairs in proptest::collection::vec((0i64..100_000, "[^,=]{1,20}"), 1..4)) {
            let mut key = LookupKey::new(pairs[0].0, pairs[0].1.clone()).unwrap();
            for (id, value) in &pairs[1..] {
                key = key.and(*id, value.clone()).unwrap();
            }
            let parsed: LookupKey = key.to_string().parse().unwrap();
            proptest::prop_assert_eq!(&parsed, &key);
            // The path form never carries characters that would end the segment or the key.
            let segment = key.to_path_segment();
            proptest::prop_assert!(!segment.contains(['/', '?', '#', '(', ')', ' ']), "{}", segment);
        }
    }

    #[test]
    fn built_from_lookup_fields() {
        let fields: Vec<ActivationLookupField> =
            serde_json::from_str(r#"[{"Id":6,"Value":"2562788972"},{"Id":7},{"Id":8,"Value":""}]"#)
                .unwrap();
        assert_eq!(
            LookupKey::from_fields(&fields).unwrap().to_string(),
            "6=2562788972"
        );
        assert!(LookupKey::from_fields(&fields[1..]).is_err());
    }
}
