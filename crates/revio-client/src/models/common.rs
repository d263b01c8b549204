//! Types every operation shares: the response header and envelope, the `{Updated, Value}`
//! update wrapper, custom fields and addresses.

use std::collections::BTreeMap;
use std::ops::Deref;

use serde::{Deserialize, Serialize};
use telecom_core::Secret;

use crate::error::ErrorCode;

/// Elements the sheet could not show for a type, kept by name as read (text, object or list).
pub type Extra = BTreeMap<String, serde_json::Value>;

pub(crate) fn redacted<S: serde::Serializer, T>(
    value: &Option<T>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match value {
        Some(_) => serializer.serialize_str(telecom_core::secret::REDACTED),
        None => serializer.serialize_none(),
    }
}

pub(crate) fn is_empty_map(map: &Extra) -> bool {
    map.is_empty()
}

/// The `Header` of every response.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Header {
    /// Whether the request was processed.
    #[serde(rename = "Success")]
    pub success: Option<bool>,
    /// Extra detail, usually only on failures.
    #[serde(rename = "Message")]
    pub message: Option<String>,
    /// The standard error code.
    #[serde(rename = "Error_Code")]
    pub error_code: Option<ErrorCode>,
    /// The standard description of the error code.
    #[serde(rename = "Error_Description")]
    pub error_description: Option<String>,
    /// The session key, returned whenever authentication succeeded. Redacted when serialized.
    #[serde(rename = "SessionKey", serialize_with = "redacted")]
    pub session_key: Option<Secret>,
    /// True when the call acted through an `ImpersonationKey`.
    #[serde(rename = "Impersonated")]
    pub impersonated: Option<bool>,
    /// Elements this version does not model, by name, as read.
    #[serde(
        rename = "$extra",
        default,
        skip_serializing_if = "crate::models::common::is_empty_map"
    )]
    pub extra: Extra,
}

impl Header {
    /// True when the header reports a failure: `Success = false`, or no `Success` at all
    /// but an `Error_Code`.
    pub fn is_failure(&self) -> bool {
        match self.success {
            Some(success) => !success,
            None => self.error_code.is_some(),
        }
    }
}

/// A successful response: the operation's typed result plus the standard header.
///
/// Dereferences to the result, so `response.customer` works as `response.result.customer`.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct Response<T> {
    /// The standard `Header` (`Impersonated`, `SessionKey`, ...).
    pub header: Header,
    /// The operation's own fields.
    pub result: T,
    /// The raw XML echo of the request as the server understood it (`Debug`), present when
    /// the client was built with `debug(true)`; secrets redacted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub debug_echo: Option<String>,
    #[serde(skip)]
    raw: RawXml,
}

/// The result XML as received; `Debug` shows only its size, since it may hold secrets.
#[derive(Clone)]
pub(crate) enum RawXml {
    /// Text read lossily.
    Text(String),
    /// A slice of the answer's body, which is valid UTF-8: kept without a copy.
    Shared(bytes::Bytes),
}

impl RawXml {
    fn as_str(&self) -> &str {
        match self {
            RawXml::Text(text) => text,
            // Checked when it was received; checked again rather than trusted.
            RawXml::Shared(bytes) => std::str::from_utf8(bytes).unwrap_or_default(),
        }
    }

    fn len(&self) -> usize {
        match self {
            RawXml::Text(text) => text.len(),
            RawXml::Shared(bytes) => bytes.len(),
        }
    }
}

impl std::fmt::Debug for RawXml {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "RawXml({} bytes)", self.len())
    }
}

impl<T> Response<T> {
    pub(crate) fn new(header: Header, result: T, debug_echo: Option<String>, raw: RawXml) -> Self {
        Response {
            header,
            result,
            debug_echo,
            raw,
        }
    }

    /// The raw XML of the `<OpResult>` element as received, with the text of secret-bearing
    /// elements (passwords, keys, card and account numbers) masked: every field, including
    /// those the typed result does not model. The masking runs when you call this, so a
    /// response you never ask for costs no second pass over its body.
    pub fn raw_xml(&self) -> String {
        crate::wire::mask_secret_elements(self.raw.as_str())
    }

    /// True when the call acted through an impersonation key.
    pub fn impersonated(&self) -> bool {
        self.header.impersonated.unwrap_or(false)
    }

    /// The typed result alone.
    pub fn into_result(self) -> T {
        self.result
    }
}

impl<T> Deref for Response<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.result
    }
}

/// The `{Updated, Value}` wrapper of update operations: a field the caller sets is sent as
/// `<Field><Updated>true</Updated><Value>…</Value></Field>`; a field left `None` on the
/// request is not sent at all, so the server keeps its value.
///
/// In JSON (for example a fixture), either the bare value or `{"Updated": true, "Value": …}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Update<T> {
    #[serde(rename = "Updated")]
    updated: bool,
    #[serde(rename = "Value")]
    value: T,
}

impl<T> Update<T> {
    /// Sets the field to `value`.
    pub fn set(value: T) -> Self {
        Update {
            updated: true,
            value,
        }
    }

    /// The new value.
    pub fn value(&self) -> &T {
        &self.value
    }
}

impl<T> From<T> for Update<T> {
    fn from(value: T) -> Self {
        Update::set(value)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Update<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Form<T> {
            Wrapped {
                #[serde(rename = "Updated")]
                updated: Option<bool>,
                #[serde(rename = "Value")]
                value: T,
            },
            Bare(T),
        }
        match Form::deserialize(deserializer)? {
            Form::Wrapped {
                updated: Some(false),
                ..
            } => Err(serde::de::Error::custom(
                "Updated=false is not sent: leave the field out to keep the server's value",
            )),
            Form::Wrapped { value, .. } | Form::Bare(value) => Ok(Update::set(value)),
        }
    }
}

/// A custom field as read or created: `Field { FieldID, Label, Value }`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename = "Field")]
#[non_exhaustive]
pub struct CustomField {
    /// The Rev.io custom field id.
    #[serde(rename = "FieldID", skip_serializing_if = "Option::is_none")]
    pub field_id: Option<i64>,
    /// The field's label.
    #[serde(rename = "Label", skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The field's value.
    #[serde(rename = "Value", skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// Elements this version does not model, by name, as read; sent back after the known
    /// ones when the value goes into a request.
    #[serde(
        rename = "$extra",
        default,
        skip_serializing_if = "crate::models::common::is_empty_map"
    )]
    pub extra: Extra,
}

impl CustomField {
    /// A field by label.
    pub fn new(label: impl Into<String>, value: impl Into<String>) -> Self {
        CustomField {
            field_id: None,
            label: Some(label.into()),
            value: Some(value.into()),
            extra: Extra::new(),
        }
    }
}

/// A custom field change on an update: `Field { Label, Value { Updated, Value } }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename = "Field")]
#[non_exhaustive]
pub struct CustomFieldUpdate {
    /// The field's label.
    #[serde(rename = "Label")]
    pub label: String,
    /// The new value.
    #[serde(rename = "Value")]
    pub value: Update<String>,
}

impl CustomFieldUpdate {
    /// Sets the field with this label.
    pub fn set(label: impl Into<String>, value: impl Into<String>) -> Self {
        CustomFieldUpdate {
            label: label.into(),
            value: Update::set(value.into()),
        }
    }
}

/// A postal address as Rev.io shares it between objects.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename = "Address", rename_all = "PascalCase")]
#[non_exhaustive]
pub struct Address {
    /// The address id (prohibited on creates; read only).
    #[serde(rename = "ID", skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    /// First name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// Last name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    /// Company name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub company_name: Option<String>,
    /// Street line 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address1: Option<String>,
    /// Street line 2.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address2: Option<String>,
    /// City.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// Two-letter state.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// Five-digit ZIP code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zip: Option<String>,
    /// ZIP+4 extension.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zip4: Option<String>,
    /// Three-letter ISO country (the vendor defaults to `USA`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Elements this version does not model, by name, as read; sent back after the known
    /// ones when the value goes into a request.
    #[serde(
        rename = "$extra",
        default,
        skip_serializing_if = "crate::models::common::is_empty_map"
    )]
    pub extra: Extra,
}

/// Serde adapter for an optional amount written as decimal text in XML.
pub(crate) mod money_opt {
    use serde::{Deserialize, Deserializer, Serializer};
    use telecom_core::Money;

    pub(crate) fn serialize<S: Serializer>(
        value: &Option<Money>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(money) => serializer.collect_str(money),
            None => serializer.serialize_none(),
        }
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Money>, D::Error> {
        Option::<Money>::deserialize(deserializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn update_reads_bare_or_wrapped_and_refuses_updated_false() {
        let bare: Update<i64> = serde_json::from_str("4").unwrap();
        let wrapped: Update<i64> =
            serde_json::from_str(r#"{"Updated": true, "Value": 4}"#).unwrap();
        assert_eq!(bare, wrapped);
        assert_eq!(*bare.value(), 4);
        assert!(serde_json::from_str::<Update<i64>>(r#"{"Updated": false, "Value": 4}"#).is_err());
    }

    #[test]
    fn header_failure_rules() {
        let mut header = Header::default();
        assert!(!header.is_failure());
        header.error_code = Some(ErrorCode::PermissionDenied);
        assert!(header.is_failure());
        header.success = Some(true);
        assert!(!header.is_failure());
        header.success = Some(false);
        assert!(header.is_failure());
    }
}
