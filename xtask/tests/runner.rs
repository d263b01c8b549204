//! The runner against a tiny adapter of its own: a green case passes, and each kind of
//! difference (request, unused exchange, unexpected request, outcome) is reported.

use async_trait::async_trait;
use serde_json::{Value, json};
use std::sync::atomic::{AtomicUsize, Ordering};
use xtask::adapter::{CaseContext, ErrorOutcome, Outcome, VendorAdapter, VendorSession};

use xtask::fixture::Case;
use xtask::runner::run_case;

struct Echo;

#[async_trait]
impl VendorAdapter for Echo {
    fn name(&self) -> &'static str {
        "echo"
    }
    fn operations(&self) -> &'static [&'static str] {
        &["send"]
    }
    fn servers(&self) -> &'static [&'static str] {
        &["main", "backup"]
    }
    async fn connect(&self, ctx: &CaseContext) -> Result<Box<dyn VendorSession>, String> {
        Ok(Box::new(EchoSession {
            http: reqwest::Client::new(),
            main: ctx.server("main")?.to_owned(),
            backup: ctx.server("backup")?.to_owned(),
        }))
    }
}

struct EchoSession {
    http: reqwest::Client,
    main: String,
    backup: String,
}

/// `send` POSTs its input as JSON to `/echo` on the main server, falls back to the backup
/// server when the main one cannot be reached, and returns the answer's JSON.
#[async_trait]
impl VendorSession for EchoSession {
    async fn call(&self, operation: &str, input: &Value) -> Outcome {
        if operation != "send" {
            return Outcome::UnknownOperation;
        }
        let err = |kind: &str, message: String| {
            Outcome::Err(ErrorOutcome {
                kind: kind.to_owned(),
                code: None,
                status: None,
                message,
            })
        };
        let mut last = None;
        for base in [&self.main, &self.backup] {
            match self
                .http
                .post(format!("{base}/echo?v=1"))
                .json(input)
                .send()
                .await
            {
                Ok(response) => match response.json::<Value>().await {
                    Ok(v) => return Outcome::Ok(v),
                    Err(e) => return err("decode", e.to_string()),
                },
                Err(e) if e.is_connect() => last = Some(e),
                Err(e) => return err("transport", e.to_string()),
            }
        }
        err("transport", last.map(|e| e.to_string()).unwrap_or_default())
    }
}

/// Writes the case to its own temporary vendor folder and loads it as the runner does.
fn echo_case(exchanges: Value, servers_down: Value) -> Case {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let dir = std::env::temp_dir()
        .join(format!("xtask-runner-test-{}-{n}", std::process::id()))
        .join("echo");
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("case.json");
    let value = json!({"id": "echo/case", "source": "test", "servers_down": servers_down,
                       "operation": "send", "input": {"a": 1}, "expect": {"result": {"ok": true}},
                       "exchanges": exchanges});
    std::fs::write(&path, value.to_string()).expect("write case");
    xtask::fixture::load(&path, "echo", &dir).expect("case loads")
}

fn good_exchange() -> Value {
    json!({"request": {"method": "POST", "path": "/echo", "query": {"v": "1"},
                       "headers": {"content-type": "application/json"},
                       "body": {"json": {"a": 1}}},
           "response": {"json": {"ok": true, "extra": 1}}})
}

#[tokio::test]
async fn a_matching_case_passes() {
    let report = run_case(&Echo, &echo_case(json!([good_exchange()]), json!([]))).await;
    assert!(report.passed(), "{:?}", report.failures);
}

#[tokio::test]
async fn a_request_difference_is_reported_with_the_field() {
    let mut exchange = good_exchange();
    exchange["request"]["body"] = json!({"json": {"a": 2}});
    let report = run_case(&Echo, &echo_case(json!([exchange]), json!([]))).await;
    assert_eq!(report.failures.len(), 1, "{:?}", report.failures);
    assert!(
        report.failures[0].contains("body.a: expected 2, got 1"),
        "{:?}",
        report.failures
    );
}

#[tokio::test]
async fn an_unused_exchange_fails_the_case() {
    let report = run_case(
        &Echo,
        &echo_case(json!([good_exchange(), good_exchange()]), json!([])),
    )
    .await;
    assert!(
        report
            .failures
            .iter()
            .any(|f| f.contains("exchange 1 (POST /echo) was never requested")),
        "{:?}",
        report.failures
    );
}

#[tokio::test]
async fn an_unexpected_request_fails_the_case() {
    let report = run_case(&Echo, &echo_case(json!([]), json!([]))).await;
    assert!(
        report
            .failures
            .iter()
            .any(|f| f.contains("unexpected request POST /echo")),
        "{:?}",
        report.failures
    );
}

#[tokio::test]
async fn a_down_server_refuses_and_the_exchange_goes_to_the_named_server() {
    let mut exchange = good_exchange();
    exchange["server"] = json!("backup");
    let report = run_case(&Echo, &echo_case(json!([exchange]), json!(["main"]))).await;
    assert!(report.passed(), "{:?}", report.failures);
}

#[tokio::test]
async fn an_exchange_at_the_wrong_server_is_reported() {
    let mut exchange = good_exchange();
    exchange["server"] = json!("backup");
    let report = run_case(&Echo, &echo_case(json!([exchange]), json!([]))).await;
    assert!(
        report
            .failures
            .iter()
            .any(|f| f.contains("expected at server backup, arrived at main")),
        "{:?}",
        report.failures
    );
}

#[tokio::test]
async fn faults_reach_the_client() {
    let mut reset = good_exchange();
    reset.as_object_mut().map(|o| o.remove("response"));
    reset["fault"] = json!({"kind": "reset"});
    let mut c = echo_case(json!([reset]), json!([]));
    c.calls[0].expect =
        serde_json::from_value(json!({"error": {"kind": "transport"}})).expect("expect parses");
    let report = run_case(&Echo, &c).await;
    assert!(report.passed(), "{:?}", report.failures);

    let mut cut = good_exchange();
    cut["fault"] = json!({"kind": "truncate", "at": 5});
    let mut c = echo_case(json!([cut]), json!([]));
    c.calls[0].expect =
        serde_json::from_value(json!({"error": {"kind": "decode"}})).expect("expect parses");
    let report = run_case(&Echo, &c).await;
    assert!(report.passed(), "{:?}", report.failures);
}

#[tokio::test]
async fn a_wrong_outcome_is_reported() {
    let mut exchange = good_exchange();
    exchange["response"] = json!({"json": {"ok": false}});
    let report = run_case(&Echo, &echo_case(json!([exchange]), json!([]))).await;
    assert!(
        report
            .failures
            .iter()
            .any(|f| f.contains("result.ok: expected true, got false")),
        "{:?}",
        report.failures
    );
}
