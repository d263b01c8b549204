//! `ConfigurationDetails` and its settings resources.

use std::collections::BTreeMap;

use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::builder::model_builder;
use crate::error::{Error, Result};

/// One integration setting and its value (`CompanyWideIntegrationSetting`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
#[non_exhaustive]
pub struct IntegrationSetting {
    /// Id of a configurable setting. An answer without one (`null`, `""` or no `Id`) reads
    /// as `0`, which names no setting, rather than failing the whole configuration; digits
    /// sent as text (`"12"`) read as the number.
    #[serde(alias = "ID", deserialize_with = "id_or_zero")]
    pub id: i64,
    /// Its value, such as `"True"` or `"False"`. A JSON bool reads as `"True"`/`"False"`,
    /// the spelling the spec uses, and a number as its digits.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "setting_value"
    )]
    pub value: Option<String>,
    /// The values it may take; `null` in the spec's requests (and always written, as there).
    /// One value sent on its own (`"True"`) reads as a list of one.
    #[serde(deserialize_with = "value_options")]
    pub value_options: Option<Vec<String>>,
    /// Fields this version does not type, as sent; written back as they are.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// `IntegrationSetting.Id`: `0` stands for none, as `i64` has no room for "absent" and the
/// public type is kept.
fn id_or_zero<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<i64, D::Error> {
    telecom_core::lenient::opt_i64(d).map(Option::unwrap_or_default)
}

/// `IntegrationSetting.Value`: a bool in .NET's spelling, so a value compared with the
/// spec's `"True"` still matches it; otherwise as [`telecom_core::lenient::opt_text`].
fn setting_value<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Option<String>, D::Error> {
    let value = Value::deserialize(d)?;
    telecom_core::lenient::opt_text(dotnet_bools(value)).map_err(de::Error::custom)
}

/// `IntegrationSetting.ValueOptions`: `null` stays `None` (and is written back as `null`);
/// anything else as [`telecom_core::lenient::string_list`] reads it (one value on its own
/// is a list of one), bools in .NET's spelling.
fn value_options<'de, D: Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<Vec<String>>, D::Error> {
    match Value::deserialize(d)? {
        Value::Null => Ok(None),
        value => telecom_core::lenient::string_list(dotnet_bools(value))
            .map(Some)
            .map_err(de::Error::custom),
    }
}

/// `value` with each bool, on its own or in a list, as .NET writes it (`"True"`).
fn dotnet_bools(value: Value) -> Value {
    match value {
        Value::Bool(b) => Value::String(if b { "True" } else { "False" }.to_owned()),
        Value::Array(items) => Value::Array(items.into_iter().map(dotnet_bools).collect()),
        other => other,
    }
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
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub setting_name: Option<String>,
    /// Input type; may be `null`.
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_setting_reads_ids_values_and_options_in_any_shape() {
        let read = |json: &str| serde_json::from_str::<IntegrationSetting>(json).unwrap();
        let setting = read(r#"{"Id": "12", "Value": true, "ValueOptions": "True"}"#);
        assert_eq!(setting.id, 12);
        assert_eq!(setting.value.as_deref(), Some("True"));
        assert_eq!(setting.value_options, Some(vec!["True".to_owned()]));
        let setting = read(r#"{"Id": null, "Value": 30, "ValueOptions": [false, 1, null]}"#);
        assert_eq!(setting.id, 0);
        assert_eq!(setting.value.as_deref(), Some("30"));
        assert_eq!(
            setting.value_options,
            Some(vec!["False".to_owned(), "1".to_owned()])
        );
        let setting = read(r#"{"ID": " 7 ", "ValueOptions": null}"#);
        assert_eq!(
            (setting.id, setting.value, setting.value_options),
            (7, None, None)
        );
        assert_eq!(read(r#"{"Id": ""}"#).id, 0);
        assert_eq!(read("{}").id, 0);
        // An id that is no number at all is still refused.
        assert!(serde_json::from_str::<IntegrationSetting>(r#"{"Id": "one"}"#).is_err());
        // Written as before: the id a number, the value text, the options always.
        assert_eq!(
            serde_json::to_value(read(r#"{"Id": "12", "Value": false}"#)).unwrap(),
            serde_json::json!({"Id": 12, "Value": "False", "ValueOptions": null})
        );
    }
}
