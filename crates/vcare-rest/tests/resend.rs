//! The one resend rule and the token renewal, through the public client: a rejected token is
//! replaced by a brand-new one from `/authenticate` (never a pooled one), a write answered 429
//! is resent with its own token, a write answered 503 is not.
#![allow(clippy::unwrap_used, missing_docs)]

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use mock_http::{MockServer, Response};
use serde_json::json;
use vcare_rest::{CallKind, Client, ClientBuilder, Credentials, Error, RetryPolicy};

/// A server whose API answers follow `script` in order (then success), and whose
/// `/authenticate` hands out `auth-1`, `auth-2`, ...
async fn server(script: Vec<Response>) -> MockServer {
    let auths = Arc::new(AtomicUsize::new(0));
    let script = Arc::new(Mutex::new(script.into_iter()));
    MockServer::start(move |req| {
        if req.path == "/authenticate" {
            let n = auths.fetch_add(1, Ordering::SeqCst) + 1;
            return Response::json(
                200,
                &json!({"msg_code": "RESTAPI000", "token": format!("auth-{n}")}),
            )
            .into();
        }
        let next = script.lock().unwrap().next();
        next.unwrap_or_else(|| Response::json(200, &json!({"msg_code": "RESTAPI000", "data": {}})))
            .into()
    })
    .await
    .unwrap()
}

fn client(url: &str) -> Client {
    builder(url).build().unwrap()
}

fn builder(url: &str) -> ClientBuilder {
    Client::builder(Credentials {
        vendor_id: "V1".into(),
        username: "apiuser".into(),
        password: "api-pass".into(),
        pin: "1234".into(),
        agent_id: "ewebsiteapi".into(),
        agent_password: None,
    })
    .base_url(url)
    .retry_policy(
        RetryPolicy::default()
            .with_max_attempts(3)
            .with_backoff(Duration::from_millis(1), Duration::from_millis(5)),
    )
}

fn tokens_sent(server: &MockServer) -> Vec<String> {
    server
        .requests()
        .iter()
        .filter(|r| r.path != "/authenticate")
        .map(|r| r.header("token").unwrap_or("").to_owned())
        .collect()
}

#[tokio::test]
async fn a_rejected_token_is_replaced_by_a_new_one_not_a_pooled_one() {
    let rejected = Response::json(
        200,
        &json!({"msg_code": "RESTAPI001", "msg": "Token already used"}),
    );
    let server = server(vec![rejected]).await;
    let client = client(&server.url());
    // Two tokens wait in the pool.
    client.authenticate().await.unwrap();
    client.authenticate().await.unwrap();
    client
        .call_raw("customer", "cancel_autopay", &json!({}), CallKind::Write)
        .await
        .unwrap();
    // The first attempt took the freshest pooled token; the resend authenticated anew.
    assert_eq!(tokens_sent(&server), ["auth-2", "auth-3"]);
    assert_eq!(client.token_stats().rejections, 1);
    assert_eq!(client.token_stats().pooled, 1);
}

#[tokio::test]
async fn a_second_rejection_is_a_typed_error() {
    let rejected = || {
        Response::json(
            200,
            &json!({"msg_code": "RESTAPI001", "msg": "Invalid Token"}),
        )
    };
    let server = server(vec![rejected(), rejected()]).await;
    let client = client(&server.url());
    let error = client
        .call_raw("customer", "x", &json!({}), CallKind::Write)
        .await
        .unwrap_err();
    assert!(matches!(error, Error::TokenRejected { .. }), "{error}");
    assert_eq!(tokens_sent(&server), ["auth-1", "auth-2"]);
}

#[tokio::test]
async fn a_write_answered_429_is_resent_with_its_own_token() {
    let throttled = Response::new(429)
        .header("Retry-After", "0")
        .body("slow down");
    let server = server(vec![throttled]).await;
    let client = client(&server.url());
    client
        .call_raw("payment", "make_payment", &json!({}), CallKind::Write)
        .await
        .unwrap();
    assert_eq!(tokens_sent(&server), ["auth-1", "auth-2"]);
}

#[tokio::test]
async fn a_write_answered_503_is_not_resent_but_a_read_is() {
    let unavailable = || Response::new(503).body("Service Unavailable");
    let server = server(vec![unavailable(), unavailable()]).await;
    let client = client(&server.url());
    let error = client
        .call_raw("payment", "make_payment", &json!({}), CallKind::Write)
        .await
        .unwrap_err();
    assert!(
        matches!(error, Error::HttpStatus { status: 503, .. }),
        "{error}"
    );
    assert!(error.is_retryable());
    assert_eq!(tokens_sent(&server).len(), 1);
    client
        .call_raw("plan", "plan_list", &json!({}), CallKind::Read)
        .await
        .unwrap();
    assert_eq!(tokens_sent(&server), ["auth-1", "auth-2", "auth-3"]);
}

#[tokio::test]
async fn an_answer_longer_than_max_body_bytes_is_a_decode_error_not_resent() {
    let long = Response::json(
        200,
        &json!({"msg_code": "RESTAPI000", "data": {"note": "x".repeat(4096)}}),
    );
    let server = server(vec![long]).await;
    let client = builder(&server.url()).max_body_bytes(1024).build().unwrap();
    let error = client
        .call_raw("customer", "customer_info", &json!({}), CallKind::Read)
        .await
        .unwrap_err();
    assert!(matches!(error, Error::Decode { .. }), "{error:?}");
    assert!(error.to_string().contains("1024 bytes"), "{error}");
    // Even a read is not sent again: the same answer would come back.
    assert_eq!(tokens_sent(&server).len(), 1);
}
