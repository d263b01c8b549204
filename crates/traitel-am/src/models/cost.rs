//! Cost queries: `querysmscost`, `queryvoicecost`, `queryfaxcost`.

use serde::{Deserialize, Serialize};
use telecom_core::{Money, PhoneNumber};

use crate::error::{Error, Result};
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
        })
    }
}

/// The input of `querysmscost`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SmsCostQuery {
    /// `number`: the destination in international form (`+61412345678` or `61412345678`).
    pub number: String,
    /// `type`.
    #[serde(rename = "type")]
    pub kind: SmsCostType,
}

impl SmsCostQuery {
    /// The price of an SMS of product `kind` to `number`.
    pub fn new(number: impl Into<String>, kind: SmsCostType) -> Self {
        SmsCostQuery {
            number: number.into(),
            kind,
        }
    }

    pub(crate) fn params(&self) -> Result<Vec<(&'static str, String)>> {
        if self.kind.is_unknown() {
            return Err(Error::invalid(
                "type",
                format!(
                    "{:?} is not one of replies, masking, tracking, masktrack",
                    self.kind.as_str()
                ),
            ));
        }
        Ok(vec![
            ("number", international("number", &self.number)?),
            ("type", self.kind.as_str().to_owned()),
        ])
    }
}

/// A destination in international form, sent as its E.164 digits without `+`.
///
/// A ten-digit NANP number without its country code is refused: the gateway prices
/// numbers worldwide and would read it as some other country's number.
pub(crate) fn international(field: &'static str, text: &str) -> Result<String> {
    let n = PhoneNumber::parse(text).map_err(|e| Error::invalid(field, e.to_string()))?;
    let written = text.chars().filter(char::is_ascii_digit).count();
    match n.e164_digits() {
        Some(d) if d.len() == written => Ok(d.to_owned()),
        _ => Err(Error::invalid(
            field,
            format!("{text:?} lacks its country code; write it in international form"),
        )),
    }
}
