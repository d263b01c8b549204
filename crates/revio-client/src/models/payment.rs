//! Payments: `Payments_Create`, `PaymentAccounts_Create`. Card, account and routing numbers and CVV2 are `Secret`s.

use serde::{Deserialize, Serialize};
use telecom_core::dates::XmlDateTime;
use telecom_core::{Money, Secret};

use crate::models::{AchAccountType, Address, PaymentType};

/// The input of `Payments_Create`. The sheet's field list was cut off; send more through `extra`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PaymentsCreate {
    /// `CustomerID`: the customer
    #[serde(rename = "CustomerID")]
    pub customer_id: i64,
    /// `Amount`: the amount: more than 0.00 and at most 99,999.00
    #[serde(rename = "Amount", with = "telecom_core::money::as_string")]
    pub amount: Money,
    /// `Options`: options
    #[serde(rename = "Options")]
    pub options: Option<PaymentOptions>,
    /// `CreditCard`: card details, for `CREDIT_CARD`
    #[serde(rename = "CreditCard")]
    pub credit_card: Option<CreditCard>,
    /// `ACH`: bank details, for `ACH`
    #[serde(rename = "ACH")]
    pub ach: Option<Ach>,
    /// `Type`: how the payment is made (required)
    #[serde(rename = "Type")]
    pub r#type: Option<PaymentType>,
    /// More elements to send, for fields the vendor sheet could not show (written after the known ones).
    #[serde(flatten, default, skip_serializing_if = "serde_json::Map::is_empty")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// Options of a payment.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PaymentOptions {
    /// `AgentID`: agent
    #[serde(rename = "AgentID")]
    pub agent_id: Option<i64>,
    /// `Method`: method
    #[serde(rename = "Method")]
    pub method: Option<String>,
    /// `AgentNumber`: agent number
    #[serde(rename = "AgentNumber")]
    pub agent_number: Option<String>,
    /// `ReceivedDate`: received on
    #[serde(rename = "ReceivedDate")]
    pub received_date: Option<XmlDateTime>,
    /// `ReferenceNumber`: reference number
    #[serde(rename = "ReferenceNumber")]
    pub reference_number: Option<String>,
}

/// A card on `Payments_Create`: either card details or a stored `PaymentAccountID`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CreditCard {
    /// `NameOnCard`: name on card
    #[serde(rename = "NameOnCard")]
    pub name_on_card: Option<String>,
    /// `CreditCardNumber`: card number
    #[serde(
        rename = "CreditCardNumber",
        serialize_with = "telecom_core::secret::serialize_exposed_option",
        default
    )]
    pub credit_card_number: Option<Secret>,
    /// `ExpirationDate`: expiry
    #[serde(rename = "ExpirationDate")]
    pub expiration_date: Option<XmlDateTime>,
    /// `CVV2`: CVV2
    #[serde(
        rename = "CVV2",
        serialize_with = "telecom_core::secret::serialize_exposed_option",
        default
    )]
    pub cvv2: Option<Secret>,
    /// `PaymentAccountID`: a stored payment account instead
    #[serde(rename = "PaymentAccountID")]
    pub payment_account_id: Option<i64>,
}

/// A bank account on `Payments_Create`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Ach {
    /// `NameOnAccount`: name on account
    #[serde(rename = "NameOnAccount")]
    pub name_on_account: Option<String>,
    /// `AccountNumber`: account number
    #[serde(
        rename = "AccountNumber",
        serialize_with = "telecom_core::secret::serialize_exposed_option",
        default
    )]
    pub account_number: Option<Secret>,
    /// `RoutingNumber`: routing number
    #[serde(
        rename = "RoutingNumber",
        serialize_with = "telecom_core::secret::serialize_exposed_option",
        default
    )]
    pub routing_number: Option<Secret>,
    /// `Type`: checking or savings
    #[serde(rename = "Type")]
    pub r#type: Option<AchAccountType>,
    /// `PaymentAccountID`: a stored payment account instead
    #[serde(rename = "PaymentAccountID")]
    pub payment_account_id: Option<i64>,
}

/// The input of `PaymentAccounts_Create`: stores a payment method on a customer.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PaymentAccountsCreate {
    /// `CustomerID`: the customer
    #[serde(rename = "CustomerID")]
    pub customer_id: i64,
    /// `Type`: `CREDIT_CARD` or `ACH` (required)
    #[serde(rename = "Type")]
    pub r#type: Option<PaymentType>,
    /// `CreditCard`: card details
    #[serde(rename = "CreditCard")]
    pub credit_card: Option<CardAccount>,
    /// `ACH`: bank details
    #[serde(rename = "ACH")]
    pub ach: Option<AchAccount>,
    /// `SubscriptionInfo`: a tokenized card at the merchant (raw card numbers are no longer accepted)
    #[serde(rename = "SubscriptionInfo")]
    pub subscription_info: Option<SubscriptionInfo>,
}

/// A card to store. Send only the last 4 digits with `SubscriptionInfo`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CardAccount {
    /// `CreditCardNumber`: card number (last 4 digits with a subscription)
    #[serde(
        rename = "CreditCardNumber",
        serialize_with = "telecom_core::secret::serialize_exposed_option",
        default
    )]
    pub credit_card_number: Option<Secret>,
    /// `ExpirationDate`: expiry
    #[serde(rename = "ExpirationDate")]
    pub expiration_date: Option<XmlDateTime>,
    /// `NameOnCard`: name on card
    #[serde(rename = "NameOnCard")]
    pub name_on_card: Option<String>,
    /// `CVV2`: CVV2
    #[serde(
        rename = "CVV2",
        serialize_with = "telecom_core::secret::serialize_exposed_option",
        default
    )]
    pub cvv2: Option<Secret>,
    /// `ZipCode`: billing ZIP, or send `Address`
    #[serde(rename = "ZipCode")]
    pub zip_code: Option<String>,
    /// `Address`: billing address
    #[serde(rename = "Address")]
    pub address: Option<Address>,
}

/// A bank account to store.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct AchAccount {
    /// `NameOnAccount`: name on account
    #[serde(rename = "NameOnAccount")]
    pub name_on_account: Option<String>,
    /// `AccountNumber`: account number
    #[serde(
        rename = "AccountNumber",
        serialize_with = "telecom_core::secret::serialize_exposed_option",
        default
    )]
    pub account_number: Option<Secret>,
    /// `RoutingNumber`: routing number
    #[serde(
        rename = "RoutingNumber",
        serialize_with = "telecom_core::secret::serialize_exposed_option",
        default
    )]
    pub routing_number: Option<Secret>,
    /// `Type`: checking or savings
    #[serde(rename = "Type")]
    pub r#type: Option<AchAccountType>,
}

/// A subscription that already exists at the merchant.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SubscriptionInfo {
    /// `MerchantProfileID`: merchant profile
    #[serde(rename = "MerchantProfileID")]
    pub merchant_profile_id: Option<i64>,
    /// `SubscriptionID`: subscription id
    #[serde(rename = "SubscriptionID")]
    pub subscription_id: Option<String>,
}

/// The result of `PaymentAccounts_Create`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PaymentAccountCreated {
    /// `PaymentAccountID`: the new payment account (documented as String)
    #[serde(rename = "PaymentAccountID")]
    pub payment_account_id: Option<String>,
    /// Elements this version does not model, by name, as read.
    #[serde(
        rename = "$extra",
        default,
        skip_serializing_if = "crate::models::common::is_empty_map"
    )]
    pub extra: crate::models::Extra,
}
