//! IVR menus and IVML configurations: `listivr`, `listivml`, `addivml`, `updateivml`,
//! `deleteivml`.

use serde::{Deserialize, Serialize};

use super::did::{DidEntry, did_list};
use super::subaccount::required;
use crate::error::{Error, Result};
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
}

impl CsvRow for IvrMenu {
    const COLUMNS: &'static [&'static str] = &["ID", "Name", "DIDs"];
    fn from_fields(f: &Fields<'_>) -> Result<Self, String> {
        Ok(IvrMenu {
            id: f.text(0),
            name: f.text(1),
            dids: did_list(f.raw(2)),
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
        })
    }
}

/// The input of `addivml`.
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

impl NewIvml {
    /// A configuration without a result URL.
    pub fn new(name: impl Into<String>, launch_url: impl Into<String>, kind: IvmlType) -> Self {
        NewIvml {
            name: name.into(),
            launch_url: launch_url.into(),
            result_url: None,
            kind,
        }
    }

    /// Sets the result URL.
    pub fn result_url(mut self, url: impl Into<String>) -> Self {
        self.result_url = Some(url.into());
        self
    }

    pub(crate) fn params(&self) -> Result<Vec<(&'static str, String)>> {
        let mut p = vec![
            ("name", required("name", &self.name)?),
            ("launchurl", web_url("launchurl", &self.launch_url)?),
        ];
        if let Some(u) = &self.result_url {
            p.push(("resulturl", web_url("resulturl", u)?));
        }
        p.push(("type", known_type(&self.kind)?));
        Ok(p)
    }
}

/// The input of `updateivml`: only the fields set are changed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
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

impl IvmlUpdate {
    /// An update of configuration `ivmlid` that changes nothing yet.
    pub fn new(ivmlid: impl Into<String>) -> Self {
        IvmlUpdate {
            ivmlid: ivmlid.into(),
            ..IvmlUpdate::default()
        }
    }

    /// Changes the name.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Changes the launch URL.
    pub fn launch_url(mut self, url: impl Into<String>) -> Self {
        self.launch_url = Some(url.into());
        self
    }

    /// Changes the result URL.
    pub fn result_url(mut self, url: impl Into<String>) -> Self {
        self.result_url = Some(url.into());
        self
    }

    /// Changes the direction.
    pub fn kind(mut self, kind: IvmlType) -> Self {
        self.kind = Some(kind);
        self
    }

    pub(crate) fn params(&self) -> Result<Vec<(&'static str, String)>> {
        let mut p = vec![("ivmlid", required("ivmlid", &self.ivmlid)?)];
        if let Some(n) = &self.name {
            p.push(("name", required("name", n)?));
        }
        if let Some(u) = &self.launch_url {
            p.push(("launchurl", web_url("launchurl", u)?));
        }
        if let Some(u) = &self.result_url {
            p.push(("resulturl", web_url("resulturl", u)?));
        }
        if let Some(k) = &self.kind {
            p.push(("type", known_type(k)?));
        }
        Ok(p)
    }
}

fn known_type(kind: &IvmlType) -> Result<String> {
    if kind.is_unknown() {
        return Err(Error::invalid(
            "type",
            format!("{kind:?} is not inbound or outbound"),
        ));
    }
    Ok(kind.as_str().to_owned())
}

/// An absolute `http`/`https` URL with a host: the gateway fetches it.
fn web_url(field: &'static str, text: &str) -> Result<String> {
    let text = text.trim();
    let url = url::Url::parse(text)
        .map_err(|e| Error::invalid(field, format!("{text:?} is not a URL: {e}")))?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return Err(Error::invalid(
            field,
            format!("{text:?} is not an http(s) URL"),
        ));
    }
    Ok(text.to_owned())
}
