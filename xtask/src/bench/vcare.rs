//! vcare: a typed `plan_list` call against the hand-rolled POST a user would write, and the
//! token pool against authenticating before every call and against a per-task token chain.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use vcare_rest::{Client, Credentials, PlanList};

use super::measure::{Goal, Orientation, Row, compare};
use super::server::{Answer, BenchServer, Request, answer};
use super::{in_tasks, timed};

const SEQUENTIAL_CALLS: usize = 1_000;
const TASKS: usize = 32;
const PER_TASK: usize = 50;

/// The `data` of the spec's `plan_list` answer, five plans.
fn plans_json() -> String {
    let plan = |i: usize| {
        format!(
            r#"{{"plan_id":"23{i}","plan_code":"23{i}","plan_name":"Unlimited {i}","plan_price":"29.2{i}","total_plan_price":31.5,"data":"1500","talk":0,"text":"Unlimited","carrier":["HELIXATT"],"is_prepaid_postpaid":"prepaid","plan_expiry_days":30,"plan_expiry_type":"MONTHLY","Plan_service_type":"WIRELESS"}}"#
        )
    };
    let plans: Vec<String> = (0..5).map(plan).collect();
    format!("[{}]", plans.join(","))
}

/// Every answer carries a fresh token, as vcare's do; `/authenticate` hands one out.
async fn server() -> Result<BenchServer, String> {
    let counter = Arc::new(AtomicU64::new(0));
    let prefix = format!(
        r#"{{"msg":"Success","msg_code":"RESTAPI000","data":{},"token":"t"#,
        plans_json()
    );
    BenchServer::start(move |req: &Request<'_>| -> Answer {
        let n = counter.fetch_add(1, Ordering::Relaxed);
        let body = if req.target.starts_with("/authenticate") {
            format!(
                r#"{{"msg":"Successfully Authenticate","msg_code":"RESTAPI000","token":"t{n}"}}"#
            )
        } else {
            format!("{prefix}{n}\"}}")
        };
        answer(200, "application/json", body.as_bytes())
    })
    .await
    .map_err(|e| format!("server: {e}"))
}

fn credentials() -> Credentials {
    Credentials {
        vendor_id: "V1".into(),
        username: "apiuser".into(),
        password: "api-pass".into(),
        pin: "1234".into(),
        agent_id: "ewebsiteapi".into(),
        agent_password: None,
    }
}

fn client(url: &str, reuse_tokens: bool) -> Result<Client, String> {
    Client::builder(credentials())
        .base_url(url)
        .reuse_tokens(reuse_tokens)
        .build()
        .map_err(|e| e.to_string())
}

fn request() -> Result<PlanList, String> {
    PlanList::builder()
        .zip_code("07502")
        .build()
        .map_err(|e| e.to_string())
}

/// What a user writes by hand: the same fields, typed the same way.
#[derive(Deserialize)]
struct HandEnvelope {
    msg_code: String,
    #[serde(default)]
    data: Vec<HandPlan>,
    token: Option<String>,
}

/// The fields the client types in a `Plan`, as a user would map them: the vendor sends
/// allowances as a string or a number, so those stay JSON values.
#[derive(Deserialize)]
#[allow(dead_code)] // read to decode the same fields as the client
struct HandPlan {
    plan_id: String,
    plan_code: Option<String>,
    plan_name: String,
    plan_price: Decimal,
    total_plan_price: Decimal,
    plan_description: Option<String>,
    display_name: Option<String>,
    data: Option<serde_json::Value>,
    talk: Option<serde_json::Value>,
    text: Option<serde_json::Value>,
    carrier: Vec<String>,
    is_prepaid_postpaid: Option<String>,
    is_familyplan: Option<String>,
    plan_expiry_days: u32,
    plan_expiry_type: Option<String>,
}

#[derive(Serialize)]
struct HandPlanRequest<'a> {
    request_name: &'a str,
    action: &'a str,
    zip_code: &'a str,
    enrollment_type: &'a str,
    agent_id: &'a str,
    source: &'a str,
}

#[derive(Serialize)]
struct HandAuth<'a> {
    vendor_id: &'a str,
    username: &'a str,
    password: &'a str,
    pin: &'a str,
}

/// The hand-rolled side: one token chained from answer to answer.
#[derive(Clone)]
struct Hand {
    http: reqwest::Client,
    url: String,
}

impl Hand {
    async fn authenticate(&self) -> Result<String, String> {
        let body = HandAuth {
            vendor_id: "V1",
            username: "apiuser",
            password: "api-pass",
            pin: "1234",
        };
        let bytes = self
            .http
            .post(format!("{}/authenticate", self.url))
            .json(&body)
            .send()
            .await
            .map_err(|e| e.to_string())?
            .bytes()
            .await
            .map_err(|e| e.to_string())?;
        let envelope: HandEnvelope = serde_json::from_slice(&bytes).map_err(|e| e.to_string())?;
        envelope.token.ok_or_else(|| "no token".to_owned())
    }

    async fn plan_list(&self, token: &str) -> Result<(usize, String), String> {
        let body = HandPlanRequest {
            request_name: "plan",
            action: "plan_list",
            zip_code: "07502",
            enrollment_type: "NON_LIFELINE",
            agent_id: "ewebsiteapi",
            source: "API",
        };
        let bytes = self
            .http
            .post(format!("{}/plan", self.url))
            .header("token", token)
            .json(&body)
            .send()
            .await
            .map_err(|e| e.to_string())?
            .bytes()
            .await
            .map_err(|e| e.to_string())?;
        let envelope: HandEnvelope = serde_json::from_slice(&bytes).map_err(|e| e.to_string())?;
        if envelope.msg_code != "RESTAPI000" {
            return Err(envelope.msg_code);
        }
        let next = envelope.token.ok_or_else(|| "no token".to_owned())?;
        Ok((envelope.data.len(), next))
    }

    /// `calls` calls on one chain of tokens.
    async fn chain(self, calls: usize) -> Result<(), String> {
        let mut token = self.authenticate().await?;
        for _ in 0..calls {
            token = self.plan_list(&token).await?.1;
        }
        Ok(())
    }
}

async fn client_calls(client: Client, calls: usize) -> Result<(), String> {
    let request = request()?;
    for _ in 0..calls {
        client
            .plan_list(&request)
            .await
            .map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// The typed call against the hand-rolled one, sequential and with 32 tasks.
pub(super) async fn calls(rounds: usize) -> Result<Vec<Row>, String> {
    let server = server().await?;
    let url = server.url();
    let client = client(&url, true)?;
    let hand = Hand {
        http: reqwest::Client::new(),
        url: url.clone(),
    };
    let sequential = compare(
        "vcare call / hand-rolled call, sequential",
        Goal::AtMost(1.05),
        Orientation::Time,
        rounds,
        || timed(client_calls(client.clone(), SEQUENTIAL_CALLS)),
        || timed(hand.clone().chain(SEQUENTIAL_CALLS)),
    )
    .await?;
    let concurrent = compare(
        "vcare call / hand-rolled call, 32 tasks",
        Goal::AtMost(1.05),
        Orientation::Time,
        rounds,
        || timed(in_tasks(TASKS, |_| client_calls(client.clone(), PER_TASK))),
        || timed(in_tasks(TASKS, |_| hand.clone().chain(PER_TASK))),
    )
    .await?;
    Ok(vec![sequential, concurrent])
}

/// The token pool (32 tasks x 50 calls) against authenticating before every call, and
/// against a hand-rolled chain of tokens per task.
pub(super) async fn tokens(rounds: usize) -> Result<Vec<Row>, String> {
    let server = server().await?;
    let url = server.url();
    let pooled = client(&url, true)?;
    let every_call = client(&url, false)?;
    let hand = Hand {
        http: reqwest::Client::new(),
        url: url.clone(),
    };
    let against_auth = compare(
        "vcare pooled tokens / authenticate every call, 32x50",
        Goal::AtLeast(2.0),
        Orientation::Throughput,
        rounds,
        || timed(in_tasks(TASKS, |_| client_calls(pooled.clone(), PER_TASK))),
        || {
            timed(in_tasks(TASKS, |_| {
                client_calls(every_call.clone(), PER_TASK)
            }))
        },
    )
    .await?;
    let against_chain = compare(
        "vcare pooled tokens / hand-rolled token chain per task, 32x50",
        Goal::AtLeast(1.0),
        Orientation::Throughput,
        rounds,
        || timed(in_tasks(TASKS, |_| client_calls(pooled.clone(), PER_TASK))),
        || timed(in_tasks(TASKS, |_| hand.clone().chain(PER_TASK))),
    )
    .await?;
    Ok(vec![against_auth, against_chain])
}
