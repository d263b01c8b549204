//! Balance and time zone: `querybalance`, `settimezone`, `querytimezone`.

use telecom_core::{CallKind, Money};

use serde::Serialize;

use crate::client::Client;
use crate::error::{Error, Result};
use crate::transport::Op;
use crate::validate::required;
use crate::wire;

const QUERY_BALANCE: Op<'static> = Op::new("querybalance", CallKind::Read);
const SET_TIMEZONE: Op<'static> = Op::new("settimezone", CallKind::IdempotentWrite);
const QUERY_TIMEZONE: Op<'static> = Op::new("querytimezone", CallKind::Read);

impl Client {
    /// `querybalance`: the account's available credit, without currency. Real-time for
    /// single accounts; updated at intervals for shared balances.
    pub async fn query_balance(&self) -> Result<Money> {
        let payload = self.call(QUERY_BALANCE, &()).await?;
        wire::money_value(self.redactor(), QUERY_BALANCE.mode, "balance", &payload)
    }

    /// `settimezone`: sets the account's IANA time zone (`Australia/Sydney`); returns
    /// the name the gateway stored.
    pub async fn set_timezone(&self, tz: &str) -> Result<String> {
        let tz = required("tz", tz)?;
        if tz.contains(char::is_whitespace) {
            return Err(Error::invalid("tz", "an IANA time zone name has no spaces"));
        }
        let payload = self.call(SET_TIMEZONE, &TzForm { tz }).await?;
        wire::single_value(self.redactor(), SET_TIMEZONE.mode, &payload)
    }

    /// `querytimezone`: the account's IANA time zone name, in which log times are written.
    pub async fn query_timezone(&self) -> Result<String> {
        let payload = self.call(QUERY_TIMEZONE, &()).await?;
        wire::single_value(self.redactor(), QUERY_TIMEZONE.mode, &payload)
    }
}

/// The parameter of `settimezone`.
#[derive(Serialize)]
struct TzForm<'a> {
    tz: &'a str,
}
