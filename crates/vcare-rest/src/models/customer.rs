//! `/customer`: create_homephone_customer, create_prepaid_postpaid_customer_v2, customer_info.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize, Serializer};
use serde_json::Value;
use serde_with::serde_as;
use telecom_core::Secret;
use telecom_core::dates::IsoDate;

use crate::error::Error;
use crate::models::builder::request_builder;
use crate::models::common::{CustomerId, MsgCode, OrderId, PendingId, YesNo};
use crate::validate as check;

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

impl Serialize for OrderType {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
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

request_builder! {
    /// Builds a [`CreateHomephoneCustomer`]: every required field by name, so a zip code and
    /// a plan id cannot trade places.
    CreateHomephoneCustomer => CreateHomephoneCustomerBuilder {
        required {
            /// R: the enrollment id (`WN1597`), sent as `enroll_id`.
            into enrollment_id: String => "enroll_id",
            /// R: five-digit zip code.
            into zip_code: String => "zip_code",
            /// R: plan id (digits).
            into plan_id: String => "plan_id",
            /// R: the last four digits of the SSN.
            into ssnum: Secret => "ssnum",
            /// R: first name.
            into f_name: String => "f_name",
            /// R: carrier code (`ATTH`).
            into carrier: String => "carrier",
            /// R: ten-digit phone number.
            into phone_number: String => "phone_number",
        }
        optional {
            /// C: two-letter state.
            into state: String,
            /// C: city.
            into city: String,
            /// C: whether the service address is the same as the billing one.
            value sameaddress: bool,
            /// C: last name.
            into l_name: String,
            /// C: email address.
            into email: String,
            /// C: type of service (`2Bf-`).
            into type_of_service: String,
            /// C: service address house number.
            into service_address_number: String,
            /// C: service address street name.
            into service_address_street_name: String,
            /// C: service address street direction prefix (`E`).
            into service_address_street_directional_prefix: String,
            /// C: service address street type.
            into service_address_street_type: String,
            /// C: ten-digit telephone number.
            into telephone_number: String,
        }
        defaulted {
            /// R: the order type (default `new_order`).
            into order_type: OrderType,
        }
        lists {
            /// R: feature ids (digits), at least one.
            features: String,
        }
    }
}

impl CreateHomephoneCustomer {
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
    pub extra: BTreeMap<String, Value>,
}

/// `customer_info`: look a customer up by one or more keys.
#[serde_as]
#[derive(Debug, Clone, Deserialize)]
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

request_builder! {
    /// Builds a [`CustomerInfoRequest`]: give at least one lookup key.
    CustomerInfoRequest => CustomerInfoRequestBuilder {
        required {}
        optional {
            /// The enrollment id.
            into enrollment_id: String,
            /// The customer id.
            into customer_id: String,
            /// Email address.
            into email: String,
            /// Ten-digit phone number.
            into mdn: String,
            /// Last name.
            into last_name: String,
            /// Five-digit zip code.
            into zip_code: String,
            /// Last four SSN digits.
            into ssn_last_four: Secret,
            /// Account number.
            into account_number: String,
            /// Date of birth, sent as `YYYY-MM-DD`.
            value dob: time::Date,
            /// Ask for the security question answers too.
            value get_security_question_answer_detail: bool,
            /// Ask for beneficiary details too.
            value get_beneficiary_details: bool,
        }
        defaulted {}
        lists {}
    }
}

impl CustomerInfoRequest {
    pub(crate) fn validate(&self) -> Result<(), Error> {
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
                "is required (or another lookup key)",
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
        })
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
/// field list: the fields seen are typed and the rest kept in `extra`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct CustomerRecord {
    /// The enrollment id.
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_text")]
    pub enrollment_id: Option<String>,
    /// The customer id.
    #[serde(default)]
    pub customer_id: Option<CustomerId>,
    /// The SIM's ESN/ICCID, when assigned.
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_text")]
    pub esn_number: Option<String>,
    /// The plan's description.
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_text")]
    pub plan_description: Option<String>,
    /// Whether the line is an eSIM.
    #[serde(default)]
    pub is_esim: Option<YesNo>,
    /// The line's phone number (a number or a string on the wire).
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_text")]
    pub telephone_number: Option<String>,
    /// The line's status.
    #[serde(default)]
    pub status: Option<CustomerStatus>,
    /// Fields this version does not type.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// The `enrollment_type` of a new line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[non_exhaustive]
pub enum LineEnrollmentType {
    /// `SHIPMENT`: the SIM is shipped.
    Shipment,
    /// `HANDOVER`: the SIM is handed over in store.
    Handover,
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

request_builder! {
    /// Builds a [`PortIn`].
    PortIn => PortInBuilder {
        required {
            /// The ten-digit number to port.
            into port_number: String => "port_number",
            /// The account number at the losing carrier.
            into port_account_number: String => "port_account_number",
            /// The account password or PIN at the losing carrier.
            into port_account_password: Secret => "port_account_password",
            /// The account holder's first name.
            into port_first_name: String => "port_first_name",
            /// The account holder's last name.
            into port_last_name: String => "port_last_name",
            /// Address line one.
            into port_address_one: String => "port_address_one",
            /// City.
            into port_city: String => "port_city",
            /// Two-letter state.
            into port_state: String => "port_state",
            /// Five-digit zip code.
            into port_zip_code: String => "port_zip_code",
        }
        optional {
            /// The losing carrier.
            into port_current_carrier: String,
            /// Address line two.
            into port_address_two: String,
        }
        defaulted {}
        lists {}
    }
}

impl PortIn {
    pub(crate) fn validate(&self) -> Result<(), Error> {
        check::phone10("port_number", &self.port_number)?;
        check::non_empty("port_account_number", &self.port_account_number)?;
        check::non_empty("port_account_password", self.port_account_password.expose())?;
        check::non_empty("port_first_name", &self.port_first_name)?;
        check::non_empty("port_last_name", &self.port_last_name)?;
        check::non_empty("port_address_one", &self.port_address_one)?;
        check::non_empty("port_city", &self.port_city)?;
        check::state("port_state", &self.port_state)?;
        check::zip("port_zip_code", &self.port_zip_code)
    }
}

/// One line of a `create_prepaid_postpaid_customer_v2` request.
///
/// The vendor documents these fields through an example rather than a table; those the
/// action cannot do without are required here, the rest are optional and shape-checked.
#[derive(Debug, Clone, Deserialize)]
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

request_builder! {
    /// Builds a [`NewLine`].
    NewLine => NewLineBuilder {
        required {
            /// R: the enrollment id from check_service_availability.
            into enrollment_id: String => "enrollment_id",
            /// R: first name.
            into first_name: String => "first_name",
            /// R: last name.
            into last_name: String => "last_name",
            /// R: the plan id (a number on the wire, `5781`).
            value plan_id: u64 => "plan_id",
        }
        optional {
            /// The parent enrollment id (family lines).
            into parent_enrollment_id: String,
            /// The `order_id` make_payment returned.
            into order_id: OrderId,
            /// The customer's account password.
            into password: Secret,
            /// The customer's account PIN.
            into pin: Secret,
            /// Middle name.
            into middle_name: String,
            /// Email address.
            into email: String,
            /// Ten-digit alternate phone number.
            into alternate_phone_number: String,
            /// Service address line one.
            into service_address_one: String,
            /// Service address line two.
            into service_address_two: String,
            /// Service city.
            into service_city: String,
            /// Service state, two letters.
            into service_state: String,
            /// Service zip code, five digits.
            into service_zip: String,
            /// Billing address line one.
            into billing_address_one: String,
            /// Billing address line two.
            into billing_address_two: String,
            /// Billing city.
            into billing_city: String,
            /// Billing state, two letters.
            into billing_state: String,
            /// Billing zip code, five digits.
            into billing_zip: String,
            /// Device id.
            into device_id: String,
            /// SIM number.
            into sim: String,
            /// Carrier code (`BLUECONNECTSATT`).
            into carrier: String,
            /// Whether the line is an eSIM (`Y`/`N`).
            value is_esim: bool,
            /// How the SIM reaches the customer.
            value enrollment_type: LineEnrollmentType,
            /// Months billed in advance.
            value no_of_advance_month: u32,
            /// The child invoice number.
            into child_invoice_number: String,
            /// The number to port in, if any.
            value port: PortIn,
        }
        defaulted {}
        lists {}
    }
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
        check::opt(self.port.as_ref(), PortIn::validate)
    }
}

/// `create_prepaid_postpaid_customer_v2`: create one or more lines.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct CreateCustomerV2 {
    /// The lines, at least one.
    pub lines: Vec<NewLine>,
}

request_builder! {
    /// Builds a [`CreateCustomerV2`].
    CreateCustomerV2 => CreateCustomerV2Builder {
        required {}
        optional {}
        defaulted {}
        lists {
            /// The lines, at least one.
            lines: NewLine,
        }
    }
}

impl CreateCustomerV2 {
    pub(crate) fn validate(&self) -> Result<(), Error> {
        if self.lines.is_empty() {
            return Err(Error::invalid("lines", "is required (at least one line)"));
        }
        self.lines.iter().try_for_each(NewLine::validate)
    }
}

/// What `create_prepaid_postpaid_customer_v2` answers: one result per line. A line can fail
/// while the call as a whole succeeds; check [`CreatedLine::is_success`] and
/// [`CreatedLine::is_already_created`]. When every line was already created, the call is
/// [`Error::AlreadyCreated`] instead.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct CreatedCustomer {
    /// The `external_transaction_id` echoed back.
    pub external_transaction_id: Option<String>,
    /// One entry per requested line, in order.
    pub lines: Vec<CreatedLine>,
    /// Top-level answer fields this version does not type.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// The result of one line.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct CreatedLine {
    /// The created line, when it was created.
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_object")]
    pub data: Option<CreatedLineData>,
    /// The line's message ("Customer is already created ..." on a repeat).
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_text")]
    pub msg: Option<String>,
    /// The line's code.
    #[serde(default)]
    pub msg_code: Option<MsgCode>,
    /// The line's own `errors`, when it failed.
    #[serde(default, deserialize_with = "telecom_core::lenient::string_list")]
    pub errors: Vec<String>,
    /// Fields this version does not type.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl CreatedLine {
    /// True when this line was created.
    pub fn is_success(&self) -> bool {
        self.msg_code.as_ref().is_none_or(MsgCode::is_success)
            && self.errors.is_empty()
            && self.data.is_some()
    }

    /// True when the vendor says this line's enrollment already has its customer (a repeat
    /// create): an earlier call did it.
    pub fn is_already_created(&self) -> bool {
        !self.is_success()
            && self
                .errors
                .iter()
                .map(String::as_str)
                .chain(self.msg.as_deref())
                .any(says_already_created)
    }
}

/// True for the vendor's answer to a create whose enrollment already has its customer
/// ("Customer is already created for this enrollment"; the exact wording is not documented,
/// so the telling words are matched without case).
pub(crate) fn says_already_created(text: &str) -> bool {
    let text = text.to_ascii_lowercase();
    text.contains("already created") && text.contains("customer")
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
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_text")]
    pub enrollment_id: Option<String>,
    /// The enrollment type.
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_text")]
    pub enrollment_type: Option<String>,
    /// The invoice number.
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_text")]
    pub invoice_number: Option<String>,
    /// The line's number, once assigned (a number, a string or null on the wire).
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_text")]
    pub mdn: Option<String>,
    /// The MSID.
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_text")]
    pub msid: Option<String>,
    /// The MSL.
    #[serde(default, deserialize_with = "telecom_core::lenient::opt_text")]
    pub msl: Option<String>,
    /// eSIM activation details, for eSIM lines.
    #[serde(default)]
    pub esim: Option<Value>,
    /// Fields this version does not type.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}
