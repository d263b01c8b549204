//! `/port`: query_portin.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// `query_portin`: the state of a port-in. The vendor asks to wait at least 10 seconds after
/// creating or updating a port before querying it.
#[derive(Debug, Clone, Default, Deserialize)]
#[non_exhaustive]
pub struct QueryPortin {
    /// R: the enrollment id, sent as `enroll_id` (this older action's name for it).
    pub enrollment_id: String,
    /// R: the SIM the port was placed on.
    pub esn: String,
    /// R: the ten-digit number being ported.
    pub mdn: String,
    /// R: the carrier, as an abbreviation or id (`SPR`, `TMB`, `VER`, `ATT`).
    pub carrier: String,
}

impl QueryPortin {
    /// A query for one port-in.
    pub fn new(
        enrollment_id: impl Into<String>,
        esn: impl Into<String>,
        mdn: impl Into<String>,
        carrier: impl Into<String>,
    ) -> Self {
        QueryPortin {
            enrollment_id: enrollment_id.into(),
            esn: esn.into(),
            mdn: mdn.into(),
            carrier: carrier.into(),
        }
    }
}

/// What query_portin answers. The vendor has not published this schema: the fields a
/// reference client reads are typed when present, and everything is kept in `other`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct PortinStatus {
    /// The port's status (`completed` when done).
    #[serde(default, deserialize_with = "crate::de::opt_text")]
    pub status: Option<String>,
    /// The status description.
    #[serde(default, deserialize_with = "crate::de::opt_text")]
    pub status_description: Option<String>,
    /// The losing carrier's answer.
    #[serde(default, deserialize_with = "crate::de::opt_text")]
    pub carrier_response: Option<String>,
    /// How to resolve a rejected port.
    #[serde(default, deserialize_with = "crate::de::opt_text")]
    pub resolution_description: Option<String>,
    /// Every other field.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

impl PortinStatus {
    /// True when the status says the port is complete.
    pub fn is_completed(&self) -> bool {
        self.status
            .as_deref()
            .is_some_and(|s| s.eq_ignore_ascii_case("completed"))
    }
}
