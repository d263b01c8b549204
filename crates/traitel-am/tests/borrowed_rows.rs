//! The borrowed rows of `LogRows` are the owned rows of `LogStream`: the same values, the
//! same errors (redacted), the same end of the body, unknown columns kept.

mod common;

use std::io::Cursor;

use futures::StreamExt;
use mock_http::{Reply, Response};
use time::macros::{date, time};
use traitel_am::{
    BorrowedRow, Error, FaxIn, FaxOut, LogQuery, LogRows, LogStream, Money, SmsIn, SmsOut,
    VoiceCall,
};

/// Every item of `body` read borrowed (each made owned to keep it) and read owned.
async fn both<T>(body: &str) -> (Vec<Result<T, Error>>, Vec<Result<T, Error>>)
where
    T: BorrowedRow,
{
    let reader = || Cursor::new(body.as_bytes().to_vec());
    let mut rows = LogRows::<T>::from_reader("m", reader());
    let mut borrowed = Vec::new();
    while let Some(row) = rows.next_row().await {
        borrowed.push(row.map(Into::into));
    }
    let owned = LogStream::<T>::from_reader("m", reader()).collect().await;
    (borrowed, owned)
}

/// The two readings agree, row by row and error by error (by their text).
async fn agree<T: BorrowedRow + PartialEq + std::fmt::Debug>(body: &str) -> Vec<Result<T, Error>> {
    let (borrowed, owned) = both::<T>(body).await;
    let text = |v: &[Result<T, Error>]| {
        v.iter()
            .map(|r| r.as_ref().map_err(ToString::to_string))
            .map(|r| format!("{r:?}"))
            .collect::<Vec<_>>()
    };
    assert_eq!(text(&borrowed), text(&owned), "{body}");
    borrowed
}

#[tokio::test]
async fn every_log_row_type_reads_the_same_borrowed_and_owned() {
    let fax_in = agree::<FaxIn>(
        "Ok\nID,Sub-ID,Date,Time,From,To,FaxStationID,Pages,Speed,Duration\n\
         1,7,2024-01-02,03:04:05,+61 2 9000 1111,61290002222,ACME FAX,3,14400,75\n\
         2,,2024-01-02,03:04:06,1,2,,x,,1\n",
    )
    .await;
    assert!(matches!(fax_in[1], Err(Error::Decode { row: Some(2), .. })));
    let fax_out = agree::<FaxOut>(
        "Ok\nID,Sub-ID,Date,Time,From,To,Pages,Speed,Duration,Cost,Attempt,ErrorCode\n\
         1,,2024-01-02,03:04:05,1,2,3,,0:01:05,0.25,1,0\n",
    )
    .await;
    assert_eq!(fax_out.len(), 1);
    let voice = agree::<VoiceCall>(
        "Ok\nID,Sub-ID,Date,Time,From,To,Duration,Result,Cost,IVMLID\n\
         1,,2024-01-02,03:04:05,1,2,12.5,answered,0.10,0\n\
         2,,2024-01-02,03:04:05,1,2,3,busy,,9\n",
    )
    .await;
    assert_eq!(voice.len(), 2);
    let sms_in = agree::<SmsIn>(
        "Ok\nID,Sub-ID,Date,Time,From,To,MessageType,Message\n\
         1,,2024-01-09,08:00:00,1,2,U16,00480069\n\
         2,,2024-01-09,08:00:01,1,2,ASCII,a\\nb\n\
         3,,2024-01-09,08:00:02,1,2,UCS2,abc\n",
    )
    .await;
    assert_eq!(sms_in.len(), 3);
    let sms_out = agree::<SmsOut>(
        "Ok\nID,Sub-ID,Date,Time,From,To,Sent,Tracking,Cost,MessageType,Message\n\
         1,,2024-01-09,08:00:00,ACME,2,1,DELIVRD,0.05,ASCII,hi\n",
    )
    .await;
    assert_eq!(sms_out.len(), 1);
}

#[tokio::test]
async fn a_borrowed_row_has_its_text_as_sent_and_its_values_parsed() {
    let body = "Ok\nID,Sub-ID,Date,Time,From,To,Sent,Tracking,Cost,MessageType,Message\n\
                42, 7 ,2024-01-09,08:00:01,ACME,61400000001,1,,0.055,U16,0048 0069\n";
    let mut rows = LogRows::<SmsOut>::from_reader("logsmsout", Cursor::new(body));
    let row = rows.next_row().await.expect("a row").expect("decodes");
    assert_eq!(row.entry.id, "42");
    assert_eq!(row.entry.sub_id, Some("7"));
    assert_eq!(
        row.entry.datetime(),
        date!(2024 - 01 - 09).with_time(time!(08:00:01))
    );
    assert_eq!(row.entry.from, "ACME");
    assert_eq!(row.entry.to_number().e164_digits(), Some("61400000001"));
    assert_eq!(row.sent, Some("1"));
    assert_eq!(row.tracking, None);
    assert_eq!(row.cost, Some("0.055".parse::<Money>().expect("money")));
    let message = row.message.as_ref().expect("message columns");
    assert_eq!(message.raw, "0048 0069");
    assert_eq!(message.text().as_deref(), Some("Hi"));
    assert!(row.extra.is_empty());
    assert!(rows.next_row().await.is_none());
}

#[tokio::test]
async fn a_bad_row_is_an_error_and_the_rows_go_on() {
    let body = "Ok\nID,Sub-ID,Date,Time,From,To,MessageType,Message\n\
                1,,2024-01-09,08:00:00,1,2,U16,00480069\n\
                2,,2024-01-09,08:00:01,1,2,U16,not-hex!\n\
                3,,2024-13-09,08:00:02,1,2,ASCII,a\n\
                4,,2024-01-09,08:00:03,1,2,ASCII,a\\nb\n";
    let mut rows = LogRows::<SmsIn>::from_reader("logsmsin", Cursor::new(body));
    let mut seen = Vec::new();
    while let Some(row) = rows.next_row().await {
        seen.push(match row {
            Ok(row) => Ok(row.message.text().map(|t| t.into_owned())),
            Err(Error::Decode { row, reason, .. }) => Err((row, reason.to_string())),
            Err(other) => panic!("unexpected {other}"),
        });
    }
    assert_eq!(seen.len(), 4);
    assert_eq!(seen[0], Ok(Some("Hi".to_owned())));
    assert!(
        matches!(&seen[1], Err((Some(2), r)) if r.contains("not hex")),
        "{seen:?}"
    );
    assert!(
        matches!(&seen[2], Err((Some(3), r)) if r.contains("Date")),
        "{seen:?}"
    );
    assert_eq!(seen[3], Ok(Some("a\nb".to_owned())));
}

#[tokio::test]
async fn a_new_column_is_kept_by_name() {
    let body = "Ok\nID,Sub-ID,Date,Time,From,To,Segments,Sent,Tracking,Cost, Region \n\
                1,,2024-01-09,08:00:00,ACME,2,3,1,,0.05,AU\n";
    let mut rows = LogRows::<SmsOut>::from_reader("logsmsout", Cursor::new(body));
    let row = rows.next_row().await.expect("a row").expect("decodes");
    assert_eq!(row.extra.get("Segments"), Some("3"));
    assert_eq!(row.extra.get("Region"), Some("AU"));
    assert_eq!(
        row.extra.iter().collect::<Vec<_>>(),
        [("Segments", "3"), ("Region", "AU")]
    );
    let owned: SmsOut = row.into();
    assert_eq!(owned.extra.get("Segments").map(String::as_str), Some("3"));
    assert_eq!(owned.cost, Some("0.05".parse().expect("money")));
}

#[tokio::test]
async fn a_row_of_another_width_ends_the_rows_after_its_error() {
    let body = "Ok\nID,Sub-ID,Date,Time,From,To,Sent,Tracking,Cost\n\
                1,,2024-01-09,08:00:00,ACME,2,1,,0.05\n\
                2,,2024-01-09,08:00:00,ACME\n\
                3,,2024-01-09,08:00:00,ACME,2,1,,0.05\n";
    let items = agree::<SmsOut>(body).await;
    assert_eq!(items.len(), 2);
    assert!(matches!(items[1], Err(Error::Decode { row: Some(2), .. })));
}

#[tokio::test]
async fn a_body_cut_short_ends_the_rows_with_an_error() {
    let mut body = String::from("Ok\nID,Sub-ID,Date,Time,From,To,Sent,Tracking,Cost\n");
    for i in 0..5_000 {
        body.push_str(&format!(
            "{i},,2024-01-10,12:00:00,ACME,614{i:08},1,,0.05\n"
        ));
    }
    let at = body.len() / 2;
    let reply = Reply::Truncate {
        response: Response::new(200).body(body),
        at,
    };
    let (_server, client) = common::gateway("p", reply).await;
    let query = LogQuery::builder()
        .start_date(date!(2024 - 01 - 01))
        .end_date(date!(2024 - 01 - 31))
        .build()
        .expect("valid query");
    let mut rows = client
        .log_sms_out(&query)
        .await
        .expect("opened")
        .into_rows();
    let (mut ok, mut errors) = (0, Vec::new());
    while let Some(row) = rows.next_row().await {
        match row {
            Ok(_) => ok += 1,
            Err(e) => errors.push(e),
        }
    }
    assert!(ok > 100 && ok < 5_000, "{ok} rows before the cut");
    assert!(!errors.is_empty() && errors.len() <= 2, "{errors:?}");
    assert!(
        errors
            .iter()
            .all(|e| matches!(e, Error::Transport { .. } | Error::Decode { .. }))
    );
}

#[tokio::test]
async fn a_secret_in_a_bad_row_is_masked() {
    let body = "Ok\nID,Sub-ID,Date,Time,From,To,Sent,Tracking,Cost\n\
                1,,2024-01-09,08:00:00,ACME,2,1,password=hunter22,4111111111111111\n";
    let mut rows = LogRows::<SmsOut>::from_reader("logsmsout", Cursor::new(body));
    let err = rows
        .next_row()
        .await
        .expect("an item")
        .expect_err("a bad cost");
    let shown = format!("{err} {err:?}");
    assert!(!shown.contains("hunter22"), "{shown}");
    assert!(!shown.contains("4111111111111111"), "{shown}");
}

#[tokio::test]
async fn a_stream_turns_into_rows_and_back_where_it_was() {
    let body = "Ok\nID,Sub-ID,Date,Time,From,To,Sent,Tracking,Cost\n\
                1,,2024-01-09,08:00:00,ACME,2,1,,0.05\n\
                2,,2024-01-09,08:00:00,ACME,2,1,,0.06\n\
                3,,2024-01-09,08:00:00,ACME,2,1,,0.07\n";
    let mut stream = LogStream::<SmsOut>::from_reader("logsmsout", Cursor::new(body));
    let first = stream.next().await.expect("row 1").expect("decodes");
    assert_eq!(first.entry.id, "1");
    let mut rows = stream.into_rows();
    let second = rows.next_row().await.expect("row 2").expect("decodes");
    assert_eq!(second.entry.id, "2");
    let rest = rows.into_stream().collect_all().await.expect("row 3");
    assert_eq!(rest.len(), 1);
    assert_eq!(rest[0].entry.id, "3");
}
