//! Runs the client against the vcare fake of `telecom-sandbox` (no network): authenticates
//! once and rotates the single-use token across calls, lists plans, creates a home phone
//! customer and reads it back, recovers from expired tokens, tells a repeated create from
//! other vendor errors, and asks whether a device can take an eSIM.
//!
//! `cargo run -p vcare-rest --example offline`

use serde_json::json;
use telecom_sandbox::vcare::VcareConfig;
use vcare_rest::{
    CallKind, CheckDeviceCompatibility, Client, CreateHomephoneCustomer, Credentials,
    CustomerInfoRequest, Error, PlanList, Source,
};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    // A free port of 127.0.0.1; single-use tokens living 15 s, as the vendor's.
    let sandbox = telecom_sandbox::vcare::start().await?;

    // The sandbox's default tenant.
    let account = VcareConfig::default();
    let credentials = Credentials {
        vendor_id: account.vendor_id,
        username: account.username,
        password: account.password.into(),
        pin: account.pin.into(),
        agent_id: account.agent_id,
        agent_password: None,
    };
    let client = Client::builder(credentials)
        .base_url(sandbox.url())
        .source(Source::Website)
        .build()?;

    for plan in client
        .plan_list(&PlanList::builder().zip_code("30901").build()?)
        .await?
    {
        println!(
            "plan {:?} {:?} at {:?}",
            plan.plan_id, plan.plan_name, plan.plan_price
        );
    }

    // Every field by name: a zip code and a plan id cannot trade places.
    let order = CreateHomephoneCustomer::builder()
        .enrollment_id("WN1597")
        .zip_code("30901")
        .features(["1577", "1680"])
        .plan_id("262")
        .ssnum("3437")
        .f_name("RAKESH")
        .carrier("ATTH")
        .phone_number("4567890765")
        .state("GA")
        .city("AUGUSTA")
        .build()?;
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
        .customer_info(
            &CustomerInfoRequest::builder()
                .enrollment_id("WN1597")
                .build()?,
        )
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
        .plan_list(&PlanList::builder().zip_code("30901").build()?)
        .await?;
    println!(
        "after the tokens expired: {} plan(s), {} authentication(s) so far",
        plans.len(),
        sandbox.authentications()
    );

    // A second create for the same enrollment (a resend after a timeout, say) finds the
    // first one's work done: its own error, so no string matching is needed.
    match client.create_homephone_customer(&order).await {
        Ok(again) => println!("unexpected second customer {:?}", again.customer_id),
        Err(Error::AlreadyCreated { enrollment_ids, .. }) => {
            println!("create again: already created for {enrollment_ids:?}, nothing to do")
        }
        Err(error) => println!(
            "create again: {error} (code {:?}, retryable: {})",
            error.vendor_code(),
            error.is_retryable()
        ),
    }

    // Can this phone take an eSIM? (A read: retried on transient failures.)
    let device = client
        .check_device_compatibility(
            &CheckDeviceCompatibility::builder()
                .imei("358823054577013")
                .carrier("TMB")
                .build()?,
        )
        .await?;
    println!(
        "device {:?} {:?}: compatible {:?}, eSIM {:?}",
        device.make,
        device.model,
        device.compatible(),
        device.esim_compatible()
    );

    // The low-level escape hatch, with an action the vendor does not have.
    match client
        .call_raw("customer", "no_such_action", &json!({}), CallKind::Write)
        .await
    {
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
