//! Orders and tasks.

use crate::error::Error;
use crate::models::{Extra, NewOrdersCreate, OrdersUpdate, TasksUpdate};
use crate::ops::{Validate, operations, positive};

impl Validate for NewOrdersCreate {
    fn validate(&self) -> Result<(), Error> {
        positive("CustomerID", self.customer_id)?;
        positive("PackageID", self.package_id)?;
        if let Some(port) = &self.wireless_port
            && port.mdn.as_deref().is_none_or(|m| m.trim().is_empty())
        {
            return Err(Error::invalid(
                "WirelessPort/MDN",
                "is required when porting",
            ));
        }
        Ok(())
    }
}

impl Validate for OrdersUpdate {
    fn validate(&self) -> Result<(), Error> {
        positive("OrderID", self.order_id)
    }
}

impl Validate for TasksUpdate {
    fn validate(&self) -> Result<(), Error> {
        positive("TaskID", self.task_id)
    }
}

operations! {
    /// Creates an order adding a service with a package to an existing customer. The
    /// response fields were not visible on the vendor's page; the result keeps every element.
    new_orders_create(NewOrdersCreate) -> Extra = "NewOrders_Create", Write;
    /// Updates an order (status, completion, shipping, line changes).
    orders_update(OrdersUpdate) -> Extra = "Orders_Update", Write;
    /// Updates a task.
    tasks_update(TasksUpdate) -> Extra = "Tasks_Update", Write;
}
