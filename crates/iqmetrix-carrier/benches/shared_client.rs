//! Two measurements:
//!
//! 1. One client shared by 32 tasks calling for 2.5 seconds against a local fake whose tokens
//!    live 1 second (so tokens expire twice mid-run): API calls per second and token
//!    requests per run (the provider must keep it to one fetch plus one refresh per expiry,
//!    about 3, not one per task).
//! 2. Decoding and re-encoding the spec's full `Activation` example: microseconds per round
//!    trip.
//!
//! Run with `cargo bench -p iqmetrix-carrier`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use iqmetrix_carrier::{Activation, CarrierPath, Client, Credentials, RetryPolicy};
use mock_http::{MockServer, Response};

const TASKS: usize = 32;
const RUN: Duration = Duration::from_millis(2500);
const ROUNDS: usize = 3;

const FIELDS: &str = r#"[{"Id":6,"FieldName":"North American Mobile Number","InputType":"Text","Prompt":"Please Enter Customer 10 Digit Mobile Number","Value":"2562788972"}]"#;

async fn round() -> (f64, usize, usize, usize) {
    let tokens = Arc::new(AtomicUsize::new(0));
    let issued = Arc::clone(&tokens);
    let accounts = MockServer::start(move |_| {
        let n = issued.fetch_add(1, Ordering::SeqCst);
        Response::json(
            200,
            &serde_json::json!({"access_token": format!("t{n}"), "expires_in": 1, "refresh_token": format!("r{n}")}),
        )
        .into()
    })
    .await
    .unwrap();
    let api = MockServer::start(|_| {
        Response::new(200)
            .header("Content-Type", "application/json")
            .body(FIELDS)
            .into()
    })
    .await
    .unwrap();
    let client = Client::builder(Credentials::Password {
        username: "user@example.com".into(),
        password: "pw".into(),
        client_id: "client".into(),
        client_secret: "secret".into(),
    })
    .base_url(api.url())
    .accounts_url(accounts.url())
    .retry_policy(
        RetryPolicy::default().with_backoff(Duration::from_millis(1), Duration::from_millis(5)),
    )
    .token_refresh_margin(Duration::ZERO)
    .build()
    .unwrap();
    let carrier = CarrierPath::builder()
        .company_id(123)
        .carrier_id(41)
        .build()
        .unwrap();
    let started = Instant::now();
    let tasks: Vec<_> = (0..TASKS)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move {
                let (mut calls, mut errors) = (0, 0);
                while started.elapsed() < RUN {
                    calls += 1;
                    if client.get_activation_lookup_fields(&carrier).await.is_err() {
                        errors += 1;
                    }
                }
                (calls, errors)
            })
        })
        .collect();
    let (mut calls, mut errors) = (0, 0);
    for task in tasks {
        let (c, e) = task.await.unwrap();
        calls += c;
        errors += e;
    }
    let seconds = started.elapsed().as_secs_f64();
    (seconds, calls, tokens.load(Ordering::SeqCst), errors)
}

fn decode_round_trips() {
    // The spec's "GET an Activation" example response, as printed.
    let body = include_str!("spec_activation.json");
    const N: u32 = 20_000;
    let started = Instant::now();
    let mut bytes = 0;
    for _ in 0..N {
        let activation: Activation = serde_json::from_str(body).unwrap();
        bytes += serde_json::to_vec(&activation).unwrap().len();
    }
    let per = started.elapsed() / N;
    println!(
        "activation decode+encode: {:.1} us per round trip ({} bytes out each)",
        per.as_secs_f64() * 1e6,
        bytes / N as usize
    );
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    for i in 0..ROUNDS {
        let (seconds, calls, tokens, errors) = round().await;
        println!(
            "round {}: {calls} calls by {TASKS} tasks in {seconds:.2} s = {:.0} calls/s; {tokens} token requests; {errors} errors",
            i + 1,
            calls as f64 / seconds
        );
    }
    decode_round_trips();
}
