//! Secrets never reach logs, errors or `Debug`. Alone in its test binary: tracing caches
//! per-callsite interest process-wide, so a scoped subscriber must not race other tests.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use iqmetrix_carrier::{ActivationPath, Client, Credentials, Environment, RetryPolicy};
use mock_http::{MockServer, Response};

const PASSWORD: &str = "hunter2-password";
const CLIENT_SECRET: &str = "client-secret-xyz";

fn token_body(access: &str, refresh: &str) -> serde_json::Value {
    serde_json::json!({ "access_token": access, "expires_in": 43199, "refresh_token": refresh })
}

fn client(accounts: &MockServer, api: &MockServer) -> Client {
    Client::builder(
        Environment::Custom {
            accounts_base: format!("{}/v1", accounts.url()),
            carrier_services_base: format!("{}/v2", api.url()),
        },
        Credentials::password("user@example.com", PASSWORD, "client-1", CLIENT_SECRET),
    )
    .retry_policy(
        RetryPolicy::default().with_backoff(Duration::from_millis(1), Duration::from_millis(5)),
    )
    .build()
    .expect("client builds")
}

/// A writer that keeps everything the subscriber writes.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("lock").extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn secrets_stay_out_of_logs_errors_and_debug() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_span_events(tracing_subscriber::fmt::format::FmtSpan::CLOSE)
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let grants = Arc::new(AtomicUsize::new(0));
    let count = Arc::clone(&grants);
    let accounts = MockServer::start(move |_| {
        let body = if count.fetch_add(1, Ordering::SeqCst) == 0 {
            token_body("access-token-one", "refresh-token-one")
        } else {
            token_body("access-token-two", "refresh-token-two")
        };
        Response::json(200, &body).into()
    })
    .await
    .expect("accounts server");
    let api = MockServer::start(|req| match req.header("authorization") {
        Some("Bearer access-token-two") => Response::new(400).body("Carrier 41 not found").into(),
        _ => Response::new(401).body("Invalid token").into(),
    })
    .await
    .expect("api server");
    let client = client(&accounts, &api);
    let err = client
        .get_configurations(123, 41)
        .await
        .expect_err("400 after re-auth");
    assert_eq!(err.vendor_code(), Some("carrier_not_found"));

    // An SSN that fails validation is not repeated in the error.
    let mut activation: iqmetrix_carrier::Activation = serde_json::from_value(serde_json::json!({
        "Id": "6=1115550123", "CarrierId": 41, "CompanyId": 123, "LocationId": 5678,
        "CarrierActivationDetails": { "Subscriber": { "SSN": "987654321" } }
    }))
    .expect("activation");
    let path = ActivationPath::new(123, 5678, 41, "6=1115550123".parse().expect("key"));
    let invalid = client
        .create_activation(&path, &activation)
        .await
        .expect_err("invalid SSN");
    activation.id = None;

    let logs = String::from_utf8(captured.0.lock().expect("lock").clone()).expect("utf-8 logs");
    assert!(
        logs.contains("iqmetrix.call"),
        "the call span is logged: {logs}"
    );
    assert!(
        logs.contains("get_configurations"),
        "the operation is named: {logs}"
    );
    let everything = format!(
        "{logs}\n{err}\n{err:?}\n{invalid}\n{invalid:?}\n{client:?}\n{activation:?}\n{:?}",
        Credentials::password("u", PASSWORD, "c", CLIENT_SECRET)
    );
    for secret in [
        PASSWORD,
        CLIENT_SECRET,
        "access-token-one",
        "access-token-two",
        "refresh-token-one",
        "refresh-token-two",
        "987654321",
    ] {
        assert!(
            !everything.contains(secret),
            "{secret} leaked:\n{everything}"
        );
    }
    assert!(format!("{activation:?}").contains("[REDACTED]"));
}
