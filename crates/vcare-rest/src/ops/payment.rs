//! Payment actions.

use crate::Client;
use crate::error::Error;
use serde_json::{Map, Value};
use telecom_core::CallKind;

use crate::models::payment::{ChargeType, MakePayment, Payment, PaymentMethod};
use crate::ops::Action;
use crate::transport::Operation;
use crate::validate as check;
use crate::wire::{Body, Envelope};

impl Client {
    /// `make_payment` (`POST /payment`). Never resent once it may have reached the vendor:
    /// after a timeout, find out whether it was charged before paying again.
    pub async fn make_payment(&self, request: &MakePayment) -> Result<Payment, Error> {
        self.send_action(request).await
    }
}

impl Action for MakePayment {
    const OPERATION: Operation = Operation::new("payment", "make_payment", CallKind::Write);
    type Output = Payment;

    fn body(&self) -> Result<Body, Error> {
        check::opt(self.enrollment_id.as_deref(), |s| {
            check::alphanumeric("enrollment_id", s)
        })?;
        check::zip("zip_code", &self.zip_code)?;
        check::numeric("plan_id", &self.plan_id)?;
        let mut body = Body::new()
            .opt_str("enrollment_id", self.enrollment_id.as_deref())
            .str("zip_code", &self.zip_code)
            .str("plan_id", &self.plan_id)
            .opt_str("plan_code", self.plan_code.as_deref())
            .str("payment_type", self.payment_type.as_str())
            .opt_str(
                "type",
                self.charge_type.map(|t| match t {
                    ChargeType::Sale => "sale",
                    ChargeType::Auth => "auth",
                }),
            );
        body = match &self.payment_method {
            PaymentMethod::CreditCard(card) => {
                card.validate()?;
                card.write(body.str("payment_method", "CREDIT_CARD"))
            }
            PaymentMethod::OtherPaymentOption {
                payment_method_option,
                transaction_id,
                charge_id,
            } => {
                check::non_empty("payment_method_option", payment_method_option)?;
                body.str("payment_method", "OTHER_PAYMENT_OPTION")
                    .str("payment_method_option", payment_method_option)
                    .opt_str("transaction_id", transaction_id.as_deref())
                    .opt_str("charge_id", charge_id.as_deref())
            }
        };
        if let Some(billing) = &self.billing {
            billing.validate()?;
            body = billing.write(body);
        }
        if !self.esn.is_empty() {
            body = body.strings("esn", &self.esn);
        }
        if let Some(lines) = self.no_of_lines {
            body = body.str("no_of_lines", &lines.to_string());
        }
        if let Some(code) = &self.coupon_code {
            check::non_empty("coupon_code", code)?;
            let mut coupon = Map::new();
            coupon.insert("coupon_code".into(), Value::from(code.as_str()));
            body = body.value("coupon_info", Value::Object(coupon));
        }
        Ok(body
            .opt_yn("save_card", self.save_card)
            .opt_str("uiccid", self.uiccid.as_deref())
            .strings("equipment_id", &self.equipment_id)
            .strings("model_id", &self.model_id)
            .strings("model_child_id", &self.model_child_id)
            .opt_str("shipping_id", self.shipping_id.as_deref()))
    }

    fn output(envelope: &Envelope) -> Result<Self::Output, serde_json::Error> {
        crate::de::data(envelope.data.as_ref())
    }
}
