//! The real `revio-client` client against the Rev.io fake.

use std::time::Duration;

use revio_client::models::{CustomersQuery, LinesUpdate, Update};
use revio_client::{AuthMode, Client, Credentials, RetryPolicy};
use telecom_sandbox::revio::{self, RevioSandbox};
use telecom_sandbox::{Fault, FaultRule};

fn client(sandbox: &RevioSandbox, mode: AuthMode, password: &str) -> Client {
    Client::builder(Credentials::new("apiuser", password, "CLIENT1"))
        .base_url(sandbox.base_url())
        .auth_mode(mode)
        .retry_policy(
            RetryPolicy::default()
                .with_max_attempts(3)
                .with_backoff(Duration::from_millis(1), Duration::from_millis(5)),
        )
        .build()
        .expect("client builds")
}

fn new_customer() -> revio_client::models::NewCustomersCreate {
    serde_json::from_value(serde_json::json!({
        "Customer": {"CustomerClass": "Residential", "PhysicalAddress": {"Address1": "1 Main St", "City": "Nashville", "State": "TN", "Zip": "37201"}},
        "Order": {"PackageID": 8, "Description": "Web signup", "AdditionalProducts": [{"ProductID": 301, "Rate": "5.00", "Quantity": 1}]}
    }))
    .expect("a NewCustomers_Create request")
}

fn operations(sandbox: &RevioSandbox) -> Vec<String> {
    sandbox
        .requests()
        .iter()
        .filter_map(|r| {
            r.header("soapaction").map(|a| {
                a.trim_matches('"')
                    .rsplit('/')
                    .next()
                    .unwrap_or("")
                    .to_owned()
            })
        })
        .collect()
}

#[tokio::test]
async fn session_journey_create_read_expire_recover() {
    let sandbox = revio::start().await.expect("sandbox starts");
    let client = client(&sandbox, AuthMode::Session, "api-pass");

    let created = client
        .new_customers_create(&new_customer())
        .await
        .expect("created");
    let id = created.result.customer_id.expect("a customer id");
    assert_eq!(created.result.lines.len(), 1);
    assert_eq!(sandbox.customer_ids(), vec![id]);

    let found = client
        .customers_query(&CustomersQuery::CustomerId(id))
        .await
        .expect("read back");
    let customer = found.result.customer.expect("the customer");
    assert_eq!(customer.id, Some(id));
    assert_eq!(sandbox.sessions_created(), 1);

    // The session ends: the next call is refused with S2004, the client logs in again
    // and sends the call once more.
    sandbox.expire_sessions();
    client
        .customers_query(&CustomersQuery::CustomerId(id))
        .await
        .expect("recovered");
    assert_eq!(sandbox.sessions_created(), 2);
    assert_eq!(
        operations(&sandbox),
        vec![
            "Sessions_Create",
            "NewCustomers_Create",
            "Customers_Query",
            "Customers_Query",
            "Sessions_Create",
            "Customers_Query"
        ]
    );

    let missing = client
        .customers_query(&CustomersQuery::CustomerId(999))
        .await
        .expect_err("no such customer");
    assert_eq!(missing.vendor_code(), Some("C2002"));
}

#[tokio::test]
async fn credentials_mode_and_bad_credentials() {
    let sandbox = revio::start().await.expect("sandbox starts");
    sandbox.preload_customer(1001, "A-1001");
    let good = client(&sandbox, AuthMode::Credentials, "api-pass");
    let found = good
        .customers_query(&CustomersQuery::CustomerId(1001))
        .await
        .expect("found");
    assert_eq!(
        found.result.customer.and_then(|c| c.acct_num).as_deref(),
        Some("A-1001")
    );
    assert!(sandbox.requests()[0].body.contains("<Credentials>"));
    assert_eq!(sandbox.sessions_created(), 0);

    let bad = client(&sandbox, AuthMode::Credentials, "wrong");
    let err = bad
        .customers_query(&CustomersQuery::CustomerId(1001))
        .await
        .expect_err("refused");
    assert_eq!(err.vendor_code(), Some("S2005"));
}

#[tokio::test]
async fn malformed_envelopes_get_soap_faults() {
    let sandbox = revio::start().await.expect("sandbox starts");
    let http = reqwest::Client::new();
    for body in [
        "not xml <",
        "<a><b></a>",
        "<Envelope><Body></Body></Envelope>",
    ] {
        let resp = http
            .post(sandbox.base_url())
            .header("Content-Type", "text/xml; charset=utf-8")
            .body(body)
            .send()
            .await
            .expect("sent");
        assert_eq!(resp.status().as_u16(), 500, "{body}");
        let text = resp.text().await.expect("body");
        assert!(
            text.contains("<soap:Fault><faultcode>soap:Client</faultcode>"),
            "{text}"
        );
    }
}

#[tokio::test]
async fn a_read_is_retried_past_an_html_503() {
    let sandbox = revio::start().await.expect("sandbox starts");
    sandbox.preload_customer(7, "A-7");
    let client = client(&sandbox, AuthMode::Credentials, "api-pass");
    sandbox.inject(FaultRule::new(revio::PATH, Fault::HtmlError { status: 503 }).times(1));
    client
        .customers_query(&CustomersQuery::CustomerId(7))
        .await
        .expect("retried");
    assert_eq!(sandbox.requests().len(), 2);

    // A write is not resent after a reset.
    sandbox.clear_requests();
    sandbox.inject(FaultRule::new(revio::PATH, Fault::Reset).times(1));
    client
        .new_customers_create(&new_customer())
        .await
        .expect_err("reset");
    assert_eq!(sandbox.requests().len(), 1);
    assert!(sandbox.customer_ids().len() <= 1);
}

#[tokio::test]
async fn sessions_expire_after_the_configured_time() {
    let sandbox = RevioSandbox::start(revio::RevioConfig {
        session_lifetime: Duration::from_millis(50),
        ..revio::RevioConfig::default()
    })
    .await
    .expect("sandbox starts");
    sandbox.preload_customer(1, "A-1");
    let client = client(&sandbox, AuthMode::Session, "api-pass");
    client
        .customers_query(&CustomersQuery::CustomerId(1))
        .await
        .expect("first");
    tokio::time::sleep(Duration::from_millis(120)).await;
    client
        .customers_query(&CustomersQuery::CustomerId(1))
        .await
        .expect("re-login after S2004");
    assert_eq!(sandbox.sessions_created(), 2);
}

#[tokio::test]
async fn lines_update_sets_the_fields_sent_on_a_created_line() {
    let sandbox = revio::start().await.expect("sandbox starts");
    let client = client(&sandbox, AuthMode::Credentials, "api-pass");
    let created = client
        .new_customers_create(&new_customer())
        .await
        .expect("created");
    let line_id = created.result.lines[0];
    assert_eq!(
        sandbox.line_field(line_id, "Description").as_deref(),
        Some("Web signup")
    );
    let update = LinesUpdate {
        line_id,
        description: Some(Update::set("Kid's phone".to_owned())),
        ..LinesUpdate::default()
    };
    client.lines_update(&update).await.expect("updated");
    assert_eq!(
        sandbox.line_field(line_id, "Description").as_deref(),
        Some("Kid's phone")
    );
    assert!(sandbox.requests()[1].body.contains("<Line_ID>"));

    let missing = client
        .lines_update(&LinesUpdate {
            line_id: 999_999,
            ..update
        })
        .await
        .expect_err("no such line");
    assert_eq!(missing.vendor_code(), Some("L2024"));
}

#[tokio::test]
async fn customer_products_of_a_new_customer_read_back_typed() {
    let sandbox = revio::start().await.expect("sandbox starts");
    let client = client(&sandbox, AuthMode::Credentials, "api-pass");
    let created = client
        .new_customers_create(&new_customer())
        .await
        .expect("created");
    let id = created.result.customer_id.expect("a customer id");

    let query = revio_client::models::CustomerProductsQuery {
        customer_id: vec![id],
        ..Default::default()
    };
    let found = client
        .customer_products_query(&query)
        .await
        .expect("read back");
    let products = found.result.customer_products;
    assert_eq!(products.len(), 1, "{products:?}");
    let product = &products[0];
    assert_eq!(product.customer_id, Some(id));
    assert_eq!(product.product_id, Some(301));
    assert!(product.customer_product_id.is_some());
    assert_eq!(
        product.status,
        Some(revio_client::models::CustomerProductStatus::Pending)
    );
}
