//! The password never shows, however a gateway echoes it: not in `tracing` output (captured
//! at TRACE), not in an error's `Display`, `Debug` or source chain, not in a URL sent with
//! POST, not in `Debug` of the client or the credentials. Not the whole password, and not
//! any 4-character piece of it.

use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures::StreamExt;
use mock_http::{MockServer, Reply, Request, Response, refused_url};
use time::macros::date;
use traitel_am::{
    CallKind, Client, Credentials, Error, LogQuery, RequestMethod, RetryPolicy, SmsCostQuery,
    SmsCostType, Timeouts,
};

/// A space, `@`, `&`, `<`, `>` and `"`: each is written differently in a form, a JSON
/// string and HTML.
const PASSWORD: &str = "Zq8 p@ss&<w0rd>\"Kx7";

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .map_err(|_| std::io::Error::other("poisoned"))?
            .extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Captured {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().map(|b| b.clone()).unwrap_or_default()).into_owned()
    }
}

/// Everything logged at any level on this thread, until the guard drops.
fn capture() -> (Captured, tracing::subscriber::DefaultGuard) {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    (captured, tracing::subscriber::set_default(subscriber))
}

fn full_chain(e: &dyn std::error::Error) -> String {
    let mut out = format!("{e} / {e:?}");
    let mut source = e.source();
    while let Some(s) = source {
        out.push_str(&format!(" / {s} / {s:?}"));
        source = s.source();
    }
    out
}

/// Every piece of the password of 4 characters or more that `text` holds.
fn leaks(text: &str) -> Vec<String> {
    let chars: Vec<char> = PASSWORD.chars().collect();
    let mut found = Vec::new();
    for start in 0..chars.len() {
        let piece: String = chars[start..(start + 4).min(chars.len())].iter().collect();
        if piece.chars().count() == 4 && text.contains(&piece) {
            found.push(piece);
        }
    }
    found
}

fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The parameters the gateway received, from the form body or the query string.
fn params(req: &Request) -> Vec<(String, String)> {
    if req.method == "POST" {
        req.form_pairs()
    } else {
        req.query_pairs()
    }
}

fn param(req: &Request, name: &str) -> String {
    params(req)
        .into_iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v)
        .unwrap_or_default()
}

fn filler(n: usize) -> String {
    "x".repeat(n)
}

/// A gateway that echoes the request in the ways servers do, picked by `mode`.
fn gateway(req: &Request) -> Reply {
    let mode = param(req, "mode");
    let pass = param(req, "pass");
    let raw_request = format!(
        "{}{}",
        req.body_text(),
        req.query.clone().unwrap_or_default()
    );
    let json = serde_json::to_string(&serde_json::Map::from_iter(
        params(req)
            .into_iter()
            .map(|(k, v)| (k, serde_json::Value::String(v))),
    ))
    .unwrap_or_default();
    let csv_header = "ID,Sub-ID,Date,Time,From,To,Sent,Tracking,Cost\n";
    let (status, body) = match mode.as_str() {
        // A token-service style 400 repeating the form (or query) it received.
        "formecho" => (400, format!("Bad request: could not process {raw_request}")),
        "formecho500" => (500, format!("Internal error while handling {raw_request}")),
        // A PHP error page printing the request as JSON, plain and HTML-escaped.
        "phpjson" => (
            500,
            format!(
                "<br />\n<b>Fatal error</b>:  Uncaught Exception: bad request {json} in \
                 /var/www/html/accountmanager.php:42\nStack trace:\n#0 {{main}}"
            ),
        ),
        "phpjsonhtml" => (
            500,
            format!(
                "<html><body><b>Warning</b>: request {} rejected</body></html>",
                html_escape(&json)
            ),
        ),
        // An HTML page showing the parameters as XML, escaped for HTML.
        "xmlecho" => (
            403,
            format!(
                "<html><body><pre>{}</pre></body></html>",
                html_escape(&format!(
                    "<request><user>acme</user><pass>{pass}</pass><mode>{mode}</mode></request>"
                ))
            ),
        ),
        "xmlecho200" => (
            200,
            format!(
                "<html><body><pre>{}</pre></body></html>",
                html_escape(&format!("<request><pass>{pass}</pass></request>"))
            ),
        ),
        // The password straddling the cut of each excerpt: an HTTP error (256 characters),
        // a decode error (120), a vendor message (1024), and 500 characters in.
        "straddle256" => (500, format!("{}{pass} and more", filler(250))),
        "straddle500" => (500, format!("{}{pass} and more", filler(500))),
        "straddle120" => (200, format!("<html>{}{pass} and more", filler(110))),
        "straddle1024" => (200, format!("Error 001: {}{pass} and more\n", filler(1015))),
        "vendorecho" => (
            200,
            format!("Error 002: Authentication failed for acme / {pass}\n"),
        ),
        // A secret where a value was expected.
        "querybalance" | "querysmscost" => (200, format!("Ok\n{pass}\n")),
        "querysubaccounts" => (200, format!("Ok\n{pass},Alias\n1,a\n")),
        "rawtable" => (200, format!("Ok\nA,B\n{pass}\n")),
        "logsmsout" => match param(req, "subid").as_str() {
            "header" => (200, format!("Ok\n{pass},Sub-ID\n1,2\n")),
            "row" => (
                200,
                format!(
                    "Ok\n{csv_header}1,,2024-01-10,12:00:00,ACME,61412345678,1,,{pass}\n\
                     2,,2024-01-10,12:00:01,ACME,61412345678,1,,0.05\n"
                ),
            ),
            "width" => (
                200,
                format!("Ok\n{csv_header}1,,2024-01-10,12:00:00,{pass}\n"),
            ),
            "html" => (
                200,
                format!("<!DOCTYPE html>{}{pass} and more", filler(100)),
            ),
            _ => (500, format!("log failed for {raw_request}")),
        },
        "slow" => {
            return Reply::Delay(
                Duration::from_millis(400),
                Box::new(Response::new(200).body("Ok\n").into()),
            );
        }
        "cut" => {
            return Reply::Truncate {
                response: Response::new(200).body(format!("Ok\n{}\n", filler(200))),
                at: 10,
            };
        }
        _ => (200, "Ok\n".to_owned()),
    };
    Response::new(status).body(body).into()
}

fn client(primary: &str, alternate: &str, method: RequestMethod) -> Client {
    Client::builder(Credentials::new("acme", PASSWORD))
        .base_url(format!("{primary}/accountmanager.pl"))
        .alternate_url(format!("{alternate}/accountmanager.pl"))
        .method(method)
        .timeouts(Timeouts::default().with_request(Duration::from_millis(150)))
        .retry_policy(
            RetryPolicy::default()
                .with_max_attempts(2)
                .with_backoff(Duration::from_millis(1), Duration::from_millis(2)),
        )
        .build()
        .expect("valid client")
}

fn log_query(subid: &str) -> LogQuery {
    LogQuery::builder()
        .start_date(date!(2024 - 01 - 01))
        .end_date(date!(2024 - 01 - 31))
        .subid(subid)
        .build()
        .expect("valid query")
}

#[tokio::test]
async fn no_piece_of_the_password_leaks_however_it_is_echoed() {
    let (captured, _guard) = capture();

    let server = MockServer::start(gateway).await.expect("server");
    let url = server.url();
    // Each text that must hold no piece of the password, with what it is.
    let mut seen: Vec<(String, String)> = Vec::new();
    let mut masked = 0;

    for method in [RequestMethod::PostForm, RequestMethod::GetQuery] {
        let c = client(&url, &url, method);
        let mut keep = |what: &str, e: &Error| {
            let text = full_chain(e);
            if text.contains("[REDACTED]") {
                masked += 1;
            }
            seen.push((format!("{method:?} {what}"), text));
        };

        for mode in [
            "formecho",
            "formecho500",
            "phpjson",
            "phpjsonhtml",
            "xmlecho",
            "straddle256",
            "straddle500",
        ] {
            let e = c.call_raw(mode, &(), CallKind::Read).await.expect_err(mode);
            assert!(matches!(e, Error::HttpStatus { .. }), "{mode}: {e}");
            keep(mode, &e);
        }
        for mode in ["xmlecho200", "straddle120"] {
            let e = c
                .call_raw(mode, &(), CallKind::Write)
                .await
                .expect_err(mode);
            assert!(matches!(e, Error::Decode { .. }), "{mode}: {e}");
            keep(mode, &e);
        }
        for mode in ["straddle1024", "vendorecho"] {
            let e = c.call_raw(mode, &(), CallKind::Read).await.expect_err(mode);
            assert!(matches!(e, Error::Vendor { .. }), "{mode}: {e}");
            keep(mode, &e);
        }

        // The password where a value was expected.
        let e = c.query_balance().await.expect_err("balance");
        assert!(matches!(e, Error::Decode { .. }), "{e}");
        keep("balance", &e);
        let e = c
            .query_sms_cost(
                &SmsCostQuery::builder()
                    .number("+61412345678")
                    .kind(SmsCostType::Replies)
                    .build()
                    .expect("valid query"),
            )
            .await
            .expect_err("sms cost");
        keep("sms cost", &e);
        let e = c.query_subaccounts().await.expect_err("csv header");
        assert!(matches!(e, Error::Decode { .. }), "{e}");
        keep("csv header", &e);
        let raw = c
            .call_raw("rawtable", &(), CallKind::Read)
            .await
            .expect("payload");
        let e = raw.table().expect_err("short row");
        keep("raw table", &e);

        // Streamed logs: a header, a typed value and a short row holding the password, an
        // HTML page instead of `Ok`, and a 500 echo.
        let e = c
            .log_sms_out(&log_query("header"))
            .await
            .expect("opened")
            .collect_all()
            .await
            .expect_err("stream header");
        keep("stream header", &e);
        let items: Vec<_> = c
            .log_sms_out(&log_query("row"))
            .await
            .expect("opened")
            .collect()
            .await;
        assert_eq!(
            items.len(),
            2,
            "a bad row is one item and the stream goes on"
        );
        let e = items[0].as_ref().expect_err("bad cost");
        assert!(matches!(e, Error::Decode { row: Some(1), .. }), "{e}");
        keep("stream row", e);
        let items: Vec<_> = c
            .log_sms_out(&log_query("width"))
            .await
            .expect("opened")
            .collect()
            .await;
        let e = items
            .iter()
            .find_map(|r| r.as_ref().err())
            .expect("short row");
        keep("stream short row", e);
        let e = c
            .log_sms_out(&log_query("html"))
            .await
            .expect_err("html instead");
        assert!(matches!(e, Error::Decode { .. }), "{e}");
        keep("stream html", &e);
        let e = c
            .log_sms_out(&log_query("echo"))
            .await
            .expect_err("500 echo");
        keep("stream 500", &e);

        // Transport failures, where reqwest's error would name the URL.
        let e = c
            .call_raw("slow", &(), CallKind::Read)
            .await
            .expect_err("timeout");
        assert!(matches!(e, Error::Timeout { .. }), "{e}");
        keep("timeout", &e);
        let e = c
            .call_raw("cut", &(), CallKind::Read)
            .await
            .expect_err("cut body");
        assert!(matches!(e, Error::Transport { .. }), "{e}");
        keep("cut body", &e);
        let refused = refused_url().expect("port");
        let down = client(&refused, &refused, method);
        let e = down.query_balance().await.expect_err("both down");
        assert!(matches!(e, Error::Transport { connect: true, .. }), "{e}");
        keep("connect", &e);

        seen.push((format!("{method:?} client"), format!("{c:?}")));
    }
    seen.push((
        "credentials".into(),
        format!("{:?}", Credentials::new("acme", PASSWORD)),
    ));

    // Controls: the password did reach the gateway, in the body and in the query, and the
    // echoes were masked rather than missing.
    let requests = server.requests();
    assert!(requests.iter().any(|r| param(r, "pass") == PASSWORD));
    assert!(
        requests
            .iter()
            .any(|r| r.method == "GET" && param(r, "pass") == PASSWORD)
    );
    assert!(masked >= 20, "only {masked} errors show a mask");

    // With POST no URL carries it.
    for r in requests.iter().filter(|r| r.method == "POST") {
        let target = format!("{}?{}", r.path, r.query.clone().unwrap_or_default());
        assert!(
            leaks(&target).is_empty(),
            "password in a POST URL: {target}"
        );
    }

    let logs = captured.text();
    assert!(logs.contains("call{vendor=\"traitel\""), "the span: {logs}");
    assert!(logs.contains("operation=\"formecho500\""), "{logs}");
    assert!(logs.contains("trying the next endpoint"), "failover logged");
    assert!(logs.contains("[REDACTED]"), "the echoes were logged masked");
    let in_logs = leaks(&logs);
    assert!(in_logs.is_empty(), "{in_logs:?} in tracing output:\n{logs}");
    for (what, text) in &seen {
        let found = leaks(text);
        assert!(found.is_empty(), "{found:?} in {what}: {text}");
    }
}

#[tokio::test]
async fn the_log_stream_and_its_failover_share_the_call_span() {
    let (captured, _guard) = capture();

    let server = MockServer::start(|_| {
        Response::new(200)
            .body("Ok\nID,Sub-ID,Date,Time,From,To,Sent,Tracking,Cost\n1,,2024-01-10,12:00:00,A,B,1,,0.05\n")
            .into()
    })
    .await
    .expect("server");
    let c = client(
        &refused_url().expect("port"),
        &server.url(),
        RequestMethod::GetQuery,
    );
    let rows = c
        .log_sms_out(&log_query("1"))
        .await
        .expect("opened on the alternate")
        .collect_all()
        .await
        .expect("rows");
    assert_eq!(rows.len(), 1);
    let logs = captured.text();
    assert!(
        logs.contains("operation=\"logsmsout\"") && logs.contains("endpoint=\"alternate\""),
        "{logs}"
    );
    assert!(logs.contains("trying the next endpoint"), "{logs}");
    assert!(leaks(&logs).is_empty(), "{logs}");
}
