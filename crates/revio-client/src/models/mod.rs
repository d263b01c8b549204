//! Request and response types, one file per resource, and the shared types and enums.

mod agent;
mod bill;
pub(crate) mod common;
mod contact;
mod customer;
mod customer_product;
mod enums;
mod inventory;
mod line;
mod order;
mod payment;
mod product;
mod records;
mod service;
mod session;
mod task;
mod transaction;

pub use agent::*;
pub use bill::*;
pub use common::{Address, CustomField, CustomFieldUpdate, Extra, Header, Response, Update};
pub use contact::*;
pub use customer::*;
pub use customer_product::*;
pub use enums::*;
pub use inventory::*;
pub use line::*;
pub use order::*;
pub use payment::*;
pub use product::*;
pub use records::*;
pub use service::*;
pub use session::*;
pub use task::*;
pub use transaction::*;
