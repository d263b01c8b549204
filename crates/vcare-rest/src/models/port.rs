//! `/port`: query_portin.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::Error;
use crate::models::builder::request_builder;
use crate::validate as check;

/// `query_portin`: the state of a port-in. The vendor asks to wait at least 10 seconds after
/// creating or updating a port before querying it.
#[derive(Debug, Clone, Deserialize)]
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

request_builder! {
    /// Builds a [`QueryPortin`].
    QueryPortin => QueryPortinBuilder {
        required {
            /// R: the enrollment id, sent as `enroll_id`.
            into enrollment_id: String => "enroll_id",
            /// R: the SIM the port was placed on.
            into esn: String => "esn",
            /// R: the ten-digit number being ported.
            into mdn: String => "mdn",
            /// R: the carrier, as an abbreviation or id (`SPR`, `TMB`, `VER`, `ATT`).
            into carrier: String => "carrier",
        }
        optional {}
        defaulted {}
        lists {}
    }
}

impl QueryPortin {
    pub(crate) fn validate(&self) -> Result<(), Error> {
        check::alphanumeric("enroll_id", &self.enrollment_id)?;
        check::non_empty("esn", &self.esn)?;
        check::phone10("mdn", &self.mdn)?;
        check::non_empty("carrier", &self.carrier)
    }
}

/// What query_portin answers. The vendor has not published this schema: the fields a
/// reference client reads are typed when present, and everything is kept in `extra`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct PortinStatus {
    /// The port's status (`completed` when done).
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_text")]
    pub status: Option<String>,
    /// The status description.
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_text")]
    pub status_description: Option<String>,
    /// The losing carrier's answer.
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_text")]
    pub carrier_response: Option<String>,
    /// How to resolve a rejected port.
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_text")]
    pub resolution_description: Option<String>,
    /// Fields this version does not type.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl PortinStatus {
    /// True when the status says the port is complete.
    pub fn is_completed(&self) -> bool {
        self.status
            .as_deref()
            .is_some_and(|s| s.eq_ignore_ascii_case("completed"))
    }
}
