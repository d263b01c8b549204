//! Enrollment actions.

use crate::Client;
use crate::error::Error;
use telecom_core::CallKind;

use crate::models::enrollment::{CheckServiceAvailability, ServiceAvailability};
use crate::ops::Action;
use crate::transport::Operation;
use crate::validate as check;
use crate::wire::{Body, Envelope};

impl Client {
    /// `check_service_availability` (`POST /enrollment`): is there service at a zip code;
    /// with `is_enrollment`, also opens an enrollment and returns its id (so it is not
    /// resent once it may have reached the vendor).
    pub async fn check_service_availability(
        &self,
        request: &CheckServiceAvailability,
    ) -> Result<ServiceAvailability, Error> {
        self.send_action(request).await
    }
}

impl Action for CheckServiceAvailability {
    const OPERATION: Operation =
        Operation::new("enrollment", "check_service_availability", CallKind::Read);
    type Output = ServiceAvailability;

    // With is_enrollment=Y each call opens a new enrollment, so it is not resent blindly;
    // a plain zip check is a read.
    fn kind(&self) -> CallKind {
        if self.is_enrollment == Some(true) {
            CallKind::Write
        } else {
            CallKind::Read
        }
    }

    fn body(&self) -> Result<Body, Error> {
        check::zip("zip_code", &self.zip_code)?;
        Ok(Body::new()
            .str("zip_code", &self.zip_code)
            .str("enrollment_type", self.enrollment_type.as_str())
            .opt_yn("is_enrollment", self.is_enrollment))
    }

    fn output(envelope: &Envelope) -> Result<Self::Output, serde_json::Error> {
        crate::de::data(envelope.data.as_ref())
    }
}
