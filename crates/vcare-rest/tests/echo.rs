//! Servers echo what they were sent: a PHP 500 page prints the JSON request, a proxy page
//! HTML-escapes an XML dump, a token service repeats the form, a vendor `msg` quotes a card
//! number. Through the public client, no planted secret, nor any 4-character piece of one,
//! reaches an error's `Display`, `Debug` or source chain, the logs (TRACE), or a URL sent.
#![allow(clippy::unwrap_used, missing_docs)]

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

mod support {
    pub(crate) mod log_buffer;
}

use mock_http::{MockServer, Reply, Response};
use serde_json::json;
use support::log_buffer::Buffer;
use vcare_rest::{
    CallKind, Card, CardType, Client, CreateHomephoneCustomer, Credentials, Error, MakePayment,
    PaymentMethod, PaymentType, PlanList, RetryPolicy,
};

/// Characters that every encoding writes differently: `&`, `<`, `"`, a space.
const PASSWORD: &str = "Qz7&pW<0rd\"X k";
const PIN: &str = "Pn5Kq9Vt";
const AGENT_PASSWORD: &str = "Ag3ntPwZy";
const SSN: &str = "0707";
/// Passes the Luhn check, as real card numbers do.
const CARD: &str = "4111111111111111";

/// The tokens are not JWT-shaped: only their value, which the client registers per call,
/// can mask them.
fn token(n: usize) -> String {
    format!("tkQ7zX{n}V9mLpR")
}

fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn percent(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b' ' => "+".to_owned(),
            b if b.is_ascii_alphanumeric() || b == b'-' => (b as char).to_string(),
            b => format!("%{b:02X}"),
        })
        .collect()
}

/// Every 4-character window of every secret.
fn pieces(secrets: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for secret in secrets {
        let chars: Vec<char> = secret.chars().collect();
        for window in chars.windows(4) {
            out.push(window.iter().collect());
        }
    }
    out
}

fn assert_clean(what: &str, text: &str, pieces: &[String]) {
    let text = mock_http::without_ports(text);
    for piece in pieces {
        assert!(
            !text.contains(piece.as_str()),
            "{what} holds {piece:?} of a secret:\n{text}"
        );
    }
}

fn error_texts(error: &Error) -> Vec<String> {
    let mut texts = vec![error.to_string(), format!("{error:?}")];
    let mut source = std::error::Error::source(error);
    while let Some(inner) = source {
        texts.push(inner.to_string());
        texts.push(format!("{inner:?}"));
        source = inner.source();
    }
    texts
}

fn order(ssn: &str) -> CreateHomephoneCustomer {
    CreateHomephoneCustomer::builder()
        .enrollment_id("WN1597")
        .zip_code("30901")
        .features(["1577"])
        .plan_id("262")
        .ssnum(ssn)
        .f_name("RAKESH")
        .carrier("ATTH")
        .phone_number("4567890765")
        .state("GA")
        .build()
        .unwrap()
}

fn payment() -> MakePayment {
    let card = Card::builder()
        .card_type(CardType::Visa)
        .card_number(CARD)
        .cvv("123")
        .expiration_month(12)
        .expiration_year(2030)
        .name_on_card("R K")
        .build()
        .unwrap();
    MakePayment::builder()
        .zip_code("30901")
        .plan_id("262")
        .payment_type(PaymentType::Topup)
        .payment_method(PaymentMethod::CreditCard(card))
        .build()
        .unwrap()
}

#[tokio::test(flavor = "current_thread")]
async fn echoed_secrets_never_leave_the_client() {
    let buffer = Buffer::default();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(buffer.clone())
        .with_max_level(tracing::Level::TRACE)
        // Timestamps are digits: a short numeric secret could match one by chance.
        .without_time()
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let issued: Arc<Mutex<Vec<String>>> = Arc::default();
    let counter = Arc::new(AtomicUsize::new(0));
    let (n, tokens) = (Arc::clone(&counter), Arc::clone(&issued));
    // Which answer each call gets is set by the test through `mode`.
    let mode: Arc<Mutex<&'static str>> = Arc::new(Mutex::new("ok"));
    let current = Arc::clone(&mode);
    let server = MockServer::start(move |req| {
        let i = n.fetch_add(1, Ordering::SeqCst);
        let next = token(i);
        tokens.lock().unwrap().push(next.clone());
        let mode = *current.lock().unwrap();
        let sent = req.body_text().into_owned();
        let presented = req.header("token").unwrap_or("").to_owned();
        if req.path == "/authenticate" {
            if mode == "form-echo" {
                // A token service that repeats the form it thinks it got.
                let form = format!(
                    "grant_type=password&username=apiuser&password={}&pin={}",
                    percent(PASSWORD),
                    percent(PIN)
                );
                return Response::new(400)
                    .body(format!("<p>Bad request: {form}</p>"))
                    .into();
            }
            return Response::json(200, &json!({"msg_code": "RESTAPI000", "token": next})).into();
        }
        let reply = match mode {
            // A PHP error page repeating the JSON request and the token header, raw and
            // HTML-escaped.
            "php-500" => Response::new(500).body(format!(
                "<br />\n<b>Fatal error</b>: Uncaught exception in /var/www/api.php: request {sent} \
                 with token {presented}<br /><pre>{}</pre>",
                html_escape(&sent)
            )),
            // A proxy page quoting an XML dump of the call, HTML-escaped.
            "xml-echo" => {
                let xml = format!(
                    "<call><agent_password>{}</agent_password><ssnum>{SSN}</ssnum>\
                     <token>{presented}</token><note>{}</note></call>",
                    html_escape(AGENT_PASSWORD),
                    html_escape(PASSWORD)
                );
                Response::new(502).body(format!(
                    "<html><body>Bad gateway: {}</body></html>",
                    html_escape(&xml)
                ))
            }
            // A secret straddling the 256-character excerpt limit, and one far past it.
            "straddle" => Response::new(200).body(format!(
                "{}{PASSWORD}{}{AGENT_PASSWORD} tail",
                "x".repeat(250),
                "y".repeat(500)
            )),
            "straddle-500" => Response::new(503).body(format!(
                "{}{PIN} and {presented} more",
                "z".repeat(500)
            )),
            // A secret where a value was expected: serde's reason quotes it.
            "secret-as-data" => Response::json(
                200,
                &json!({"msg_code": "RESTAPI000", "data": PASSWORD, "token": next}),
            ),
            // A bare message is a success of its own; an amount no Money holds is not.
            "card-as-data" => Response::json(
                200,
                &json!({"msg_code": "RESTAPI000", "data": {"total_amount": CARD}, "token": next}),
            ),
            // The card number quoted back in `msg` and in `errors`.
            "card-in-msg" => Response::json(
                200,
                &json!({
                    "msg_code": "RESTAPI110",
                    "msg": format!("Card {CARD} was declined"),
                    "errors": [format!("card_number {CARD} is invalid"), {"card": [CARD]}],
                    "token": next,
                }),
            ),
            // The SSN and the agent password quoted in a vendor message.
            "ssn-in-msg" => Response::json(
                400,
                &json!({
                    "msg_code": "RESTAPI110",
                    "msg": format!("ssnum {SSN} does not match for agent password {AGENT_PASSWORD}"),
                    "errors": {"ssnum": format!("{SSN} is not valid")},
                    "token": next,
                }),
            ),
            // A rejection quoting the token it refused, twice.
            "rejected" => Response::json(
                200,
                &json!({"msg_code": "RESTAPI001", "msg": format!("Token already used: {presented}"), "token": next}),
            ),
            _ => Response::json(200, &json!({"msg_code": "RESTAPI000", "data": {}, "token": next})),
        };
        Reply::Respond(reply)
    })
    .await
    .unwrap();

    let client = Client::builder(Credentials {
        vendor_id: "V1".into(),
        username: "apiuser".into(),
        password: PASSWORD.into(),
        pin: PIN.into(),
        agent_id: "ewebsiteapi".into(),
        agent_password: Some(AGENT_PASSWORD.into()),
    })
    .base_url(server.url())
    .retry_policy(RetryPolicy::never())
    .build()
    .unwrap();
    let set = |m: &'static str| *mode.lock().unwrap() = m;
    let plans = PlanList::builder()
        .zip_code("07502")
        .build()
        .expect("a valid request");

    let mut errors = Vec::new();
    set("php-500");
    let e = client
        .create_homephone_customer(&order(SSN))
        .await
        .unwrap_err();
    assert!(matches!(e, Error::HttpStatus { status: 500, .. }), "{e}");
    errors.push(e);
    let e = client.make_payment(&payment()).await.unwrap_err();
    assert!(matches!(e, Error::HttpStatus { status: 500, .. }), "{e}");
    errors.push(e);
    set("xml-echo");
    let e = client
        .create_homephone_customer(&order(SSN))
        .await
        .unwrap_err();
    assert!(matches!(e, Error::HttpStatus { status: 502, .. }), "{e}");
    errors.push(e);
    set("straddle");
    let e = client.plan_list(&plans).await.unwrap_err();
    assert!(matches!(e, Error::Decode { .. }), "{e}");
    assert!(e.to_string().contains("xxxx"), "{e}");
    errors.push(e);
    set("straddle-500");
    let e = client.plan_list(&plans).await.unwrap_err();
    assert!(matches!(e, Error::HttpStatus { status: 503, .. }), "{e}");
    errors.push(e);
    set("secret-as-data");
    let e = client.plan_list(&plans).await.unwrap_err();
    assert!(matches!(e, Error::Decode { .. }), "{e}");
    errors.push(e);
    set("card-as-data");
    let e = client.make_payment(&payment()).await.unwrap_err();
    assert!(matches!(e, Error::Decode { .. }), "{e}");
    errors.push(e);
    set("card-in-msg");
    let e = client.make_payment(&payment()).await.unwrap_err();
    assert!(matches!(e, Error::Vendor { .. }), "{e}");
    assert_eq!(e.vendor_errors().len(), 2, "{e}");
    assert!(e.to_string().contains("was declined"), "{e}");
    errors.push(e);
    set("ssn-in-msg");
    let e = client
        .create_homephone_customer(&order(SSN))
        .await
        .unwrap_err();
    assert!(matches!(e, Error::Vendor { status: 400, .. }), "{e}");
    assert!(e.to_string().contains("does not match"), "{e}");
    errors.push(e);
    set("rejected");
    let e = client
        .call_raw(
            "customer",
            "cancel_autopay",
            &json!({"card_number": CARD}),
            CallKind::Write,
        )
        .await
        .unwrap_err();
    assert!(matches!(e, Error::TokenRejected { .. }), "{e}");
    errors.push(e);
    set("form-echo");
    let e = client.authenticate().await.unwrap_err();
    assert!(matches!(e, Error::HttpStatus { status: 400, .. }), "{e}");
    errors.push(e);

    let mut secrets: Vec<String> = [PASSWORD, PIN, AGENT_PASSWORD, SSN, CARD]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
    secrets.extend(issued.lock().unwrap().iter().cloned());
    let pieces = pieces(&secrets);
    for error in &errors {
        for text in error_texts(error) {
            assert_clean("an error", &text, &pieces);
        }
    }
    assert_clean("the client's Debug", &format!("{client:?}"), &pieces);

    drop(_guard);
    let logs = buffer.text();
    // The logs did capture the calls: the driver's span and its events.
    assert!(logs.contains("vendor=\"vcare\""), "{logs}");
    assert!(logs.contains("call failed"), "{logs}");
    assert_clean("the logs", &logs, &pieces);

    // Nothing secret in a URL; every secret did reach the vendor, in the body or the header.
    let sent = server.requests();
    for request in &sent {
        let url = format!(
            "{}?{}",
            request.path,
            request.query.as_deref().unwrap_or("")
        );
        assert_clean("a URL", &url, &pieces);
    }
    let bodies: String = sent.iter().map(|r| r.body_text().into_owned()).collect();
    for secret in [PIN, AGENT_PASSWORD, CARD] {
        assert!(bodies.contains(secret), "{secret} was never sent");
    }
    assert!(bodies.contains("\"ssnum\":\"0707\""));
    assert!(
        sent.iter()
            .any(|r| r.header("token").is_some_and(|t| t.starts_with("tkQ7zX")))
    );
}
