//! Every request type is made one way, `X::builder()...build()`, which names a missing
//! required field by its wire name; what is built is sent as the gateway names each
//! parameter, serialised by serde.

use mock_http::{MockServer, Response};
use time::macros::date;
use traitel_am::{
    AssignNumber, CityQuery, Client, Credentials, DidQuery, Error, IvmlType, IvmlUpdate, LogQuery,
    NewIvml, NewSubAccount, NumberFilter, OfferedDid, Service, SmsCostQuery, SmsCostType,
    SubAccountUpdate, SubscribeDid, Target,
};

fn field_of(result: Result<impl std::fmt::Debug, Error>) -> (String, String) {
    match result {
        Err(Error::InvalidInput { field, reason }) => (field, reason),
        other => panic!("expected invalid input, got {other:?}"),
    }
}

#[test]
fn a_missing_required_field_is_named_as_the_gateway_names_it() {
    let cases = [
        (
            field_of(NewSubAccount::builder().email("a@b.example").build()),
            "alias",
        ),
        (
            field_of(SubAccountUpdate::builder().company("Lee").build()),
            "subid",
        ),
        (
            field_of(AssignNumber::builder().target(Target::Fax).build()),
            "number",
        ),
        (
            field_of(AssignNumber::builder().number("61290002222").build()),
            "service",
        ),
        (
            field_of(CityQuery::builder().service(Service::Voice).build()),
            "country",
        ),
        (
            field_of(
                DidQuery::builder()
                    .service(Service::Fax)
                    .country("Australia")
                    .build(),
            ),
            "city",
        ),
        (
            field_of(
                SubscribeDid::builder()
                    .service(Service::Sms)
                    .country("AU")
                    .city("Perth")
                    .build(),
            ),
            "did",
        ),
        (
            field_of(
                NewIvml::builder()
                    .name("Survey")
                    .kind(IvmlType::Inbound)
                    .build(),
            ),
            "launchurl",
        ),
        (field_of(IvmlUpdate::builder().name("x").build()), "ivmlid"),
        (
            field_of(
                LogQuery::builder()
                    .start_date(date!(2024 - 01 - 01))
                    .build(),
            ),
            "enddate",
        ),
        (
            field_of(SmsCostQuery::builder().number("+61412345678").build()),
            "type",
        ),
    ];
    for ((field, reason), wire) in cases {
        assert_eq!((field.as_str(), reason.as_str()), (wire, "is required"));
    }
}

#[test]
fn build_runs_the_checks_the_call_runs() {
    let (field, _) = field_of(
        LogQuery::builder()
            .start_date(date!(2024 - 02 - 01))
            .end_date(date!(2024 - 01 - 31))
            .build(),
    );
    assert_eq!(field, "startdate");
    let (field, _) = field_of(
        DidQuery::builder()
            .service(Service::Voice)
            .country("Australia")
            .city("Sydney")
            .quantity(11)
            .build(),
    );
    assert_eq!(field, "quantity");
    let (field, _) = field_of(
        SmsCostQuery::builder()
            .number("2125550123")
            .kind(SmsCostType::Replies)
            .build(),
    );
    assert_eq!(field, "number");
    let (field, _) = field_of(NewSubAccount::builder().alias("  ").build());
    assert_eq!(field, "alias");
    assert!(
        NumberFilter::builder()
            .build()
            .is_ok_and(|f| f == NumberFilter::default())
    );
}

async fn gateway() -> (MockServer, Client) {
    let server = MockServer::start(|_| Response::new(200).body("Ok\n7\n").into())
        .await
        .expect("server");
    let client = Client::builder(Credentials::new("demo", "s3cret-pass"))
        .base_url(format!("{}/accountmanager.pl", server.url()))
        .without_alternate()
        .build()
        .expect("client");
    (server, client)
}

/// The parameters of the last request, without the credentials and mode.
fn sent(server: &MockServer) -> Vec<(String, String)> {
    let requests = server.requests();
    let last = requests.last().expect("a request");
    let mut pairs: Vec<_> = last
        .form_pairs()
        .into_iter()
        .filter(|(k, _)| !matches!(k.as_str(), "user" | "pass" | "mode"))
        .collect();
    pairs.sort();
    pairs
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut out: Vec<_> = expected
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    out.sort();
    out
}

#[tokio::test]
async fn requests_go_out_under_the_wire_names() {
    let (server, client) = gateway().await;

    let account = NewSubAccount::builder()
        .alias(" kiosk-7 ")
        .email("ops@example.com")
        .first_name("Ann")
        .last_name("Lee")
        .company("Lee & Co")
        .fax_headline("Lee & Co fax")
        .build()
        .expect("valid");
    client.add_subaccount(&account).await.expect("added");
    assert_eq!(
        sent(&server),
        pairs(&[
            ("alias", "kiosk-7"),
            ("email", "ops@example.com"),
            ("firstname", "Ann"),
            ("lastname", "Lee"),
            ("company", "Lee & Co"),
            ("faxheadline", "Lee & Co fax"),
        ])
    );

    let update = SubAccountUpdate::builder()
        .subid("1001")
        .last_name("Smith")
        .build()
        .expect("valid");
    client.update_subaccount(&update).await.expect("updated");
    assert_eq!(
        sent(&server),
        pairs(&[("subid", "1001"), ("lastname", "Smith")])
    );

    let assign = AssignNumber::builder()
        .number("61290002222")
        .target(Target::Sip(None))
        .build()
        .expect("valid");
    client.assign_number(&assign).await.expect("assigned");
    assert_eq!(
        sent(&server),
        pairs(&[
            ("number", "61290002222"),
            ("service", "voice"),
            ("servicetype", "SIP"),
            ("serviceid", "0"),
        ])
    );

    let offer = offer().await;
    let subscribe = SubscribeDid::builder()
        .service(Service::Voice)
        .offered(&offer)
        .build()
        .expect("valid");
    client.subscribe_did(&subscribe).await.expect("subscribed");
    assert_eq!(
        sent(&server),
        pairs(&[
            ("service", "voice"),
            ("country", "Australia"),
            ("city", "Sydney"),
            ("did", "61280001000"),
        ])
    );

    let ivml = IvmlUpdate::builder()
        .ivmlid("5")
        .launch_url("https://ivr.example.com/v2")
        .kind(IvmlType::Outbound)
        .build()
        .expect("valid");
    client.update_ivml(&ivml).await.expect("updated");
    assert_eq!(
        sent(&server),
        pairs(&[
            ("ivmlid", "5"),
            ("launchurl", "https://ivr.example.com/v2"),
            ("type", "outbound"),
        ])
    );

    let cost = SmsCostQuery::builder()
        .number("+61 412 345 678")
        .kind(SmsCostType::MaskTrack)
        .build()
        .expect("valid");
    client.query_sms_cost(&cost).await.expect("priced");
    assert_eq!(
        sent(&server),
        pairs(&[("number", "61412345678"), ("type", "masktrack")])
    );

    let filter = NumberFilter::builder()
        .service(Service::Sms)
        .build()
        .expect("valid");
    let _ = client.query_numbers(&filter).await;
    assert_eq!(sent(&server), pairs(&[("service", "sms")]));
}

/// An offer as `querydids` lists it.
async fn offer() -> OfferedDid {
    let body = "Ok\nCountryName, CityName, DID\nAustralia,Sydney,61280001000\n";
    let rows = traitel_am::LogStream::<OfferedDid>::from_reader(
        "querydids",
        std::io::Cursor::new(body.as_bytes().to_vec()),
    )
    .collect_all()
    .await
    .expect("offers");
    rows.into_iter().next().expect("one offer")
}

#[tokio::test]
async fn an_answer_longer_than_max_body_bytes_is_a_decode_error_not_resent() {
    let server = MockServer::start(|_| {
        Response::new(200)
            .body(format!("Ok\n{}\n", "7".repeat(100)))
            .into()
    })
    .await
    .expect("server");
    let error = Client::builder(Credentials::new("demo", "s3cret-pass"))
        .base_url(format!("{}/accountmanager.pl", server.url()))
        .without_alternate()
        .max_body_bytes(64)
        .build()
        .expect("client")
        .query_balance()
        .await
        .expect_err("the answer is longer than 64 bytes");
    assert!(
        matches!(error, traitel_am::Error::Decode { .. }),
        "{error:?}"
    );
    assert!(error.to_string().contains("64 bytes"), "{error}");
    // Even a read is not sent again: the same answer would come back.
    assert_eq!(server.requests().len(), 1);
}
