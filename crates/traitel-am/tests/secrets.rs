//! The password never shows: not in `tracing` output (captured here), not in errors (their
//! whole source chain), not in `Debug` of the client or the credentials.

use std::io::Write;
use std::sync::{Arc, Mutex};

use mock_http::{MockServer, Response, refused_url};
use traitel_am::{Client, Credentials, RequestMethod, RetryPolicy};

const PASSWORD: &str = "pw-Zq81-never-log-me";

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

fn full_chain(e: &dyn std::error::Error) -> String {
    let mut out = format!("{e} / {e:?}");
    let mut source = e.source();
    while let Some(s) = source {
        out.push_str(&format!(" / {s} / {s:?}"));
        source = s.source();
    }
    out
}

fn client(primary: String, alternate: String, method: RequestMethod) -> Client {
    Client::builder(Credentials::new("acme", PASSWORD))
        .primary_url(format!("{primary}/accountmanager.pl"))
        .alternate_url(format!("{alternate}/accountmanager.pl"))
        .method(method)
        .retry_policy(RetryPolicy::default().with_max_attempts(2).with_backoff(
            std::time::Duration::from_millis(1),
            std::time::Duration::from_millis(2),
        ))
        .build()
        .expect("valid client")
}

#[tokio::test]
async fn password_stays_out_of_logs_errors_and_debug() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let server = MockServer::start(|req| {
        let body = req.body_text().into_owned();
        let query = req.query.clone().unwrap_or_default();
        if body.contains("querysubaccounts") || query.contains("querysubaccounts") {
            // A CGI error page that echoes the request, password included.
            Response::new(500)
                .body(format!("Internal error while handling {body}{query}"))
                .into()
        } else if body.contains("querybalance") || query.contains("querybalance") {
            Response::new(200).body("Ok\n12.50\n").into()
        } else {
            Response::new(200)
                .body("Error 002: Authentication failed.\n")
                .into()
        }
    })
    .await
    .expect("server");

    let mut seen = Vec::new();
    for method in [RequestMethod::PostForm, RequestMethod::GetQuery] {
        // Primary refuses the connection: the call fails over, with a warning logged.
        let c = client(refused_url().expect("port"), server.url(), method);
        assert_eq!(
            c.query_balance().await.expect("balance").to_string(),
            "12.50"
        );
        let err = c.query_timezone().await.expect_err("auth error");
        assert!(err.is_auth());
        seen.push(full_chain(&err));
        seen.push(format!("{c:?}"));
        let echoed = c
            .query_subaccounts()
            .await
            .expect_err("500 echoing the request");
        assert!(matches!(
            echoed,
            traitel_am::Error::HttpStatus { status: 500, .. }
        ));
        assert!(echoed.to_string().contains("[REDACTED]"), "{echoed}");
        seen.push(full_chain(&echoed));

        // Both gateways down: a transport error whose chain holds reqwest's error.
        let down = client(
            refused_url().expect("port"),
            refused_url().expect("port"),
            method,
        );
        let err = down.query_balance().await.expect_err("both down");
        assert!(matches!(
            err,
            traitel_am::Error::Transport { connect: true, .. }
        ));
        seen.push(full_chain(&err));
    }
    seen.push(format!("{:?}", Credentials::new("acme", PASSWORD)));

    // Positive control: the password did go on the wire, in the body and then the query.
    let requests = server.requests();
    assert!(requests.iter().any(|r| r.body_text().contains(PASSWORD)));
    assert!(
        requests
            .iter()
            .any(|r| r.query.as_deref().is_some_and(|q| q.contains(PASSWORD)))
    );
    assert!(
        requests
            .iter()
            .all(|r| r.method == "POST" || r.body.is_empty())
    );

    let logs = captured.text();
    assert!(logs.contains("traitel.call"), "the span was logged: {logs}");
    assert!(logs.contains("operation=querybalance"), "{logs}");
    assert!(
        logs.contains("attempt failed"),
        "the failover was logged: {logs}"
    );
    assert!(
        !logs.contains(PASSWORD),
        "password in tracing output:\n{logs}"
    );
    for text in &seen {
        assert!(!text.contains(PASSWORD), "password in {text}");
    }
    assert!(seen.iter().any(|t| t.contains("[REDACTED]")));
}
