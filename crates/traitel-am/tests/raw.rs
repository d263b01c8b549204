//! `call_raw`: any mode by name, with the client's credentials, errors and failover.

mod common;

use mock_http::{MockServer, Response};
use traitel_am::{CallKind, Client, Error};

async fn gateway(body: &'static str) -> (MockServer, Client) {
    common::gateway("p4ss-word", Response::new(200).body(body)).await
}

#[tokio::test]
async fn reaches_a_mode_by_name_with_credentials_and_parameters() {
    let (server, client) = gateway("Ok\n0.09\n").await;
    let raw = client
        .call_raw(
            "querysmcost",
            &[("number", "61412345678"), ("type", "replies")],
            CallKind::Read,
        )
        .await
        .expect("answer");
    assert_eq!(raw.value(), Some("0.09"));
    let requests = server.requests();
    let form = requests[0].form_pairs();
    let get = |k: &str| form.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
    assert_eq!(get("mode"), Some("querysmcost"));
    assert_eq!(get("user"), Some("u"));
    assert_eq!(get("pass"), Some("p4ss-word"));
    assert_eq!(get("type"), Some("replies"));
}

#[tokio::test]
async fn reads_a_csv_payload_as_a_table_and_maps_vendor_errors() {
    let (_server, client) = gateway("Ok\nID, Name\n1,\"a, b\"\n").await;
    let table = client
        .call_raw("listivr", &(), CallKind::Read)
        .await
        .expect("answer")
        .table()
        .expect("csv");
    assert_eq!(table.len(), 1);
    assert_eq!(table[0].get("Name").map(String::as_str), Some("a, b"));

    let (_server, client) = gateway("Error 105: Invalid sub-account ID.\n").await;
    let err = client
        .call_raw("delsubaccount", &[("subid", "9")], CallKind::Write)
        .await
        .expect_err("vendor error");
    assert_eq!(err.vendor_code(), Some("105"));
}

#[tokio::test]
async fn refuses_to_override_credentials_or_mode() {
    let (server, client) = gateway("Ok\n").await;
    for params in [
        [("pass", "x")],
        [("mode", "querybalance")],
        [("user", "other")],
    ] {
        let err = client
            .call_raw("querytimezone", &params, CallKind::Read)
            .await
            .expect_err("refused");
        assert!(
            matches!(
                err,
                Error::InvalidInput {
                    ref field,
                    ..
                } if field == "params"
            ),
            "{err}"
        );
    }
    let err = client
        .call_raw("query balance", &(), CallKind::Read)
        .await
        .expect_err("refused");
    assert!(matches!(err, Error::InvalidInput { ref field, .. } if field == "mode"));
    assert!(server.requests().is_empty());
}
