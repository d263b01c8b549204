//! DIDs: `querynumbers`, `assignnumber`, `querydidcountries`, `querydidcities`, `querydids`,
//! `subscribedid`, and the DID lists of `listivr` / `listivml`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize, Serializer};
use telecom_core::PhoneNumber;

use super::Service;
use super::builder::request_builder;
use crate::error::{Error, Result};
use crate::validate::{known, optional, required};
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
    /// Columns this version does not type, by header name, values as sent.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub extra: BTreeMap<String, String>,
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
            number: PhoneNumber::from_vendor_str(f.raw(0)),
            service: Service::from(f.raw(1)),
            assignment,
            extra: f.extra(),
        })
    }
}

/// The filter of `querynumbers` ([`NumberFilter::builder`]); the default lists every DID.
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

request_builder! {
    /// Builds a [`NumberFilter`]; every field is optional.
    NumberFilter => NumberFilterBuilder {
        required {}
        optional {
            /// `subid`: only this sub-account's DIDs.
            into subid: String,
            /// `service`: only DIDs of this service.
            into service: Service,
        }
    }
}

impl NumberFilter {
    pub(crate) fn form(&self) -> Result<DidForm<'_>> {
        Ok(DidForm {
            subid: optional("subid", self.subid.as_ref())?,
            service: self
                .service
                .as_ref()
                .map(|s| known_service("service", s))
                .transpose()?,
            ..DidForm::default()
        })
    }
}

/// A known service, as its wire text; an unknown one is refused before sending.
pub(crate) fn known_service<'a>(field: &str, s: &'a Service) -> Result<&'a str> {
    known(field, s.as_str(), s.is_unknown(), Service::known_values())
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

/// The input of `assignnumber` ([`AssignNumber::builder`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AssignNumber {
    /// `number`: a DID of the account.
    pub number: String,
    /// `service`, `servicetype` and `serviceid`.
    pub target: Target,
}

request_builder! {
    /// Builds an [`AssignNumber`]; `number` and `target` are required.
    ///
    /// ```
    /// use traitel_am::{AssignNumber, Target};
    /// let assign = AssignNumber::builder()
    ///     .number("61290002222")
    ///     .target(Target::Ivml("5".into()))
    ///     .build()?;
    /// # Ok::<(), traitel_am::Error>(())
    /// ```
    AssignNumber => AssignNumberBuilder {
        required {
            /// `number`: a DID of the account.
            into number: String => "number",
            /// Where the DID goes (`service`, `servicetype`, `serviceid`).
            into target: Target => "service",
        }
        optional {}
    }
}

impl AssignNumber {
    pub(crate) fn form(&self) -> Result<AssignForm<'_>> {
        let number = required("number", &self.number)?;
        let (service, servicetype, serviceid) = match &self.target {
            Target::Fax => ("fax", None, None),
            Target::Ivr(id) => ("voice", Some("IVR"), Some(required("serviceid", id)?)),
            Target::Ivml(id) => ("voice", Some("IVML"), Some(required("serviceid", id)?)),
            Target::Sip(None) => ("voice", Some("SIP"), Some("0")),
            Target::Sip(Some(id)) => ("voice", Some("SIP"), Some(required("serviceid", id)?)),
        };
        Ok(AssignForm {
            number,
            service,
            servicetype,
            serviceid,
        })
    }
}

/// The parameters of `assignnumber`.
#[derive(Serialize)]
pub(crate) struct AssignForm<'a> {
    number: &'a str,
    service: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    servicetype: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    serviceid: Option<&'a str>,
}

/// A country with DIDs for subscription (`querydidcountries`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct DidCountry {
    /// `CountryName`, to pass to `querydidcities`.
    pub country: String,
    /// Columns this version does not type, by header name, values as sent.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub extra: BTreeMap<String, String>,
}

impl CsvRow for DidCountry {
    const COLUMNS: &'static [&'static str] = &["CountryName"];
    fn from_fields(f: &Fields<'_>) -> Result<Self, String> {
        Ok(DidCountry {
            country: f.text(0),
            extra: f.extra(),
        })
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
    /// Columns this version does not type, by header name, values as sent.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub extra: BTreeMap<String, String>,
}

impl CsvRow for DidCity {
    const COLUMNS: &'static [&'static str] = &["CountryName", "CityName"];
    fn from_fields(f: &Fields<'_>) -> Result<Self, String> {
        Ok(DidCity {
            country: f.text(0),
            city: f.text(1),
            extra: f.extra(),
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
    /// Columns this version does not type, by header name, values as sent.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub extra: BTreeMap<String, String>,
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
            extra: f.extra(),
        })
    }
}

/// The input of `querydidcities` ([`CityQuery::builder`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CityQuery {
    /// `service`.
    pub service: Service,
    /// `country`: a name from `querydidcountries`.
    pub country: String,
}

request_builder! {
    /// Builds a [`CityQuery`]; `service` and `country` are required.
    CityQuery => CityQueryBuilder {
        required {
            /// `service`.
            into service: Service => "service",
            /// `country`: a name from `querydidcountries`.
            into country: String => "country",
        }
        optional {}
    }
}

impl CityQuery {
    pub(crate) fn form(&self) -> Result<DidForm<'_>> {
        Ok(DidForm {
            service: Some(known_service("service", &self.service)?),
            country: Some(required("country", &self.country)?),
            ..DidForm::default()
        })
    }
}

/// The input of `querydids` ([`DidQuery::builder`]).
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

request_builder! {
    /// Builds a [`DidQuery`]; `service`, `country` and `city` are required.
    ///
    /// ```
    /// use traitel_am::{DidQuery, Service};
    /// let query = DidQuery::builder()
    ///     .service(Service::Voice)
    ///     .country("Australia")
    ///     .city("Sydney")
    ///     .quantity(2)
    ///     .build()?;
    /// # Ok::<(), traitel_am::Error>(())
    /// ```
    DidQuery => DidQueryBuilder {
        required {
            /// `service`.
            into service: Service => "service",
            /// `country`: a name from `querydidcountries`.
            into country: String => "country",
            /// `city`: a name from `querydidcities`.
            into city: String => "city",
        }
        optional {
            /// `quantity`: how many DIDs to offer, 1 to 10.
            value quantity: u8,
        }
    }
}

impl DidQuery {
    pub(crate) fn form(&self) -> Result<DidForm<'_>> {
        if let Some(n) = self.quantity
            && !(1..=10).contains(&n)
        {
            return Err(Error::invalid(
                "quantity",
                format!("{n} is not between 1 and 10"),
            ));
        }
        Ok(DidForm {
            service: Some(known_service("service", &self.service)?),
            country: Some(required("country", &self.country)?),
            city: Some(required("city", &self.city)?),
            quantity: self.quantity,
            ..DidForm::default()
        })
    }
}

/// The input of `subscribedid` ([`SubscribeDid::builder`]).
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

request_builder! {
    /// Builds a [`SubscribeDid`]; `service`, `country`, `city` and `did` are required
    /// ([`SubscribeDidBuilder::offered`] sets the last three from an offer).
    ///
    /// ```
    /// # fn demo(offer: &traitel_am::OfferedDid) -> Result<(), traitel_am::Error> {
    /// use traitel_am::{Service, SubscribeDid};
    /// let subscribe = SubscribeDid::builder()
    ///     .service(Service::Voice)
    ///     .offered(offer)
    ///     .build()?;
    /// # Ok(()) }
    /// ```
    SubscribeDid => SubscribeDidBuilder {
        required {
            /// `service`.
            into service: Service => "service",
            /// `country`.
            into country: String => "country",
            /// `city`.
            into city: String => "city",
            /// `did`: a DID from `querydids`.
            into did: String => "did",
        }
        optional {}
    }
}

impl SubscribeDidBuilder {
    /// `country`, `city` and `did` of a DID `querydids` offered.
    pub fn offered(self, offer: &OfferedDid) -> Self {
        self.country(offer.country.as_str())
            .city(offer.city.as_str())
            .did(offer.did.as_str())
    }
}

impl SubscribeDid {
    pub(crate) fn form(&self) -> Result<DidForm<'_>> {
        Ok(DidForm {
            service: Some(known_service("service", &self.service)?),
            country: Some(required("country", &self.country)?),
            city: Some(required("city", &self.city)?),
            did: Some(required("did", &self.did)?),
            ..DidForm::default()
        })
    }
}

/// The parameters of `querynumbers`, `querydidcountries`, `querydidcities`, `querydids`
/// and `subscribedid`: each sets the ones it has.
#[derive(Default, Serialize)]
pub(crate) struct DidForm<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) subid: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) service: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) country: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) city: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) quantity: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) did: Option<&'a str>,
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
