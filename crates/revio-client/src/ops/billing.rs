//! Transactions, charges and bills.

use crate::error::Error;
use crate::models::{
    BillCreated, BillDownload, BillsCreate, BillsDelete, BillsDownload, ChargesSearch, Extra,
    TransactionsCreate, TransactionsQuery, TransactionsQueryResult,
};
use crate::ops::{Validate, operations, positive, require};

impl Validate for TransactionsCreate {
    fn validate(&self) -> Result<(), Error> {
        let t = &self.transaction;
        require("Transaction/Type", &t.r#type)?;
        if t.amount.is_negative() {
            return Err(Error::invalid(
                "Transaction/Amount",
                "must not be negative; use Type CREDIT",
            ));
        }
        if t.product_id.is_none() && t.product_type_id.is_none() && t.customer_product_id.is_none()
        {
            return Err(Error::invalid(
                "Transaction/ProductID",
                "send at least one of ProductID, ProductTypeID, CustomerProductID",
            ));
        }
        if t.customer_id.is_none() && t.line_id.is_none() && t.customer_product_id.is_none() {
            return Err(Error::invalid(
                "Transaction/CustomerID",
                "send at least one of CustomerID, LineID, CustomerProductID",
            ));
        }
        Ok(())
    }
}

impl Validate for TransactionsQuery {
    fn validate(&self) -> Result<(), Error> {
        positive("CustomerID", self.customer_id)
    }
}

impl Validate for ChargesSearch {}

impl Validate for BillsCreate {
    fn validate(&self) -> Result<(), Error> {
        positive("Bill/CustomerID", self.bill.customer_id)
    }
}

impl Validate for BillsDelete {
    fn validate(&self) -> Result<(), Error> {
        positive("ID", self.id)
    }
}

impl Validate for BillsDownload {
    fn validate(&self) -> Result<(), Error> {
        positive("ID", self.id)?;
        require("Type", &self.r#type)
    }
}

operations! {
    /// Posts a one-off charge or credit. Never resent once it may have reached the server.
    /// The response fields were not visible on the vendor's page; the result keeps every element.
    transactions_create(TransactionsCreate) -> Extra = "Transactions_Create", Write;
    /// Lists a customer's transactions. Undocumented: the shape comes from third-party code
    /// (unverified); every `Transaction` element of the response is read.
    transactions_query(TransactionsQuery) -> TransactionsQueryResult = "Transactions_Query", Read;
    /// Searches charges. The response fields were not visible on the vendor's page; the
    /// result keeps every element.
    charges_search(ChargesSearch) -> Extra = "Charges_Search", Read;
    /// Creates a bill (statement).
    bills_create(BillsCreate) -> BillCreated = "Bills_Create", Write;
    /// Deletes a bill.
    bills_delete(BillsDelete) -> () = "Bills_Delete", Write;
    /// Downloads a bill as XML or a base64-encoded PDF.
    bills_download(BillsDownload) -> BillDownload = "Bills_Download", Read;
}
