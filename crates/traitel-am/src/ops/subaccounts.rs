//! Sub-accounts: `querysubaccounts`, `addsubaccount`, `delsubaccount`, `updatesubaccount`.

use serde::Serialize;
use telecom_core::CallKind;

use crate::client::Client;
use crate::error::Result;
use crate::models::subaccount::{NewSubAccount, SubAccount, SubAccountUpdate};
use crate::transport::Op;
use crate::validate::required;
use crate::wire;

const QUERYSUBACCOUNTS: Op<'static> = Op::new("querysubaccounts", CallKind::Read);
const ADDSUBACCOUNT: Op<'static> = Op::new("addsubaccount", CallKind::Write);
const DELSUBACCOUNT: Op<'static> = Op::new("delsubaccount", CallKind::Write);
const UPDATESUBACCOUNT: Op<'static> = Op::new("updatesubaccount", CallKind::IdempotentWrite);

impl Client {
    /// `querysubaccounts`: every sub-account of the account.
    pub async fn query_subaccounts(&self) -> Result<Vec<SubAccount>> {
        let payload = self.call(QUERYSUBACCOUNTS, &()).await?;
        wire::parse_table(self.redactor(), QUERYSUBACCOUNTS.mode, &payload)
    }

    /// `addsubaccount`: creates a sub-account and returns its ID. Not resent once it may
    /// have reached a gateway.
    pub async fn add_subaccount(&self, account: &NewSubAccount) -> Result<String> {
        let payload = self.call(ADDSUBACCOUNT, &account.form()?).await?;
        wire::single_value(self.redactor(), ADDSUBACCOUNT.mode, &payload)
    }

    /// `delsubaccount`: deletes a sub-account (its DIDs return to the main account). Cannot
    /// be undone; not resent once it may have reached a gateway.
    pub async fn delete_subaccount(&self, subid: &str) -> Result<()> {
        let subid = required("subid", subid)?;
        self.call(DELSUBACCOUNT, &SubIdForm { subid }).await?;
        Ok(())
    }

    /// `updatesubaccount`: changes the fields set in `update`.
    pub async fn update_subaccount(&self, update: &SubAccountUpdate) -> Result<()> {
        self.call(UPDATESUBACCOUNT, &update.form()?).await?;
        Ok(())
    }
}

/// The parameter of `delsubaccount`.
#[derive(Serialize)]
struct SubIdForm<'a> {
    subid: &'a str,
}
