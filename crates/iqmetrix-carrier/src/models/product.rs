//! `ActivatedProduct` and its `Tab`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use telecom_core::{Money, PhoneNumber};

use super::builder::model_builder;
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
    #[serde(deserialize_with = "telecom_core::lenient::opt_money")]
    pub amount: Option<Money>,
    /// The commission on the tab.
    pub commission: Option<VendorRebate>,
    /// Carrier reference number.
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub reference_number: Option<String>,
    /// Fields this version does not type, as sent; written back as they are.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

model_builder! {
    TabBuilder => Tab;
    opt amount: Money,
    opt commission: VendorRebate,
    opt reference_number: String,
}

impl TabBuilder {
    /// The tab, checked (its commission's `String(n)` lengths).
    pub fn build(self) -> Result<Tab> {
        self.inner.validate("Tab")?;
        Ok(self.inner)
    }
}

impl Tab {
    pub(crate) fn validate(&self, path: &str) -> Result<()> {
        match &self.commission {
            Some(commission) => commission.validate(&at(path, "Commission")),
            None => Ok(()),
        }
    }
}

/// The device being activated (`ActivatedProduct`).
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
#[non_exhaustive]
pub struct ActivatedProduct {
    /// Description, `String(128)`.
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub description: Option<String>,
    /// Electronic Serial Number, `String(32)`; searched first when importing.
    #[serde(rename = "ESN")]
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub esn: Option<String>,
    /// IMEI, `String(32)`.
    #[serde(rename = "IMEI")]
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub imei: Option<String>,
    /// Make, `String(64)`.
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub make: Option<String>,
    /// The phone number (MDN), `String(32)`.
    pub mobile_device_number: Option<PhoneNumber>,
    /// Model, `String(64)`.
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub model: Option<String>,
    /// Price; an integer stays an integer when written back (`499`).
    #[serde(deserialize_with = "telecom_core::lenient::opt_money")]
    pub price: Option<Money>,
    /// Product id in other iQmetrix systems, `String(64)`; may be empty.
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub product_id: Option<String>,
    /// Serial number, `String(64)`.
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub serial_number: Option<String>,
    /// SIM, `String(32)`.
    #[serde(rename = "SIM")]
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub sim: Option<String>,
    /// Stock-keeping unit, `String(64)`; used for customer-owned phones.
    #[serde(rename = "SKU")]
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub sku: Option<String>,
    /// Carrier-specific SOC, `String(64)`.
    #[serde(rename = "SOCCode")]
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub soc_code: Option<String>,
    /// A discount on the price.
    pub tab: Option<Tab>,
    /// Reserved for future use.
    #[serde(deserialize_with = "telecom_core::lenient::opt_bool")]
    pub is_carrier_supplied: Option<bool>,
    /// Reserved for future use.
    #[serde(deserialize_with = "telecom_core::lenient::opt_bool")]
    pub number_ported_in: Option<bool>,
    /// Fields this version does not type, as sent; written back as they are.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

model_builder! {
    ActivatedProductBuilder => ActivatedProduct;
    opt description: String,
    opt esn: String,
    opt imei: String,
    opt make: String,
    opt mobile_device_number: PhoneNumber,
    opt model: String,
    opt price: Money,
    opt product_id: String,
    opt serial_number: String,
    opt sim: String,
    opt sku: String,
    opt soc_code: String,
    opt tab: Tab,
    opt is_carrier_supplied: bool,
    opt number_ported_in: bool,
}

impl ActivatedProductBuilder {
    /// The product, checked (`String(n)` lengths, its tab's too).
    pub fn build(self) -> Result<ActivatedProduct> {
        self.inner.validate("ActivatedProduct")?;
        Ok(self.inner)
    }
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
        if let Some(tab) = &self.tab {
            tab.validate(&at(path, "Tab"))?;
        }
        Ok(())
    }
}
