//! Customer actions.

use serde::Serialize;
use telecom_core::{CallKind, Redactor};

use crate::Client;
use crate::error::Error;
use crate::models::{
    CreateCustomerV2, CreateHomephoneCustomer, CreatedCustomer, CreatedLine, CustomerInfoRequest,
    CustomerRecord, HomephoneCustomer, LineEnrollmentType, NewLine, OrderType, PortIn, Source,
};
use crate::ops::{Action, FromData};
use crate::transport::Operation;
use crate::wire::{Body, Envelope, Lines, Object, yes_no};

impl Client {
    /// `create_homephone_customer` (`POST /customer`): create a home phone customer.
    ///
    /// Validated before sending; never resent once it may have reached the vendor (only a
    /// connect failure or a token rejection sends it again). Sent again by the caller for an
    /// enrollment that already has its customer, it fails with
    /// [`Error::AlreadyCreated`]: the first one did the work.
    pub async fn create_homephone_customer(
        &self,
        request: &CreateHomephoneCustomer,
    ) -> Result<HomephoneCustomer, Error> {
        self.send_action(request).await
    }

    /// `create_prepaid_postpaid_customer_v2` (`POST /customer`): create one or more lines.
    /// Check each line's result: one line can fail while others succeed
    /// ([`CreatedLine::is_success`], [`CreatedLine::is_already_created`]). When the vendor
    /// says every line already exists, the call fails with [`Error::AlreadyCreated`].
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

/// The `create_homephone_customer` body. Every value is a string on the wire, as in the
/// spec's sample request, and the enrollment goes as `enroll_id`.
#[serde_with::skip_serializing_none]
#[derive(Serialize)]
struct HomephoneBody<'a> {
    enroll_id: &'a str,
    zip_code: &'a str,
    features: &'a [String],
    plan_id: &'a str,
    order_type: &'a OrderType,
    ssnum: &'a str,
    state: Option<&'a str>,
    city: Option<&'a str>,
    /// `"1"` or `"0"`, as the spec's sample writes it.
    sameaddress: Option<&'static str>,
    f_name: &'a str,
    l_name: Option<&'a str>,
    carrier: &'a str,
    email: Option<&'a str>,
    type_of_service: Option<&'a str>,
    service_address_number: Option<&'a str>,
    service_address_street_name: Option<&'a str>,
    service_address_street_directional_prefix: Option<&'a str>,
    service_address_street_type: Option<&'a str>,
    phone_number: &'a str,
    telephone_number: Option<&'a str>,
}

impl Action for CreateHomephoneCustomer {
    const OPERATION: Operation<'static> =
        Operation::new("customer", "create_homephone_customer", CallKind::Write)
            .creating_customers();
    type Data = Object<HomephoneCustomer>;
    type Output = HomephoneCustomer;
    // The spec's table: "Expected Value: API, TABLET, WEBSITE".
    const SOURCES: Option<&'static [Source]> =
        Some(&[Source::Api, Source::Tablet, Source::Website]);

    fn body(&self) -> Result<Body, Error> {
        self.validate()?;
        Body::typed(&HomephoneBody {
            enroll_id: &self.enrollment_id,
            zip_code: &self.zip_code,
            features: &self.features,
            plan_id: &self.plan_id,
            order_type: &self.order_type,
            ssnum: self.ssnum.expose(),
            state: self.state.as_deref(),
            city: self.city.as_deref(),
            sameaddress: self.sameaddress.map(|same| if same { "1" } else { "0" }),
            f_name: &self.f_name,
            l_name: self.l_name.as_deref(),
            carrier: &self.carrier,
            email: self.email.as_deref(),
            type_of_service: self.type_of_service.as_deref(),
            service_address_number: self.service_address_number.as_deref(),
            service_address_street_name: self.service_address_street_name.as_deref(),
            service_address_street_directional_prefix: self
                .service_address_street_directional_prefix
                .as_deref(),
            service_address_street_type: self.service_address_street_type.as_deref(),
            phone_number: &self.phone_number,
            telephone_number: self.telephone_number.as_deref(),
        })
    }

    fn enrollment_ids(&self) -> Vec<&str> {
        vec![&self.enrollment_id]
    }
}

/// The `customer_info` body: the lookup keys given, flags as `Y`/`N`.
#[serde_with::skip_serializing_none]
#[derive(Serialize)]
struct CustomerInfoBody<'a> {
    request_name: &'static str,
    enrollment_id: Option<&'a str>,
    customer_id: Option<&'a str>,
    email: Option<&'a str>,
    mdn: Option<&'a str>,
    last_name: Option<&'a str>,
    zip_code: Option<&'a str>,
    ssn_last_four: Option<&'a str>,
    account_number: Option<&'a str>,
    dob: Option<String>,
    get_security_question_answer_detail: Option<&'static str>,
    get_beneficiary_details: Option<&'static str>,
}

impl Action for CustomerInfoRequest {
    const OPERATION: Operation<'static> =
        Operation::new("customer", "customer_info", CallKind::Read);
    // Documented as an array (one entry per line); an object is taken as one line.
    type Data = Lines<CustomerRecord>;
    type Output = Vec<CustomerRecord>;

    fn body(&self) -> Result<Body, Error> {
        self.validate()?;
        Body::typed(&CustomerInfoBody {
            request_name: "customer",
            enrollment_id: self.enrollment_id.as_deref(),
            customer_id: self.customer_id.as_deref(),
            email: self.email.as_deref(),
            mdn: self.mdn.as_deref(),
            last_name: self.last_name.as_deref(),
            zip_code: self.zip_code.as_deref(),
            ssn_last_four: self.ssn_last_four.as_ref().map(|s| s.expose()),
            account_number: self.account_number.as_deref(),
            dob: self.dob.map(telecom_core::dates::format_iso_date),
            get_security_question_answer_detail: self
                .get_security_question_answer_detail
                .map(yes_no),
            get_beneficiary_details: self.get_beneficiary_details.map(yes_no),
        })
    }
}

/// The `create_prepaid_postpaid_customer_v2` body.
#[derive(Serialize)]
struct CreateCustomerV2Body<'a> {
    request_name: &'static str,
    lines: Vec<LineBody<'a>>,
}

/// An id sent as a JSON number when it is one (the vendor's example has `order_id: 5512`),
/// as text otherwise.
#[derive(Serialize)]
#[serde(untagged)]
enum NumberOrText<'a> {
    Number(u64),
    Text(&'a str),
}

/// One line of the v2 body.
#[serde_with::skip_serializing_none]
#[derive(Serialize)]
struct LineBody<'a> {
    enrollment_id: &'a str,
    parent_enrollment_id: Option<&'a str>,
    order_id: Option<NumberOrText<'a>>,
    password: Option<&'a str>,
    pin: Option<&'a str>,
    first_name: &'a str,
    middle_name: Option<&'a str>,
    last_name: &'a str,
    email: Option<&'a str>,
    alternate_phone_number: Option<&'a str>,
    service_address_one: Option<&'a str>,
    service_address_two: Option<&'a str>,
    service_city: Option<&'a str>,
    service_state: Option<&'a str>,
    service_zip: Option<&'a str>,
    billing_address_one: Option<&'a str>,
    billing_address_two: Option<&'a str>,
    billing_city: Option<&'a str>,
    billing_state: Option<&'a str>,
    billing_zip: Option<&'a str>,
    plan_id: u64,
    device_id: Option<&'a str>,
    sim: Option<&'a str>,
    carrier: Option<&'a str>,
    is_esim: Option<&'static str>,
    enrollment_type: Option<LineEnrollmentType>,
    no_of_advance_month: Option<u32>,
    child_invoice_number: Option<&'a str>,
    /// `Y` when the line carries a number to port in.
    is_portin: &'static str,
    #[serde(flatten)]
    port: Option<PortBody<'a>>,
}

/// The port-in fields of a line.
#[serde_with::skip_serializing_none]
#[derive(Serialize)]
struct PortBody<'a> {
    port_number: &'a str,
    port_current_carrier: Option<&'a str>,
    port_account_number: &'a str,
    port_account_password: &'a str,
    port_first_name: &'a str,
    port_last_name: &'a str,
    port_address_one: &'a str,
    port_address_two: Option<&'a str>,
    port_city: &'a str,
    port_state: &'a str,
    port_zip_code: &'a str,
}

impl<'a> From<&'a PortIn> for PortBody<'a> {
    fn from(port: &'a PortIn) -> Self {
        PortBody {
            port_number: &port.port_number,
            port_current_carrier: port.port_current_carrier.as_deref(),
            port_account_number: &port.port_account_number,
            port_account_password: port.port_account_password.expose(),
            port_first_name: &port.port_first_name,
            port_last_name: &port.port_last_name,
            port_address_one: &port.port_address_one,
            port_address_two: port.port_address_two.as_deref(),
            port_city: &port.port_city,
            port_state: &port.port_state,
            port_zip_code: &port.port_zip_code,
        }
    }
}

impl<'a> From<&'a NewLine> for LineBody<'a> {
    fn from(line: &'a NewLine) -> Self {
        LineBody {
            enrollment_id: &line.enrollment_id,
            parent_enrollment_id: line.parent_enrollment_id.as_deref(),
            order_id: line.order_id.as_ref().map(|id| match id.as_u64() {
                Some(n) => NumberOrText::Number(n),
                None => NumberOrText::Text(id.as_str()),
            }),
            password: line.password.as_ref().map(|s| s.expose()),
            pin: line.pin.as_ref().map(|s| s.expose()),
            first_name: &line.first_name,
            middle_name: line.middle_name.as_deref(),
            last_name: &line.last_name,
            email: line.email.as_deref(),
            alternate_phone_number: line.alternate_phone_number.as_deref(),
            service_address_one: line.service_address_one.as_deref(),
            service_address_two: line.service_address_two.as_deref(),
            service_city: line.service_city.as_deref(),
            service_state: line.service_state.as_deref(),
            service_zip: line.service_zip.as_deref(),
            billing_address_one: line.billing_address_one.as_deref(),
            billing_address_two: line.billing_address_two.as_deref(),
            billing_city: line.billing_city.as_deref(),
            billing_state: line.billing_state.as_deref(),
            billing_zip: line.billing_zip.as_deref(),
            plan_id: line.plan_id,
            device_id: line.device_id.as_deref(),
            sim: line.sim.as_deref(),
            carrier: line.carrier.as_deref(),
            is_esim: line.is_esim.map(yes_no),
            enrollment_type: line.enrollment_type,
            no_of_advance_month: line.no_of_advance_month,
            child_invoice_number: line.child_invoice_number.as_deref(),
            is_portin: yes_no(line.port.is_some()),
            port: line.port.as_ref().map(PortBody::from),
        }
    }
}

impl CreateCustomerV2 {
    fn enrollment_ids(&self) -> Vec<&str> {
        self.lines
            .iter()
            .map(|l| l.enrollment_id.as_str())
            .collect()
    }
}

impl Action for CreateCustomerV2 {
    const OPERATION: Operation<'static> = Operation::new(
        "customer",
        "create_prepaid_postpaid_customer_v2",
        CallKind::Write,
    )
    .creating_customers();
    type Data = Lines<CreatedLine>;
    type Output = CreatedCustomer;

    fn enrollment_ids(&self) -> Vec<&str> {
        self.lines
            .iter()
            .map(|l| l.enrollment_id.as_str())
            .collect()
    }

    fn body(&self) -> Result<Body, Error> {
        self.validate()?;
        Body::typed(&CreateCustomerV2Body {
            request_name: "customer",
            lines: self.lines.iter().map(LineBody::from).collect(),
        })
    }

    fn settle(
        &self,
        output: CreatedCustomer,
        envelope: &Envelope<()>,
        redactor: &dyn Fn() -> Redactor,
    ) -> Result<CreatedCustomer, Error> {
        let repeat =
            !output.lines.is_empty() && output.lines.iter().all(CreatedLine::is_already_created);
        if !repeat {
            return Ok(output);
        }
        // Every line already existed: the call did nothing, as a repeat of an earlier one.
        let first = &output.lines[0];
        let said = first
            .errors
            .iter()
            .map(String::as_str)
            .chain(first.msg.as_deref())
            .find(|text| crate::models::says_already_created(text))
            .unwrap_or_default();
        let customer_id = output
            .lines
            .iter()
            .filter_map(|line| line.data.as_ref())
            .find_map(|data| data.customer_id.clone().or_else(|| data.cust_id.clone()));
        Err(Error::AlreadyCreated {
            operation: Self::OPERATION.action.to_owned(),
            enrollment_ids: self
                .enrollment_ids()
                .into_iter()
                .map(str::to_owned)
                .collect(),
            customer_id,
            code: first
                .msg_code
                .clone()
                .unwrap_or_else(|| envelope.msg_code.clone()),
            message: envelope.redactor(&redactor()).message(said),
            status: envelope.status,
        })
    }
}

impl FromData<Lines<CreatedLine>> for CreatedCustomer {
    fn from_data(lines: Lines<CreatedLine>, envelope: &Envelope<()>) -> Self {
        CreatedCustomer {
            external_transaction_id: envelope.external_transaction_id.clone(),
            lines: lines.0,
            extra: envelope.extra.clone(),
        }
    }
}
