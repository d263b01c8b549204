//! The low-level escape hatch: any carrier-services request, with auth, retries and errors.

use reqwest::Method;
use serde::Serialize;
use serde::de::DeserializeOwned;
use telecom_core::CallKind;

use crate::client::Client;
use crate::error::{Error, Result};
use crate::ops::Call;
use crate::transport::Operation;
use crate::wire::decode;

impl Client {
    /// Sends any request to carrier services and reads the answer as `T` (use
    /// `serde_json::Value` for anything): for endpoints this crate has not typed.
    ///
    /// `path` is relative to the carrier-services base and already percent-encoded
    /// (`Companies(123)/Carriers(41)/Configurations`). The bearer token, retries and error
    /// mapping are those of the typed calls; GET and HEAD are reads, PUT and DELETE
    /// idempotent writes, any other method a write (resent only when no connection was made
    /// or iQmetrix answered 429). An empty success body reads as JSON `null`.
    ///
    /// ```no_run
    /// # async fn demo(client: iqmetrix_carrier::Client) -> iqmetrix_carrier::Result<()> {
    /// let fields: serde_json::Value = client
    ///     .send_raw("activation_import_fields", reqwest::Method::GET, "Companies(123)/Carriers(41)/ActivationImportFields", None::<&()>)
    ///     .await?;
    /// # Ok(()) }
    /// ```
    pub async fn send_raw<B: Serialize + ?Sized, T: DeserializeOwned>(
        &self,
        operation: &'static str,
        method: Method,
        path: &str,
        body: Option<&B>,
    ) -> Result<T> {
        if path.contains("://")
            || path.starts_with("//")
            || path.split(['/', '?']).any(|s| s == "..")
        {
            return Err(Error::invalid(
                "path",
                "must be relative to the carrier-services base",
            ));
        }
        let kind = match method {
            Method::GET | Method::HEAD => CallKind::Read,
            Method::PUT | Method::DELETE => CallKind::IdempotentWrite,
            _ => CallKind::Write,
        };
        let mut call = Call::new(Operation::new(operation, kind), method, path.to_owned());
        if let Some(body) = body {
            call = call.with_json(body)?;
        }
        let answer = self.execute(call).await?;
        if answer.body.iter().all(u8::is_ascii_whitespace) {
            return decode(&answer.redactor, operation, b"null");
        }
        decode(&answer.redactor, operation, &answer.body)
    }
}
