//! Port-in actions.

use crate::Client;
use crate::error::Error;
use telecom_core::CallKind;

use crate::models::port::{PortinStatus, QueryPortin};
use crate::ops::Action;
use crate::transport::Operation;
use crate::validate as check;
use crate::wire::{Body, Envelope};

impl Client {
    /// `query_portin` (`POST /port`): the state of a port-in. A read: transient failures are
    /// retried.
    pub async fn query_portin(&self, request: &QueryPortin) -> Result<PortinStatus, Error> {
        self.send_action(request).await
    }
}

impl Action for QueryPortin {
    const OPERATION: Operation = Operation::new("port", "query_portin", CallKind::Read);
    type Output = PortinStatus;

    fn body(&self) -> Result<Body, Error> {
        check::alphanumeric("enroll_id", &self.enrollment_id)?;
        check::non_empty("esn", &self.esn)?;
        check::phone10("mdn", &self.mdn)?;
        check::non_empty("carrier", &self.carrier)?;
        Ok(Body::new()
            .str("enroll_id", &self.enrollment_id)
            .str("esn", &self.esn)
            .str("mdn", &self.mdn)
            .str("carrier", &self.carrier))
    }

    fn output(envelope: &Envelope) -> Result<Self::Output, serde_json::Error> {
        crate::de::data(envelope.data.as_ref())
    }
}
