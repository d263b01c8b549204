//! Usage actions.

use std::fmt;

use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use telecom_core::CallKind;
use telecom_core::dates::format_iso_date;

use crate::Client;
use crate::error::Error;
use crate::models::{GetUsage, Usage, UsageDetail, UsageQuery, UsageSummary};
use crate::ops::{Action, FromData};
use crate::transport::Operation;
use crate::wire::{Body, Envelope, yes_no};

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
    type Data = UsageData;
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
}

/// `get_usage`'s `data`: per-line totals as a list, or one usage detail as an object.
pub(crate) struct UsageData(Usage);

impl<'de> Deserialize<'de> for UsageData {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct UsageVisitor;
        impl<'de> Visitor<'de> for UsageVisitor {
            type Value = UsageData;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list of per-line totals or a usage detail object")
            }

            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<UsageData, A::Error> {
                Vec::<UsageSummary>::deserialize(SeqAccessDeserializer::new(seq))
                    .map(|lines| UsageData(Usage::Summary(lines)))
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<UsageData, A::Error> {
                UsageDetail::deserialize(MapAccessDeserializer::new(map))
                    .map(|detail| UsageData(Usage::Detail(detail)))
            }
        }
        d.deserialize_any(UsageVisitor)
    }
}

impl FromData<UsageData> for Usage {
    fn from_data(data: UsageData, _: &Envelope<()>) -> Self {
        data.0
    }
}
