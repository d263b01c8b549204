//! Columns a gateway adds beyond the ones this version types survive, in each row's `extra`
//! map (by header name, values as sent), whether the answer is read whole or streamed.

mod common;

use std::collections::BTreeMap;

use mock_http::Response;
use traitel_am::{LogStream, SmsOut, VoiceCost};

fn map(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

#[tokio::test]
async fn a_table_mode_keeps_new_columns() {
    let body = "Ok\nSub-ID,Email,First Name,Last Name,Company,Fax Headline,Phone, Created \n\
                1001,ann@example.com,Ann,Lee,Lee Pty,Lee Fax,+61 2 9000 1111, 2024-01-02\n";
    let (_server, client) = common::gateway("p4ss-word", Response::new(200).body(body)).await;
    let subs = client.query_subaccounts().await.expect("listed");
    assert_eq!(subs[0].company.as_deref(), Some("Lee Pty"));
    assert_eq!(
        subs[0].extra,
        map(&[("Phone", "+61 2 9000 1111"), ("Created", " 2024-01-02")])
    );
    let json = serde_json::to_value(&subs[0]).expect("json");
    assert_eq!(json["extra"]["Phone"], "+61 2 9000 1111");
}

#[tokio::test]
async fn a_streamed_log_keeps_new_columns_and_the_spec_rows_have_none() {
    let body = "Ok\nID,Sub-ID,Date,Time,From,To,Segments,Sent,Tracking,Cost,Sent\n\
                901,1001,2024-01-10,12:00:00,ACME,61412345678,2,1,DELIVRD,0.055,again\n";
    let rows = LogStream::<SmsOut>::from_reader(
        "logsmsout",
        std::io::Cursor::new(body.as_bytes().to_vec()),
    )
    .collect_all()
    .await
    .expect("rows");
    assert_eq!(rows[0].sent.as_deref(), Some("1"));
    assert_eq!(rows[0].tracking.as_deref(), Some("DELIVRD"));
    // A repeated name: the first column is the typed one, the second is kept.
    assert_eq!(rows[0].extra, map(&[("Segments", "2"), ("Sent", "again")]));

    let body = "Ok\nFlagFall,PerSecond,PerMinute,BillingType,Cost\n0.10,,0.20,PerMinute,0.30\n";
    let costs = LogStream::<VoiceCost>::from_reader(
        "queryvoicecost",
        std::io::Cursor::new(body.as_bytes().to_vec()),
    )
    .collect_all()
    .await
    .expect("rows");
    assert!(costs[0].extra.is_empty());
    let json = serde_json::to_value(&costs[0]).expect("json");
    assert!(
        json.get("extra").is_none(),
        "an empty extra is not written: {json}"
    );
}
