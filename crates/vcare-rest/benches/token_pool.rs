//! Token pool under concurrency: 32 tasks make 50 calls each through one shared client
//! against a local fake that enforces single use and the 15-second token lifetime.
//!
//! Compares the pooled client (tokens handed back by answers are reused) with the same client
//! configured to authenticate before every call (`reuse_tokens(false)`, what the vendor's demo
//! does). Prints API calls per second, HTTP requests per second, authenticate calls per API
//! call, and the vendor's "Token already used" answers (which must be zero).
//!
//! Run with `cargo bench -p vcare-rest`.
#![allow(clippy::unwrap_used)]

#[path = "../tests/support/fake_vendor.rs"]
mod fake_vendor;

use std::time::{Duration, Instant};

use fake_vendor::FakeVendor;
use serde_json::json;
use vcare_rest::{CallKind, Client, Credentials};

const TASKS: usize = 32;
const CALLS_PER_TASK: usize = 50;
const ROUNDS: usize = 5;

struct Round {
    seconds: f64,
    calls: u64,
    authentications: u64,
    already_used: u64,
    expired: u64,
    errors: usize,
}

async fn round(reuse: bool) -> Round {
    let fake = FakeVendor::start(Duration::from_secs(15)).await.unwrap();
    let client = Client::builder(Credentials {
        vendor_id: "V1".into(),
        username: "apiuser".into(),
        password: "api-pass".into(),
        pin: "1234".into(),
        agent_id: "ewebsiteapi".into(),
        agent_password: None,
    })
    .base_url(fake.server.url())
    .reuse_tokens(reuse)
    .build()
    .unwrap();
    let started = Instant::now();
    let mut tasks = Vec::with_capacity(TASKS);
    for _ in 0..TASKS {
        let client = client.clone();
        tasks.push(tokio::spawn(async move {
            let mut errors = 0;
            for _ in 0..CALLS_PER_TASK {
                let body = json!({"zip_code": "07502", "enrollment_type": "NON_LIFELINE"});
                if client
                    .call_raw("plan", "plan_list", &body, CallKind::Read)
                    .await
                    .is_err()
                {
                    errors += 1;
                }
            }
            errors
        }));
    }
    let mut errors = 0;
    for task in tasks {
        errors += task.await.unwrap();
    }
    let seconds = started.elapsed().as_secs_f64();
    let stats = fake.stats();
    Round {
        seconds,
        calls: stats.calls,
        authentications: stats.authentications,
        already_used: stats.already_used,
        expired: stats.expired,
        errors,
    }
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    println!(
        "vcare-rest token pool: {TASKS} tasks x {CALLS_PER_TASK} calls through one client, median of {ROUNDS} rounds"
    );
    println!(
        "{:<28} {:>12} {:>14} {:>16} {:>20} {:>14} {:>8}",
        "client",
        "API calls/s",
        "HTTP req/s",
        "auth per call",
        "\"Token already used\"",
        "Token expire",
        "errors"
    );
    for (label, reuse) in [("pooled tokens", true), ("authenticate every call", false)] {
        // One unmeasured round warms connections and allocators.
        runtime.block_on(round(reuse));
        let rounds: Vec<Round> = (0..ROUNDS)
            .map(|_| runtime.block_on(round(reuse)))
            .collect();
        let calls_per_s = median(rounds.iter().map(|r| r.calls as f64 / r.seconds).collect());
        let http_per_s = median(
            rounds
                .iter()
                .map(|r| (r.calls + r.authentications) as f64 / r.seconds)
                .collect(),
        );
        let auth_per_call = median(
            rounds
                .iter()
                .map(|r| r.authentications as f64 / r.calls as f64)
                .collect(),
        );
        let already_used: u64 = rounds.iter().map(|r| r.already_used).sum();
        let expired: u64 = rounds.iter().map(|r| r.expired).sum();
        let errors: usize = rounds.iter().map(|r| r.errors).sum();
        println!(
            "{label:<28} {calls_per_s:>12.0} {http_per_s:>14.0} {auth_per_call:>16.4} {already_used:>20} {expired:>14} {errors:>8}"
        );
        assert_eq!(already_used, 0, "a token was sent twice");
    }
}
