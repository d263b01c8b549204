//! `ConfigurationDetails` and its settings resources.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::builder::model_builder;
use crate::error::{Error, Result};

/// One integration setting and its value (`CompanyWideIntegrationSetting`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
#[non_exhaustive]
pub struct IntegrationSetting {
    /// Id of a configurable setting.
    #[serde(alias = "ID")]
    pub id: i64,
    /// Its value, such as `"True"` or `"False"`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// The values it may take; `null` in the spec's requests (and always written, as there).
    pub value_options: Option<Vec<String>>,
    /// Fields this version does not type, as sent; written back as they are.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl IntegrationSetting {
    /// A setting with a value and no options, as the spec's POST examples send.
    pub fn new(id: i64, value: impl Into<String>) -> IntegrationSetting {
        IntegrationSetting {
            id,
            value: Some(value.into()),
            ..IntegrationSetting::default()
        }
    }

    /// An [`IntegrationSettingBuilder`] with nothing set.
    pub fn builder() -> IntegrationSettingBuilder {
        IntegrationSettingBuilder::default()
    }
}

/// Builds an [`IntegrationSetting`]: start with [`IntegrationSetting::builder`], set the `id`
/// (required) and what else applies, then `build()`.
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct IntegrationSettingBuilder {
    id: Option<i64>,
    inner: IntegrationSetting,
}

impl IntegrationSettingBuilder {
    /// Sets [`IntegrationSetting::id`] (required).
    pub fn id(mut self, id: i64) -> Self {
        self.id = Some(id);
        self
    }

    /// Sets [`IntegrationSetting::value`].
    pub fn value(mut self, value: impl Into<String>) -> Self {
        self.inner.value = Some(value.into());
        self
    }

    /// Sets the list [`IntegrationSetting::value_options`].
    pub fn value_options(mut self, options: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.inner.value_options = Some(options.into_iter().map(Into::into).collect());
        self
    }

    /// The setting; fails when no `id` was set.
    pub fn build(self) -> Result<IntegrationSetting> {
        let id = self.id.ok_or_else(|| Error::invalid("Id", "is required"))?;
        Ok(IntegrationSetting { id, ..self.inner })
    }
}

/// One configurable setting's description (`MetaData.ConfigurableSettings`).
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
#[non_exhaustive]
pub struct ConfigurableSetting {
    /// Id (`SettingId`, also sent as `SettingID`).
    #[serde(alias = "SettingID")]
    #[serde(deserialize_with = "telecom_core::lenient::opt_i64")]
    pub setting_id: Option<i64>,
    /// Name (documented as the kind of HTML element).
    pub setting_name: Option<String>,
    /// Input type; may be `null`.
    pub input_type: Option<String>,
    /// Fields this version does not type, as sent; written back as they are.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// The settings' descriptions (`MetaData`).
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
#[non_exhaustive]
pub struct SettingsMetaData {
    /// The configurable settings.
    #[serde(deserialize_with = "telecom_core::lists::opt_list")]
    pub configurable_settings: Option<Vec<ConfigurableSetting>>,
    /// Fields this version does not type, as sent; written back as they are.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// Company-wide settings (`CompanyWideSettingsResource`).
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
#[non_exhaustive]
pub struct CompanyWideSettingsResource {
    /// The settings.
    #[serde(deserialize_with = "telecom_core::lists::opt_list")]
    pub company_wide_integration_settings: Option<Vec<IntegrationSetting>>,
    /// Their descriptions (responses only).
    pub meta_data: Option<SettingsMetaData>,
    /// Fields this version does not type, as sent; written back as they are.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

model_builder! {
    CompanyWideSettingsResourceBuilder => CompanyWideSettingsResource;
    list company_wide_integration_settings: IntegrationSetting,
}

impl CompanyWideSettingsResourceBuilder {
    /// The company-wide settings (nothing here can be wrong before sending).
    pub fn build(self) -> Result<CompanyWideSettingsResource> {
        Ok(self.inner)
    }
}

/// One location's settings.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
#[non_exhaustive]
pub struct LocationSettings {
    /// The location. Read as `LocationId` or `LocationID`; written `LocationID` as in the
    /// spec's POST examples.
    #[serde(rename = "LocationID", alias = "LocationId")]
    #[serde(deserialize_with = "telecom_core::lenient::opt_i64")]
    pub location_id: Option<i64>,
    /// The settings.
    #[serde(deserialize_with = "telecom_core::lists::opt_list")]
    pub integration_settings: Option<Vec<IntegrationSetting>>,
    /// Fields this version does not type, as sent; written back as they are.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

model_builder! {
    LocationSettingsBuilder => LocationSettings;
    opt location_id: i64,
    list integration_settings: IntegrationSetting,
}

impl LocationSettingsBuilder {
    /// The location's settings; `LocationID` is required, at least 1.
    pub fn build(self) -> Result<LocationSettings> {
        crate::validate::required_id("", "LocationID", self.inner.location_id)?;
        Ok(self.inner)
    }
}

/// Per-location settings (`LocationSettingsResource`).
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
#[non_exhaustive]
pub struct LocationSettingsResource {
    /// The locations.
    #[serde(deserialize_with = "telecom_core::lists::opt_list")]
    pub locations: Option<Vec<LocationSettings>>,
    /// Their descriptions (responses only).
    pub meta_data: Option<SettingsMetaData>,
    /// Fields this version does not type, as sent; written back as they are.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

model_builder! {
    LocationSettingsResourceBuilder => LocationSettingsResource;
    list locations: LocationSettings,
}

impl LocationSettingsResourceBuilder {
    /// The per-location settings (each location was checked when it was built).
    pub fn build(self) -> Result<LocationSettingsResource> {
        Ok(self.inner)
    }
}

/// A carrier's configuration for a company (`ConfigurationDetails`): what GET and POST
/// `Configurations` return, and (without ids and metadata) what POST sends.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
#[non_exhaustive]
pub struct ConfigurationDetails {
    /// Id.
    #[serde(deserialize_with = "telecom_core::lenient::opt_i64")]
    pub id: Option<i64>,
    /// The company.
    #[serde(deserialize_with = "telecom_core::lenient::opt_i64")]
    pub company_id: Option<i64>,
    /// Company-wide settings.
    pub company_wide_settings_resource: Option<CompanyWideSettingsResource>,
    /// Per-location settings.
    pub location_settings_resource: Option<LocationSettingsResource>,
    /// Fields this version does not type, as sent; written back as they are.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

model_builder! {
    ConfigurationDetailsBuilder => ConfigurationDetails;
    opt company_wide_settings_resource: CompanyWideSettingsResource,
    opt location_settings_resource: LocationSettingsResource,
}

impl ConfigurationDetailsBuilder {
    /// The configuration change to post (`Id` and `CompanyId` are the service's to set).
    pub fn build(self) -> Result<ConfigurationDetails> {
        Ok(self.inner)
    }
}

/// The id of the setting that switches an integration on or off, as in the spec's enable
/// and disable examples (`SettingName: "Enabled"`).
pub const ENABLED_SETTING_ID: i64 = 1;

impl ConfigurationDetails {
    /// The body the spec sends to enable (`true`) or disable (`false`) the integration at a
    /// location: the company-wide setting stays `"True"`, the location's becomes
    /// `"True"`/`"False"`.
    pub fn location_toggle(location_id: i64, enabled: bool) -> ConfigurationDetails {
        let value = if enabled { "True" } else { "False" };
        ConfigurationDetails {
            company_wide_settings_resource: Some(CompanyWideSettingsResource {
                company_wide_integration_settings: Some(vec![IntegrationSetting::new(
                    ENABLED_SETTING_ID,
                    "True",
                )]),
                ..CompanyWideSettingsResource::default()
            }),
            location_settings_resource: Some(LocationSettingsResource {
                locations: Some(vec![LocationSettings {
                    location_id: Some(location_id),
                    integration_settings: Some(vec![IntegrationSetting::new(
                        ENABLED_SETTING_ID,
                        value,
                    )]),
                    ..LocationSettings::default()
                }]),
                ..LocationSettingsResource::default()
            }),
            ..ConfigurationDetails::default()
        }
    }
}
