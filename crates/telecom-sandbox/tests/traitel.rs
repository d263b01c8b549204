//! The real `traitel-am` client against the TraiTel fake.

use std::time::Duration;

use futures::TryStreamExt;
use telecom_sandbox::traitel::{self, TraitelConfig, TraitelSandbox};
use telecom_sandbox::{Fault, FaultRule};
use time::macros::date;
use traitel_am::{
    AssignNumber, Client, Credentials, DidQuery, IvmlType, LogQuery, LogQueryBuilder, NewIvml,
    NewSubAccount, NumberFilter, RetryPolicy, Service, SubAccountUpdate, SubscribeDid, Target,
};

fn client(sandbox: &TraitelSandbox) -> Client {
    Client::builder(Credentials::new("demo", "s3cret-pass"))
        .base_url(sandbox.base_url())
        .alternate_url(sandbox.alternate_url())
        .retry_policy(
            RetryPolicy::default()
                .with_max_attempts(2)
                .with_backoff(Duration::from_millis(1), Duration::from_millis(5)),
        )
        .build()
        .expect("client builds")
}

fn january() -> LogQueryBuilder {
    LogQuery::builder()
        .start_date(date!(2024 - 01 - 01))
        .end_date(date!(2024 - 01 - 31))
}

#[tokio::test]
async fn account_journey_with_state() {
    let sandbox = traitel::start().await.expect("sandbox starts");
    let client = client(&sandbox);

    assert_eq!(
        client.query_balance().await.expect("balance").to_string(),
        "125.50"
    );

    let id = client
        .add_subaccount(
            &NewSubAccount::builder()
                .alias("sales")
                .email("ann@example.com")
                .first_name("Ann")
                .last_name("Lee")
                .build()
                .expect("valid"),
        )
        .await
        .expect("added");
    let dup = client
        .add_subaccount(
            &NewSubAccount::builder()
                .alias("sales")
                .build()
                .expect("valid"),
        )
        .await
        .expect_err("same alias");
    assert_eq!(dup.vendor_code(), Some("102"));
    client
        .update_subaccount(
            &SubAccountUpdate::builder()
                .subid(id.clone())
                .company("Lee, Smith & Co")
                .build()
                .expect("valid"),
        )
        .await
        .expect("updated");
    let subs = client.query_subaccounts().await.expect("listed");
    assert_eq!(subs.len(), 1);
    assert_eq!(subs[0].id, id);
    assert_eq!(subs[0].company.as_deref(), Some("Lee, Smith & Co"));

    let ivml = client
        .add_ivml(
            &NewIvml::builder()
                .name("Survey")
                .launch_url("https://ivr.example.com/launch")
                .kind(IvmlType::Inbound)
                .build()
                .expect("valid"),
        )
        .await
        .expect("ivml added");
    client
        .assign_number(
            &AssignNumber::builder()
                .number("61290002222")
                .target(Target::Ivml(ivml.clone()))
                .build()
                .expect("valid"),
        )
        .await
        .expect("assigned");
    let listed = client.list_ivml().await.expect("listed");
    assert_eq!(listed.len(), 1);
    let bad = client
        .assign_number(
            &AssignNumber::builder()
                .number("61290002222")
                .target(Target::Ivml("999".into()))
                .build()
                .expect("valid"),
        )
        .await
        .expect_err("no such IVML");
    assert_eq!(bad.vendor_code(), Some("110"));

    let offers = client
        .query_dids(
            &DidQuery::builder()
                .service(Service::Voice)
                .country("Australia")
                .city("Sydney")
                .quantity(2)
                .build()
                .expect("valid"),
        )
        .await
        .expect("offers");
    assert_eq!(offers.len(), 2);
    client
        .subscribe_did(
            &SubscribeDid::builder()
                .service(Service::Voice)
                .offered(&offers[0])
                .build()
                .expect("valid"),
        )
        .await
        .expect("subscribed");
    let voice = client
        .query_numbers(
            &NumberFilter::builder()
                .service(Service::Voice)
                .build()
                .expect("valid"),
        )
        .await
        .expect("numbers");
    assert_eq!(voice.len(), 3);
    assert_eq!(sandbox.balance_cents(), 12_050);

    assert_eq!(
        client.set_timezone("Europe/London").await.expect("set"),
        "Europe/London"
    );
    assert_eq!(
        client.query_timezone().await.expect("read"),
        "Europe/London"
    );
    let tz = client
        .set_timezone("Mars/Olympus")
        .await
        .expect_err("not a zone");
    assert_eq!(tz.vendor_code(), Some("119"));

    client.delete_subaccount(&id).await.expect("deleted");
    let gone = client
        .delete_subaccount(&id)
        .await
        .expect_err("already gone");
    assert_eq!(gone.vendor_code(), Some("105"));
}

#[tokio::test]
async fn bad_credentials_get_error_002() {
    let sandbox = traitel::start().await.expect("sandbox starts");
    let client = Client::builder(Credentials::new("demo", "wrong"))
        .base_url(sandbox.base_url())
        .alternate_url(sandbox.alternate_url())
        .build()
        .expect("client builds");
    let err = client.query_balance().await.expect_err("refused");
    assert_eq!(err.vendor_code(), Some("002"));
}

#[tokio::test]
async fn fails_over_when_the_primary_is_down() {
    let sandbox = traitel::start().await.expect("sandbox starts");
    let client = client(&sandbox);
    sandbox.set_primary_up(false).await;
    client
        .query_balance()
        .await
        .expect("answered by the alternate");
    let servers: Vec<String> = sandbox
        .requests()
        .iter()
        .map(|r| r.server.clone())
        .collect();
    assert_eq!(servers, vec!["alternate"]);

    sandbox.set_primary_up(true).await;
    sandbox.clear_requests();
    // The primary answers a 503 once: a read fails over to the alternate.
    sandbox.inject(FaultRule::new("*", Fault::Status { status: 503 }).times(1));
    client
        .query_balance()
        .await
        .expect("failed over after the 503");
    let mut servers: Vec<String> = sandbox
        .requests()
        .iter()
        .map(|r| r.server.clone())
        .collect();
    // The client may start on the gateway that answered last; either way both were asked.
    servers.sort();
    assert_eq!(servers, vec!["alternate", "primary"]);

    sandbox.set_primary_up(false).await;
    sandbox.set_alternate_up(false).await;
    sandbox.clear_requests();
    let err = client.query_balance().await.expect_err("both down");
    assert!(err.vendor_code().is_none(), "{err:?}");
    assert!(
        sandbox.requests().is_empty(),
        "no gateway took a connection"
    );
}

#[tokio::test]
async fn a_million_row_log_is_streamed() {
    let sandbox = TraitelSandbox::start(TraitelConfig {
        log_rows_per_day: 1_000_000 / 31 + 1,
        ..TraitelConfig::default()
    })
    .await
    .expect("sandbox starts");
    let client = client(&sandbox);
    let rows = client
        .log_sms_out(&january().limit(1_000_000).build().expect("valid"))
        .await
        .expect("log starts");
    let (count, last) = rows
        .try_fold(
            (0u64, None),
            |(n, _), row| async move { Ok((n + 1, Some(row))) },
        )
        .await
        .expect("every row parses");
    assert_eq!(count, 1_000_000);
    let last = last.expect("a last row");
    assert_eq!(last.entry.date, date!(2024 - 01 - 31));

    let bad = client
        .log_sms_out(&january().subid("42").build().expect("valid"))
        .await;
    let err = match bad {
        Ok(stream) => stream
            .try_collect::<Vec<_>>()
            .await
            .expect_err("no such sub-account"),
        Err(e) => e,
    };
    assert_eq!(err.vendor_code(), Some("105"));
}

#[tokio::test]
async fn error_001_and_the_gateway_admin_endpoint() {
    let sandbox = traitel::start().await.expect("sandbox starts");
    let client = client(&sandbox);
    // The primary says "Error 001: Service Unavailable."; a read moves to the alternate.
    let http = reqwest::Client::new();
    let status = http
        .post(format!(
            "{}/__sandbox/gateway/primary/unavailable",
            sandbox.alternate_url().trim_end_matches(traitel::PATH)
        ))
        .send()
        .await
        .expect("admin call")
        .status();
    assert_eq!(status.as_u16(), 200);
    client
        .query_balance()
        .await
        .expect("answered by the alternate");
    assert!(sandbox.requests().iter().any(|r| r.server == "alternate"));

    // Down over HTTP: the primary's port refuses connections.
    http.post(format!(
        "{}/__sandbox/gateway/primary/down",
        sandbox.alternate_url().trim_end_matches(traitel::PATH)
    ))
    .send()
    .await
    .expect("admin call");
    assert!(!sandbox.primary_is_up());
    let mut refused = false;
    for _ in 0..50 {
        if http.get(sandbox.base_url()).send().await.is_err() {
            refused = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert!(refused, "the primary's port refuses connections");
    sandbox.set_primary_up(true).await;
    sandbox.set_unavailable(traitel::Gateway::Primary, false);
    // Up again on the same port (the listener is bound again in the background).
    let mut answered = false;
    for _ in 0..50 {
        if http
            .get(format!(
                "{}?user=demo&pass=s3cret-pass&mode=querybalance",
                sandbox.base_url()
            ))
            .send()
            .await
            .is_ok()
        {
            answered = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert!(answered, "the primary came back");
}
