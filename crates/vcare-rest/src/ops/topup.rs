//! Top-up actions.

use crate::Client;
use crate::error::Error;
use serde_json::{Map, Value};
use telecom_core::CallKind;

use crate::models::topup::{
    AddTopup, TopupCatalog, TopupList, TopupPayment, TopupReceipt, TopupRef,
};
use crate::ops::Action;
use crate::transport::Operation;
use crate::validate as check;
use crate::wire::{Body, Envelope};

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

impl Action for TopupList {
    const OPERATION: Operation = Operation::new("topup", "topup_list", CallKind::Read);
    type Output = TopupCatalog;

    fn body(&self) -> Result<Body, Error> {
        check::non_empty("payment_method", &self.payment_method)?;
        check::opt(self.state.as_deref(), |s| check::state("state", s))?;
        Ok(Body::new()
            .str("topup_type", self.topup_type.as_str())
            .str("payment_method", &self.payment_method)
            .opt_str("state", self.state.as_deref()))
    }

    fn output(envelope: &Envelope) -> Result<Self::Output, serde_json::Error> {
        crate::de::data(envelope.data.as_ref())
    }
}

impl Action for AddTopup {
    const OPERATION: Operation = Operation::new("topup", "add_topup", CallKind::Write);
    type Output = TopupReceipt;

    fn body(&self) -> Result<Body, Error> {
        check::alphanumeric("enrollment_id", &self.enrollment_id)?;
        let mut body = Body::new().str("enrollment_id", &self.enrollment_id);
        body = match &self.topup {
            TopupRef::PlanId(id) => {
                check::numeric("plan_id", id)?;
                body.str("plan_id", id)
            }
            TopupRef::PlanCode(code) => {
                check::non_empty("plan_code", code)?;
                body.str("plan_code", code)
            }
        };
        body = match &self.payment {
            TopupPayment::CreditCard(card) => {
                card.validate()?;
                card.write(body.str("payment_method", "CREDIT_CARD"))
            }
            TopupPayment::SavedCard {
                customer_token,
                payment_token,
            } => {
                check::non_empty("customer_token", customer_token.expose())?;
                check::non_empty("payment_token", payment_token.expose())?;
                body.str("payment_method", "CREDIT_CARD")
                    .secret("customer_token", customer_token)
                    .secret("payment_token", payment_token)
            }
            TopupPayment::PaypalBraintree => body.str("payment_method", "PAYPAL_BRAINTREE"),
            TopupPayment::OtherPaymentOption => body.str("payment_method", "OTHER_PAYMENT_OPTION"),
        };
        self.billing.validate()?;
        Ok(self.billing.write(body))
    }

    fn output(envelope: &Envelope) -> Result<Self::Output, serde_json::Error> {
        match &envelope.data {
            Some(value @ Value::Object(_)) => serde::Deserialize::deserialize(value),
            // A bare confirmation message (or nothing) instead of an object.
            other => Ok(TopupReceipt {
                order_id: None,
                transaction_no: None,
                total_amount: None,
                message: other
                    .as_ref()
                    .and_then(Value::as_str)
                    .map(str::to_owned)
                    .or_else(|| envelope.msg.clone()),
                other: Map::new(),
            }),
        }
    }
}
