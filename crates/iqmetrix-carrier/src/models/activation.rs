//! `Activation` and `CarrierActivationDetails`.

use serde::{Deserialize, Serialize};
use serde_with::serde_as;
use telecom_core::Money;
use telecom_core::dates::Rfc3339Utc;
use time::OffsetDateTime;

use super::enums::{ActivationState, ActivationType, ContractTerm, contract_term_as_number};
use super::fees::{AdditionalFee, Deposit};
use super::lenient;
use super::product::ActivatedProduct;
use super::rate_plan::RatePlan;
use super::subscriber::Subscriber;
use crate::error::Result;
use crate::validate::{at, each, max_len};

/// An activation: its ids and all its details (`Activation`).
///
/// The same type is sent (create) and received (create, get). Everything is optional so a
/// response missing a field still reads; [`Client::create_activation`](crate::Client::create_activation)
/// checks that the ids the spec requires are there before sending.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
#[non_exhaustive]
pub struct Activation {
    /// The lookup key of the activation, `{fieldId}={value}[,...]` (see [`LookupKey`](crate::LookupKey)).
    pub id: Option<String>,
    /// The details.
    pub carrier_activation_details: Option<CarrierActivationDetails>,
    /// The carrier, as carrier services numbers it; must equal the one in the path.
    pub carrier_id: Option<i64>,
    /// The company making the request.
    pub company_id: Option<i64>,
    /// The location making the request; must equal the one in the path.
    #[serde(alias = "LocationID")]
    pub location_id: Option<i64>,
}

impl Activation {
    /// An activation to send to `path`: its `Id`, `CarrierId`, `CompanyId` and `LocationId`
    /// taken from the path, with these details.
    pub fn for_path(path: &crate::ActivationPath, details: CarrierActivationDetails) -> Activation {
        Activation {
            id: Some(path.key.to_string()),
            carrier_activation_details: Some(details),
            carrier_id: Some(path.carrier_id),
            company_id: Some(path.company_id),
            location_id: Some(path.location_id),
        }
    }
}

/// The customer, product and rate-plan information of an activation
/// (`CarrierActivationDetails`).
#[serde_as]
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
#[non_exhaustive]
pub struct CarrierActivationDetails {
    /// System-generated id.
    pub activation_id: Option<i64>,
    /// When the activation occurred (UTC; system generated). Written with `Z` and the
    /// fractional digits it has (`2015-06-19T05:44:39.7163989Z`).
    #[serde_as(as = "Option<Rfc3339Utc>")]
    pub activation_date: Option<OffsetDateTime>,
    /// The product being activated.
    pub activated_product: Option<ActivatedProduct>,
    /// The state.
    pub activation_state: Option<ActivationState>,
    /// Type of term for the contract, `String(64)`; values vary by carrier.
    pub activation_term_code: Option<String>,
    /// New activation, upgrade, ...
    pub activation_type: Option<ActivationType>,
    /// Fees other than the deposit and the tab.
    pub additional_fees: Option<Vec<AdditionalFee>>,
    /// Contract length in months (RQ's `ContractTerm`), written as an integer.
    #[serde(serialize_with = "contract_term_as_number")]
    pub contract_length_in_months: Option<ContractTerm>,
    /// Whether the account number stands for the contract number.
    #[serde(deserialize_with = "lenient::bool_opt")]
    pub contract_number_is_account_number: Option<bool>,
    /// Carrier-specific dealer name.
    pub dealer_name: Option<String>,
    /// Carrier-specific dealer code, `String(64)`.
    pub dealer_code: Option<String>,
    /// The security deposit: not given, waived (`null`) or a fee.
    #[serde(skip_serializing_if = "Deposit::is_not_given")]
    pub deposit: Deposit,
    /// Notes, `String(256)`.
    pub notes: Option<String>,
    /// Carrier-specific order id, `String(64)`.
    pub order_number: Option<String>,
    /// Rate plans.
    pub rate_plans: Option<Vec<RatePlan>>,
    /// Carrier-specific id of the activation, `String(64)`.
    #[serde(rename = "RemoteActivationID", alias = "RemoteActivationId")]
    pub remote_activation_id: Option<String>,
    /// The customer.
    pub subscriber: Option<Subscriber>,
    /// Carrier-specific tracking number, `String(64)`.
    pub tracking_number: Option<String>,
    /// Reserved for future use.
    pub billing_code: Option<String>,
    /// Reserved for future use.
    pub billing_cycle: Option<String>,
    /// Reserved for future use.
    pub billing_cycle_date: Option<String>,
    /// Reserved for future use.
    pub commission: Option<Money>,
    /// Reserved for future use.
    pub company_code: Option<String>,
    /// Reserved for future use.
    pub is_commissionable: Option<bool>,
    /// Reserved for future use.
    #[serde(rename = "OriginalIMEI")]
    pub original_imei: Option<String>,
    /// Reserved for future use.
    #[serde(rename = "OriginalSIM")]
    pub original_sim: Option<String>,
    /// Reserved for future use.
    pub original_rate_plan_code: Option<String>,
    /// Reserved for future use.
    #[serde(rename = "OriginalRatePlanMRC")]
    pub original_rate_plan_mrc: Option<String>,
    /// Reserved for future use.
    pub sales_representative_name: Option<String>,
    /// Reserved for future use.
    pub upgrade_code: Option<String>,
    /// Reserved for future use.
    pub upgrade_source_number: Option<String>,
}

impl CarrierActivationDetails {
    pub(crate) fn validate(&self, path: &str) -> Result<()> {
        max_len(
            path,
            "ActivationTermCode",
            self.activation_term_code.as_deref(),
            64,
        )?;
        max_len(path, "DealerCode", self.dealer_code.as_deref(), 64)?;
        max_len(path, "Notes", self.notes.as_deref(), 256)?;
        max_len(path, "OrderNumber", self.order_number.as_deref(), 64)?;
        max_len(
            path,
            "RemoteActivationID",
            self.remote_activation_id.as_deref(),
            64,
        )?;
        max_len(path, "TrackingNumber", self.tracking_number.as_deref(), 64)?;
        if let Some(product) = &self.activated_product {
            product.validate(&at(path, "ActivatedProduct"))?;
        }
        each(
            path,
            "AdditionalFees",
            self.additional_fees.as_deref(),
            AdditionalFee::validate,
        )?;
        if let Deposit::Fee(fee) = &self.deposit {
            fee.validate(&at(path, "Deposit"))?;
        }
        each(
            path,
            "RatePlans",
            self.rate_plans.as_deref(),
            RatePlan::validate,
        )?;
        if let Some(subscriber) = &self.subscriber {
            subscriber.validate(&at(path, "Subscriber"))?;
        }
        Ok(())
    }
}
