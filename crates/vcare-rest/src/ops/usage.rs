//! Usage actions.

use crate::Client;
use crate::error::Error;
use serde_json::Value;
use telecom_core::CallKind;

use crate::models::usage::{GetUsage, Usage, UsageQuery};
use crate::ops::Action;
use crate::transport::Operation;
use crate::validate as check;
use crate::wire::{Body, Envelope};
use telecom_core::dates::format_iso_date;

impl Client {
    /// `get_usage` (`POST /usage`): usage records or per-line totals. A read: transient
    /// failures are retried.
    pub async fn get_usage(&self, request: &GetUsage) -> Result<Usage, Error> {
        self.send_action(request).await
    }
}

impl Action for GetUsage {
    const OPERATION: Operation = Operation::new("usage", "get_usage", CallKind::Read);
    type Output = Usage;

    fn body(&self) -> Result<Body, Error> {
        check::alphanumeric("enrollment_id", &self.enrollment_id)?;
        let body = Body::new().str("enrollment_id", &self.enrollment_id);
        Ok(match self.query {
            UsageQuery::Summary => body.yn("summary_by_user", true),
            UsageQuery::Detail {
                start_date,
                end_date,
            } => {
                if start_date > end_date {
                    return Err(Error::invalid("start_date", "must not be after end_date"));
                }
                body.yn("summary_by_user", false)
                    .str("start_date", &format_iso_date(start_date))
                    .str("end_date", &format_iso_date(end_date))
            }
        })
    }

    fn output(envelope: &Envelope) -> Result<Self::Output, serde_json::Error> {
        match &envelope.data {
            Some(lines @ Value::Array(_)) => {
                serde::Deserialize::deserialize(lines).map(Usage::Summary)
            }
            other => crate::de::data(other.as_ref()).map(Usage::Detail),
        }
    }
}
