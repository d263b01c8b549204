//! `/customer`: create_homephone_customer, create_prepaid_postpaid_customer_v2, customer_info.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use serde_with::serde_as;
use telecom_core::Secret;
use telecom_core::dates::IsoDate;

use crate::error::Error;
use crate::models::common::{CustomerId, MsgCode, OrderId, PendingId, YesNo};
use crate::validate as check;
use crate::wire::Body;

/// The `order_type` of a home phone order. The spec documents only `new_order`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum OrderType {
    /// `new_order`.
    #[default]
    NewOrder,
    /// Another order type the agent's configuration allows, sent as given
    /// (lower-case letters and underscores).
    Other(String),
}

impl OrderType {
    /// The wire text.
    pub fn as_str(&self) -> &str {
        match self {
            OrderType::NewOrder => "new_order",
            OrderType::Other(text) => text,
        }
    }
}

impl From<String> for OrderType {
    fn from(text: String) -> Self {
        if text == "new_order" {
            OrderType::NewOrder
        } else {
            OrderType::Other(text)
        }
    }
}

impl<'de> Deserialize<'de> for OrderType {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(OrderType::from)
    }
}

/// The `create_homephone_customer` request: every field of the spec's table.
///
/// The enrollment id goes on the wire as **`enroll_id`**, as in the spec's sample request:
/// the vendor sheet lists this action among the older ones that use that name (the spec's
/// table says `enrollment_id`). See `docs/vendors/vcare.md`.
///
/// The spec marks several fields Conditional without saying on what; they are optional
/// here and checked for shape when given.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct CreateHomephoneCustomer {
    /// R: the enrollment id (`WN1597`), from check_service_availability.
    pub enrollment_id: String,
    /// R: five-digit zip code.
    pub zip_code: String,
    /// R: feature ids (digits), at least one.
    pub features: Vec<String>,
    /// R: plan id (digits).
    pub plan_id: String,
    /// R: the order type (`new_order`).
    #[serde(default)]
    pub order_type: OrderType,
    /// R: the last four digits of the SSN.
    pub ssnum: Secret,
    /// C: two-letter state.
    #[serde(default)]
    pub state: Option<String>,
    /// C: city.
    #[serde(default)]
    pub city: Option<String>,
    /// C: whether the service address is the same as the billing one (`"1"`/`"0"`).
    #[serde(default)]
    pub sameaddress: Option<bool>,
    /// R: first name.
    pub f_name: String,
    /// C: last name.
    #[serde(default)]
    pub l_name: Option<String>,
    /// R: carrier code (`ATTH`).
    pub carrier: String,
    /// C: email address.
    #[serde(default)]
    pub email: Option<String>,
    /// C: type of service (`2Bf-`).
    #[serde(default)]
    pub type_of_service: Option<String>,
    /// C: service address house number.
    #[serde(default)]
    pub service_address_number: Option<String>,
    /// C: service address street name.
    #[serde(default)]
    pub service_address_street_name: Option<String>,
    /// C: service address street direction prefix (`E`).
    #[serde(default)]
    pub service_address_street_directional_prefix: Option<String>,
    /// C: service address street type.
    #[serde(default)]
    pub service_address_street_type: Option<String>,
    /// R: ten-digit phone number.
    pub phone_number: String,
    /// C: ten-digit telephone number.
    #[serde(default)]
    pub telephone_number: Option<String>,
}

impl CreateHomephoneCustomer {
    /// A request with the required fields; set the conditional ones on the result.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        enrollment_id: impl Into<String>,
        zip_code: impl Into<String>,
        features: Vec<String>,
        plan_id: impl Into<String>,
        ssnum: impl Into<Secret>,
        f_name: impl Into<String>,
        carrier: impl Into<String>,
        phone_number: impl Into<String>,
    ) -> Self {
        CreateHomephoneCustomer {
            enrollment_id: enrollment_id.into(),
            zip_code: zip_code.into(),
            features,
            plan_id: plan_id.into(),
            order_type: OrderType::NewOrder,
            ssnum: ssnum.into(),
            state: None,
            city: None,
            sameaddress: None,
            f_name: f_name.into(),
            l_name: None,
            carrier: carrier.into(),
            email: None,
            type_of_service: None,
            service_address_number: None,
            service_address_street_name: None,
            service_address_street_directional_prefix: None,
            service_address_street_type: None,
            phone_number: phone_number.into(),
            telephone_number: None,
        }
    }

    pub(crate) fn validate(&self) -> Result<(), Error> {
        check::alphanumeric("enroll_id", &self.enrollment_id)?;
        check::zip("zip_code", &self.zip_code)?;
        if self.features.is_empty() {
            return Err(Error::invalid(
                "features",
                "at least one feature id is required",
            ));
        }
        for feature in &self.features {
            check::numeric("features", feature)?;
        }
        check::numeric("plan_id", &self.plan_id)?;
        match &self.order_type {
            OrderType::NewOrder => {}
            OrderType::Other(text) => {
                if text.is_empty() || !text.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
                    return Err(Error::invalid(
                        "order_type",
                        "must be lower-case letters and underscores",
                    ));
                }
            }
        }
        check::digits("ssnum", self.ssnum.expose(), 4)?;
        check::opt(self.state.as_deref(), |s| check::state("state", s))?;
        check::opt(self.city.as_deref(), |s| check::non_empty("city", s))?;
        check::non_empty("f_name", &self.f_name)?;
        check::opt(self.l_name.as_deref(), |s| check::non_empty("l_name", s))?;
        check::non_empty("carrier", &self.carrier)?;
        check::opt(self.email.as_deref(), |s| check::email("email", s))?;
        check::phone10("phone_number", &self.phone_number)?;
        check::opt(self.telephone_number.as_deref(), |s| {
            check::phone10("telephone_number", s)
        })?;
        Ok(())
    }
}

/// What `create_homephone_customer` answers.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct HomephoneCustomer {
    /// The pending order id (a number in the spec's sample).
    #[serde(default)]
    pub pending_id: Option<PendingId>,
    /// The customer id (a string in the spec's sample).
    #[serde(default)]
    pub customer_id: Option<CustomerId>,
    /// Fields this version does not type.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

/// `customer_info`: look a customer up by one or more keys.
#[serde_as]
#[derive(Debug, Clone, Default, Deserialize)]
#[non_exhaustive]
pub struct CustomerInfoRequest {
    /// The enrollment id.
    #[serde(default)]
    pub enrollment_id: Option<String>,
    /// The customer id.
    #[serde(default)]
    pub customer_id: Option<String>,
    /// Email address.
    #[serde(default)]
    pub email: Option<String>,
    /// Ten-digit phone number.
    #[serde(default)]
    pub mdn: Option<String>,
    /// Last name.
    #[serde(default)]
    pub last_name: Option<String>,
    /// Five-digit zip code.
    #[serde(default)]
    pub zip_code: Option<String>,
    /// Last four SSN digits.
    #[serde(default)]
    pub ssn_last_four: Option<Secret>,
    /// Account number.
    #[serde(default)]
    pub account_number: Option<String>,
    /// Date of birth, sent as `YYYY-MM-DD`.
    #[serde_as(as = "Option<IsoDate>")]
    #[serde(default)]
    pub dob: Option<time::Date>,
    /// Ask for the security question answers too.
    #[serde(default)]
    pub get_security_question_answer_detail: Option<bool>,
    /// Ask for beneficiary details too.
    #[serde(default)]
    pub get_beneficiary_details: Option<bool>,
}

impl CustomerInfoRequest {
    /// A lookup by enrollment id.
    pub fn by_enrollment_id(enrollment_id: impl Into<String>) -> Self {
        CustomerInfoRequest {
            enrollment_id: Some(enrollment_id.into()),
            ..Default::default()
        }
    }
}

telecom_core::open_enum! {
    /// A line's status as customer_info reports it.
    pub enum CustomerStatus {
        /// `Active`.
        Active => "Active",
        /// `Suspend`.
        Suspended => "Suspend" | "Suspended",
    }
}

/// One line of a customer, as customer_info answers. The vendor has not published the full
/// field list: the fields seen are typed and the rest kept in `other`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct CustomerRecord {
    /// The enrollment id.
    #[serde(default, deserialize_with = "crate::de::opt_text")]
    pub enrollment_id: Option<String>,
    /// The customer id.
    #[serde(default)]
    pub customer_id: Option<CustomerId>,
    /// The SIM's ESN/ICCID, when assigned.
    #[serde(default, deserialize_with = "crate::de::opt_text")]
    pub esn_number: Option<String>,
    /// The plan's description.
    #[serde(default, deserialize_with = "crate::de::opt_text")]
    pub plan_description: Option<String>,
    /// Whether the line is an eSIM.
    #[serde(default)]
    pub is_esim: Option<YesNo>,
    /// The line's phone number (a number or a string on the wire).
    #[serde(default, deserialize_with = "crate::de::opt_text")]
    pub telephone_number: Option<String>,
    /// The line's status.
    #[serde(default)]
    pub status: Option<CustomerStatus>,
    /// Fields this version does not type.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

/// The `enrollment_type` of a new line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[non_exhaustive]
pub enum LineEnrollmentType {
    /// `SHIPMENT`: the SIM is shipped.
    Shipment,
    /// `HANDOVER`: the SIM is handed over in store.
    Handover,
}

impl LineEnrollmentType {
    fn as_str(self) -> &'static str {
        match self {
            LineEnrollmentType::Shipment => "SHIPMENT",
            LineEnrollmentType::Handover => "HANDOVER",
        }
    }
}

/// The number to port in with a new line; sending it sets `is_portin` to `Y`.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct PortIn {
    /// The ten-digit number to port.
    pub port_number: String,
    /// The losing carrier.
    #[serde(default)]
    pub port_current_carrier: Option<String>,
    /// The account number at the losing carrier.
    pub port_account_number: String,
    /// The account password or PIN at the losing carrier.
    pub port_account_password: Secret,
    /// The account holder's first name.
    pub port_first_name: String,
    /// The account holder's last name.
    pub port_last_name: String,
    /// Address line one.
    pub port_address_one: String,
    /// Address line two.
    #[serde(default)]
    pub port_address_two: Option<String>,
    /// City.
    pub port_city: String,
    /// Two-letter state.
    pub port_state: String,
    /// Five-digit zip code.
    pub port_zip_code: String,
}

/// One line of a `create_prepaid_postpaid_customer_v2` request.
///
/// The vendor documents these fields through an example rather than a table; those the
/// action cannot do without are required here, the rest are optional and shape-checked.
#[derive(Debug, Clone, Default, Deserialize)]
#[non_exhaustive]
pub struct NewLine {
    /// R: the enrollment id from check_service_availability.
    pub enrollment_id: String,
    /// The parent enrollment id (family lines).
    #[serde(default)]
    pub parent_enrollment_id: Option<String>,
    /// The `order_id` make_payment returned.
    #[serde(default)]
    pub order_id: Option<OrderId>,
    /// The customer's account password.
    #[serde(default)]
    pub password: Option<Secret>,
    /// The customer's account PIN.
    #[serde(default)]
    pub pin: Option<Secret>,
    /// R: first name.
    pub first_name: String,
    /// Middle name.
    #[serde(default)]
    pub middle_name: Option<String>,
    /// R: last name.
    pub last_name: String,
    /// Email address.
    #[serde(default)]
    pub email: Option<String>,
    /// Ten-digit alternate phone number.
    #[serde(default)]
    pub alternate_phone_number: Option<String>,
    /// Service address line one.
    #[serde(default)]
    pub service_address_one: Option<String>,
    /// Service address line two.
    #[serde(default)]
    pub service_address_two: Option<String>,
    /// Service city.
    #[serde(default)]
    pub service_city: Option<String>,
    /// Service state, two letters.
    #[serde(default)]
    pub service_state: Option<String>,
    /// Service zip code, five digits.
    #[serde(default)]
    pub service_zip: Option<String>,
    /// Billing address line one.
    #[serde(default)]
    pub billing_address_one: Option<String>,
    /// Billing address line two.
    #[serde(default)]
    pub billing_address_two: Option<String>,
    /// Billing city.
    #[serde(default)]
    pub billing_city: Option<String>,
    /// Billing state, two letters.
    #[serde(default)]
    pub billing_state: Option<String>,
    /// Billing zip code, five digits.
    #[serde(default)]
    pub billing_zip: Option<String>,
    /// R: the plan id (a number on the wire, `5781`).
    pub plan_id: u64,
    /// Device id.
    #[serde(default)]
    pub device_id: Option<String>,
    /// SIM number.
    #[serde(default)]
    pub sim: Option<String>,
    /// Carrier code (`BLUECONNECTSATT`).
    #[serde(default)]
    pub carrier: Option<String>,
    /// Whether the line is an eSIM (`Y`/`N`).
    #[serde(default)]
    pub is_esim: Option<bool>,
    /// How the SIM reaches the customer.
    #[serde(default)]
    pub enrollment_type: Option<LineEnrollmentType>,
    /// Months billed in advance.
    #[serde(default)]
    pub no_of_advance_month: Option<u32>,
    /// The child invoice number.
    #[serde(default)]
    pub child_invoice_number: Option<String>,
    /// The number to port in, if any.
    #[serde(default)]
    pub port: Option<PortIn>,
}

impl NewLine {
    pub(crate) fn validate(&self) -> Result<(), Error> {
        check::alphanumeric("enrollment_id", &self.enrollment_id)?;
        check::opt(self.parent_enrollment_id.as_deref(), |s| {
            check::alphanumeric("parent_enrollment_id", s)
        })?;
        check::non_empty("first_name", &self.first_name)?;
        check::non_empty("last_name", &self.last_name)?;
        check::opt(self.email.as_deref(), |s| check::email("email", s))?;
        check::opt(self.alternate_phone_number.as_deref(), |s| {
            check::phone10("alternate_phone_number", s)
        })?;
        check::opt(self.service_state.as_deref(), |s| {
            check::state("service_state", s)
        })?;
        check::opt(self.service_zip.as_deref(), |s| {
            check::zip("service_zip", s)
        })?;
        check::opt(self.billing_state.as_deref(), |s| {
            check::state("billing_state", s)
        })?;
        check::opt(self.billing_zip.as_deref(), |s| {
            check::zip("billing_zip", s)
        })?;
        if let Some(port) = &self.port {
            check::phone10("port_number", &port.port_number)?;
            check::non_empty("port_account_number", &port.port_account_number)?;
            check::non_empty("port_account_password", port.port_account_password.expose())?;
            check::non_empty("port_first_name", &port.port_first_name)?;
            check::non_empty("port_last_name", &port.port_last_name)?;
            check::non_empty("port_address_one", &port.port_address_one)?;
            check::non_empty("port_city", &port.port_city)?;
            check::state("port_state", &port.port_state)?;
            check::zip("port_zip_code", &port.port_zip_code)?;
        }
        Ok(())
    }

    pub(crate) fn write(&self) -> Body {
        let order_id = self.order_id.as_ref().map(|id| match id.as_u64() {
            Some(n) => Value::from(n),
            None => Value::from(id.as_str()),
        });
        let mut body = Body::new()
            .str("enrollment_id", &self.enrollment_id)
            .opt_str("parent_enrollment_id", self.parent_enrollment_id.as_deref())
            .opt_secret("password", self.password.as_ref())
            .opt_secret("pin", self.pin.as_ref())
            .str("first_name", &self.first_name)
            .opt_str("middle_name", self.middle_name.as_deref())
            .str("last_name", &self.last_name)
            .opt_str("email", self.email.as_deref())
            .opt_str(
                "alternate_phone_number",
                self.alternate_phone_number.as_deref(),
            )
            .opt_str("service_address_one", self.service_address_one.as_deref())
            .opt_str("service_address_two", self.service_address_two.as_deref())
            .opt_str("service_city", self.service_city.as_deref())
            .opt_str("service_state", self.service_state.as_deref())
            .opt_str("service_zip", self.service_zip.as_deref())
            .opt_str("billing_address_one", self.billing_address_one.as_deref())
            .opt_str("billing_address_two", self.billing_address_two.as_deref())
            .opt_str("billing_city", self.billing_city.as_deref())
            .opt_str("billing_state", self.billing_state.as_deref())
            .opt_str("billing_zip", self.billing_zip.as_deref())
            .value("plan_id", Value::from(self.plan_id))
            .opt_str("device_id", self.device_id.as_deref())
            .opt_str("sim", self.sim.as_deref())
            .opt_str("carrier", self.carrier.as_deref())
            .opt_yn("is_esim", self.is_esim)
            .opt_str(
                "enrollment_type",
                self.enrollment_type.map(LineEnrollmentType::as_str),
            )
            .opt_str("child_invoice_number", self.child_invoice_number.as_deref())
            .yn("is_portin", self.port.is_some());
        if let Some(order_id) = order_id {
            body = body.value("order_id", order_id);
        }
        if let Some(months) = self.no_of_advance_month {
            body = body.value("no_of_advance_month", Value::from(months));
        }
        if let Some(port) = &self.port {
            body = body
                .str("port_number", &port.port_number)
                .opt_str("port_current_carrier", port.port_current_carrier.as_deref())
                .str("port_account_number", &port.port_account_number)
                .secret("port_account_password", &port.port_account_password)
                .str("port_first_name", &port.port_first_name)
                .str("port_last_name", &port.port_last_name)
                .str("port_address_one", &port.port_address_one)
                .opt_str("port_address_two", port.port_address_two.as_deref())
                .str("port_city", &port.port_city)
                .str("port_state", &port.port_state)
                .str("port_zip_code", &port.port_zip_code);
        }
        body
    }
}

/// `create_prepaid_postpaid_customer_v2`: create one or more lines.
#[derive(Debug, Clone, Default, Deserialize)]
#[non_exhaustive]
pub struct CreateCustomerV2 {
    /// The lines, at least one.
    pub lines: Vec<NewLine>,
}

impl CreateCustomerV2 {
    /// A request for these lines.
    pub fn new(lines: Vec<NewLine>) -> Self {
        CreateCustomerV2 { lines }
    }
}

/// What `create_prepaid_postpaid_customer_v2` answers: one result per line. A line can fail
/// while the call as a whole succeeds; check [`CreatedLine::is_success`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct CreatedCustomer {
    /// The `external_transaction_id` echoed back.
    pub external_transaction_id: Option<String>,
    /// One entry per requested line, in order.
    pub lines: Vec<CreatedLine>,
}

/// The result of one line.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct CreatedLine {
    /// The created line, when it was created.
    #[serde(default, deserialize_with = "crate::de::opt_object")]
    pub data: Option<CreatedLineData>,
    /// The line's message ("Customer is already created ..." on a repeat).
    #[serde(default, deserialize_with = "crate::de::opt_text")]
    pub msg: Option<String>,
    /// The line's code.
    #[serde(default)]
    pub msg_code: Option<MsgCode>,
}

impl CreatedLine {
    /// True when this line was created.
    pub fn is_success(&self) -> bool {
        self.msg_code.as_ref().is_none_or(MsgCode::is_success) && self.data.is_some()
    }
}

/// A created line.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct CreatedLineData {
    /// `cust_id`.
    #[serde(default)]
    pub cust_id: Option<CustomerId>,
    /// `customer_id`.
    #[serde(default)]
    pub customer_id: Option<CustomerId>,
    /// The enrollment id.
    #[serde(default, deserialize_with = "crate::de::opt_text")]
    pub enrollment_id: Option<String>,
    /// The enrollment type.
    #[serde(default, deserialize_with = "crate::de::opt_text")]
    pub enrollment_type: Option<String>,
    /// The invoice number.
    #[serde(default, deserialize_with = "crate::de::opt_text")]
    pub invoice_number: Option<String>,
    /// The line's number, once assigned (a number, a string or null on the wire).
    #[serde(default, deserialize_with = "crate::de::opt_text")]
    pub mdn: Option<String>,
    /// The MSID.
    #[serde(default, deserialize_with = "crate::de::opt_text")]
    pub msid: Option<String>,
    /// The MSL.
    #[serde(default, deserialize_with = "crate::de::opt_text")]
    pub msl: Option<String>,
    /// eSIM activation details, for eSIM lines.
    #[serde(default)]
    pub esim: Option<Value>,
    /// Fields this version does not type.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}
