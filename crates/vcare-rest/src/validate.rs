//! Checks on request fields, run before anything is sent. Each names the wire field.

use crate::Error;

pub(crate) fn non_empty(field: &'static str, value: &str) -> Result<(), Error> {
    if value.trim().is_empty() {
        return Err(Error::invalid(field, "is required"));
    }
    Ok(())
}

pub(crate) fn digits(field: &'static str, value: &str, len: usize) -> Result<(), Error> {
    if value.len() != len || !value.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Error::invalid(
            field,
            format!("must be exactly {len} digits"),
        ));
    }
    Ok(())
}

pub(crate) fn numeric(field: &'static str, value: &str) -> Result<(), Error> {
    if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Error::invalid(field, "must be digits only"));
    }
    Ok(())
}

pub(crate) fn alphanumeric(field: &'static str, value: &str) -> Result<(), Error> {
    if value.is_empty() || !value.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(Error::invalid(field, "must be letters and digits only"));
    }
    Ok(())
}

pub(crate) fn zip(field: &'static str, value: &str) -> Result<(), Error> {
    digits(field, value, 5)
}

/// A ten-digit NANP number, the only form the vendor's examples show.
pub(crate) fn phone10(field: &'static str, value: &str) -> Result<(), Error> {
    digits(field, value, 10)
}

pub(crate) fn state(field: &'static str, value: &str) -> Result<(), Error> {
    if value.len() != 2 || !value.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(Error::invalid(
            field,
            "must be a two-letter upper-case state code",
        ));
    }
    Ok(())
}

/// A plain shape check: one `@`, something before it, a dot in the domain, no spaces.
pub(crate) fn email(field: &'static str, value: &str) -> Result<(), Error> {
    let ok = match value.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !value.chars().any(char::is_whitespace)
        }
        None => false,
    };
    if !ok {
        return Err(Error::invalid(field, "is not an email address"));
    }
    Ok(())
}

pub(crate) fn opt<T: ?Sized>(
    value: Option<&T>,
    check: impl FnOnce(&T) -> Result<(), Error>,
) -> Result<(), Error> {
    value.map_or(Ok(()), check)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert!(zip("zip_code", "30901").is_ok());
        assert!(zip("zip_code", "3090").is_err());
        assert!(zip("zip_code", "3090a").is_err());
        assert!(phone10("phone_number", "4567890765").is_ok());
        assert!(phone10("phone_number", "456789076").is_err());
        assert!(state("state", "GA").is_ok());
        assert!(state("state", "Ga").is_err());
        assert!(email("email", "teae123@gmail.com").is_ok());
        for bad in ["x", "a@b", "@b.com", "a@b.com.", "a b@c.com", "a@@b.com"] {
            assert!(email("email", bad).is_err(), "{bad}");
        }
        assert!(alphanumeric("enrollment_id", "WN1597").is_ok());
        assert!(alphanumeric("enrollment_id", "WN-1597").is_err());
    }
}
