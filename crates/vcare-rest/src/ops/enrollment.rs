//! Enrollment actions.

use serde::Serialize;
use telecom_core::CallKind;

use crate::Client;
use crate::error::Error;
use crate::models::{CheckServiceAvailability, EnrollmentType, ServiceAvailability};
use crate::ops::Action;
use crate::transport::Operation;
use crate::wire::{Body, Object, yes_no};

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

/// The `check_service_availability` body.
#[serde_with::skip_serializing_none]
#[derive(Serialize)]
struct CheckServiceAvailabilityBody<'a> {
    zip_code: &'a str,
    enrollment_type: EnrollmentType,
    is_enrollment: Option<&'static str>,
}

impl Action for CheckServiceAvailability {
    const OPERATION: Operation<'static> =
        Operation::new("enrollment", "check_service_availability", CallKind::Read);
    type Data = Object<ServiceAvailability>;
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
        self.validate()?;
        Body::typed(&CheckServiceAvailabilityBody {
            zip_code: &self.zip_code,
            enrollment_type: self.enrollment_type,
            is_enrollment: self.is_enrollment.map(yes_no),
        })
    }
}
