//! `Subscriber`, its `Account`, `Address` and `PhoneNumber` (here [`SubscriberPhoneNumber`],
//! as [`PhoneNumber`] is the number itself).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use serde_with::serde_as;
use telecom_core::dates::UsDateOrIso;
use telecom_core::lenient::EmptyAsNone;
use telecom_core::{PhoneNumber, Secret};
use time::Date;

use super::builder::model_builder;
use super::enums::{AddressType, PhoneNumberType};
use crate::error::{Error, Result};
use crate::validate::{at, each, max_len};

/// The account associated with a subscriber (`Account`).
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
#[non_exhaustive]
pub struct Account {
    /// Carrier-specific account id, `String(64)`.
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub account_id: Option<String>,
    /// Notes.
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub notes: Option<String>,
    /// Carrier-specific tracking number.
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub tracking_number: Option<String>,
    /// Fields this version does not type, as sent; written back as they are.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

model_builder! {
    AccountBuilder => Account;
    opt account_id: String,
    opt notes: String,
    opt tracking_number: String,
}

impl AccountBuilder {
    /// The account, checked (`AccountId` at most 64 characters).
    pub fn build(self) -> Result<Account> {
        self.inner.validate("Account")?;
        Ok(self.inner)
    }
}

impl Account {
    pub(crate) fn validate(&self, path: &str) -> Result<()> {
        max_len(path, "AccountId", self.account_id.as_deref(), 64)
    }
}

/// A phone number of the subscriber and its kind (the spec's `PhoneNumber` resource).
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
#[non_exhaustive]
pub struct SubscriberPhoneNumber {
    /// The kind of number; iQmetrix assumes `Home` when absent.
    #[serde(rename = "Type")]
    pub kind: Option<PhoneNumberType>,
    /// The number, `String(32)`, kept as written.
    pub value: Option<PhoneNumber>,
    /// Fields this version does not type, as sent; written back as they are.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

model_builder! {
    SubscriberPhoneNumberBuilder => SubscriberPhoneNumber;
    opt kind: PhoneNumberType,
    opt value: PhoneNumber,
}

impl SubscriberPhoneNumberBuilder {
    /// The phone number, checked (`Value` at most 32 characters).
    pub fn build(self) -> Result<SubscriberPhoneNumber> {
        self.inner.validate("PhoneNumber")?;
        Ok(self.inner)
    }
}

impl SubscriberPhoneNumber {
    pub(crate) fn validate(&self, path: &str) -> Result<()> {
        max_len(
            path,
            "Value",
            self.value.as_ref().map(PhoneNumber::original),
            32,
        )
    }
}

/// An address of the subscriber (`Address`).
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
#[non_exhaustive]
pub struct Address {
    /// Line 1, `String(128)`.
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub address_line1: Option<String>,
    /// Line 2, `String(128)`.
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub address_line2: Option<String>,
    /// City, `String(64)`.
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub city: Option<String>,
    /// Country, `String(64)`.
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub country: Option<String>,
    /// County, `String(64)`.
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub county: Option<String>,
    /// Post office box, `String(64)`.
    #[serde(rename = "POBox")]
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub po_box: Option<String>,
    /// Postal or zip code, `String(32)`.
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub postal_code: Option<String>,
    /// Province or state, `String(64)`.
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub province: Option<String>,
    /// Suite number, `String(32)`.
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub suite_number: Option<String>,
    /// The kind of address.
    #[serde(rename = "Type")]
    pub kind: Option<AddressType>,
    /// Fields this version does not type, as sent; written back as they are.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

model_builder! {
    AddressBuilder => Address;
    opt address_line1: String,
    opt address_line2: String,
    opt city: String,
    opt country: String,
    opt county: String,
    opt po_box: String,
    opt postal_code: String,
    opt province: String,
    opt suite_number: String,
    opt kind: AddressType,
}

impl AddressBuilder {
    /// The address, checked (`String(n)` lengths; `Type` one of the known values).
    pub fn build(self) -> Result<Address> {
        self.inner.validate("Address")?;
        Ok(self.inner)
    }
}

impl Address {
    pub(crate) fn validate(&self, path: &str) -> Result<()> {
        max_len(path, "AddressLine1", self.address_line1.as_deref(), 128)?;
        max_len(path, "AddressLine2", self.address_line2.as_deref(), 128)?;
        max_len(path, "City", self.city.as_deref(), 64)?;
        max_len(path, "Country", self.country.as_deref(), 64)?;
        max_len(path, "County", self.county.as_deref(), 64)?;
        max_len(path, "POBox", self.po_box.as_deref(), 64)?;
        max_len(path, "PostalCode", self.postal_code.as_deref(), 32)?;
        max_len(path, "Province", self.province.as_deref(), 64)?;
        max_len(path, "SuiteNumber", self.suite_number.as_deref(), 32)?;
        // iQmetrix rejects other values with "Type field must be one of the following values".
        if let Some(kind) = &self.kind
            && kind.is_unknown()
        {
            return Err(Error::invalid(
                at(path, "Type"),
                format!(
                    "must be one of {}, got {kind:?}",
                    AddressType::known_values().join(", ")
                ),
            ));
        }
        Ok(())
    }
}

/// The customer of an activation (`Subscriber`).
#[serde_as]
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
#[non_exhaustive]
pub struct Subscriber {
    /// Carrier-specific subscriber id, `String(64)`.
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub subscriber_id: Option<String>,
    /// First name of an individual, `String(64)`.
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub first_name: Option<String>,
    /// Last name of an individual, `String(64)`.
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub last_name: Option<String>,
    /// Addresses.
    #[serde(deserialize_with = "telecom_core::lists::opt_list")]
    pub addresses: Option<Vec<Address>>,
    /// The associated account.
    pub associated_account: Option<Account>,
    /// Date of birth; written `M/D/YYYY` as in the spec (`5/16/1980`), read in that form,
    /// as an ISO date or date-time (it is declared `DateTime`), `""` as absent.
    #[serde_as(as = "EmptyAsNone<UsDateOrIso>")]
    pub birth_date: Option<Date>,
    /// Business name, `String(64)`.
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub company_name: Option<String>,
    /// E-mail address, `String(64)`.
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub email: Option<String>,
    /// True for an individual, false for a business; iQmetrix assumes false when absent.
    /// `""` (as in the spec's waived-deposit example) reads as absent.
    #[serde(deserialize_with = "telecom_core::lenient::opt_bool")]
    pub is_individual: Option<bool>,
    /// Notes, `String(128)`.
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub notes: Option<String>,
    /// Phone numbers.
    #[serde(deserialize_with = "telecom_core::lists::opt_list")]
    pub phone_numbers: Option<Vec<SubscriberPhoneNumber>>,
    /// Last four digits of the SSN, `String(4)`; redacted in `Debug`.
    #[serde(
        rename = "SSN",
        serialize_with = "telecom_core::secret::serialize_exposed_option",
        deserialize_with = "telecom_core::lenient::opt_secret"
    )]
    pub ssn: Option<Secret>,
    /// Carrier-specific tracking number, `String(64)`.
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub tracking_number: Option<String>,
    /// Reserved for future use.
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub second_name: Option<String>,
    /// Reserved for future use.
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub preferred_language: Option<String>,
    /// Reserved for future use.
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub member_number: Option<String>,
    /// Fields this version does not type, as sent; written back as they are.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

model_builder! {
    SubscriberBuilder => Subscriber;
    opt subscriber_id: String,
    opt first_name: String,
    opt last_name: String,
    list addresses: Address,
    opt associated_account: Account,
    opt birth_date: Date,
    opt company_name: String,
    opt email: String,
    opt is_individual: bool,
    opt notes: String,
    list phone_numbers: SubscriberPhoneNumber,
    opt ssn: Secret,
    opt tracking_number: String,
    opt second_name: String,
    opt preferred_language: String,
    opt member_number: String,
}

impl SubscriberBuilder {
    /// The subscriber, checked (`String(n)` lengths, the SSN's last four digits, and its
    /// addresses, account and phone numbers).
    pub fn build(self) -> Result<Subscriber> {
        self.inner.validate("Subscriber")?;
        Ok(self.inner)
    }
}

impl Subscriber {
    pub(crate) fn validate(&self, path: &str) -> Result<()> {
        max_len(path, "SubscriberId", self.subscriber_id.as_deref(), 64)?;
        max_len(path, "FirstName", self.first_name.as_deref(), 64)?;
        max_len(path, "LastName", self.last_name.as_deref(), 64)?;
        max_len(path, "CompanyName", self.company_name.as_deref(), 64)?;
        max_len(path, "Email", self.email.as_deref(), 64)?;
        max_len(path, "Notes", self.notes.as_deref(), 128)?;
        max_len(path, "TrackingNumber", self.tracking_number.as_deref(), 64)?;
        if let Some(ssn) = &self.ssn {
            let text = ssn.expose();
            // The value is a secret: the reason never repeats it.
            if text.chars().count() > 4 || !text.chars().all(|c| c.is_ascii_digit()) {
                return Err(Error::invalid(
                    at(path, "SSN"),
                    "must be at most the last 4 digits of the SSN",
                ));
            }
        }
        if let Some(account) = &self.associated_account {
            account.validate(&at(path, "AssociatedAccount"))?;
        }
        each(
            path,
            "Addresses",
            self.addresses.as_deref(),
            Address::validate,
        )?;
        each(
            path,
            "PhoneNumbers",
            self.phone_numbers.as_deref(),
            SubscriberPhoneNumber::validate,
        )
    }
}
