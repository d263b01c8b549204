//! Activity logs, streamed: `logfaxin`, `logfaxout`, `logvoicein`, `logvoiceout`,
//! `logsmsin`, `logsmsout`.

use telecom_core::CallKind;

use crate::client::Client;
use crate::error::Result;
use crate::models::log::{FaxIn, FaxOut, LogQuery, SmsIn, SmsOut, VoiceCall};
use crate::stream::{LogRow, LogStream};
use crate::transport::Op;

const LOGFAXIN: Op<'static> = Op::new("logfaxin", CallKind::Read);
const LOGFAXOUT: Op<'static> = Op::new("logfaxout", CallKind::Read);
const LOGVOICEIN: Op<'static> = Op::new("logvoicein", CallKind::Read);
const LOGVOICEOUT: Op<'static> = Op::new("logvoiceout", CallKind::Read);
const LOGSMSIN: Op<'static> = Op::new("logsmsin", CallKind::Read);
const LOGSMSOUT: Op<'static> = Op::new("logsmsout", CallKind::Read);

impl Client {
    async fn log<T: LogRow>(&self, op: Op<'static>, query: &LogQuery) -> Result<LogStream<T>> {
        let (reader, gateway) = self.open(op, &query.form()?).await?;
        let redactor = self.redactor().clone();
        Ok(LogStream::build(
            op.mode,
            reader,
            Some(gateway),
            false,
            redactor,
        ))
    }

    /// `logfaxin`: inbound faxes of the period, as a stream of rows.
    ///
    /// The call fails over and retries until the gateway answers `Ok`; after that, rows
    /// arrive as they are read and an error mid-body ends the stream.
    pub async fn log_fax_in(&self, query: &LogQuery) -> Result<LogStream<FaxIn>> {
        self.log(LOGFAXIN, query).await
    }

    /// `logfaxout`: outbound faxes with costs and decoded error codes.
    pub async fn log_fax_out(&self, query: &LogQuery) -> Result<LogStream<FaxOut>> {
        self.log(LOGFAXOUT, query).await
    }

    /// `logvoicein`: inbound calls with costs.
    pub async fn log_voice_in(&self, query: &LogQuery) -> Result<LogStream<VoiceCall>> {
        self.log(LOGVOICEIN, query).await
    }

    /// `logvoiceout`: outbound calls with costs.
    pub async fn log_voice_out(&self, query: &LogQuery) -> Result<LogStream<VoiceCall>> {
        self.log(LOGVOICEOUT, query).await
    }

    /// `logsmsin`: inbound SMS with their decoded text.
    pub async fn log_sms_in(&self, query: &LogQuery) -> Result<LogStream<SmsIn>> {
        self.log(LOGSMSIN, query).await
    }

    /// `logsmsout`: outbound SMS with costs.
    pub async fn log_sms_out(&self, query: &LogQuery) -> Result<LogStream<SmsOut>> {
        self.log(LOGSMSOUT, query).await
    }
}
