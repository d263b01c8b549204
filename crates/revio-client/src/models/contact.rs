//! Contacts: `Contacts_Create`, `Contacts_Query`, `Contacts_Delete`.

use serde::{Deserialize, Serialize};

use crate::models::Address;

/// A contact to create. `Contact_Type` must agree with `Contact_Type_ID` when both are sent.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Contact {
    /// `CustomerID`: the customer
    #[serde(rename = "CustomerID")]
    pub customer_id: i64,
    /// `Name`: name
    #[serde(rename = "Name")]
    pub name: Option<String>,
    /// `Phone`: phone
    #[serde(rename = "Phone")]
    pub phone: Option<String>,
    /// `Mobile`: mobile
    #[serde(rename = "Mobile")]
    pub mobile: Option<String>,
    /// `Fax`: fax
    #[serde(rename = "Fax")]
    pub fax: Option<String>,
    /// `Email`: email
    #[serde(rename = "Email")]
    pub email: Option<String>,
    /// `Contact_Type_ID`: contact type id
    #[serde(rename = "Contact_Type_ID")]
    pub contact_type_id: Option<i64>,
    /// `Contact_Type`: contact type, e.g. Billing, General, Other
    #[serde(rename = "Contact_Type")]
    pub contact_type: Option<String>,
    /// `Address`: address (state: 2 letters, ZIP: 5 digits)
    #[serde(rename = "Address")]
    pub address: Option<Address>,
}

/// The input of `Contacts_Create`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ContactsCreate {
    /// `Contact`: the contact
    #[serde(rename = "Contact")]
    pub contact: Contact,
}

/// The result of `Contacts_Create`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ContactCreated {
    /// `ContactID`: the new contact's id
    #[serde(rename = "ContactID")]
    pub contact_id: Option<i64>,
    /// Elements this version does not model, by name, as read.
    #[serde(
        rename = "$extra",
        default,
        skip_serializing_if = "crate::models::common::is_empty_map"
    )]
    pub extra: crate::models::Extra,
}

/// The input of `Contacts_Query`: at least one of the two.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ContactsQuery {
    /// `ContactID`: a contact
    #[serde(rename = "ContactID")]
    pub contact_id: Option<i64>,
    /// `CustomerID`: a customer's contacts
    #[serde(rename = "CustomerID")]
    pub customer_id: Option<i64>,
}

/// A contact as `Contacts_Query` returns it (list cut off on the sheet; the rest is in `extra`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename = "ContactItem")]
#[non_exhaustive]
pub struct ContactItem {
    /// `ID`: contact id
    #[serde(rename = "ID")]
    pub id: Option<i64>,
    /// `CustomerID`: the customer
    #[serde(rename = "CustomerID")]
    pub customer_id: Option<i64>,
    /// `Name`: name
    #[serde(rename = "Name")]
    pub name: Option<String>,
    /// `Phone`: phone
    #[serde(rename = "Phone")]
    pub phone: Option<String>,
    /// `Mobile`: mobile
    #[serde(rename = "Mobile")]
    pub mobile: Option<String>,
    /// `Fax`: fax
    #[serde(rename = "Fax")]
    pub fax: Option<String>,
    /// `Email`: email
    #[serde(rename = "Email")]
    pub email: Option<String>,
    /// `Contact_Type_ID`: contact type id
    #[serde(rename = "Contact_Type_ID")]
    pub contact_type_id: Option<i64>,
    /// `Contact_Type`: contact type
    #[serde(rename = "Contact_Type")]
    pub contact_type: Option<String>,
    /// `Address`: address
    #[serde(rename = "Address")]
    pub address: Option<Address>,
    /// Elements this version does not model, by name, as read.
    #[serde(
        rename = "$extra",
        default,
        skip_serializing_if = "crate::models::common::is_empty_map"
    )]
    pub extra: crate::models::Extra,
}

/// The result of `Contacts_Query`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ContactsQueryResult {
    /// `Contacts`: the contacts (`Contacts` -> `ContactItem`)
    #[serde(rename = "Contacts", default)]
    pub contacts: Vec<ContactItem>,
    /// Elements this version does not model, by name, as read.
    #[serde(
        rename = "$extra",
        default,
        skip_serializing_if = "crate::models::common::is_empty_map"
    )]
    pub extra: crate::models::Extra,
}

/// The input of `Contacts_Delete`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ContactsDelete {
    /// `ContactID`: the contact to delete
    #[serde(rename = "ContactID")]
    pub contact_id: i64,
}
