//! Request and response types, one file per resource.

pub mod common;
pub mod customer;
pub mod enrollment;
pub mod inventory;
pub mod payment;
pub mod plan;
pub mod port;
pub mod topup;
pub mod usage;
