//! Secrets never reach errors, logs, `Debug` or the URLs sent, whatever a server echoes back:
//! a token service repeating the form, a PHP error page repeating the JSON request, an
//! HTML-escaped XML echo, a secret straddling the excerpt limit, a secret where a value was
//! expected.
//!
//! One process-wide subscriber at TRACE keeps every log line of this binary (tracing caches
//! per-callsite interest process-wide, so a scoped subscriber would race the other tests);
//! each test checks its planted secrets against all of it, its errors' `Display`, `Debug`
//! and source chain, and every request line the servers received.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use iqmetrix_carrier::{
    Activation, ActivationPath, CarrierPath, Client, ClientBuilder, Credentials, Error,
    LocationPath, RetryPolicy,
};
use mock_http::{MockServer, Reply, Request, Response};

/// Characters that each encoding changes: `@`, space, `!`, `&`.
const PASSWORD: &str = "Zq7@ Wx9!Kp&v";
/// `<`, `=`, `#`, `"`.
const CLIENT_SECRET: &str = "Cs<8=Jy4#Lm\"q";
const ACCESS: &str = "AtQ3vN8xR2fG";
const REFRESH: &str = "RtM5bH7wK1dS";
const ACCESS_2: &str = "AuP6cJ9yT4hE";
const REFRESH_2: &str = "RuN2gL6zV8jW";
/// The last four digits of an SSN, as the request sends them.
const SSN: &str = "9087";

const ALL: [&str; 7] = [
    PASSWORD,
    CLIENT_SECRET,
    ACCESS,
    REFRESH,
    ACCESS_2,
    REFRESH_2,
    SSN,
];

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

/// Installs the subscriber on first use: every test calls it before its first request.
fn subscribe() -> &'static Captured {
    static CAPTURED: OnceLock<Captured> = OnceLock::new();
    CAPTURED.get_or_init(|| {
        let captured = Captured::default();
        let writer = captured.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_span_events(tracing_subscriber::fmt::format::FmtSpan::CLOSE)
            .with_writer(move || writer.clone())
            .with_ansi(false)
            // No clock: its digits could match the four-digit SSN.
            .without_time()
            .finish();
        tracing::subscriber::set_global_default(subscriber).expect("the only subscriber");
        captured
    })
}

fn logs() -> String {
    String::from_utf8_lossy(&subscribe().0.lock().expect("lock")).into_owned()
}

/// Every piece of `secret` at least four characters long.
fn pieces(secret: &str) -> Vec<String> {
    let chars: Vec<char> = secret.chars().collect();
    let mut out = Vec::new();
    for len in 4..=chars.len() {
        for start in 0..=chars.len() - len {
            out.push(chars[start..start + len].iter().collect());
        }
    }
    out
}

/// The error as a user could ever see it: `Display`, `Debug` and the whole source chain.
fn shown(error: &Error) -> String {
    let mut text = format!("{error}\n{error:?}\n");
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        text.push_str(&format!("{cause}\n{cause:?}\n"));
        source = cause.source();
    }
    text
}

/// The request lines every server received.
fn urls(servers: &[&MockServer]) -> String {
    let mut text = String::new();
    for server in servers {
        for request in server.requests() {
            text.push_str(&format!(
                "{} {}?{}\n",
                request.method,
                request.path,
                request.query.unwrap_or_default()
            ));
        }
    }
    text
}

/// Fails when any piece of any planted secret is in the errors, the logs or the URLs sent.
fn assert_no_secret(errors: &[&Error], servers: &[&MockServer]) {
    let mut text = logs();
    for error in errors {
        text.push_str(&shown(error));
    }
    text.push_str(&urls(servers));
    let text = mock_http::without_ports(&text);
    for secret in ALL {
        for piece in pieces(secret) {
            assert!(
                !text.contains(&piece),
                "{piece:?} of {secret:?} leaked:\n{text}"
            );
        }
    }
}

fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn token_body(access: &str, refresh: &str) -> serde_json::Value {
    serde_json::json!({ "access_token": access, "expires_in": 43199, "refresh_token": refresh })
}

/// A token service that issues `ACCESS`/`REFRESH`, then `ACCESS_2`/`REFRESH_2`.
async fn accounts() -> MockServer {
    let grants = AtomicUsize::new(0);
    MockServer::start(move |_| {
        let body = if grants.fetch_add(1, Ordering::SeqCst) == 0 {
            token_body(ACCESS, REFRESH)
        } else {
            token_body(ACCESS_2, REFRESH_2)
        };
        Response::json(200, &body).into()
    })
    .await
    .expect("accounts server")
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

/// Carrier services on `api`, the token service on `accounts`.
fn on(credentials: Credentials, accounts: &MockServer, api: &MockServer) -> ClientBuilder {
    Client::builder(credentials)
        .base_url(api.url())
        .accounts_url(accounts.url())
}

fn client(accounts: &MockServer, api: &MockServer) -> Client {
    on(
        Credentials::Password {
            username: "user@example.com".into(),
            password: PASSWORD.into(),
            client_id: "client-1".into(),
            client_secret: CLIENT_SECRET.into(),
        },
        accounts,
        api,
    )
    .retry_policy(
        RetryPolicy::default().with_backoff(Duration::from_millis(1), Duration::from_millis(5)),
    )
    .build()
    .expect("client builds")
}

/// The request as a server that repeats it would print it: headers, then the body.
fn echo(req: &Request) -> String {
    let headers: String = req
        .headers
        .iter()
        .map(|(k, v)| format!("{k}: {v}\n"))
        .collect();
    format!(
        "{} {}\n{headers}\n{}",
        req.method,
        req.path,
        req.body_text()
    )
}

fn activation() -> Activation {
    serde_json::from_value(serde_json::json!({
        "Id": "6=1115550123", "CarrierId": 41, "CompanyId": 123, "LocationId": 5678,
        "CarrierActivationDetails": { "Subscriber": { "FirstName": "Ann", "SSN": SSN } }
    }))
    .expect("activation")
}

fn activation_path() -> ActivationPath {
    location().activation("6=1115550123".parse().expect("key"))
}

#[tokio::test]
async fn a_token_service_repeating_the_form_leaks_nothing() {
    subscribe();
    // Plain text, as a misconfigured token service or a proxy in front of it answers.
    let plain = MockServer::start(|req| {
        Response::new(400)
            .header("Content-Type", "text/plain")
            .body(format!("Bad request. Received: {}", req.body_text()))
            .into()
    })
    .await
    .expect("accounts server");
    // RFC 6749 JSON whose description quotes the form, decoded and as sent.
    let json = MockServer::start(|req| {
        let form = req.body_text().into_owned();
        let decoded: Vec<String> = req
            .form_pairs()
            .into_iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        Response::json(
            400,
            &serde_json::json!({
                "error": "invalid_request",
                "error_description": format!("cannot read {form} ({})", decoded.join(", ")),
            }),
        )
        .into()
    })
    .await
    .expect("accounts server");
    // A PHP error page that prints the form HTML-escaped; a POST is not resent after a 500.
    let page = MockServer::start(|req| {
        let pairs: String = req
            .form_pairs()
            .into_iter()
            .map(|(k, v)| format!("<tr><td>{k}</td><td>{}</td></tr>", html_escape(&v)))
            .collect();
        Response::new(500)
            .header("Content-Type", "text/html")
            .body(format!(
                "<br />\n<b>Fatal error</b>: grant failed in /var/www/token.php on line 7<table>{pairs}</table><pre>{}</pre>",
                html_escape(&req.body_text())
            ))
            .into()
    })
    .await
    .expect("accounts server");
    let api = MockServer::start(|_| Response::new(204).into())
        .await
        .expect("api server");

    let mut errors = Vec::new();
    for accounts in [&plain, &json, &page] {
        let err = client(accounts, &api)
            .get_configurations(&carrier())
            .await
            .expect_err("the token request fails");
        errors.push(err);
    }
    assert!(
        matches!(errors[0], Error::Token { status: 400, .. }),
        "{}",
        errors[0]
    );
    assert_eq!(errors[1].vendor_code(), Some("invalid_request"));
    assert!(
        errors[1].to_string().contains("cannot read"),
        "{}",
        errors[1]
    );
    assert!(
        errors[0].to_string().contains("grant_type=password"),
        "the echo is kept, masked: {}",
        errors[0]
    );
    assert!(
        matches!(errors[2], Error::Server { status: 500, .. }),
        "{}",
        errors[2]
    );
    assert!(
        page.requests().len() > 1,
        "the password grant is an idempotent write: resent after a 500"
    );
    assert!(api.requests().is_empty());
    let errors: Vec<&Error> = errors.iter().collect();
    assert_no_secret(&errors, &[&plain, &json, &page, &api]);
}

#[tokio::test]
async fn a_php_page_repeating_the_json_request_leaks_nothing() {
    subscribe();
    let accounts = accounts().await;
    let api = MockServer::start(|req| {
        // The page also prints the subscriber's fields by value, outside any `SSN` key.
        let subscriber = req
            .body_json()
            .and_then(|b| b.pointer("/CarrierActivationDetails/Subscriber").cloned())
            .unwrap_or_default();
        let field = |name: &str| subscriber[name].as_str().unwrap_or_default().to_owned();
        Response::new(500)
            .header("Content-Type", "text/html; charset=UTF-8")
            .body(format!(
                "<br />\n<b>Warning</b>: json_decode(): failed for subscriber {} ({}) in <b>/var/www/activations.php</b> on line <b>42</b><br />\n<pre>{}</pre>\nRaw: {}",
                field("FirstName"),
                field("SSN"),
                echo(req),
                req.body_text(),
            ))
            .into()
    })
    .await
    .expect("api server");
    let client = client(&accounts, &api);
    let err = client
        .create_activation(&activation_path(), &activation())
        .await
        .expect_err("500");
    assert_eq!(err.status(), Some(500));
    assert!(err.to_string().contains("json_decode"), "{err}");
    assert_eq!(
        api.requests().len(),
        3,
        "a PUT is idempotent: resent within the policy"
    );
    assert_no_secret(&[&err], &[&accounts, &api]);
}

#[tokio::test]
async fn an_html_escaped_xml_echo_leaks_nothing() {
    subscribe();
    let accounts = accounts().await;
    let api = MockServer::start(|req| {
        let bearer = req.header("authorization").unwrap_or_default();
        let xml = format!(
            "<Request><Authorization>{bearer}</Authorization><Credentials><Password>{PASSWORD}</Password><ClientSecret>{CLIENT_SECRET}</ClientSecret></Credentials><Note>{PASSWORD}</Note></Request>"
        );
        Response::new(403)
            .header("Content-Type", "text/html")
            .body(format!(
                "<html><body><h1>403 Forbidden</h1><p>Request rejected by policy:</p><pre>{}</pre></body></html>",
                html_escape(&xml)
            ))
            .into()
    })
    .await
    .expect("api server");
    let client = client(&accounts, &api);
    let err = client
        .get_activation(&activation_path())
        .await
        .expect_err("403");
    assert!(matches!(err, Error::Forbidden { .. }), "{err}");
    assert!(err.to_string().contains("403 Forbidden"), "{err}");
    assert_no_secret(&[&err], &[&accounts, &api]);
}

#[tokio::test]
async fn a_secret_straddling_the_excerpt_limit_is_masked_whole() {
    subscribe();
    let accounts = accounts().await;
    let filler = Arc::new(AtomicUsize::new(490));
    let length = Arc::clone(&filler);
    let api = MockServer::start(move |req| {
        let n = length.load(Ordering::SeqCst);
        let text = format!(
            "{} {PASSWORD} then {ACCESS} and {CLIENT_SECRET} and more text after it",
            "x".repeat(n)
        );
        if req.path.ends_with("Configurations") {
            Response::json(404, &serde_json::json!({ "Message": text })).into()
        } else {
            Response::new(404)
                .header("Content-Type", "text/plain")
                .body(text)
                .into()
        }
    })
    .await
    .expect("api server");
    let client = client(&accounts, &api);
    let mut errors = Vec::new();
    // Each offset puts the cut of the 512-character excerpt at another place in a secret.
    for n in 490..=515 {
        filler.store(n, Ordering::SeqCst);
        errors.push(
            client
                .get_activation(&activation_path())
                .await
                .expect_err("404"),
        );
        errors.push(
            client
                .get_configurations(&carrier())
                .await
                .expect_err("404"),
        );
    }
    assert!(errors.iter().all(|e| matches!(e, Error::NotFound { .. })));
    let errors: Vec<&Error> = errors.iter().collect();
    assert_no_secret(&errors, &[&accounts, &api]);
}

#[tokio::test]
async fn a_secret_where_a_value_was_expected_leaks_nothing() {
    subscribe();
    let accounts = accounts().await;
    let api = MockServer::start(|req| {
        if req.path.ends_with("ActivationImportFields") {
            // The text protocol habit of some proxies: a status word, then the value.
            Response::new(200)
                .header("Content-Type", "application/json")
                .body(format!("Ok\n{PASSWORD}"))
                .into()
        } else {
            // A token where a number belongs: serde's message quotes it.
            let bearer = req.header("authorization").unwrap_or_default();
            let token = bearer.trim_start_matches("Bearer ");
            Response::json(200, &serde_json::json!({ "Id": token, "CompanyId": 123 })).into()
        }
    })
    .await
    .expect("api server");
    let client = client(&accounts, &api);
    let fields = client
        .get_activation_lookup_fields(&carrier())
        .await
        .expect_err("not JSON");
    let configurations = client
        .get_configurations(&carrier())
        .await
        .expect_err("Id is not a number");
    assert!(matches!(fields, Error::Decode { .. }), "{fields}");
    assert!(
        matches!(configurations, Error::Decode { .. }),
        "{configurations}"
    );
    assert!(
        configurations
            .to_string()
            .contains("expected a whole number"),
        "the reason is kept, masked: {configurations}"
    );

    // The token service puts the refresh token where the lifetime belongs.
    let odd_accounts = MockServer::start(|_| {
        Response::json(
            200,
            &serde_json::json!({ "access_token": ACCESS, "expires_in": REFRESH, "refresh_token": REFRESH }),
        )
        .into()
    })
    .await
    .expect("accounts server");
    let token = self::client(&odd_accounts, &api)
        .get_configurations(&carrier())
        .await
        .expect_err("expires_in is not a number");
    assert!(matches!(token, Error::Decode { .. }), "{token}");
    assert_no_secret(
        &[&fields, &configurations, &token],
        &[&accounts, &odd_accounts, &api],
    );
}

#[tokio::test]
async fn a_refused_token_echoed_twice_leaks_nothing() {
    subscribe();
    let accounts = accounts().await;
    let api = MockServer::start(|req| {
        Response::new(401)
            .header("Content-Type", "text/plain")
            .body(format!(
                "Invalid token: {}",
                req.header("authorization").unwrap_or_default()
            ))
            .into()
    })
    .await
    .expect("api server");
    let client = client(&accounts, &api);
    let err = client
        .enable_carrier_integration(&location())
        .await
        .expect_err("401 twice");
    assert!(
        matches!(
            err,
            Error::Unauthorized {
                reauthenticated: true,
                ..
            }
        ),
        "{err}"
    );
    assert_eq!(api.requests().len(), 2, "one re-authentication, one resend");

    // A static bearer token cannot be renewed: refused at once.
    let bearer = on(Credentials::bearer(ACCESS_2), &accounts, &api)
        .build()
        .expect("client builds");
    let before = api.requests().len();
    let static_err = bearer
        .get_configurations(&carrier())
        .await
        .expect_err("401");
    assert!(
        matches!(
            static_err,
            Error::Unauthorized {
                reauthenticated: false,
                ..
            }
        ),
        "{static_err}"
    );
    assert_eq!(api.requests().len(), before + 1);
    assert_no_secret(&[&err, &static_err], &[&accounts, &api]);
}

#[tokio::test]
async fn a_write_answered_429_is_resent_and_its_echo_masked() {
    subscribe();
    let accounts = accounts().await;
    let api = MockServer::start(|req| {
        Reply::Respond(
            Response::new(429)
                .header("Content-Type", "text/plain")
                .header("Retry-After", "0")
                .body(format!("rate limit exceeded for {}", echo(req))),
        )
    })
    .await
    .expect("api server");
    let client = client(&accounts, &api);
    let err = client
        .enable_carrier_integration(&location())
        .await
        .expect_err("429");
    assert!(matches!(err, Error::RateLimited { .. }), "{err}");
    assert_eq!(
        api.requests().len(),
        3,
        "a 429 was refused before processing: resent within the policy"
    );
    assert_no_secret(&[&err], &[&accounts, &api]);
}

#[tokio::test]
async fn secrets_stay_out_of_logs_errors_and_debug() {
    subscribe();
    let accounts = accounts().await;
    let api = MockServer::start(|req| match req.header("authorization") {
        Some(value) if value == format!("Bearer {ACCESS_2}") => {
            Response::new(400).body("Carrier 41 not found").into()
        }
        _ => Response::new(401).body("Invalid token").into(),
    })
    .await
    .expect("api server");
    let client = client(&accounts, &api);
    let err = client
        .get_configurations(&carrier())
        .await
        .expect_err("400 after re-auth");
    assert_eq!(err.vendor_code(), Some("carrier_not_found"));

    // An SSN that fails validation is not repeated in the error.
    let mut activation: Activation = serde_json::from_value(serde_json::json!({
        "Id": "6=1115550123", "CarrierId": 41, "CompanyId": 123, "LocationId": 5678,
        "CarrierActivationDetails": { "Subscriber": { "SSN": "987654321" } }
    }))
    .expect("activation");
    let invalid = client
        .create_activation(&activation_path(), &activation)
        .await
        .expect_err("invalid SSN");
    activation.id = None;

    let logs = logs();
    assert!(
        logs.contains("call{vendor=\"iqmetrix\" operation=\"get_configurations\""),
        "the call span is logged: {logs}"
    );
    assert!(
        logs.contains("operation=\"token_refresh\""),
        "the refresh is its own call: {logs}"
    );
    let everything = format!(
        "{}\n{invalid}\n{invalid:?}\n{client:?}\n{activation:?}\n{:?}",
        shown(&err),
        Credentials::Password {
            username: "u".into(),
            password: PASSWORD.into(),
            client_id: "c".into(),
            client_secret: CLIENT_SECRET.into(),
        }
    );
    for secret in [
        PASSWORD,
        CLIENT_SECRET,
        ACCESS,
        REFRESH,
        ACCESS_2,
        "987654321",
    ] {
        assert!(
            !everything.contains(secret),
            "{secret} leaked:\n{everything}"
        );
    }
    assert!(format!("{activation:?}").contains("[REDACTED]"));
    assert_no_secret(&[&err, &invalid], &[&accounts, &api]);
}
