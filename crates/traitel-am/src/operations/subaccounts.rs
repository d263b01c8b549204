//! Sub-accounts: `querysubaccounts`, `addsubaccount`, `delsubaccount`, `updatesubaccount`.

use crate::client::Client;
use crate::error::Result;
use crate::models::subaccount::{NewSubAccount, SubAccount, SubAccountUpdate, required};
use crate::transport::CallKind;
use crate::wire;

impl Client {
    /// `querysubaccounts`: every sub-account of the account.
    pub async fn query_subaccounts(&self) -> Result<Vec<SubAccount>> {
        let mode = "querysubaccounts";
        let payload = self.call(mode, CallKind::Read, &[]).await?;
        wire::parse_table(mode, &payload)
    }

    /// `addsubaccount`: creates a sub-account and returns its ID. Not resent once it may
    /// have reached a gateway.
    pub async fn add_subaccount(&self, account: &NewSubAccount) -> Result<String> {
        let mode = "addsubaccount";
        let params = account.params()?;
        let payload = self.call(mode, CallKind::Unsafe, &params).await?;
        wire::single_value(mode, &payload)
    }

    /// `delsubaccount`: deletes a sub-account (its DIDs return to the main account). Cannot
    /// be undone; not resent once it may have reached a gateway.
    pub async fn delete_subaccount(&self, subid: &str) -> Result<()> {
        let mode = "delsubaccount";
        let params = [("subid", required("subid", subid)?)];
        self.call(mode, CallKind::Unsafe, &params).await?;
        Ok(())
    }

    /// `updatesubaccount`: changes the fields set in `update`.
    pub async fn update_subaccount(&self, update: &SubAccountUpdate) -> Result<()> {
        let mode = "updatesubaccount";
        let params = update.params()?;
        self.call(mode, CallKind::Idempotent, &params).await?;
        Ok(())
    }
}
