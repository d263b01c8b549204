//! The low-level call for actions this crate has not typed.

use std::collections::BTreeMap;

use serde_json::Value;
use telecom_core::CallKind;

use crate::client::Client;
use crate::error::Error;
use crate::models::MsgCode;
use crate::transport::Operation;
use crate::wire::Body;

/// What the vendor answered to a low-level [`Client::call_raw`]: the envelope, with the token
/// taken out (it went back into the pool).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[non_exhaustive]
pub struct RawResponse {
    /// `msg`.
    pub msg: Option<String>,
    /// `msg_code` (always a success code here; failures are errors).
    pub msg_code: MsgCode,
    /// `data`: an object, an array, a string, or `None` when absent.
    pub data: Option<Value>,
    /// `external_transaction_id`, when the vendor echoed it at the top level.
    pub external_transaction_id: Option<String>,
    /// The top-level `success` text a few actions add.
    pub success: Option<String>,
    /// Other top-level fields of the answer.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl Client {
    /// The low-level call for actions this crate has not typed: `POST {base}/{module}` with
    /// `body` (a JSON object of the action's own fields) plus the envelope (`action`,
    /// `agent_id`, `agent_password`, `source`, `external_transaction_id`). Tokens, the
    /// envelope and vendor errors are handled as for typed calls. String values under the
    /// field names the typed requests treat as secret (`ssnum`, `card_number`, `cvv`,
    /// `password`, `pin`, ...) are masked by value in what comes back; other secrets only by
    /// shape.
    ///
    /// `kind` says what the action is, and so when it may be sent again: a
    /// [`CallKind::Write`] only when no connection was made or the vendor answered 429; a
    /// [`CallKind::Read`] after any transient failure within the retry policy. Every crate of
    /// the workspace has this same `call_raw(.., kind)`.
    pub async fn call_raw(
        &self,
        module: &str,
        action: &str,
        body: &Value,
        kind: CallKind,
    ) -> Result<RawResponse, Error> {
        self.raw(module, action, body, kind).await
    }

    async fn raw(
        &self,
        module: &str,
        action: &str,
        body: &Value,
        kind: CallKind,
    ) -> Result<RawResponse, Error> {
        let Value::Object(body) = body else {
            return Err(Error::invalid("body", "must be a JSON object"));
        };
        // `data` is read as a JSON tree in the envelope's one pass.
        let (env, _) = self
            .execute::<Option<Value>>(
                Operation::new(module, action, kind),
                Body::from_fields(body.clone())?,
                kind,
            )
            .await?;
        Ok(RawResponse {
            msg: env.msg,
            msg_code: env.msg_code,
            data: env.data,
            external_transaction_id: env.external_transaction_id,
            success: env.success,
            extra: env.extra,
        })
    }
}
