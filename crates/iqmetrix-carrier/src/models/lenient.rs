//! Readers for the loose shapes in iQmetrix's own examples.

use serde::{Deserialize, Deserializer, Serializer};
use serde_json::Value;
use time::Date;

/// Reads a boolean sent as `true`, `"true"`, `"True"`, `1`, and treats `""` and `null` as
/// not given (the spec's waived-deposit example sends `"IsIndividual": ""`).
pub(crate) fn bool_opt<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<bool>, D::Error> {
    let value = Option::<Value>::deserialize(deserializer)?;
    Ok(match value {
        Some(Value::Bool(b)) => Some(b),
        Some(Value::String(s)) => match s.trim().to_ascii_lowercase().as_str() {
            "true" | "1" | "yes" => Some(true),
            "false" | "0" | "no" => Some(false),
            "" => None,
            _ => return Err(serde::de::Error::custom(format!("not a boolean: {s:?}"))),
        },
        Some(Value::Number(n)) => Some(n.as_i64() != Some(0)),
        Some(Value::Null) | None => None,
        Some(other) => return Err(serde::de::Error::custom(format!("not a boolean: {other}"))),
    })
}

/// Reads a birth date as `M/D/YYYY` (the documented form, `5/16/1980`) or as an ISO date or
/// date-time (the field is declared `DateTime`); `""` is not given. Writes `M/D/YYYY`.
pub(crate) fn birth_date_opt<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Date>, D::Error> {
    let text = Option::<String>::deserialize(deserializer)?;
    let Some(text) = text else { return Ok(None) };
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    if let Ok(date) = telecom_core::dates::parse_us_date(text) {
        return Ok(Some(date));
    }
    if let Ok(date) = telecom_core::dates::parse_iso_date(text) {
        return Ok(Some(date));
    }
    telecom_core::dates::parse_datetime(text)
        .map(|(local, _)| Some(local.date()))
        .map_err(serde::de::Error::custom)
}

/// Writes a birth date as `M/D/YYYY`, the spec's own form.
pub(crate) fn write_birth_date<S: Serializer>(
    value: &Option<Date>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match value {
        Some(d) => serializer.collect_str(&format_args!(
            "{}/{}/{:04}",
            u8::from(d.month()),
            d.day(),
            d.year()
        )),
        None => serializer.serialize_none(),
    }
}

/// Reads a secret sent as a string or a number (an SSN's last four digits may come as
/// `6789`), so a parse error can never quote it; `""` is not given.
pub(crate) fn secret_opt<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<telecom_core::Secret>, D::Error> {
    let text = Option::<telecom_core::lenient::StringOrNumber>::deserialize(deserializer)
        .map_err(|_| serde::de::Error::custom("a secret field is neither a string nor a number"))?;
    Ok(text
        .filter(|t| !t.0.is_empty())
        .map(|t| telecom_core::Secret::new(t.0)))
}
