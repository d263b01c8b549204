//! DIDs: `querynumbers`, `assignnumber`, `querydidcountries`, `querydidcities`, `querydids`,
//! `subscribedid`, and the DID lists of `listivr` / `listivml`.

use serde::{Deserialize, Serialize, Serializer};
use telecom_core::PhoneNumber;

use super::Service;
use super::subaccount::required;
use crate::error::{Error, Result};
use crate::wire::{CsvRow, Fields};

telecom_core::open_enum! {
    /// What a voice DID is assigned to (`Assigned-Service`).
    pub enum AssignedService {
        /// An IVR menu; the ID is the IVR ID.
        Ivr => "IVR",
        /// An IVML configuration; the ID is the IVML ID.
        Ivml => "IVML",
        /// SIP; the ID is the sub-account, if any.
        Sip => "SIP",
    }
}

/// A DID's current assignment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Assignment {
    /// `Assigned-Service`.
    pub service: AssignedService,
    /// `Assigned-ID`: the IVR ID, IVML ID or sub-account, when there is one.
    pub id: Option<String>,
}

/// A DID registered to the account (`querynumbers`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Number {
    /// `Number`.
    pub number: PhoneNumber,
    /// `Service`.
    pub service: Service,
    /// `Assigned-Service` and `Assigned-ID`; `None` when unassigned.
    pub assignment: Option<Assignment>,
}

impl CsvRow for Number {
    const COLUMNS: &'static [&'static str] =
        &["Number", "Service", "Assigned-Service", "Assigned-ID"];

    fn from_fields(f: &Fields<'_>) -> Result<Self, String> {
        let assignment = f.opt(2).map(|s| Assignment {
            service: AssignedService::from(s),
            id: f.opt(3),
        });
        Ok(Number {
            number: PhoneNumber::from_vendor(f.text(0)),
            service: Service::from(f.raw(1)),
            assignment,
        })
    }
}

/// The filter of `querynumbers`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct NumberFilter {
    /// `subid`: only this sub-account's DIDs.
    #[serde(default)]
    pub subid: Option<String>,
    /// `service`: only DIDs of this service.
    #[serde(default)]
    pub service: Option<Service>,
}

impl NumberFilter {
    /// Every DID.
    pub fn all() -> Self {
        NumberFilter::default()
    }

    /// Only this sub-account's DIDs.
    pub fn subid(mut self, subid: impl Into<String>) -> Self {
        self.subid = Some(subid.into());
        self
    }

    /// Only DIDs of this service.
    pub fn service(mut self, service: Service) -> Self {
        self.service = Some(service);
        self
    }

    pub(crate) fn params(&self) -> Result<Vec<(&'static str, String)>> {
        let mut p = Vec::new();
        if let Some(s) = &self.subid {
            p.push(("subid", required("subid", s)?));
        }
        if let Some(s) = &self.service {
            p.push(("service", known_service("service", s)?));
        }
        Ok(p)
    }
}

/// A known service, as its wire text; an unknown one is refused before sending.
pub(crate) fn known_service(field: &'static str, s: &Service) -> Result<String> {
    if s.is_unknown() {
        return Err(Error::invalid(
            field,
            format!("{s:?} is not one of fax, voice, sms"),
        ));
    }
    Ok(s.as_str().to_owned())
}

/// Where `assignnumber` sends a DID.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Target {
    /// The fax service.
    Fax,
    /// Voice, to an IVR menu (its ID).
    Ivr(String),
    /// Voice, to an IVML configuration (its ID).
    Ivml(String),
    /// Voice over SIP, to a sub-account or (`None`, sent as `0`) the main account.
    Sip(Option<String>),
}

/// The input of `assignnumber`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AssignNumber {
    /// `number`: a DID of the account.
    pub number: String,
    /// `service`, `servicetype` and `serviceid`.
    pub target: Target,
}

impl AssignNumber {
    /// Assigns `number` to `target`.
    pub fn new(number: impl Into<String>, target: Target) -> Self {
        AssignNumber {
            number: number.into(),
            target,
        }
    }

    pub(crate) fn params(&self) -> Result<Vec<(&'static str, String)>> {
        let mut p = vec![("number", required("number", &self.number)?)];
        let voice = |p: &mut Vec<(&'static str, String)>, kind: &str, id: String| {
            p.push(("service", "voice".to_owned()));
            p.push(("servicetype", kind.to_owned()));
            p.push(("serviceid", id));
        };
        match &self.target {
            Target::Fax => p.push(("service", "fax".to_owned())),
            Target::Ivr(id) => voice(&mut p, "IVR", required("serviceid", id)?),
            Target::Ivml(id) => voice(&mut p, "IVML", required("serviceid", id)?),
            Target::Sip(None) => voice(&mut p, "SIP", "0".to_owned()),
            Target::Sip(Some(id)) => voice(&mut p, "SIP", required("serviceid", id)?),
        }
        Ok(p)
    }
}

/// A country with DIDs for subscription (`querydidcountries`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct DidCountry {
    /// `CountryName`, to pass to `querydidcities`.
    pub country: String,
}

impl CsvRow for DidCountry {
    const COLUMNS: &'static [&'static str] = &["CountryName"];
    fn from_fields(f: &Fields<'_>) -> Result<Self, String> {
        Ok(DidCountry { country: f.text(0) })
    }
}

/// A city with DIDs for subscription (`querydidcities`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct DidCity {
    /// `CountryName`.
    pub country: String,
    /// `CityName`.
    pub city: String,
}

impl CsvRow for DidCity {
    const COLUMNS: &'static [&'static str] = &["CountryName", "CityName"];
    fn from_fields(f: &Fields<'_>) -> Result<Self, String> {
        Ok(DidCity {
            country: f.text(0),
            city: f.text(1),
        })
    }
}

/// A DID offered for subscription (`querydids`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct OfferedDid {
    /// `CountryName`.
    pub country: String,
    /// `CityName`.
    pub city: String,
    /// `DID`, to pass to `subscribedid`.
    pub did: String,
}

impl CsvRow for OfferedDid {
    // The spec prints this header with spaces after the commas; names are matched
    // without spaces, so either form is read.
    const COLUMNS: &'static [&'static str] = &["CountryName", "CityName", "DID"];
    fn from_fields(f: &Fields<'_>) -> Result<Self, String> {
        Ok(OfferedDid {
            country: f.text(0),
            city: f.text(1),
            did: f.text(2),
        })
    }
}

/// The input of `querydidcities`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CityQuery {
    /// `service`.
    pub service: Service,
    /// `country`: a name from `querydidcountries`.
    pub country: String,
}

impl CityQuery {
    /// Cities of `country` with DIDs of `service`.
    pub fn new(service: Service, country: impl Into<String>) -> Self {
        CityQuery {
            service,
            country: country.into(),
        }
    }

    pub(crate) fn params(&self) -> Result<Vec<(&'static str, String)>> {
        Ok(vec![
            ("service", known_service("service", &self.service)?),
            ("country", required("country", &self.country)?),
        ])
    }
}

/// The input of `querydids`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DidQuery {
    /// `service`.
    pub service: Service,
    /// `country`: a name from `querydidcountries`.
    pub country: String,
    /// `city`: a name from `querydidcities`.
    pub city: String,
    /// `quantity`: 1 to 10; the gateway's default is 1.
    #[serde(default)]
    pub quantity: Option<u8>,
}

impl DidQuery {
    /// One DID of `service` in `city`, `country`.
    pub fn new(service: Service, country: impl Into<String>, city: impl Into<String>) -> Self {
        DidQuery {
            service,
            country: country.into(),
            city: city.into(),
            quantity: None,
        }
    }

    /// Asks for `n` DIDs (1 to 10).
    pub fn quantity(mut self, n: u8) -> Self {
        self.quantity = Some(n);
        self
    }

    pub(crate) fn params(&self) -> Result<Vec<(&'static str, String)>> {
        let mut p = vec![
            ("service", known_service("service", &self.service)?),
            ("country", required("country", &self.country)?),
            ("city", required("city", &self.city)?),
        ];
        if let Some(n) = self.quantity {
            if !(1..=10).contains(&n) {
                return Err(Error::invalid(
                    "quantity",
                    format!("{n} is not between 1 and 10"),
                ));
            }
            p.push(("quantity", n.to_string()));
        }
        Ok(p)
    }
}

/// The input of `subscribedid`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SubscribeDid {
    /// `service`.
    pub service: Service,
    /// `country`.
    pub country: String,
    /// `city`.
    pub city: String,
    /// `did`: a DID from `querydids`.
    pub did: String,
}

impl SubscribeDid {
    /// Subscribes to an offered DID.
    pub fn new(service: Service, offered: &OfferedDid) -> Self {
        SubscribeDid {
            service,
            country: offered.country.clone(),
            city: offered.city.clone(),
            did: offered.did.clone(),
        }
    }

    pub(crate) fn params(&self) -> Result<Vec<(&'static str, String)>> {
        Ok(vec![
            ("service", known_service("service", &self.service)?),
            ("country", required("country", &self.country)?),
            ("city", required("city", &self.city)?),
            ("did", required("did", &self.did)?),
        ])
    }
}

/// One entry of a `DIDs` column: a number, or the outbound service.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum DidEntry {
    /// An inbound DID.
    Number(PhoneNumber),
    /// The word `outbound`: the menu or configuration serves outbound calls.
    Outbound,
}

impl Serialize for DidEntry {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            DidEntry::Number(n) => n.serialize(s),
            DidEntry::Outbound => s.serialize_str("outbound"),
        }
    }
}

/// Splits a space-separated `DIDs` column.
pub(crate) fn did_list(text: &str) -> Vec<DidEntry> {
    text.split_whitespace()
        .map(|w| {
            if w.eq_ignore_ascii_case("outbound") {
                DidEntry::Outbound
            } else {
                DidEntry::Number(PhoneNumber::from_vendor(w))
            }
        })
        .collect()
}
