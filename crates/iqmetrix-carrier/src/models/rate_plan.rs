//! `RatePlan` and `RatePlanFeature`.

use serde::{Deserialize, Serialize};
use telecom_core::Money;

use crate::error::Result;
use crate::validate::{each, max_len};

/// A feature included in, or added to, a rate plan (`RatePlanFeature`).
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
#[non_exhaustive]
pub struct RatePlanFeature {
    /// Carrier-specific id, `String(64)`.
    pub rate_plan_addon_id: Option<String>,
    /// Name, `String(64)`.
    pub name: Option<String>,
    /// Description, `String(128)`.
    pub description: Option<String>,
    /// Monthly cost.
    pub monthly_recurring_charges: Option<Money>,
    /// Carrier-specific SOC code, `String(64)`.
    #[serde(rename = "SOCCode")]
    pub soc_code: Option<String>,
    /// Reserved for future use.
    pub commission_amount: Option<Money>,
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
    pub rate_plan_id: Option<String>,
    /// Name, `String(64)`.
    pub name: Option<String>,
    /// Terms and conditions, `String(256)`.
    pub contract_terms: Option<String>,
    /// Description, `String(128)`; may be empty.
    pub description: Option<String>,
    /// Features included with the plan.
    pub included_rate_plan_features: Option<Vec<RatePlanFeature>>,
    /// Monthly cost.
    pub monthly_recurring_charges: Option<Money>,
    /// Features the subscriber chose to pay for.
    pub rate_plan_feature_addons: Option<Vec<RatePlanFeature>>,
    /// Carrier-specific SOC code, `String(64)`.
    #[serde(rename = "SOCCode")]
    pub soc_code: Option<String>,
    /// Reserved for future use.
    pub commission_amount: Option<Money>,
    /// Reserved for future use.
    pub is_shared_plan: Option<bool>,
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
