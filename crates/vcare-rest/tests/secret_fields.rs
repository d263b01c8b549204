//! Secret request fields the vendor echoes back (a port-in PIN, SSNs, security answers) are
//! masked by value in errors. A binary of its own: `secrets.rs` captures logs, which a call
//! on another thread of the same binary would disturb.
#![allow(clippy::unwrap_used, missing_docs)]

use mock_http::{MockServer, Response};
use serde_json::json;
use vcare_rest::{CallKind, Client, Credentials};

fn credentials() -> Credentials {
    Credentials {
        vendor_id: "V1".into(),
        username: "apiuser".into(),
        password: "PW-SECRET-91".into(),
        pin: "PIN-SECRET-92".into(),
        agent_id: "ewebsiteapi".into(),
        agent_password: None,
    }
}

/// The port-in PIN, the port SSN, an SSN and security answers a raw body sends are masked
/// by value when the vendor echoes them in an error, however it quotes them.
#[tokio::test(flavor = "current_thread")]
async fn secret_body_fields_echoed_in_an_error_are_masked() {
    const PASSWORD_PIN: &str = "PPIN-7391";
    const PORT_SSN: &str = "123456789";
    const BARE_SSN: &str = "987654329";
    const ANSWER: &str = "ANSWER-SECRET-55";
    fn leaves(value: &serde_json::Value, out: &mut Vec<String>) {
        match value {
            serde_json::Value::String(s) => out.push(s.clone()),
            serde_json::Value::Array(items) => items.iter().for_each(|v| leaves(v, out)),
            serde_json::Value::Object(map) => map.values().for_each(|v| leaves(v, out)),
            _ => {}
        }
    }
    // Echoes every text the request carried, as free text: only masking by value hides it.
    let server = MockServer::start(move |req| {
        if req.path == "/authenticate" {
            return Response::json(200, &json!({"msg_code": "RESTAPI000", "token": "tok-0"}))
                .into();
        }
        let mut echoed = Vec::new();
        if let Some(body) = req.body_json() {
            leaves(&body, &mut echoed);
        }
        let text = format!("could not port with {}", echoed.join(" / "));
        Response::json(
            200,
            &json!({"msg_code": "RESTAPI110", "msg": text, "errors": [text], "token": "tok-1"}),
        )
        .into()
    })
    .await
    .unwrap();
    let client = Client::builder(credentials())
        .base_url(server.url())
        .retry_policy(vcare_rest::RetryPolicy::never())
        .build()
        .unwrap();
    let body = json!({
        "enrollment_id": "WN1",
        "password_pin": PASSWORD_PIN,
        "lines": [{"port_ssn": PORT_SSN, "ssn": BARE_SSN}],
        "security_questions_answers": [{"question_id": "12", "answer": ANSWER}],
    });
    let error = client
        .call_raw("port", "create_portin_v2", &body, CallKind::Write)
        .await
        .unwrap_err();
    let shown = format!("{error} {error:?}");
    assert!(shown.contains("could not port with"), "{shown}");
    for secret in [PASSWORD_PIN, PORT_SSN, BARE_SSN, ANSWER] {
        assert!(
            !shown.contains(secret),
            "the error leaks {secret:?}: {shown}"
        );
    }
    // They did reach the wire.
    let sent = server.requests();
    assert!(sent.iter().any(|r| r.body_text().contains(PASSWORD_PIN)));
}
