//! `RatePlan` and `RatePlanFeature`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use telecom_core::Money;

use super::builder::model_builder;
use crate::error::Result;
use crate::validate::{each, max_len};

/// A feature included in, or added to, a rate plan (`RatePlanFeature`).
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
#[non_exhaustive]
pub struct RatePlanFeature {
    /// Carrier-specific id, `String(64)`.
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub rate_plan_addon_id: Option<String>,
    /// Name, `String(64)`.
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub name: Option<String>,
    /// Description, `String(128)`.
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub description: Option<String>,
    /// Monthly cost.
    #[serde(deserialize_with = "telecom_core::lenient::opt_money")]
    pub monthly_recurring_charges: Option<Money>,
    /// Carrier-specific SOC code, `String(64)`.
    #[serde(rename = "SOCCode")]
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub soc_code: Option<String>,
    /// Reserved for future use.
    #[serde(deserialize_with = "telecom_core::lenient::opt_money")]
    pub commission_amount: Option<Money>,
    /// Fields this version does not type, as sent; written back as they are.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

model_builder! {
    RatePlanFeatureBuilder => RatePlanFeature;
    opt rate_plan_addon_id: String,
    opt name: String,
    opt description: String,
    opt monthly_recurring_charges: Money,
    opt soc_code: String,
    opt commission_amount: Money,
}

impl RatePlanFeatureBuilder {
    /// The feature, checked (`String(n)` lengths).
    pub fn build(self) -> Result<RatePlanFeature> {
        self.inner.validate("RatePlanFeature")?;
        Ok(self.inner)
    }
}

impl RatePlanFeature {
    pub(crate) fn validate(&self, path: &str) -> Result<()> {
        max_len(
            path,
            "RatePlanAddonId",
            self.rate_plan_addon_id.as_deref(),
            64,
        )?;
        max_len(path, "Name", self.name.as_deref(), 64)?;
        max_len(path, "Description", self.description.as_deref(), 128)?;
        max_len(path, "SOCCode", self.soc_code.as_deref(), 64)
    }
}

/// A rate plan applied to the activation (`RatePlan`).
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
#[non_exhaustive]
pub struct RatePlan {
    /// Carrier-specific id, `String(64)`.
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub rate_plan_id: Option<String>,
    /// Name, `String(64)`.
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub name: Option<String>,
    /// Terms and conditions, `String(256)`.
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub contract_terms: Option<String>,
    /// Description, `String(128)`; may be empty.
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub description: Option<String>,
    /// Features included with the plan.
    #[serde(deserialize_with = "telecom_core::lists::opt_list")]
    pub included_rate_plan_features: Option<Vec<RatePlanFeature>>,
    /// Monthly cost.
    #[serde(deserialize_with = "telecom_core::lenient::opt_money")]
    pub monthly_recurring_charges: Option<Money>,
    /// Features the subscriber chose to pay for.
    #[serde(deserialize_with = "telecom_core::lists::opt_list")]
    pub rate_plan_feature_addons: Option<Vec<RatePlanFeature>>,
    /// Carrier-specific SOC code, `String(64)`.
    #[serde(rename = "SOCCode")]
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub soc_code: Option<String>,
    /// Reserved for future use.
    #[serde(deserialize_with = "telecom_core::lenient::opt_money")]
    pub commission_amount: Option<Money>,
    /// Reserved for future use.
    #[serde(deserialize_with = "telecom_core::lenient::opt_bool")]
    pub is_shared_plan: Option<bool>,
    /// Fields this version does not type, as sent; written back as they are.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

model_builder! {
    RatePlanBuilder => RatePlan;
    opt rate_plan_id: String,
    opt name: String,
    opt contract_terms: String,
    opt description: String,
    list included_rate_plan_features: RatePlanFeature,
    opt monthly_recurring_charges: Money,
    list rate_plan_feature_addons: RatePlanFeature,
    opt soc_code: String,
    opt commission_amount: Money,
    opt is_shared_plan: bool,
}

impl RatePlanBuilder {
    /// The rate plan, checked (`String(n)` lengths, its features' too).
    pub fn build(self) -> Result<RatePlan> {
        self.inner.validate("RatePlan")?;
        Ok(self.inner)
    }
}

impl RatePlan {
    pub(crate) fn validate(&self, path: &str) -> Result<()> {
        max_len(path, "RatePlanId", self.rate_plan_id.as_deref(), 64)?;
        max_len(path, "Name", self.name.as_deref(), 64)?;
        max_len(path, "ContractTerms", self.contract_terms.as_deref(), 256)?;
        max_len(path, "Description", self.description.as_deref(), 128)?;
        max_len(path, "SOCCode", self.soc_code.as_deref(), 64)?;
        each(
            path,
            "IncludedRatePlanFeatures",
            self.included_rate_plan_features.as_deref(),
            RatePlanFeature::validate,
        )?;
        each(
            path,
            "RatePlanFeatureAddons",
            self.rate_plan_feature_addons.as_deref(),
            RatePlanFeature::validate,
        )
    }
}
