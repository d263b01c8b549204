//! Orders: `NewOrders_Create`, `Orders_Update`.

use serde::{Deserialize, Serialize};
use telecom_core::dates::XmlDateTime;
use telecom_core::{Money, Secret};

use crate::models::{Address, OrderStatus, ShippingStatus};

/// The input of `NewOrders_Create`: adds a service with a package to an existing customer. The sheet's field list was cut off; send more through `extra`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct NewOrdersCreate {
    /// `CustomerID`: the customer
    #[serde(rename = "CustomerID")]
    pub customer_id: i64,
    /// `PackageID`: the package
    #[serde(rename = "PackageID")]
    pub package_id: i64,
    /// `ESN`: device ESN
    #[serde(rename = "ESN")]
    pub esn: Option<String>,
    /// `WirelessICCID`: SIM ICCID
    #[serde(rename = "WirelessICCID")]
    pub wireless_iccid: Option<String>,
    /// `WirelessPort`: only when porting in an MDN
    #[serde(rename = "WirelessPort")]
    pub wireless_port: Option<WirelessPort>,
    /// `ShippingAddress`: conditionally required
    #[serde(rename = "ShippingAddress")]
    pub shipping_address: Option<Address>,
    /// More elements to send, for fields the vendor sheet could not show (written after the known ones).
    #[serde(flatten, default, skip_serializing_if = "serde_json::Map::is_empty")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// Port-in details of `NewOrders_Create`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct WirelessPort {
    /// `MDN`: the number to port
    #[serde(rename = "MDN")]
    pub mdn: Option<String>,
    /// `AccountNumber`: account number at the old provider
    #[serde(
        rename = "AccountNumber",
        serialize_with = "telecom_core::secret::serialize_exposed_option",
        default
    )]
    pub account_number: Option<Secret>,
    /// `AuthorizedSigner`: authorized signer
    #[serde(rename = "AuthorizedSigner")]
    pub authorized_signer: Option<String>,
    /// `PINPassword`: account PIN or password at the old provider
    #[serde(
        rename = "PINPassword",
        serialize_with = "telecom_core::secret::serialize_exposed_option",
        default
    )]
    pub pin_password: Option<Secret>,
    /// `Remark`: remark
    #[serde(rename = "Remark")]
    pub remark: Option<String>,
    /// `Address`: the account's address at the old provider
    #[serde(rename = "Address")]
    pub address: Option<Address>,
    /// `ExternalProvider`: the old provider (`Enum_Carrier_Code`)
    #[serde(rename = "ExternalProvider")]
    pub external_provider: Option<String>,
}

/// The input of `Orders_Update`. The sheet's field list was cut off; send more through `extra`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct OrdersUpdate {
    /// `OrderID`: the order
    #[serde(rename = "OrderID")]
    pub order_id: i64,
    /// `Status`: new status
    #[serde(rename = "Status")]
    pub status: Option<OrderStatus>,
    /// `StatusNote`: note on the status
    #[serde(rename = "StatusNote")]
    pub status_note: Option<String>,
    /// `FlowThroughFlag`: flow-through flag
    #[serde(rename = "FlowThroughFlag")]
    pub flow_through_flag: Option<bool>,
    /// `CompletionDate`: completion date (set when marking COMPLETE)
    #[serde(rename = "CompletionDate")]
    pub completion_date: Option<XmlDateTime>,
    /// `TrackingNumber`: shipment tracking number
    #[serde(rename = "TrackingNumber")]
    pub tracking_number: Option<String>,
    /// `ShippingStatus`: shipping state
    #[serde(rename = "ShippingStatus")]
    pub shipping_status: Option<ShippingStatus>,
    /// `ProcessID`: process
    #[serde(rename = "ProcessID")]
    pub process_id: Option<i64>,
    /// `ProcessRouteID`: process route
    #[serde(rename = "ProcessRouteID")]
    pub process_route_id: Option<i64>,
    /// `Lines`: line changes (`Lines` -> `OrderLineUpdateItem`)
    #[serde(rename = "Lines", default, serialize_with = "crate::wire::wrapped")]
    pub lines: Vec<OrderLineUpdateItem>,
    /// More elements to send, for fields the vendor sheet could not show (written after the known ones).
    #[serde(flatten, default, skip_serializing_if = "serde_json::Map::is_empty")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// A line change in `Orders_Update`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename = "OrderLineUpdateItem")]
pub struct OrderLineUpdateItem {
    /// `LineID`: the service
    #[serde(rename = "LineID")]
    pub line_id: Option<i64>,
    /// `TN`: telephone number
    #[serde(rename = "TN")]
    pub tn: Option<String>,
    /// `Products`: product changes
    #[serde(rename = "Products")]
    pub products: Option<OrderLineProducts>,
}

/// Product changes on an order line (the sheet shows one `Add` and one `Change`; the rest was cut off).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct OrderLineProducts {
    /// `Add`: a product to add
    #[serde(rename = "Add")]
    pub add: Option<ProductAdd>,
    /// `Change`: a product to change
    #[serde(rename = "Change")]
    pub change: Option<ProductChange>,
    /// More elements to send, for fields the vendor sheet could not show (written after the known ones).
    #[serde(flatten, default, skip_serializing_if = "serde_json::Map::is_empty")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// A product added on an order line.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ProductAdd {
    /// `ProductID`: the product
    #[serde(rename = "ProductID")]
    pub product_id: Option<i64>,
    /// `Rate`: rate
    #[serde(rename = "Rate", with = "crate::models::common::money_opt", default)]
    pub rate: Option<Money>,
    /// `Quantity`: quantity
    #[serde(rename = "Quantity")]
    pub quantity: Option<i32>,
}

/// A product changed on an order line (only `CustomerProductID` is known).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ProductChange {
    /// `CustomerProductID`: the customer product
    #[serde(rename = "CustomerProductID")]
    pub customer_product_id: Option<i64>,
    /// More elements to send, for fields the vendor sheet could not show (written after the known ones).
    #[serde(flatten, default, skip_serializing_if = "serde_json::Map::is_empty")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}
