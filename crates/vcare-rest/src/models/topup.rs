//! `/topup`: topup_list and add_topup.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use telecom_core::{Money, Secret};

use crate::models::common::YesNo;
use crate::models::payment::{BillingAddress, Card};

/// Which top-ups topup_list returns (`topup_type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
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

impl TopupType {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            TopupType::All => "ALL",
            TopupType::Topup => "TOPUP",
            TopupType::Data => "DATA",
            TopupType::Ild => "ILD",
            TopupType::Addon => "ADDON",
            TopupType::Irtopup => "IRTOPUP",
            TopupType::Both => "BOTH",
        }
    }
}

/// `topup_list`: the top-ups on offer.
#[derive(Debug, Clone, Default, Deserialize)]
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

impl TopupList {
    /// The top-ups of a type for a payment method.
    pub fn new(topup_type: TopupType, payment_method: impl Into<String>) -> Self {
        TopupList {
            topup_type,
            payment_method: payment_method.into(),
            state: None,
        }
    }
}

/// What topup_list answers.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct TopupCatalog {
    /// Data top-ups.
    #[serde(default, deserialize_with = "crate::de::one_or_many")]
    pub data_plans: Vec<TopupPlan>,
    /// Minute top-ups.
    #[serde(default, deserialize_with = "crate::de::one_or_many")]
    pub minute_plans: Vec<TopupPlan>,
    /// Every other field.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

/// One top-up on offer.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct TopupPlan {
    /// Plan id (a number on the wire).
    #[serde(default, deserialize_with = "crate::de::opt_text")]
    pub plan_id: Option<String>,
    /// Plan code.
    #[serde(default, deserialize_with = "crate::de::opt_text")]
    pub plan_code: Option<String>,
    /// Price (`18.99`).
    #[serde(default, deserialize_with = "crate::de::opt_money")]
    pub amount: Option<Money>,
    /// Carrier.
    #[serde(default, deserialize_with = "crate::de::opt_text")]
    pub carrier: Option<String>,
    /// Type (`type` on the wire).
    #[serde(default, rename = "type", deserialize_with = "crate::de::opt_text")]
    pub kind: Option<String>,
    /// Days until it expires.
    #[serde(default, deserialize_with = "crate::de::opt_u64")]
    pub expiry_days: Option<u64>,
    /// Data allowance.
    #[serde(default, deserialize_with = "crate::de::opt_text")]
    pub data: Option<String>,
    /// SMS allowance.
    #[serde(default, deserialize_with = "crate::de::opt_text")]
    pub sms: Option<String>,
    /// Voice allowance.
    #[serde(default, deserialize_with = "crate::de::opt_text")]
    pub voice: Option<String>,
    /// Description.
    #[serde(default, deserialize_with = "crate::de::opt_text")]
    pub description: Option<String>,
    /// Category.
    #[serde(default, deserialize_with = "crate::de::opt_text")]
    pub category: Option<String>,
    /// Whether tax is included.
    #[serde(default)]
    pub is_tax_included: Option<YesNo>,
    /// Every other field.
    #[serde(flatten)]
    pub other: Map<String, Value>,
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

impl AddTopup {
    /// A top-up purchase.
    pub fn new(
        enrollment_id: impl Into<String>,
        topup: TopupRef,
        payment: TopupPayment,
        billing: BillingAddress,
    ) -> Self {
        AddTopup {
            enrollment_id: enrollment_id.into(),
            topup,
            payment,
            billing,
        }
    }
}

/// What add_topup answers. The vendor has not published this schema; the whole `data` is
/// kept, with the fields payments usually carry typed when present.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct TopupReceipt {
    /// Order id.
    #[serde(default, deserialize_with = "crate::de::opt_text")]
    pub order_id: Option<String>,
    /// Transaction number.
    #[serde(default, deserialize_with = "crate::de::opt_text")]
    pub transaction_no: Option<String>,
    /// Amount charged.
    #[serde(default, deserialize_with = "crate::de::opt_money")]
    pub total_amount: Option<Money>,
    /// The confirmation message, when `data` is a message rather than an object.
    #[serde(default, skip_deserializing)]
    pub message: Option<String>,
    /// Every other field.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}
