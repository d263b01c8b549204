//! Log modes stream their rows: many rows, a bad row in the middle, a body cut short, a
//! server that stops writing.

mod common;

use std::time::Duration;

use futures::StreamExt;
use mock_http::{Reply, Response};
use time::macros::date;
use traitel_am::{Client, Credentials, Error, LogQuery, LogStream, SmsIn, SmsOut, Timeouts};

const SMS_OUT_HEADER: &str = "ID,Sub-ID,Date,Time,From,To,Sent,Tracking,Cost\n";

fn sms_out_body(rows: usize) -> String {
    let mut body = format!("Ok\n{SMS_OUT_HEADER}");
    for i in 0..rows {
        body.push_str(&format!(
            "{i},,2024-01-10,12:{:02}:{:02},ACME,614{i:08},1,,0.05\n",
            (i / 60) % 60,
            i % 60
        ));
    }
    body
}

fn query() -> LogQuery {
    LogQuery::builder()
        .start_date(date!(2024 - 01 - 01))
        .end_date(date!(2024 - 01 - 31))
        .build()
        .expect("valid query")
}

#[tokio::test]
async fn many_rows_arrive_in_order() {
    let (_server, client) =
        common::gateway("p", Response::new(200).body(sms_out_body(20_000))).await;
    let rows = client
        .log_sms_out(&query())
        .await
        .expect("opened")
        .collect_all()
        .await
        .expect("rows");
    assert_eq!(rows.len(), 20_000);
    assert_eq!(rows[19_999].entry.id, "19999");
    assert_eq!(rows[0].cost.map(|c| c.to_string()).as_deref(), Some("0.05"));
}

#[tokio::test]
async fn a_bad_row_is_an_error_item_and_the_stream_goes_on() {
    let body = "Ok\nID,Sub-ID,Date,Time,From,To,MessageType,Message\n\
                1,,2024-01-09,08:00:00,1,2,U16,00480069\n\
                2,,2024-01-09,08:00:01,1,2,U16,not-hex!\n\
                3,,2024-01-09,08:00:02,1,2,ASCII,a\\nb\n";
    let (_server, client) = common::gateway("p", Response::new(200).body(body)).await;
    let items: Vec<_> = client
        .log_sms_in(&query())
        .await
        .expect("opened")
        .collect()
        .await;
    assert_eq!(items.len(), 3);
    assert_eq!(
        items[0]
            .as_ref()
            .ok()
            .and_then(|r| r.message.text.as_deref()),
        Some("Hi")
    );
    match &items[1] {
        Err(Error::Decode { row: Some(2), .. }) => {}
        other => panic!("expected a decode error for row 2, got {other:?}"),
    }
    assert_eq!(
        items[2]
            .as_ref()
            .ok()
            .and_then(|r| r.message.text.as_deref()),
        Some("a\nb")
    );
}

#[tokio::test]
async fn a_body_cut_short_ends_the_stream_with_a_transport_error() {
    let body = sms_out_body(5_000);
    let at = body.len() / 2;
    let reply = Reply::Truncate {
        response: Response::new(200).body(body),
        at,
    };
    let (_server, client) = common::gateway("p", reply).await;
    let items: Vec<_> = client
        .log_sms_out(&query())
        .await
        .expect("opened")
        .collect()
        .await;
    let (ok, err): (Vec<_>, Vec<_>) = items.iter().partition(|r| r.is_ok());
    assert!(
        ok.len() > 100 && ok.len() < 5_000,
        "{} rows before the cut",
        ok.len()
    );
    assert!(
        err.len() <= 2,
        "the stream ends soon after the cut: {}",
        err.len()
    );
    assert!(
        err.iter()
            .any(|e| matches!(e, Err(Error::Transport { .. }) | Err(Error::Decode { .. })))
    );
}

/// A client whose request limit, and so the log body's idle limit, is 400 ms.
fn impatient(server: &mock_http::MockServer) -> Client {
    Client::builder(Credentials::new("u", "p"))
        .base_url(format!("{}/accountmanager.pl", server.url()))
        .without_alternate()
        .timeouts(Timeouts::default().with_request(Duration::from_millis(400)))
        .build()
        .expect("client")
}

async fn stalled_rows(pause: Duration) -> Vec<traitel_am::Result<SmsOut>> {
    let body = sms_out_body(3_000);
    let at = body.len() / 2;
    let reply = Reply::Stall {
        response: Response::new(200).body(body),
        at,
        pause,
    };
    let server = mock_http::MockServer::start(move |_| reply.clone())
        .await
        .expect("server");
    impatient(&server)
        .log_sms_out(&query())
        .await
        .expect("opened")
        .collect()
        .await
}

#[tokio::test]
async fn a_body_that_goes_silent_past_the_idle_limit_ends_with_a_timeout() {
    let items = stalled_rows(Duration::from_secs(2)).await;
    let (ok, err): (Vec<_>, Vec<_>) = items.iter().partition(|r| r.is_ok());
    assert!(
        ok.len() > 100 && ok.len() < 3_000,
        "{} rows first",
        ok.len()
    );
    assert_eq!(err.len(), 1, "the stream ends at the timeout: {err:?}");
    match err[0] {
        Err(Error::Timeout { after, .. }) => assert_eq!(*after, Duration::from_millis(400)),
        other => panic!("expected a timeout, got {other:?}"),
    }
}

#[tokio::test]
async fn a_pause_shorter_than_the_idle_limit_loses_no_row() {
    // The limit is per wait for data, not for the whole body: 100 ms of silence after
    // rows that took their own time is within it.
    let items = stalled_rows(Duration::from_millis(100)).await;
    assert_eq!(items.len(), 3_000);
    assert!(items.iter().all(|r| r.is_ok()));
}

#[tokio::test]
async fn from_reader_parses_a_saved_body() {
    let body = "Ok\r\nID,Sub-ID,Date,Time,From,To,MessageType,Message\r\n7,,2024-01-09,08:00:00,1,2,ASCII,\"x, y\"\r\n\r\n";
    let rows =
        LogStream::<SmsIn>::from_reader("logsmsin", std::io::Cursor::new(body.as_bytes().to_vec()))
            .collect_all()
            .await
            .expect("rows");
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].message.text.as_deref(), Some("x, y"));

    let err = LogStream::<SmsOut>::from_reader("logsmsout", &b"Error 117: Invalid end date.\n"[..])
        .collect_all()
        .await
        .expect_err("vendor error");
    assert_eq!(err.vendor_code(), Some("117"));
}
