//! TraiTel: `querybalance` against a hand-rolled GET, and the typed log's rows per second
//! on the same bytes: the owned stream against `csv` deserializing into a user's struct,
//! and the borrowed rows against `csv::ByteRecord`, each the like of the other.

use std::fmt::Write as _;
use std::io::Cursor;

use futures::TryStreamExt;
use rust_decimal::Decimal;
use serde::Deserialize;
use traitel_am::{Client, Credentials, LogRows, LogStream, SmsOut};

use super::measure::{Goal, Orientation, Row, compare};
use super::server::{BenchServer, Request, answer};
use super::timed;

const CALLS: usize = 1_000;
const ROWS: usize = 200_000;
const HEADER: &str = "Ok\nID,Sub-ID,Date,Time,From,To,Sent,Tracking,Cost\n";

/// `ROWS` rows of `logsmsout`, alphanumeric and numeric senders mixed.
pub(super) fn log_body(rows: usize) -> Vec<u8> {
    let mut text = String::with_capacity(64 * rows + HEADER.len());
    text.push_str(HEADER);
    for i in 0..rows {
        let from = if i % 4 == 0 {
            "ACME".to_owned()
        } else {
            format!("61400{:06}", i % 1_000_000)
        };
        let tracking = if i % 3 == 0 { "DELIVRD" } else { "" };
        let _ = writeln!(
            text,
            "{},{},2024-01-{:02},{:02}:{:02}:{:02},{from},614{:08},1,{tracking},0.0{}",
            1_000_000 + i,
            1000 + i % 50,
            1 + i % 28,
            (i / 3600) % 24,
            (i / 60) % 60,
            i % 60,
            i * 7919 % 100_000_000,
            50 + i % 10,
        );
    }
    text.into_bytes()
}

/// The user's struct for `csv`: text and an exact amount.
#[derive(Deserialize)]
#[allow(dead_code)] // read to decode the same fields as the client
struct HandSms {
    #[serde(rename = "ID")]
    id: String,
    #[serde(rename = "Sub-ID")]
    sub_id: String,
    #[serde(rename = "Date")]
    date: String,
    #[serde(rename = "Time")]
    time: String,
    #[serde(rename = "From")]
    from: String,
    #[serde(rename = "To")]
    to: String,
    #[serde(rename = "Sent")]
    sent: String,
    #[serde(rename = "Tracking")]
    tracking: String,
    #[serde(rename = "Cost")]
    cost: Decimal,
}

fn without_status_line(body: &[u8]) -> &[u8] {
    body.iter()
        .position(|&b| b == b'\n')
        .map_or(body, |at| &body[at + 1..])
}

async fn stream_rows(body: bytes::Bytes) -> Result<usize, String> {
    let mut rows = LogStream::<SmsOut>::from_reader("logsmsout", Cursor::new(body));
    let mut n = 0;
    while rows.try_next().await.map_err(|e| e.to_string())?.is_some() {
        n += 1;
    }
    if n == ROWS {
        Ok(n)
    } else {
        Err(format!("{n} rows"))
    }
}

async fn borrowed_rows(body: bytes::Bytes) -> Result<usize, String> {
    let mut rows = LogRows::<SmsOut>::from_reader("logsmsout", Cursor::new(body));
    let mut n = 0;
    while let Some(row) = rows.next_row().await {
        row.map_err(|e| e.to_string())?;
        n += 1;
    }
    if n == ROWS {
        Ok(n)
    } else {
        Err(format!("{n} rows"))
    }
}

async fn csv_struct(body: bytes::Bytes) -> Result<usize, String> {
    let mut reader = csv::Reader::from_reader(without_status_line(&body));
    let mut n = 0;
    for row in reader.deserialize::<HandSms>() {
        row.map_err(|e| e.to_string())?;
        n += 1;
    }
    Ok(n)
}

async fn csv_byte_records(body: bytes::Bytes) -> Result<usize, String> {
    let mut reader = csv::Reader::from_reader(without_status_line(&body));
    let mut record = csv::ByteRecord::new();
    let mut n = 0;
    while reader
        .read_byte_record(&mut record)
        .map_err(|e| e.to_string())?
    {
        n += 1;
    }
    Ok(n)
}

/// Rows per second of the typed log against the two `csv` readers: owned rows against
/// owned records, rows borrowing the buffer against records borrowing theirs.
pub(super) async fn rows(rounds: usize) -> Result<Vec<Row>, String> {
    let body = bytes::Bytes::from(log_body(ROWS));
    let typed = compare(
        "traitel LogStream<SmsOut> rows/s / csv into a String+Decimal struct",
        Goal::AtLeast(1.0),
        Orientation::Throughput,
        rounds,
        || timed(stream_rows(body.clone())),
        || timed(csv_struct(body.clone())),
    )
    .await?;
    let bytes = compare(
        "traitel LogRows<SmsOut> borrowed rows/s / csv::ByteRecord",
        Goal::AtLeast(0.5),
        Orientation::Throughput,
        rounds,
        || timed(borrowed_rows(body.clone())),
        || timed(csv_byte_records(body.clone())),
    )
    .await?;
    Ok(vec![typed, bytes])
}

async fn client_balances(client: Client) -> Result<(), String> {
    for _ in 0..CALLS {
        client.query_balance().await.map_err(|e| e.to_string())?;
    }
    Ok(())
}

async fn hand_balances(http: reqwest::Client, url: String) -> Result<(), String> {
    for _ in 0..CALLS {
        let text = http
            .get(&url)
            .query(&[
                ("user", "demo"),
                ("pass", "s3cret-pass"),
                ("mode", "querybalance"),
            ])
            .send()
            .await
            .map_err(|e| e.to_string())?
            .text()
            .await
            .map_err(|e| e.to_string())?;
        let value = text
            .strip_prefix("Ok\n")
            .ok_or_else(|| format!("not Ok: {text}"))?;
        let _: Decimal = value.trim().parse().map_err(|e| format!("{e}"))?;
    }
    Ok(())
}

/// `querybalance`, sequential.
pub(super) async fn balance(rounds: usize) -> Result<Row, String> {
    let server = BenchServer::start(|_: &Request<'_>| answer(200, "text/plain", b"Ok\n125.50\n"))
        .await
        .map_err(|e| format!("server: {e}"))?;
    let url = format!("{}/accountmanager.pl", server.url());
    let client = Client::builder(Credentials::new("demo", "s3cret-pass"))
        .base_url(&url)
        .without_alternate()
        .build()
        .map_err(|e| e.to_string())?;
    let http = reqwest::Client::new();
    compare(
        "traitel querybalance / hand-rolled",
        Goal::AtMost(1.05),
        Orientation::Time,
        rounds,
        || timed(client_balances(client.clone())),
        || timed(hand_balances(http.clone(), url.clone())),
    )
    .await
}
