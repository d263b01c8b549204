//! `/usage`: get_usage.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use serde_with::serde_as;
use telecom_core::dates::{IsoDate, SqlDateTime};
use telecom_core::lenient::EmptyAsNone;
use time::{Date, PrimitiveDateTime};

use crate::error::Error;
use crate::models::builder::request_builder;
use crate::validate as check;

/// `get_usage`: a line's usage records, or a summary of every line. The account must have a
/// phone number and a SIM and be Active or Suspend; history covers the last 90 days.
#[serde_as]
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct GetUsage {
    /// R: the enrollment id.
    pub enrollment_id: String,
    /// What to return.
    pub query: UsageQuery,
}

/// What get_usage returns.
#[serde_as]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum UsageQuery {
    /// `summary_by_user=Y`: totals for every line.
    Summary,
    /// `summary_by_user=N`: records between two dates (`YYYY-MM-DD`), within the last 90 days.
    Detail {
        /// First day.
        #[serde_as(as = "IsoDate")]
        start_date: Date,
        /// Last day.
        #[serde_as(as = "IsoDate")]
        end_date: Date,
    },
}

request_builder! {
    /// Builds a [`GetUsage`]: `query(UsageQuery::Summary)` or
    /// `query(UsageQuery::Detail { start_date, end_date })`.
    GetUsage => GetUsageBuilder {
        required {
            /// R: the enrollment id.
            into enrollment_id: String => "enrollment_id",
            /// R: what to return (`summary_by_user` on the wire).
            value query: UsageQuery => "summary_by_user",
        }
        optional {}
        defaulted {}
        lists {}
    }
}

impl GetUsage {
    pub(crate) fn validate(&self) -> Result<(), Error> {
        check::alphanumeric("enrollment_id", &self.enrollment_id)?;
        if let UsageQuery::Detail {
            start_date,
            end_date,
        } = self.query
            && start_date > end_date
        {
            return Err(Error::invalid("start_date", "must not be after end_date"));
        }
        Ok(())
    }
}

/// What get_usage answers.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", content = "usage", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Usage {
    /// Per-line totals (`summary_by_user=Y`).
    Summary(Vec<UsageSummary>),
    /// One line's records (`summary_by_user=N`).
    Detail(UsageDetail),
}

/// One line's totals in a summary. Keys are upper case on the wire.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct UsageSummary {
    /// Data used (`OCSDATA`).
    #[serde(
        default,
        rename = "OCSDATA",
        deserialize_with = "telecom_core::lenient::opt_text"
    )]
    pub data: Option<String>,
    /// Minutes used (`OCSMIN`).
    #[serde(
        default,
        rename = "OCSMIN",
        deserialize_with = "telecom_core::lenient::opt_text"
    )]
    pub minutes: Option<String>,
    /// Messages sent (`OCSSMS`).
    #[serde(
        default,
        rename = "OCSSMS",
        deserialize_with = "telecom_core::lenient::opt_text"
    )]
    pub sms: Option<String>,
    /// First name.
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_text")]
    pub fname: Option<String>,
    /// The line's number (a JSON number on the wire).
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_text")]
    pub telephone_number: Option<String>,
    /// Fields this version does not type.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// One line's usage records.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct UsageDetail {
    /// The data unit (`KB`).
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_text")]
    pub data_usage_unit_type: Option<String>,
    /// Decimal digits used in the amounts.
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_u64")]
    pub decimal_digit_number_usage: Option<u64>,
    /// Totals; `None` when the vendor sends none, or `[]` or `""` (PHP's empty array).
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_object")]
    pub total_usage: Option<TotalUsage>,
    /// The records; absent (empty here) when there was no usage.
    #[serde(default, deserialize_with = "telecom_core::lenient::one_or_many")]
    pub usage_detail: Vec<UsageRecord>,
    /// Fields this version does not type.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// Usage totals.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct TotalUsage {
    /// Data.
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_u64")]
    pub data: Option<u64>,
    /// MMS.
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_u64")]
    pub mms: Option<u64>,
    /// SMS.
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_u64")]
    pub sms: Option<u64>,
    /// Voice.
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_u64")]
    pub voice: Option<u64>,
    /// Usage at normal speed.
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_u64")]
    pub total_normal_usage: Option<u64>,
    /// Usage while throttled.
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_u64")]
    pub total_throttled_usage: Option<u64>,
    /// Fields this version does not type.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

telecom_core::open_enum! {
    /// A usage record's `usage_type`.
    pub enum UsageType {
        /// Data.
        Data => "DATA",
        /// SMS received.
        SmsMt => "SMS_MT",
        /// SMS sent.
        SmsMo => "SMS_MO",
        /// Voice.
        Voice => "VOICE",
        /// MMS.
        Mms => "MMS",
    }
}

/// One usage record.
#[serde_as]
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct UsageRecord {
    /// Call type.
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_text")]
    pub call_type: Option<String>,
    /// Digits dialled.
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_text")]
    pub dialled_digit: Option<String>,
    /// When (`YYYY-MM-DD HH:MM:SS`, vendor local time); `None` for `""` or a zero date.
    #[serde_as(as = "EmptyAsNone<SqlDateTime>")]
    #[serde(default)]
    pub effective_date: Option<PrimitiveDateTime>,
    /// The other party (a string or a number on the wire).
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_text")]
    pub other_party_number: Option<String>,
    /// Redirecting party.
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_text")]
    pub redirecting_party: Option<String>,
    /// The line's number (a JSON number on the wire).
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_text")]
    pub resource: Option<String>,
    /// Units used.
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_u64")]
    pub unit: Option<u64>,
    /// Units with more digits.
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_text")]
    pub unit_more_digit: Option<String>,
    /// The unit (`KB`).
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_text")]
    pub unitun: Option<String>,
    /// What kind of usage.
    #[serde(default)]
    pub usage_type: Option<UsageType>,
    /// Fields this version does not type.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}
