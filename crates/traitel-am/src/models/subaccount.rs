//! Sub-accounts: `querysubaccounts`, `addsubaccount`, `delsubaccount`, `updatesubaccount`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::builder::request_builder;
use crate::error::Result;
use crate::validate::{email, optional, required};
use crate::wire::{CsvRow, Fields};

/// A sub-account, as `querysubaccounts` lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct SubAccount {
    /// `Sub-ID`.
    pub id: String,
    /// `Email`.
    pub email: Option<String>,
    /// `First Name`.
    pub first_name: Option<String>,
    /// `Last Name`.
    pub last_name: Option<String>,
    /// `Company`.
    pub company: Option<String>,
    /// `Fax Headline`.
    pub fax_headline: Option<String>,
    /// `Alias`, should the gateway add the column (the spec's list has none).
    pub alias: Option<String>,
    /// Columns this version does not type, by header name, values as sent.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub extra: BTreeMap<String, String>,
}

impl CsvRow for SubAccount {
    const COLUMNS: &'static [&'static str] = &[
        "Sub-ID",
        "Email",
        "First Name",
        "Last Name",
        "Company",
        "Fax Headline",
    ];
    const OPTIONAL: &'static [&'static str] = &["Alias"];

    fn from_fields(f: &Fields<'_>) -> Result<Self, String> {
        Ok(SubAccount {
            id: f.text(0),
            email: f.opt(1),
            first_name: f.opt(2),
            last_name: f.opt(3),
            company: f.opt(4),
            fax_headline: f.opt(5),
            alias: f.opt(6),
            extra: f.extra(),
        })
    }
}

/// The input of `addsubaccount`: [`NewSubAccount::builder`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct NewSubAccount {
    /// `alias` (required): a name for the sub-account, unique in the account.
    pub alias: String,
    /// `email`.
    #[serde(default)]
    pub email: Option<String>,
    /// `firstname`.
    #[serde(default)]
    pub first_name: Option<String>,
    /// `lastname`.
    #[serde(default)]
    pub last_name: Option<String>,
    /// `company`.
    #[serde(default)]
    pub company: Option<String>,
    /// `faxheadline`: the headline printed on outbound faxes.
    #[serde(default)]
    pub fax_headline: Option<String>,
}

request_builder! {
    /// Builds a [`NewSubAccount`]; `alias` is required.
    ///
    /// ```
    /// let account = traitel_am::NewSubAccount::builder()
    ///     .alias("kiosk-7")
    ///     .email("kiosk7@example.com")
    ///     .first_name("Ann")
    ///     .build()?;
    /// # Ok::<(), traitel_am::Error>(())
    /// ```
    NewSubAccount => NewSubAccountBuilder {
        required {
            /// `alias`: a name for the sub-account, unique in the account.
            into alias: String => "alias",
        }
        optional {
            /// `email`.
            into email: String,
            /// `firstname`.
            into first_name: String,
            /// `lastname`.
            into last_name: String,
            /// `company`.
            into company: String,
            /// `faxheadline`: the headline printed on outbound faxes.
            into fax_headline: String,
        }
    }
}

impl NewSubAccount {
    pub(crate) fn form(&self) -> Result<SubAccountForm<'_>> {
        Ok(SubAccountForm {
            subid: None,
            alias: Some(required("alias", &self.alias)?),
            email: checked_email(self.email.as_deref())?,
            first_name: self.first_name.as_deref(),
            last_name: self.last_name.as_deref(),
            company: self.company.as_deref(),
            fax_headline: self.fax_headline.as_deref(),
        })
    }
}

/// The input of `updatesubaccount` ([`SubAccountUpdate::builder`]): only the fields set
/// are changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SubAccountUpdate {
    /// `subid` (required): the sub-account to change.
    pub subid: String,
    /// `alias`.
    #[serde(default)]
    pub alias: Option<String>,
    /// `email`.
    #[serde(default)]
    pub email: Option<String>,
    /// `firstname`.
    #[serde(default)]
    pub first_name: Option<String>,
    /// `lastname`.
    #[serde(default)]
    pub last_name: Option<String>,
    /// `company`.
    #[serde(default)]
    pub company: Option<String>,
    /// `faxheadline`.
    #[serde(default)]
    pub fax_headline: Option<String>,
}

request_builder! {
    /// Builds a [`SubAccountUpdate`]; `subid` is required, the rest is what changes.
    SubAccountUpdate => SubAccountUpdateBuilder {
        required {
            /// `subid`: the sub-account to change.
            into subid: String => "subid",
        }
        optional {
            /// Changes `alias`.
            into alias: String,
            /// Changes `email`.
            into email: String,
            /// Changes `firstname`.
            into first_name: String,
            /// Changes `lastname`.
            into last_name: String,
            /// Changes `company`.
            into company: String,
            /// Changes `faxheadline`.
            into fax_headline: String,
        }
    }
}

impl SubAccountUpdate {
    pub(crate) fn form(&self) -> Result<SubAccountForm<'_>> {
        Ok(SubAccountForm {
            subid: Some(required("subid", &self.subid)?),
            alias: optional("alias", self.alias.as_ref())?,
            email: checked_email(self.email.as_deref())?,
            first_name: self.first_name.as_deref(),
            last_name: self.last_name.as_deref(),
            company: self.company.as_deref(),
            fax_headline: self.fax_headline.as_deref(),
        })
    }
}

/// The parameters of `addsubaccount` and `updatesubaccount`, as the gateway names them.
#[derive(Serialize)]
pub(crate) struct SubAccountForm<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    subid: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    alias: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    email: Option<&'a str>,
    #[serde(rename = "firstname", skip_serializing_if = "Option::is_none")]
    first_name: Option<&'a str>,
    #[serde(rename = "lastname", skip_serializing_if = "Option::is_none")]
    last_name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    company: Option<&'a str>,
    #[serde(rename = "faxheadline", skip_serializing_if = "Option::is_none")]
    fax_headline: Option<&'a str>,
}

/// Names and the headline are sent as written; an address is checked for its shape.
fn checked_email(address: Option<&str>) -> Result<Option<&str>> {
    address.map(|e| email("email", e)).transpose()
}
