//! Enrollment actions.

use crate::Client;
use crate::error::Error;
use crate::models::enrollment::{CheckServiceAvailability, ServiceAvailability};

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
