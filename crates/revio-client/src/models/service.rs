//! The Standards page's shared `ServiceItem` and `Product` types.

use serde::{Deserialize, Serialize};
use telecom_core::Money;
use telecom_core::dates::XmlDateTime;

use crate::models::{CustomField, CustomerProductStatus, Inventory};

/// Everything about one service: `ServiceItem` -> `Service`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ServiceItem {
    /// `Service`: the service
    #[serde(rename = "Service")]
    pub service: Option<Service>,
    /// `Products`: products, when sent beside the service
    #[serde(rename = "Products", default)]
    pub products: Vec<Product>,
    /// `Inventory`: inventory, when sent beside the service
    #[serde(rename = "Inventory", default)]
    pub inventory: Vec<Inventory>,
    /// `Fields`: customer-level custom fields
    #[serde(rename = "Fields", default)]
    pub fields: Vec<CustomField>,
    /// Elements this version does not model, by name, as read.
    #[serde(
        rename = "$extra",
        default,
        skip_serializing_if = "crate::models::common::is_empty_map"
    )]
    pub extra: crate::models::Extra,
}

/// A service ("line").
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Service {
    /// `ID`: the Rev.io service id
    #[serde(rename = "ID")]
    pub id: Option<i64>,
    /// `Type`: type of service
    #[serde(rename = "Type")]
    pub r#type: Option<String>,
    /// `TN`: the telephone number, or another identification for services without one
    #[serde(rename = "TN")]
    pub tn: Option<String>,
    /// `CarrierID`: provider id
    #[serde(rename = "CarrierID")]
    pub carrier_id: Option<i64>,
    /// `CarrierDescription`: provider description
    #[serde(rename = "CarrierDescription")]
    pub carrier_description: Option<String>,
    /// `PackageID`: package id
    #[serde(rename = "PackageID")]
    pub package_id: Option<i64>,
    /// `PackageDescription`: package description
    #[serde(rename = "PackageDescription")]
    pub package_description: Option<String>,
    /// `ProgramID`: program id
    #[serde(rename = "ProgramID")]
    pub program_id: Option<i64>,
    /// `ProgramDescription`: program description
    #[serde(rename = "ProgramDescription")]
    pub program_description: Option<String>,
    /// `Products`: products on the service
    #[serde(rename = "Products", default)]
    pub products: Vec<Product>,
    /// `Inventory`: inventory items on the service
    #[serde(rename = "Inventory", default)]
    pub inventory: Vec<Inventory>,
    /// `Fields`: custom fields
    #[serde(rename = "Fields", default)]
    pub fields: Vec<CustomField>,
    /// Elements this version does not model, by name, as read.
    #[serde(
        rename = "$extra",
        default,
        skip_serializing_if = "crate::models::common::is_empty_map"
    )]
    pub extra: crate::models::Extra,
}

/// A customer product on a service.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename = "Product")]
#[non_exhaustive]
pub struct Product {
    /// `ID`: customer product id
    #[serde(rename = "ID")]
    pub id: Option<i64>,
    /// `ProductID`: product id
    #[serde(rename = "ProductID")]
    pub product_id: Option<i64>,
    /// `CarrierID`: provider id
    #[serde(rename = "CarrierID")]
    pub carrier_id: Option<i64>,
    /// `CarrierDescription`: provider description
    #[serde(rename = "CarrierDescription")]
    pub carrier_description: Option<String>,
    /// `Status`: current status
    #[serde(rename = "Status")]
    pub status: Option<CustomerProductStatus>,
    /// `Description`: description
    #[serde(rename = "Description")]
    pub description: Option<String>,
    /// `Rate`: monthly rate; negative for a credit
    #[serde(rename = "Rate")]
    pub rate: Option<Money>,
    /// `Code1`: product code 1 (provisioning)
    #[serde(rename = "Code1")]
    pub code1: Option<String>,
    /// `Code2`: product code 2 (provisioning)
    #[serde(rename = "Code2")]
    pub code2: Option<String>,
    /// `ActivatedDate`: first activation
    #[serde(rename = "ActivatedDate")]
    pub activated_date: Option<XmlDateTime>,
    /// `BilledThroughDate`: billed through
    #[serde(rename = "BilledThroughDate")]
    pub billed_through_date: Option<XmlDateTime>,
    /// `Quantity`: quantity
    #[serde(rename = "Quantity")]
    pub quantity: Option<i32>,
    /// Elements this version does not model, by name, as read.
    #[serde(
        rename = "$extra",
        default,
        skip_serializing_if = "crate::models::common::is_empty_map"
    )]
    pub extra: crate::models::Extra,
}
