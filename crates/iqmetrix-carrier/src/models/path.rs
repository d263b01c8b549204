//! Where a request goes: the ids of the URI templates, named at the call site.
//!
//! | type | URI part |
//! |---|---|
//! | [`CarrierPath`] | `Companies({CompanyId})/Carriers({CarrierId})` |
//! | [`LocationPath`] | `Companies({CompanyId})/Locations({LocationId})/Carriers({CarrierId})` |
//! | [`ActivationPath`] | the location's `.../Activations({ActivationId})` |
//!
//! Each `build()` reports an id that was not set, or is below 1 (iQmetrix answers "must be
//! greater than or equal to 1"), as [`Error::InvalidInput`] named as the URI names it.

use std::fmt::Write as _;

use crate::error::{Error, Result};
use crate::models::LookupKey;
use crate::validate::{positive_id, required_id};

/// A carrier's resources for a company: `Companies({CompanyId})/Carriers({CarrierId})`.
///
/// ```
/// use iqmetrix_carrier::CarrierPath;
/// let carrier = CarrierPath::builder().company_id(123).carrier_id(41).build()?;
/// assert_eq!((carrier.company_id, carrier.carrier_id), (123, 41));
/// # Ok::<(), iqmetrix_carrier::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct CarrierPath {
    /// The company.
    pub company_id: i64,
    /// The carrier, as carrier services numbers it.
    pub carrier_id: i64,
}

impl CarrierPath {
    /// A [`CarrierPathBuilder`] with nothing set.
    pub fn builder() -> CarrierPathBuilder {
        CarrierPathBuilder::default()
    }

    /// `Companies({CompanyId})/Carriers({CarrierId})`, the ids checked again (the fields are
    /// public, so they may have changed since `build()`).
    pub(crate) fn to_path(self) -> Result<String> {
        let company = positive_id("CompanyId", self.company_id)?;
        let carrier = positive_id("CarrierId", self.carrier_id)?;
        Ok(format!("Companies({company})/Carriers({carrier})"))
    }
}

/// Builds a [`CarrierPath`]; both ids are required.
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct CarrierPathBuilder {
    company_id: Option<i64>,
    carrier_id: Option<i64>,
}

impl CarrierPathBuilder {
    /// Sets [`CarrierPath::company_id`] (required).
    pub fn company_id(mut self, id: i64) -> Self {
        self.company_id = Some(id);
        self
    }

    /// Sets [`CarrierPath::carrier_id`] (required).
    pub fn carrier_id(mut self, id: i64) -> Self {
        self.carrier_id = Some(id);
        self
    }

    /// The path; fails when an id is missing or below 1.
    pub fn build(self) -> Result<CarrierPath> {
        Ok(CarrierPath {
            company_id: required_id("", "CompanyId", self.company_id)?,
            carrier_id: required_id("", "CarrierId", self.carrier_id)?,
        })
    }
}

/// A carrier at one location of a company:
/// `Companies({CompanyId})/Locations({LocationId})/Carriers({CarrierId})`; what enabling or
/// disabling an integration names, and where the location's activations live.
///
/// ```
/// use iqmetrix_carrier::{LocationPath, LookupKey};
/// let store = LocationPath::builder().company_id(123).location_id(5678).carrier_id(41).build()?;
/// let path = store.activation(LookupKey::new(6, "1115550123")?);
/// assert_eq!(path.location_id, 5678);
/// # Ok::<(), iqmetrix_carrier::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct LocationPath {
    /// The company.
    pub company_id: i64,
    /// The location.
    pub location_id: i64,
    /// The carrier, as carrier services numbers it.
    pub carrier_id: i64,
}

impl LocationPath {
    /// A [`LocationPathBuilder`] with nothing set.
    pub fn builder() -> LocationPathBuilder {
        LocationPathBuilder::default()
    }

    /// The company and carrier of this location path.
    pub fn carrier(&self) -> CarrierPath {
        CarrierPath {
            company_id: self.company_id,
            carrier_id: self.carrier_id,
        }
    }

    /// The activation with this key at this location.
    pub fn activation(&self, key: LookupKey) -> ActivationPath {
        ActivationPath {
            company_id: self.company_id,
            location_id: self.location_id,
            carrier_id: self.carrier_id,
            key,
        }
    }
}

/// Builds a [`LocationPath`]; the three ids are required.
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct LocationPathBuilder {
    company_id: Option<i64>,
    location_id: Option<i64>,
    carrier_id: Option<i64>,
}

impl LocationPathBuilder {
    /// Sets [`LocationPath::company_id`] (required).
    pub fn company_id(mut self, id: i64) -> Self {
        self.company_id = Some(id);
        self
    }

    /// Sets [`LocationPath::location_id`] (required).
    pub fn location_id(mut self, id: i64) -> Self {
        self.location_id = Some(id);
        self
    }

    /// Sets [`LocationPath::carrier_id`] (required).
    pub fn carrier_id(mut self, id: i64) -> Self {
        self.carrier_id = Some(id);
        self
    }

    /// The path; fails when an id is missing or below 1.
    pub fn build(self) -> Result<LocationPath> {
        Ok(LocationPath {
            company_id: required_id("", "CompanyId", self.company_id)?,
            location_id: required_id("", "LocationId", self.location_id)?,
            carrier_id: required_id("", "CarrierId", self.carrier_id)?,
        })
    }
}

/// Where an activation lives:
/// `Companies({CompanyId})/Locations({LocationId})/Carriers({CarrierId})/Activations({ActivationId})`.
///
/// ```
/// use iqmetrix_carrier::ActivationPath;
/// let path = ActivationPath::builder()
///     .company_id(123)
///     .location_id(5678)
///     .carrier_id(41)
///     .key("6=1115550123".parse()?)
///     .build()?;
/// assert_eq!(path.key.to_string(), "6=1115550123");
/// # Ok::<(), iqmetrix_carrier::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct ActivationPath {
    /// The company.
    pub company_id: i64,
    /// The location.
    pub location_id: i64,
    /// The carrier, as carrier services numbers it.
    pub carrier_id: i64,
    /// The activation's lookup key (the URI's `ActivationId`).
    pub key: LookupKey,
}

impl ActivationPath {
    /// An [`ActivationPathBuilder`] with nothing set.
    pub fn builder() -> ActivationPathBuilder {
        ActivationPathBuilder::default()
    }

    /// The location path this activation lives under.
    pub fn location(&self) -> LocationPath {
        LocationPath {
            company_id: self.company_id,
            location_id: self.location_id,
            carrier_id: self.carrier_id,
        }
    }

    /// The URI path, the ids checked again (the fields are public).
    pub(crate) fn to_path(&self) -> Result<String> {
        let company = positive_id("CompanyId", self.company_id)?;
        let location = positive_id("LocationId", self.location_id)?;
        let carrier = positive_id("CarrierId", self.carrier_id)?;
        let mut path = String::with_capacity(96);
        // Writing to a String cannot fail.
        let _ = write!(
            path,
            "Companies({company})/Locations({location})/Carriers({carrier})/Activations("
        );
        self.key.write_path_segment(&mut path);
        path.push(')');
        Ok(path)
    }
}

/// Builds an [`ActivationPath`]; the three ids and the key are required.
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct ActivationPathBuilder {
    location: LocationPathBuilder,
    key: Option<LookupKey>,
}

impl ActivationPathBuilder {
    /// Sets [`ActivationPath::company_id`] (required).
    pub fn company_id(mut self, id: i64) -> Self {
        self.location = self.location.company_id(id);
        self
    }

    /// Sets [`ActivationPath::location_id`] (required).
    pub fn location_id(mut self, id: i64) -> Self {
        self.location = self.location.location_id(id);
        self
    }

    /// Sets [`ActivationPath::carrier_id`] (required).
    pub fn carrier_id(mut self, id: i64) -> Self {
        self.location = self.location.carrier_id(id);
        self
    }

    /// Sets [`ActivationPath::key`] (required).
    pub fn key(mut self, key: LookupKey) -> Self {
        self.key = Some(key);
        self
    }

    /// The path; fails when an id is missing or below 1, or the key is missing.
    pub fn build(self) -> Result<ActivationPath> {
        let location = self.location.build()?;
        let key = self
            .key
            .ok_or_else(|| Error::invalid("ActivationId", "is required"))?;
        Ok(location.activation(key))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field_of(result: Result<impl std::fmt::Debug>) -> String {
        match result {
            Err(Error::InvalidInput { field, .. }) => field,
            other => format!("not an invalid input: {other:?}"),
        }
    }

    #[test]
    fn a_missing_or_bad_id_is_named() {
        assert_eq!(
            field_of(CarrierPath::builder().company_id(123).build()),
            "CarrierId"
        );
        assert_eq!(
            field_of(CarrierPath::builder().company_id(0).carrier_id(41).build()),
            "CompanyId"
        );
        assert_eq!(
            field_of(
                LocationPath::builder()
                    .company_id(123)
                    .carrier_id(41)
                    .build()
            ),
            "LocationId"
        );
        assert_eq!(
            field_of(
                ActivationPath::builder()
                    .company_id(123)
                    .location_id(5678)
                    .carrier_id(41)
                    .build()
            ),
            "ActivationId"
        );
    }

    #[test]
    fn paths_are_spelled_as_the_uri_templates() {
        let key = LookupKey::new(6, "111 555").and_then(|k| k.and(1, "358"));
        let path = ActivationPath::builder()
            .company_id(123)
            .location_id(5678)
            .carrier_id(41)
            .key(key.expect("a key"))
            .build()
            .expect("a path");
        assert_eq!(
            path.to_path().ok().as_deref(),
            Some("Companies(123)/Locations(5678)/Carriers(41)/Activations(6=111%20555,1=358)")
        );
        assert_eq!(
            path.location().carrier().to_path().ok().as_deref(),
            Some("Companies(123)/Carriers(41)")
        );
    }
}
