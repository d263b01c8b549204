//! Runs the client against a local fake TraiTel (no network): the primary gateway is down,
//! so every call fails over to the alternate one.
//!
//! `cargo run -p traitel-am --example offline`

use futures::TryStreamExt;
use mock_http::{MockServer, Response, refused_url};
use time::macros::date;
use traitel_am::{Client, Credentials, LogQuery, NewSubAccount, SmsCostQuery, SmsCostType};

/// What the fake gateway answers for each mode.
fn answer(mode: &str) -> &'static str {
    match mode {
        "querybalance" => "Ok\n1234.56\n",
        "addsubaccount" => "Ok\n1003\n",
        "querysmscost" => "Ok\n0.0825\n",
        "logsmsin" => {
            "Ok\nID,Sub-ID,Date,Time,From,To,MessageType,Message\n\
             801,,2024-01-09,08:00:00,61412345678,61290004444,ASCII,Hello\\nthere\n\
             802,,2024-01-09,08:01:00,61412345678,61290004444,U16,041F04400438043204350442\n"
        }
        _ => "Error 200: Incomplete request.\n",
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let gateway = MockServer::start(|req| {
        let mode = req
            .form_pairs()
            .into_iter()
            .find(|(k, _)| k == "mode")
            .map(|(_, v)| v)
            .unwrap_or_default();
        Response::new(200)
            .header("Content-Type", "text/plain")
            .body(answer(&mode))
            .into()
    })
    .await?;

    let client = Client::builder(Credentials::new("demo", "demo-password"))
        .primary_url(format!("{}/accountmanager.pl", refused_url()?))
        .alternate_url(format!("{}/accountmanager.pl", gateway.url()))
        .build()?;

    println!("balance: {}", client.query_balance().await?);
    let id = client
        .add_subaccount(&NewSubAccount::new("kiosk-7").email("kiosk7@example.com"))
        .await?;
    println!("new sub-account: {id}");
    let cost = client
        .query_sms_cost(&SmsCostQuery::new("+61 412 345 678", SmsCostType::Replies))
        .await?;
    println!("one SMS to +61 412 345 678: {cost}");

    let mut rows = client
        .log_sms_in(&LogQuery::new(date!(2024 - 01 - 01), date!(2024 - 01 - 31)))
        .await?;
    while let Some(sms) = rows.try_next().await? {
        println!(
            "{} {} from {}: {:?}",
            sms.entry.date,
            sms.entry.time,
            sms.entry.from,
            sms.message.text.unwrap_or_default()
        );
    }

    match client.query_timezone().await {
        Err(e) => println!("querytimezone: {e} (retryable: {})", e.is_retryable()),
        Ok(tz) => println!("time zone: {tz}"),
    }
    println!(
        "{} requests reached the alternate gateway",
        gateway.requests().len()
    );
    Ok(())
}
