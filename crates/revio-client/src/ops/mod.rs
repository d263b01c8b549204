//! The typed operations, grouped by resource. Each is a method on [`Client`](crate::Client)
//! that validates its input, then goes through the shared call pipeline.

mod billing;
mod customers;
mod inventory;
mod lines;
mod orders;
mod payments;
mod products;
mod sessions;

use crate::error::Error;

/// Checks a request before anything is sent; the error names the offending field.
pub(crate) trait Validate {
    fn validate(&self, _operation: &str) -> Result<(), Error> {
        Ok(())
    }
}

pub(crate) fn require<T>(
    operation: &str,
    field: &'static str,
    value: &Option<T>,
) -> Result<(), Error> {
    match value {
        Some(_) => Ok(()),
        None => Err(Error::invalid(operation, field, "is required")),
    }
}

pub(crate) fn positive(operation: &str, field: &'static str, value: i64) -> Result<(), Error> {
    if value > 0 {
        Ok(())
    } else {
        Err(Error::invalid(operation, field, "must be a positive id"))
    }
}

pub(crate) fn not_both<A, B>(
    operation: &str,
    field: &'static str,
    a: &Option<A>,
    b: &Option<B>,
) -> Result<(), Error> {
    if a.is_some() && b.is_some() {
        Err(Error::invalid(
            operation,
            field,
            "send only one of the pair",
        ))
    } else {
        Ok(())
    }
}

/// Declares typed operations: `method(Input) -> Output = "Vendor_Name", Read|Write;`.
macro_rules! operations {
    ($(
        $(#[$doc:meta])*
        $method:ident($input:ty) -> $output:ty = $op:literal, $kind:ident;
    )*) => {
        impl crate::Client {
            $(
                $(#[$doc])*
                #[doc = ""]
                #[doc = concat!("Calls `", $op, "`.")]
                pub async fn $method(
                    &self,
                    request: &$input,
                ) -> Result<crate::models::Response<$output>, crate::Error> {
                    crate::ops::Validate::validate(request, $op)?;
                    self.execute($op, request, crate::CallKind::$kind, crate::client::AuthChoice::Client)
                        .await
                }
            )*
        }
    };
}
pub(crate) use operations;

/// Every operation this crate types, by the vendor's names.
pub const OPERATIONS: &[&str] = &[
    "Sessions_Create",
    "Sessions_Validate",
    "Sessions_Destroy",
    "Impersonation_Authorize",
    "Customers_Query",
    "NewCustomers_Create",
    "Duplicate_Query",
    "Contacts_Create",
    "Contacts_Query",
    "Contacts_Delete",
    "Agents_Create",
    "Agents_Query",
    "Lines_Update",
    "Lines_PackageChange",
    "CustomerProducts_Query",
    "Inventory_Create",
    "Inventory_Bulk_Create",
    "Inventory_Assign",
    "NewOrders_Create",
    "Orders_Update",
    "Tasks_Update",
    "Payments_Create",
    "PaymentAccounts_Create",
    "Transactions_Create",
    "Transactions_Query",
    "Charges_Search",
    "Bills_Create",
    "Bills_Delete",
    "Bills_Download",
    "Products_Create",
    "Products_Query",
    "Packages_Query",
];
