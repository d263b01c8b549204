//! The set-up the integration tests share: a one-gateway client in front of a mock server.

use mock_http::{MockServer, Reply};
use traitel_am::{Client, Credentials};

/// A mock gateway answering every request with `reply`, and a client for it (password
/// `password`, no alternate gateway). Keep the server alive while the client is used.
pub(crate) async fn gateway(password: &str, reply: impl Into<Reply>) -> (MockServer, Client) {
    let reply = reply.into();
    let server = MockServer::start(move |_| reply.clone())
        .await
        .expect("server");
    let client = Client::builder(Credentials::new("u", password))
        .base_url(format!("{}/accountmanager.pl", server.url()))
        .without_alternate()
        .build()
        .expect("client");
    (server, client)
}
