//! Products and packages: `Products_Create`, `Products_Query`, `Packages_Query`.

use serde::{Deserialize, Serialize};
use telecom_core::Money;

use crate::models::{AvailabilityLocation, CustomField, CustomerClass, InventoryType};

/// The input of `Products_Create`. The sheet's field list was cut off; send more through `extra`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ProductsCreate {
    /// `CarrierID`: the provider
    #[serde(rename = "CarrierID")]
    pub carrier_id: i64,
    /// `ProductTypeID`: the product type
    #[serde(rename = "ProductTypeID")]
    pub product_type_id: i64,
    /// `Description`: description
    #[serde(rename = "Description")]
    pub description: Option<String>,
    /// `Code1`: code 1
    #[serde(rename = "Code1")]
    pub code1: Option<String>,
    /// `Code2`: code 2
    #[serde(rename = "Code2")]
    pub code2: Option<String>,
    /// `Rate`: rate
    #[serde(rename = "Rate", with = "crate::models::common::money_opt", default)]
    pub rate: Option<Money>,
    /// `Cost`: cost
    #[serde(rename = "Cost", with = "crate::models::common::money_opt", default)]
    pub cost: Option<Money>,
    /// `FreeMonths`: free months
    #[serde(rename = "FreeMonths")]
    pub free_months: Option<i32>,
    /// `AutomaticExpiration`: automatic expiration
    #[serde(rename = "AutomaticExpiration")]
    pub automatic_expiration: Option<i32>,
    /// `BillingMonths`: billing months
    #[serde(rename = "BillingMonths")]
    pub billing_months: Option<i32>,
    /// `State`: state
    #[serde(rename = "State")]
    pub state: Option<String>,
    /// `BillInArrears`: bill in arrears
    #[serde(rename = "BillInArrears")]
    pub bill_in_arrears: Option<bool>,
    /// `Prorate`: prorate
    #[serde(rename = "Prorate")]
    pub prorate: Option<bool>,
    /// `ProductCategoryID`: G/L code
    #[serde(rename = "ProductCategoryID")]
    pub product_category_id: Option<i64>,
    /// `OrderCompletionBilling`: bill on order completion
    #[serde(rename = "OrderCompletionBilling")]
    pub order_completion_billing: Option<bool>,
    /// `CreatesOrder`: creates an order
    #[serde(rename = "CreatesOrder")]
    pub creates_order: Option<bool>,
    /// `Fields`: custom fields
    #[serde(rename = "Fields", default, serialize_with = "crate::wire::wrapped")]
    pub fields: Vec<CustomField>,
    /// `ActiveFlag`: active
    #[serde(rename = "ActiveFlag")]
    pub active_flag: Option<bool>,
    /// More elements to send, for fields the vendor sheet could not show (written after the known ones).
    #[serde(flatten, default, skip_serializing_if = "serde_json::Map::is_empty")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// The input of `Products_Query` (only `ProductID` is known, from third-party code).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ProductsQuery {
    /// `ProductID`: the product
    #[serde(rename = "ProductID")]
    pub product_id: Option<i64>,
    /// More elements to send, for fields the vendor sheet could not show (written after the known ones).
    #[serde(flatten, default, skip_serializing_if = "serde_json::Map::is_empty")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// The input of `Packages_Query`; every filter is optional. The list was cut off; send more through `extra`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PackagesQuery {
    /// `PackageID`: package
    #[serde(rename = "PackageID")]
    pub package_id: Option<i64>,
    /// `State`: state
    #[serde(rename = "State")]
    pub state: Option<String>,
    /// `CarrierID`: provider id (not with `CarrierCode`)
    #[serde(rename = "CarrierID")]
    pub carrier_id: Option<i64>,
    /// `CarrierCode`: provider code (not with `CarrierID`)
    #[serde(rename = "CarrierCode")]
    pub carrier_code: Option<String>,
    /// `CustomerClass`: customer class; all by default
    #[serde(rename = "CustomerClass")]
    pub customer_class: Option<CustomerClass>,
    /// `Zip`: five-digit ZIP
    #[serde(rename = "Zip")]
    pub zip: Option<String>,
    /// `BillProfileID`: bill profile
    #[serde(rename = "BillProfileID")]
    pub bill_profile_id: Option<i64>,
    /// `AvailabilityLocation`: where it is offered
    #[serde(rename = "AvailabilityLocation")]
    pub availability_location: Option<AvailabilityLocation>,
    /// `PackageCategoryID`: category id (not with `PackageCategory`)
    #[serde(rename = "PackageCategoryID")]
    pub package_category_id: Option<i64>,
    /// `PackageCategory`: category name (not with `PackageCategoryID`)
    #[serde(rename = "PackageCategory")]
    pub package_category: Option<String>,
    /// `Inventory`: an inventory item the package must fit
    #[serde(rename = "Inventory")]
    pub inventory: Option<PackageInventory>,
    /// More elements to send, for fields the vendor sheet could not show (written after the known ones).
    #[serde(flatten, default, skip_serializing_if = "serde_json::Map::is_empty")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// An inventory filter of `Packages_Query`; both fields are required.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PackageInventory {
    /// `Identifier`: identifier
    #[serde(rename = "Identifier")]
    pub identifier: Option<String>,
    /// `Type`: inventory type
    #[serde(rename = "Type")]
    pub r#type: Option<InventoryType>,
}
