//! The typed inputs and outputs, one file per resource.

pub mod cost;
pub mod did;
pub mod fax_code;
pub mod ivml;
pub mod log;
pub mod log_rows;
pub mod sms;
pub mod subaccount;

pub(crate) mod builder;
pub(crate) mod serde_fmt;

telecom_core::open_enum! {
    /// A TraiTel service (`querynumbers`, the DID modes).
    pub enum Service {
        /// Faxing.
        Fax => "fax",
        /// Voice.
        Voice => "voice",
        /// SMS.
        Sms => "sms" | ".sms",
    }
}
