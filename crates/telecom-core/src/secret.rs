//! Redacted secrets: passwords, tokens, session keys, SSNs, card numbers.

use std::fmt;

use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Deserializer, Serializer};

/// What every secret prints as in `Debug`.
pub const REDACTED: &str = "[REDACTED]";

/// A secret string. `Debug` prints [`REDACTED`], there is no `Display`, and reading the value
/// takes an explicit [`Secret::expose`]. The memory is zeroed on drop (via `secrecy`).
#[derive(Clone)]
pub struct Secret(SecretString);

impl Secret {
    /// Wraps a value.
    pub fn new(value: impl Into<String>) -> Self {
        Secret(SecretString::from(value.into()))
    }

    /// The value itself. Call this only where the value goes on the wire.
    pub fn expose(&self) -> &str {
        self.0.expose_secret()
    }

    /// True when the secret is the empty string.
    pub fn is_empty(&self) -> bool {
        self.expose().is_empty()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

impl PartialEq for Secret {
    fn eq(&self, other: &Self) -> bool {
        self.expose() == other.expose()
    }
}

impl Eq for Secret {}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Secret::new(value)
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Secret::new(value)
    }
}

impl<'de> Deserialize<'de> for Secret {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Secret::new)
    }
}

/// For `#[serde(serialize_with = "telecom_core::secret::serialize_exposed")]` on request
/// fields that must carry the secret to the vendor. `Secret` has no `Serialize` of its own so
/// that no secret is written by accident.
pub fn serialize_exposed<S: Serializer>(secret: &Secret, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(secret.expose())
}

/// As [`serialize_exposed`], for optional secrets.
pub fn serialize_exposed_option<S: Serializer>(
    secret: &Option<Secret>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match secret {
        Some(secret) => serializer.serialize_some(secret.expose()),
        None => serializer.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_is_masked_and_value_is_explicit() {
        let s = Secret::new("hunter2");
        assert_eq!(format!("{s:?}"), REDACTED);
        assert_eq!(
            format!("{:?}", Some(s.clone())),
            format!("Some({REDACTED})")
        );
        assert_eq!(s.expose(), "hunter2");
    }

    #[test]
    fn serializes_only_through_the_explicit_helper() {
        #[derive(serde::Serialize)]
        struct Login {
            #[serde(serialize_with = "serialize_exposed")]
            password: Secret,
        }
        let json = serde_json::to_string(&Login {
            password: "pw".into(),
        })
        .unwrap();
        assert_eq!(json, r#"{"password":"pw"}"#);
    }
}
