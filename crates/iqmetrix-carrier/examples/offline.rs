//! Runs the client end to end against the iQmetrix fake of `telecom-sandbox` (the accounts
//! and carrier-services hosts on one local port, no network): a password-grant token, the
//! lookup fields, a lookup key, an activation created with a waived deposit and read back,
//! a token that expires and is refreshed, every confirmed activation across pages, and the
//! typed error for an activation that does not exist.
//!
//! ```text
//! cargo run -p iqmetrix-carrier --example offline
//! ```

use futures::TryStreamExt;
use iqmetrix_carrier::{
    Activation, ActivationState, ActivationType, CarrierActivationDetails, CarrierPath, Client,
    ConfirmedActivationsQuery, Credentials, Deposit, LocationPath, LookupKey, Subscriber,
};
use telecom_sandbox::iqmetrix::IqmetrixConfig;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let sandbox = telecom_sandbox::iqmetrix::start().await?;

    // The sandbox's default user and OAuth2 client.
    let account = IqmetrixConfig::default();
    // One URL for both services: the client adds `/v1` (tokens) and `/v2` (carrier services).
    let client = Client::builder(Credentials::Password {
        username: account.username,
        password: account.password.into(),
        client_id: account.client_id,
        client_secret: account.client_secret.into(),
    })
    .base_url(sandbox.url())
    .build()?;

    // Company 123's store 5678, selling for carrier 41.
    let store = LocationPath::builder()
        .company_id(123)
        .location_id(5678)
        .carrier_id(41)
        .build()?;
    let carrier: CarrierPath = store.carrier();

    // How carrier 41 keys activations: here by the customer's mobile number.
    let fields = client.get_activation_lookup_fields(&carrier).await?;
    let field = fields.first().ok_or("no lookup field")?;
    println!(
        "lookup field {:?}: {:?}",
        field.id,
        field.prompt.as_deref().unwrap_or_default()
    );
    let key = LookupKey::new(field.id.ok_or("lookup field without an id")?, "1115550123")?;
    println!("lookup key: {key}");

    let details = CarrierActivationDetails::builder()
        .activation_state(ActivationState::Pending)
        .activation_type(ActivationType::NewActivation)
        .deposit(Deposit::Waived)
        .subscriber(
            Subscriber::builder()
                .first_name("Joe")
                .last_name("Smith")
                .build()?,
        )
        .build()?;
    let path = store.activation(key);
    let activation = Activation::builder()
        .path(&path)
        .carrier_activation_details(details)
        .build()?;
    let stored = client.create_activation(&path, &activation).await?;
    println!(
        "created activation {} with deposit {:?}",
        stored.id.as_deref().unwrap_or("?"),
        stored.carrier_activation_details.map(|d| d.deposit)
    );

    // The service forgets every token it issued; the client's next call gets a 401,
    // refreshes its token once and goes on.
    sandbox.expire_tokens();
    let read = client.get_activation(&path).await?;
    println!(
        "read back activation {} for {:?} ({} token request(s) so far)",
        read.id.as_deref().unwrap_or("?"),
        read.carrier_activation_details
            .and_then(|d| d.subscriber)
            .and_then(|s| s.last_name),
        sandbox.token_requests()
    );

    // Every confirmed activation since a date, two to a page, following the HAL `next`.
    sandbox.clear_requests();
    let query = ConfirmedActivationsQuery::builder()
        .company_id(carrier.company_id)
        .carrier_id(carrier.carrier_id)
        .since(time::macros::datetime!(2015-07-16 21:29:31 UTC))
        .top(2)
        .build()?;
    let confirmed: Vec<_> = client
        .list_confirmed_activations(&query)
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
        "{} confirmed activation(s) over {} page request(s)",
        confirmed.len(),
        sandbox.requests().len()
    );

    // An activation nobody stored: a typed 404.
    let missing = store.activation(LookupKey::new(6, "1115550999")?);
    match client.get_activation(&missing).await {
        Err(e) => println!(
            "get_activation {}: {e} (HTTP {:?}, retryable: {})",
            missing.key,
            e.status(),
            e.is_retryable()
        ),
        Ok(a) => println!("unexpected activation {:?}", a.id),
    }
    Ok(())
}
