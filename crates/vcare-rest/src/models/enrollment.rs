//! `/enrollment`: check_service_availability.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::Error;
use crate::models::builder::request_builder;
use crate::models::common::YesNo;
use crate::validate as check;

/// The `enrollment_type` of check_service_availability and plan_list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[non_exhaustive]
pub enum EnrollmentType {
    /// `NON_LIFELINE`: prepaid and postpaid.
    #[default]
    NonLifeline,
    /// `LIFELINE`: Lifeline and ACP.
    Lifeline,
}

impl EnrollmentType {
    /// The wire text.
    pub fn as_str(self) -> &'static str {
        match self {
            EnrollmentType::NonLifeline => "NON_LIFELINE",
            EnrollmentType::Lifeline => "LIFELINE",
        }
    }
}

/// `check_service_availability`: is there service at this zip code, and (with
/// `is_enrollment`) open an enrollment.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct CheckServiceAvailability {
    /// R: five-digit zip code.
    pub zip_code: String,
    /// R: the kind of enrollment.
    #[serde(default)]
    pub enrollment_type: EnrollmentType,
    /// `true` creates and returns an `enrollment_id`; `false` only checks the zip code.
    #[serde(default)]
    pub is_enrollment: Option<bool>,
}

request_builder! {
    /// Builds a [`CheckServiceAvailability`].
    CheckServiceAvailability => CheckServiceAvailabilityBuilder {
        required {
            /// R: five-digit zip code.
            into zip_code: String => "zip_code",
        }
        optional {
            /// `true` creates and returns an `enrollment_id`; `false` only checks the zip
            /// code.
            value is_enrollment: bool,
        }
        defaulted {
            /// R: the kind of enrollment (default `NON_LIFELINE`).
            value enrollment_type: EnrollmentType,
        }
        lists {}
    }
}

impl CheckServiceAvailability {
    pub(crate) fn validate(&self) -> Result<(), Error> {
        check::zip("zip_code", &self.zip_code)
    }
}

/// What check_service_availability answers. The many Lifeline configuration flags that are
/// not typed here are kept in `extra`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct ServiceAvailability {
    /// The new enrollment id (with `is_enrollment`).
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_text")]
    pub enrollment_id: Option<String>,
    /// City.
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_text")]
    pub city: Option<String>,
    /// State.
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_text")]
    pub state: Option<String>,
    /// Zip code, as text (the leading zero matters: `"07502"`, also when sent as `7502`).
    #[serde(default, deserialize_with = "crate::models::common::opt_zip")]
    pub zip_code: Option<String>,
    /// Whether the zip code is tribal land.
    #[serde(default)]
    pub is_tribal: Option<YesNo>,
    /// Whether Lifeline is offered (`"1"` on the wire).
    #[serde(default)]
    pub is_lifeline: Option<YesNo>,
    /// Whether combo plans are offered (the number `1` on the wire).
    #[serde(default)]
    pub is_combo: Option<YesNo>,
    /// How many SSN digits the enrollment needs.
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_u64")]
    pub required_ssn_digits: Option<u64>,
    /// Fields this version does not type.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}
