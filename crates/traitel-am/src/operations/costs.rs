//! Cost queries: `querysmscost`, `queryvoicecost`, `queryfaxcost`.

use telecom_core::Money;

use crate::client::Client;
use crate::error::{Error, Result};
use crate::models::cost::{FaxCost, SmsCostQuery, VoiceCost, international};
use crate::transport::CallKind;
use crate::wire::{self, CsvRow};

/// The SMS cost mode. The spec's modes list (the normative list of `mode` values) says
/// `querysmscost`; its table of contents and section heading say `querysmcost`.
pub const SMS_COST_MODE: &str = "querysmscost";

impl Client {
    /// `querysmscost`: the estimated pre-tax price of one SMS.
    pub async fn query_sms_cost(&self, query: &SmsCostQuery) -> Result<Money> {
        let params = query.params()?;
        let payload = self.call(SMS_COST_MODE, CallKind::Read, &params).await?;
        let value = wire::single_value(SMS_COST_MODE, &payload)?;
        value
            .parse::<Money>()
            .map_err(|e| Error::decode(SMS_COST_MODE, format!("item_cost: {e}"), &payload))
    }

    /// `queryvoicecost`: the estimated pre-tax price breakdown of a call.
    pub async fn query_voice_cost(&self, number: &str) -> Result<VoiceCost> {
        self.cost_row("queryvoicecost", number).await
    }

    /// `queryfaxcost`: the estimated pre-tax price breakdown of a fax.
    pub async fn query_fax_cost(&self, number: &str) -> Result<FaxCost> {
        self.cost_row("queryfaxcost", number).await
    }

    async fn cost_row<T: CsvRow>(&self, mode: &str, number: &str) -> Result<T> {
        let params = [("number", international("number", number)?)];
        let payload = self.call(mode, CallKind::Read, &params).await?;
        wire::parse_table::<T>(mode, &payload)?
            .into_iter()
            .next()
            .ok_or_else(|| Error::decode(mode, "no row under the header", &payload))
    }
}
