//! Results whose record and wrapper element names the vendor sheet could not show: the
//! records are found by what they contain, wherever they sit under the result, and the
//! elements around them that hold none are kept in `extra`.

use serde::{Deserialize, Serialize};

use crate::models::{CustomerProduct, TransactionRecord};

/// The result of `CustomerProducts_Query`: every record holding a `Customer_Product_ID`,
/// whatever the list and record elements are called.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename(deserialize = "$revio::find:child:Customer_Product_ID"))]
#[non_exhaustive]
pub struct CustomerProductsQueryResult {
    /// The customer products found.
    #[serde(
        rename(deserialize = "$records"),
        default,
        deserialize_with = "crate::wire::de::records"
    )]
    pub customer_products: Vec<CustomerProduct>,
    /// Elements beside the records that this version does not model, by name, as read.
    #[serde(
        rename = "$extra",
        default,
        skip_serializing_if = "crate::models::common::is_empty_map"
    )]
    pub extra: crate::models::Extra,
}

/// The result of `Transactions_Query`: every `Transaction` element of the response.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename(deserialize = "$revio::find:named:Transaction"))]
#[non_exhaustive]
pub struct TransactionsQueryResult {
    /// The transactions found.
    #[serde(
        rename(deserialize = "$records"),
        default,
        deserialize_with = "crate::wire::de::records"
    )]
    pub transactions: Vec<TransactionRecord>,
    /// Elements beside the records that this version does not model, by name, as read.
    #[serde(
        rename = "$extra",
        default,
        skip_serializing_if = "crate::models::common::is_empty_map"
    )]
    pub extra: crate::models::Extra,
}
