//! Conformance adapter for `revio-client`.
//!
//! Operation names are the vendor's SOAP operation names (`Customers_Query`, ...), plus
//! `call_raw` (the low-level escape hatch: input `{"operation", "input", "kind": "read" |
//! "idempotent_write" | "write"}`; without a kind, the crate's `call_kind` for the name). Inputs are the crate's typed requests as JSON, keyed by the wire names.
//! `Sessions_Validate` and `Sessions_Destroy` take `{"SessionKey": "..."}` or `{}` for the
//! client's own session. Results render as `{"header", "result", "debug_echo"}`.
//!
//! Every client logs in as `apiuser` / `api-pass` / client `CLIENT1` against
//! `<server>/v20/default.asmx`.
//!
//! `client` settings: `auth` (`credentials`, the default, or `session`), `impersonation_key`,
//! `debug` (bool), `timeout_ms` (per attempt, default 2000), `max_attempts` (default 2).
//!
//! Error kinds: `invalid_input`, `transport`, `timeout`, `http_status`, `decode`, `vendor`,
//! `auth` (S2005, or S2004 after a new session was tried), and this adapter's own `fault`
//! (a SOAP Fault, with `status`).

use async_trait::async_trait;
use revio_client::models::*;
use revio_client::{AuthMode, CallKind, Client, Credentials, Error, Secret, call_kind};
use serde::Deserialize;
use serde_json::Value;

use crate::adapter::{
    CaseContext, FixtureError, Outcome, VendorAdapter, VendorSession, input, outcome, typed,
};

/// Runs `fixtures/revio` against `revio-client`.
pub struct Adapter;

#[async_trait]
impl VendorAdapter for Adapter {
    fn name(&self) -> &'static str {
        "revio"
    }

    fn operations(&self) -> &'static [&'static str] {
        &[
            "Sessions_Create",
            "Sessions_Validate",
            "Sessions_Destroy",
            "Impersonation_Authorize",
            "Customers_Query",
            "NewCustomers_Create",
            "Duplicate_Query",
            "Contacts_Create",
            "Contacts_Query",
            "Contacts_Delete",
            "Agents_Create",
            "Agents_Query",
            "Lines_Update",
            "Lines_PackageChange",
            "CustomerProducts_Query",
            "Inventory_Create",
            "Inventory_Bulk_Create",
            "Inventory_Assign",
            "NewOrders_Create",
            "Orders_Update",
            "Tasks_Update",
            "Payments_Create",
            "PaymentAccounts_Create",
            "Transactions_Create",
            "Transactions_Query",
            "Charges_Search",
            "Bills_Create",
            "Bills_Delete",
            "Bills_Download",
            "Products_Create",
            "Products_Query",
            "Packages_Query",
            "call_raw",
        ]
    }

    async fn connect(&self, ctx: &CaseContext) -> Result<Box<dyn VendorSession>, String> {
        let mut credentials = Credentials::new("apiuser", "api-pass", "CLIENT1");
        if let Some(key) = ctx.setting("impersonation_key").and_then(Value::as_str) {
            credentials = credentials.with_impersonation_key(key);
        }
        let mode = match ctx.setting("auth").and_then(Value::as_str) {
            Some("session") => AuthMode::Session,
            Some("credentials") | None => AuthMode::Credentials,
            Some(other) => return Err(format!("unknown auth mode {other:?}")),
        };
        let client = Client::builder(credentials)
            .base_url(format!("{}/v20/default.asmx", ctx.server("api")?))
            .auth_mode(mode)
            .debug(
                ctx.setting("debug")
                    .and_then(Value::as_bool)
                    .unwrap_or(false),
            )
            .timeouts(ctx.timeouts())
            .retry_policy(ctx.retry_policy(2))
            .build()
            .map_err(|e| e.to_string())?;
        Ok(Box::new(Session { client }))
    }
}

struct Session {
    client: Client,
}

#[derive(Deserialize)]
struct RawCall {
    operation: String,
    #[serde(default)]
    input: Value,
    #[serde(default)]
    kind: Option<String>,
}

#[derive(Deserialize)]
struct KeyInput {
    #[serde(rename = "SessionKey")]
    session_key: Option<String>,
}

/// The error kind as the fixtures name it.
fn kind(error: &Error) -> &'static str {
    match error {
        Error::InvalidInput { .. } => "invalid_input",
        Error::Transport { .. } => "transport",
        Error::Timeout { .. } => "timeout",
        Error::HttpStatus { .. } => "http_status",
        Error::Decode { .. } => "decode",
        Error::Fault { .. } => "fault",
        Error::Vendor { .. } => "vendor",
        Error::Auth { .. } => "auth",
        // `Error` is non-exhaustive: a variant added later fails its fixtures by name.
        _ => "unknown",
    }
}

impl FixtureError for Error {
    fn kind(&self) -> &'static str {
        kind(self)
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
            "Sessions_Create" => outcome(c.sessions_create().await),
            "Sessions_Validate" => match input::<KeyInput>(value) {
                Ok(k) => {
                    let key = k.session_key.map(Secret::new);
                    outcome(c.sessions_validate(key.as_ref()).await)
                }
                Err(bad) => bad,
            },
            "Sessions_Destroy" => match input::<KeyInput>(value) {
                Ok(k) => {
                    let key = k.session_key.map(Secret::new);
                    outcome(c.sessions_destroy(key.as_ref()).await)
                }
                Err(bad) => bad,
            },
            "Impersonation_Authorize" => {
                typed!(c, value, ImpersonationAuthorize, impersonation_authorize)
            }
            "Customers_Query" => typed!(c, value, CustomersQuery, customers_query),
            "NewCustomers_Create" => typed!(c, value, NewCustomersCreate, new_customers_create),
            "Duplicate_Query" => typed!(c, value, DuplicateQuery, duplicate_query),
            "Contacts_Create" => typed!(c, value, ContactsCreate, contacts_create),
            "Contacts_Query" => typed!(c, value, ContactsQuery, contacts_query),
            "Contacts_Delete" => typed!(c, value, ContactsDelete, contacts_delete),
            "Agents_Create" => typed!(c, value, AgentsCreate, agents_create),
            "Agents_Query" => typed!(c, value, AgentsQuery, agents_query),
            "Lines_Update" => typed!(c, value, LinesUpdate, lines_update),
            "Lines_PackageChange" => typed!(c, value, LinesPackageChange, lines_package_change),
            "CustomerProducts_Query" => {
                typed!(c, value, CustomerProductsQuery, customer_products_query)
            }
            "Inventory_Create" => typed!(c, value, InventoryCreate, inventory_create),
            "Inventory_Bulk_Create" => typed!(c, value, InventoryBulkCreate, inventory_bulk_create),
            "Inventory_Assign" => typed!(c, value, InventoryAssign, inventory_assign),
            "NewOrders_Create" => typed!(c, value, NewOrdersCreate, new_orders_create),
            "Orders_Update" => typed!(c, value, OrdersUpdate, orders_update),
            "Tasks_Update" => typed!(c, value, TasksUpdate, tasks_update),
            "Payments_Create" => typed!(c, value, PaymentsCreate, payments_create),
            "PaymentAccounts_Create" => {
                typed!(c, value, PaymentAccountsCreate, payment_accounts_create)
            }
            "Transactions_Create" => typed!(c, value, TransactionsCreate, transactions_create),
            "Transactions_Query" => typed!(c, value, TransactionsQuery, transactions_query),
            "Charges_Search" => typed!(c, value, ChargesSearch, charges_search),
            "Bills_Create" => typed!(c, value, BillsCreate, bills_create),
            "Bills_Delete" => typed!(c, value, BillsDelete, bills_delete),
            "Bills_Download" => typed!(c, value, BillsDownload, bills_download),
            "Products_Create" => typed!(c, value, ProductsCreate, products_create),
            "Products_Query" => typed!(c, value, ProductsQuery, products_query),
            "Packages_Query" => typed!(c, value, PackagesQuery, packages_query),
            "call_raw" => match input::<RawCall>(value) {
                Ok(raw) => {
                    let kind = match raw.kind.as_deref() {
                        Some("read") => CallKind::Read,
                        Some("idempotent_write") => CallKind::IdempotentWrite,
                        Some("write") => CallKind::Write,
                        _ => call_kind(&raw.operation),
                    };
                    outcome(c.call_raw(&raw.operation, &raw.input, kind).await)
                }
                Err(bad) => bad,
            },
            _ => Outcome::UnknownOperation,
        }
    }
}
