//! Sub-accounts: `querysubaccounts`, `addsubaccount`, `delsubaccount`, `updatesubaccount`.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
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
        })
    }
}

/// The input of `addsubaccount`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
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

impl NewSubAccount {
    /// A sub-account with only its alias.
    pub fn new(alias: impl Into<String>) -> Self {
        NewSubAccount {
            alias: alias.into(),
            ..NewSubAccount::default()
        }
    }

    /// Sets the email address.
    pub fn email(mut self, email: impl Into<String>) -> Self {
        self.email = Some(email.into());
        self
    }

    /// Sets the owner's first and last name.
    pub fn name(mut self, first: impl Into<String>, last: impl Into<String>) -> Self {
        self.first_name = Some(first.into());
        self.last_name = Some(last.into());
        self
    }

    /// Sets the company.
    pub fn company(mut self, company: impl Into<String>) -> Self {
        self.company = Some(company.into());
        self
    }

    /// Sets the fax headline.
    pub fn fax_headline(mut self, headline: impl Into<String>) -> Self {
        self.fax_headline = Some(headline.into());
        self
    }

    pub(crate) fn params(&self) -> Result<Vec<(&'static str, String)>> {
        let mut p = vec![("alias", required("alias", &self.alias)?)];
        push_details(
            &mut p,
            &self.email,
            &self.first_name,
            &self.last_name,
            &self.company,
            &self.fax_headline,
        )?;
        Ok(p)
    }
}

/// The input of `updatesubaccount`: only the fields set are changed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
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

impl SubAccountUpdate {
    /// An update of the given sub-account that changes nothing yet.
    pub fn new(subid: impl Into<String>) -> Self {
        SubAccountUpdate {
            subid: subid.into(),
            ..SubAccountUpdate::default()
        }
    }

    /// Changes the alias.
    pub fn alias(mut self, alias: impl Into<String>) -> Self {
        self.alias = Some(alias.into());
        self
    }

    /// Changes the email address.
    pub fn email(mut self, email: impl Into<String>) -> Self {
        self.email = Some(email.into());
        self
    }

    /// Changes the company.
    pub fn company(mut self, company: impl Into<String>) -> Self {
        self.company = Some(company.into());
        self
    }

    /// Changes the fax headline.
    pub fn fax_headline(mut self, headline: impl Into<String>) -> Self {
        self.fax_headline = Some(headline.into());
        self
    }

    pub(crate) fn params(&self) -> Result<Vec<(&'static str, String)>> {
        let mut p = vec![("subid", required("subid", &self.subid)?)];
        if let Some(alias) = &self.alias {
            p.push(("alias", required("alias", alias)?));
        }
        push_details(
            &mut p,
            &self.email,
            &self.first_name,
            &self.last_name,
            &self.company,
            &self.fax_headline,
        )?;
        Ok(p)
    }
}

fn push_details(
    p: &mut Vec<(&'static str, String)>,
    email: &Option<String>,
    first: &Option<String>,
    last: &Option<String>,
    company: &Option<String>,
    headline: &Option<String>,
) -> Result<()> {
    if let Some(email) = email {
        p.push(("email", valid_email(email)?));
    }
    let optional = [
        ("firstname", first),
        ("lastname", last),
        ("company", company),
        ("faxheadline", headline),
    ];
    for (name, value) in optional {
        if let Some(v) = value {
            p.push((name, v.clone()));
        }
    }
    Ok(())
}

/// A value that must be present and not blank.
pub(crate) fn required(field: &'static str, value: &str) -> Result<String> {
    let v = value.trim();
    if v.is_empty() {
        return Err(Error::invalid(field, "is required"));
    }
    Ok(v.to_owned())
}

/// The shape of an address only (`local@domain.tld`); TraiTel checks the rest (error 104).
fn valid_email(email: &str) -> Result<String> {
    let e = email.trim();
    let ok = e.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty()
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains('@')
    }) && !e.contains(char::is_whitespace);
    if ok {
        Ok(e.to_owned())
    } else {
        Err(Error::invalid(
            "email",
            format!("{e:?} is not an email address"),
        ))
    }
}
