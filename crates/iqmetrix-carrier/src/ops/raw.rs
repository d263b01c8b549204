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
    /// mapping are those of the typed calls. `kind` says when the request may be sent again:
    /// a [`CallKind::Write`] only when no connection was made or iQmetrix answered 429, a
    /// [`CallKind::Read`] or [`CallKind::IdempotentWrite`] after any transient failure within
    /// the retry policy ([`CallKind::for_http_method`] gives the usual one: GET and HEAD read, PUT
    /// and DELETE idempotent, anything else a write). Every crate of the workspace has this
    /// same `call_raw(.., kind)`. An empty success body reads as JSON `null`.
    ///
    /// ```no_run
    /// # async fn demo(client: iqmetrix_carrier::Client) -> iqmetrix_carrier::Result<()> {
    /// use iqmetrix_carrier::{CallKind, Method};
    /// let fields: serde_json::Value = client
    ///     .call_raw(
    ///         "activation_import_fields",
    ///         Method::GET,
    ///         "Companies(123)/Carriers(41)/ActivationImportFields",
    ///         None::<&()>,
    ///         CallKind::Read,
    ///     )
    ///     .await?;
    /// # Ok(()) }
    /// ```
    pub async fn call_raw<B: Serialize + ?Sized, T: DeserializeOwned>(
        &self,
        operation: &'static str,
        method: Method,
        path: &str,
        body: Option<&B>,
        kind: CallKind,
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
        let mut call = Call::new(Operation::new(operation, kind), method, path);
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
