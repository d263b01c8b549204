//! Customer products: `CustomerProducts_Query`.

use serde::{Deserialize, Serialize};
use telecom_core::Money;
use telecom_core::dates::XmlDateTime;

use crate::models::CustomerProductStatus;

/// The input of `CustomerProducts_Query`; every list is sent as bare repeated elements.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CustomerProductsQuery {
    /// `ID`: customer product ids
    #[serde(rename = "ID", default)]
    pub id: Vec<i64>,
    /// `CustomerID`: customers
    #[serde(rename = "CustomerID", default)]
    pub customer_id: Vec<i64>,
    /// `LineID`: services
    #[serde(rename = "LineID", default)]
    pub line_id: Vec<i64>,
}

/// One customer product record.
///
/// The `CustomerProducts_Query` sheet names its fields in `Snake_Case` (its list is cut off
/// after `Canceled_Date`); the fields the Standards page's `Product` adds beyond it
/// (`Status`, the provider, `ActivatedDate`) are read under either spelling. Anything else
/// is in `extra`.
///
/// ```
/// # use revio_client::models::{CustomerProduct, CustomerProductStatus};
/// fn billing(products: &[CustomerProduct]) -> impl Iterator<Item = &CustomerProduct> {
///     products
///         .iter()
///         .filter(|p| p.status == Some(CustomerProductStatus::Active))
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CustomerProduct {
    /// `Customer_Product_ID`: customer product id
    #[serde(rename = "Customer_Product_ID")]
    pub customer_product_id: Option<i64>,
    /// `Line_ID`: the service
    #[serde(rename = "Line_ID")]
    pub line_id: Option<i64>,
    /// `Customer_ID`: the customer (internal id, not the account number)
    #[serde(rename = "Customer_ID")]
    pub customer_id: Option<i64>,
    /// `Product_ID` (Standards: `ProductID`): the catalog product
    #[serde(rename = "Product_ID", alias = "ProductID")]
    pub product_id: Option<i64>,
    /// `Description`: description
    #[serde(rename = "Description")]
    pub description: Option<String>,
    /// `Group_On_Bill`: rolled up under the package line on the bill
    #[serde(rename = "Group_On_Bill")]
    pub group_on_bill: Option<bool>,
    /// `Tax_Included`: tax is backed out of Rate x Quantity
    #[serde(rename = "Tax_Included")]
    pub tax_included: Option<bool>,
    /// `Quantity`: quantity
    #[serde(rename = "Quantity")]
    pub quantity: Option<i32>,
    /// `Rate`: rate; negative for a credit
    #[serde(rename = "Rate")]
    pub rate: Option<Money>,
    /// `Cost`: cost
    #[serde(rename = "Cost")]
    pub cost: Option<Money>,
    /// `Code1`: code 1
    #[serde(rename = "Code1")]
    pub code1: Option<String>,
    /// `Code2`: code 2
    #[serde(rename = "Code2")]
    pub code2: Option<String>,
    /// `Billed_Through_Date` (Standards: `BilledThroughDate`): billed through
    #[serde(rename = "Billed_Through_Date", alias = "BilledThroughDate")]
    pub billed_through_date: Option<XmlDateTime>,
    /// `Canceled_Date`: canceled on
    #[serde(rename = "Canceled_Date")]
    pub canceled_date: Option<XmlDateTime>,
    /// `Status` (`Enum_Customer_Product_Status`): pending, active (billing), denied
    /// (suspended) or disconnected
    #[serde(rename = "Status")]
    pub status: Option<CustomerProductStatus>,
    /// `Carrier_ID` (Standards: `CarrierID`): the provider
    #[serde(rename = "Carrier_ID", alias = "CarrierID")]
    pub carrier_id: Option<i64>,
    /// `Carrier_Description` (Standards: `CarrierDescription`): the provider's description
    #[serde(rename = "Carrier_Description", alias = "CarrierDescription")]
    pub carrier_description: Option<String>,
    /// `Activated_Date` (Standards: `ActivatedDate`): when the product first became active
    #[serde(rename = "Activated_Date", alias = "ActivatedDate")]
    pub activated_date: Option<XmlDateTime>,
    /// Elements this version does not model, by name, as read.
    #[serde(
        rename = "$extra",
        default,
        skip_serializing_if = "crate::models::common::is_empty_map"
    )]
    pub extra: crate::models::Extra,
}
