//! `/payment`: make_payment, and the card and billing address shared with add_topup.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use telecom_core::{Money, Secret};

use crate::error::Error;
use crate::models::builder::request_builder;
use crate::models::common::OrderId;
use crate::validate as check;

/// A card brand, as `card_type` takes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[non_exhaustive]
pub enum CardType {
    /// `VISA`.
    #[serde(rename = "VISA")]
    Visa,
    /// `MASTERCARD`.
    #[serde(rename = "MASTERCARD")]
    Mastercard,
    /// `DISCOVER`.
    #[serde(rename = "DISCOVER")]
    Discover,
    /// `AMEX` (the vendor also accepts `AMERICAN EXPRESS`).
    #[serde(rename = "AMEX", alias = "AMERICAN EXPRESS")]
    Amex,
}

/// A payment card. The number and CVV are secrets: redacted in `Debug`, sent only in the
/// request body.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct Card {
    /// The brand.
    pub card_type: CardType,
    /// 16 digits (15 for Amex).
    pub card_number: Secret,
    /// 3 digits (4 for Amex).
    pub cvv: Secret,
    /// 1 to 12, sent as two digits.
    pub expiration_month: u8,
    /// Four-digit year.
    pub expiration_year: u16,
    /// The name on the card.
    pub name_on_card: String,
}

request_builder! {
    /// Builds a [`Card`].
    Card => CardBuilder {
        required {
            /// The brand.
            value card_type: CardType => "card_type",
            /// 16 digits (15 for Amex).
            into card_number: Secret => "card_number",
            /// 3 digits (4 for Amex).
            into cvv: Secret => "cvv",
            /// 1 to 12, sent as two digits.
            value expiration_month: u8 => "expiration_month",
            /// Four-digit year.
            value expiration_year: u16 => "expiration_year",
            /// The name on the card.
            into name_on_card: String => "name_on_card",
        }
        optional {}
        defaulted {}
        lists {}
    }
}

impl Card {
    pub(crate) fn validate(&self) -> Result<(), Error> {
        let amex = self.card_type == CardType::Amex;
        check::digits(
            "card_number",
            self.card_number.expose(),
            if amex { 15 } else { 16 },
        )?;
        check::digits("cvv", self.cvv.expose(), if amex { 4 } else { 3 })?;
        if !(1..=12).contains(&self.expiration_month) {
            return Err(Error::invalid("expiration_month", "must be 1 to 12"));
        }
        if !(1000..=9999).contains(&self.expiration_year) {
            return Err(Error::invalid(
                "expiration_year",
                "must be a four-digit year",
            ));
        }
        check::non_empty("name_on_card", &self.name_on_card)
    }
}

/// A billing address (`billing_*` fields).
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct BillingAddress {
    /// Two-letter state.
    pub billing_state: String,
    /// City.
    pub billing_city: String,
    /// Five-digit zip code.
    #[serde(default)]
    pub billing_zip: Option<String>,
    /// Address line one.
    #[serde(default)]
    pub billing_address1: Option<String>,
    /// Address line two.
    #[serde(default)]
    pub billing_address2: Option<String>,
}

request_builder! {
    /// Builds a [`BillingAddress`].
    BillingAddress => BillingAddressBuilder {
        required {
            /// Two-letter state.
            into billing_state: String => "billing_state",
            /// City.
            into billing_city: String => "billing_city",
        }
        optional {
            /// Five-digit zip code.
            into billing_zip: String,
            /// Address line one.
            into billing_address1: String,
            /// Address line two.
            into billing_address2: String,
        }
        defaulted {}
        lists {}
    }
}

impl BillingAddress {
    pub(crate) fn validate(&self) -> Result<(), Error> {
        check::state("billing_state", &self.billing_state)?;
        check::non_empty("billing_city", &self.billing_city)?;
        check::opt(self.billing_zip.as_deref(), |s| {
            check::zip("billing_zip", s)
        })
    }
}

/// What a payment is for (`payment_type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[non_exhaustive]
pub enum PaymentType {
    /// `TOPUP`.
    Topup,
    /// `ILDTOPUP`.
    #[serde(rename = "ILDTOPUP")]
    IldTopup,
    /// `DATA`.
    Data,
    /// `UPGRADE`.
    Upgrade,
    /// `CHANGE_PLAN`.
    ChangePlan,
    /// `RENEW_PLAN`.
    RenewPlan,
    /// `PLAN`.
    Plan,
    /// `NEW_SIGNUP`.
    NewSignup,
    /// `EQUIPMENT_PURCHASE`.
    EquipmentPurchase,
}

/// A card charge's `type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum ChargeType {
    /// `sale`: charge now.
    Sale,
    /// `auth`: authorise only.
    Auth,
}

/// How make_payment is paid.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PaymentMethod {
    /// `CREDIT_CARD` with the card's details.
    CreditCard(Card),
    /// `OTHER_PAYMENT_OPTION`: paid elsewhere, for example a Stripe hosted checkout.
    OtherPaymentOption {
        /// `payment_method_option` (`STRIPE`).
        payment_method_option: String,
        /// The processor's transaction id.
        #[serde(default)]
        transaction_id: Option<String>,
        /// The processor's charge id.
        #[serde(default)]
        charge_id: Option<String>,
    },
}

/// `make_payment`. Never resent once it may have reached the vendor.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct MakePayment {
    /// The enrollment id.
    #[serde(default)]
    pub enrollment_id: Option<String>,
    /// R: five-digit zip code.
    pub zip_code: String,
    /// R: plan id (digits; a string on the wire, `"117"`).
    pub plan_id: String,
    /// Plan code.
    #[serde(default)]
    pub plan_code: Option<String>,
    /// R: what the payment is for.
    pub payment_type: PaymentType,
    /// `sale` or `auth` (card payments).
    #[serde(default, rename = "type")]
    pub charge_type: Option<ChargeType>,
    /// R: how it is paid.
    pub payment_method: PaymentMethod,
    /// Billing address.
    #[serde(default)]
    pub billing: Option<BillingAddress>,
    /// Keep the card for later (`Y`/`N`).
    #[serde(default)]
    pub save_card: Option<bool>,
    /// Device ESNs.
    #[serde(default)]
    pub esn: Vec<String>,
    /// SIM ICCID.
    #[serde(default)]
    pub uiccid: Option<String>,
    /// Equipment ids.
    #[serde(default)]
    pub equipment_id: Vec<String>,
    /// Model ids.
    #[serde(default)]
    pub model_id: Vec<String>,
    /// Child model ids.
    #[serde(default)]
    pub model_child_id: Vec<String>,
    /// Number of lines.
    #[serde(default)]
    pub no_of_lines: Option<u32>,
    /// Shipping method id (from get_shipping_methods).
    #[serde(default)]
    pub shipping_id: Option<String>,
    /// A coupon code, sent as `coupon_info.coupon_code`.
    #[serde(default)]
    pub coupon_code: Option<String>,
}

request_builder! {
    /// Builds a [`MakePayment`].
    MakePayment => MakePaymentBuilder {
        required {
            /// R: five-digit zip code.
            into zip_code: String => "zip_code",
            /// R: plan id (digits; a string on the wire, `"117"`).
            into plan_id: String => "plan_id",
            /// R: what the payment is for.
            value payment_type: PaymentType => "payment_type",
            /// R: how it is paid.
            value payment_method: PaymentMethod => "payment_method",
        }
        optional {
            /// The enrollment id.
            into enrollment_id: String,
            /// Plan code.
            into plan_code: String,
            /// `sale` or `auth` (card payments), sent as `type`.
            value charge_type: ChargeType,
            /// Billing address.
            value billing: BillingAddress,
            /// Keep the card for later (`Y`/`N`).
            value save_card: bool,
            /// SIM ICCID.
            into uiccid: String,
            /// Number of lines.
            value no_of_lines: u32,
            /// Shipping method id (from get_shipping_methods).
            into shipping_id: String,
            /// A coupon code, sent as `coupon_info.coupon_code`.
            into coupon_code: String,
        }
        defaulted {}
        lists {
            /// Device ESNs.
            esn: String,
            /// Equipment ids.
            equipment_id: String,
            /// Model ids.
            model_id: String,
            /// Child model ids.
            model_child_id: String,
        }
    }
}

impl MakePayment {
    pub(crate) fn validate(&self) -> Result<(), Error> {
        check::opt(self.enrollment_id.as_deref(), |s| {
            check::alphanumeric("enrollment_id", s)
        })?;
        check::zip("zip_code", &self.zip_code)?;
        check::numeric("plan_id", &self.plan_id)?;
        match &self.payment_method {
            PaymentMethod::CreditCard(card) => card.validate()?,
            PaymentMethod::OtherPaymentOption {
                payment_method_option,
                ..
            } => check::non_empty("payment_method_option", payment_method_option)?,
        }
        check::opt(self.billing.as_ref(), BillingAddress::validate)?;
        check::opt(self.coupon_code.as_deref(), |s| {
            check::non_empty("coupon_code", s)
        })
    }
}

telecom_core::open_enum! {
    /// `payment_status`.
    pub enum PaymentStatus {
        /// `SUCCESS`.
        Success => "SUCCESS",
    }
}

/// What make_payment answers. Amounts arrive as numbers or strings; both are read exactly.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct Payment {
    /// The order id, passed on to create_prepaid_postpaid_customer_v2.
    #[serde(default)]
    pub order_id: Option<OrderId>,
    /// Invoice number (`2024-05-2002`).
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_text")]
    pub invoice_number: Option<String>,
    /// Payment status.
    #[serde(default)]
    pub payment_status: Option<PaymentStatus>,
    /// The payment's transaction number.
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_text")]
    pub transaction_no: Option<String>,
    /// The `external_transaction_id` echoed back.
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_text")]
    pub external_transaction_id: Option<String>,
    /// Total charged.
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_money")]
    pub total_amount: Option<Money>,
    /// Plan activation fee.
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_money")]
    pub plan_activation_fee: Option<Money>,
    /// Plan tax.
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_money")]
    pub plan_tax: Option<Money>,
    /// Processing fee (`processingFee` on the wire).
    #[serde(
        default,
        rename = "processingFee",
        deserialize_with = "telecom_core::lenient::opt_money"
    )]
    pub processing_fee: Option<Money>,
    /// Overnight shipping amount.
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_money")]
    pub overnight_shipping_amount: Option<Money>,
    /// Total shipping amount.
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_money")]
    pub total_shipping_amount: Option<Money>,
    /// Coupon transaction id.
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_text")]
    pub coupon_transaction_id: Option<String>,
    /// EVAD order number.
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_text")]
    pub evad_order_number: Option<String>,
    /// Fields this version does not type.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}
