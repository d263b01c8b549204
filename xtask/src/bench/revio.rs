//! Rev.io: `Customers_Query` against a hand-rolled SOAP POST read by `quick_xml::de`, and a
//! 10,000-record `CustomerProducts_Query` against a quick-xml event scan (the floor) and
//! against `quick_xml::de` into the user's own struct.

use std::fmt::Write as _;

use revio_client::{AuthMode, Client, Credentials, CustomerProductsQuery, CustomersQuery};
use rust_decimal::Decimal;
use serde::Deserialize;

use super::measure::{Goal, Orientation, Row, compare};
use super::server::{BenchServer, Request, answer};
use super::{in_tasks, timed};

const SEQUENTIAL_CALLS: usize = 1_000;
const TASKS: usize = 32;
const PER_TASK: usize = 50;
const RECORDS: usize = 10_000;
const NS: &str = "http://api.myh2o.com/v20";

fn envelope(op: &str, body: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><soap:Body><{op}Response xmlns=\"{NS}\"><{op}Result>\
         <Header><Success>true</Success><Impersonated>false</Impersonated></Header>{body}\
         </{op}Result></{op}Response></soap:Body></soap:Envelope>"
    )
}

const CUSTOMER: &str = "<Customer><ID>1001</ID><AcctNum>A-1001</AcctNum><AgentID>7</AgentID>\
    <CustomerClass>Residential</CustomerClass><BillMethod>EMAIL_ONLY</BillMethod>\
    <IsParentAccount>false</IsParentAccount><ContractStart>2024-01-01T00:00:00</ContractStart>\
    <Language>en</Language><PhysicalAddress><ID>55</ID><FirstName>Ann</FirstName><LastName>Lee</LastName>\
    <Address1>1 Main St</Address1><City>Nashville</City><State>TN</State><Zip>37201</Zip></PhysicalAddress>\
    <TPIVStatus>APPROVED</TPIVStatus></Customer>";

fn products_body() -> String {
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

async fn server() -> Result<BenchServer, String> {
    let customers = envelope("Customers_Query", CUSTOMER);
    let products = products_body();
    BenchServer::start(move |req: &Request<'_>| {
        let body = if req.body.windows(22).any(|w| w == b"CustomerProducts_Query") {
            &products
        } else {
            &customers
        };
        answer(200, "text/xml; charset=utf-8", body.as_bytes())
    })
    .await
    .map_err(|e| format!("server: {e}"))
}

fn request_envelope(op: &str, fields: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">\
         <soap:Body><{op} xmlns=\"{NS}\"><Request><Credentials><Username>apiuser</Username><Password>api-pass</Password>\
         <Client>CLIENT1</Client></Credentials>{fields}</Request></{op}></soap:Body></soap:Envelope>"
    )
}

// The user's own structs for `quick_xml::de`: the same fields the client types.
#[derive(Deserialize)]
struct HandEnvelope<B> {
    #[serde(rename = "Body")]
    body: B,
}

#[derive(Deserialize)]
struct CustomersBody {
    #[serde(rename = "Customers_QueryResponse")]
    response: CustomersResponse,
}

#[derive(Deserialize)]
struct CustomersResponse {
    #[serde(rename = "Customers_QueryResult")]
    result: CustomersResult,
}

#[derive(Deserialize)]
struct HandHeader {
    #[serde(rename = "Success")]
    success: bool,
}

#[derive(Deserialize)]
#[allow(dead_code)] // read to decode the same fields as the client
struct CustomersResult {
    #[serde(rename = "Header")]
    header: HandHeader,
    #[serde(rename = "Customer")]
    customer: Option<HandCustomer>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct HandCustomer {
    #[serde(rename = "ID")]
    id: i64,
    #[serde(rename = "AcctNum")]
    acct_num: Option<String>,
    #[serde(rename = "AgentID")]
    agent_id: Option<i64>,
    #[serde(rename = "CustomerClass")]
    customer_class: Option<String>,
    #[serde(rename = "BillMethod")]
    bill_method: Option<String>,
    #[serde(rename = "IsParentAccount")]
    is_parent_account: Option<bool>,
    #[serde(rename = "ContractStart")]
    contract_start: Option<String>,
    #[serde(rename = "Language")]
    language: Option<String>,
    #[serde(rename = "PhysicalAddress")]
    physical_address: Option<HandAddress>,
    #[serde(rename = "TPIVStatus")]
    tpiv_status: Option<String>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct HandAddress {
    #[serde(rename = "ID")]
    id: Option<i64>,
    #[serde(rename = "FirstName")]
    first_name: Option<String>,
    #[serde(rename = "LastName")]
    last_name: Option<String>,
    #[serde(rename = "Address1")]
    address1: Option<String>,
    #[serde(rename = "City")]
    city: Option<String>,
    #[serde(rename = "State")]
    state: Option<String>,
    #[serde(rename = "Zip")]
    zip: Option<String>,
}

#[derive(Deserialize)]
struct ProductsBody {
    #[serde(rename = "CustomerProducts_QueryResponse")]
    response: ProductsResponse,
}

#[derive(Deserialize)]
struct ProductsResponse {
    #[serde(rename = "CustomerProducts_QueryResult")]
    result: ProductsResult,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct ProductsResult {
    #[serde(rename = "Header")]
    header: HandHeader,
    #[serde(rename = "CustomerProducts")]
    products: HandProducts,
}

#[derive(Deserialize)]
struct HandProducts {
    #[serde(rename = "CustomerProduct", default)]
    items: Vec<HandProduct>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct HandProduct {
    #[serde(rename = "Customer_Product_ID")]
    customer_product_id: i64,
    #[serde(rename = "Line_ID")]
    line_id: Option<i64>,
    #[serde(rename = "Customer_ID")]
    customer_id: Option<i64>,
    #[serde(rename = "Product_ID")]
    product_id: Option<i64>,
    #[serde(rename = "Description")]
    description: Option<String>,
    #[serde(rename = "Group_On_Bill")]
    group_on_bill: Option<bool>,
    #[serde(rename = "Tax_Included")]
    tax_included: Option<bool>,
    #[serde(rename = "Quantity")]
    quantity: Option<i32>,
    // quick-xml hands an element to `deserialize_any` as a map, which `Decimal` refuses:
    // a user reads the text and parses it, as `products_de` does.
    #[serde(rename = "Rate")]
    rate: Option<String>,
    #[serde(rename = "Cost")]
    cost: Option<String>,
    #[serde(rename = "Code1")]
    code1: Option<String>,
    #[serde(rename = "Billed_Through_Date")]
    billed_through_date: Option<String>,
}

#[derive(Clone)]
struct Hand {
    http: reqwest::Client,
    url: String,
}

impl Hand {
    async fn post(&self, op: &str, fields: &str) -> Result<bytes::Bytes, String> {
        self.http
            .post(&self.url)
            .header("Content-Type", "text/xml; charset=utf-8")
            .header("SOAPAction", format!("\"{NS}/{op}\""))
            .body(request_envelope(op, fields))
            .send()
            .await
            .map_err(|e| e.to_string())?
            .bytes()
            .await
            .map_err(|e| e.to_string())
    }

    async fn customers(self, calls: usize) -> Result<(), String> {
        for _ in 0..calls {
            let bytes = self
                .post("Customers_Query", "<CustomerID>1001</CustomerID>")
                .await?;
            let text = std::str::from_utf8(&bytes).map_err(|e| e.to_string())?;
            let envelope: HandEnvelope<CustomersBody> =
                quick_xml::de::from_str(text).map_err(|e| e.to_string())?;
            if !envelope.body.response.result.header.success {
                return Err("not a success".into());
            }
        }
        Ok(())
    }

    async fn products_de(self) -> Result<usize, String> {
        let bytes = self
            .post("CustomerProducts_Query", "<CustomerID>1001</CustomerID>")
            .await?;
        let text = std::str::from_utf8(&bytes).map_err(|e| e.to_string())?;
        let envelope: HandEnvelope<ProductsBody> =
            quick_xml::de::from_str(text).map_err(|e| e.to_string())?;
        let items = envelope.body.response.result.products.items;
        for item in &items {
            for amount in [&item.rate, &item.cost].into_iter().flatten() {
                amount.parse::<Decimal>().map_err(|e| e.to_string())?;
            }
        }
        Ok(items.len())
    }

    /// The floor: reqwest and a bare quick-xml event scan, nothing kept.
    async fn products_scan(self) -> Result<usize, String> {
        let bytes = self
            .post("CustomerProducts_Query", "<CustomerID>1001</CustomerID>")
            .await?;
        let mut reader = quick_xml::Reader::from_reader(bytes.as_ref());
        let mut buf = Vec::new();
        let mut records = 0;
        loop {
            match reader
                .read_event_into(&mut buf)
                .map_err(|e| e.to_string())?
            {
                quick_xml::events::Event::Start(e)
                    if e.local_name().as_ref() == b"CustomerProduct" =>
                {
                    records += 1
                }
                quick_xml::events::Event::Eof => break,
                _ => {}
            }
            buf.clear();
        }
        Ok(records)
    }
}

fn client(url: &str) -> Result<Client, String> {
    Client::builder(Credentials::new("apiuser", "api-pass", "CLIENT1"))
        .base_url(url)
        .auth_mode(AuthMode::Credentials)
        .build()
        .map_err(|e| e.to_string())
}

async fn client_customers(client: Client, calls: usize) -> Result<(), String> {
    for _ in 0..calls {
        client
            .customers_query(&CustomersQuery::CustomerId(1001))
            .await
            .map_err(|e| e.to_string())?;
    }
    Ok(())
}

async fn client_products(client: Client) -> Result<usize, String> {
    let query = CustomerProductsQuery {
        customer_id: vec![1001],
        ..Default::default()
    };
    let found = client
        .customer_products_query(&query)
        .await
        .map_err(|e| e.to_string())?;
    let n = found.result.customer_products.len();
    if n == RECORDS {
        Ok(n)
    } else {
        Err(format!("{n} records"))
    }
}

/// `Customers_Query`, sequential and with 32 tasks.
pub(super) async fn calls(rounds: usize) -> Result<Vec<Row>, String> {
    let server = server().await?;
    let url = format!("{}/v20/default.asmx", server.url());
    let client = client(&url)?;
    let hand = Hand {
        http: reqwest::Client::new(),
        url,
    };
    let sequential = compare(
        "revio Customers_Query / hand-rolled, sequential",
        Goal::AtMost(1.05),
        Orientation::Time,
        rounds,
        || timed(client_customers(client.clone(), SEQUENTIAL_CALLS)),
        || timed(hand.clone().customers(SEQUENTIAL_CALLS)),
    )
    .await?;
    let concurrent = compare(
        "revio Customers_Query / hand-rolled, 32 tasks",
        Goal::AtMost(1.05),
        Orientation::Time,
        rounds,
        || {
            timed(in_tasks(TASKS, |_| {
                client_customers(client.clone(), PER_TASK)
            }))
        },
        || timed(in_tasks(TASKS, |_| hand.clone().customers(PER_TASK))),
    )
    .await?;
    Ok(vec![sequential, concurrent])
}

/// The 10,000-record answer, records per second against the two hand-rolled readers.
pub(super) async fn large(rounds: usize) -> Result<Vec<Row>, String> {
    let server = server().await?;
    let url = format!("{}/v20/default.asmx", server.url());
    let client = client(&url)?;
    let hand = Hand {
        http: reqwest::Client::new(),
        url,
    };
    let scan = compare(
        "revio 10,000 records / (reqwest + quick-xml event scan)",
        Goal::AtLeast(0.5),
        Orientation::Throughput,
        rounds,
        || timed(client_products(client.clone())),
        || timed(hand.clone().products_scan()),
    )
    .await?;
    let de = compare(
        "revio 10,000 records / (reqwest + quick_xml::de into a struct)",
        Goal::AtLeast(1.5),
        Orientation::Throughput,
        rounds,
        || timed(client_products(client.clone())),
        || timed(hand.clone().products_de()),
    )
    .await?;
    Ok(vec![scan, de])
}
