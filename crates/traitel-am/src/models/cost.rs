//! Cost queries: `querysmscost`, `queryvoicecost`, `queryfaxcost`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use telecom_core::Money;

use super::builder::request_builder;
use crate::error::Result;
use crate::validate::{international, known};
use crate::wire::{CsvRow, Fields};

telecom_core::open_enum! {
    /// How a call or fax is charged (`BillingType`).
    pub enum BillingType {
        /// By the second.
        PerSecond => "PerSecond",
        /// By the minute.
        PerMinute => "PerMinute",
        /// By the page (faxes).
        PerPage => "PerPage",
        /// A mix of the above (faxes).
        Mixed => "Mixed",
    }
}

telecom_core::open_enum! {
    /// Which SMS product to price (`type` of `querysmscost`).
    pub enum SmsCostType {
        /// Delivery with an automatically assigned sender ID.
        Replies => "replies",
        /// Delivery with a supplied (or alphanumeric) sender ID.
        Masking => "masking",
        /// Delivery with tracking results and an automatically assigned sender ID.
        Tracking => "tracking",
        /// Delivery with tracking results and a supplied (or alphanumeric) sender ID.
        MaskTrack => "masktrack",
    }
}

/// The price breakdown of a voice call (`queryvoicecost`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct VoiceCost {
    /// `FlagFall`: the connection charge.
    pub flag_fall: Option<Money>,
    /// `PerSecond`.
    pub per_second: Option<Money>,
    /// `PerMinute`.
    pub per_minute: Option<Money>,
    /// `BillingType`.
    pub billing_type: BillingType,
    /// `Cost`, pre-tax.
    pub cost: Money,
    /// Columns this version does not type, by header name, values as sent.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub extra: BTreeMap<String, String>,
}

impl CsvRow for VoiceCost {
    const COLUMNS: &'static [&'static str] =
        &["FlagFall", "PerSecond", "PerMinute", "BillingType", "Cost"];
    fn from_fields(f: &Fields<'_>) -> Result<Self, String> {
        Ok(VoiceCost {
            flag_fall: f.opt_money(0, "FlagFall")?,
            per_second: f.opt_money(1, "PerSecond")?,
            per_minute: f.opt_money(2, "PerMinute")?,
            billing_type: BillingType::from(f.raw(3)),
            cost: f.money(4, "Cost")?,
            extra: f.extra(),
        })
    }
}

/// The price breakdown of a fax (`queryfaxcost`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct FaxCost {
    /// `FlagFall`: the connection charge.
    pub flag_fall: Option<Money>,
    /// `PerSecond`.
    pub per_second: Option<Money>,
    /// `PerMinute`.
    pub per_minute: Option<Money>,
    /// `PerPage`.
    pub per_page: Option<Money>,
    /// `BillingType`.
    pub billing_type: BillingType,
    /// `Cost`, pre-tax.
    pub cost: Money,
    /// Columns this version does not type, by header name, values as sent.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub extra: BTreeMap<String, String>,
}

impl CsvRow for FaxCost {
    const COLUMNS: &'static [&'static str] = &[
        "FlagFall",
        "PerSecond",
        "PerMinute",
        "PerPage",
        "BillingType",
        "Cost",
    ];
    fn from_fields(f: &Fields<'_>) -> Result<Self, String> {
        Ok(FaxCost {
            flag_fall: f.opt_money(0, "FlagFall")?,
            per_second: f.opt_money(1, "PerSecond")?,
            per_minute: f.opt_money(2, "PerMinute")?,
            per_page: f.opt_money(3, "PerPage")?,
            billing_type: BillingType::from(f.raw(4)),
            cost: f.money(5, "Cost")?,
            extra: f.extra(),
        })
    }
}

/// The input of `querysmscost` ([`SmsCostQuery::builder`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SmsCostQuery {
    /// `number`: the destination in international form (`+61412345678` or `61412345678`).
    pub number: String,
    /// `type`.
    #[serde(rename = "type")]
    pub kind: SmsCostType,
}

request_builder! {
    /// Builds an [`SmsCostQuery`]; `number` and `kind` are required.
    ///
    /// ```
    /// use traitel_am::{SmsCostQuery, SmsCostType};
    /// let query = SmsCostQuery::builder()
    ///     .number("+61412345678")
    ///     .kind(SmsCostType::Replies)
    ///     .build()?;
    /// # Ok::<(), traitel_am::Error>(())
    /// ```
    SmsCostQuery => SmsCostQueryBuilder {
        required {
            /// `number`: the destination in international form (`+61412345678`).
            into number: String => "number",
            /// `type`: the SMS product to price.
            into kind: SmsCostType => "type",
        }
        optional {}
    }
}

impl SmsCostQuery {
    pub(crate) fn form(&self) -> Result<SmsCostForm<'_>> {
        Ok(SmsCostForm {
            kind: known(
                "type",
                self.kind.as_str(),
                self.kind.is_unknown(),
                SmsCostType::known_values(),
            )?,
            number: international("number", &self.number)?,
        })
    }
}

/// The parameters of `querysmscost`.
#[derive(Serialize)]
pub(crate) struct SmsCostForm<'a> {
    number: String,
    #[serde(rename = "type")]
    kind: &'a str,
}

/// The parameter of `queryvoicecost` and `queryfaxcost`.
#[derive(Serialize)]
pub(crate) struct CostForm {
    number: String,
}

impl CostForm {
    pub(crate) fn new(number: &str) -> Result<Self> {
        Ok(CostForm {
            number: international("number", number)?,
        })
    }
}
