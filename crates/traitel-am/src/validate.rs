//! Input checks shared by the request types: a request is refused before anything is sent,
//! naming the parameter as the gateway spells it.

use telecom_core::PhoneNumber;

use crate::error::{Error, Result};

/// A value that must be present and not blank, trimmed.
pub(crate) fn required<'a>(field: &str, value: &'a str) -> Result<&'a str> {
    let v = value.trim();
    if v.is_empty() {
        return Err(Error::invalid(field, "is required"));
    }
    Ok(v)
}

/// An optional value that, when given, must not be blank.
pub(crate) fn optional<'a>(field: &str, value: Option<&'a String>) -> Result<Option<&'a str>> {
    value.map(|v| required(field, v)).transpose()
}

/// A server-controlled value the gateway would refuse when unknown (an open enum's wire
/// text, `unknown` when this version does not know it).
pub(crate) fn known<'a>(
    field: &str,
    wire: &'a str,
    unknown: bool,
    allowed: &[&str],
) -> Result<&'a str> {
    if unknown {
        return Err(Error::invalid(
            field,
            format!("{wire:?} is not one of {}", allowed.join(", ")),
        ));
    }
    Ok(wire)
}

/// The shape of an address only (`local@domain.tld`); TraiTel checks the rest (error 104).
pub(crate) fn email<'a>(field: &str, email: &'a str) -> Result<&'a str> {
    let e = email.trim();
    let ok = e.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty()
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains('@')
    }) && !e.contains(char::is_whitespace);
    if ok {
        Ok(e)
    } else {
        Err(Error::invalid(
            field,
            format!("{e:?} is not an email address"),
        ))
    }
}

/// A destination in international form, sent as its E.164 digits without `+`.
///
/// A ten-digit NANP number without its country code is refused: the gateway prices
/// numbers worldwide and would read it as some other country's number.
pub(crate) fn international(field: &str, text: &str) -> Result<String> {
    let n = PhoneNumber::parse(text).map_err(|e| Error::invalid(field, e.to_string()))?;
    let written = text.chars().filter(char::is_ascii_digit).count();
    match n.e164_digits() {
        Some(d) if d.len() == written => Ok(d.to_owned()),
        _ => Err(Error::invalid(
            field,
            format!("{text:?} lacks its country code; write it in international form"),
        )),
    }
}

/// An absolute `http`/`https` URL with a host: the gateway fetches it.
pub(crate) fn web_url<'a>(field: &str, text: &'a str) -> Result<&'a str> {
    let text = text.trim();
    let url = url::Url::parse(text)
        .map_err(|e| Error::invalid(field, format!("{text:?} is not a URL: {e}")))?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return Err(Error::invalid(
            field,
            format!("{text:?} is not an http(s) URL"),
        ));
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_name_the_wire_field() {
        assert_eq!(required("alias", "  shop ").ok(), Some("shop"));
        for (error, field) in [
            (required("alias", " ").err(), "alias"),
            (email("email", "no-at.example").err(), "email"),
            (email("email", "a@b").err(), "email"),
            (international("number", "2125550123").err(), "number"),
            (web_url("launchurl", "ftp://x.example").err(), "launchurl"),
            (known("type", "premium", true, &["replies"]).err(), "type"),
        ] {
            match error {
                Some(Error::InvalidInput { field: f, .. }) => assert_eq!(f, field),
                other => panic!("{field}: {other:?}"),
            }
        }
        assert_eq!(
            international("number", "+61 412 345 678").ok().as_deref(),
            Some("61412345678")
        );
        assert_eq!(optional("alias", None).ok(), Some(None));
        assert!(optional("alias", Some(&" ".to_owned())).is_err());
    }
}
