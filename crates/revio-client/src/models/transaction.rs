//! Transactions and charges: `Transactions_Create`, `Transactions_Query`, `Charges_Search`.

use serde::{Deserialize, Serialize};
use telecom_core::Money;
use telecom_core::dates::XmlDateTime;

use crate::models::{ChargeType, TransactionType};

/// A one-off charge or credit to post. `ID`, `StatementID` and `CreatedDate` are prohibited and not modelled.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename = "Transaction")]
pub struct Transaction {
    /// `Type`: charge or credit (required)
    #[serde(rename = "Type")]
    pub r#type: Option<TransactionType>,
    /// `Amount`: the amount
    #[serde(rename = "Amount", with = "telecom_core::money::as_string")]
    pub amount: Money,
    /// `Quantity`: quantity
    #[serde(rename = "Quantity")]
    pub quantity: Option<i32>,
    /// `Description`: falls back to the customer product, product, then product type description
    #[serde(rename = "Description")]
    pub description: Option<String>,
    /// `ProductID`: product (one of ProductID / ProductTypeID / CustomerProductID is needed)
    #[serde(rename = "ProductID")]
    pub product_id: Option<i64>,
    /// `ProductTypeID`: product type
    #[serde(rename = "ProductTypeID")]
    pub product_type_id: Option<i64>,
    /// `CustomerID`: customer (one of CustomerID / LineID / CustomerProductID is needed)
    #[serde(rename = "CustomerID")]
    pub customer_id: Option<i64>,
    /// `LineID`: service
    #[serde(rename = "LineID")]
    pub line_id: Option<i64>,
    /// `CustomerProductID`: customer product
    #[serde(rename = "CustomerProductID")]
    pub customer_product_id: Option<i64>,
    /// `DateStart`: proration start; the vendor defaults to today
    #[serde(rename = "DateStart")]
    pub date_start: Option<XmlDateTime>,
    /// `DateEnd`: proration end; the vendor defaults to today
    #[serde(rename = "DateEnd")]
    pub date_end: Option<XmlDateTime>,
    /// `TaxIncluded`: tax included
    #[serde(rename = "TaxIncluded")]
    pub tax_included: Option<bool>,
    /// `Prorate`: prorate
    #[serde(rename = "Prorate")]
    pub prorate: Option<bool>,
    /// `AgentID`: agent
    #[serde(rename = "AgentID")]
    pub agent_id: Option<i64>,
    /// `AgentNumber`: agent number
    #[serde(rename = "AgentNumber")]
    pub agent_number: Option<String>,
}

/// The input of `Transactions_Create`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct TransactionsCreate {
    /// `Transaction`: the transaction
    #[serde(rename = "Transaction")]
    pub transaction: Transaction,
}

/// The input of `Transactions_Query` (undocumented; shape from third-party code).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct TransactionsQuery {
    /// `CustomerID`: the customer
    #[serde(rename = "CustomerID")]
    pub customer_id: i64,
    /// `Date`: the period
    #[serde(rename = "Date")]
    pub date: Option<DateRange>,
    /// More elements to send, for fields the vendor sheet could not show (written after the known ones).
    #[serde(flatten, default, skip_serializing_if = "serde_json::Map::is_empty")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// A period.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DateRange {
    /// `Start`: start
    #[serde(rename = "Start")]
    pub start: Option<XmlDateTime>,
    /// `End`: end
    #[serde(rename = "End")]
    pub end: Option<XmlDateTime>,
}

/// A transaction as read back.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename = "Transaction")]
#[non_exhaustive]
pub struct TransactionRecord {
    /// `ID`: transaction id
    #[serde(rename = "ID")]
    pub id: Option<i64>,
    /// `Type`: charge or credit
    #[serde(rename = "Type")]
    pub r#type: Option<TransactionType>,
    /// `Amount`: amount
    #[serde(rename = "Amount")]
    pub amount: Option<Money>,
    /// `Quantity`: quantity
    #[serde(rename = "Quantity")]
    pub quantity: Option<i32>,
    /// `Description`: description
    #[serde(rename = "Description")]
    pub description: Option<String>,
    /// `ProductID`: product
    #[serde(rename = "ProductID")]
    pub product_id: Option<i64>,
    /// `ProductTypeID`: product type
    #[serde(rename = "ProductTypeID")]
    pub product_type_id: Option<i64>,
    /// `CustomerID`: customer
    #[serde(rename = "CustomerID")]
    pub customer_id: Option<i64>,
    /// `LineID`: service
    #[serde(rename = "LineID")]
    pub line_id: Option<i64>,
    /// `CustomerProductID`: customer product
    #[serde(rename = "CustomerProductID")]
    pub customer_product_id: Option<i64>,
    /// `DateStart`: start
    #[serde(rename = "DateStart")]
    pub date_start: Option<XmlDateTime>,
    /// `DateEnd`: end
    #[serde(rename = "DateEnd")]
    pub date_end: Option<XmlDateTime>,
    /// `TaxIncluded`: tax included
    #[serde(rename = "TaxIncluded")]
    pub tax_included: Option<bool>,
    /// `Prorate`: prorated
    #[serde(rename = "Prorate")]
    pub prorate: Option<bool>,
    /// `StatementID`: the statement (bill) it is on
    #[serde(rename = "StatementID")]
    pub statement_id: Option<i64>,
    /// `CreatedDate`: created
    #[serde(rename = "CreatedDate")]
    pub created_date: Option<XmlDateTime>,
    /// Elements this version does not model, by name, as read.
    #[serde(
        rename = "$extra",
        default,
        skip_serializing_if = "crate::models::common::is_empty_map"
    )]
    pub extra: crate::models::Extra,
}

/// The input of `Charges_Search`; every list is sent as bare repeated elements.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ChargesSearch {
    /// `ID`: charge ids
    #[serde(rename = "ID", default)]
    pub id: Vec<i64>,
    /// `CustomerID`: customers
    #[serde(rename = "CustomerID", default)]
    pub customer_id: Vec<i64>,
    /// `ServiceID`: services
    #[serde(rename = "ServiceID", default)]
    pub service_id: Vec<i64>,
    /// `BillID`: bills
    #[serde(rename = "BillID", default)]
    pub bill_id: Vec<i64>,
    /// `ProductID`: products
    #[serde(rename = "ProductID", default)]
    pub product_id: Vec<i64>,
    /// `CustomerProductID`: customer products
    #[serde(rename = "CustomerProductID", default)]
    pub customer_product_id: Vec<i64>,
    /// `AType`: charge types
    #[serde(rename = "AType", default)]
    pub atype: Vec<ChargeType>,
}
