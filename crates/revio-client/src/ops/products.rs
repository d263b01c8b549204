//! Products and packages.

use crate::error::Error;
use crate::models::{Extra, PackagesQuery, ProductsCreate, ProductsQuery};
use crate::ops::{Validate, not_both, operations, positive};

impl Validate for ProductsCreate {
    fn validate(&self) -> Result<(), Error> {
        positive("CarrierID", self.carrier_id)?;
        positive("ProductTypeID", self.product_type_id)
    }
}

impl Validate for ProductsQuery {}

impl Validate for PackagesQuery {
    fn validate(&self) -> Result<(), Error> {
        not_both("CarrierCode", &self.carrier_id, &self.carrier_code)?;
        not_both(
            "PackageCategory",
            &self.package_category_id,
            &self.package_category,
        )?;
        if let Some(inventory) = &self.inventory {
            if inventory
                .identifier
                .as_deref()
                .is_none_or(|i| i.trim().is_empty())
            {
                return Err(Error::invalid(
                    "Inventory/Identifier",
                    "is required with Inventory",
                ));
            }
            if inventory.r#type.is_none() {
                return Err(Error::invalid(
                    "Inventory/Type",
                    "is required with Inventory",
                ));
            }
        }
        Ok(())
    }
}

operations! {
    /// Creates a product in the catalog. The response fields were not visible on the
    /// vendor's page; the result keeps every element.
    products_create(ProductsCreate) -> Extra = "Products_Create", Write;
    /// Looks up products (only `ProductID` is known). The result keeps every element.
    products_query(ProductsQuery) -> Extra = "Products_Query", Read;
    /// Searches packages. The response fields were not visible on the vendor's page; the
    /// result keeps every element.
    packages_query(PackagesQuery) -> Extra = "Packages_Query", Read;
}
