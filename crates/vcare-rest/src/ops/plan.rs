//! Plan actions.

use crate::Client;
use crate::error::Error;
use crate::models::plan::{Plan, PlanList};

impl Client {
    /// `plan_list` (`POST /plan`): the plans offered at a zip code. A read: transient
    /// failures are retried.
    pub async fn plan_list(&self, request: &PlanList) -> Result<Vec<Plan>, Error> {
        self.send_action(request).await
    }
}
