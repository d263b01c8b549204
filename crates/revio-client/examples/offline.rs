//! Runs the client against a local mock Rev.io server: a session is opened, a customer is
//! looked up, the server forgets the session (S2004) and the client renews it, then a
//! vendor error is shown. Needs no network; exits by itself.
//!
//! `cargo run -p revio-client --example offline`

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use mock_http::{MockServer, Reply, Response};
use revio_client::models::{CustomersQuery, LinesUpdate, Update};
use revio_client::{AuthMode, Client, Credentials, Error};

const NS: &str = "http://api.myh2o.com/v20";

fn answer(op: &str, header: &str, body: &str) -> Reply {
    Response::new(200)
        .header("Content-Type", "text/xml; charset=utf-8")
        .body(format!(
            "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>\
             <{op}Response xmlns=\"{NS}\"><{op}Result><Header>{header}</Header>{body}</{op}Result></{op}Response>\
             </soap:Body></soap:Envelope>"
        ))
        .into()
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let forgotten = Arc::new(AtomicBool::new(false));
    let flag = forgotten.clone();
    let server = MockServer::start(move |req| {
        let action = req.header("SOAPAction").unwrap_or("").trim_matches('"');
        let op = action.rsplit('/').next().unwrap_or("");
        let body = req.body_text();
        match op {
            "Sessions_Create" if flag.load(Ordering::SeqCst) => answer(op, "<Success>true</Success>", "<SessionKey>second</SessionKey>"),
            "Sessions_Create" => answer(op, "<Success>true</Success>", "<SessionKey>first</SessionKey>"),
            "Lines_Update" if body.contains("<SessionKey>first</SessionKey>") => {
                flag.store(true, Ordering::SeqCst);
                answer(op, "<Success>false</Success><Error_Code>S2004</Error_Code>", "")
            }
            "Lines_Update" => answer(op, "<Success>true</Success>", ""),
            "Customers_Query" if body.contains("<CustomerID>404</CustomerID>") => answer(
                op,
                "<Success>false</Success><Error_Code>C2002</Error_Code><Error_Description>Customer ID does not exist.</Error_Description>",
                "",
            ),
            "Customers_Query" => answer(
                op,
                "<Success>true</Success><Impersonated>false</Impersonated>",
                "<Customer><ID>1001</ID><AcctNum>A-1001</AcctNum><CustomerClass>Residential</CustomerClass></Customer>",
            ),
            _ => Response::new(500).body("unexpected").into(),
        }
    })
    .await?;

    let client = Client::builder(Credentials::new("api-user", "not-a-real-password", "DEMO"))
        .endpoint(format!("{}/v20/default.asmx", server.url()))
        .auth_mode(AuthMode::Session)
        .build()?;

    let found = client
        .customers_query(&CustomersQuery::CustomerId(1001))
        .await?;
    if let Some(customer) = &found.customer {
        println!(
            "customer {:?}: account {:?}, class {:?}",
            customer.id, customer.acct_num, customer.customer_class
        );
    }

    // Only the description is sent; the session is renewed transparently on S2004.
    let update = LinesUpdate {
        line_id: 20,
        description: Some(Update::set("Kid's phone".to_owned())),
        ..LinesUpdate::default()
    };
    client.lines_update(&update).await?;
    println!("line 20 updated after a session renewal");

    match client
        .customers_query(&CustomersQuery::CustomerId(404))
        .await
    {
        Err(Error::Vendor(e)) => println!("vendor error as expected: {e}"),
        other => println!("unexpected: {other:?}"),
    }
    println!(
        "{} requests reached the mock server",
        server.requests().len()
    );
    Ok(())
}
