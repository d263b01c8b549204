//! Customers: `Customers_Query`, `NewCustomers_Create`, `Duplicate_Query`.

use serde::{Deserialize, Serialize};
use telecom_core::dates::XmlDateTime;
use telecom_core::{Money, Secret};

use crate::models::{Address, BillMethod, CustomerClass, InventoryType};

/// The input of `Customers_Query`: exactly one way to find the customer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum CustomersQuery {
    /// `CustomerID`.
    #[serde(rename = "CustomerID")]
    CustomerId(i64),
    /// `TN`: a telephone number of a service on the account.
    #[serde(rename = "TN")]
    Tn(String),
    /// `Inventory`: an inventory item on the account.
    #[serde(rename = "Inventory")]
    Inventory(InventoryLookup),
}

/// An inventory item to look something up by.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct InventoryLookup {
    /// `Identifier`: the identifier (ESN, ICCID, ...)
    #[serde(rename = "Identifier")]
    pub identifier: String,
    /// `Type`: `Mobile_Device` (the vendor's default) or `SIM_Card`
    #[serde(rename = "Type")]
    pub r#type: Option<InventoryType>,
}

/// A customer as `Customers_Query` returns it. The sheet's field list was cut off after `PhysicalAddress`; the rest is in `extra`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Customer {
    /// `ID`: the customer id
    #[serde(rename = "ID")]
    pub id: Option<i64>,
    /// `AcctNum`: the custom account number
    #[serde(rename = "AcctNum")]
    pub acct_num: Option<String>,
    /// `AgentID`: the agent
    #[serde(rename = "AgentID")]
    pub agent_id: Option<i64>,
    /// `AgentNumber`: the agent number (documented as Integer; kept as text)
    #[serde(rename = "AgentNumber")]
    pub agent_number: Option<String>,
    /// `BillProfileID`: BIllProfileID = the bill profile (the doc also spells it `BIllProfileID`)
    #[serde(rename = "BillProfileID")]
    pub bill_profile_id: Option<i64>,
    /// `CustomerClass`: residential or business
    #[serde(rename = "CustomerClass")]
    pub customer_class: Option<CustomerClass>,
    /// `BillMethod`: how bills are delivered
    #[serde(rename = "BillMethod")]
    pub bill_method: Option<BillMethod>,
    /// `IsParentAccount`: whether the account is a parent
    #[serde(rename = "IsParentAccount")]
    pub is_parent_account: Option<bool>,
    /// `ParentAccountID`: the parent account
    #[serde(rename = "ParentAccountID")]
    pub parent_account_id: Option<i64>,
    /// `ContractStart`: contract start
    #[serde(rename = "ContractStart")]
    pub contract_start: Option<XmlDateTime>,
    /// `ContractEnd`: contract end
    #[serde(rename = "ContractEnd")]
    pub contract_end: Option<XmlDateTime>,
    /// `SecurityPIN`: the account PIN (redacted when serialized)
    #[serde(
        rename = "SecurityPIN",
        serialize_with = "crate::models::common::redacted",
        default
    )]
    pub security_pin: Option<Secret>,
    /// `Language`: the customer's language
    #[serde(rename = "Language")]
    pub language: Option<String>,
    /// `PhysicalAddress`: the service address
    #[serde(rename = "PhysicalAddress")]
    pub physical_address: Option<Address>,
    /// `MailingAddress`: the mailing address
    #[serde(rename = "MailingAddress")]
    pub mailing_address: Option<Address>,
    /// Elements this version does not model, by name, as read.
    #[serde(
        rename = "$extra",
        default,
        skip_serializing_if = "crate::models::common::is_empty_map"
    )]
    pub extra: crate::models::Extra,
}

/// The result of `Customers_Query`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CustomersQueryResult {
    /// `Customer`: the customer found
    #[serde(rename = "Customer")]
    pub customer: Option<Customer>,
    /// Elements this version does not model, by name, as read.
    #[serde(
        rename = "$extra",
        default,
        skip_serializing_if = "crate::models::common::is_empty_map"
    )]
    pub extra: crate::models::Extra,
}

/// The input of `Duplicate_Query`: searches for possible duplicate customers.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DuplicateQuery {
    /// `FirstName`: first name
    #[serde(rename = "FirstName")]
    pub first_name: Option<String>,
    /// `LastName`: last name
    #[serde(rename = "LastName")]
    pub last_name: Option<String>,
    /// `MiddleName`: middle name
    #[serde(rename = "MiddleName")]
    pub middle_name: Option<String>,
    /// `Suffix`: suffix
    #[serde(rename = "Suffix")]
    pub suffix: Option<String>,
    /// `SSNTaxId`: SSN or tax id
    #[serde(
        rename = "SSNTaxId",
        serialize_with = "telecom_core::secret::serialize_exposed_option",
        default
    )]
    pub ssn_tax_id: Option<Secret>,
    /// `SSNTaxIdLast4`: last four digits of the SSN or tax id
    #[serde(rename = "SSNTaxIdLast4")]
    pub ssn_tax_id_last4: Option<String>,
    /// `DateOfBirth`: date of birth
    #[serde(rename = "DateOfBirth")]
    pub date_of_birth: Option<XmlDateTime>,
    /// `DriversLicenseNumber`: driver's license number
    #[serde(rename = "DriversLicenseNumber")]
    pub drivers_license_number: Option<String>,
    /// `Street1`: street line 1
    #[serde(rename = "Street1")]
    pub street1: Option<String>,
    /// `Street2`: street line 2
    #[serde(rename = "Street2")]
    pub street2: Option<String>,
    /// `City`: city
    #[serde(rename = "City")]
    pub city: Option<String>,
    /// `State`: state
    #[serde(rename = "State")]
    pub state: Option<String>,
    /// `Zip`: ZIP code
    #[serde(rename = "Zip")]
    pub zip: Option<String>,
    /// `OptionIgnoreClosed`: skip closed accounts
    #[serde(rename = "OptionIgnoreClosed")]
    pub option_ignore_closed: Option<bool>,
    /// `OptionMatchPatterns`: match patterns (sent as `<string>` items)
    #[serde(
        rename = "OptionMatchPatterns",
        default,
        serialize_with = "crate::wire::wrapped"
    )]
    pub option_match_patterns: Vec<String>,
    /// `OptionBillProfileIDs`: bill profiles to search (sent as `<int>` items)
    #[serde(
        rename = "OptionBillProfileIDs",
        default,
        serialize_with = "crate::wire::wrapped"
    )]
    pub option_bill_profile_ids: Vec<i32>,
    /// `OptionLifelinePrograms`: lifeline programs (sent as `<string>` items)
    #[serde(
        rename = "OptionLifelinePrograms",
        default,
        serialize_with = "crate::wire::wrapped"
    )]
    pub option_lifeline_programs: Vec<String>,
}

/// An address on `NewCustomers_Create` (shape from third-party code, unverified).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct NewCustomerAddress {
    /// `CompanyName`: company name
    #[serde(rename = "CompanyName")]
    pub company_name: Option<String>,
    /// `Address1`: street line 1
    #[serde(rename = "Address1")]
    pub address1: Option<String>,
    /// `Address2`: street line 2
    #[serde(rename = "Address2")]
    pub address2: Option<String>,
    /// `City`: city
    #[serde(rename = "City")]
    pub city: Option<String>,
    /// `State`: state
    #[serde(rename = "State")]
    pub state: Option<String>,
    /// `Zip`: ZIP code
    #[serde(rename = "Zip")]
    pub zip: Option<String>,
    /// `Country`: country
    #[serde(rename = "Country")]
    pub country: Option<String>,
}

/// Billing settings on `NewCustomers_Create` (shape from third-party code, unverified).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct NewCustomerBilling {
    /// `Balance`: balance
    #[serde(rename = "Balance", with = "crate::models::common::money_opt", default)]
    pub balance: Option<Money>,
    /// `Due`: amount due
    #[serde(rename = "Due", with = "crate::models::common::money_opt", default)]
    pub due: Option<Money>,
    /// `OverDue`: amount overdue
    #[serde(rename = "OverDue", with = "crate::models::common::money_opt", default)]
    pub over_due: Option<Money>,
    /// `UnbilledUsage`: unbilled usage
    #[serde(
        rename = "UnbilledUsage",
        with = "crate::models::common::money_opt",
        default
    )]
    pub unbilled_usage: Option<Money>,
    /// `UsageBalanceLimit`: usage balance limit
    #[serde(
        rename = "UsageBalanceLimit",
        with = "crate::models::common::money_opt",
        default
    )]
    pub usage_balance_limit: Option<Money>,
    /// `EnableBalanceLimit`: enables the balance limit
    #[serde(rename = "EnableBalanceLimit")]
    pub enable_balance_limit: Option<bool>,
    /// `PaymentTermsOverride`: overrides the payment terms
    #[serde(rename = "PaymentTermsOverride")]
    pub payment_terms_override: Option<bool>,
    /// `PaymentTerms`: payment terms
    #[serde(rename = "PaymentTerms")]
    pub payment_terms: Option<i32>,
}

/// The customer part of `NewCustomers_Create` (unverified; add other elements through `extra`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct NewCustomer {
    /// `CustomerClass`: residential or business
    #[serde(rename = "CustomerClass")]
    pub customer_class: Option<CustomerClass>,
    /// `ParentCustomerID`: the parent customer
    #[serde(rename = "ParentCustomerID")]
    pub parent_customer_id: Option<i64>,
    /// `ContractStart`: contract start
    #[serde(rename = "ContractStart")]
    pub contract_start: Option<XmlDateTime>,
    /// `PhysicalAddress`: service address
    #[serde(rename = "PhysicalAddress")]
    pub physical_address: Option<NewCustomerAddress>,
    /// `MailingAddress`: mailing address
    #[serde(rename = "MailingAddress")]
    pub mailing_address: Option<NewCustomerAddress>,
    /// `Billing`: billing settings
    #[serde(rename = "Billing")]
    pub billing: Option<NewCustomerBilling>,
    /// More elements to send, for fields the vendor sheet could not show (written after the known ones).
    #[serde(flatten, default, skip_serializing_if = "serde_json::Map::is_empty")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// A product added by `NewCustomers_Create` (unverified).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename = "AdditionalProduct")]
pub struct AdditionalProduct {
    /// `ProductID`: the product
    #[serde(rename = "ProductID")]
    pub product_id: Option<i64>,
    /// `Rate`: the rate
    #[serde(rename = "Rate", with = "crate::models::common::money_opt", default)]
    pub rate: Option<Money>,
    /// `Quantity`: the quantity
    #[serde(rename = "Quantity")]
    pub quantity: Option<i32>,
    /// `Description`: the description
    #[serde(rename = "Description")]
    pub description: Option<String>,
}

/// The order part of `NewCustomers_Create` (unverified).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct NewCustomerOrder {
    /// `ShippingAddress`: shipping address
    #[serde(rename = "ShippingAddress")]
    pub shipping_address: Option<NewCustomerAddress>,
    /// `MailingAddress`: mailing address
    #[serde(rename = "MailingAddress")]
    pub mailing_address: Option<NewCustomerAddress>,
    /// `Description`: description
    #[serde(rename = "Description")]
    pub description: Option<String>,
    /// `TN`: telephone number (third-party code notes it is not applied; set it with `Lines_Update`)
    #[serde(rename = "TN")]
    pub tn: Option<String>,
    /// `PackageID`: the package
    #[serde(rename = "PackageID")]
    pub package_id: Option<i64>,
    /// `AdditionalProducts`: more products (wire form unverified: a wrapper of `AdditionalProduct` items)
    #[serde(
        rename = "AdditionalProducts",
        default,
        serialize_with = "crate::wire::wrapped"
    )]
    pub additional_products: Vec<AdditionalProduct>,
    /// More elements to send, for fields the vendor sheet could not show (written after the known ones).
    #[serde(flatten, default, skip_serializing_if = "serde_json::Map::is_empty")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// The input of `NewCustomers_Create`: a customer with an order. No official page was visible; the shape comes from third-party code.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct NewCustomersCreate {
    /// `Customer`: the customer
    #[serde(rename = "Customer")]
    pub customer: Option<NewCustomer>,
    /// `Order`: the order
    #[serde(rename = "Order")]
    pub order: Option<NewCustomerOrder>,
}

/// The result of `NewCustomers_Create` (unverified).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct NewCustomerCreated {
    /// `Customer_ID`: the new customer
    #[serde(rename = "Customer_ID")]
    pub customer_id: Option<i64>,
    /// `Lines`: the new service ids
    #[serde(rename = "Lines", default)]
    pub lines: Vec<i64>,
    /// `Orders`: the new order ids
    #[serde(rename = "Orders", default)]
    pub orders: Vec<i64>,
    /// `Status`: the status
    #[serde(rename = "Status")]
    pub status: Option<String>,
    /// Elements this version does not model, by name, as read.
    #[serde(
        rename = "$extra",
        default,
        skip_serializing_if = "crate::models::common::is_empty_map"
    )]
    pub extra: crate::models::Extra,
}
