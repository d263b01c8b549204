//! Runs offline against a local stand-in for the vcare API: authenticates once, rotates the
//! token across calls, creates a home phone customer, and shows a vendor error.
//!
//! `cargo run -p vcare-rest --example offline`
#![allow(clippy::unwrap_used)]

use std::sync::atomic::{AtomicU64, Ordering};

use mock_http::{MockServer, Response};
use serde_json::json;
use vcare_rest::models::customer::CreateHomephoneCustomer;
use vcare_rest::models::enrollment::EnrollmentType;
use vcare_rest::models::plan::PlanList;
use vcare_rest::{Client, Credentials, Source};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let counter = AtomicU64::new(0);
    let server = MockServer::start(move |req| {
        let token = format!("token-{}", counter.fetch_add(1, Ordering::Relaxed));
        let action = req
            .body_json()
            .and_then(|b| b.get("action").and_then(|a| a.as_str().map(str::to_owned)))
            .unwrap_or_default();
        let body = match (req.path.as_str(), action.as_str()) {
            ("/authenticate", _) => json!({"msg": "Successfully Authenticate", "msg_code": "RESTAPI000", "token": token}),
            ("/plan", "plan_list") => json!({"msg": "Success", "msg_code": "RESTAPI000", "token": token,
                "data": [{"plan_id": "231", "plan_name": "Unlimited", "plan_price": "29.24", "carrier": ["HELIXATT"]}]}),
            ("/customer", "create_homephone_customer") => json!({"msg": "Success", "msg_code": "RESTAPI000", "token": token,
                "data": {"pending_id": 439, "customer_id": "432"}}),
            _ => json!({"msg": "Error occurred", "msg_code": "RESTAPI106", "token": token, "errors": ["Action does not exist"]}),
        };
        Response::json(200, &body).into()
    })
    .await?;

    let client = Client::builder()
        .base_url(server.url())
        .credentials(Credentials::new("V1", "apiuser", "api-pass", "1234"))
        .agent_id("ewebsiteapi")
        .source(Source::Website)
        .build()?;

    for plan in client
        .plan_list(&PlanList::new("30901", EnrollmentType::NonLifeline))
        .await?
    {
        println!(
            "plan {:?} {:?} at {:?}",
            plan.plan_id, plan.plan_name, plan.plan_price
        );
    }

    let mut order = CreateHomephoneCustomer::new(
        "WN1597",
        "30901",
        vec!["1577".into(), "1680".into()],
        "262",
        "3437",
        "RAKESH",
        "ATTH",
        "4567890765",
    );
    order.state = Some("GA".into());
    order.city = Some("AUGUSTA".into());
    let created = client
        .with_external_transaction_id("ORDER42")
        .create_homephone_customer(&order)
        .await?;
    println!(
        "created: pending {:?}, customer {:?}",
        created.pending_id, created.customer_id
    );

    match client.call("customer", "no_such_action", json!({})).await {
        Ok(reply) => println!("unexpected success: {reply:?}"),
        Err(error) => println!(
            "vendor error, as expected: {error} (code {:?})",
            error.vendor_code()
        ),
    }

    let stats = client.token_stats();
    println!(
        "{} calls, {} authentication(s): the token each answer carried was used by the next call",
        server.requests().len() as u64 - stats.authentications,
        stats.authentications
    );
    Ok(())
}
