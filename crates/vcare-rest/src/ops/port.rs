//! Port-in actions.

use serde::Serialize;
use telecom_core::CallKind;

use crate::Client;
use crate::error::Error;
use crate::models::{PortinStatus, QueryPortin};
use crate::ops::Action;
use crate::transport::Operation;
use crate::wire::{Body, Object};

impl Client {
    /// `query_portin` (`POST /port`): the state of a port-in. A read: transient failures are
    /// retried.
    pub async fn query_portin(&self, request: &QueryPortin) -> Result<PortinStatus, Error> {
        self.send_action(request).await
    }
}

/// The `query_portin` body; this older action names the enrollment `enroll_id`.
#[derive(Serialize)]
struct QueryPortinBody<'a> {
    enroll_id: &'a str,
    esn: &'a str,
    mdn: &'a str,
    carrier: &'a str,
}

impl Action for QueryPortin {
    const OPERATION: Operation<'static> = Operation::new("port", "query_portin", CallKind::Read);
    type Data = Object<PortinStatus>;
    type Output = PortinStatus;

    fn body(&self) -> Result<Body, Error> {
        self.validate()?;
        Body::typed(&QueryPortinBody {
            enroll_id: &self.enrollment_id,
            esn: &self.esn,
            mdn: &self.mdn,
            carrier: &self.carrier,
        })
    }
}
