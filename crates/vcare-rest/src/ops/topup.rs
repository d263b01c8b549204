//! Top-up actions.

use std::collections::BTreeMap;

use serde::Serialize;
use telecom_core::CallKind;

use crate::Client;
use crate::error::Error;
use crate::models::{
    AddTopup, TopupCatalog, TopupList, TopupPayment, TopupReceipt, TopupRef, TopupType,
};
use crate::ops::payment::{BillingBody, CardBody};
use crate::ops::{Action, FromData};
use crate::transport::Operation;
use crate::wire::{Body, Envelope, Object, ObjectOr};

impl Client {
    /// `topup_list` (`POST /topup`): the top-ups on offer. A read: transient failures are
    /// retried.
    pub async fn topup_list(&self, request: &TopupList) -> Result<TopupCatalog, Error> {
        self.send_action(request).await
    }

    /// `add_topup` (`POST /topup`): buy a top-up. Never resent once it may have reached the
    /// vendor.
    pub async fn add_topup(&self, request: &AddTopup) -> Result<TopupReceipt, Error> {
        self.send_action(request).await
    }
}

/// The `topup_list` body.
#[serde_with::skip_serializing_none]
#[derive(Serialize)]
struct TopupListBody<'a> {
    topup_type: TopupType,
    payment_method: &'a str,
    state: Option<&'a str>,
}

impl Action for TopupList {
    const OPERATION: Operation<'static> = Operation::new("topup", "topup_list", CallKind::Read);
    type Data = Object<TopupCatalog>;
    type Output = TopupCatalog;

    fn body(&self) -> Result<Body, Error> {
        self.validate()?;
        Body::typed(&TopupListBody {
            topup_type: self.topup_type,
            payment_method: &self.payment_method,
            state: self.state.as_deref(),
        })
    }
}

/// The `add_topup` body: a saved card is `CREDIT_CARD` with the card's tokens instead of its
/// number.
#[serde_with::skip_serializing_none]
#[derive(Serialize)]
struct AddTopupBody<'a> {
    enrollment_id: &'a str,
    plan_id: Option<&'a str>,
    plan_code: Option<&'a str>,
    payment_method: &'static str,
    #[serde(flatten)]
    card: Option<CardBody<'a>>,
    customer_token: Option<&'a str>,
    payment_token: Option<&'a str>,
    #[serde(flatten)]
    billing: BillingBody<'a>,
}

impl Action for AddTopup {
    const OPERATION: Operation<'static> = Operation::new("topup", "add_topup", CallKind::Write);
    type Data = ObjectOr<TopupReceipt>;
    type Output = TopupReceipt;

    fn body(&self) -> Result<Body, Error> {
        self.validate()?;
        let (plan_id, plan_code) = match &self.topup {
            TopupRef::PlanId(id) => (Some(id.as_str()), None),
            TopupRef::PlanCode(code) => (None, Some(code.as_str())),
        };
        let (payment_method, card, customer_token, payment_token) = match &self.payment {
            TopupPayment::CreditCard(card) => {
                ("CREDIT_CARD", Some(CardBody::from(card)), None, None)
            }
            TopupPayment::SavedCard {
                customer_token,
                payment_token,
            } => (
                "CREDIT_CARD",
                None,
                Some(customer_token.expose()),
                Some(payment_token.expose()),
            ),
            TopupPayment::PaypalBraintree => ("PAYPAL_BRAINTREE", None, None, None),
            TopupPayment::OtherPaymentOption => ("OTHER_PAYMENT_OPTION", None, None, None),
        };
        Body::typed(&AddTopupBody {
            enrollment_id: &self.enrollment_id,
            plan_id,
            plan_code,
            payment_method,
            card,
            customer_token,
            payment_token,
            billing: BillingBody::from(&self.billing),
        })
    }
}

impl FromData<ObjectOr<TopupReceipt>> for TopupReceipt {
    fn from_data(data: ObjectOr<TopupReceipt>, envelope: &Envelope<()>) -> Self {
        let message = match data {
            ObjectOr::Object(receipt) => return receipt,
            // A bare confirmation message (or nothing) instead of an object.
            ObjectOr::Text(message) => Some(message),
            ObjectOr::Other => envelope.msg.clone(),
        };
        TopupReceipt {
            order_id: None,
            transaction_no: None,
            total_amount: None,
            message,
            extra: BTreeMap::new(),
        }
    }
}
