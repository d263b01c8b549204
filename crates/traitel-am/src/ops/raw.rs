//! The escape hatch: any mode by name.

use std::collections::BTreeMap;

use serde::Serialize;
use telecom_core::{CallKind, Redactor};

use crate::client::Client;
use crate::error::{Error, Result};
use crate::transport::Op;

/// The payload of a successful [`Client::call_raw`]: everything after the `Ok` line.
#[derive(Clone, Debug)]
pub struct RawResponse {
    mode: String,
    payload: String,
    /// The client's, so a [`RawResponse::table`] error masks the password too.
    redactor: Redactor,
}

impl PartialEq for RawResponse {
    fn eq(&self, other: &Self) -> bool {
        self.mode == other.mode && self.payload == other.payload
    }
}

impl Eq for RawResponse {}

impl RawResponse {
    pub(crate) fn new(mode: &str, payload: String, redactor: Redactor) -> Self {
        RawResponse {
            mode: mode.to_owned(),
            payload,
            redactor,
        }
    }

    /// The payload text (possibly empty).
    pub fn payload(&self) -> &str {
        &self.payload
    }

    /// The first non-blank line: the value of single-value modes.
    pub fn value(&self) -> Option<&str> {
        self.payload.lines().map(str::trim).find(|l| !l.is_empty())
    }

    /// The payload as a CSV table, each row keyed by the header's names.
    pub fn table(&self) -> Result<Vec<BTreeMap<String, String>>> {
        let bytes = self.payload.as_bytes();
        let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(bytes);
        let decode = |e: csv::Error| {
            let reason = crate::wire::csv_reason(&e.to_string());
            Error::decode(&self.redactor, &self.mode, &reason, bytes)
        };
        let header = reader.headers().map_err(decode)?.clone();
        reader
            .records()
            .map(|r| {
                let r = r.map_err(decode)?;
                Ok(header
                    .iter()
                    .zip(r.iter())
                    .map(|(k, v)| (k.trim().to_owned(), v.to_owned()))
                    .collect())
            })
            .collect()
    }
}

impl Client {
    /// Calls any mode by name with the given parameters (any `serde` value that
    /// serialises to flat key/value pairs: a struct, a map, a list of pairs). Credentials,
    /// failover, resends per `kind` (the one resend rule of [`CallKind::may_resend`]), and
    /// the `Ok` / `Error NNN` handling still apply.
    ///
    /// ```no_run
    /// # async fn demo(client: traitel_am::Client) -> Result<(), traitel_am::Error> {
    /// use traitel_am::CallKind;
    /// let raw = client.call_raw("querybalance", &(), CallKind::Read).await?;
    /// println!("{:?}", raw.value());
    /// # Ok(()) }
    /// ```
    pub async fn call_raw<P: Serialize + ?Sized>(
        &self,
        mode: &str,
        params: &P,
        kind: CallKind,
    ) -> Result<RawResponse> {
        if mode.trim().is_empty() || !mode.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Err(Error::invalid("mode", "must be a non-empty ASCII word"));
        }
        let encoded = serde_urlencoded::to_string(params)
            .map_err(|e| Error::invalid("params", format!("not flat key/value pairs: {e}")))?;
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(&encoded)
            .map_err(|e| Error::invalid("params", e.to_string()))?;
        if let Some((k, _)) = pairs
            .iter()
            .find(|(k, _)| matches!(k.as_str(), "user" | "pass" | "mode"))
        {
            return Err(Error::invalid(
                "params",
                format!("`{k}` is set by the client"),
            ));
        }
        let payload = self.call(Op::new(mode, kind), &pairs).await?;
        Ok(RawResponse::new(
            mode,
            String::from_utf8_lossy(&payload).into_owned(),
            self.redactor().clone(),
        ))
    }
}
