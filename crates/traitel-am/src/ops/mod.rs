//! The modes, grouped by resource as the spec groups them.

mod account;
mod costs;
mod dids;
mod ivml;
mod logs;
mod raw;
mod subaccounts;

pub use costs::SMS_COST_MODE;
pub use raw::RawResponse;
