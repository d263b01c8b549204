//! Usage actions.

use serde::Serialize;
use telecom_core::CallKind;
use telecom_core::dates::format_iso_date;

use crate::Client;
use crate::error::Error;
use crate::models::{GetUsage, Usage, UsageQuery};
use crate::ops::Action;
use crate::transport::Operation;
use crate::wire::{self, Body, Envelope, yes_no};

impl Client {
    /// `get_usage` (`POST /usage`): usage records or per-line totals. A read: transient
    /// failures are retried.
    pub async fn get_usage(&self, request: &GetUsage) -> Result<Usage, Error> {
        self.send_action(request).await
    }
}

/// The `get_usage` body: the dates go only with `summary_by_user=N`.
#[serde_with::skip_serializing_none]
#[derive(Serialize)]
struct GetUsageBody<'a> {
    enrollment_id: &'a str,
    summary_by_user: &'static str,
    start_date: Option<String>,
    end_date: Option<String>,
}

impl Action for GetUsage {
    const OPERATION: Operation<'static> = Operation::new("usage", "get_usage", CallKind::Read);
    type Output = Usage;

    fn body(&self) -> Result<Body, Error> {
        self.validate()?;
        let (summary, start_date, end_date) = match self.query {
            UsageQuery::Summary => (true, None, None),
            UsageQuery::Detail {
                start_date,
                end_date,
            } => (
                false,
                Some(format_iso_date(start_date)),
                Some(format_iso_date(end_date)),
            ),
        };
        Body::typed(&GetUsageBody {
            enrollment_id: &self.enrollment_id,
            summary_by_user: yes_no(summary),
            start_date,
            end_date,
        })
    }

    fn output(envelope: &Envelope) -> Result<Self::Output, serde_json::Error> {
        match envelope.data_text() {
            Some(lines) if lines.starts_with('[') => {
                serde_json::from_str(lines).map(Usage::Summary)
            }
            _ => wire::data(envelope.data.as_deref()).map(Usage::Detail),
        }
    }
}
