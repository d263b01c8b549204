//! IVR and IVML: `listivr`, `listivml`, `addivml`, `updateivml`, `deleteivml`.

use serde::Serialize;
use telecom_core::CallKind;

use crate::client::Client;
use crate::error::Result;
use crate::models::ivml::{IvmlConfig, IvmlUpdate, IvrMenu, NewIvml};
use crate::transport::Op;
use crate::validate::required;
use crate::wire;

const LISTIVR: Op<'static> = Op::new("listivr", CallKind::Read);
const LISTIVML: Op<'static> = Op::new("listivml", CallKind::Read);
const ADDIVML: Op<'static> = Op::new("addivml", CallKind::Write);
const UPDATEIVML: Op<'static> = Op::new("updateivml", CallKind::IdempotentWrite);
const DELETEIVML: Op<'static> = Op::new("deleteivml", CallKind::Write);

impl Client {
    /// `listivr`: the IVR menus, with the DIDs assigned to each.
    pub async fn list_ivr(&self) -> Result<Vec<IvrMenu>> {
        let payload = self.call(LISTIVR, &()).await?;
        wire::parse_table(self.redactor(), LISTIVR.mode, &payload)
    }

    /// `listivml`: the IVML configurations, with the DIDs assigned to each.
    pub async fn list_ivml(&self) -> Result<Vec<IvmlConfig>> {
        let payload = self.call(LISTIVML, &()).await?;
        wire::parse_table(self.redactor(), LISTIVML.mode, &payload)
    }

    /// `addivml`: creates an IVML configuration and returns its ID. Not resent once it
    /// may have reached a gateway.
    pub async fn add_ivml(&self, ivml: &NewIvml) -> Result<String> {
        let payload = self.call(ADDIVML, &ivml.form()?).await?;
        wire::single_value(self.redactor(), ADDIVML.mode, &payload)
    }

    /// `updateivml`: changes the fields set in `update`.
    pub async fn update_ivml(&self, update: &IvmlUpdate) -> Result<()> {
        self.call(UPDATEIVML, &update.form()?).await?;
        Ok(())
    }

    /// `deleteivml`: deletes an IVML configuration (its DIDs become unassigned). Cannot
    /// be undone; not resent once it may have reached a gateway.
    pub async fn delete_ivml(&self, ivmlid: &str) -> Result<()> {
        let ivmlid = required("ivmlid", ivmlid)?;
        self.call(DELETEIVML, &IvmlIdForm { ivmlid }).await?;
        Ok(())
    }
}

/// The parameter of `deleteivml`.
#[derive(Serialize)]
struct IvmlIdForm<'a> {
    ivmlid: &'a str,
}
