//! Customer actions.

use crate::Client;
use crate::error::Error;
use serde::Deserialize;
use telecom_core::CallKind;

use crate::models::common::Source;
use crate::models::customer::{
    CreateCustomerV2, CreateHomephoneCustomer, CreatedCustomer, CreatedLine, CustomerInfoRequest,
    CustomerRecord, HomephoneCustomer, NewLine,
};
use crate::ops::Action;
use crate::transport::Operation;
use crate::validate as check;
use crate::wire::{Body, Envelope};

impl Client {
    /// `create_homephone_customer` (`POST /customer`): create a home phone customer.
    ///
    /// Validated before sending; never resent once it may have reached the vendor (only a
    /// connect failure or a token rejection sends it again).
    pub async fn create_homephone_customer(
        &self,
        request: &CreateHomephoneCustomer,
    ) -> Result<HomephoneCustomer, Error> {
        self.send_action(request).await
    }

    /// `create_prepaid_postpaid_customer_v2` (`POST /customer`): create one or more lines.
    /// Check each line's result: one line can fail while others succeed.
    pub async fn create_prepaid_postpaid_customer_v2(
        &self,
        request: &CreateCustomerV2,
    ) -> Result<CreatedCustomer, Error> {
        self.send_action(request).await
    }

    /// `customer_info` (`POST /customer`): a customer's lines.
    pub async fn customer_info(
        &self,
        request: &CustomerInfoRequest,
    ) -> Result<Vec<CustomerRecord>, Error> {
        self.send_action(request).await
    }
}

impl Action for CreateHomephoneCustomer {
    const OPERATION: Operation =
        Operation::new("customer", "create_homephone_customer", CallKind::Write);
    type Output = HomephoneCustomer;
    // The spec's table: "Expected Value: API, TABLET, WEBSITE".
    const SOURCES: Option<&'static [Source]> =
        Some(&[Source::Api, Source::Tablet, Source::Website]);

    fn body(&self) -> Result<Body, Error> {
        self.validate()?;
        // Every value is a string on the wire, as in the spec's sample request.
        Ok(Body::new()
            .str("enroll_id", &self.enrollment_id)
            .str("zip_code", &self.zip_code)
            .strings("features", &self.features)
            .str("plan_id", &self.plan_id)
            .str("order_type", self.order_type.as_str())
            .secret("ssnum", &self.ssnum)
            .opt_str("state", self.state.as_deref())
            .opt_str("city", self.city.as_deref())
            .opt_str(
                "sameaddress",
                self.sameaddress.map(|same| if same { "1" } else { "0" }),
            )
            .str("f_name", &self.f_name)
            .opt_str("l_name", self.l_name.as_deref())
            .str("carrier", &self.carrier)
            .opt_str("email", self.email.as_deref())
            .opt_str("type_of_service", self.type_of_service.as_deref())
            .opt_str(
                "service_address_number",
                self.service_address_number.as_deref(),
            )
            .opt_str(
                "service_address_street_name",
                self.service_address_street_name.as_deref(),
            )
            .opt_str(
                "service_address_street_directional_prefix",
                self.service_address_street_directional_prefix.as_deref(),
            )
            .opt_str(
                "service_address_street_type",
                self.service_address_street_type.as_deref(),
            )
            .str("phone_number", &self.phone_number)
            .opt_str("telephone_number", self.telephone_number.as_deref()))
    }

    fn output(envelope: &Envelope) -> Result<Self::Output, serde_json::Error> {
        crate::de::data(envelope.data.as_ref())
    }
}

impl Action for CustomerInfoRequest {
    const OPERATION: Operation = Operation::new("customer", "customer_info", CallKind::Read);
    type Output = Vec<CustomerRecord>;

    fn body(&self) -> Result<Body, Error> {
        let keys = [
            self.enrollment_id.is_some(),
            self.customer_id.is_some(),
            self.email.is_some(),
            self.mdn.is_some(),
            self.last_name.is_some(),
            self.zip_code.is_some(),
            self.ssn_last_four.is_some(),
            self.account_number.is_some(),
            self.dob.is_some(),
        ];
        if !keys.contains(&true) {
            return Err(Error::invalid(
                "enrollment_id",
                "give the enrollment id or another lookup key",
            ));
        }
        check::opt(self.enrollment_id.as_deref(), |s| {
            check::alphanumeric("enrollment_id", s)
        })?;
        check::opt(self.customer_id.as_deref(), |s| {
            check::non_empty("customer_id", s)
        })?;
        check::opt(self.email.as_deref(), |s| check::email("email", s))?;
        check::opt(self.mdn.as_deref(), |s| check::phone10("mdn", s))?;
        check::opt(self.last_name.as_deref(), |s| {
            check::non_empty("last_name", s)
        })?;
        check::opt(self.zip_code.as_deref(), |s| check::zip("zip_code", s))?;
        check::opt(self.ssn_last_four.as_ref(), |s| {
            check::digits("ssn_last_four", s.expose(), 4)
        })?;
        check::opt(self.account_number.as_deref(), |s| {
            check::non_empty("account_number", s)
        })?;
        let dob = self.dob.map(telecom_core::dates::format_iso_date);
        Ok(Body::new()
            .str("request_name", "customer")
            .opt_str("enrollment_id", self.enrollment_id.as_deref())
            .opt_str("customer_id", self.customer_id.as_deref())
            .opt_str("email", self.email.as_deref())
            .opt_str("mdn", self.mdn.as_deref())
            .opt_str("last_name", self.last_name.as_deref())
            .opt_str("zip_code", self.zip_code.as_deref())
            .opt_secret("ssn_last_four", self.ssn_last_four.as_ref())
            .opt_str("account_number", self.account_number.as_deref())
            .opt_str("dob", dob.as_deref())
            .opt_yn(
                "get_security_question_answer_detail",
                self.get_security_question_answer_detail,
            )
            .opt_yn("get_beneficiary_details", self.get_beneficiary_details))
    }

    fn output(envelope: &Envelope) -> Result<Self::Output, serde_json::Error> {
        // Documented as an array (one entry per line); an object is taken as one line.
        #[derive(Deserialize)]
        struct Lines(#[serde(deserialize_with = "crate::de::one_or_many")] Vec<CustomerRecord>);
        crate::de::data::<Lines>(envelope.data.as_ref()).map(|l| l.0)
    }
}

impl Action for CreateCustomerV2 {
    const OPERATION: Operation = Operation::new(
        "customer",
        "create_prepaid_postpaid_customer_v2",
        CallKind::Write,
    );
    type Output = CreatedCustomer;

    fn body(&self) -> Result<Body, Error> {
        if self.lines.is_empty() {
            return Err(Error::invalid("lines", "at least one line is required"));
        }
        for line in &self.lines {
            line.validate()?;
        }
        let lines: Vec<Body> = self.lines.iter().map(NewLine::write).collect();
        Ok(Body::new()
            .str("request_name", "customer")
            .objects("lines", lines))
    }

    fn output(envelope: &Envelope) -> Result<Self::Output, serde_json::Error> {
        #[derive(Deserialize)]
        struct Lines(#[serde(deserialize_with = "crate::de::one_or_many")] Vec<CreatedLine>);
        let lines = crate::de::data::<Lines>(envelope.data.as_ref())?.0;
        Ok(CreatedCustomer {
            external_transaction_id: envelope.external_transaction_id.clone(),
            lines,
        })
    }
}
