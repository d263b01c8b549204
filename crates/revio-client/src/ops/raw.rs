//! The escape hatch: any operation by name, with a serde value as its fields.

use serde::Serialize;
use telecom_core::CallKind;

use crate::Client;
use crate::auth::AuthChoice;
use crate::error::Error;
use crate::models::Response;
use crate::ops::TYPED;

/// The [`CallKind`] this crate gives an operation by its vendor name: the kind a typed
/// operation declares; for any other name `*_Query` and `*_Search` read, everything else
/// writes (so it is resent only when it surely was not acted on).
pub fn call_kind(operation: &str) -> CallKind {
    let declared = TYPED
        .iter()
        .flat_map(|ops| ops.iter())
        .find(|op| op.name == operation);
    match declared {
        Some(op) => op.kind,
        None if operation.ends_with("_Query") || operation.ends_with("_Search") => CallKind::Read,
        None => CallKind::Write,
    }
}

impl Client {
    /// Calls any operation by name with the fields of `input` (a JSON object, or any
    /// `Serialize` struct) written under `<Request>` after the authentication elements.
    ///
    /// The escape hatch for operations this crate does not type: it still does the
    /// envelope, `SOAPAction`, authentication (and session renewal), the resend rule for
    /// `kind` ([`call_kind`] gives the crate's choice for a name), faults and header errors.
    /// The result is every element of `<OpResult>` but the header, as JSON (repeated
    /// elements become arrays, text stays text); the raw XML is in [`Response::raw_xml`].
    ///
    /// Unset (`null`) fields are not sent. JSON arrays are written as bare repeated
    /// elements.
    pub async fn call_raw<I: Serialize + ?Sized>(
        &self,
        operation: &str,
        input: &I,
        kind: CallKind,
    ) -> Result<Response<serde_json::Map<String, serde_json::Value>>, Error> {
        if !operation
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_')
            || operation.is_empty()
        {
            return Err(Error::invalid(
                "operation",
                "must be an operation name such as Customers_Query",
            ));
        }
        self.execute(operation, input, kind, AuthChoice::Client)
            .await
    }
}
