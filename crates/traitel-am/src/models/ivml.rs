//! IVR menus and IVML configurations: `listivr`, `listivml`, `addivml`, `updateivml`,
//! `deleteivml`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::builder::request_builder;
use super::did::{DidEntry, did_list};
use crate::error::Result;
use crate::validate::{known, optional, required, web_url};
use crate::wire::{CsvRow, Fields};

telecom_core::open_enum! {
    /// The direction of an IVML configuration (`type`).
    pub enum IvmlType {
        /// Answers inbound calls.
        Inbound => "inbound",
        /// Places outbound calls.
        Outbound => "outbound",
    }
}

/// An IVR menu (`listivr`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct IvrMenu {
    /// `ID`: what `assignnumber` takes as an IVR ID.
    pub id: String,
    /// `Name`.
    pub name: String,
    /// `DIDs`: the numbers assigned, and [`DidEntry::Outbound`] for the outbound service.
    pub dids: Vec<DidEntry>,
    /// Columns this version does not type, by header name, values as sent.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub extra: BTreeMap<String, String>,
}

impl CsvRow for IvrMenu {
    const COLUMNS: &'static [&'static str] = &["ID", "Name", "DIDs"];
    fn from_fields(f: &Fields<'_>) -> Result<Self, String> {
        Ok(IvrMenu {
            id: f.text(0),
            name: f.text(1),
            dids: did_list(f.raw(2)),
            extra: f.extra(),
        })
    }
}

/// An IVML configuration (`listivml`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct IvmlConfig {
    /// `ID`.
    pub id: String,
    /// `Name`.
    pub name: String,
    /// `LaunchURL`: where the IVML instructions are fetched.
    pub launch_url: String,
    /// `ResultURL`: where the call result goes, if anywhere.
    pub result_url: Option<String>,
    /// `DIDs`: the numbers assigned, and [`DidEntry::Outbound`] for the outbound service.
    pub dids: Vec<DidEntry>,
    /// Columns this version does not type, by header name, values as sent.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub extra: BTreeMap<String, String>,
}

impl CsvRow for IvmlConfig {
    const COLUMNS: &'static [&'static str] = &["ID", "Name", "LaunchURL", "ResultURL", "DIDs"];
    fn from_fields(f: &Fields<'_>) -> Result<Self, String> {
        Ok(IvmlConfig {
            id: f.text(0),
            name: f.text(1),
            launch_url: f.text(2),
            result_url: f.opt(3),
            dids: did_list(f.raw(4)),
            extra: f.extra(),
        })
    }
}

/// The input of `addivml` ([`NewIvml::builder`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct NewIvml {
    /// `name` (required, unique in the account).
    pub name: String,
    /// `launchurl` (required): an `http` or `https` URL.
    pub launch_url: String,
    /// `resulturl`: an `http` or `https` URL.
    #[serde(default)]
    pub result_url: Option<String>,
    /// `type` (required).
    #[serde(rename = "type")]
    pub kind: IvmlType,
}

request_builder! {
    /// Builds a [`NewIvml`]; `name`, `launch_url` and `kind` are required.
    ///
    /// ```
    /// use traitel_am::{IvmlType, NewIvml};
    /// let ivml = NewIvml::builder()
    ///     .name("Survey")
    ///     .launch_url("https://ivr.example.com/launch")
    ///     .kind(IvmlType::Inbound)
    ///     .build()?;
    /// # Ok::<(), traitel_am::Error>(())
    /// ```
    NewIvml => NewIvmlBuilder {
        required {
            /// `name`, unique in the account.
            into name: String => "name",
            /// `launchurl`: where the gateway fetches the IVML instructions (`http`/`https`).
            into launch_url: String => "launchurl",
            /// `type`: inbound or outbound.
            into kind: IvmlType => "type",
        }
        optional {
            /// `resulturl`: where the gateway posts the call result (`http`/`https`).
            into result_url: String,
        }
    }
}

impl NewIvml {
    pub(crate) fn form(&self) -> Result<IvmlForm<'_>> {
        Ok(IvmlForm {
            ivmlid: None,
            name: Some(required("name", &self.name)?),
            launch_url: Some(web_url("launchurl", &self.launch_url)?),
            result_url: checked_result_url(self.result_url.as_deref())?,
            kind: Some(known_type(&self.kind)?),
        })
    }
}

/// The input of `updateivml` ([`IvmlUpdate::builder`]): only the fields set are changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct IvmlUpdate {
    /// `ivmlid` (required).
    pub ivmlid: String,
    /// `name`.
    #[serde(default)]
    pub name: Option<String>,
    /// `launchurl`.
    #[serde(default)]
    pub launch_url: Option<String>,
    /// `resulturl`.
    #[serde(default)]
    pub result_url: Option<String>,
    /// `type`.
    #[serde(default, rename = "type")]
    pub kind: Option<IvmlType>,
}

request_builder! {
    /// Builds an [`IvmlUpdate`]; `ivmlid` is required, the rest is what changes.
    IvmlUpdate => IvmlUpdateBuilder {
        required {
            /// `ivmlid`: the configuration to change.
            into ivmlid: String => "ivmlid",
        }
        optional {
            /// Changes `name`.
            into name: String,
            /// Changes `launchurl`.
            into launch_url: String,
            /// Changes `resulturl`.
            into result_url: String,
            /// Changes `type`.
            into kind: IvmlType,
        }
    }
}

impl IvmlUpdate {
    pub(crate) fn form(&self) -> Result<IvmlForm<'_>> {
        Ok(IvmlForm {
            ivmlid: Some(required("ivmlid", &self.ivmlid)?),
            name: optional("name", self.name.as_ref())?,
            launch_url: self
                .launch_url
                .as_deref()
                .map(|u| web_url("launchurl", u))
                .transpose()?,
            result_url: checked_result_url(self.result_url.as_deref())?,
            kind: self.kind.as_ref().map(known_type).transpose()?,
        })
    }
}

/// The parameters of `addivml` and `updateivml`.
#[derive(Serialize)]
pub(crate) struct IvmlForm<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    ivmlid: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a str>,
    #[serde(rename = "launchurl", skip_serializing_if = "Option::is_none")]
    launch_url: Option<&'a str>,
    #[serde(rename = "resulturl", skip_serializing_if = "Option::is_none")]
    result_url: Option<&'a str>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    kind: Option<&'a str>,
}

fn checked_result_url(url: Option<&str>) -> Result<Option<&str>> {
    url.map(|u| web_url("resulturl", u)).transpose()
}

fn known_type(kind: &IvmlType) -> Result<&str> {
    known(
        "type",
        kind.as_str(),
        kind.is_unknown(),
        IvmlType::known_values(),
    )
}
