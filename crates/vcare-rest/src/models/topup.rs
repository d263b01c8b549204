//! `/topup`: topup_list and add_topup.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use telecom_core::{Money, Secret};

use crate::error::Error;
use crate::models::builder::request_builder;
use crate::models::common::YesNo;
use crate::models::payment::{BillingAddress, Card};
use crate::validate as check;

/// Which top-ups topup_list returns (`topup_type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[non_exhaustive]
pub enum TopupType {
    /// `ALL`.
    #[default]
    All,
    /// `TOPUP`.
    Topup,
    /// `DATA`.
    Data,
    /// `ILD`: international long distance.
    Ild,
    /// `ADDON`.
    Addon,
    /// `IRTOPUP`: international roaming.
    Irtopup,
    /// `BOTH` (named in one of the vendor's error messages).
    Both,
}

/// `topup_list`: the top-ups on offer.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct TopupList {
    /// R: which top-ups.
    #[serde(default)]
    pub topup_type: TopupType,
    /// R: the payment method as this action names it (`Credit Card`, `Courtesy`, ...).
    pub payment_method: String,
    /// Two-letter state.
    #[serde(default)]
    pub state: Option<String>,
}

request_builder! {
    /// Builds a [`TopupList`].
    TopupList => TopupListBuilder {
        required {
            /// R: the payment method as this action names it (`Credit Card`, `Courtesy`, ...).
            into payment_method: String => "payment_method",
        }
        optional {
            /// Two-letter state.
            into state: String,
        }
        defaulted {
            /// R: which top-ups (default `ALL`).
            value topup_type: TopupType,
        }
        lists {}
    }
}

impl TopupList {
    pub(crate) fn validate(&self) -> Result<(), Error> {
        check::non_empty("payment_method", &self.payment_method)?;
        check::opt(self.state.as_deref(), |s| check::state("state", s))
    }
}

/// What topup_list answers.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct TopupCatalog {
    /// Data top-ups.
    #[serde(default, deserialize_with = "telecom_core::lenient::one_or_many")]
    pub data_plans: Vec<TopupPlan>,
    /// Minute top-ups.
    #[serde(default, deserialize_with = "telecom_core::lenient::one_or_many")]
    pub minute_plans: Vec<TopupPlan>,
    /// Fields this version does not type.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// One top-up on offer.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct TopupPlan {
    /// Plan id (a number on the wire).
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_text")]
    pub plan_id: Option<String>,
    /// Plan code.
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_text")]
    pub plan_code: Option<String>,
    /// Price (`18.99`).
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_money")]
    pub amount: Option<Money>,
    /// Carrier.
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_text")]
    pub carrier: Option<String>,
    /// Type (`type` on the wire).
    #[serde(
        default,
        rename = "type",
        deserialize_with = "telecom_core::lenient::opt_text"
    )]
    pub kind: Option<String>,
    /// Days until it expires.
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_u64")]
    pub expiry_days: Option<u64>,
    /// Data allowance.
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_text")]
    pub data: Option<String>,
    /// SMS allowance.
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_text")]
    pub sms: Option<String>,
    /// Voice allowance.
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_text")]
    pub voice: Option<String>,
    /// Description.
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_text")]
    pub description: Option<String>,
    /// Category.
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_text")]
    pub category: Option<String>,
    /// Whether tax is included.
    #[serde(default)]
    pub is_tax_included: Option<YesNo>,
    /// Fields this version does not type.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// Which top-up to buy: by id or by code.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TopupRef {
    /// `plan_id`.
    PlanId(String),
    /// `plan_code`.
    PlanCode(String),
}

/// How add_topup is paid.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TopupPayment {
    /// `CREDIT_CARD` with a new card.
    CreditCard(Card),
    /// `CREDIT_CARD` with a saved card's tokens.
    SavedCard {
        /// The vendor's customer token.
        customer_token: Secret,
        /// The saved card's payment token.
        payment_token: Secret,
    },
    /// `PAYPAL_BRAINTREE`.
    PaypalBraintree,
    /// `OTHER_PAYMENT_OPTION`.
    OtherPaymentOption,
}

/// `add_topup`: buy a top-up for a line. Never resent once it may have reached the vendor.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct AddTopup {
    /// R: the enrollment id.
    pub enrollment_id: String,
    /// R: which top-up.
    pub topup: TopupRef,
    /// R: how it is paid.
    pub payment: TopupPayment,
    /// R: billing address (state and city required).
    pub billing: BillingAddress,
}

request_builder! {
    /// Builds an [`AddTopup`].
    AddTopup => AddTopupBuilder {
        required {
            /// R: the enrollment id.
            into enrollment_id: String => "enrollment_id",
            /// R: which top-up (`plan_id` or `plan_code`).
            value topup: TopupRef => "plan_id",
            /// R: how it is paid.
            value payment: TopupPayment => "payment_method",
            /// R: billing address (state and city required).
            value billing: BillingAddress => "billing_state",
        }
        optional {}
        defaulted {}
        lists {}
    }
}

impl AddTopup {
    pub(crate) fn validate(&self) -> Result<(), Error> {
        check::alphanumeric("enrollment_id", &self.enrollment_id)?;
        match &self.topup {
            TopupRef::PlanId(id) => check::numeric("plan_id", id)?,
            TopupRef::PlanCode(code) => check::non_empty("plan_code", code)?,
        }
        match &self.payment {
            TopupPayment::CreditCard(card) => card.validate()?,
            TopupPayment::SavedCard {
                customer_token,
                payment_token,
            } => {
                check::non_empty("customer_token", customer_token.expose())?;
                check::non_empty("payment_token", payment_token.expose())?;
            }
            TopupPayment::PaypalBraintree | TopupPayment::OtherPaymentOption => {}
        }
        self.billing.validate()
    }
}

/// What add_topup answers. The vendor has not published this schema; the whole `data` is
/// kept, with the fields payments usually carry typed when present.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct TopupReceipt {
    /// Order id.
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_text")]
    pub order_id: Option<String>,
    /// Transaction number.
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_text")]
    pub transaction_no: Option<String>,
    /// Amount charged.
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_money")]
    pub total_amount: Option<Money>,
    /// The confirmation message, when `data` is a message rather than an object.
    #[serde(default, skip_deserializing)]
    pub message: Option<String>,
    /// Fields this version does not type.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}
