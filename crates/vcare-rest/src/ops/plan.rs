//! Plan actions.

use crate::Client;
use crate::error::Error;
use serde::Deserialize;
use telecom_core::CallKind;

use crate::models::plan::{Plan, PlanList};
use crate::ops::Action;
use crate::transport::Operation;
use crate::validate as check;
use crate::wire::{Body, Envelope};

impl Client {
    /// `plan_list` (`POST /plan`): the plans offered at a zip code. A read: transient
    /// failures are retried.
    pub async fn plan_list(&self, request: &PlanList) -> Result<Vec<Plan>, Error> {
        self.send_action(request).await
    }
}

impl Action for PlanList {
    const OPERATION: Operation = Operation::new("plan", "plan_list", CallKind::Read);
    type Output = Vec<Plan>;

    fn body(&self) -> Result<Body, Error> {
        check::zip("zip_code", &self.zip_code)?;
        check::opt(self.plan_id.as_deref(), |s| check::numeric("plan_id", s))?;
        Ok(Body::new()
            .str("request_name", "plan")
            .str("zip_code", &self.zip_code)
            .str("enrollment_type", self.enrollment_type.as_str())
            .str("plan_id", self.plan_id.as_deref().unwrap_or(""))
            .opt_yn("tribal", self.tribal)
            .opt_yn("is_family_plan", self.is_family_plan))
    }

    fn output(envelope: &Envelope) -> Result<Self::Output, serde_json::Error> {
        #[derive(Deserialize)]
        struct Plans(#[serde(deserialize_with = "crate::de::one_or_many")] Vec<Plan>);
        crate::de::data::<Plans>(envelope.data.as_ref()).map(|p| p.0)
    }
}
