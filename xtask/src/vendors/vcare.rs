//! Conformance adapter for `vcare-rest`.
//!
//! Operation names are the vendor's `action` values, plus `authenticate` (the client's
//! start-up credential check) and `call_raw` (the low-level escape hatch: input
//! `{"module", "action", "body", "idempotent"}`). Inputs are the crate's typed requests as
//! JSON. Every client is built with the credentials `V1` / `apiuser` / `api-pass` / `1234`
//! and agent `ewebsiteapi`, so fixtures can pin the `/authenticate` body.
//!
//! Errors map to kinds: `invalid_input`, `transport`, `timeout`, `http_status` (with
//! `status`), `decode`, `vendor` (with `code` and `status`), `auth` (with `code`), and two
//! kinds of this adapter's own: `token_rejected` (with `code`), the vendor refusing the token a
//! second time after the client re-authenticated, and `already_created` (with `code` and
//! `status`), a create repeated for an enrollment that already has its customer.
//!
//! `client` settings: `timeout_ms` (per attempt, default 2000), `max_attempts` (default 2),
//! `token_max_age_ms` (default the crate's 10 s), `reuse_tokens` (default true), `source`
//! (default `API`), `agent_password`, `external_transaction_id` (set on every call).

use async_trait::async_trait;
use serde::Deserialize;
use serde_json::Value;
use vcare_rest::{
    AddTopup, CallKind, CheckDeviceCompatibility, CheckServiceAvailability, Client,
    CreateCustomerV2, CreateHomephoneCustomer, Credentials, CustomerInfoRequest, Error, GetUsage,
    MakePayment, PlanList, QueryPortin, SimSwap, Source, TopupList,
};

use crate::adapter::{
    CaseContext, FixtureError, Outcome, VendorAdapter, VendorSession, input, outcome, typed,
};

/// Runs `fixtures/vcare` against `vcare-rest`.
pub struct Adapter;

#[async_trait]
impl VendorAdapter for Adapter {
    fn name(&self) -> &'static str {
        "vcare"
    }

    fn operations(&self) -> &'static [&'static str] {
        &[
            "authenticate",
            "create_homephone_customer",
            "check_service_availability",
            "plan_list",
            "customer_info",
            "create_prepaid_postpaid_customer_v2",
            "make_payment",
            "query_portin",
            "sim_swap",
            "check_device_compatibility",
            "get_usage",
            "topup_list",
            "add_topup",
            "call_raw",
        ]
    }

    async fn connect(&self, ctx: &CaseContext) -> Result<Box<dyn VendorSession>, String> {
        let credentials = Credentials {
            vendor_id: "V1".into(),
            username: "apiuser".into(),
            password: "api-pass".into(),
            pin: "1234".into(),
            agent_id: "ewebsiteapi".into(),
            agent_password: ctx
                .setting("agent_password")
                .and_then(Value::as_str)
                .map(Into::into),
        };
        let mut builder = Client::builder(credentials)
            .base_url(ctx.server("api")?)
            .timeouts(ctx.timeouts())
            .retry_policy(ctx.retry_policy(2));
        if let Some(age) = ctx.millis("token_max_age_ms") {
            builder = builder.token_max_age(age);
        }
        if let Some(reuse) = ctx.setting("reuse_tokens").and_then(Value::as_bool) {
            builder = builder.reuse_tokens(reuse);
        }
        if let Some(source) = ctx.setting("source").and_then(Value::as_str) {
            builder = builder.source(source.parse::<Source>().map_err(|e| e.to_string())?);
        }
        let mut client = builder.build().map_err(|e| e.to_string())?;
        if let Some(id) = ctx
            .setting("external_transaction_id")
            .and_then(Value::as_str)
        {
            client = client.with_external_transaction_id(id);
        }
        Ok(Box::new(Session { client }))
    }
}

struct Session {
    client: Client,
}

#[derive(Deserialize)]
struct RawCall {
    module: String,
    action: String,
    #[serde(default)]
    body: Value,
    #[serde(default)]
    idempotent: bool,
}

impl FixtureError for Error {
    fn kind(&self) -> &'static str {
        match self {
            Error::InvalidInput { .. } => "invalid_input",
            Error::Transport { .. } => "transport",
            Error::Timeout { .. } => "timeout",
            Error::HttpStatus { .. } => "http_status",
            Error::Decode { .. } => "decode",
            Error::Vendor { .. } => "vendor",
            Error::Auth { .. } => "auth",
            Error::TokenRejected { .. } => "token_rejected",
            Error::AlreadyCreated { .. } => "already_created",
            _ => "other",
        }
    }

    fn code(&self) -> Option<String> {
        self.vendor_code().map(str::to_owned)
    }

    fn status(&self) -> Option<u16> {
        Error::status(self)
    }
}

#[async_trait]
impl VendorSession for Session {
    async fn call(&self, operation: &str, input_value: &Value) -> Outcome {
        let c = &self.client;
        match operation {
            "authenticate" => outcome(c.authenticate().await),
            "create_homephone_customer" => {
                typed!(
                    c,
                    input_value,
                    CreateHomephoneCustomer,
                    create_homephone_customer
                )
            }
            "check_service_availability" => {
                typed!(
                    c,
                    input_value,
                    CheckServiceAvailability,
                    check_service_availability
                )
            }
            "plan_list" => typed!(c, input_value, PlanList, plan_list),
            "customer_info" => typed!(c, input_value, CustomerInfoRequest, customer_info),
            "create_prepaid_postpaid_customer_v2" => {
                typed!(
                    c,
                    input_value,
                    CreateCustomerV2,
                    create_prepaid_postpaid_customer_v2
                )
            }
            "make_payment" => typed!(c, input_value, MakePayment, make_payment),
            "query_portin" => typed!(c, input_value, QueryPortin, query_portin),
            "sim_swap" => typed!(c, input_value, SimSwap, sim_swap),
            "check_device_compatibility" => {
                typed!(
                    c,
                    input_value,
                    CheckDeviceCompatibility,
                    check_device_compatibility
                )
            }
            "get_usage" => typed!(c, input_value, GetUsage, get_usage),
            "topup_list" => typed!(c, input_value, TopupList, topup_list),
            "add_topup" => typed!(c, input_value, AddTopup, add_topup),
            "call_raw" => match input::<RawCall>(input_value) {
                Ok(raw) => {
                    let kind = if raw.idempotent {
                        CallKind::Read
                    } else {
                        CallKind::Write
                    };
                    outcome(c.call_raw(&raw.module, &raw.action, &raw.body, kind).await)
                }
                Err(bad) => bad,
            },
            _ => Outcome::UnknownOperation,
        }
    }
}
