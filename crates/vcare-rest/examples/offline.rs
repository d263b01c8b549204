//! Runs the client against the vcare fake of `telecom-sandbox` (no network): authenticates
//! once and rotates the single-use token across calls, lists plans, creates a home phone
//! customer and reads it back, recovers from expired tokens, and shows vendor errors.
//!
//! `cargo run -p vcare-rest --example offline`

use serde_json::json;
use telecom_sandbox::vcare::VcareConfig;
use vcare_rest::models::customer::{CreateHomephoneCustomer, CustomerInfoRequest};
use vcare_rest::models::enrollment::EnrollmentType;
use vcare_rest::models::plan::PlanList;
use vcare_rest::{Client, Credentials, Source};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    // A free port of 127.0.0.1; single-use tokens living 15 s, as the vendor's.
    let sandbox = telecom_sandbox::vcare::start().await?;

    // The sandbox's default tenant.
    let account = VcareConfig::default();
    let client = Client::builder()
        .base_url(sandbox.url())
        .credentials(Credentials::new(
            account.vendor_id,
            account.username,
            account.password,
            account.pin,
        ))
        .agent_id(account.agent_id)
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

    // The fake keeps state: the customer can be read back (its "Pending" status, a value
    // this version does not model, arrives as `Unknown` instead of failing the call).
    for line in client
        .customer_info(&CustomerInfoRequest::by_enrollment_id("WN1597"))
        .await?
    {
        println!(
            "customer_info: enrollment {:?}, number {:?}, status {:?}",
            line.enrollment_id, line.telephone_number, line.status
        );
    }

    // Every token issued so far is now past its 15 s: the call that presents the pooled one
    // is refused ("Token expire"), and the client authenticates again and resends it once.
    sandbox.expire_tokens();
    let plans = client
        .plan_list(&PlanList::new("30901", EnrollmentType::NonLifeline))
        .await?;
    println!(
        "after the tokens expired: {} plan(s), {} authentication(s) so far",
        plans.len(),
        sandbox.authentications()
    );

    // A second create for the same enrollment is refused by the vendor's rules.
    match client.create_homephone_customer(&order).await {
        Ok(again) => println!("unexpected second customer {:?}", again.customer_id),
        Err(error) => println!(
            "create again: {error} (code {:?}, retryable: {})",
            error.vendor_code(),
            error.is_retryable()
        ),
    }

    // The low-level escape hatch, with an action the vendor does not have.
    match client.call("customer", "no_such_action", json!({})).await {
        Ok(reply) => println!("unexpected success: {reply:?}"),
        Err(error) => println!(
            "vendor error, as expected: {error} (code {:?})",
            error.vendor_code()
        ),
    }

    // Each token the fake saw was presented once: the one every answer carried went to the
    // next call.
    let mut tokens: Vec<String> = sandbox
        .requests()
        .iter()
        .filter(|r| r.path != "/authenticate")
        .filter_map(|r| r.header("token").map(str::to_owned))
        .collect();
    let calls = tokens.len();
    tokens.sort();
    tokens.dedup();
    let stats = client.token_stats();
    println!(
        "{calls} calls with {} distinct tokens, {} authentication(s), {} token rejection(s)",
        tokens.len(),
        stats.authentications,
        stats.rejections
    );
    Ok(())
}
