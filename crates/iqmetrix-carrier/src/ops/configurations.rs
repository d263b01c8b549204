//! Configurations: read them, and enable or disable a carrier integration for a location.

use reqwest::Method;

use crate::client::Client;
use crate::error::Result;
use crate::models::ConfigurationDetails;
use crate::validate::positive_id;
use crate::wire::{Call, Idempotency, JSON};

fn configurations_path(company_id: i64, carrier_id: i64) -> Result<String> {
    let company = positive_id("CompanyId", company_id)?;
    let carrier = positive_id("CarrierId", carrier_id)?;
    Ok(format!(
        "Companies({company})/Carriers({carrier})/Configurations"
    ))
}

impl Client {
    /// The carrier's configuration for the company:
    /// `GET Companies({CompanyId})/Carriers({CarrierId})/Configurations`.
    pub async fn get_configurations(
        &self,
        company_id: i64,
        carrier_id: i64,
    ) -> Result<ConfigurationDetails> {
        let path = configurations_path(company_id, carrier_id)?;
        self.execute_json(Call::get("get_configurations", path))
            .await
    }

    /// Enables the carrier integration at a location: `POST .../Configurations` with the
    /// body of the spec's example (company-wide setting 1 `"True"`, the location's setting
    /// 1 `"True"`). Answered `200` with the configuration.
    ///
    /// A POST: never resent once it may have reached the server.
    pub async fn enable_carrier_integration(
        &self,
        company_id: i64,
        carrier_id: i64,
        location_id: i64,
    ) -> Result<ConfigurationDetails> {
        let location = positive_id("LocationId", location_id)?;
        let path = configurations_path(company_id, carrier_id)?;
        let body = ConfigurationDetails::location_toggle(location, true);
        self.post_configurations("enable_carrier_integration", path, &body)
            .await
    }

    /// Disables the carrier integration at a location: `POST .../Configurations/` (with the
    /// trailing slash the spec's example has) and the location's setting 1 `"False"`.
    ///
    /// A POST: never resent once it may have reached the server.
    pub async fn disable_carrier_integration(
        &self,
        company_id: i64,
        carrier_id: i64,
        location_id: i64,
    ) -> Result<ConfigurationDetails> {
        let location = positive_id("LocationId", location_id)?;
        let path = format!("{}/", configurations_path(company_id, carrier_id)?);
        let body = ConfigurationDetails::location_toggle(location, false);
        self.post_configurations("disable_carrier_integration", path, &body)
            .await
    }

    /// Posts any configuration change (`POST .../Configurations`), for settings other than
    /// the on/off switch the two methods above send.
    pub async fn update_configurations(
        &self,
        company_id: i64,
        carrier_id: i64,
        configuration: &ConfigurationDetails,
    ) -> Result<ConfigurationDetails> {
        let path = configurations_path(company_id, carrier_id)?;
        self.post_configurations("update_configurations", path, configuration)
            .await
    }

    async fn post_configurations(
        &self,
        operation: &'static str,
        path: String,
        body: &ConfigurationDetails,
    ) -> Result<ConfigurationDetails> {
        let call = Call {
            operation,
            method: Method::POST,
            path,
            body: None,
            accept: JSON,
            idempotency: Idempotency::ConnectOnly,
        }
        .with_json(body)?;
        self.execute_json(call).await
    }
}
