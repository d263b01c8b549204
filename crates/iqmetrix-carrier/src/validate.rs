//! Request checks made before anything is sent; each error names the field as the vendor
//! spells it, with its path (`CarrierActivationDetails.Subscriber.SSN`).

use crate::error::{Error, Result};

/// Joins a parent path and a field name.
pub(crate) fn at(parent: &str, field: &str) -> String {
    if parent.is_empty() {
        field.to_owned()
    } else {
        format!("{parent}.{field}")
    }
}

/// `String(max)` of the spec: at most `max` characters.
pub(crate) fn max_len(parent: &str, field: &str, value: Option<&str>, max: usize) -> Result<()> {
    match value {
        Some(text) if text.chars().count() > max => Err(Error::invalid(
            at(parent, field),
            format!(
                "at most {max} characters allowed, got {}",
                text.chars().count()
            ),
        )),
        _ => Ok(()),
    }
}

/// An id the spec requires, present and at least 1.
pub(crate) fn required_id(parent: &str, field: &str, value: Option<i64>) -> Result<i64> {
    match value {
        None => Err(Error::invalid(at(parent, field), "is required")),
        Some(id) => positive_id(&at(parent, field), id),
    }
}

/// A path id: at least 1 (iQmetrix answers "must be greater than or equal to 1").
pub(crate) fn positive_id(field: &str, id: i64) -> Result<i64> {
    if id < 1 {
        Err(Error::invalid(
            field,
            format!("must be 1 or more, got {id}"),
        ))
    } else {
        Ok(id)
    }
}

/// Each element of a list, with its index in the path.
pub(crate) fn each<T>(
    parent: &str,
    field: &str,
    items: Option<&[T]>,
    check: impl Fn(&T, &str) -> Result<()>,
) -> Result<()> {
    for (i, item) in items.unwrap_or_default().iter().enumerate() {
        check(item, &format!("{}[{i}]", at(parent, field)))?;
    }
    Ok(())
}
