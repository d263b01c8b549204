//! Results whose record and wrapper element names the vendor sheet could not show: the
//! records are found by what they contain, wherever they sit under the result.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserializer, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

use crate::models::{CustomerProduct, TransactionRecord};

fn find_records<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
    rule: &'static str,
) -> Result<Vec<T>, D::Error> {
    struct Records<T>(PhantomData<T>);
    impl<'de, T: Deserialize<'de>> Visitor<'de> for Records<T> {
        type Value = Vec<T>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a list of records")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
            while let Some(item) = seq.next_element()? {
                out.push(item);
            }
            Ok(out)
        }
        fn visit_newtype_struct<D: Deserializer<'de>>(
            self,
            deserializer: D,
        ) -> Result<Vec<T>, D::Error> {
            Vec::<T>::deserialize(deserializer)
        }
    }
    deserializer.deserialize_newtype_struct(rule, Records(PhantomData))
}

/// The result of `CustomerProducts_Query`: every record holding a `Customer_Product_ID`,
/// whatever the list and record elements are called.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct CustomerProductsQueryResult {
    /// The customer products found.
    pub customer_products: Vec<CustomerProduct>,
}

impl<'de> Deserialize<'de> for CustomerProductsQueryResult {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        find_records(deserializer, "$revio::find:child:Customer_Product_ID")
            .map(|customer_products| CustomerProductsQueryResult { customer_products })
    }
}

/// The result of `Transactions_Query`: every `Transaction` element of the response.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct TransactionsQueryResult {
    /// The transactions found.
    pub transactions: Vec<TransactionRecord>,
}

impl<'de> Deserialize<'de> for TransactionsQueryResult {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        find_records(deserializer, "$revio::find:named:Transaction")
            .map(|transactions| TransactionsQueryResult { transactions })
    }
}
