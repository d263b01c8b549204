//! `/plan`: plan_list.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use telecom_core::Money;

use crate::error::Error;
use crate::models::builder::request_builder;
use crate::models::common::YesNo;
use crate::models::enrollment::EnrollmentType;
use crate::validate as check;

/// `plan_list`: the plans offered at a zip code.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct PlanList {
    /// R: five-digit zip code.
    pub zip_code: String,
    /// R: the kind of enrollment.
    #[serde(default)]
    pub enrollment_type: EnrollmentType,
    /// One plan only (all plans when absent).
    #[serde(default)]
    pub plan_id: Option<String>,
    /// Tribal plans (`Y`/`N`).
    #[serde(default)]
    pub tribal: Option<bool>,
    /// Family plans (`Y`/`N`; sent by reference clients, not in the vendor's table).
    #[serde(default)]
    pub is_family_plan: Option<bool>,
}

request_builder! {
    /// Builds a [`PlanList`].
    PlanList => PlanListBuilder {
        required {
            /// R: five-digit zip code.
            into zip_code: String => "zip_code",
        }
        optional {
            /// One plan only (all plans when absent).
            into plan_id: String,
            /// Tribal plans (`Y`/`N`).
            value tribal: bool,
            /// Family plans (`Y`/`N`).
            value is_family_plan: bool,
        }
        defaulted {
            /// R: the kind of enrollment (default `NON_LIFELINE`).
            value enrollment_type: EnrollmentType,
        }
        lists {}
    }
}

impl PlanList {
    pub(crate) fn validate(&self) -> Result<(), Error> {
        check::zip("zip_code", &self.zip_code)?;
        check::opt(self.plan_id.as_deref(), |s| check::numeric("plan_id", s))
    }
}

/// One plan. Numbers arrive as strings or numbers (`"231"`, `"29.24"`, `0`); they are read
/// either way. Fields not typed here are kept in `extra`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct Plan {
    /// Plan id.
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_text")]
    pub plan_id: Option<String>,
    /// Plan code.
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_text")]
    pub plan_code: Option<String>,
    /// Plan name.
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_text")]
    pub plan_name: Option<String>,
    /// Price.
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_money")]
    pub plan_price: Option<Money>,
    /// Price with taxes and fees.
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_money")]
    pub total_plan_price: Option<Money>,
    /// Description.
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_text")]
    pub plan_description: Option<String>,
    /// Display name.
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_text")]
    pub display_name: Option<String>,
    /// Data allowance, as the vendor writes it.
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_text")]
    pub data: Option<String>,
    /// Talk allowance.
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_text")]
    pub talk: Option<String>,
    /// Text allowance.
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_text")]
    pub text: Option<String>,
    /// Carriers (`["HELIXATT"]`).
    #[serde(default, deserialize_with = "telecom_core::lenient::string_list")]
    pub carrier: Vec<String>,
    /// `prepaid` or `postpaid`.
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_text")]
    pub is_prepaid_postpaid: Option<String>,
    /// Whether it is a family plan.
    #[serde(default)]
    pub is_familyplan: Option<YesNo>,
    /// Days until the plan expires.
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_u64")]
    pub plan_expiry_days: Option<u64>,
    /// `MONTHLY`, ...
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_text")]
    pub plan_expiry_type: Option<String>,
    /// Fields this version does not type.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}
