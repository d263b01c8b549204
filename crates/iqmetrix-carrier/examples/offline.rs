//! Runs the client end to end against local stand-ins for the iQmetrix accounts and
//! carrier-services hosts: a password-grant token, the lookup fields, a lookup key, an
//! activation created with a waived deposit, and every confirmed activation across pages.
//!
//! ```text
//! cargo run -p iqmetrix-carrier --example offline
//! ```

use futures::TryStreamExt;
use iqmetrix_carrier::{
    Activation, ActivationPath, ActivationState, ActivationType, CarrierActivationDetails, Client,
    ConfirmedActivationsQuery, Credentials, Deposit, Environment, LookupKey, Subscriber,
};
use mock_http::{MockServer, Request, Response};

fn accounts(req: &Request) -> mock_http::Reply {
    if req.method == "POST" && req.path == "/v1/oauth2/token" {
        Response::json(
            200,
            &serde_json::json!({"access_token": "demo-token", "expires_in": 43199, "refresh_token": "demo-refresh"}),
        )
        .into()
    } else {
        Response::new(404).body("Not Found").into()
    }
}

fn carrier_services(req: &Request) -> mock_http::Reply {
    if req.header("authorization") != Some("Bearer demo-token") {
        return Response::new(401).body("Invalid token").into();
    }
    match (req.method.as_str(), req.path.as_str()) {
        ("GET", "/v2/Companies(123)/Carriers(41)/ActivationImportFields") => Response::json(
            200,
            &serde_json::json!([{"Id": 6, "FieldName": "North American Mobile Number", "InputType": "Text",
                "Prompt": "Please Enter Customer 10 Digit Mobile Number", "Value": "1115550123"}]),
        )
        .into(),
        ("PUT", path) if path.starts_with("/v2/Companies(123)/Locations(5678)/Carriers(41)/Activations(") => {
            // Echo what was stored, as iQmetrix does.
            Response::new(201)
                .header("Content-Type", "application/json")
                .body(req.body.clone())
                .into()
        }
        ("GET", "/v2/Companies(123)/Carriers(41)/ConfirmedActivations") => {
            let skip = req
                .query_pairs()
                .into_iter()
                .find(|(k, _)| k == "$skip")
                .map(|(_, v)| v)
                .unwrap_or_default();
            let (items, next) = if skip == "0" {
                (
                    serde_json::json!([{"Id": 58, "InvoiceTotal": 61.54, "ConfirmationDateUTC": "2015-07-21T15:25:45.323"}]),
                    serde_json::json!({"href": "v2/Companies(123)/Carriers(41)/ConfirmedActivations?$skip=1&$top=1"}),
                )
            } else {
                (
                    serde_json::json!([{"Id": 59, "InvoiceTotal": 10, "ConfirmationDateUTC": "2015-07-22T09:00:00"}]),
                    serde_json::json!("null"),
                )
            };
            Response::new(200)
                .header("Content-Type", "application/hal+json")
                .body(serde_json::json!({"_links": {"next": next, "prev": "null"}, "_embedded": {"self": items}}).to_string())
                .into()
        }
        _ => Response::new(404).body("Entity Not Found").into(),
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let accounts = MockServer::start(accounts).await?;
    let api = MockServer::start(carrier_services).await?;

    let client = Client::builder(
        Environment::Custom {
            accounts_base: format!("{}/v1", accounts.url()),
            carrier_services_base: format!("{}/v2", api.url()),
        },
        Credentials::password("user@example.com", "password", "client-id", "client-secret"),
    )
    .build()?;

    let fields = client.get_activation_lookup_fields(123, 41).await?;
    let key = LookupKey::from_fields(&fields)?;
    println!("lookup key from {} field(s): {key}", fields.len());

    let mut details = CarrierActivationDetails::default();
    details.activation_state = Some(ActivationState::Pending);
    details.activation_type = Some(ActivationType::NewActivation);
    details.deposit = Deposit::Waived;
    let mut subscriber = Subscriber::default();
    subscriber.first_name = Some("Joe".into());
    subscriber.last_name = Some("Smith".into());
    details.subscriber = Some(subscriber);
    let path = ActivationPath::new(123, 5678, 41, key);
    let activation = Activation::for_path(&path, details);
    let stored = client.create_activation(&path, &activation).await?;
    println!(
        "created activation {} with deposit {:?}",
        stored.id.as_deref().unwrap_or("?"),
        stored.carrier_activation_details.map(|d| d.deposit)
    );

    let since = time::macros::datetime!(2015-07-16 21:29:31 UTC);
    let confirmed: Vec<_> = client
        .list_confirmed_activations(ConfirmedActivationsQuery::new(123, 41, since).top(1))
        .try_collect()
        .await?;
    for c in &confirmed {
        println!(
            "confirmed {:?} at {:?}, total {:?}",
            c.id,
            c.confirmation_date_utc,
            c.invoice_total.map(|m| m.to_string())
        );
    }
    println!(
        "{} confirmed activation(s) over {} request(s)",
        confirmed.len(),
        api.requests().len().saturating_sub(2)
    );
    Ok(())
}
