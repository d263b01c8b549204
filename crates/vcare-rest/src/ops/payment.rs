//! Payment actions, and the card and billing address bodies add_topup shares.

use serde::Serialize;
use telecom_core::CallKind;

use crate::Client;
use crate::error::Error;
use crate::models::{
    BillingAddress, Card, CardType, ChargeType, MakePayment, Payment, PaymentMethod, PaymentType,
};
use crate::ops::Action;
use crate::transport::Operation;
use crate::wire::{Body, Object, yes_no};

impl Client {
    /// `make_payment` (`POST /payment`). Never resent once it may have reached the vendor:
    /// after a timeout, find out whether it was charged before paying again.
    pub async fn make_payment(&self, request: &MakePayment) -> Result<Payment, Error> {
        self.send_action(request).await
    }
}

/// A card's fields; the expiry as two and four digits.
#[derive(Serialize)]
pub(crate) struct CardBody<'a> {
    card_type: CardType,
    card_number: &'a str,
    cvv: &'a str,
    expiration_month: String,
    expiration_year: String,
    name_on_card: &'a str,
}

impl<'a> From<&'a Card> for CardBody<'a> {
    fn from(card: &'a Card) -> Self {
        CardBody {
            card_type: card.card_type,
            card_number: card.card_number.expose(),
            cvv: card.cvv.expose(),
            expiration_month: format!("{:02}", card.expiration_month),
            expiration_year: format!("{:04}", card.expiration_year),
            name_on_card: &card.name_on_card,
        }
    }
}

/// A billing address's `billing_*` fields.
#[serde_with::skip_serializing_none]
#[derive(Serialize)]
pub(crate) struct BillingBody<'a> {
    billing_state: &'a str,
    billing_city: &'a str,
    billing_zip: Option<&'a str>,
    billing_address1: Option<&'a str>,
    billing_address2: Option<&'a str>,
}

impl<'a> From<&'a BillingAddress> for BillingBody<'a> {
    fn from(billing: &'a BillingAddress) -> Self {
        BillingBody {
            billing_state: &billing.billing_state,
            billing_city: &billing.billing_city,
            billing_zip: billing.billing_zip.as_deref(),
            billing_address1: billing.billing_address1.as_deref(),
            billing_address2: billing.billing_address2.as_deref(),
        }
    }
}

/// `coupon_info`.
#[derive(Serialize)]
struct CouponBody<'a> {
    coupon_code: &'a str,
}

/// The `make_payment` body. The equipment lists always go (empty as `[]`, as the vendor's
/// example sends them); `esn` only when there is one.
#[serde_with::skip_serializing_none]
#[derive(Serialize)]
struct MakePaymentBody<'a> {
    enrollment_id: Option<&'a str>,
    zip_code: &'a str,
    plan_id: &'a str,
    plan_code: Option<&'a str>,
    payment_type: PaymentType,
    #[serde(rename = "type")]
    charge_type: Option<ChargeType>,
    payment_method: &'static str,
    #[serde(flatten)]
    card: Option<CardBody<'a>>,
    payment_method_option: Option<&'a str>,
    transaction_id: Option<&'a str>,
    charge_id: Option<&'a str>,
    #[serde(flatten)]
    billing: Option<BillingBody<'a>>,
    esn: Option<&'a [String]>,
    no_of_lines: Option<String>,
    coupon_info: Option<CouponBody<'a>>,
    save_card: Option<&'static str>,
    uiccid: Option<&'a str>,
    equipment_id: &'a [String],
    model_id: &'a [String],
    model_child_id: &'a [String],
    shipping_id: Option<&'a str>,
}

impl Action for MakePayment {
    const OPERATION: Operation<'static> =
        Operation::new("payment", "make_payment", CallKind::Write);
    type Data = Object<Payment>;
    type Output = Payment;

    fn body(&self) -> Result<Body, Error> {
        self.validate()?;
        let (payment_method, card, option, transaction_id, charge_id) = match &self.payment_method {
            PaymentMethod::CreditCard(card) => {
                ("CREDIT_CARD", Some(CardBody::from(card)), None, None, None)
            }
            PaymentMethod::OtherPaymentOption {
                payment_method_option,
                transaction_id,
                charge_id,
            } => (
                "OTHER_PAYMENT_OPTION",
                None,
                Some(payment_method_option.as_str()),
                transaction_id.as_deref(),
                charge_id.as_deref(),
            ),
        };
        Body::typed(&MakePaymentBody {
            enrollment_id: self.enrollment_id.as_deref(),
            zip_code: &self.zip_code,
            plan_id: &self.plan_id,
            plan_code: self.plan_code.as_deref(),
            payment_type: self.payment_type,
            charge_type: self.charge_type,
            payment_method,
            card,
            payment_method_option: option,
            transaction_id,
            charge_id,
            billing: self.billing.as_ref().map(BillingBody::from),
            esn: (!self.esn.is_empty()).then_some(self.esn.as_slice()),
            no_of_lines: self.no_of_lines.map(|n| n.to_string()),
            coupon_info: self
                .coupon_code
                .as_deref()
                .map(|coupon_code| CouponBody { coupon_code }),
            save_card: self.save_card.map(yes_no),
            uiccid: self.uiccid.as_deref(),
            equipment_id: &self.equipment_id,
            model_id: &self.model_id,
            model_child_id: &self.model_child_id,
            shipping_id: self.shipping_id.as_deref(),
        })
    }
}
