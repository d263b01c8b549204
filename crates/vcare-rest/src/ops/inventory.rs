//! Inventory actions.

use crate::Client;
use crate::error::Error;
use crate::models::inventory::{SimSwap, SimSwapResult};

impl Client {
    /// `sim_swap` (`POST /inventory`): move a line to a new SIM or eSIM. Never resent once it
    /// may have reached the vendor.
    pub async fn sim_swap(&self, request: &SimSwap) -> Result<SimSwapResult, Error> {
        self.send_action(request).await
    }
}
