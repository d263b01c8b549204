//! Plan actions.

use serde::Serialize;
use telecom_core::CallKind;

use crate::Client;
use crate::error::Error;
use crate::models::{EnrollmentType, Plan, PlanList};
use crate::ops::Action;
use crate::transport::Operation;
use crate::wire::{Body, Lines, yes_no};

impl Client {
    /// `plan_list` (`POST /plan`): the plans offered at a zip code. A read: transient
    /// failures are retried.
    pub async fn plan_list(&self, request: &PlanList) -> Result<Vec<Plan>, Error> {
        self.send_action(request).await
    }
}

/// The `plan_list` body. `plan_id` is always sent, `""` meaning every plan.
#[serde_with::skip_serializing_none]
#[derive(Serialize)]
struct PlanListBody<'a> {
    request_name: &'static str,
    zip_code: &'a str,
    enrollment_type: EnrollmentType,
    plan_id: &'a str,
    tribal: Option<&'static str>,
    is_family_plan: Option<&'static str>,
}

impl Action for PlanList {
    const OPERATION: Operation<'static> = Operation::new("plan", "plan_list", CallKind::Read);
    type Data = Lines<Plan>;
    type Output = Vec<Plan>;

    fn body(&self) -> Result<Body, Error> {
        self.validate()?;
        Body::typed(&PlanListBody {
            request_name: "plan",
            zip_code: &self.zip_code,
            enrollment_type: self.enrollment_type,
            plan_id: self.plan_id.as_deref().unwrap_or(""),
            tribal: self.tribal.map(yes_no),
            is_family_plan: self.is_family_plan.map(yes_no),
        })
    }
}
