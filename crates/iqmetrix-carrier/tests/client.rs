//! Client behaviour against a local server: shared tokens under concurrency, path encoding,
//! and secrets kept out of logs and `Debug`.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures::TryStreamExt;
use iqmetrix_carrier::{
    CarrierPath, Client, ClientBuilder, ConfirmedActivationsQuery, Credentials, Error,
    LocationPath, LookupKey, RetryPolicy,
};
use mock_http::{MockServer, Reply, Response};

const PASSWORD: &str = "hunter2-password";
const CLIENT_SECRET: &str = "client-secret-xyz";

fn token_body(access: &str, refresh: &str) -> serde_json::Value {
    serde_json::json!({ "access_token": access, "expires_in": 43199, "refresh_token": refresh })
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

/// Carrier services on `api`, the token service on `accounts`: `accounts_url` moves the
/// token host away from the one `base_url` sets for both.
fn client(accounts: &MockServer, api: &MockServer) -> Client {
    builder(accounts, api).build().expect("client builds")
}

fn builder(accounts: &MockServer, api: &MockServer) -> ClientBuilder {
    Client::builder(Credentials::Password {
        username: "user@example.com".into(),
        password: PASSWORD.into(),
        client_id: "client-1".into(),
        client_secret: CLIENT_SECRET.into(),
    })
    .base_url(api.url())
    .accounts_url(accounts.url())
    .retry_policy(
        RetryPolicy::default().with_backoff(Duration::from_millis(1), Duration::from_millis(5)),
    )
}

const FIELDS: &str = r#"[{"Id":6,"FieldName":"North American Mobile Number","InputType":"Text","Value":"2562788972"}]"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_tasks_share_one_token_request() {
    // The token answer is slow, so every task finds no token and queues on the refresh.
    let accounts = MockServer::start(|_| {
        Reply::Delay(
            Duration::from_millis(100),
            Box::new(Response::json(200, &token_body("t1", "r1")).into()),
        )
    })
    .await
    .expect("accounts server");
    let api = MockServer::start(|req| {
        assert_eq!(req.header("authorization"), Some("Bearer t1"));
        Response::new(200)
            .header("Content-Type", "application/json")
            .body(FIELDS)
            .into()
    })
    .await
    .expect("api server");
    let client = client(&accounts, &api);
    let tasks: Vec<_> = (0..16)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move { client.get_activation_lookup_fields(&carrier()).await })
        })
        .collect();
    for task in tasks {
        let fields = task.await.expect("task ran").expect("call succeeded");
        assert_eq!(fields.len(), 1);
    }
    assert_eq!(
        accounts.requests().len(),
        1,
        "one token request for all tasks"
    );
    assert_eq!(api.requests().len(), 16);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_401s_lead_to_one_refresh() {
    let grants = Arc::new(Mutex::new(Vec::new()));
    let seen = Arc::clone(&grants);
    let accounts = MockServer::start(move |req| {
        let grant = req
            .form_pairs()
            .into_iter()
            .find(|(k, _)| k == "grant_type")
            .map(|(_, v)| v)
            .unwrap_or_default();
        seen.lock().expect("lock").push(grant.clone());
        let body = if grant == "password" {
            token_body("t1", "r1")
        } else {
            token_body("t2", "r2")
        };
        Reply::Delay(
            Duration::from_millis(50),
            Box::new(Response::json(200, &body).into()),
        )
    })
    .await
    .expect("accounts server");
    let api = MockServer::start(|req| match req.header("authorization") {
        Some("Bearer t2") => Response::new(200)
            .header("Content-Type", "application/json")
            .body(FIELDS)
            .into(),
        _ => Response::new(401).body("Invalid token").into(),
    })
    .await
    .expect("api server");
    let client = client(&accounts, &api);
    let tasks: Vec<_> = (0..12)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move { client.get_activation_lookup_fields(&carrier()).await })
        })
        .collect();
    for task in tasks {
        task.await
            .expect("task ran")
            .expect("call succeeded after re-authentication");
    }
    let grants = grants.lock().expect("lock").clone();
    assert_eq!(
        grants,
        ["password", "refresh_token"],
        "one fetch, then one refresh for every 401"
    );
}

#[tokio::test]
async fn lookup_values_are_percent_encoded_in_the_path() {
    let accounts = MockServer::start(|_| Response::json(200, &token_body("t1", "r1")).into())
        .await
        .expect("accounts server");
    let api =
        MockServer::start(|_| Response::json(200, &serde_json::json!({"Id": "6=A B/C"})).into())
            .await
            .expect("api server");
    let client = client(&accounts, &api);
    let key = LookupKey::new(6, "A B/C")
        .expect("key")
        .and(1, "35854205829867")
        .expect("key");
    let activation = client
        .get_activation(&location().activation(key))
        .await
        .expect("call succeeded");
    assert_eq!(activation.id.as_deref(), Some("6=A B/C"));
    let requests = api.requests();
    assert_eq!(
        requests.first().map(|r| r.path.as_str()),
        Some(
            "/v2/Companies(123)/Locations(5678)/Carriers(41)/Activations(6=A%20B%2FC,1=35854205829867)"
        )
    );
}

#[tokio::test]
async fn the_stream_stops_at_the_first_error_after_yielding_what_it_read() {
    let calls = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&calls);
    let accounts = MockServer::start(|_| Response::json(200, &token_body("t1", "r1")).into())
        .await
        .expect("accounts server");
    let api = MockServer::start(move |_| {
        if counter.fetch_add(1, Ordering::SeqCst) == 0 {
            Response::json(
                200,
                &serde_json::json!({
                    "_links": {"next": {"href": "v2/Companies(123)/Carriers(41)/ConfirmedActivations?$skip=1&$top=1"}},
                    "_embedded": {"self": [{"Id": 1}]}
                }),
            )
            .into()
        } else {
            Response::new(404).body("Not Found").into()
        }
    })
    .await
    .expect("api server");
    let client = client(&accounts, &api);
    let query = ConfirmedActivationsQuery::builder()
        .company_id(123)
        .carrier_id(41)
        .since(time::macros::datetime!(2015-07-16 21:29:31 UTC))
        .top(1)
        .build()
        .expect("query");
    let mut stream = Box::pin(client.list_confirmed_activations(&query));
    let first = stream
        .try_next()
        .await
        .expect("first page")
        .expect("an item");
    assert_eq!(first.id, Some(1));
    let err = stream.try_next().await.expect_err("second page fails");
    assert!(matches!(err, Error::NotFound { .. }), "{err}");
    assert!(
        stream.try_next().await.expect("ended").is_none(),
        "nothing after the error"
    );
    assert_eq!(calls.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn body_excerpts_in_errors_mask_ssns_and_tokens() {
    let accounts = MockServer::start(|_| Response::json(200, &token_body("t1", "r1")).into())
        .await
        .expect("accounts server");
    let api = MockServer::start(|req| {
        if req.method == "GET" {
            // Undecodable (CarrierId is an object), with an SSN in it.
            Response::new(200)
                .header("Content-Type", "application/json")
                .body(r#"{"Id":"6=1","CarrierActivationDetails":{"Subscriber":{"SSN":"6789"}},"CarrierId":{}}"#)
                .into()
        } else {
            Response::new(500)
                .body(r#"{"Message":"failed","access_token":"leaked-token-1"}"#)
                .into()
        }
    })
    .await
    .expect("api server");
    let client = client(&accounts, &api);
    let path = location().activation("6=1".parse().expect("key"));
    let err = client.get_activation(&path).await.expect_err("undecodable");
    let text = format!("{err} {err:?}");
    assert!(matches!(err, Error::Decode { .. }), "{text}");
    assert!(!text.contains("6789"), "{text}");
    assert!(text.contains("[REDACTED]"), "{text}");
    let err = client
        .enable_carrier_integration(&location())
        .await
        .expect_err("500");
    let text = format!("{err} {err:?}");
    assert!(!text.contains("leaked-token-1"), "{text}");
    assert_eq!(err.status(), Some(500));
}

#[tokio::test]
async fn an_answer_longer_than_max_body_bytes_is_a_decode_error_not_resent() {
    let accounts = MockServer::start(|_| Response::json(200, &token_body("t1", "r1")).into())
        .await
        .expect("accounts server");
    let api = MockServer::start(|_| {
        Response::new(200)
            .header("Content-Type", "application/json")
            .body(FIELDS.repeat(20))
            .into()
    })
    .await
    .expect("api server");
    // The token answer (about 70 bytes) fits; the lookup fields (over 2 KB) do not.
    let client = builder(&accounts, &api)
        .max_body_bytes(1024)
        .build()
        .expect("client builds");
    let error = client
        .get_activation_lookup_fields(&carrier())
        .await
        .expect_err("the answer is longer than 1 KiB");
    assert!(matches!(error, Error::Decode { .. }), "{error:?}");
    assert!(error.to_string().contains("1024 bytes"), "{error}");
    // Even a read is not sent again: the same answer would come back.
    assert_eq!(api.requests().len(), 1);
}
