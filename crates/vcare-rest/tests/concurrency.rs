//! Many tasks share one client against a fake that enforces single use: no token is ever
//! sent twice, and tokens handed back by answers are used instead of authenticating.
#![allow(clippy::unwrap_used, missing_docs)]

mod support {
    pub(crate) mod fake_vendor;
}

use std::time::Duration;

use serde_json::json;
use support::fake_vendor::FakeVendor;
use vcare_rest::{Client, Credentials};

fn client(url: &str, reuse: bool) -> Client {
    Client::builder()
        .base_url(url)
        .credentials(Credentials::new("V1", "apiuser", "api-pass", "1234"))
        .agent_id("ewebsiteapi")
        .reuse_tokens(reuse)
        .build()
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shared_client_never_reuses_a_token() {
    let fake = FakeVendor::start(Duration::from_secs(15)).await.unwrap();
    let client = client(&fake.server.url(), true);
    let mut tasks = Vec::new();
    for _ in 0..16 {
        let client = client.clone();
        tasks.push(tokio::spawn(async move {
            for _ in 0..10 {
                let reply = client
                    .call_idempotent("plan", "plan_list", json!({"zip_code": "07502"}))
                    .await
                    .unwrap();
                assert_eq!(reply.data, Some(json!({"action": "plan_list"})));
            }
        }));
    }
    for task in tasks {
        task.await.unwrap();
    }
    let stats = fake.stats();
    assert_eq!(stats.calls, 160);
    assert_eq!(stats.already_used, 0, "{stats:?}");
    assert_eq!(stats.invalid, 0, "{stats:?}");
    assert_eq!(stats.expired, 0, "{stats:?}");
    // At most one authentication per concurrent task's first call; the rest ride the pool.
    assert!(stats.authentications <= 16, "{stats:?}");
    assert_eq!(client.token_stats().authentications, stats.authentications);

    // Every token header the fake received is distinct.
    let mut seen = std::collections::HashSet::new();
    for req in fake.server.requests() {
        if let Some(token) = req.header("token") {
            assert!(seen.insert(token.to_owned()), "token sent twice");
        }
    }
    assert_eq!(seen.len(), 160);
}

#[tokio::test]
async fn without_reuse_every_call_authenticates() {
    let fake = FakeVendor::start(Duration::from_secs(15)).await.unwrap();
    let client = client(&fake.server.url(), false);
    for _ in 0..5 {
        client
            .call_idempotent("plan", "plan_list", json!({}))
            .await
            .unwrap();
    }
    let stats = fake.stats();
    assert_eq!(
        (stats.calls, stats.authentications, stats.already_used),
        (5, 5, 0)
    );
}

#[tokio::test]
async fn a_token_the_vendor_expired_is_replaced_once() {
    // Tokens die at once at the fake, but the client trusts them for 10 s: each call is
    // refused once ("Token expire"), re-authenticates and goes through.
    let fake = FakeVendor::start(Duration::ZERO).await.unwrap();
    let client = client(&fake.server.url(), true);
    client.authenticate().await.unwrap();
    tokio::time::sleep(Duration::from_millis(5)).await;
    let reply = client.call("plan", "plan_list", json!({})).await;
    // The fresh token from the retry is also dead on arrival at this fake, so the second
    // rejection is a typed error rather than a loop.
    let error = reply.unwrap_err();
    assert!(
        matches!(error, vcare_rest::Error::TokenRejected { .. }),
        "{error}"
    );
    assert!(error.is_retryable());
    let stats = fake.stats();
    assert_eq!((stats.calls, stats.expired, stats.already_used), (2, 2, 0));
}

#[test]
fn client_is_clone_send_sync_and_futures_are_send() {
    fn assert_traits<T: Clone + Send + Sync + 'static>() {}
    fn assert_send<T: Send>(_: &T) {}
    assert_traits::<Client>();
    let c = client("http://127.0.0.1:9", true);
    let request = vcare_rest::models::plan::PlanList::new(
        "07502",
        vcare_rest::models::enrollment::EnrollmentType::NonLifeline,
    );
    assert_send(&c.plan_list(&request));
    assert_send(&c.call("plan", "plan_list", json!({})));
}
