//! Many tasks share one client against the sandbox's vcare fake, which enforces single use:
//! no token is ever sent twice, and tokens handed back by answers are used instead of
//! authenticating.
#![allow(clippy::unwrap_used, missing_docs)]

use std::collections::HashSet;
use std::time::Duration;

use serde_json::json;
use telecom_sandbox::RecordedRequest;
use telecom_sandbox::vcare::{VcareConfig, VcareSandbox};
use vcare_rest::{CallKind, Client, Credentials};

fn client(url: &str, reuse: bool) -> Client {
    Client::builder(Credentials {
        vendor_id: "V1".into(),
        username: "apiuser".into(),
        password: "api-pass".into(),
        pin: "1234".into(),
        agent_id: "ewebsiteapi".into(),
        agent_password: None,
    })
    .base_url(url)
    .reuse_tokens(reuse)
    .build()
    .unwrap()
}

async fn sandbox(token_lifetime: Duration) -> VcareSandbox {
    VcareSandbox::start(VcareConfig {
        token_lifetime,
        ..VcareConfig::default()
    })
    .await
    .unwrap()
}

/// The API calls (everything but `/authenticate`) in the log.
fn api_calls(log: &[RecordedRequest]) -> Vec<&RecordedRequest> {
    log.iter().filter(|r| r.path != "/authenticate").collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shared_client_never_reuses_a_token() {
    let fake = sandbox(Duration::from_secs(15)).await;
    let client = client(&fake.url(), true);
    let mut tasks = Vec::new();
    for _ in 0..16 {
        let client = client.clone();
        tasks.push(tokio::spawn(async move {
            for _ in 0..10 {
                let reply = client
                    .call_raw(
                        "plan",
                        "plan_list",
                        &json!({"zip_code": "07502"}),
                        CallKind::Read,
                    )
                    .await
                    .unwrap();
                // The fake's plan_list answer: both of its plans.
                let plans = reply.data.unwrap();
                let ids: Vec<_> = plans
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|p| p["plan_id"].clone())
                    .collect();
                assert_eq!(ids, [json!("231"), json!("262")]);
            }
        }));
    }
    for task in tasks {
        task.await.unwrap();
    }

    let log = fake.requests();
    let calls = api_calls(&log);
    assert_eq!(calls.len(), 160);
    assert!(calls.iter().all(|r| r.path == "/plan"));
    let stats = fake.token_stats();
    assert_eq!(stats.accepted, 160, "{stats:?}");
    assert_eq!(stats.already_used, 0, "{stats:?}");
    assert_eq!(stats.invalid, 0, "{stats:?}");
    assert_eq!(stats.expired, 0, "{stats:?}");
    // At most one authentication per concurrent task's first call; the rest ride the pool.
    let authentications = log.iter().filter(|r| r.path == "/authenticate").count() as u64;
    assert_eq!(authentications, stats.authentications);
    assert!(stats.authentications <= 16, "{stats:?}");
    assert_eq!(client.token_stats().authentications, stats.authentications);

    // Every token header the fake received is distinct.
    let mut seen = HashSet::new();
    for req in &calls {
        let token = req.header("token").expect("every API call carries a token");
        assert!(seen.insert(token.to_owned()), "token sent twice");
    }
    assert_eq!(seen.len(), 160);
}

#[tokio::test]
async fn without_reuse_every_call_authenticates() {
    let fake = sandbox(Duration::from_secs(15)).await;
    let client = client(&fake.url(), false);
    for _ in 0..5 {
        client
            .call_raw("plan", "plan_list", &json!({}), CallKind::Read)
            .await
            .unwrap();
    }
    let log = fake.requests();
    // Strictly alternating: authenticate, then one call with that fresh token.
    let paths: Vec<&str> = log.iter().map(|r| r.path.as_str()).collect();
    assert_eq!(paths, ["/authenticate", "/plan"].repeat(5));
    let stats = fake.token_stats();
    assert_eq!(
        (
            api_calls(&log).len(),
            stats.authentications,
            stats.accepted,
            stats.already_used
        ),
        (5, 5, 5, 0),
        "{stats:?}"
    );
}

#[tokio::test]
async fn a_token_the_vendor_expired_is_replaced_once() {
    // Tokens die at once at the fake, but the client trusts them for 10 s: each call is
    // refused once ("Token expire"), re-authenticates and goes through.
    let fake = sandbox(Duration::ZERO).await;
    let client = client(&fake.url(), true);
    client.authenticate().await.unwrap();
    tokio::time::sleep(Duration::from_millis(5)).await;
    let reply = client
        .call_raw("plan", "plan_list", &json!({}), CallKind::Write)
        .await;
    // The fresh token from the retry is also dead on arrival at this fake, so the second
    // rejection is a typed error rather than a loop.
    let error = reply.unwrap_err();
    assert!(
        matches!(error, vcare_rest::Error::TokenRejected { .. }),
        "{error}"
    );
    assert!(error.is_retryable());
    let log = fake.requests();
    let paths: Vec<&str> = log.iter().map(|r| r.path.as_str()).collect();
    assert_eq!(paths, ["/authenticate", "/plan", "/authenticate", "/plan"]);
    let calls = api_calls(&log);
    // Two different tokens, each sent once.
    assert_ne!(calls[0].header("token"), calls[1].header("token"));
    let stats = fake.token_stats();
    assert_eq!(
        (
            calls.len(),
            stats.expired,
            stats.already_used,
            stats.accepted,
            stats.invalid
        ),
        (2, 2, 0, 0, 0),
        "{stats:?}"
    );
    assert_eq!(stats.authentications, 2, "{stats:?}");
}

#[test]
fn client_is_clone_send_sync_and_futures_are_send() {
    fn assert_traits<T: Clone + Send + Sync + 'static>() {}
    fn assert_send<T: Send>(_: &T) {}
    assert_traits::<Client>();
    let c = client("http://127.0.0.1:9", true);
    let request = vcare_rest::PlanList::builder()
        .zip_code("07502")
        .build()
        .expect("a valid request");
    assert_send(&c.plan_list(&request));
    assert_send(&c.call_raw("plan", "plan_list", &json!({}), CallKind::Write));
}
