//! No token, password, PIN, SSN or card number appears in logs, `Debug` or error text,
//! across success, token rejections, vendor errors and undecodable bodies.
#![allow(clippy::unwrap_used, missing_docs)]

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

mod support {
    pub(crate) mod log_buffer;
}

use mock_http::{MockServer, Reply, Response};
use serde_json::json;
use support::log_buffer::Buffer;
use vcare_rest::{CallKind, Client, CreateHomephoneCustomer, Credentials};

const PASSWORD: &str = "PW-SECRET-91";
const PIN: &str = "PIN-SECRET-92";
const AGENT_PASSWORD: &str = "AGENT-SECRET-93";
const SSN: &str = "9876";
/// The vendor's JWT payload carries the credentials; these stand for such tokens.
fn token(n: usize) -> String {
    format!("eyJ0eXAiOiJKV1QifQ.eyJwYXNzd29yZCI6IlBXIn0.TOKSECRET{n}")
}

fn credentials() -> Credentials {
    Credentials {
        vendor_id: "V1".into(),
        username: "apiuser".into(),
        password: PASSWORD.into(),
        pin: PIN.into(),
        agent_id: "ewebsiteapi".into(),
        agent_password: Some(AGENT_PASSWORD.into()),
    }
}

fn order() -> CreateHomephoneCustomer {
    CreateHomephoneCustomer::builder()
        .enrollment_id("WN1")
        .zip_code("30901")
        .features(["1"])
        .plan_id("2")
        .ssnum(SSN)
        .f_name("A")
        .carrier("ATTH")
        .phone_number("4567890765")
        .build()
        .unwrap()
}

fn assert_clean(what: &str, text: &str) {
    for secret in [PASSWORD, PIN, AGENT_PASSWORD, "TOKSECRET", "eyJ"] {
        assert!(!text.contains(secret), "{what} leaks {secret:?}:\n{text}");
    }
}

#[tokio::test(flavor = "current_thread")]
async fn nothing_secret_in_logs_debug_or_errors() {
    let buffer = Buffer::default();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(buffer.clone())
        .with_max_level(tracing::Level::TRACE)
        // Timestamps are digits: a short numeric secret could match one by chance.
        .without_time()
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let counter = Arc::new(AtomicUsize::new(0));
    let n = Arc::clone(&counter);
    // Scripted by call number: success, a double token rejection, a vendor error with a
    // token, a malformed body holding a token, an HTML 500 page.
    let server = MockServer::start(move |req| {
        let i = n.fetch_add(1, Ordering::SeqCst);
        if req.path == "/authenticate" {
            return Response::json(200, &json!({"msg_code": "RESTAPI000", "token": token(i)})).into();
        }
        let body = match req.body_json().and_then(|b| b.get("action").cloned()) {
            Some(a) if a == "ok" => json!({"msg_code": "RESTAPI000", "data": {}, "token": token(i)}),
            Some(a) if a == "used" => json!({"msg_code": "RESTAPI001", "msg": "Token already used", "token": token(i)}),
            Some(a) if a == "vendor" => {
                json!({"msg_code": "RESTAPI110", "msg": "Error occurred", "errors": ["bad"], "token": token(i)})
            }
            Some(a) if a == "malformed" => {
                let text = format!("{{\"errors\":[\"x\"] \"msg_code\":\"RESTAPI103\", \"token\":\"{}\"}}", token(i));
                return Response::new(200).body(text).into();
            }
            _ => return Reply::Respond(Response::new(500).body(format!("<html>{}</html>", token(i)))),
        };
        Response::json(200, &body).into()
    })
    .await
    .unwrap();

    let client = Client::builder(credentials())
        .base_url(server.url())
        .retry_policy(vcare_rest::RetryPolicy::never())
        .build()
        .unwrap();

    client
        .call_raw("m", "ok", &json!({}), CallKind::Write)
        .await
        .unwrap();
    let mut errors = Vec::new();
    for action in ["used", "vendor", "malformed", "html"] {
        errors.push(
            client
                .call_raw("m", action, &json!({}), CallKind::Write)
                .await
                .unwrap_err(),
        );
    }
    // Valid when built, then made invalid: the call checks it again before sending.
    let mut bad_zip = order();
    bad_zip.zip_code = "1234".into();
    let invalid = client
        .create_homephone_customer(&bad_zip)
        .await
        .unwrap_err();
    errors.push(invalid);

    assert!(matches!(errors[0], vcare_rest::Error::TokenRejected { .. }));
    assert!(matches!(errors[1], vcare_rest::Error::Vendor { .. }));
    assert!(matches!(errors[2], vcare_rest::Error::Decode { .. }));
    assert!(matches!(
        errors[3],
        vcare_rest::Error::HttpStatus { status: 500, .. }
    ));
    for error in &errors {
        assert_clean("error Display", &error.to_string());
        assert_clean("error Debug", &format!("{error:?}"));
    }
    assert_clean("client Debug", &format!("{client:?}"));
    assert_clean("credentials Debug", &format!("{:?}", credentials()));
    let mut order = order();
    order.email = Some("a@b.co".into());
    assert!(
        !format!("{order:?}").contains(SSN),
        "request Debug leaks the SSN digits"
    );

    drop(_guard);
    let logs = buffer.text();
    // The logs did capture the calls, with their spans' fields.
    assert!(
        logs.contains("credentials refused before the vendor acted"),
        "{logs}"
    );
    assert!(
        logs.contains("call{vendor=\"vcare\" operation=\"used\""),
        "{logs}"
    );
    assert_clean("tracing output", &logs);

    // The secrets did reach the wire, where they belong.
    let sent = server.requests();
    let auth = sent.iter().find(|r| r.path == "/authenticate").unwrap();
    assert!(auth.body_text().contains(PASSWORD) && auth.body_text().contains(PIN));
    assert!(
        sent.iter()
            .any(|r| r.header("token").is_some_and(|t| t.contains("TOKSECRET")))
    );
    assert!(sent.iter().any(|r| r.body_text().contains(AGENT_PASSWORD)));
}
