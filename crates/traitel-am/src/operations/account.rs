//! Balance and time zone: `querybalance`, `settimezone`, `querytimezone`.

use telecom_core::Money;

use crate::client::Client;
use crate::error::{Error, Result};
use crate::models::subaccount::required;
use crate::transport::CallKind;
use crate::wire;

impl Client {
    /// `querybalance`: the account's available credit, without currency. Real-time for
    /// single accounts; updated at intervals for shared balances.
    pub async fn query_balance(&self) -> Result<Money> {
        let mode = "querybalance";
        let payload = self.call(mode, CallKind::Read, &[]).await?;
        let value = wire::single_value(mode, &payload)?;
        value
            .parse::<Money>()
            .map_err(|e| Error::decode(mode, format!("balance: {e}"), &payload))
    }

    /// `settimezone`: sets the account's IANA time zone (`Australia/Sydney`); returns
    /// the name the gateway stored.
    pub async fn set_timezone(&self, tz: &str) -> Result<String> {
        let mode = "settimezone";
        let tz = required("tz", tz)?;
        if tz.contains(char::is_whitespace) {
            return Err(Error::invalid("tz", "an IANA time zone name has no spaces"));
        }
        let payload = self.call(mode, CallKind::Idempotent, &[("tz", tz)]).await?;
        wire::single_value(mode, &payload)
    }

    /// `querytimezone`: the account's IANA time zone name, in which log times are written.
    pub async fn query_timezone(&self) -> Result<String> {
        let mode = "querytimezone";
        let payload = self.call(mode, CallKind::Read, &[]).await?;
        wire::single_value(mode, &payload)
    }
}
