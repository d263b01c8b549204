//! The low-level escape hatch: any carrier-services request, with auth, retries and errors.

use reqwest::Method;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::client::Client;
use crate::error::{Error, Result};
use crate::wire::{Call, Idempotency, JSON, decode};

impl Client {
    /// Sends any request to carrier services and reads the answer as `T` (use
    /// `serde_json::Value` for anything): for endpoints this crate has not typed.
    ///
    /// `path` is relative to the carrier-services base and already percent-encoded
    /// (`Companies(123)/Carriers(41)/Configurations`). The bearer token, retries (GET, PUT,
    /// DELETE only) and error mapping are those of the typed calls; an empty success body
    /// reads as JSON `null`.
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
        let idempotency = if matches!(
            method,
            Method::GET | Method::PUT | Method::DELETE | Method::HEAD
        ) {
            Idempotency::Idempotent
        } else {
            Idempotency::ConnectOnly
        };
        let mut call = Call {
            operation,
            method,
            path: path.to_owned(),
            body: None,
            accept: JSON,
            idempotency,
        };
        if let Some(body) = body {
            call = call.with_json(body)?;
        }
        let response = self.execute(call).await?;
        if response.body.iter().all(u8::is_ascii_whitespace) {
            return decode(operation, b"null");
        }
        decode(operation, &response.body)
    }
}
