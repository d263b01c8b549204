//! The real `vcare-rest` client against the vcare fake.

use std::time::Duration;

use telecom_sandbox::vcare::{self, VcareConfig, VcareSandbox};
use telecom_sandbox::{Fault, FaultRule};
use vcare_rest::{
    CheckDeviceCompatibility, Client, CreateCustomerV2, CreateHomephoneCustomer, Credentials,
    CustomerInfoRequest, Error, MsgCode, NewLine, PlanList, RetryPolicy, SimSwap, Source,
};

/// The sandbox's default tenant, optionally with an agent password.
fn credentials(agent_password: Option<&str>) -> Credentials {
    Credentials {
        vendor_id: "V1".into(),
        username: "apiuser".into(),
        password: "api-pass".into(),
        pin: "1234".into(),
        agent_id: "ewebsiteapi".into(),
        agent_password: agent_password.map(Into::into),
    }
}

fn client(sandbox: &VcareSandbox) -> Client {
    Client::builder(credentials(None))
        .base_url(sandbox.url())
        .source(Source::Website)
        .retry_policy(
            RetryPolicy::default()
                .with_max_attempts(3)
                .with_backoff(Duration::from_millis(1), Duration::from_millis(5)),
        )
        .build()
        .expect("client builds")
}

fn order(enrollment: &str) -> CreateHomephoneCustomer {
    CreateHomephoneCustomer::builder()
        .enrollment_id(enrollment)
        .zip_code("30901")
        .features(["1577", "1680"])
        .plan_id("262")
        .ssnum("3437")
        .f_name("RAKESH")
        .carrier("ATTH")
        .phone_number("4567890765")
        .build()
        .expect("a valid order")
}

fn plans() -> PlanList {
    PlanList::builder()
        .zip_code("07502")
        .build()
        .expect("a valid request")
}

fn lookup(enrollment: &str) -> CustomerInfoRequest {
    CustomerInfoRequest::builder()
        .enrollment_id(enrollment)
        .build()
        .expect("a valid request")
}

#[tokio::test]
async fn create_read_back_and_duplicate() {
    let sandbox = vcare::start().await.expect("sandbox starts");
    let client = client(&sandbox);

    let created = client
        .create_homephone_customer(&order("WN1597"))
        .await
        .expect("first create succeeds");
    let stored = sandbox
        .customer("WN1597")
        .expect("the fake holds the customer");
    assert_eq!(
        created.customer_id.map(|c| c.to_string()),
        Some(stored.customer_id.to_string())
    );

    let found = client
        .customer_info(&lookup("WN1597"))
        .await
        .expect("lookup succeeds");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].enrollment_id.as_deref(), Some("WN1597"));
    assert_eq!(found[0].telephone_number.as_deref(), Some("4567890765"));

    // A repeat (a caller resending after a timeout) is told apart without string matching:
    // the first create did the work.
    let again = client
        .create_homephone_customer(&order("WN1597"))
        .await
        .expect_err("a repeat create is refused");
    let Error::AlreadyCreated {
        enrollment_ids,
        message,
        ..
    } = &again
    else {
        panic!("not AlreadyCreated: {again:?}");
    };
    assert_eq!(enrollment_ids, &["WN1597"]);
    assert!(
        message.as_str().contains("Customer is already created"),
        "{again}"
    );
    assert_eq!(again.vendor_code(), Some("RESTAPI110"));
    assert_eq!(again.error_code(), Some(&MsgCode::ValidationError));
    assert!(!again.is_retryable());

    // Every API call carried a token, and no token was presented twice.
    let tokens: Vec<String> = sandbox
        .requests()
        .iter()
        .filter(|r| r.path != "/authenticate")
        .filter_map(|r| r.header("token").map(str::to_owned))
        .collect();
    assert_eq!(tokens.len(), 3);
    let mut unique = tokens.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(
        unique.len(),
        tokens.len(),
        "a single-use token was sent twice"
    );
}

#[tokio::test]
async fn reused_and_expired_tokens_get_restapi001() {
    let sandbox = vcare::start().await.expect("sandbox starts");
    let http = reqwest::Client::new();
    let auth: serde_json::Value = http
        .post(format!("{}/authenticate", sandbox.url()))
        .json(&serde_json::json!({"vendor_id": "V1", "username": "apiuser", "password": "api-pass", "pin": "1234"}))
        .send()
        .await
        .expect("sent")
        .json()
        .await
        .expect("json");
    assert_eq!(auth["msg"], "Successfully Authenticate");
    let token = auth["token"].as_str().expect("a token").to_owned();
    let body = serde_json::json!({"action": "plan_list", "request_name": "plan", "zip_code": "07502",
        "enrollment_type": "NON_LIFELINE", "agent_id": "ewebsiteapi", "source": "API"});
    let call = |token: String| {
        let http = http.clone();
        let body = body.clone();
        let url = format!("{}/plan", sandbox.url());
        async move {
            http.post(url)
                .header("token", token)
                .json(&body)
                .send()
                .await
                .expect("sent")
                .json::<serde_json::Value>()
                .await
                .expect("json")
        }
    };
    let first = call(token.clone()).await;
    assert_eq!(first["msg_code"], "RESTAPI000");
    let next = first["token"].as_str().expect("next token").to_owned();
    assert_ne!(next, token);
    let reused = call(token).await;
    assert_eq!(reused["msg"], "Token already used");
    assert_eq!(reused["msg_code"], "RESTAPI001");
    assert!(!reused["token"].as_str().unwrap_or("").is_empty());

    sandbox.expire_tokens();
    let expired = call(next).await;
    assert_eq!(expired["msg"], "Token expire");
    assert_eq!(expired["token"], "");

    let invalid = call("nonsense".into()).await;
    assert_eq!(invalid["msg"], "Invalid Token");

    let bad: serde_json::Value = http
        .post(format!("{}/authenticate", sandbox.url()))
        .json(&serde_json::json!({"vendor_id": "V1", "username": "apiuser", "password": "wrong", "pin": "1234"}))
        .send()
        .await
        .expect("sent")
        .json()
        .await
        .expect("json");
    assert_eq!(
        bad,
        serde_json::json!({"msg": "Invalid credentials!!", "msg_code": "RESTAPI001", "token": ""})
    );

    // Each API call was judged once; the refused authentication issued nothing.
    let stats = sandbox.token_stats();
    assert_eq!(
        (
            stats.authentications,
            stats.accepted,
            stats.already_used,
            stats.expired,
            stats.invalid
        ),
        (1, 1, 1, 1, 1),
        "{stats:?}"
    );
    let calls = sandbox
        .requests()
        .iter()
        .filter(|r| r.path != "/authenticate")
        .count();
    assert_eq!(calls, 4);
}

#[tokio::test]
async fn client_recovers_from_an_expired_token() {
    let sandbox = vcare::start().await.expect("sandbox starts");
    let client = client(&sandbox);
    client.plan_list(&plans()).await.expect("first call");
    assert_eq!(sandbox.authentications(), 1);
    // The pooled token handed out by the last answer is now past its lifetime.
    sandbox.expire_tokens();
    let plans = client
        .plan_list(&plans())
        .await
        .expect("the client re-authenticates and succeeds");
    assert!(!plans.is_empty());
    assert_eq!(sandbox.authentications(), 2);
}

#[tokio::test]
async fn agent_and_source_checks() {
    let sandbox = VcareSandbox::start(VcareConfig {
        agent_password: Some("agent-secret".into()),
        allowed_sources: vec!["API".into()],
        ..VcareConfig::default()
    })
    .await
    .expect("sandbox starts");
    let no_password = client(&sandbox);
    let err = no_password
        .plan_list(&plans())
        .await
        .expect_err("agent password required");
    assert_eq!(err.vendor_code(), Some("RESTAPI104"));

    let website = Client::builder(credentials(Some("agent-secret")))
        .base_url(sandbox.url())
        .source(Source::Website)
        .build()
        .expect("client builds");
    let err = website
        .plan_list(&plans())
        .await
        .expect_err("WEBSITE not allowed");
    assert_eq!(err.vendor_code(), Some("RESTAPI103"));

    let ok = website.with_source(Source::Api);
    ok.plan_list(&plans())
        .await
        .expect("API source with the agent password is accepted");
}

#[tokio::test]
async fn injected_faults_and_the_clients_retry() {
    let sandbox = vcare::start().await.expect("sandbox starts");
    let client = client(&sandbox);
    // A read is resent after an HTML 502 page.
    sandbox.inject(FaultRule::new("/plan", Fault::HtmlError { status: 502 }).times(1));
    client
        .plan_list(&plans())
        .await
        .expect("retried past the 502 page");
    let plan_calls = sandbox
        .requests()
        .iter()
        .filter(|r| r.path == "/plan")
        .count();
    assert_eq!(plan_calls, 2);

    // A write is not resent after a truncated answer: one request, one error.
    sandbox.clear_requests();
    sandbox.inject(FaultRule::new("/customer", Fault::Truncate).times(1));
    client
        .create_homephone_customer(&order("WN2000"))
        .await
        .expect_err("truncated answer");
    let customer_calls = sandbox
        .requests()
        .iter()
        .filter(|r| r.path == "/customer")
        .count();
    assert_eq!(customer_calls, 1);

    // The same through the admin endpoint: a reset on the next /plan call, then a success.
    let http = reqwest::Client::new();
    let status = http
        .post(format!("{}/__sandbox/faults", sandbox.url()))
        .body(r#"{"path": "/plan", "fault": {"kind": "reset"}, "times": 1}"#)
        .send()
        .await
        .expect("admin call")
        .status();
    assert_eq!(status.as_u16(), 201);
    sandbox.clear_requests();
    client
        .plan_list(&plans())
        .await
        .expect("retried past the reset");
    assert_eq!(
        sandbox
            .requests()
            .iter()
            .filter(|r| r.path == "/plan")
            .count(),
        2
    );

    // 429 with Retry-After on a read: honoured, then resent.
    sandbox.clear_requests();
    sandbox.inject(
        FaultRule::new(
            "/plan",
            Fault::TooManyRequests {
                retry_after_secs: 0,
            },
        )
        .times(1),
    );
    client.plan_list(&plans()).await.expect("resent after 429");
    let seen = sandbox.requests();
    let plans: Vec<_> = seen.iter().filter(|r| r.path == "/plan").collect();
    assert_eq!(plans.len(), 2);
    assert_ne!(plans[0].header("token"), plans[1].header("token"));
}

#[tokio::test]
async fn sim_swap_changes_the_customers_sim() {
    let sandbox = vcare::start().await.expect("sandbox starts");
    let client = client(&sandbox);
    client
        .create_homephone_customer(&order("WN3000"))
        .await
        .expect("created");
    let swap = SimSwap::builder()
        .enrollment_id("WN3000")
        .new_esn("8901260000000000002")
        .model_id("17")
        .store_id("44")
        .change_type(vcare_rest::ChangeType::Electronic)
        .change_reason_process(vcare_rest::ChangeReason::LostByCustomer)
        .build()
        .expect("a sim_swap request");
    client.sim_swap(&swap).await.expect("swapped");
    assert_eq!(
        sandbox.customer("WN3000").and_then(|c| c.esn).as_deref(),
        Some("8901260000000000002")
    );
    let found = client
        .customer_info(&lookup("WN3000"))
        .await
        .expect("lookup");
    assert_eq!(found[0].esn_number.as_deref(), Some("8901260000000000002"));
    let again = client.sim_swap(&swap).await.expect_err("same SIM");
    assert_eq!(again.vendor_code(), Some("RESTAPI110"));
}

#[tokio::test]
async fn tokens_die_after_their_lifetime_and_on_the_admin_endpoint() {
    let sandbox = VcareSandbox::start(VcareConfig {
        token_lifetime: Duration::from_millis(50),
        ..VcareConfig::default()
    })
    .await
    .expect("sandbox starts");
    // A client that keeps pooled tokens longer than the fake's lifetime meets "Token
    // expire" and recovers by authenticating again.
    let client = Client::builder(credentials(None))
        .base_url(sandbox.url())
        .build()
        .expect("client builds");
    let query = plans();
    client.plan_list(&query).await.expect("first call");
    tokio::time::sleep(Duration::from_millis(120)).await;
    client
        .plan_list(&query)
        .await
        .expect("recovered after expiry");
    assert_eq!(sandbox.authentications(), 2);

    let status = reqwest::Client::new()
        .post(format!("{}/__sandbox/expire-tokens", sandbox.url()))
        .send()
        .await
        .expect("admin call")
        .status();
    assert_eq!(status.as_u16(), 204);
    // Admin calls are not in the log.
    assert!(
        sandbox
            .requests()
            .iter()
            .all(|r| !r.path.starts_with("/__sandbox"))
    );
}

#[tokio::test]
async fn a_repeated_v2_create_is_already_created() {
    let sandbox = vcare::start().await.expect("sandbox starts");
    let client = client(&sandbox);
    let line = |enrollment: &str| {
        NewLine::builder()
            .enrollment_id(enrollment)
            .first_name("Ana")
            .last_name("Diaz")
            .plan_id(5781)
            .build()
            .expect("a valid line")
    };
    let first = CreateCustomerV2::builder()
        .lines([line("WN4000")])
        .build()
        .expect("a valid request");
    let created = client
        .create_prepaid_postpaid_customer_v2(&first)
        .await
        .expect("created");
    assert!(created.lines[0].is_success(), "{created:?}");

    // Only repeats: the call did nothing, and says so as its own error.
    let again = client
        .create_prepaid_postpaid_customer_v2(&first)
        .await
        .expect_err("a repeat");
    assert!(
        matches!(&again, Error::AlreadyCreated { enrollment_ids, .. } if enrollment_ids == &["WN4000"]),
        "{again:?}"
    );

    // A repeat beside a new line: the new one is created, the old one marked per line.
    let mixed = CreateCustomerV2::builder()
        .lines([line("WN4000"), line("WN4001")])
        .build()
        .expect("a valid request");
    let answer = client
        .create_prepaid_postpaid_customer_v2(&mixed)
        .await
        .expect("the new line is created");
    assert!(answer.lines[0].is_already_created(), "{answer:?}");
    assert!(answer.lines[1].is_success(), "{answer:?}");
    assert!(sandbox.customer("WN4001").is_some());
}

#[tokio::test]
async fn device_compatibility_is_a_read() {
    let sandbox = vcare::start().await.expect("sandbox starts");
    let client = client(&sandbox);
    let check = |imei: &str| {
        CheckDeviceCompatibility::builder()
            .imei(imei)
            .carrier("TMB")
            .build()
            .expect("a valid request")
    };

    let iphone = client
        .check_device_compatibility(&check("358823054577013"))
        .await
        .expect("a known eSIM phone");
    assert_eq!(iphone.compatible(), Some(true));
    assert_eq!(iphone.esim_compatible(), Some(true));
    assert_eq!(iphone.make.as_deref(), Some("Apple"));
    assert_eq!(iphone.imei.as_deref(), Some("358823054577013"));

    let unknown = client
        .check_device_compatibility(&check("990000862471853"))
        .await
        .expect("an unknown device is an answer, not an error");
    assert_eq!(unknown.compatible(), Some(false));

    // Fifteen digits the vendor's check-digit test refuses: a vendor error.
    let refused = client
        .check_device_compatibility(&check("358823054577014"))
        .await
        .expect_err("not a valid IMEI");
    assert_eq!(refused.vendor_code(), Some("RESTAPI110"));

    // A read: resent past an HTML 502 page.
    sandbox.clear_requests();
    sandbox.inject(FaultRule::new("/inventory", Fault::HtmlError { status: 502 }).times(1));
    client
        .check_device_compatibility(&check("358823054577013"))
        .await
        .expect("retried past the 502 page");
    let sent = sandbox
        .requests()
        .iter()
        .filter(|r| r.path == "/inventory")
        .count();
    assert_eq!(sent, 2);
}
