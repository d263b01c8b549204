//! Secrets never show up in `Debug`, in errors, or in captured logs.

mod common;

use std::io::Write;
use std::sync::{Arc, Mutex};

use mock_http::MockServer;
use revio_client::models::{
    Ach, CreditCard, ImpersonationAuthorize, ImpersonationTarget, PaymentType, PaymentsCreate,
};
use revio_client::{AuthMode, Client, Credentials};
use telecom_core::{Money, RetryPolicy, Secret};

const SECRETS: &[&str] = &[
    "pw-Zebra-991",
    "sess-KEY-4242",
    "imp-KEY-777",
    "4111111111111111",
    "cvv-913",
    "acct-000123456789",
    "rout-021000021",
];

#[derive(Clone, Default)]
struct Buffer(Arc<Mutex<Vec<u8>>>);

impl Write for Buffer {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .map_err(|_| std::io::Error::other("poisoned"))?
            .extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn assert_clean(what: &str, text: &str) {
    for secret in SECRETS {
        assert!(!text.contains(secret), "{what} leaks {secret}: {text}");
    }
}

#[tokio::test(flavor = "current_thread")]
async fn no_secret_in_debug_errors_or_logs() {
    let server = MockServer::start(|req| {
        let op = common::operation(req);
        match op.as_str() {
            "Sessions_Create" => common::answer(
                &op,
                "<Success>true</Success><SessionKey>sess-KEY-4242</SessionKey>",
                "<SessionKey>sess-KEY-4242</SessionKey>",
            ),
            // The server echoes the request, card number and all, in a failure.
            "Payments_Create" => common::answer(
                &op,
                "<Success>false</Success><Error_Code>P2020</Error_Code><Message>bad card 4111111111111111</Message>",
                "<Debug><Request><CreditCard><CreditCardNumber>4111111111111111</CreditCardNumber><CVV2>cvv-913</CVV2></CreditCard></Request></Debug>",
            ),
            _ => mock_http::Response::new(500)
                .body("<html>oops <Password>pw-Zebra-991</Password> <SessionKey>sess-KEY-4242</SessionKey></html>")
                .into(),
        }
    })
    .await
    .expect("mock server");

    let buffer = Buffer::default();
    let writer = buffer.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(move || writer.clone())
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let credentials = Credentials::new("apiuser", "pw-Zebra-991", "CLIENT1")
        .with_impersonation_key("imp-KEY-777");
    assert_clean("Credentials Debug", &format!("{credentials:?}"));
    let client = Client::builder(credentials)
        .endpoint(format!("{}/v20/default.asmx", server.url()))
        .auth_mode(AuthMode::Session)
        .retry_policy(RetryPolicy::never())
        .debug(true)
        .build()
        .expect("client");

    let payment = PaymentsCreate {
        customer_id: 1,
        amount: Money::from_minor(1000, 2),
        r#type: Some(PaymentType::CreditCard),
        credit_card: Some(CreditCard {
            credit_card_number: Some(Secret::new("4111111111111111")),
            cvv2: Some(Secret::new("cvv-913")),
            ..CreditCard::default()
        }),
        ach: Some(Ach {
            account_number: Some(Secret::new("acct-000123456789")),
            routing_number: Some(Secret::new("rout-021000021")),
            ..Ach::default()
        }),
        ..PaymentsCreate::default()
    };
    assert_clean("request Debug", &format!("{payment:?}"));

    let session = client.sessions_create().await.expect("Sessions_Create");
    assert_clean("response Debug", &format!("{session:?}"));
    assert_clean("response raw XML", &session.raw_xml());
    assert!(
        session
            .raw_xml()
            .contains("<SessionKey>[REDACTED]</SessionKey>")
    );
    let rendered = serde_json::to_string(&session).expect("a response renders as JSON");
    assert_clean("response JSON", &rendered);

    let error = client.payments_create(&payment).await.expect_err("P2020");
    assert_eq!(error.vendor_code().map(|c| c.as_str()), Some("P2020"));
    assert_clean(
        "client Debug after a session opened",
        &format!("{client:?}"),
    );

    let grant = ImpersonationAuthorize {
        to: ImpersonationTarget::UserId(5),
        expiration_date: None,
    };
    let error2 = client
        .impersonation_authorize(&grant)
        .await
        .expect_err("HTTP 500");
    assert_eq!(error2.status(), Some(500));

    for e in [&error, &error2] {
        assert_clean("error Display", &e.to_string());
        assert_clean("error Debug", &format!("{e:?}"));
    }
    let logs = String::from_utf8(buffer.0.lock().expect("logs").clone()).expect("utf-8 logs");
    assert!(
        logs.contains("revio.call"),
        "a span per call is logged: {logs}"
    );
    assert!(
        logs.contains("operation=\"Payments_Create\"")
            || logs.contains("operation=Payments_Create"),
        "{logs}"
    );
    assert!(logs.contains("attempt=1"), "{logs}");
    assert!(logs.contains("status=200"), "{logs}");
    assert_clean("logs", &logs);

    // The secrets did reach the wire, where they belong.
    let bodies: Vec<String> = server
        .requests()
        .iter()
        .map(|r| r.body_text().into_owned())
        .collect();
    assert!(
        bodies
            .iter()
            .any(|b| b.contains("<Password>pw-Zebra-991</Password>"))
    );
    assert!(bodies.iter().any(|b| b.contains("<CVV2>cvv-913</CVV2>")));
    assert!(
        bodies
            .iter()
            .any(|b| b.contains("<SessionKey>sess-KEY-4242</SessionKey>"))
    );
}
