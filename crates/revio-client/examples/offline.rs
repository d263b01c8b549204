//! Runs the client against the Rev.io fake of `telecom-sandbox` (no network): a session is
//! opened, a customer is created with its line and read back, the fake ends every session
//! (S2004) and the client renews its own for the next call, then a vendor error is shown.
//! Exits by itself.
//!
//! `cargo run -p revio-client --example offline`

use revio_client::models::{
    CustomerClass, CustomersQuery, LinesUpdate, NewCustomer, NewCustomerAddress, NewCustomerOrder,
    NewCustomersCreate, Update,
};
use revio_client::{AuthMode, Client, Credentials, Error};
use telecom_sandbox::revio::RevioConfig;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    // A free port of 127.0.0.1, serving `/v20/default.asmx`.
    let sandbox = telecom_sandbox::revio::start().await?;

    // The sandbox's default login.
    let account = RevioConfig::default();
    let client = Client::builder(Credentials::new(
        account.username,
        account.password,
        account.client,
    ))
    .base_url(sandbox.base_url())
    .auth_mode(AuthMode::Session) // Sessions_Create on first use
    .build()?;

    let signup = NewCustomersCreate {
        customer: Some(NewCustomer {
            customer_class: Some(CustomerClass::Residential),
            physical_address: Some(NewCustomerAddress {
                address1: Some("1 Main St".into()),
                city: Some("Nashville".into()),
                state: Some("TN".into()),
                zip: Some("37201".into()),
                ..NewCustomerAddress::default()
            }),
            ..NewCustomer::default()
        }),
        order: Some(NewCustomerOrder {
            description: Some("Web signup".into()),
            package_id: Some(8),
            ..NewCustomerOrder::default()
        }),
    };
    let created = client.new_customers_create(&signup).await?;
    let id = created.customer_id.ok_or("no customer id")?;
    let line_id = *created.lines.first().ok_or("no line")?;
    println!(
        "created customer {id} with line {line_id} (status {:?})",
        created.status
    );

    let found = client
        .customers_query(&CustomersQuery::CustomerId(id))
        .await?;
    if let Some(customer) = &found.customer {
        println!(
            "customer {:?}: account {:?}, class {:?}",
            customer.id, customer.acct_num, customer.customer_class
        );
    }

    // The fake ends every session: the next call is refused with S2004, before anything
    // is done, so the client opens a new session and sends that call once more.
    sandbox.expire_sessions();
    // Only the description is sent.
    let update = LinesUpdate {
        line_id,
        description: Some(Update::set("Kid's phone".to_owned())),
        ..LinesUpdate::default()
    };
    client.lines_update(&update).await?;
    println!(
        "line {line_id} updated after a session renewal: description {:?}, {} session(s) opened",
        sandbox
            .line_field(line_id, "Description")
            .unwrap_or_default(),
        sandbox.sessions_created()
    );

    match client
        .customers_query(&CustomersQuery::CustomerId(404))
        .await
    {
        Err(e @ Error::Vendor { .. }) => {
            println!("vendor error as expected: {e} (code {:?})", e.vendor_code())
        }
        other => println!("unexpected: {other:?}"),
    }

    let operations: Vec<String> = sandbox
        .requests()
        .iter()
        .filter_map(|r| r.header("soapaction"))
        .map(|a| {
            a.trim_matches('"')
                .rsplit('/')
                .next()
                .unwrap_or("")
                .to_owned()
        })
        .collect();
    println!(
        "{} requests reached the sandbox: {}",
        operations.len(),
        operations.join(", ")
    );
    Ok(())
}
