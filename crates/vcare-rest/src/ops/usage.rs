//! Usage actions.

use crate::Client;
use crate::error::Error;
use crate::models::usage::{GetUsage, Usage};

impl Client {
    /// `get_usage` (`POST /usage`): usage records or per-line totals. A read: transient
    /// failures are retried.
    pub async fn get_usage(&self, request: &GetUsage) -> Result<Usage, Error> {
        self.send_action(request).await
    }
}
