//! `/inventory`: sim_swap and check_device_compatibility.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::Error;
use crate::models::builder::request_builder;
use crate::models::common::YesNo;
use crate::validate as check;

/// `change_type` of a SIM swap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[non_exhaustive]
pub enum ChangeType {
    /// `Electronic`: the carrier is updated too.
    Electronic,
    /// `Nonelectronic`: Telgoo5 only.
    Nonelectronic,
}

/// `change_reason_process` of a SIM swap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[non_exhaustive]
pub enum ChangeReason {
    /// `COURTESY_CHANGE`.
    CourtesyChange,
    /// `FREE`.
    Free,
    /// `BAD`.
    Bad,
    /// `CHANGE_ESN_REASON_BAD`.
    ChangeEsnReasonBad,
    /// `LOST_BY_CUSTOMER`.
    LostByCustomer,
    /// `REMOVED`.
    Removed,
    /// `LOST`.
    Lost,
}

/// `sim_swap`: move a line to a new SIM (or eSIM). Never resent once it may have reached
/// the vendor.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct SimSwap {
    /// R: the enrollment id.
    pub enrollment_id: String,
    /// The new SIM; required unless `is_esim_swap`.
    #[serde(default)]
    pub new_esn: Option<String>,
    /// R: the new SIM's model id.
    pub model_id: String,
    /// R: the agent (store) receiving the old SIM.
    pub store_id: String,
    /// R: whether the carrier is updated too.
    pub change_type: ChangeType,
    /// R: why.
    pub change_reason_process: ChangeReason,
    /// Swap to an eSIM (`Y`).
    #[serde(default)]
    pub is_esim_swap: bool,
}

request_builder! {
    /// Builds a [`SimSwap`]: a physical swap names `new_esn`, an eSIM swap sets
    /// `is_esim_swap(true)` instead.
    SimSwap => SimSwapBuilder {
        required {
            /// R: the enrollment id.
            into enrollment_id: String => "enrollment_id",
            /// R: the new SIM's model id.
            into model_id: String => "model_id",
            /// R: the agent (store) receiving the old SIM.
            into store_id: String => "store_id",
            /// R: whether the carrier is updated too.
            value change_type: ChangeType => "change_type",
            /// R: why.
            value change_reason_process: ChangeReason => "change_reason_process",
        }
        optional {
            /// The new SIM; required unless `is_esim_swap`.
            into new_esn: String,
        }
        defaulted {
            /// Swap to an eSIM (default `false`).
            value is_esim_swap: bool,
        }
        lists {}
    }
}

impl SimSwap {
    pub(crate) fn validate(&self) -> Result<(), Error> {
        check::alphanumeric("enrollment_id", &self.enrollment_id)?;
        match (&self.new_esn, self.is_esim_swap) {
            (Some(esn), _) => check::non_empty("new_esn", esn)?,
            (None, false) => {
                return Err(Error::invalid("new_esn", "is required unless is_esim_swap"));
            }
            (None, true) => {}
        }
        check::non_empty("model_id", &self.model_id)?;
        check::non_empty("store_id", &self.store_id)
    }
}

/// What sim_swap answers.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum SimSwapResult {
    /// The physical SIM swap was done (`data: ""`).
    Swapped,
    /// The eSIM swap was done; here is how to install the new profile.
    Esim(EsimProfile),
}

/// A new eSIM profile. Activation codes are `LPA:1$...` strings.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct EsimProfile {
    /// The enrollment id.
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_text")]
    pub enroll_id: Option<String>,
    /// SM-DP+ address.
    #[serde(
        default,
        rename = "SMDPADDRESS",
        deserialize_with = "telecom_core::lenient::opt_text"
    )]
    pub smdp_address: Option<String>,
    /// Activation code.
    #[serde(
        default,
        rename = "ACTIVATION_CODE",
        deserialize_with = "telecom_core::lenient::opt_text"
    )]
    pub activation_code: Option<String>,
    /// Activation code for a QR code.
    #[serde(
        default,
        rename = "QR_ACTIVATION_CODE",
        deserialize_with = "telecom_core::lenient::opt_text"
    )]
    pub qr_activation_code: Option<String>,
    /// The new eSIM's ICCID.
    #[serde(
        default,
        rename = "NEW_ESIM",
        deserialize_with = "telecom_core::lenient::opt_text"
    )]
    pub new_esim: Option<String>,
    /// Fields this version does not type.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// `check_device_compatibility` (`POST /inventory`): can this device (by IMEI) be used on the
/// network, and can it take an eSIM. A read: nothing changes at the vendor.
///
/// The vendor names this action without publishing its fields (`docs/vendors/vcare.md`
/// §3, "named in cross-links"); the request takes what its sister inquiries take (the
/// device's `imei`, the `carrier` abbreviation, a `zip_code`).
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct CheckDeviceCompatibility {
    /// R: the device's 15-digit IMEI.
    pub imei: String,
    /// The carrier to check against, as its Telgoo5 abbreviation (`TMB`, `ATT`, ...).
    #[serde(default)]
    pub carrier: Option<String>,
    /// Five-digit zip code of the service address.
    #[serde(default)]
    pub zip_code: Option<String>,
}

request_builder! {
    /// Builds a [`CheckDeviceCompatibility`].
    CheckDeviceCompatibility => CheckDeviceCompatibilityBuilder {
        required {
            /// R: the device's 15-digit IMEI.
            into imei: String => "imei",
        }
        optional {
            /// The carrier to check against (`TMB`, `ATT`, ...).
            into carrier: String,
            /// Five-digit zip code of the service address.
            into zip_code: String,
        }
        defaulted {}
        lists {}
    }
}

impl CheckDeviceCompatibility {
    pub(crate) fn validate(&self) -> Result<(), Error> {
        check::digits("imei", &self.imei, 15)?;
        check::opt(self.carrier.as_deref(), |s| check::non_empty("carrier", s))?;
        check::opt(self.zip_code.as_deref(), |s| check::zip("zip_code", s))
    }
}

/// What check_device_compatibility answers. The vendor has not published this schema: the
/// flags and names an integrator reads are typed when present (flags as [`YesNo`], since
/// the vendor writes them `"Y"`/`"N"`, `"1"`/`"0"` or numbers), and everything else is kept
/// in `extra`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct DeviceCompatibility {
    /// The IMEI the answer is about.
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_text")]
    pub imei: Option<String>,
    /// Whether the device works on the network.
    #[serde(default)]
    pub is_compatible: Option<YesNo>,
    /// Whether the device can take an eSIM.
    #[serde(default)]
    pub is_esim_compatible: Option<YesNo>,
    /// Whether the device supports VoLTE.
    #[serde(default)]
    pub is_volte_compatible: Option<YesNo>,
    /// The maker (`Apple`).
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_text")]
    pub make: Option<String>,
    /// The model (`iPhone 13`).
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_text")]
    pub model: Option<String>,
    /// The carrier the answer is for.
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_text")]
    pub carrier: Option<String>,
    /// Fields this version does not type.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl DeviceCompatibility {
    /// `Some(true)` when the vendor says the device works on the network, `Some(false)` when
    /// it says not, `None` when it did not say (or said something this version does not read).
    pub fn compatible(&self) -> Option<bool> {
        self.is_compatible.as_ref().and_then(YesNo::as_bool)
    }

    /// As [`DeviceCompatibility::compatible`], for an eSIM.
    pub fn esim_compatible(&self) -> Option<bool> {
        self.is_esim_compatible.as_ref().and_then(YesNo::as_bool)
    }
}
