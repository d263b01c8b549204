//! Inventory.

use crate::error::Error;
use crate::models::{Extra, InventoryAssign, InventoryBulkCreate, InventoryCreate};
use crate::ops::{Validate, operations, positive};

impl Validate for InventoryCreate {
    fn validate(&self) -> Result<(), Error> {
        if self
            .inventory
            .identifier
            .as_deref()
            .is_none_or(|i| i.trim().is_empty())
        {
            return Err(Error::invalid("Inventory/Identifier", "is required"));
        }
        Ok(())
    }
}

impl Validate for InventoryBulkCreate {
    fn validate(&self) -> Result<(), Error> {
        if self.inventory_items.is_empty() {
            return Err(Error::invalid("InventoryItems", "is empty"));
        }
        if self.inventory_items.iter().any(|i| i.customer_id.is_some()) {
            return Err(Error::invalid(
                "InventoryItems/Inventory/CustomerID",
                "is prohibited",
            ));
        }
        if self
            .inventory_items
            .iter()
            .any(|i| i.identifier.as_deref().is_none_or(|s| s.trim().is_empty()))
        {
            return Err(Error::invalid(
                "InventoryItems/Inventory/Identifier",
                "is required",
            ));
        }
        Ok(())
    }
}

impl Validate for InventoryAssign {
    fn validate(&self) -> Result<(), Error> {
        positive("InventoryItemID", self.inventory_item_id)?;
        if self.customer_id.is_none()
            && self.line_id.is_none()
            && self.customer_product_id.is_none()
        {
            return Err(Error::invalid(
                "CustomerID",
                "send at least one of CustomerID, LineID, CustomerProductID",
            ));
        }
        Ok(())
    }
}

operations! {
    /// Creates an inventory item. The response fields were not visible on the vendor's
    /// page; the result keeps every element.
    inventory_create(InventoryCreate) -> Extra = "Inventory_Create", Write;
    /// Creates many inventory items in one call.
    inventory_bulk_create(InventoryBulkCreate) -> Extra = "Inventory_Bulk_Create", Write;
    /// Assigns an inventory item to a customer, service or customer product.
    inventory_assign(InventoryAssign) -> () = "Inventory_Assign", Write;
}
