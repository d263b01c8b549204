//! IVR and IVML: `listivr`, `listivml`, `addivml`, `updateivml`, `deleteivml`.

use crate::client::Client;
use crate::error::Result;
use crate::models::ivml::{IvmlConfig, IvmlUpdate, IvrMenu, NewIvml};
use crate::models::subaccount::required;
use crate::transport::CallKind;
use crate::wire;

impl Client {
    /// `listivr`: the IVR menus, with the DIDs assigned to each.
    pub async fn list_ivr(&self) -> Result<Vec<IvrMenu>> {
        let mode = "listivr";
        let payload = self.call(mode, CallKind::Read, &[]).await?;
        wire::parse_table(mode, &payload)
    }

    /// `listivml`: the IVML configurations, with the DIDs assigned to each.
    pub async fn list_ivml(&self) -> Result<Vec<IvmlConfig>> {
        let mode = "listivml";
        let payload = self.call(mode, CallKind::Read, &[]).await?;
        wire::parse_table(mode, &payload)
    }

    /// `addivml`: creates an IVML configuration and returns its ID. Not resent once it
    /// may have reached a gateway.
    pub async fn add_ivml(&self, ivml: &NewIvml) -> Result<String> {
        let mode = "addivml";
        let params = ivml.params()?;
        let payload = self.call(mode, CallKind::Unsafe, &params).await?;
        wire::single_value(mode, &payload)
    }

    /// `updateivml`: changes the fields set in `update`.
    pub async fn update_ivml(&self, update: &IvmlUpdate) -> Result<()> {
        let mode = "updateivml";
        let params = update.params()?;
        self.call(mode, CallKind::Idempotent, &params).await?;
        Ok(())
    }

    /// `deleteivml`: deletes an IVML configuration (its DIDs become unassigned). Cannot
    /// be undone; not resent once it may have reached a gateway.
    pub async fn delete_ivml(&self, ivmlid: &str) -> Result<()> {
        let mode = "deleteivml";
        let params = [("ivmlid", required("ivmlid", ivmlid)?)];
        self.call(mode, CallKind::Unsafe, &params).await?;
        Ok(())
    }
}
