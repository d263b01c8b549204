//! The typed operations, grouped by resource. Each is a method on [`Client`](crate::Client)
//! that validates its input, then goes through the one send path; each states its vendor
//! name and [`CallKind`] once, in its resource's file.

mod billing;
mod customers;
mod inventory;
mod lines;
mod orders;
mod payments;
mod products;
mod raw;
mod sessions;

use telecom_core::CallKind;

use crate::error::Error;

pub use raw::call_kind;

/// An operation as its resource file states it: the vendor's name and its [`CallKind`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Op {
    pub(crate) name: &'static str,
    pub(crate) kind: CallKind,
}

impl Op {
    pub(crate) const fn new(name: &'static str, kind: CallKind) -> Self {
        Op { name, kind }
    }
}

/// Every typed operation, by resource.
const TYPED: &[&[Op]] = &[
    sessions::OPS,
    customers::OPS,
    lines::OPS,
    inventory::OPS,
    orders::OPS,
    payments::OPS,
    billing::OPS,
    products::OPS,
];

/// Every typed operation's answer reader, by resource, for the fuzzing entry points.
#[cfg(feature = "fuzzing")]
pub(crate) const READERS: &[&[crate::fuzzing::Reader]] = &[
    sessions::READERS,
    customers::READERS,
    lines::READERS,
    inventory::READERS,
    orders::READERS,
    payments::READERS,
    billing::READERS,
    products::READERS,
];

/// Checks a request before anything is sent; the error names the offending field by its
/// wire path.
pub(crate) trait Validate {
    fn validate(&self) -> Result<(), Error> {
        Ok(())
    }
}

pub(crate) fn require<T>(field: &str, value: &Option<T>) -> Result<(), Error> {
    match value {
        Some(_) => Ok(()),
        None => Err(Error::invalid(field, "is required")),
    }
}

pub(crate) fn positive(field: &str, value: i64) -> Result<(), Error> {
    if value > 0 {
        Ok(())
    } else {
        Err(Error::invalid(field, "must be a positive id"))
    }
}

pub(crate) fn not_both<A, B>(field: &str, a: &Option<A>, b: &Option<B>) -> Result<(), Error> {
    if a.is_some() && b.is_some() {
        Err(Error::invalid(field, "send only one of the pair"))
    } else {
        Ok(())
    }
}

/// Declares typed operations: `method(Input) -> Output = "Vendor_Name", Kind;` with a
/// [`CallKind`] variant, and the resource's `OPS` table from the same lines.
macro_rules! operations {
    ($(
        $(#[$doc:meta])*
        $method:ident($input:ty) -> $output:ty = $op:literal, $kind:ident;
    )*) => {
        pub(super) const OPS: &[crate::ops::Op] = &[
            $(crate::ops::Op::new($op, telecom_core::CallKind::$kind),)*
        ];

        #[cfg(feature = "fuzzing")]
        pub(super) const READERS: &[crate::fuzzing::Reader] = &[
            $(crate::fuzzing::Reader::of::<$output>($op),)*
        ];

        impl crate::Client {
            $(
                $(#[$doc])*
                #[doc = ""]
                #[doc = concat!("Calls `", $op, "`.")]
                pub async fn $method(
                    &self,
                    request: &$input,
                ) -> Result<crate::models::Response<$output>, crate::Error> {
                    crate::ops::Validate::validate(request)?;
                    self.execute(
                        $op,
                        request,
                        telecom_core::CallKind::$kind,
                        crate::auth::AuthChoice::Client,
                    )
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_typed_operation_states_its_kind_once() {
        let typed: Vec<&str> = TYPED
            .iter()
            .flat_map(|ops| ops.iter().map(|op| op.name))
            .collect();
        let mut sorted = typed.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), typed.len(), "an operation is declared twice");
        let mut listed = OPERATIONS.to_vec();
        listed.sort_unstable();
        assert_eq!(
            sorted, listed,
            "OPERATIONS lists exactly the typed operations"
        );
    }

    #[test]
    fn every_typed_operation_has_its_answer_reader() {
        let typed: Vec<&str> = TYPED
            .iter()
            .flat_map(|ops| ops.iter().map(|op| op.name))
            .collect();
        let read: Vec<&str> = READERS
            .iter()
            .flat_map(|readers| readers.iter().map(|r| r.operation))
            .collect();
        assert_eq!(typed, read);
    }

    #[test]
    fn kinds_by_name() {
        assert_eq!(call_kind("Customers_Query"), CallKind::Read);
        assert_eq!(call_kind("Sessions_Create"), CallKind::Read);
        assert_eq!(call_kind("Payments_Create"), CallKind::Write);
        assert_eq!(call_kind("Sessions_Destroy"), CallKind::Write);
        // Not typed by this crate: by the name's suffix.
        assert_eq!(call_kind("Tickets_Search"), CallKind::Read);
        assert_eq!(call_kind("Tickets_Create"), CallKind::Write);
    }
}
