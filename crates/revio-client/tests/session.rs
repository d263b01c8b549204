//! Session mode under concurrency: one `Sessions_Create` for many tasks sharing a client,
//! and one renewal when the key is refused.

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use mock_http::MockServer;
use revio_client::models::CustomersQuery;
use revio_client::{AuthMode, Client, Credentials};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_tasks_share_one_session_and_renew_it_once() {
    let creates = Arc::new(AtomicUsize::new(0));
    let counter = creates.clone();
    let server = MockServer::start(move |req| {
        let op = common::operation(req);
        let body = req.body_text();
        if op == "Sessions_Create" {
            let n = counter.fetch_add(1, Ordering::SeqCst) + 1;
            let key = format!("key-{n}");
            return common::answer(
                &op,
                &format!("<Success>true</Success><SessionKey>{key}</SessionKey>"),
                &format!("<SessionKey>{key}</SessionKey>"),
            );
        }
        // The first key is forgotten by the server after a while; the second one works.
        if body.contains("<SessionKey>key-1</SessionKey>") && body.contains("<CustomerID>9") {
            return common::fail(
                &op,
                "S2004",
                "Authorization failure: unknown/invalid Session Key.",
            );
        }
        common::ok(&op, "<Customer><ID>1</ID></Customer>")
    })
    .await
    .expect("mock server");

    let client = Client::builder(Credentials::new("apiuser", "pw", "CLIENT1"))
        .base_url(format!("{}/v20/default.asmx", server.url()))
        .auth_mode(AuthMode::Session)
        .build()
        .expect("client");

    let tasks: Vec<_> = (0..16)
        .map(|i| {
            let client = client.clone();
            tokio::spawn(async move {
                client
                    .customers_query(&CustomersQuery::CustomerId(100 + i))
                    .await
            })
        })
        .collect();
    for task in tasks {
        let found = task.await.expect("task").expect("call");
        assert_eq!(found.customer.as_ref().and_then(|c| c.id), Some(1));
    }
    assert_eq!(
        creates.load(Ordering::SeqCst),
        1,
        "16 concurrent calls share one session"
    );

    // Now the key is refused: several tasks see S2004 at once, yet one new session is made.
    let tasks: Vec<_> = (0..8)
        .map(|i| {
            let client = client.clone();
            tokio::spawn(async move {
                client
                    .customers_query(&CustomersQuery::CustomerId(900 + i))
                    .await
            })
        })
        .collect();
    for task in tasks {
        task.await.expect("task").expect("renewed call");
    }
    assert_eq!(
        creates.load(Ordering::SeqCst),
        2,
        "one renewal for all refused calls"
    );
}
