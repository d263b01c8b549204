//! Port-in actions.

use crate::Client;
use crate::error::Error;
use crate::models::port::{PortinStatus, QueryPortin};

impl Client {
    /// `query_portin` (`POST /port`): the state of a port-in. A read: transient failures are
    /// retried.
    pub async fn query_portin(&self, request: &QueryPortin) -> Result<PortinStatus, Error> {
        self.send_action(request).await
    }
}
