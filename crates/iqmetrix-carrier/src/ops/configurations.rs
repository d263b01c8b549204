//! Configurations: read them, and enable or disable a carrier integration for a location.

use reqwest::Method;
use telecom_core::CallKind;

use crate::client::Client;
use crate::error::Result;
use crate::models::{CarrierPath, ConfigurationDetails, LocationPath};
use crate::ops::Call;
use crate::transport::Operation;
use crate::validate::positive_id;

const GET_CONFIGURATIONS: Operation = Operation::new("get_configurations", CallKind::Read);
/// The three configuration POSTs are writes: resent only when they cannot have been acted on.
const ENABLE_CARRIER_INTEGRATION: Operation =
    Operation::new("enable_carrier_integration", CallKind::Write);
const DISABLE_CARRIER_INTEGRATION: Operation =
    Operation::new("disable_carrier_integration", CallKind::Write);
const UPDATE_CONFIGURATIONS: Operation = Operation::new("update_configurations", CallKind::Write);

fn configurations_path(carrier: CarrierPath) -> Result<String> {
    Ok(format!("{}/Configurations", carrier.to_path()?))
}

impl Client {
    /// The carrier's configuration for the company:
    /// `GET Companies({CompanyId})/Carriers({CarrierId})/Configurations`.
    pub async fn get_configurations(&self, carrier: &CarrierPath) -> Result<ConfigurationDetails> {
        let path = configurations_path(*carrier)?;
        self.execute_json(Call::new(GET_CONFIGURATIONS, Method::GET, path))
            .await
    }

    /// Enables the carrier integration at a location: `POST .../Configurations` with the
    /// body of the spec's example (company-wide setting 1 `"True"`, the location's setting
    /// 1 `"True"`). Answered `200` with the configuration.
    ///
    /// A POST: resent only when no connection was made or iQmetrix answered 429.
    pub async fn enable_carrier_integration(
        &self,
        location: &LocationPath,
    ) -> Result<ConfigurationDetails> {
        let path = configurations_path(location.carrier())?;
        let location = positive_id("LocationId", location.location_id)?;
        let body = ConfigurationDetails::location_toggle(location, true);
        self.post_configurations(ENABLE_CARRIER_INTEGRATION, path, &body)
            .await
    }

    /// Disables the carrier integration at a location: `POST .../Configurations/` (with the
    /// trailing slash the spec's example has) and the location's setting 1 `"False"`.
    ///
    /// A POST: resent only when no connection was made or iQmetrix answered 429.
    pub async fn disable_carrier_integration(
        &self,
        location: &LocationPath,
    ) -> Result<ConfigurationDetails> {
        let path = format!("{}/", configurations_path(location.carrier())?);
        let location = positive_id("LocationId", location.location_id)?;
        let body = ConfigurationDetails::location_toggle(location, false);
        self.post_configurations(DISABLE_CARRIER_INTEGRATION, path, &body)
            .await
    }

    /// Posts any configuration change (`POST .../Configurations`), for settings other than
    /// the on/off switch the two methods above send.
    pub async fn update_configurations(
        &self,
        carrier: &CarrierPath,
        configuration: &ConfigurationDetails,
    ) -> Result<ConfigurationDetails> {
        let path = configurations_path(*carrier)?;
        self.post_configurations(UPDATE_CONFIGURATIONS, path, configuration)
            .await
    }

    async fn post_configurations(
        &self,
        operation: Operation,
        path: String,
        body: &ConfigurationDetails,
    ) -> Result<ConfigurationDetails> {
        let call = Call::new(operation, Method::POST, path).with_json(body)?;
        self.execute_json(call).await
    }
}
