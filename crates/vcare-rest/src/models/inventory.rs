//! `/inventory`: sim_swap.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// `change_type` of a SIM swap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub enum ChangeType {
    /// `Electronic`: the carrier is updated too.
    Electronic,
    /// `Nonelectronic`: Telgoo5 only.
    Nonelectronic,
}

/// `change_reason_process` of a SIM swap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
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

impl ChangeReason {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            ChangeReason::CourtesyChange => "COURTESY_CHANGE",
            ChangeReason::Free => "FREE",
            ChangeReason::Bad => "BAD",
            ChangeReason::ChangeEsnReasonBad => "CHANGE_ESN_REASON_BAD",
            ChangeReason::LostByCustomer => "LOST_BY_CUSTOMER",
            ChangeReason::Removed => "REMOVED",
            ChangeReason::Lost => "LOST",
        }
    }
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

impl SimSwap {
    /// A swap to a new physical SIM.
    pub fn to_sim(
        enrollment_id: impl Into<String>,
        new_esn: impl Into<String>,
        model_id: impl Into<String>,
        store_id: impl Into<String>,
        change_type: ChangeType,
        change_reason_process: ChangeReason,
    ) -> Self {
        SimSwap {
            enrollment_id: enrollment_id.into(),
            new_esn: Some(new_esn.into()),
            model_id: model_id.into(),
            store_id: store_id.into(),
            change_type,
            change_reason_process,
            is_esim_swap: false,
        }
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
    #[serde(default, deserialize_with = "crate::de::opt_text")]
    pub enroll_id: Option<String>,
    /// SM-DP+ address.
    #[serde(
        default,
        rename = "SMDPADDRESS",
        deserialize_with = "crate::de::opt_text"
    )]
    pub smdp_address: Option<String>,
    /// Activation code.
    #[serde(
        default,
        rename = "ACTIVATION_CODE",
        deserialize_with = "crate::de::opt_text"
    )]
    pub activation_code: Option<String>,
    /// Activation code for a QR code.
    #[serde(
        default,
        rename = "QR_ACTIVATION_CODE",
        deserialize_with = "crate::de::opt_text"
    )]
    pub qr_activation_code: Option<String>,
    /// The new eSIM's ICCID.
    #[serde(default, rename = "NEW_ESIM", deserialize_with = "crate::de::opt_text")]
    pub new_esim: Option<String>,
    /// Every other field.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}
