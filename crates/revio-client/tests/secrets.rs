//! Secrets never show up in `Debug`, in errors (their whole source chain), in captured logs
//! or in a URL sent, however the server echoes them back: no secret, nor any piece of one
//! of four characters or more.

mod common;

use std::error::Error as _;
use std::io::Write;
use std::sync::{Arc, Mutex};

use mock_http::{MockServer, Reply, Request, Response};
use revio_client::models::{
    Ach, ContactsQuery, CreditCard, CustomersQuery, ImpersonationAuthorize, ImpersonationTarget,
    PaymentType, PaymentsCreate,
};
use revio_client::{AuthMode, Client, Credentials, Error, Money, RetryPolicy, Secret};

/// `&`, `<`, `'` and `#` make the XML, HTML, JSON and percent forms differ from the value.
const PASSWORD: &str = "Qx7#Vb!zK9&pL2<m'Wd";
/// What the envelope carries for the password.
const PASSWORD_XML: &str = "Qx7#Vb!zK9&amp;pL2&lt;m&apos;Wd";
const SESSION_KEY: &str = "Zk4Tq9Wv-Yh2Jn8R";
const IMPERSONATION_KEY: &str = "Im9Gx3Lw-Pq7Rt5V";
const CARD: &str = "4556737586899855";
const CVV: &str = "Cv9Xq";
const ACCOUNT: &str = "98y7Ac52Lm31";
const ROUTING: &str = "Rt5Kq0Zp8Wn";

const SECRETS: &[&str] = &[
    PASSWORD,
    SESSION_KEY,
    IMPERSONATION_KEY,
    CARD,
    CVV,
    ACCOUNT,
    ROUTING,
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

impl Buffer {
    fn text(&self) -> String {
        String::from_utf8(self.0.lock().expect("logs").clone()).expect("utf-8 logs")
    }
}

/// Everything at TRACE, without timestamps (their digits could match a card number's).
fn capture() -> (Buffer, tracing::subscriber::DefaultGuard) {
    let buffer = Buffer::default();
    let writer = buffer.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(move || writer.clone())
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .without_time()
        .finish();
    (buffer, tracing::subscriber::set_default(subscriber))
}

/// No secret, nor any run of four or more of its characters, in `text`.
fn assert_clean(what: &str, text: &str) {
    let text = mock_http::without_ports(text);
    for secret in SECRETS {
        let chars: Vec<char> = secret.chars().collect();
        for start in 0..chars.len().saturating_sub(3) {
            let piece: String = chars[start..start + 4].iter().collect();
            assert!(
                !text.contains(&piece),
                "{what} leaks {piece:?} of {secret:?}: {text}"
            );
        }
    }
}

/// `Display`, `Debug` and every `source()` of an error.
fn assert_error_clean(what: &str, error: &Error) {
    assert_clean(&format!("{what} Display"), &error.to_string());
    assert_clean(&format!("{what} Debug"), &format!("{error:?}"));
    let mut source = error.source();
    while let Some(e) = source {
        assert_clean(&format!("{what} source"), &e.to_string());
        assert_clean(&format!("{what} source Debug"), &format!("{e:?}"));
        source = e.source();
    }
}

/// No secret in any path or query the client sent.
fn assert_urls_clean(server: &MockServer) {
    for request in server.requests() {
        assert_clean("path", &request.path);
        assert_clean("query", request.query.as_deref().unwrap_or(""));
    }
}

fn credentials() -> Credentials {
    Credentials::new("apiuser", PASSWORD, "CLIENT1").with_impersonation_key(IMPERSONATION_KEY)
}

fn client(server: &MockServer, mode: AuthMode) -> Client {
    Client::builder(credentials())
        .base_url(format!("{}/v20/default.asmx", server.url()))
        .auth_mode(mode)
        .retry_policy(RetryPolicy::never())
        .build()
        .expect("client")
}

fn session_created(op: &str) -> Reply {
    common::answer(
        op,
        &format!("<Success>true</Success><SessionKey>{SESSION_KEY}</SessionKey>"),
        &format!("<SessionKey>{SESSION_KEY}</SessionKey>"),
    )
}

/// A server that opens sessions and answers every other operation with `reply`.
async fn echoing(reply: impl Fn(&Request) -> Reply + Send + Sync + 'static) -> MockServer {
    MockServer::start(move |req| {
        let op = common::operation(req);
        if op == "Sessions_Create" {
            session_created(&op)
        } else {
            reply(req)
        }
    })
    .await
    .expect("mock server")
}

fn payment() -> PaymentsCreate {
    PaymentsCreate {
        customer_id: 1,
        amount: Money::from_minor(1000, 2),
        r#type: Some(PaymentType::CreditCard),
        credit_card: Some(CreditCard {
            credit_card_number: Some(Secret::new(CARD)),
            cvv2: Some(Secret::new(CVV)),
            ..CreditCard::default()
        }),
        ach: Some(Ach {
            account_number: Some(Secret::new(ACCOUNT)),
            routing_number: Some(Secret::new(ROUTING)),
            ..Ach::default()
        }),
        ..PaymentsCreate::default()
    }
}

#[tokio::test(flavor = "current_thread")]
async fn no_secret_in_debug_errors_or_logs() {
    let server = MockServer::start(|req| {
        let op = common::operation(req);
        match op.as_str() {
            "Sessions_Create" => session_created(&op),
            // The server echoes the request, card number and all, in a failure.
            "Payments_Create" => common::answer(
                &op,
                &format!("<Success>false</Success><Error_Code>P2020</Error_Code><Message>bad card {CARD}</Message>"),
                &format!("<Debug><Request><CreditCard><CreditCardNumber>{CARD}</CreditCardNumber><CVV2>{CVV}</CVV2></CreditCard></Request></Debug>"),
            ),
            _ => Response::new(500)
                .body(format!("<html>oops <Password>{PASSWORD_XML}</Password> <SessionKey>{SESSION_KEY}</SessionKey></html>"))
                .into(),
        }
    })
    .await
    .expect("mock server");

    let (logs, _guard) = capture();

    let credentials = credentials();
    assert_clean("Credentials Debug", &format!("{credentials:?}"));
    let client = Client::builder(credentials)
        .base_url(format!("{}/v20/default.asmx", server.url()))
        .auth_mode(AuthMode::Session)
        .retry_policy(RetryPolicy::never())
        .debug(true)
        .build()
        .expect("client");

    let payment = payment();
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
    assert_eq!(error.vendor_code(), Some("P2020"));
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

    assert_error_clean("P2020", &error);
    assert_error_clean("HTTP 500", &error2);
    let logs = logs.text();
    assert!(logs.contains("call{"), "a span per call is logged: {logs}");
    assert!(logs.contains("vendor=\"revio\""), "{logs}");
    assert!(
        logs.contains("operation=\"Payments_Create\"")
            || logs.contains("operation=Payments_Create"),
        "{logs}"
    );
    assert!(logs.contains("attempt=1"), "{logs}");
    assert!(logs.contains("status=200"), "{logs}");
    assert_clean("logs", &logs);
    assert_urls_clean(&server);

    // The secrets did reach the wire, where they belong.
    let bodies: Vec<String> = server
        .requests()
        .iter()
        .map(|r| r.body_text().into_owned())
        .collect();
    assert!(
        bodies
            .iter()
            .any(|b| b.contains(&format!("<Password>{PASSWORD_XML}</Password>")))
    );
    assert!(
        bodies
            .iter()
            .any(|b| b.contains(&format!("<CVV2>{CVV}</CVV2>")))
    );
    assert!(
        bodies
            .iter()
            .any(|b| b.contains(&format!("<SessionKey>{SESSION_KEY}</SessionKey>")))
    );
}

/// The error's variant, by the name the cases below use.
fn kind(error: &Error) -> &'static str {
    match error {
        Error::HttpStatus { .. } => "http_status",
        Error::Decode { .. } => "decode",
        Error::Fault { .. } => "fault",
        Error::Vendor { .. } => "vendor",
        _ => "other",
    }
}

/// One echo case: what the server answers the call with, and the error kind expected.
struct Echo {
    name: &'static str,
    mode: AuthMode,
    reply: Reply,
    kind: &'static str,
}

fn page(status: u16, body: String) -> Reply {
    Response::new(status)
        .header("Content-Type", "text/html; charset=utf-8")
        .body(body)
        .into()
}

fn echoes() -> Vec<Echo> {
    let json_request = serde_json::json!({
        "Username": "apiuser",
        "Password": PASSWORD,
        "Client": "CLIENT1",
        "ImpersonationKey": IMPERSONATION_KEY,
        "SessionKey": SESSION_KEY,
    })
    .to_string();
    let envelope_echo = format!(
        "<Credentials><Username>apiuser</Username><Password>{PASSWORD_XML}</Password><Client>CLIENT1</Client>\
         <ImpersonationKey>{IMPERSONATION_KEY}</ImpersonationKey></Credentials>"
    );
    let html_escaped = envelope_echo
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    let form = format!(
        "Username=apiuser&Password={}&Client=CLIENT1&SessionKey={SESSION_KEY}",
        PASSWORD
            .replace('%', "%25")
            .replace('#', "%23")
            .replace('!', "%21")
            .replace('&', "%26")
            .replace('<', "%3C")
            .replace('\'', "%27")
    );
    let filler = |n: usize| "x".repeat(n);
    vec![
        Echo {
            name: "plain 500 page with the password and the session key",
            mode: AuthMode::Session,
            reply: page(
                500,
                format!(
                    "Server Error: login {PASSWORD} failed; session {SESSION_KEY} unknown; impersonating {IMPERSONATION_KEY}"
                ),
            ),
            kind: "http_status",
        },
        Echo {
            name: "403 page quoting the session key",
            mode: AuthMode::Session,
            reply: page(
                403,
                format!("<html><body><h1>403 Forbidden</h1><p>key={SESSION_KEY}</p></body></html>"),
            ),
            kind: "http_status",
        },
        Echo {
            name: "PHP-style 500 page repeating the JSON request",
            mode: AuthMode::Session,
            reply: page(
                500,
                format!(
                    "<br />\n<b>Fatal error</b>:  Uncaught Exception: bad request {json_request} in /var/www/soap.php:42\nStack trace:\n#0 {{main}}\n  thrown in <b>/var/www/soap.php</b> on line <b>42</b><br />\n{}",
                    json_request.replace('/', "\\/")
                ),
            ),
            kind: "http_status",
        },
        Echo {
            name: "HTML-escaped XML echo of the envelope",
            mode: AuthMode::Credentials,
            reply: page(
                500,
                format!("<html><body><h2>Request</h2><pre>{html_escaped}</pre></body></html>"),
            ),
            kind: "http_status",
        },
        Echo {
            name: "form echo from a proxy",
            mode: AuthMode::Session,
            reply: page(400, format!("Bad Request: could not parse {form}")),
            kind: "http_status",
        },
        Echo {
            name: "password straddling the excerpt limit",
            mode: AuthMode::Credentials,
            reply: page(502, format!("{}{PASSWORD}{}", filler(250), filler(40))),
            kind: "http_status",
        },
        Echo {
            name: "password after 500 filler characters",
            mode: AuthMode::Credentials,
            reply: page(502, format!("{}{PASSWORD}{}", filler(500), filler(500))),
            kind: "http_status",
        },
        Echo {
            name: "password cut off by the end of the body",
            mode: AuthMode::Credentials,
            reply: page(503, format!("{}{}", filler(100), &PASSWORD[..9])),
            kind: "http_status",
        },
        Echo {
            name: "a 200 that is only the password",
            mode: AuthMode::Credentials,
            reply: Response::new(200)
                .body(format!("Ok\n{PASSWORD}"))
                .into(),
            kind: "decode",
        },
        Echo {
            name: "the password where a number was expected",
            mode: AuthMode::Credentials,
            reply: common::ok(
                "Customers_Query",
                &format!("<Customer><ID>{PASSWORD_XML}</ID></Customer>"),
            ),
            kind: "decode",
        },
        Echo {
            name: "the session key where a boolean was expected in the header",
            mode: AuthMode::Session,
            reply: common::answer(
                "Customers_Query",
                &format!("<Success>{SESSION_KEY}</Success>"),
                "",
            ),
            kind: "decode",
        },
        Echo {
            name: "a SOAP fault quoting the password",
            mode: AuthMode::Credentials,
            reply: Response::new(500)
                .header("Content-Type", "text/xml; charset=utf-8")
                .body(format!(
                    "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><soap:Fault>\
                     <faultcode>soap:Client {PASSWORD_XML}</faultcode><faultstring>{}Login failed for password '{PASSWORD_XML}'</faultstring>\
                     </soap:Fault></soap:Body></soap:Envelope>",
                    filler(1010)
                ))
                .into(),
            kind: "fault",
        },
        Echo {
            name: "a vendor message quoting the password and the session key",
            mode: AuthMode::Session,
            reply: common::answer(
                "Customers_Query",
                &format!(
                    "<Success>false</Success><Error_Code>S2010</Error_Code>\
                     <Error_Description>bad input {PASSWORD_XML}</Error_Description>\
                     <Message>session {SESSION_KEY} / {PASSWORD_XML}</Message>"
                ),
                "",
            ),
            kind: "vendor",
        },
    ]
}

#[tokio::test(flavor = "current_thread")]
async fn echoed_secrets_are_masked_in_errors_and_logs() {
    let (logs, _guard) = capture();
    for echo in echoes() {
        let reply = echo.reply.clone();
        let server = echoing(move |_| reply.clone()).await;
        let client = client(&server, echo.mode);
        let error = client
            .customers_query(&CustomersQuery::CustomerId(1))
            .await
            .expect_err(echo.name);
        assert_eq!(kind(&error), echo.kind, "{}: {error:?}", echo.name);
        assert_error_clean(echo.name, &error);
        assert_urls_clean(&server);
    }
    let logs = logs.text();
    assert!(logs.contains("call failed"), "{logs}");
    assert_clean("logs", &logs);
}

#[tokio::test(flavor = "current_thread")]
async fn secret_request_fields_are_masked_when_echoed() {
    let (logs, _guard) = capture();
    let server = echoing(|req| {
        // A proxy that prints, HTML-escaped, the request it could not forward.
        let body = req.body_text();
        let request = body.find("<Request>").map_or(&*body, |at| &body[at..]);
        page(
            500,
            format!(
                "upstream failed for: {}",
                request.replace('&', "&amp;").replace('<', "&lt;")
            ),
        )
    })
    .await;
    let client = client(&server, AuthMode::Session);
    let error = client
        .payments_create(&payment())
        .await
        .expect_err("HTTP 500");
    assert_eq!(error.status(), Some(500));
    assert_error_clean("payment echo", &error);
    // The echo kept what is not a secret.
    assert!(error.to_string().contains("CustomerID"), "{error}");
    assert_clean("logs", &logs.text());
    assert_urls_clean(&server);
}

#[tokio::test(flavor = "current_thread")]
async fn a_refused_session_is_masked_in_the_renewal_log() {
    let (logs, _guard) = capture();
    let server = echoing(|req| {
        common::answer(
            &common::operation(req),
            &format!(
                "<Success>false</Success><Error_Code>S2004</Error_Code><Message>key {SESSION_KEY} expired</Message>"
            ),
            "",
        )
    })
    .await;
    let client = client(&server, AuthMode::Session);
    let error = client
        .contacts_query(&ContactsQuery {
            customer_id: Some(1),
            ..ContactsQuery::default()
        })
        .await
        .expect_err("S2004 twice");
    assert!(matches!(error, Error::Auth { .. }), "{error:?}");
    assert_error_clean("S2004", &error);
    let logs = logs.text();
    assert!(logs.contains("renewing them"), "{logs}");
    assert_clean("logs", &logs);
    // Session, call, new session, call once more.
    assert_eq!(server.requests().len(), 4);
}

/// Secrets the server itself sends, which no redactor holds by value, are masked by
/// element before any excerpt is cut: a Sessions_Create answer whose `SessionKey` is empty
/// but whose `SessionKey_Encoded` is not (that error once quoted the raw answer), and a
/// customer's `SecurityPIN`, in an undecodable answer and in `raw_xml()`.
#[tokio::test(flavor = "current_thread")]
async fn secrets_the_server_sends_are_masked_by_element() {
    const ENCODED: &str = "RW5jb2RlZC1rZXktOTk3NzE";
    const PIN: &str = "48213";
    let server = MockServer::start(|req| {
        let op = common::operation(req);
        common::answer(
            &op,
            "<Success>true</Success>",
            &format!("<SessionKey></SessionKey><SessionKey_Encoded>{ENCODED}</SessionKey_Encoded>"),
        )
    })
    .await
    .expect("mock server");
    let error = client(&server, AuthMode::Session)
        .contacts_query(&ContactsQuery {
            customer_id: Some(1),
            ..ContactsQuery::default()
        })
        .await
        .expect_err("no session key");
    assert!(matches!(error, Error::Decode { .. }), "{error:?}");
    assert!(error.to_string().contains("SessionKey_Encoded"), "{error}");
    for shown in [error.to_string(), format!("{error:?}")] {
        assert!(
            !shown.contains(&ENCODED[..6]),
            "the encoded key leaks: {shown}"
        );
    }

    let customer =
        |id: &str| format!("<Customer><ID>{id}</ID><SecurityPIN>{PIN}</SecurityPIN></Customer>");
    let server = MockServer::start(move |req| {
        let op = common::operation(req);
        let id = if req.body_text().contains("<CustomerID>2<") {
            "x"
        } else {
            "7"
        };
        common::ok(&op, &customer(id))
    })
    .await
    .expect("mock server");
    let client = client(&server, AuthMode::Credentials);
    let found = client
        .customers_query(&CustomersQuery::CustomerId(1))
        .await
        .expect("a customer");
    let raw = found.raw_xml();
    assert!(
        raw.contains("<SecurityPIN>[REDACTED]</SecurityPIN>"),
        "{raw}"
    );
    assert!(!raw.contains(PIN), "raw_xml shows the PIN: {raw}");
    assert!(!format!("{found:?}").contains(PIN));
    let error = client
        .customers_query(&CustomersQuery::CustomerId(2))
        .await
        .expect_err("an ID that is no number");
    assert!(matches!(error, Error::Decode { .. }), "{error:?}");
    for shown in [error.to_string(), format!("{error:?}")] {
        assert!(!shown.contains(PIN), "the PIN leaks: {shown}");
    }
}
