//! The typed actions, grouped by resource, and the one generic path they share.

mod customer;
mod enrollment;
mod inventory;
mod payment;
mod plan;
mod port;
mod topup;
mod usage;

use serde_json::{Map, Value};

use crate::client::{CallKind, Client};
use crate::error::Error;
use crate::models::common::Source;
use crate::wire::{Envelope, safe_excerpt};

/// One typed vendor action: where it goes, how its request is written and checked, and how
/// its answer is read.
pub(crate) trait Action {
    const MODULE: &'static str;
    const ACTION: &'static str;
    const KIND: CallKind;
    type Output;

    /// The `source` values the action documents, when it narrows the envelope's four.
    const SOURCES: Option<&'static [Source]> = None;

    /// Whether this particular request may be resent after an unknown outcome.
    fn kind(&self) -> CallKind {
        Self::KIND
    }

    /// Validates the request and writes its own fields (the envelope is added later).
    fn body(&self) -> Result<Map<String, Value>, Error>;

    /// Reads the answer (usually its `data`).
    fn output(envelope: Envelope) -> Result<Self::Output, serde_json::Error>;
}

impl Client {
    pub(crate) async fn send_action<A: Action>(&self, request: &A) -> Result<A::Output, Error> {
        let body = request.body()?;
        if let Some(allowed) = A::SOURCES {
            let source = self.effective_source();
            if !allowed.contains(&source) {
                let names: Vec<&str> = allowed.iter().map(Source::as_str).collect();
                return Err(Error::invalid(
                    "source",
                    format!(
                        "{} does not take {source}; expected one of {}",
                        A::ACTION,
                        names.join(", ")
                    ),
                ));
            }
        }
        let envelope = self
            .execute(A::MODULE, A::ACTION, body, request.kind())
            .await?;
        let status = envelope.status;
        let data = envelope.data.clone();
        A::output(envelope).map_err(|e| Error::Decode {
            operation: A::ACTION.to_owned(),
            status,
            message: format!("data does not fit {}: {e}", A::ACTION),
            body: safe_excerpt(data.unwrap_or(Value::Null).to_string().as_bytes()),
            source: Some(e),
        })
    }
}
