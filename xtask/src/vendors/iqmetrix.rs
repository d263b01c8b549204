//! Conformance adapter for `iqmetrix-carrier`.
//!
//! Servers: `api` (carrier services, given to the client's `base_url`, which adds `/v2`) and
//! `accounts` (the OAuth2 token service, given to `accounts_url`, which adds `/v1`, so tokens
//! are fetched from `/v1/oauth2/token`).
//!
//! Operations are the spec's seven requests, plus `list_confirmed_activations_all` (the
//! paging stream collected into a JSON array) and `call_raw` (the escape hatch). Inputs:
//!
//! | operation | input |
//! |---|---|
//! | `create_activation` | `company_id`, `location_id`, `carrier_id`, `activation_id` (the lookup key text), `activation` (the body) |
//! | `get_activation` | `company_id`, `location_id`, `carrier_id`, `activation_id` |
//! | `get_activation_lookup_fields`, `get_configurations` | `company_id`, `carrier_id` |
//! | `enable_carrier_integration`, `disable_carrier_integration` | `company_id`, `carrier_id`, `location_id` |
//! | `get_confirmed_activations`, `list_confirmed_activations_all` | `company_id`, `carrier_id`, `since` (date-time text), optional `skip`, `top` |
//! | `call_raw` | `method`, `path`, optional `body` |
//!
//! `client` settings:
//! - `auth`: `"bearer"` (default) sends `token` (default `test-access-token`) as is;
//!   `"password"` uses the password grant with `username` (default `apiuser@example.com`),
//!   `password` (`p@ss word`), `client_id` (`client-1`), `client_secret` (`s3cret`).
//! - `timeout_ms`: per-attempt timeout (default 2000); `max_attempts` (default 3); backoff
//!   is 1 to 5 ms.
//! - `refresh_margin_ms`: early-refresh margin of tokens (default the crate's 5 minutes).
//!
//! Error kinds: `invalid_input`, `transport`, `timeout`, `vendor` (a 400, `code` is the
//! crate's `ErrorCode`), `auth` (401 after re-authentication, or a token-service error with
//! its OAuth2 `code`), `http_status` (403, 404, 409, 429, 5xx, ...), `decode`.

use async_trait::async_trait;
use futures::TryStreamExt;
use iqmetrix_carrier::{
    Activation, ActivationPath, CallKind, CarrierPath, Client, ConfirmedActivationsQuery,
    Credentials, Error, LocationPath, LookupKey,
};
use serde::Deserialize;
use serde_json::Value;

use crate::adapter::{
    CaseContext, FixtureError, Outcome, VendorAdapter, VendorSession, input, outcome,
};

/// Runs `fixtures/iqmetrix` against `iqmetrix-carrier`.
pub struct Adapter;

#[async_trait]
impl VendorAdapter for Adapter {
    fn name(&self) -> &'static str {
        "iqmetrix"
    }

    fn operations(&self) -> &'static [&'static str] {
        &[
            "create_activation",
            "get_activation",
            "get_activation_lookup_fields",
            "get_configurations",
            "enable_carrier_integration",
            "disable_carrier_integration",
            "get_confirmed_activations",
            "list_confirmed_activations_all",
            "call_raw",
        ]
    }

    fn servers(&self) -> &'static [&'static str] {
        &["api", "accounts"]
    }

    async fn connect(&self, ctx: &CaseContext) -> Result<Box<dyn VendorSession>, String> {
        let setting = |key: &str, default: &str| -> String {
            ctx.setting(key)
                .and_then(Value::as_str)
                .unwrap_or(default)
                .to_owned()
        };
        let credentials = match setting("auth", "bearer").as_str() {
            "bearer" => Credentials::bearer(setting("token", "test-access-token")),
            "password" => Credentials::Password {
                username: setting("username", "apiuser@example.com"),
                password: setting("password", "p@ss word").into(),
                client_id: setting("client_id", "client-1"),
                client_secret: setting("client_secret", "s3cret").into(),
            },
            other => return Err(format!("unknown auth mode {other:?}")),
        };
        let mut builder = Client::builder(credentials)
            .base_url(ctx.server("api")?)
            .timeouts(ctx.timeouts())
            .retry_policy(ctx.retry_policy(3))
            .accounts_url(ctx.server("accounts")?);
        if let Some(margin) = ctx.millis("refresh_margin_ms") {
            builder = builder.token_refresh_margin(margin);
        }
        let client = builder.build().map_err(|e| e.to_string())?;
        Ok(Box::new(Session { client }))
    }
}

struct Session {
    client: Client,
}

#[derive(Deserialize)]
struct PathInput {
    company_id: i64,
    location_id: i64,
    carrier_id: i64,
    activation_id: String,
}

impl PathInput {
    fn path(&self) -> Result<ActivationPath, Error> {
        let key: LookupKey = self.activation_id.parse()?;
        ActivationPath::builder()
            .company_id(self.company_id)
            .location_id(self.location_id)
            .carrier_id(self.carrier_id)
            .key(key)
            .build()
    }
}

#[derive(Deserialize)]
struct CreateInput {
    #[serde(flatten)]
    at: PathInput,
    activation: Activation,
}

#[derive(Deserialize)]
struct CompanyCarrier {
    company_id: i64,
    carrier_id: i64,
}

impl CompanyCarrier {
    fn path(&self) -> Result<CarrierPath, Error> {
        CarrierPath::builder()
            .company_id(self.company_id)
            .carrier_id(self.carrier_id)
            .build()
    }
}

#[derive(Deserialize)]
struct LocationToggle {
    company_id: i64,
    carrier_id: i64,
    location_id: i64,
}

impl LocationToggle {
    fn path(&self) -> Result<LocationPath, Error> {
        LocationPath::builder()
            .company_id(self.company_id)
            .location_id(self.location_id)
            .carrier_id(self.carrier_id)
            .build()
    }
}

#[derive(Deserialize)]
struct ConfirmedInput {
    company_id: i64,
    carrier_id: i64,
    since: String,
    skip: Option<u32>,
    top: Option<u32>,
}

impl ConfirmedInput {
    /// The query, or the client's own refusal of it (a `$top` above 200 is the client's
    /// invalid input, which the fixtures expect as the call's outcome).
    fn query(&self) -> Result<ConfirmedActivationsQuery, Error> {
        let mut query = ConfirmedActivationsQuery::builder()
            .company_id(self.company_id)
            .carrier_id(self.carrier_id)
            .since_text(&self.since);
        if let Some(skip) = self.skip {
            query = query.skip(skip);
        }
        if let Some(top) = self.top {
            query = query.top(top);
        }
        query.build()
    }
}

#[derive(Deserialize)]
struct RawInput {
    method: String,
    path: String,
    #[serde(default)]
    body: Option<Value>,
    /// `read`, `idempotent_write` or `write`; the method's usual kind when absent.
    #[serde(default)]
    kind: Option<String>,
}

impl FixtureError for Error {
    fn kind(&self) -> &'static str {
        match self {
            Error::InvalidInput { .. } => "invalid_input",
            Error::Transport { .. } => "transport",
            Error::Timeout { .. } => "timeout",
            Error::Vendor { .. } => "vendor",
            Error::Unauthorized { .. } | Error::Token { .. } => "auth",
            Error::RateLimited { .. }
            | Error::Forbidden { .. }
            | Error::NotFound { .. }
            | Error::Conflict { .. }
            | Error::Server { .. }
            | Error::HttpStatus { .. } => "http_status",
            Error::Decode { .. } => "decode",
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
    async fn call(&self, operation: &str, value: &Value) -> Outcome {
        let c = &self.client;
        match operation {
            "create_activation" => match input::<CreateInput>(value) {
                Ok(i) => match i.at.path() {
                    Ok(path) => outcome(c.create_activation(&path, &i.activation).await),
                    Err(e) => outcome::<(), _>(Err(e)),
                },
                Err(bad) => bad,
            },
            "get_activation" => match input::<PathInput>(value) {
                Ok(i) => match i.path() {
                    Ok(path) => outcome(c.get_activation(&path).await),
                    Err(e) => outcome::<(), _>(Err(e)),
                },
                Err(bad) => bad,
            },
            "get_activation_lookup_fields" => match input::<CompanyCarrier>(value) {
                Ok(i) => match i.path() {
                    Ok(carrier) => outcome(c.get_activation_lookup_fields(&carrier).await),
                    Err(e) => outcome::<(), _>(Err(e)),
                },
                Err(bad) => bad,
            },
            "get_configurations" => match input::<CompanyCarrier>(value) {
                Ok(i) => match i.path() {
                    Ok(carrier) => outcome(c.get_configurations(&carrier).await),
                    Err(e) => outcome::<(), _>(Err(e)),
                },
                Err(bad) => bad,
            },
            "enable_carrier_integration" => match input::<LocationToggle>(value) {
                Ok(i) => match i.path() {
                    Ok(location) => outcome(c.enable_carrier_integration(&location).await),
                    Err(e) => outcome::<(), _>(Err(e)),
                },
                Err(bad) => bad,
            },
            "disable_carrier_integration" => match input::<LocationToggle>(value) {
                Ok(i) => match i.path() {
                    Ok(location) => outcome(c.disable_carrier_integration(&location).await),
                    Err(e) => outcome::<(), _>(Err(e)),
                },
                Err(bad) => bad,
            },
            "get_confirmed_activations" => match input::<ConfirmedInput>(value) {
                Ok(i) => match i.query() {
                    Ok(query) => outcome(c.get_confirmed_activations(&query).await),
                    Err(e) => outcome::<(), _>(Err(e)),
                },
                Err(bad) => bad,
            },
            "list_confirmed_activations_all" => match input::<ConfirmedInput>(value) {
                Ok(i) => match i.query() {
                    Ok(query) => {
                        let items: Result<Vec<_>, Error> =
                            c.list_confirmed_activations(&query).try_collect().await;
                        outcome(items)
                    }
                    Err(e) => outcome::<(), _>(Err(e)),
                },
                Err(bad) => bad,
            },
            "call_raw" => match input::<RawInput>(value) {
                Ok(raw) => match raw.method.parse::<iqmetrix_carrier::Method>() {
                    Ok(method) => {
                        let kind = match raw.kind.as_deref() {
                            Some("read") => CallKind::Read,
                            Some("idempotent_write") => CallKind::IdempotentWrite,
                            Some("write") => CallKind::Write,
                            Some(other) => {
                                return Outcome::BadInput(format!("unknown kind {other:?}"));
                            }
                            None => CallKind::for_http_method(raw.method.as_str()),
                        };
                        outcome(
                            c.call_raw::<Value, Value>(
                                "call_raw",
                                method,
                                &raw.path,
                                raw.body.as_ref(),
                                kind,
                            )
                            .await,
                        )
                    }
                    Err(e) => Outcome::BadInput(e.to_string()),
                },
                Err(bad) => bad,
            },
            _ => Outcome::UnknownOperation,
        }
    }
}
