//! `ActivationLookupField`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A carrier-specific field used to look activations up (`ActivationLookupField`).
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
#[non_exhaustive]
pub struct ActivationLookupField {
    /// The field id used in a [`LookupKey`](crate::LookupKey).
    #[serde(deserialize_with = "telecom_core::lenient::opt_i64")]
    pub id: Option<i64>,
    /// What the field is (`North American Mobile Number`).
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub field_name: Option<String>,
    /// The input it needs (`Text`).
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub input_type: Option<String>,
    /// The prompt to show.
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub prompt: Option<String>,
    /// A value, such as a phone number or ESN.
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub value: Option<String>,
    /// Reserved for internal use.
    #[serde(deserialize_with = "telecom_core::lenient::opt_i64")]
    pub carrier_id: Option<i64>,
    /// Reserved for internal use.
    #[serde(deserialize_with = "telecom_core::lenient::opt_bool")]
    pub required: Option<bool>,
    /// Reserved for internal use.
    #[serde(deserialize_with = "telecom_core::lenient::opt_i64")]
    pub company_id: Option<i64>,
    /// Reserved for internal use.
    #[serde(alias = "LocationID")]
    #[serde(deserialize_with = "telecom_core::lenient::opt_i64")]
    pub location_id: Option<i64>,
    /// Fields this version does not type, as sent; written back as they are.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}
