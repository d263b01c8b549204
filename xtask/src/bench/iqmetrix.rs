//! iQmetrix: `get_activation` against a hand-rolled GET with a bearer header and serde_json
//! into the user's own structs for the same fields.

use rust_decimal::Decimal;
use serde::Deserialize;

use iqmetrix_carrier::{ActivationPath, Client, Credentials};

use super::measure::{Goal, Orientation, Row, compare};
use super::server::{BenchServer, Request, answer};
use super::{in_tasks, timed};

const SEQUENTIAL_CALLS: usize = 1_000;
const TASKS: usize = 32;
const PER_TASK: usize = 50;
/// The spec's own activation example.
const ACTIVATION: &str =
    include_str!("../../../crates/iqmetrix-carrier/benches/spec_activation.json");

/// The fields a user maps by hand, typed as the client types them.
#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
#[allow(dead_code)] // read to decode the same fields as the client
struct HandActivation {
    id: Option<String>,
    carrier_activation_details: Option<HandDetails>,
    carrier_id: Option<i64>,
    company_id: Option<i64>,
    location_id: Option<i64>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
#[allow(dead_code)]
struct HandDetails {
    activation_id: Option<i64>,
    activation_date: Option<String>,
    activated_product: Option<HandProduct>,
    activation_state: Option<String>,
    activation_term_code: Option<String>,
    activation_type: Option<String>,
    #[serde(default)]
    additional_fees: Vec<HandFee>,
    contract_length_in_months: Option<i64>,
    contract_number_is_account_number: Option<bool>,
    dealer_name: Option<String>,
    dealer_code: Option<String>,
    deposit: Option<HandFee>,
    notes: Option<String>,
    order_number: Option<String>,
    #[serde(default)]
    rate_plans: Vec<HandRatePlan>,
    #[serde(rename = "RemoteActivationID")]
    remote_activation_id: Option<String>,
    subscriber: Option<HandSubscriber>,
    tracking_number: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
#[allow(dead_code)]
struct HandProduct {
    description: Option<String>,
    #[serde(rename = "ESN")]
    esn: Option<String>,
    #[serde(rename = "IMEI")]
    imei: Option<String>,
    make: Option<String>,
    mobile_device_number: Option<String>,
    model: Option<String>,
    price: Option<Decimal>,
    product_id: Option<String>,
    serial_number: Option<String>,
    #[serde(rename = "SIM")]
    sim: Option<String>,
    #[serde(rename = "SKU")]
    sku: Option<String>,
    #[serde(rename = "SOCCode")]
    soc_code: Option<String>,
    tab: Option<HandTab>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
#[allow(dead_code)]
struct HandTab {
    amount: Option<Decimal>,
    commission: Option<HandFee>,
    reference_number: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
#[allow(dead_code)]
struct HandFee {
    name: Option<String>,
    description: Option<String>,
    amount: Option<Decimal>,
    notes: Option<String>,
    rebate: Option<Box<HandFee>>,
    reference_number: Option<String>,
    #[serde(rename = "SOCCode")]
    soc_code: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
#[allow(dead_code)]
struct HandRatePlan {
    rate_plan_id: Option<String>,
    name: Option<String>,
    contract_terms: Option<String>,
    description: Option<String>,
    #[serde(default)]
    included_rate_plan_features: Vec<HandAddon>,
    monthly_recurring_charges: Option<Decimal>,
    #[serde(default)]
    rate_plan_feature_addons: Vec<HandAddon>,
    #[serde(rename = "SOCCode")]
    soc_code: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
#[allow(dead_code)]
struct HandAddon {
    rate_plan_addon_id: Option<String>,
    name: Option<String>,
    description: Option<String>,
    monthly_recurring_charges: Option<Decimal>,
    #[serde(rename = "SOCCode")]
    soc_code: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
#[allow(dead_code)]
struct HandSubscriber {
    subscriber_id: Option<String>,
    first_name: Option<String>,
    last_name: Option<String>,
    #[serde(default)]
    addresses: Vec<HandAddress>,
    birth_date: Option<String>,
    company_name: Option<String>,
    email: Option<String>,
    is_individual: Option<bool>,
    notes: Option<String>,
    #[serde(default)]
    phone_numbers: Vec<HandPhone>,
    #[serde(rename = "SSN")]
    ssn: Option<String>,
    tracking_number: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
#[allow(dead_code)]
struct HandAddress {
    address_line1: Option<String>,
    address_line2: Option<String>,
    city: Option<String>,
    country: Option<String>,
    county: Option<String>,
    #[serde(rename = "POBox")]
    po_box: Option<String>,
    postal_code: Option<String>,
    province: Option<String>,
    suite_number: Option<String>,
    #[serde(rename = "Type")]
    kind: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
#[allow(dead_code)]
struct HandPhone {
    #[serde(rename = "Type")]
    kind: Option<String>,
    value: Option<String>,
}

#[derive(Clone)]
struct Hand {
    http: reqwest::Client,
    url: String,
    bearer: String,
}

impl Hand {
    async fn calls(self, calls: usize) -> Result<(), String> {
        for _ in 0..calls {
            let url = format!(
                "{}/v2/Companies(123)/Locations(5678)/Carriers(41)/Activations(6=1115550123)",
                self.url
            );
            let response = self
                .http
                .get(url)
                .header("Authorization", &self.bearer)
                .send()
                .await
                .map_err(|e| e.to_string())?;
            if !response.status().is_success() {
                return Err(format!("status {}", response.status()));
            }
            let bytes = response.bytes().await.map_err(|e| e.to_string())?;
            let _: HandActivation = serde_json::from_slice(&bytes).map_err(|e| e.to_string())?;
        }
        Ok(())
    }
}

async fn client_calls(client: Client, path: ActivationPath, calls: usize) -> Result<(), String> {
    for _ in 0..calls {
        client
            .get_activation(&path)
            .await
            .map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// The typed call against the hand-rolled one, sequential and with 32 tasks.
pub(super) async fn calls(rounds: usize) -> Result<Vec<Row>, String> {
    let server = BenchServer::start(|_: &Request<'_>| {
        answer(200, "application/json", ACTIVATION.as_bytes())
    })
    .await
    .map_err(|e| format!("server: {e}"))?;
    let url = server.url();
    let client = Client::builder(Credentials::bearer("bench-token"))
        .base_url(&url)
        .build()
        .map_err(|e| e.to_string())?;
    let path = ActivationPath::builder()
        .company_id(123)
        .location_id(5678)
        .carrier_id(41)
        .key("6=1115550123".parse().map_err(|e| format!("{e}"))?)
        .build()
        .map_err(|e| e.to_string())?;
    let hand = Hand {
        http: reqwest::Client::new(),
        url,
        bearer: "Bearer bench-token".into(),
    };
    let sequential = compare(
        "iqmetrix get activation / hand-rolled, sequential",
        Goal::AtMost(1.05),
        Orientation::Time,
        rounds,
        || timed(client_calls(client.clone(), path.clone(), SEQUENTIAL_CALLS)),
        || timed(hand.clone().calls(SEQUENTIAL_CALLS)),
    )
    .await?;
    let concurrent = compare(
        "iqmetrix get activation / hand-rolled, 32 tasks",
        Goal::AtMost(1.05),
        Orientation::Time,
        rounds,
        || {
            timed(in_tasks(TASKS, |_| {
                client_calls(client.clone(), path.clone(), PER_TASK)
            }))
        },
        || timed(in_tasks(TASKS, |_| hand.clone().calls(PER_TASK))),
    )
    .await?;
    Ok(vec![sequential, concurrent])
}
