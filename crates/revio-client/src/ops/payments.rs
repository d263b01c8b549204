//! Payments and payment accounts.

use telecom_core::Money;

use crate::error::Error;
use crate::models::{
    Extra, PaymentAccountCreated, PaymentAccountsCreate, PaymentType, PaymentsCreate,
};
use crate::ops::{Validate, operations, positive, require};

/// `P2001`: more than 0.00 and at most 99,999.00.
fn amount_in_range(amount: Money) -> Result<(), Error> {
    let max = Money::from_minor(9_999_900, 2);
    if amount > Money::ZERO && amount <= max {
        Ok(())
    } else {
        Err(Error::invalid(
            "Amount",
            "must be more than 0.00 and at most 99999.00",
        ))
    }
}

impl Validate for PaymentsCreate {
    fn validate(&self) -> Result<(), Error> {
        positive("CustomerID", self.customer_id)?;
        amount_in_range(self.amount)?;
        require("Type", &self.r#type)?;
        match &self.r#type {
            Some(PaymentType::CreditCard) => require("CreditCard", &self.credit_card),
            Some(PaymentType::Ach) => require("ACH", &self.ach),
            _ => Ok(()),
        }
    }
}

impl Validate for PaymentAccountsCreate {
    fn validate(&self) -> Result<(), Error> {
        positive("CustomerID", self.customer_id)?;
        match &self.r#type {
            None => Err(Error::invalid("Type", "is required")),
            Some(PaymentType::CreditCard) => {
                if self.credit_card.is_none() && self.subscription_info.is_none() {
                    return Err(Error::invalid(
                        "CreditCard",
                        "send CreditCard or SubscriptionInfo",
                    ));
                }
                Ok(())
            }
            Some(PaymentType::Ach) => require("ACH", &self.ach),
            Some(_) => Err(Error::invalid("Type", "must be CREDIT_CARD or ACH")),
        }
    }
}

operations! {
    /// Records a payment (card, bank or manual). Never resent once it may have reached the
    /// server. The response fields were not visible on the vendor's page; the result keeps
    /// every element.
    payments_create(PaymentsCreate) -> Extra = "Payments_Create", Write;
    /// Stores a payment method on a customer.
    payment_accounts_create(PaymentAccountsCreate) -> PaymentAccountCreated = "PaymentAccounts_Create", Write;
}
