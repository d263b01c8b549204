//! The one resend rule: reads are resent after any transient failure; a write only when it
//! surely was not acted on (no connection made, or HTTP 429); invalid input never leaves the
//! process.

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use mock_http::{MockServer, Reply, Response};
use revio_client::models::{ContactsDelete, CustomersQuery};
use revio_client::{Client, Credentials, Error, RetryPolicy, Timeouts};

fn client(url: &str) -> Client {
    Client::builder(Credentials::new("apiuser", "pw", "CLIENT1"))
        .base_url(format!("{url}/v20/default.asmx"))
        .retry_policy(
            RetryPolicy::default()
                .with_max_attempts(3)
                .with_backoff(Duration::from_millis(1), Duration::from_millis(5)),
        )
        .timeouts(Timeouts {
            connect: Duration::from_millis(500),
            request: Duration::from_millis(300),
        })
        .build()
        .expect("client")
}

/// Fails the first `failures` requests with `failure`, then answers `ok`.
async fn flaky(failures: usize, failure: Reply) -> (MockServer, Arc<AtomicUsize>) {
    let seen = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&seen);
    let server = MockServer::start(move |req| {
        let n = counter.fetch_add(1, Ordering::SeqCst);
        if n < failures {
            failure.clone()
        } else {
            common::ok(&common::operation(req), "<Customer><ID>1</ID></Customer>")
        }
    })
    .await
    .expect("mock server");
    (server, seen)
}

#[tokio::test(flavor = "current_thread")]
async fn a_read_is_retried_through_503_reset_and_timeout() {
    for failure in [
        Reply::Respond(Response::new(503).body("busy")),
        Reply::Reset,
        Reply::Delay(
            Duration::from_millis(800),
            Box::new(Reply::Respond(Response::new(503))),
        ),
    ] {
        let (server, seen) = flaky(2, failure).await;
        let found = client(&server.url())
            .customers_query(&CustomersQuery::CustomerId(1))
            .await
            .expect("third attempt succeeds");
        assert_eq!(found.customer.as_ref().and_then(|c| c.id), Some(1));
        assert_eq!(seen.load(Ordering::SeqCst), 3);
    }
}

#[tokio::test(flavor = "current_thread")]
async fn a_read_gives_up_after_the_policy_allows() {
    let (server, seen) = flaky(
        10,
        Reply::Respond(Response::new(502).body("<html>Bad Gateway</html>")),
    )
    .await;
    let error = client(&server.url())
        .customers_query(&CustomersQuery::CustomerId(1))
        .await
        .expect_err("always 502");
    assert!(
        matches!(error, Error::HttpStatus { status: 502, .. }),
        "{error:?}"
    );
    assert!(error.is_retryable());
    assert!(error.to_string().contains("Bad Gateway"), "{error}");
    assert_eq!(seen.load(Ordering::SeqCst), 3);
}

#[tokio::test(flavor = "current_thread")]
async fn a_write_is_sent_once() {
    for failure in [
        Reply::Respond(Response::new(503)),
        Reply::Reset,
        Reply::Close,
    ] {
        let (server, seen) = flaky(1, failure).await;
        let error = client(&server.url())
            .contacts_delete(&ContactsDelete { contact_id: 7 })
            .await
            .expect_err("the first answer is a failure");
        assert!(error.is_retryable(), "{error:?}");
        assert_eq!(
            seen.load(Ordering::SeqCst),
            1,
            "a write is never resent: {error}"
        );
    }
}

#[tokio::test(flavor = "current_thread")]
async fn a_write_answered_429_is_resent_honouring_retry_after() {
    let (server, seen) = flaky(
        2,
        Reply::Respond(
            Response::new(429)
                .header("Retry-After", "0")
                .body("Too Many Requests"),
        ),
    )
    .await;
    client(&server.url())
        .contacts_delete(&ContactsDelete { contact_id: 7 })
        .await
        .expect("the server refused before processing, so the write was sent again");
    assert_eq!(seen.load(Ordering::SeqCst), 3);
}

#[tokio::test(flavor = "current_thread")]
async fn a_write_answered_429_stops_within_the_policy() {
    let (server, seen) = flaky(10, Reply::Respond(Response::new(429))).await;
    let error = client(&server.url())
        .contacts_delete(&ContactsDelete { contact_id: 7 })
        .await
        .expect_err("always 429");
    assert!(
        matches!(error, Error::HttpStatus { status: 429, .. }),
        "{error:?}"
    );
    assert!(error.is_retryable());
    assert_eq!(seen.load(Ordering::SeqCst), 3, "max_attempts is 3");
}

#[tokio::test(flavor = "current_thread")]
async fn invalid_input_never_reaches_the_server() {
    let (server, seen) = flaky(0, Reply::Reset).await;
    let error = client(&server.url())
        .contacts_delete(&ContactsDelete { contact_id: 0 })
        .await
        .expect_err("id 0 is refused");
    match &error {
        Error::InvalidInput { field, .. } => assert_eq!(field, "ContactID"),
        other => panic!("{other:?}"),
    }
    assert_eq!(seen.load(Ordering::SeqCst), 0);
}

#[tokio::test(flavor = "current_thread")]
async fn a_refused_connection_is_a_retryable_transport_error() {
    let url = mock_http::refused_url().expect("a closed port");
    let error = client(&url)
        .contacts_delete(&ContactsDelete { contact_id: 7 })
        .await
        .expect_err("nobody listens");
    assert!(matches!(error, Error::Transport { .. }), "{error:?}");
    assert!(error.is_retryable());
}

#[tokio::test(flavor = "current_thread")]
async fn an_answer_longer_than_max_body_bytes_is_a_decode_error_not_resent() {
    let (server, seen) = flaky(0, Reply::Respond(Response::new(200))).await;
    let error = Client::builder(Credentials::new("apiuser", "pw", "CLIENT1"))
        .base_url(format!("{}/v20/default.asmx", server.url()))
        .max_body_bytes(64)
        .build()
        .expect("client")
        .customers_query(&CustomersQuery::CustomerId(1))
        .await
        .expect_err("the answer is longer than 64 bytes");
    assert!(matches!(error, Error::Decode { .. }), "{error:?}");
    assert!(error.to_string().contains("64 bytes"), "{error}");
    // Even a read is not sent again: the same answer would come back.
    assert_eq!(seen.load(Ordering::SeqCst), 1);
}
