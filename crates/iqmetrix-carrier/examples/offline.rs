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
    Activation, ActivationPath, ActivationState, ActivationType, CarrierActivationDetails, Client,
    ConfirmedActivationsQuery, Credentials, Deposit, Environment, LookupKey, Subscriber,
};
use telecom_sandbox::iqmetrix::IqmetrixConfig;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let sandbox = telecom_sandbox::iqmetrix::start().await?;

    // The sandbox's default user and OAuth2 client.
    let account = IqmetrixConfig::default();
    let client = Client::builder(
        Environment::Custom {
            accounts_base: sandbox.accounts_base(),
            carrier_services_base: sandbox.carrier_services_base(),
        },
        Credentials::password(
            account.username,
            account.password,
            account.client_id,
            account.client_secret,
        ),
    )
    .build()?;

    // How carrier 41 keys activations: here by the customer's mobile number.
    let fields = client.get_activation_lookup_fields(123, 41).await?;
    let field = fields.first().ok_or("no lookup field")?;
    println!(
        "lookup field {:?}: {:?}",
        field.id,
        field.prompt.as_deref().unwrap_or_default()
    );
    let key = LookupKey::new(field.id.ok_or("lookup field without an id")?, "1115550123")?;
    println!("lookup key: {key}");

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
    let since = time::macros::datetime!(2015-07-16 21:29:31 UTC);
    let confirmed: Vec<_> = client
        .list_confirmed_activations(ConfirmedActivationsQuery::new(123, 41, since).top(2))
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
    let missing = ActivationPath::new(123, 5678, 41, LookupKey::new(6, "1115550999")?);
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
