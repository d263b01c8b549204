//! Top-up actions.

use crate::Client;
use crate::error::Error;
use crate::models::topup::{AddTopup, TopupCatalog, TopupList, TopupReceipt};

impl Client {
    /// `topup_list` (`POST /topup`): the top-ups on offer. A read: transient failures are
    /// retried.
    pub async fn topup_list(&self, request: &TopupList) -> Result<TopupCatalog, Error> {
        self.send_action(request).await
    }

    /// `add_topup` (`POST /topup`): buy a top-up. Never resent once it may have reached the
    /// vendor.
    pub async fn add_topup(&self, request: &AddTopup) -> Result<TopupReceipt, Error> {
        self.send_action(request).await
    }
}
