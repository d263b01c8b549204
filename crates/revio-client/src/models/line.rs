//! Services ("Lines"): `Lines_Update`, `Lines_PackageChange`.

use serde::{Deserialize, Serialize};
use telecom_core::dates::XmlDateTime;

use crate::models::{CustomFieldUpdate, Update};

/// The input of `Lines_Update`. Only the fields set are sent, each as `{Updated, Value}`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct LinesUpdate {
    /// `Line_ID`: the service to update
    #[serde(rename = "Line_ID")]
    pub line_id: i64,
    /// `Number`: the telephone number
    #[serde(rename = "Number")]
    pub number: Option<Update<String>>,
    /// `Circuit_Number`: circuit number
    #[serde(rename = "Circuit_Number")]
    pub circuit_number: Option<Update<String>>,
    /// `Carrier_Customer_Id`: the carrier's customer id
    #[serde(rename = "Carrier_Customer_Id")]
    pub carrier_customer_id: Option<Update<String>>,
    /// `Description`: description
    #[serde(rename = "Description")]
    pub description: Option<Update<String>>,
    /// `Program_ID`: usage program
    #[serde(rename = "Program_ID")]
    pub program_id: Option<Update<i64>>,
    /// `Line_Type_Id`: service type
    #[serde(rename = "Line_Type_Id")]
    pub line_type_id: Option<Update<i64>>,
    /// `Fields`: custom field changes
    #[serde(rename = "Fields", default, serialize_with = "crate::wire::wrapped")]
    pub fields: Vec<CustomFieldUpdate>,
    /// More elements to send, for fields the vendor sheet could not show (written after the known ones).
    #[serde(flatten, default, skip_serializing_if = "serde_json::Map::is_empty")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// The input of `Lines_PackageChange`: moves a service to another package.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct LinesPackageChange {
    /// `LineID`: the service (the table says `LineId`; the example, followed here, `LineID`)
    #[serde(rename = "LineID")]
    pub line_id: i64,
    /// `PackageID`: the new package
    #[serde(rename = "PackageID")]
    pub package_id: i64,
    /// `EffectiveDate`: when; the vendor defaults to today
    #[serde(rename = "EffectiveDate")]
    pub effective_date: Option<XmlDateTime>,
    /// `CarrierAccountID`: the provider account
    #[serde(rename = "CarrierAccountID")]
    pub carrier_account_id: Option<i64>,
    /// `ProgramID`: usage plan group; defaults to the package's own
    #[serde(rename = "ProgramID")]
    pub program_id: Option<i64>,
}
