//! Services ("lines") and customer products.

use crate::error::Error;
use crate::models::{
    CustomerProductsQuery, CustomerProductsQueryResult, Extra, LinesPackageChange, LinesUpdate,
};
use crate::ops::{Validate, operations, positive};

impl Validate for LinesUpdate {
    fn validate(&self) -> Result<(), Error> {
        positive("Line_ID", self.line_id)?;
        let nothing = self.number.is_none()
            && self.circuit_number.is_none()
            && self.carrier_customer_id.is_none()
            && self.description.is_none()
            && self.program_id.is_none()
            && self.line_type_id.is_none()
            && self.fields.is_empty()
            && self.extra.is_empty();
        if nothing {
            return Err(Error::invalid("Line_ID", "the update sets no field"));
        }
        Ok(())
    }
}

impl Validate for LinesPackageChange {
    fn validate(&self) -> Result<(), Error> {
        positive("LineID", self.line_id)?;
        positive("PackageID", self.package_id)
    }
}

impl Validate for CustomerProductsQuery {}

operations! {
    /// Updates a service: only the fields set are sent, each as `{Updated, Value}`. The
    /// response fields were not visible on the vendor's page; the result keeps every element.
    lines_update(LinesUpdate) -> Extra = "Lines_Update", Write;
    /// Moves a service to another package.
    lines_package_change(LinesPackageChange) -> () = "Lines_PackageChange", Write;
    /// Lists customer products by id, customer or service.
    customer_products_query(CustomerProductsQuery) -> CustomerProductsQueryResult = "CustomerProducts_Query", Read;
}
