//! Two measurements, each against a local `mock_http` server:
//!
//! 1. Decoding a large `CustomerProducts_Query` answer (10,000 records, about 4.6 MB of XML)
//!    through the whole client (HTTP, envelope, header, typed records with `Money` and dates),
//!    next to a bare quick-xml event scan of the same bytes (the floor).
//! 2. 32 tasks sharing one session-mode client, 50 calls each: calls per second, and how many
//!    `Sessions_Create` calls the run needed (it must be one), next to credentials mode.
//!
//! Run with `CARGO_TARGET_DIR=/work/target-revio cargo bench -p revio-client --bench decode_and_sessions`.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::fmt::Write as _;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use mock_http::{MockServer, Reply, Response};
use revio_client::models::{CustomerProductsQuery, CustomersQuery};
use revio_client::{AuthMode, Client, Credentials};

const RECORDS: usize = 10_000;
const ROUNDS: usize = 5;
const TASKS: usize = 32;
const CALLS_PER_TASK: usize = 50;
const NS: &str = "http://api.myh2o.com/v20";

fn envelope(op: &str, body: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><soap:Body><{op}Response xmlns=\"{NS}\"><{op}Result>\
         <Header><Success>true</Success><SessionKey>s1</SessionKey><Impersonated>false</Impersonated></Header>{body}\
         </{op}Result></{op}Response></soap:Body></soap:Envelope>"
    )
}

fn big_body() -> String {
    let mut records = String::with_capacity(RECORDS * 480);
    records.push_str("<CustomerProducts>");
    for i in 0..RECORDS {
        let _ = write!(
            records,
            "<CustomerProduct><Customer_Product_ID>{i}</Customer_Product_ID><Line_ID>{}</Line_ID>\
             <Customer_ID>1001</Customer_ID><Product_ID>{}</Product_ID><Description>Unlimited talk &amp; text {i}</Description>\
             <Group_On_Bill>true</Group_On_Bill><Tax_Included>false</Tax_Included><Quantity>1</Quantity>\
             <Rate>{}.{:02}</Rate><Cost>0.00</Cost><Code1>UNL</Code1><Code2 xsi:nil=\"true\"/>\
             <Billed_Through_Date>2024-05-31T00:00:00</Billed_Through_Date><Canceled_Date/></CustomerProduct>",
            i % 97,
            300 + i % 13,
            i % 90,
            i % 100
        );
    }
    records.push_str("</CustomerProducts>");
    envelope("CustomerProducts_Query", &records)
}

fn scan_floor(body: &str) -> usize {
    let mut reader = quick_xml::Reader::from_str(body);
    let mut events = 0;
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => return events,
            Ok(_) => events += 1,
            Err(e) => panic!("{e}"),
        }
    }
}

fn client(url: &str, mode: AuthMode) -> Client {
    Client::builder(Credentials::new("bench", "pw", "BENCH"))
        .base_url(format!("{url}/v20/default.asmx"))
        .auth_mode(mode)
        .build()
        .unwrap()
}

async fn decode_bench() {
    let body = Arc::new(big_body());
    let served = Arc::clone(&body);
    let server = MockServer::start(move |_| {
        Reply::Respond(
            Response::new(200)
                .header("Content-Type", "text/xml; charset=utf-8")
                .body(served.as_bytes().to_vec()),
        )
    })
    .await
    .unwrap();
    let c = client(&server.url(), AuthMode::Credentials);
    let request = CustomerProductsQuery {
        customer_id: vec![1001],
        ..CustomerProductsQuery::default()
    };

    let mut floor = Vec::new();
    let mut full = Vec::new();
    let mut envelope_only = Vec::new();
    for _ in 0..ROUNDS {
        let started = Instant::now();
        let events = scan_floor(&body);
        floor.push(started.elapsed().as_secs_f64());
        assert!(events > RECORDS);

        let started = Instant::now();
        let answer = c.customer_products_query(&request).await.unwrap();
        full.push(started.elapsed().as_secs_f64());
        assert_eq!(answer.customer_products.len(), RECORDS);

        // Same bytes, read into `()`: HTTP, XML tree, header, no typed records.
        let started = Instant::now();
        c.contacts_delete(&revio_client::models::ContactsDelete { contact_id: 1 })
            .await
            .unwrap();
        envelope_only.push(started.elapsed().as_secs_f64());
    }
    let best = |v: &[f64]| v.iter().copied().fold(f64::INFINITY, f64::min);
    let mb = body.len() as f64 / 1_000_000.0;
    println!("decode: {RECORDS} records, {mb:.1} MB, best of {ROUNDS}");
    println!(
        "  quick-xml event scan (floor)      {:>8.1} ms  {:>10.0} records/s",
        best(&floor) * 1e3,
        RECORDS as f64 / best(&floor)
    );
    println!(
        "  client, HTTP + XML tree only      {:>8.1} ms",
        best(&envelope_only) * 1e3
    );
    println!(
        "  client, HTTP to typed records     {:>8.1} ms  {:>10.0} records/s",
        best(&full) * 1e3,
        RECORDS as f64 / best(&full)
    );
}

async fn sessions_bench(mode: AuthMode) {
    let creates = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&creates);
    let ok = envelope(
        "Customers_Query",
        "<Customer><ID>1</ID><AcctNum>A-1</AcctNum></Customer>",
    );
    let created = envelope("Sessions_Create", "<SessionKey>s1</SessionKey>");
    let server = MockServer::start(move |req| {
        let body = if req
            .header("SOAPAction")
            .unwrap_or("")
            .contains("Sessions_Create")
        {
            counter.fetch_add(1, Ordering::SeqCst);
            created.clone()
        } else {
            ok.clone()
        };
        Reply::Respond(
            Response::new(200)
                .header("Content-Type", "text/xml")
                .body(body),
        )
    })
    .await
    .unwrap();
    let c = client(&server.url(), mode);
    let started = Instant::now();
    let tasks: Vec<_> = (0..TASKS)
        .map(|t| {
            let c = c.clone();
            tokio::spawn(async move {
                for i in 0..CALLS_PER_TASK {
                    let id = i64::try_from(t * CALLS_PER_TASK + i + 1).unwrap();
                    c.customers_query(&CustomersQuery::CustomerId(id))
                        .await
                        .unwrap();
                }
            })
        })
        .collect();
    for task in tasks {
        task.await.unwrap();
    }
    let secs = started.elapsed().as_secs_f64();
    let calls = TASKS * CALLS_PER_TASK;
    println!(
        "  {:<12} {calls} calls by {TASKS} tasks: {:>8.0} calls/s, Sessions_Create calls: {}",
        format!("{mode:?}"),
        calls as f64 / secs,
        creates.load(Ordering::SeqCst)
    );
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        decode_bench().await;
        println!("shared client:");
        sessions_bench(AuthMode::Credentials).await;
        sessions_bench(AuthMode::Session).await;
    });
}
