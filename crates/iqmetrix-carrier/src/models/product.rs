//! `ActivatedProduct` and its `Tab`.

use serde::{Deserialize, Serialize};
use telecom_core::{Money, PhoneNumber};

use super::fees::VendorRebate;
use crate::error::Result;
use crate::validate::{at, max_len};

/// A discount added to or taken off the product's price (`Tab`).
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
#[non_exhaustive]
pub struct Tab {
    /// Amount.
    pub amount: Option<Money>,
    /// The commission on the tab.
    pub commission: Option<VendorRebate>,
    /// Carrier reference number.
    pub reference_number: Option<String>,
}

/// The device being activated (`ActivatedProduct`).
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
#[non_exhaustive]
pub struct ActivatedProduct {
    /// Description, `String(128)`.
    pub description: Option<String>,
    /// Electronic Serial Number, `String(32)`; searched first when importing.
    #[serde(rename = "ESN")]
    pub esn: Option<String>,
    /// IMEI, `String(32)`.
    #[serde(rename = "IMEI")]
    pub imei: Option<String>,
    /// Make, `String(64)`.
    pub make: Option<String>,
    /// The phone number (MDN), `String(32)`.
    pub mobile_device_number: Option<PhoneNumber>,
    /// Model, `String(64)`.
    pub model: Option<String>,
    /// Price; an integer stays an integer when written back (`499`).
    pub price: Option<Money>,
    /// Product id in other iQmetrix systems, `String(64)`; may be empty.
    pub product_id: Option<String>,
    /// Serial number, `String(64)`.
    pub serial_number: Option<String>,
    /// SIM, `String(32)`.
    #[serde(rename = "SIM")]
    pub sim: Option<String>,
    /// Stock-keeping unit, `String(64)`; used for customer-owned phones.
    #[serde(rename = "SKU")]
    pub sku: Option<String>,
    /// Carrier-specific SOC, `String(64)`.
    #[serde(rename = "SOCCode")]
    pub soc_code: Option<String>,
    /// A discount on the price.
    pub tab: Option<Tab>,
    /// Reserved for future use.
    pub is_carrier_supplied: Option<bool>,
    /// Reserved for future use.
    pub number_ported_in: Option<bool>,
}

impl ActivatedProduct {
    pub(crate) fn validate(&self, path: &str) -> Result<()> {
        max_len(path, "Description", self.description.as_deref(), 128)?;
        max_len(path, "ESN", self.esn.as_deref(), 32)?;
        max_len(path, "IMEI", self.imei.as_deref(), 32)?;
        max_len(path, "Make", self.make.as_deref(), 64)?;
        max_len(
            path,
            "MobileDeviceNumber",
            self.mobile_device_number
                .as_ref()
                .map(PhoneNumber::original),
            32,
        )?;
        max_len(path, "Model", self.model.as_deref(), 64)?;
        max_len(path, "ProductId", self.product_id.as_deref(), 64)?;
        max_len(path, "SerialNumber", self.serial_number.as_deref(), 64)?;
        max_len(path, "SIM", self.sim.as_deref(), 32)?;
        max_len(path, "SKU", self.sku.as_deref(), 64)?;
        max_len(path, "SOCCode", self.soc_code.as_deref(), 64)?;
        if let Some(commission) = self.tab.as_ref().and_then(|t| t.commission.as_ref()) {
            commission.validate(&at(&at(path, "Tab"), "Commission"))?;
        }
        Ok(())
    }
}
