//! Runs cases: local servers play the vendor from the case's exchanges while the real client
//! makes the case's calls.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use mock_http::{MockServer, Reply, Request, Response};

use crate::adapter::{CaseContext, Outcome, VendorAdapter};
use crate::compare::{self, Mode};
use crate::fixture::{self, CannedResponse, Case, Exchange, Expect, ExpectedBody, Fault};

/// The longest one call may take before the case fails; far above any fixture's delays.
const CALL_LIMIT: Duration = Duration::from_secs(30);

/// How one case went.
#[derive(Debug, Clone)]
pub struct CaseReport {
    /// The case id.
    pub id: String,
    /// Every difference found; empty when the case passed.
    pub failures: Vec<String>,
    /// The operations the case called.
    pub operations: Vec<String>,
}

impl CaseReport {
    /// True when nothing differed.
    pub fn passed(&self) -> bool {
        self.failures.is_empty()
    }
}

/// How one vendor's cases went.
#[derive(Debug, Clone)]
pub struct VendorReport {
    /// The vendor.
    pub vendor: String,
    /// The operations of the vendor's spec.
    pub operations: Vec<String>,
    /// Spec operations called by at least one case (passing or not).
    pub covered: BTreeSet<String>,
    /// One report per case run.
    pub cases: Vec<CaseReport>,
    /// Fixture files that could not be read, with why.
    pub broken_fixtures: Vec<(String, String)>,
}

impl VendorReport {
    /// Cases that passed.
    pub fn passed(&self) -> usize {
        self.cases.iter().filter(|c| c.passed()).count()
    }

    /// Cases that failed.
    pub fn failed(&self) -> usize {
        self.cases.len() - self.passed()
    }

    /// True when every case passed and every fixture was readable.
    pub fn ok(&self) -> bool {
        self.failed() == 0 && self.broken_fixtures.is_empty()
    }
}

/// Loads every case of one vendor (optionally only `only_case`) and runs them in order.
pub async fn run_vendor(
    adapter: &dyn VendorAdapter,
    fixtures_root: &Path,
    only_case: Option<&str>,
) -> VendorReport {
    let vendor = adapter.name();
    let dir = fixtures_root.join(vendor);
    let mut report = VendorReport {
        vendor: vendor.to_owned(),
        operations: adapter
            .operations()
            .iter()
            .map(|s| (*s).to_owned())
            .collect(),
        covered: BTreeSet::new(),
        cases: Vec::new(),
        broken_fixtures: Vec::new(),
    };
    let mut seen_ids = BTreeSet::new();
    for path in fixture::files_below(&dir) {
        let case = match fixture::load(&path, vendor, &dir) {
            Ok(case) => case,
            Err(why) => {
                report
                    .broken_fixtures
                    .push((path.display().to_string(), why));
                continue;
            }
        };
        if !seen_ids.insert(case.id.clone()) {
            report.broken_fixtures.push((
                path.display().to_string(),
                format!("duplicate id {}", case.id),
            ));
            continue;
        }
        if only_case.is_some_and(|id| id != case.id) {
            continue;
        }
        let case_report = run_case(adapter, &case).await;
        for op in &case_report.operations {
            if report.operations.contains(op) {
                report.covered.insert(op.clone());
            }
        }
        report.cases.push(case_report);
    }
    report
}

/// The shared state of one case's servers.
struct Script {
    pending: VecDeque<(usize, Exchange, Reply)>,
    failures: Vec<String>,
}

/// Runs one case and reports every difference.
pub async fn run_case(adapter: &dyn VendorAdapter, case: &Case) -> CaseReport {
    let mut report = CaseReport {
        id: case.id.clone(),
        failures: Vec::new(),
        operations: case.calls.iter().map(|c| c.operation.clone()).collect(),
    };
    let server_names = adapter.servers();
    let Some(default_server) = server_names.first() else {
        report
            .failures
            .push("the adapter names no server".to_owned());
        return report;
    };
    let mut pending = VecDeque::new();
    for (i, exchange) in case.exchanges.iter().enumerate() {
        let server = exchange.server.as_deref().unwrap_or(default_server);
        if !server_names.contains(&server) {
            report.failures.push(format!(
                "exchange {i}: unknown server {server:?} (known: {server_names:?})"
            ));
        }
        match reply_for(exchange, &case.path) {
            Ok(reply) => pending.push_back((i, exchange.clone(), reply)),
            Err(why) => report.failures.push(format!("exchange {i}: {why}")),
        }
    }
    for down in &case.servers_down {
        if !server_names.contains(&down.as_str()) {
            report
                .failures
                .push(format!("servers_down names unknown server {down:?}"));
        }
    }
    if !report.failures.is_empty() {
        return report;
    }

    let script = Arc::new(Mutex::new(Script {
        pending,
        failures: Vec::new(),
    }));
    let mut servers = Vec::new();
    let mut urls = BTreeMap::new();
    for name in server_names {
        let url = if case.servers_down.iter().any(|d| d == name) {
            mock_http::refused_url()
        } else {
            let handler = serve_script(Arc::clone(&script), name, default_server);
            match MockServer::start(handler).await {
                Ok(server) => {
                    let url = server.url();
                    servers.push(server);
                    Ok(url)
                }
                Err(e) => Err(e),
            }
        };
        match url {
            Ok(url) => {
                urls.insert((*name).to_owned(), url);
            }
            Err(e) => {
                report
                    .failures
                    .push(format!("could not start server {name}: {e}"));
                return report;
            }
        }
    }

    let ctx = CaseContext {
        servers: urls,
        client: case.client.clone(),
    };
    match adapter.connect(&ctx).await {
        Err(why) => report
            .failures
            .push(format!("the client could not be built: {why}")),
        Ok(session) => {
            for (n, call) in case.calls.iter().enumerate() {
                let outcome =
                    tokio::time::timeout(CALL_LIMIT, session.call(&call.operation, &call.input))
                        .await;
                let label = format!("call {n} ({})", call.operation);
                match outcome {
                    Err(_) => report
                        .failures
                        .push(format!("{label}: did not finish within {CALL_LIMIT:?}")),
                    Ok(outcome) => {
                        if let Err(why) = check_outcome(&call.expect, &outcome) {
                            report.failures.push(format!("{label}: {why}"));
                        }
                    }
                }
            }
        }
    }
    drop(servers);
    let mut script = script.lock().unwrap_or_else(PoisonError::into_inner);
    report.failures.append(&mut script.failures);
    for (i, exchange, _) in &script.pending {
        report.failures.push(format!(
            "exchange {i} ({} {}) was never requested",
            exchange.request.method, exchange.request.path
        ));
    }
    report
}

fn serve_script(
    script: Arc<Mutex<Script>>,
    name: &'static str,
    default_server: &'static str,
) -> impl Fn(&Request) -> Reply + Send + Sync + 'static {
    move |request: &Request| {
        let mut script = script.lock().unwrap_or_else(PoisonError::into_inner);
        let Some((i, exchange, reply)) = script.pending.pop_front() else {
            script.failures.push(format!(
                "unexpected request {} {} at server {name} after the last exchange",
                request.method, request.path
            ));
            return Response::new(500)
                .body("conformance: unexpected request")
                .into();
        };
        let expected_server = exchange.server.as_deref().unwrap_or(default_server);
        if expected_server != name {
            script.failures.push(format!(
                "exchange {i}: expected at server {expected_server}, arrived at {name} ({} {})",
                request.method, request.path
            ));
        }
        if let Err(diff) = check_request(&exchange, request) {
            script
                .failures
                .push(format!("exchange {i}: request {diff}"));
        }
        reply
    }
}

/// Compares one arrived request with its exchange.
pub fn check_request(exchange: &Exchange, request: &Request) -> Result<(), compare::Diff> {
    let want = &exchange.request;
    let same = |at: &str, e: &str, a: &str| {
        if e == a {
            Ok(())
        } else {
            Err(compare::Diff {
                at: at.to_owned(),
                expected: e.to_owned(),
                actual: a.to_owned(),
            })
        }
    };
    same("method", &want.method, &request.method)?;
    same("path", &want.path, &request.path)?;
    if let Some(query) = &want.query {
        compare::pairs(query, &request.query_pairs(), "query")?;
    }
    compare::headers(&want.headers, &want.absent_headers, &request.headers)?;
    match &want.body {
        None => Ok(()),
        Some(ExpectedBody::Json(expected)) => {
            let actual: serde_json::Value =
                serde_json::from_slice(&request.body).map_err(|e| compare::Diff {
                    at: "body".into(),
                    expected: "JSON".into(),
                    actual: format!("{e}: {}", request.body_text()),
                })?;
            compare::json(expected, &actual, Mode::Exact, "body")
        }
        Some(ExpectedBody::Form(expected)) => {
            compare::pairs(expected, &request.form_pairs(), "form")
        }
        Some(ExpectedBody::Xml(expected)) => compare::xml(expected, &request.body_text(), "body"),
        Some(ExpectedBody::Text(expected)) => same("body", expected, &request.body_text()),
        Some(ExpectedBody::Empty(_)) => same("body", "", &request.body_text()),
    }
}

fn reply_for(exchange: &Exchange, case_path: &Path) -> Result<Reply, String> {
    let response = match &exchange.response {
        Some(canned) => Some(response_for(canned, case_path)?),
        None => None,
    };
    let reply = match (&exchange.fault, response) {
        (None, Some(response)) => Reply::Respond(response),
        (Some(Fault::Reset), None) => Reply::Reset,
        (Some(Fault::Close), None) => Reply::Close,
        (Some(Fault::Delay { ms }), Some(response)) => Reply::Delay(
            Duration::from_millis(*ms),
            Box::new(Reply::Respond(response)),
        ),
        (Some(Fault::Truncate { at }), Some(response)) => Reply::Truncate { response, at: *at },
        (fault, response) => {
            return Err(format!(
                "fault {fault:?} with{} a response is not a combination the runner knows",
                if response.is_some() { "" } else { "out" }
            ));
        }
    };
    Ok(reply)
}

fn response_for(canned: &CannedResponse, case_path: &Path) -> Result<Response, String> {
    let mut response = Response::new(canned.status);
    for (name, value) in &canned.headers {
        response = response.header(name.clone(), value.clone());
    }
    let body = if let Some(text) = &canned.body {
        text.clone().into_bytes()
    } else if let Some(json) = &canned.json {
        if !canned
            .headers
            .keys()
            .any(|k| k.eq_ignore_ascii_case("content-type"))
        {
            response = response.header("Content-Type", "application/json");
        }
        serde_json::to_vec(json).map_err(|e| e.to_string())?
    } else if let Some(file) = &canned.body_file {
        let dir = case_path.parent().unwrap_or(Path::new("."));
        std::fs::read(dir.join(file)).map_err(|e| format!("body_file {file}: {e}"))?
    } else {
        Vec::new()
    };
    Ok(response.body(body))
}

/// Compares a call's outcome with what the case expects.
pub fn check_outcome(expect: &Expect, outcome: &Outcome) -> Result<(), String> {
    match (expect, outcome) {
        (_, Outcome::UnknownOperation) => {
            Err("unknown operation: the adapter does not know it".to_owned())
        }
        (_, Outcome::BadInput(why)) => Err(format!(
            "the case's input does not fit the operation: {why}"
        )),
        (Expect::Result(want), Outcome::Ok(got)) => {
            compare::json(want, got, Mode::Subset, "result").map_err(|d| d.to_string())
        }
        (Expect::Result(_), Outcome::Err(err)) => Err(format!(
            "expected success, got {} error{}: {}",
            err.kind,
            err.code
                .as_deref()
                .map(|c| format!(" {c}"))
                .unwrap_or_default(),
            err.message
        )),
        (Expect::Error(want), Outcome::Ok(got)) => Err(format!(
            "expected {} error, got success: {}",
            want.kind,
            telecom_core::text::excerpt(got.to_string().as_bytes(), 200)
        )),
        (Expect::Error(want), Outcome::Err(err)) => {
            let mut problems = Vec::new();
            if want.kind != err.kind {
                problems.push(format!("kind: expected {}, got {}", want.kind, err.kind));
            }
            if let Some(code) = &want.code
                && err.code.as_deref() != Some(code.as_str())
            {
                problems.push(format!("code: expected {code}, got {:?}", err.code));
            }
            if let Some(status) = want.status
                && err.status != Some(status)
            {
                problems.push(format!("status: expected {status}, got {:?}", err.status));
            }
            if let Some(piece) = &want.message_contains
                && !err.message.contains(piece.as_str())
            {
                problems.push(format!(
                    "message: expected to contain {piece:?}, got {:?}",
                    err.message
                ));
            }
            if problems.is_empty() {
                Ok(())
            } else {
                Err(problems.join("; "))
            }
        }
    }
}
