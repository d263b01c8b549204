//! `ConfigurationDetails` and its settings resources.

use serde::{Deserialize, Serialize};

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
}

impl IntegrationSetting {
    /// A setting with a value and no options, as the spec's POST examples send.
    pub fn new(id: i64, value: impl Into<String>) -> IntegrationSetting {
        IntegrationSetting {
            id,
            value: Some(value.into()),
            value_options: None,
        }
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
    pub setting_id: Option<i64>,
    /// Name (documented as the kind of HTML element).
    pub setting_name: Option<String>,
    /// Input type; may be `null`.
    pub input_type: Option<String>,
}

/// The settings' descriptions (`MetaData`).
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
#[non_exhaustive]
pub struct SettingsMetaData {
    /// The configurable settings.
    pub configurable_settings: Option<Vec<ConfigurableSetting>>,
}

/// Company-wide settings (`CompanyWideSettingsResource`).
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
#[non_exhaustive]
pub struct CompanyWideSettingsResource {
    /// The settings.
    pub company_wide_integration_settings: Option<Vec<IntegrationSetting>>,
    /// Their descriptions (responses only).
    pub meta_data: Option<SettingsMetaData>,
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
    pub location_id: Option<i64>,
    /// The settings.
    pub integration_settings: Option<Vec<IntegrationSetting>>,
}

/// Per-location settings (`LocationSettingsResource`).
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
#[non_exhaustive]
pub struct LocationSettingsResource {
    /// The locations.
    pub locations: Option<Vec<LocationSettings>>,
    /// Their descriptions (responses only).
    pub meta_data: Option<SettingsMetaData>,
}

/// A carrier's configuration for a company (`ConfigurationDetails`): what GET and POST
/// `Configurations` return, and (without ids and metadata) what POST sends.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
#[non_exhaustive]
pub struct ConfigurationDetails {
    /// Id.
    pub id: Option<i64>,
    /// The company.
    pub company_id: Option<i64>,
    /// Company-wide settings.
    pub company_wide_settings_resource: Option<CompanyWideSettingsResource>,
    /// Per-location settings.
    pub location_settings_resource: Option<LocationSettingsResource>,
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
            id: None,
            company_id: None,
            company_wide_settings_resource: Some(CompanyWideSettingsResource {
                company_wide_integration_settings: Some(vec![IntegrationSetting::new(
                    ENABLED_SETTING_ID,
                    "True",
                )]),
                meta_data: None,
            }),
            location_settings_resource: Some(LocationSettingsResource {
                locations: Some(vec![LocationSettings {
                    location_id: Some(location_id),
                    integration_settings: Some(vec![IntegrationSetting::new(
                        ENABLED_SETTING_ID,
                        value,
                    )]),
                }]),
                meta_data: None,
            }),
        }
    }
}
