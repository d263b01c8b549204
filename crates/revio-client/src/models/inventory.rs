//! Inventory: the shared `Inventory` object, `Inventory_Create`, `Inventory_Bulk_Create`, `Inventory_Assign`.

use serde::{Deserialize, Serialize};
use telecom_core::dates::XmlDateTime;

use crate::models::{CustomField, InventoryItemStatus, InventoryType};

/// An inventory item (the Standards page's `Inventory`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename = "Inventory")]
pub struct Inventory {
    /// `ID`: inventory item id
    #[serde(rename = "ID")]
    pub id: Option<i64>,
    /// `CustomerID`: the customer it is associated with (prohibited on bulk create)
    #[serde(rename = "CustomerID")]
    pub customer_id: Option<i64>,
    /// `Identifier`: the identifier
    #[serde(rename = "Identifier")]
    pub identifier: Option<String>,
    /// `IdentifierLabel`: the identifier's label, such as ESN or MEID
    #[serde(rename = "IdentifierLabel")]
    pub identifier_label: Option<String>,
    /// `InventoryTypeID`: inventory type id
    #[serde(rename = "InventoryTypeID")]
    pub inventory_type_id: Option<i64>,
    /// `InventoryType`: inventory type; must match `InventoryTypeID` when both are sent
    #[serde(rename = "InventoryType")]
    pub inventory_type: Option<InventoryType>,
    /// `InventoryDescription`: description of the type
    #[serde(rename = "InventoryDescription")]
    pub inventory_description: Option<String>,
    /// `Status`: status
    #[serde(rename = "Status")]
    pub status: Option<InventoryItemStatus>,
    /// `AssignedDate`: when it was assigned
    #[serde(rename = "AssignedDate")]
    pub assigned_date: Option<XmlDateTime>,
    /// `UnavailableReasonID`: why it is unavailable
    #[serde(rename = "UnavailableReasonID")]
    pub unavailable_reason_id: Option<i64>,
    /// `UnavailableReasonDescription`: the reason's description
    #[serde(rename = "UnavailableReasonDescription")]
    pub unavailable_reason_description: Option<String>,
    /// `Note`: note
    #[serde(rename = "Note")]
    pub note: Option<String>,
    /// `Fields`: custom fields
    #[serde(rename = "Fields", default, serialize_with = "crate::wire::wrapped")]
    pub fields: Vec<CustomField>,
    /// `Wireless`: wireless-specific fields
    #[serde(rename = "Wireless")]
    pub wireless: Option<Wireless>,
    /// Elements this version does not model, by name, as read; sent back after the known
    /// ones when the value goes into a request.
    #[serde(
        rename = "$extra",
        default,
        skip_serializing_if = "crate::models::common::is_empty_map"
    )]
    pub extra: crate::models::Extra,
}

/// Wireless-specific inventory fields.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Wireless {
    /// `MSID`: MSID
    #[serde(rename = "MSID")]
    pub msid: Option<String>,
    /// `MSL`: MSL
    #[serde(rename = "MSL")]
    pub msl: Option<String>,
    /// `MDN`: current MDN
    #[serde(rename = "MDN")]
    pub mdn: Option<String>,
    /// Elements this version does not model, by name, as read; sent back after the known
    /// ones when the value goes into a request.
    #[serde(
        rename = "$extra",
        default,
        skip_serializing_if = "crate::models::common::is_empty_map"
    )]
    pub extra: crate::models::Extra,
}

/// The input of `Inventory_Create`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct InventoryCreate {
    /// `Inventory`: the item
    #[serde(rename = "Inventory")]
    pub inventory: Inventory,
}

/// The input of `Inventory_Bulk_Create` (`CustomerID` prohibited; `IdentifierLabel` and `InventoryDescription` ignored).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct InventoryBulkCreate {
    /// `InventoryItems`: the items (`InventoryItems` -> `Inventory`)
    #[serde(
        rename = "InventoryItems",
        default,
        serialize_with = "crate::wire::wrapped"
    )]
    pub inventory_items: Vec<Inventory>,
}

/// The input of `Inventory_Assign`: one or more of the targets, which must agree.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct InventoryAssign {
    /// `InventoryItemID`: the item
    #[serde(rename = "InventoryItemID")]
    pub inventory_item_id: i64,
    /// `CustomerID`: the customer
    #[serde(rename = "CustomerID")]
    pub customer_id: Option<i64>,
    /// `LineID`: the service
    #[serde(rename = "LineID")]
    pub line_id: Option<i64>,
    /// `CustomerProductID`: the customer product
    #[serde(rename = "CustomerProductID")]
    pub customer_product_id: Option<i64>,
}
