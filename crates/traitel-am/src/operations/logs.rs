//! Activity logs, streamed: `logfaxin`, `logfaxout`, `logvoicein`, `logvoiceout`,
//! `logsmsin`, `logsmsout`.

use crate::client::Client;
use crate::error::Result;
use crate::models::log::{FaxIn, FaxOut, LogQuery, SmsIn, SmsOut, VoiceCall};
use crate::stream::{LogRow, LogStream};

impl Client {
    async fn log<T: LogRow>(&self, mode: &'static str, query: &LogQuery) -> Result<LogStream<T>> {
        let params = query.params()?;
        let (reader, gateway) = self.open(mode, &params).await?;
        Ok(LogStream::build(mode, reader, Some(gateway), false))
    }

    /// `logfaxin`: inbound faxes of the period, as a stream of rows.
    ///
    /// The call fails over and retries until the gateway answers `Ok`; after that, rows
    /// arrive as they are read and an error mid-body ends the stream.
    pub async fn log_fax_in(&self, query: &LogQuery) -> Result<LogStream<FaxIn>> {
        self.log("logfaxin", query).await
    }

    /// `logfaxout`: outbound faxes with costs and decoded error codes.
    pub async fn log_fax_out(&self, query: &LogQuery) -> Result<LogStream<FaxOut>> {
        self.log("logfaxout", query).await
    }

    /// `logvoicein`: inbound calls with costs.
    pub async fn log_voice_in(&self, query: &LogQuery) -> Result<LogStream<VoiceCall>> {
        self.log("logvoicein", query).await
    }

    /// `logvoiceout`: outbound calls with costs.
    pub async fn log_voice_out(&self, query: &LogQuery) -> Result<LogStream<VoiceCall>> {
        self.log("logvoiceout", query).await
    }

    /// `logsmsin`: inbound SMS with their decoded text.
    pub async fn log_sms_in(&self, query: &LogQuery) -> Result<LogStream<SmsIn>> {
        self.log("logsmsin", query).await
    }

    /// `logsmsout`: outbound SMS with costs.
    pub async fn log_sms_out(&self, query: &LogQuery) -> Result<LogStream<SmsOut>> {
        self.log("logsmsout", query).await
    }
}
