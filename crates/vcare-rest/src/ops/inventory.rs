//! Inventory actions.

use crate::Client;
use crate::error::Error;
use serde_json::Value;
use telecom_core::CallKind;

use crate::models::inventory::{ChangeType, SimSwap, SimSwapResult};
use crate::ops::Action;
use crate::transport::Operation;
use crate::validate as check;
use crate::wire::{Body, Envelope};

impl Client {
    /// `sim_swap` (`POST /inventory`): move a line to a new SIM or eSIM. Never resent once it
    /// may have reached the vendor.
    pub async fn sim_swap(&self, request: &SimSwap) -> Result<SimSwapResult, Error> {
        self.send_action(request).await
    }
}

impl Action for SimSwap {
    const OPERATION: Operation = Operation::new("inventory", "sim_swap", CallKind::Write);
    type Output = SimSwapResult;

    fn body(&self) -> Result<Body, Error> {
        check::alphanumeric("enrollment_id", &self.enrollment_id)?;
        match (&self.new_esn, self.is_esim_swap) {
            (Some(esn), _) => check::non_empty("new_esn", esn)?,
            (None, false) => {
                return Err(Error::invalid("new_esn", "is required unless is_esim_swap"));
            }
            (None, true) => {}
        }
        check::non_empty("model_id", &self.model_id)?;
        check::non_empty("store_id", &self.store_id)?;
        let mut body = Body::new()
            .str("enrollment_id", &self.enrollment_id)
            .opt_str("new_esn", self.new_esn.as_deref())
            .str("model_id", &self.model_id)
            .str("store_id", &self.store_id)
            .str(
                "change_type",
                match self.change_type {
                    ChangeType::Electronic => "Electronic",
                    ChangeType::Nonelectronic => "Nonelectronic",
                },
            )
            .str("change_reason_process", self.change_reason_process.as_str());
        if self.is_esim_swap {
            body = body.yn("is_esim_swap", true);
        }
        Ok(body)
    }

    fn output(envelope: &Envelope) -> Result<Self::Output, serde_json::Error> {
        match &envelope.data {
            Some(value @ Value::Object(_)) => {
                serde::Deserialize::deserialize(value).map(SimSwapResult::Esim)
            }
            // A physical swap answers `data: ""`.
            _ => Ok(SimSwapResult::Swapped),
        }
    }
}
