//! `AdditionalFee`, `VendorRebate`, and the three states of a deposit.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;
use telecom_core::Money;

use super::builder::model_builder;
use crate::error::Result;
use crate::validate::{at, max_len};

/// A rebate or commission from a vendor (`VendorRebate`).
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
#[non_exhaustive]
pub struct VendorRebate {
    /// Name, `String(64)`.
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub name: Option<String>,
    /// Description, `String(128)`.
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub description: Option<String>,
    /// Amount.
    #[serde(deserialize_with = "telecom_core::lenient::opt_money")]
    pub amount: Option<Money>,
    /// Notes, `String(512)`.
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub notes: Option<String>,
    /// Carrier reference number, `String(64)`.
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub reference_number: Option<String>,
    /// Carrier-specific SOC code, `String(64)`.
    #[serde(rename = "SOCCode")]
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub soc_code: Option<String>,
    /// Fields this version does not type, as sent; written back as they are.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

model_builder! {
    VendorRebateBuilder => VendorRebate;
    opt name: String,
    opt description: String,
    opt amount: Money,
    opt notes: String,
    opt reference_number: String,
    opt soc_code: String,
}

impl VendorRebateBuilder {
    /// The rebate, checked (`String(n)` lengths).
    pub fn build(self) -> Result<VendorRebate> {
        self.inner.validate("VendorRebate")?;
        Ok(self.inner)
    }
}

impl VendorRebate {
    pub(crate) fn validate(&self, path: &str) -> Result<()> {
        max_len(path, "Name", self.name.as_deref(), 64)?;
        max_len(path, "Description", self.description.as_deref(), 128)?;
        max_len(path, "Notes", self.notes.as_deref(), 512)?;
        max_len(
            path,
            "ReferenceNumber",
            self.reference_number.as_deref(),
            64,
        )?;
        max_len(path, "SOCCode", self.soc_code.as_deref(), 64)
    }
}

/// A fee such as a recycling fee, or the deposit (`AdditionalFee`).
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
#[non_exhaustive]
pub struct AdditionalFee {
    /// Name, `String(64)`.
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub name: Option<String>,
    /// Description, `String(128)`.
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub description: Option<String>,
    /// Amount; negative for financing (`-100`).
    #[serde(deserialize_with = "telecom_core::lenient::opt_money")]
    pub amount: Option<Money>,
    /// Notes, `String(512)`.
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub notes: Option<String>,
    /// A rebate on the fee.
    pub rebate: Option<VendorRebate>,
    /// Carrier reference number, `String(64)`.
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub reference_number: Option<String>,
    /// Carrier-specific SOC code, `String(64)`.
    #[serde(rename = "SOCCode")]
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub soc_code: Option<String>,
    /// Fields this version does not type, as sent; written back as they are.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

model_builder! {
    AdditionalFeeBuilder => AdditionalFee;
    opt name: String,
    opt description: String,
    opt amount: Money,
    opt notes: String,
    opt rebate: VendorRebate,
    opt reference_number: String,
    opt soc_code: String,
}

impl AdditionalFeeBuilder {
    /// The fee, checked (`String(n)` lengths, its rebate's too).
    pub fn build(self) -> Result<AdditionalFee> {
        self.inner.validate("AdditionalFee")?;
        Ok(self.inner)
    }
}

impl AdditionalFee {
    pub(crate) fn validate(&self, path: &str) -> Result<()> {
        max_len(path, "Name", self.name.as_deref(), 64)?;
        max_len(path, "Description", self.description.as_deref(), 128)?;
        max_len(path, "Notes", self.notes.as_deref(), 512)?;
        max_len(
            path,
            "ReferenceNumber",
            self.reference_number.as_deref(),
            64,
        )?;
        max_len(path, "SOCCode", self.soc_code.as_deref(), 64)?;
        if let Some(rebate) = &self.rebate {
            rebate.validate(&at(path, "Rebate"))?;
        }
        Ok(())
    }
}

/// The security deposit of an activation, with "waived" and "not given" kept apart.
///
/// iQmetrix documents `"Deposit": null` as a $0 (waived) deposit, so `null` is not the same as
/// leaving the field out:
///
/// | value | on the wire |
/// |---|---|
/// | [`Deposit::NotGiven`] (the default) | no `Deposit` key |
/// | [`Deposit::Waived`] | `"Deposit": null` |
/// | [`Deposit::Fee`] | `"Deposit": { ... }` |
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Deposit {
    /// No deposit information: the key is left out.
    #[default]
    NotGiven,
    /// A $0 deposit: sent as `null`.
    Waived,
    /// A deposit to pay.
    Fee(Box<AdditionalFee>),
}

impl Deposit {
    /// True for [`Deposit::NotGiven`]; used to leave the key out.
    pub fn is_not_given(&self) -> bool {
        matches!(self, Deposit::NotGiven)
    }

    /// The fee, when there is one.
    pub fn fee(&self) -> Option<&AdditionalFee> {
        match self {
            Deposit::Fee(fee) => Some(fee),
            _ => None,
        }
    }
}

impl From<AdditionalFee> for Deposit {
    /// A deposit to pay: [`Deposit::Fee`].
    fn from(fee: AdditionalFee) -> Self {
        Deposit::Fee(Box::new(fee))
    }
}

impl Serialize for Deposit {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Deposit::Fee(fee) => fee.serialize(serializer),
            // NotGiven is skipped by the field attribute; were it not, null is the closest.
            Deposit::Waived | Deposit::NotGiven => serializer.serialize_none(),
        }
    }
}

impl<'de> Deserialize<'de> for Deposit {
    /// A present `null` (or `""`, the API's "no value") is [`Deposit::Waived`]; a missing
    /// key never reaches here and is [`Deposit::NotGiven`] through `#[serde(default)]`.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(
            match telecom_core::lenient::opt_object::<D, AdditionalFee>(deserializer)? {
                Some(fee) => Deposit::Fee(Box::new(fee)),
                None => Deposit::Waived,
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize, Deserialize, Default)]
    struct Holder {
        #[serde(
            default,
            rename = "Deposit",
            skip_serializing_if = "Deposit::is_not_given"
        )]
        deposit: Deposit,
    }

    #[test]
    fn waived_and_not_given_are_different_on_the_wire() {
        let waived: Holder = serde_json::from_str(r#"{"Deposit":null}"#).unwrap();
        assert_eq!(waived.deposit, Deposit::Waived);
        assert_eq!(
            serde_json::to_string(&waived).unwrap(),
            r#"{"Deposit":null}"#
        );
        // The API's "no value" is no deposit to pay, as null is.
        let empty: Holder = serde_json::from_str(r#"{"Deposit":""}"#).unwrap();
        assert_eq!(empty.deposit, Deposit::Waived);
        let absent: Holder = serde_json::from_str("{}").unwrap();
        assert_eq!(absent.deposit, Deposit::NotGiven);
        assert_eq!(serde_json::to_string(&absent).unwrap(), "{}");
        let fee: Holder = serde_json::from_str(r#"{"Deposit":{"Amount":55}}"#).unwrap();
        assert_eq!(
            fee.deposit
                .fee()
                .and_then(|f| f.amount)
                .map(|m| m.to_string())
                .as_deref(),
            Some("55")
        );
        assert_eq!(
            serde_json::to_string(&fee).unwrap(),
            r#"{"Deposit":{"Amount":55}}"#
        );
    }
}
