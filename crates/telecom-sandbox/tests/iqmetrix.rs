//! The real `iqmetrix-carrier` client against the iQmetrix fake.

use std::time::Duration;

use futures::TryStreamExt;
use iqmetrix_carrier::models::activation::Activation;
use iqmetrix_carrier::{
    ActivationPath, CarrierPath, Client, ConfirmedActivationsQuery,
    ConfirmedActivationsQueryBuilder, Credentials, LocationPath, LookupKey, RetryPolicy,
};
use serde_json::json;
use telecom_sandbox::iqmetrix::{self, IqmetrixConfig, IqmetrixSandbox};
use telecom_sandbox::{Fault, FaultRule};

fn client_with(sandbox: &IqmetrixSandbox, password: &str) -> Client {
    // One URL: the fake serves the token service at `/v1` and carrier services at `/v2`.
    Client::builder(Credentials::Password {
        username: "apiuser@example.com".into(),
        password: password.into(),
        client_id: "client-1".into(),
        client_secret: "s3cret".into(),
    })
    .base_url(sandbox.url())
    .retry_policy(
        RetryPolicy::default()
            .with_max_attempts(3)
            .with_backoff(Duration::from_millis(1), Duration::from_millis(5)),
    )
    .build()
    .expect("client builds")
}

fn client(sandbox: &IqmetrixSandbox) -> Client {
    client_with(sandbox, "p@ss word")
}

fn activation() -> Activation {
    serde_json::from_str(include_str!("data/iqmetrix_activation.json")).expect("spec activation")
}

fn carrier() -> CarrierPath {
    CarrierPath::builder()
        .company_id(123)
        .carrier_id(41)
        .build()
        .expect("carrier path")
}

fn location() -> LocationPath {
    LocationPath::builder()
        .company_id(123)
        .location_id(5678)
        .carrier_id(41)
        .build()
        .expect("location path")
}

fn path() -> ActivationPath {
    let key: LookupKey = "6=1115550123".parse().expect("key");
    location().activation(key)
}

fn confirmed_since(since: &str) -> ConfirmedActivationsQueryBuilder {
    ConfirmedActivationsQuery::builder()
        .company_id(123)
        .carrier_id(41)
        .since_text(since)
}

#[tokio::test]
async fn activation_put_then_get_and_configurations() {
    let sandbox = iqmetrix::start().await.expect("sandbox starts");
    let client = client(&sandbox);

    let missing = client
        .get_activation(&path())
        .await
        .expect_err("nothing stored yet");
    assert_eq!(missing.status(), Some(404));

    let stored = client
        .create_activation(&path(), &activation())
        .await
        .expect("PUT succeeds");
    assert_eq!(stored.id.as_deref(), Some("6=1115550123"));
    assert!(sandbox.activation(123, 5678, 41, "6=1115550123").is_some());
    let read = client.get_activation(&path()).await.expect("read back");
    assert_eq!(read, stored);

    let fields = client
        .get_activation_lookup_fields(&carrier())
        .await
        .expect("lookup fields");
    assert_eq!(fields.len(), 1);

    client
        .enable_carrier_integration(&location())
        .await
        .expect("enable");
    let config = sandbox.configuration(123, 41).expect("configuration kept");
    assert_eq!(
        config.pointer("/LocationSettingsResource/Locations/0/IntegrationSettings/0/Value"),
        Some(&json!("True"))
    );
    client
        .disable_carrier_integration(&location())
        .await
        .expect("disable");
    let read = client
        .get_configurations(&carrier())
        .await
        .expect("get configurations");
    let value = read
        .location_settings_resource
        .and_then(|l| l.locations)
        .and_then(|l| l.into_iter().next())
        .and_then(|l| l.integration_settings)
        .and_then(|s| s.into_iter().next())
        .and_then(|s| s.value);
    assert_eq!(value.as_deref(), Some("False"));
    // The path the spec gives disable, with its trailing slash, reached the fake.
    assert!(
        sandbox
            .requests()
            .iter()
            .any(|r| r.method == "POST"
                && r.path == "/v2/Companies(123)/Carriers(41)/Configurations/")
    );
}

#[tokio::test]
async fn confirmed_activations_are_paged_with_hal_links() {
    let sandbox = IqmetrixSandbox::start(IqmetrixConfig {
        confirmed_activations: 7,
        ..IqmetrixConfig::default()
    })
    .await
    .expect("sandbox starts");
    let client = client(&sandbox);
    let query = confirmed_since("2015-07-16T21:29:31.000Z")
        .top(3)
        .build()
        .expect("query");
    let first = client
        .get_confirmed_activations(&query)
        .await
        .expect("first page");
    assert_eq!(first.items.len(), 3);
    assert!(first.next.is_some());
    assert!(
        first.prev.is_none(),
        "the spec's \"null\" string is no link"
    );

    let all: Vec<_> = client
        .list_confirmed_activations(&query)
        .try_collect()
        .await
        .expect("every page");
    assert_eq!(all.len(), 7);
    let ids: Vec<i64> = all.iter().filter_map(|a| a.id).collect();
    assert_eq!(ids, vec![1, 2, 3, 4, 5, 6, 7]);
    let skips: Vec<String> = sandbox
        .requests()
        .iter()
        .filter(|r| r.path.ends_with("ConfirmedActivations"))
        .skip(1)
        .filter_map(|r| {
            r.query_pairs()
                .into_iter()
                .find(|(k, _)| k == "$skip")
                .map(|(_, v)| v)
        })
        .collect();
    assert_eq!(skips, vec!["0", "3", "6"]);

    // A later `since` filters.
    let late = confirmed_since("2015-07-26T00:00:00Z")
        .build()
        .expect("query");
    let page = client.get_confirmed_activations(&late).await.expect("page");
    assert_eq!(page.items.len(), 2);
}

#[tokio::test]
async fn expired_token_is_refreshed_and_a_revoked_refresh_falls_back() {
    let sandbox = iqmetrix::start().await.expect("sandbox starts");
    let client = client(&sandbox);
    client
        .get_configurations(&carrier())
        .await
        .expect("first call");
    assert_eq!(sandbox.token_requests(), 1);

    sandbox.expire_tokens();
    client
        .get_configurations(&carrier())
        .await
        .expect("after a 401 the client renews");
    let grants: Vec<String> = sandbox
        .requests()
        .iter()
        .filter(|r| r.path == "/v1/oauth2/token")
        .filter_map(|r| {
            r.body_form()
                .into_iter()
                .find(|(k, _)| k == "grant_type")
                .map(|(_, v)| v)
        })
        .collect();
    assert_eq!(grants, vec!["password", "refresh_token"]);
    let unauthorized = sandbox
        .requests()
        .iter()
        .filter(|r| r.path.starts_with("/v2/"))
        .count();
    assert_eq!(
        unauthorized, 3,
        "first call, the refused one, the renewed one"
    );

    sandbox.expire_tokens();
    sandbox.revoke_refresh_tokens();
    client
        .get_configurations(&carrier())
        .await
        .expect("falls back to the password grant");

    let wrong = client_with(&sandbox, "wrong");
    let err = wrong
        .get_configurations(&carrier())
        .await
        .expect_err("invalid_grant");
    assert_eq!(err.vendor_code(), Some("invalid_grant"));
}

#[tokio::test]
async fn bearer_is_checked() {
    let sandbox = iqmetrix::start().await.expect("sandbox starts");
    let resp = reqwest::Client::new()
        .get(format!(
            "{}/v2/Companies(123)/Carriers(41)/Configurations",
            sandbox.url()
        ))
        .header("Authorization", "Bearer nope")
        .send()
        .await
        .expect("sent");
    assert_eq!(resp.status().as_u16(), 401);
    assert_eq!(resp.text().await.expect("body"), "Invalid token");
}

#[tokio::test]
async fn rate_limit_headers_and_429() {
    let sandbox = IqmetrixSandbox::start(IqmetrixConfig {
        rate_limit: Some((2, Duration::from_secs(60))),
        ..IqmetrixConfig::default()
    })
    .await
    .expect("sandbox starts");
    let http = reqwest::Client::new();
    let token: serde_json::Value = http
        .post(format!("{}/v1/oauth2/token", sandbox.url()))
        .form(&[
            ("grant_type", "password"),
            ("username", "apiuser@example.com"),
            ("password", "p@ss word"),
            ("client_id", "client-1"),
            ("client_secret", "s3cret"),
        ])
        .send()
        .await
        .expect("sent")
        .json()
        .await
        .expect("json");
    let bearer = format!("Bearer {}", token["access_token"].as_str().expect("token"));
    let url = format!(
        "{}/v2/Companies(123)/Carriers(41)/ActivationImportFields",
        sandbox.url()
    );
    let mut remaining = Vec::new();
    for _ in 0..3 {
        let resp = http
            .get(&url)
            .header("Authorization", &bearer)
            .send()
            .await
            .expect("sent");
        remaining.push((
            resp.status().as_u16(),
            resp.headers()
                .get("X-RateLimit-Remaining")
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned),
        ));
        assert_eq!(
            resp.headers()
                .get("X-RateLimit-Limit")
                .and_then(|v| v.to_str().ok()),
            Some("2")
        );
    }
    assert_eq!(
        remaining,
        vec![
            (200, Some("1".to_owned())),
            (200, Some("0".to_owned())),
            (429, Some("0".to_owned()))
        ]
    );
}

#[tokio::test]
async fn faults_and_the_clients_retry() {
    let sandbox = iqmetrix::start().await.expect("sandbox starts");
    let client = client(&sandbox);
    let path_text = "/v2/Companies(123)/Carriers(41)/Configurations";
    sandbox.inject(
        FaultRule::new(path_text, Fault::Status { status: 503 })
            .method("GET")
            .times(1),
    );
    client
        .get_configurations(&carrier())
        .await
        .expect("a read is retried past a 503");
    assert_eq!(
        sandbox
            .requests()
            .iter()
            .filter(|r| r.path == path_text)
            .count(),
        2
    );

    // A POST is not resent after the connection closed without an answer.
    sandbox.clear_requests();
    sandbox.inject(
        FaultRule::new(path_text, Fault::Close)
            .method("POST")
            .times(1),
    );
    client
        .enable_carrier_integration(&location())
        .await
        .expect_err("closed");
    assert_eq!(
        sandbox
            .requests()
            .iter()
            .filter(|r| r.path == path_text)
            .count(),
        1
    );

    // A latency longer than the client's timeout is a timeout, then the retry succeeds.
    sandbox.clear_requests();
    sandbox.inject(FaultRule::new(path_text, Fault::Latency { ms: 50 }).times(1));
    client
        .get_configurations(&carrier())
        .await
        .expect("slow but fine");
}
