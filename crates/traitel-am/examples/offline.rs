//! Runs the client against the TraiTel fake of `telecom-sandbox` (no network): the primary
//! gateway is switched down, so every call fails over to the alternate one; then the
//! primary comes back.
//!
//! `cargo run -p traitel-am --example offline`

use futures::TryStreamExt;
use telecom_sandbox::traitel::TraitelConfig;
use time::macros::date;
use traitel_am::{
    Client, Credentials, ErrorCode, LogQuery, NewSubAccount, SmsCostQuery, SmsCostType,
};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    // Two gateways on two free ports of 127.0.0.1, sharing one account.
    let sandbox = telecom_sandbox::traitel::start().await?;
    // The primary's port now refuses connections, as a gateway outage would.
    sandbox.set_primary_up(false).await;

    // The sandbox's default account.
    let account = TraitelConfig::default();
    let client = Client::builder(Credentials::new(account.user, account.pass))
        .base_url(sandbox.base_url())
        .alternate_url(sandbox.alternate_url())
        .build()?;

    println!("balance: {}", client.query_balance().await?);
    let kiosk = NewSubAccount::builder()
        .alias("kiosk-7")
        .email("kiosk7@example.com")
        .build()?;
    let id = client.add_subaccount(&kiosk).await?;
    println!("new sub-account: {id}");
    let price = SmsCostQuery::builder()
        .number("+61 412 345 678")
        .kind(SmsCostType::Replies)
        .build()?;
    let cost = client.query_sms_cost(&price).await?;
    println!("one SMS to +61 412 345 678: {cost}");
    println!(
        "time zone: {}",
        client.set_timezone("Australia/Perth").await?
    );

    // Logs arrive as a stream of typed rows, parsed as the body comes in (the sandbox
    // generates them on the fly: three a day here).
    let january = LogQuery::builder()
        .start_date(date!(2024 - 01 - 01))
        .end_date(date!(2024 - 01 - 31))
        .build()?;
    let mut rows = client.log_sms_in(&january).await?;
    let mut count = 0;
    while let Some(sms) = rows.try_next().await? {
        if count < 3 {
            println!(
                "{} {} from {}: {:?}",
                sms.entry.date,
                sms.entry.time,
                sms.entry.from,
                sms.message.text.unwrap_or_default()
            );
        }
        count += 1;
    }
    println!("{count} SMS received in January");

    // The gateway keeps state: a second sub-account with the same alias is refused.
    let again = NewSubAccount::builder().alias("kiosk-7").build()?;
    match client.add_subaccount(&again).await {
        Err(e) if e.error_code() == Some(&ErrorCode::AliasAlreadyRegistered) => println!(
            "addsubaccount again: {e} (code {:?}, retryable: {})",
            e.vendor_code(),
            e.is_retryable()
        ),
        Err(e) => return Err(e.into()),
        Ok(id) => println!("unexpected second sub-account {id}"),
    }

    let served = |server: &str| {
        sandbox
            .requests()
            .iter()
            .filter(|r| r.server == server)
            .count()
    };
    println!(
        "{} requests reached the alternate gateway, {} the primary",
        served("alternate"),
        served("primary")
    );

    // The primary is back: calls go to it again.
    sandbox.set_primary_up(true).await;
    println!("balance: {}", client.query_balance().await?);
    println!(
        "after the primary came back: {} request(s) reached it",
        served("primary")
    );
    Ok(())
}
