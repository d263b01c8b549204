//! Conformance adapter for `traitel-am`.
//!
//! Operation names are the API's `mode` values. Inputs are the crate's typed inputs as
//! JSON; log modes are collected whole and rendered as an array. Errors map to kinds:
//! `invalid_input`, `transport`, `timeout`, `http_status` (with `status`), `decode`, and
//! `vendor` (with `code`, `Error 002` included). Unit results render as `null`.
//!
//! `client` settings: `timeout_ms` (per attempt, default 2000), `connect_timeout_ms`
//! (default 1000), `max_attempts` (rounds over both gateways, default 2), `method`
//! (`"post"`, the default, or `"get"`), `no_alternate` (true: primary only).

use async_trait::async_trait;
use serde::Deserialize;
use serde_json::Value;
use traitel_am::{
    AssignNumber, CityQuery, Client, Credentials, DidQuery, Error, IvmlUpdate, LogQuery, LogRow,
    LogStream, NewIvml, NewSubAccount, NumberFilter, RequestMethod, Service, SmsCostQuery,
    SubAccountUpdate, SubscribeDid,
};

use crate::adapter::{
    CaseContext, ErrorOutcome, FixtureError, Outcome, VendorAdapter, VendorSession, input, outcome,
};

/// Runs `fixtures/traitel` against `traitel-am`.
pub struct Adapter;

/// The gateway script's path on both local servers.
const PATH: &str = "/accountmanager.pl";

#[async_trait]
impl VendorAdapter for Adapter {
    fn name(&self) -> &'static str {
        "traitel"
    }

    fn operations(&self) -> &'static [&'static str] {
        &[
            "querybalance",
            "querysubaccounts",
            "addsubaccount",
            "delsubaccount",
            "updatesubaccount",
            "querynumbers",
            "assignnumber",
            "querydidcountries",
            "querydidcities",
            "querydids",
            "subscribedid",
            "listivr",
            "listivml",
            "addivml",
            "updateivml",
            "deleteivml",
            "logfaxin",
            "logfaxout",
            "logvoicein",
            "logvoiceout",
            "logsmsin",
            "logsmsout",
            "settimezone",
            "querytimezone",
            "querysmscost",
            "queryvoicecost",
            "queryfaxcost",
        ]
    }

    fn servers(&self) -> &'static [&'static str] {
        &["primary", "alternate"]
    }

    async fn connect(&self, ctx: &CaseContext) -> Result<Box<dyn VendorSession>, String> {
        let method = match ctx.setting("method").and_then(Value::as_str) {
            None | Some("post") => RequestMethod::PostForm,
            Some("get") => RequestMethod::GetQuery,
            Some(other) => return Err(format!("unknown client.method {other:?}")),
        };
        let mut builder = Client::builder(Credentials::new("demo", "s3cret-pass"))
            .base_url(format!("{}{PATH}", ctx.server("primary")?))
            .alternate_url(format!("{}{PATH}", ctx.server("alternate")?))
            .method(method)
            .timeouts(ctx.timeouts())
            .retry_policy(ctx.retry_policy(2));
        if ctx.setting("no_alternate").and_then(Value::as_bool) == Some(true) {
            builder = builder.without_alternate();
        }
        let client = builder.build().map_err(|e| e.to_string())?;
        Ok(Box::new(Session { client }))
    }
}

struct Session {
    client: Client,
}

#[derive(Deserialize)]
struct SubId {
    subid: String,
}

#[derive(Deserialize)]
struct IvmlId {
    ivmlid: String,
}

#[derive(Deserialize)]
struct ServiceInput {
    service: Service,
}

#[derive(Deserialize)]
struct Tz {
    tz: String,
}

#[derive(Deserialize)]
struct NumberInput {
    number: String,
}

/// A missing or `null` input is an empty object, for operations with optional fields.
fn object(value: &Value) -> Value {
    if value.is_null() {
        Value::Object(serde_json::Map::new())
    } else {
        value.clone()
    }
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
            _ => "unknown",
        }
    }

    fn code(&self) -> Option<String> {
        self.vendor_code().map(str::to_owned)
    }

    fn status(&self) -> Option<u16> {
        Error::status(self)
    }
}

async fn collect<T: LogRow + serde::Serialize>(stream: Result<LogStream<T>, Error>) -> Outcome {
    match stream {
        Ok(rows) => outcome(rows.collect_all().await),
        Err(e) => Outcome::Err(ErrorOutcome::from_error(&e)),
    }
}

#[async_trait]
impl VendorSession for Session {
    async fn call(&self, operation: &str, raw: &Value) -> Outcome {
        match self.run(operation, raw).await {
            Ok(outcome) | Err(outcome) => outcome,
        }
    }
}

impl Session {
    async fn run(&self, operation: &str, raw: &Value) -> Result<Outcome, Outcome> {
        let c = &self.client;
        Ok(match operation {
            "querybalance" => outcome(c.query_balance().await),
            "querysubaccounts" => outcome(c.query_subaccounts().await),
            "addsubaccount" => {
                let i: NewSubAccount = input(raw)?;
                outcome(c.add_subaccount(&i).await)
            }
            "delsubaccount" => {
                let i: SubId = input(raw)?;
                outcome(c.delete_subaccount(&i.subid).await)
            }
            "updatesubaccount" => {
                let i: SubAccountUpdate = input(raw)?;
                outcome(c.update_subaccount(&i).await)
            }
            "querynumbers" => {
                let i: NumberFilter = input(&object(raw))?;
                outcome(c.query_numbers(&i).await)
            }
            "assignnumber" => {
                let i: AssignNumber = input(raw)?;
                outcome(c.assign_number(&i).await)
            }
            "querydidcountries" => {
                let i: ServiceInput = input(raw)?;
                outcome(c.query_did_countries(&i.service).await)
            }
            "querydidcities" => {
                let i: CityQuery = input(raw)?;
                outcome(c.query_did_cities(&i).await)
            }
            "querydids" => {
                let i: DidQuery = input(raw)?;
                outcome(c.query_dids(&i).await)
            }
            "subscribedid" => {
                let i: SubscribeDid = input(raw)?;
                outcome(c.subscribe_did(&i).await)
            }
            "listivr" => outcome(c.list_ivr().await),
            "listivml" => outcome(c.list_ivml().await),
            "addivml" => {
                let i: NewIvml = input(raw)?;
                outcome(c.add_ivml(&i).await)
            }
            "updateivml" => {
                let i: IvmlUpdate = input(raw)?;
                outcome(c.update_ivml(&i).await)
            }
            "deleteivml" => {
                let i: IvmlId = input(raw)?;
                outcome(c.delete_ivml(&i.ivmlid).await)
            }
            "logfaxin" => collect(c.log_fax_in(&input::<LogQuery>(raw)?).await).await,
            "logfaxout" => collect(c.log_fax_out(&input::<LogQuery>(raw)?).await).await,
            "logvoicein" => collect(c.log_voice_in(&input::<LogQuery>(raw)?).await).await,
            "logvoiceout" => collect(c.log_voice_out(&input::<LogQuery>(raw)?).await).await,
            "logsmsin" => collect(c.log_sms_in(&input::<LogQuery>(raw)?).await).await,
            "logsmsout" => collect(c.log_sms_out(&input::<LogQuery>(raw)?).await).await,
            "settimezone" => {
                let i: Tz = input(raw)?;
                outcome(c.set_timezone(&i.tz).await)
            }
            "querytimezone" => outcome(c.query_timezone().await),
            "querysmscost" => {
                let i: SmsCostQuery = input(raw)?;
                outcome(c.query_sms_cost(&i).await)
            }
            "queryvoicecost" => {
                let i: NumberInput = input(raw)?;
                outcome(c.query_voice_cost(&i.number).await)
            }
            "queryfaxcost" => {
                let i: NumberInput = input(raw)?;
                outcome(c.query_fax_cost(&i.number).await)
            }
            _ => Outcome::UnknownOperation,
        })
    }
}
