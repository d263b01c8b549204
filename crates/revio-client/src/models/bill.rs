//! Bills (statements): `Bills_Create`, `Bills_Delete`, `Bills_Download`.

use serde::{Deserialize, Serialize};
use telecom_core::dates::XmlDateTime;

use crate::models::BillFormat;

/// A bill to create.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Bill {
    /// `CustomerID`: the customer
    #[serde(rename = "CustomerID")]
    pub customer_id: i64,
    /// `DueDate`: due date
    #[serde(rename = "DueDate")]
    pub due_date: Option<XmlDateTime>,
    /// `IncludeUnbilledUsage`: include unbilled usage
    #[serde(rename = "IncludeUnbilledUsage")]
    pub include_unbilled_usage: Option<bool>,
    /// `IsFinalBill`: final bill
    #[serde(rename = "IsFinalBill")]
    pub is_final_bill: Option<bool>,
    /// `AddToPrintQueue`: queue for printing
    #[serde(rename = "AddToPrintQueue")]
    pub add_to_print_queue: Option<bool>,
    /// `AddToEmailQueue`: queue for email
    #[serde(rename = "AddToEmailQueue")]
    pub add_to_email_queue: Option<bool>,
    /// `ChargeList`: charges to bill (`List(Of Integer)`; sent as `<int>` items, the usual ASMX form, unverified)
    #[serde(
        rename = "ChargeList",
        default,
        serialize_with = "crate::wire::wrapped"
    )]
    pub charge_list: Vec<i64>,
}

/// The input of `Bills_Create`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct BillsCreate {
    /// `Bill`: the bill
    #[serde(rename = "Bill")]
    pub bill: Bill,
}

/// The result of `Bills_Create`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BillCreated {
    /// `ID`: the new bill
    #[serde(rename = "ID")]
    pub id: Option<i64>,
    /// Elements this version does not model, by name, as read.
    #[serde(
        rename = "$extra",
        default,
        skip_serializing_if = "crate::models::common::is_empty_map"
    )]
    pub extra: crate::models::Extra,
}

/// The input of `Bills_Delete`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct BillsDelete {
    /// `ID`: the bill
    #[serde(rename = "ID")]
    pub id: i64,
}

/// The input of `Bills_Download`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct BillsDownload {
    /// `ID`: the bill
    #[serde(rename = "ID")]
    pub id: i64,
    /// `Type`: XML or PDF (required)
    #[serde(rename = "Type")]
    pub r#type: Option<BillFormat>,
}

/// The result of `Bills_Download`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BillDownload {
    /// `Bill`: the bill: XML, or a base64-encoded PDF
    #[serde(rename = "Bill")]
    pub bill: Option<String>,
    /// `CustomerID`: the customer
    #[serde(rename = "CustomerID")]
    pub customer_id: Option<i64>,
    /// Elements this version does not model, by name, as read.
    #[serde(
        rename = "$extra",
        default,
        skip_serializing_if = "crate::models::common::is_empty_map"
    )]
    pub extra: crate::models::Extra,
}
