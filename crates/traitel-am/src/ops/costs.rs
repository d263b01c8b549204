//! Cost queries: `querysmscost`, `queryvoicecost`, `queryfaxcost`.

use telecom_core::{CallKind, Money};

use crate::client::Client;
use crate::error::{Error, Result};
use crate::models::cost::{CostForm, FaxCost, SmsCostQuery, VoiceCost};
use crate::transport::Op;
use crate::wire::{self, CsvRow};

/// The SMS cost mode. The spec's modes list (the normative list of `mode` values) says
/// `querysmscost`; its table of contents and section heading say `querysmcost`.
pub const SMS_COST_MODE: &str = "querysmscost";

const QUERY_SMS_COST: Op<'static> = Op::new(SMS_COST_MODE, CallKind::Read);
const QUERY_VOICE_COST: Op<'static> = Op::new("queryvoicecost", CallKind::Read);
const QUERY_FAX_COST: Op<'static> = Op::new("queryfaxcost", CallKind::Read);

impl Client {
    /// `querysmscost`: the estimated pre-tax price of one SMS.
    pub async fn query_sms_cost(&self, query: &SmsCostQuery) -> Result<Money> {
        let payload = self.call(QUERY_SMS_COST, &query.form()?).await?;
        wire::money_value(self.redactor(), SMS_COST_MODE, "item_cost", &payload)
    }

    /// `queryvoicecost`: the estimated pre-tax price breakdown of a call.
    pub async fn query_voice_cost(&self, number: &str) -> Result<VoiceCost> {
        self.cost_row(QUERY_VOICE_COST, number).await
    }

    /// `queryfaxcost`: the estimated pre-tax price breakdown of a fax.
    pub async fn query_fax_cost(&self, number: &str) -> Result<FaxCost> {
        self.cost_row(QUERY_FAX_COST, number).await
    }

    async fn cost_row<T: CsvRow>(&self, op: Op<'static>, number: &str) -> Result<T> {
        let payload = self.call(op, &CostForm::new(number)?).await?;
        let redactor = self.redactor();
        wire::parse_table::<T>(redactor, op.mode, &payload)?
            .into_iter()
            .next()
            .ok_or_else(|| Error::decode(redactor, op.mode, "no row under the header", &payload))
    }
}
